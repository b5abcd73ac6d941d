package io.teemate.kv.enclave;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands whose reply is random (SPOP, SRANDMEMBER, HRANDFIELD), by their properties: how many elements,
 * members of the collection, distinct unless the count is negative, what SPOP removed and propagated. Their
 * deterministic cases (errors, missing keys, counts past the size) are compared with redis-server in the
 * differential tests.
 */
class RandomCollectionCommandsTest {

    @SuppressWarnings("unchecked")
    private static List<String> array(String raw) {
        return (List<String>) CollectionDiff.parse(raw, new int[] {0});
    }

    private static KvRig setOf(int size) {
        KvRig rig = new KvRig();
        for (int i = 0; i < size; i++) {
            rig.run("SADD", "s", "m" + i);
        }
        rig.engine.takePropagated();
        return rig;
    }

    @Property(tries = 60)
    void srandmemberWithACountGivesDistinctMembersOrRepeatsForANegativeOne(
            @ForAll @IntRange(min = 1, max = 40) int size, @ForAll @IntRange(min = -100, max = 100) int count) {
        KvRig rig = setOf(size);
        List<String> got = array(rig.run("SRANDMEMBER", "s", Integer.toString(count)));
        Set<String> members = new HashSet<>(array(rig.run("SMEMBERS", "s")));
        assertThat(members).hasSize(size);
        assertThat(members).containsAll(got);
        if (count >= 0) {
            assertThat(got).hasSize(Math.min(count, size)).doesNotHaveDuplicates();
        } else {
            assertThat(got).hasSize(-count);
        }
        assertThat(rig.engine.takePropagated()).as("a read").isEmpty();
    }

    @Property(tries = 60)
    void spopTakesDistinctMembersAndPropagatesWhatItTook(
            @ForAll @IntRange(min = 1, max = 40) int size, @ForAll @IntRange(min = 1, max = 50) int count) {
        KvRig rig = setOf(size);
        List<String> got = array(rig.run("SPOP", "s", Integer.toString(count)));
        assertThat(got).hasSize(Math.min(count, size)).doesNotHaveDuplicates();
        got.forEach(m -> assertThat(m).matches("m[0-9]+"));
        List<String> left = rig.cmd("EXISTS s").equals(KvRig.integer(0)) ? List.of() : array(rig.run("SMEMBERS", "s"));
        assertThat(left).hasSize(size - got.size()).doesNotContainAnyElementsOf(got);
        List<String> log = words(rig.engine.takePropagated());
        if (count >= size) {
            assertThat(log).containsExactly("DEL s");
        } else {
            assertThat(log)
                    .containsExactlyInAnyOrderElementsOf(
                            got.stream().map(m -> "SREM s " + m).toList());
        }
    }

    @Property(tries = 30)
    void spopWithoutACountTakesOneMember(@ForAll @IntRange(min = 1, max = 10) int size) {
        KvRig rig = setOf(size);
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < size; i++) {
            String raw = rig.run("SPOP", "s");
            String m = (String) CollectionDiff.parse(raw, new int[] {0});
            assertThat(taken.add(m)).as("taken once").isTrue();
            assertThat(words(rig.engine.takePropagated())).containsExactly("SREM s " + m);
        }
        assertThat(rig.cmd("EXISTS s")).isEqualTo(KvRig.integer(0));
        assertThat(rig.cmd("SPOP s")).isEqualTo("$-1\r\n");
    }

    @Property(tries = 40)
    void hrandfieldWithValuesGivesFieldsWithTheirOwnValues(
            @ForAll @IntRange(min = 1, max = 30) int size, @ForAll @IntRange(min = -60, max = 60) int count) {
        KvRig rig = new KvRig();
        Map<String, String> hash = new HashMap<>();
        for (int i = 0; i < size; i++) {
            hash.put("f" + i, "v" + (i * 7));
            rig.run("HSET", "h", "f" + i, "v" + (i * 7));
        }
        List<String> got = array(rig.run("HRANDFIELD", "h", Integer.toString(count), "WITHVALUES"));
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < got.size(); i += 2) {
            assertThat(hash).containsEntry(got.get(i), got.get(i + 1));
            fields.add(got.get(i));
        }
        if (count >= 0) {
            assertThat(fields).hasSize(Math.min(count, size)).doesNotHaveDuplicates();
        } else {
            assertThat(fields).hasSize(-count);
        }
        List<String> plain = array(rig.run("HRANDFIELD", "h", Integer.toString(count)));
        assertThat(hash.keySet()).containsAll(plain);
    }

    @Test
    void everyMemberIsDrawnEvenFromATableThatGrewAndShrank() {
        KvRig rig = setOf(2000);
        for (int i = 3; i < 2000; i++) {
            rig.run("SREM", "s", "m" + i);
        }
        Set<String> seen = new HashSet<>(array(rig.run("SRANDMEMBER", "s", "-300")));
        assertThat(seen).containsExactlyInAnyOrder("m0", "m1", "m2");
        KvRig small = setOf(5);
        assertThat(new HashSet<>(array(small.run("SRANDMEMBER", "s", "-500"))))
                .containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void aRepeatCountTheEnclaveCannotBuildIsRefused() {
        KvRig rig = setOf(3);
        assertThat(rig.run("SRANDMEMBER", "s", "-9223372036854775807"))
                .isEqualTo(KvRig.err("ERR value is out of range"));
        rig.run("HSET", "h", "f", "v");
        assertThat(rig.run("HRANDFIELD", "h", "-2000000")).isEqualTo(KvRig.err("ERR value is out of range"));
        assertThat(array(rig.run("SRANDMEMBER", "s", "-1048576"))).hasSize(1 << 20);
    }

    private static List<String> words(List<List<byte[]>> commands) {
        return commands.stream()
                .map(argv -> String.join(
                        " ",
                        argv.stream()
                                .map(a -> new String(a, StandardCharsets.ISO_8859_1))
                                .toList()))
                .toList();
    }
}

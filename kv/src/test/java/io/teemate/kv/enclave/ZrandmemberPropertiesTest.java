package io.teemate.kv.enclave;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ZRANDMEMBER's replies are random (t_zset.c zrandmemberWithCountCommand), so their properties are tested: a
 * positive count gives min(count, size) distinct members, a negative one exactly |count| members with repetitions,
 * WITHSCORES pairs each with its score, and only members of the zset ever come back.
 */
class ZrandmemberPropertiesTest {
    @SuppressWarnings("unchecked")
    private static List<Object> array(KvRig kv, String... words) {
        return (List<Object>) DifferentialSortedSetsTest.parse(kv.run(words));
    }

    @Property(tries = 60)
    void countsDistinctnessMembershipAndScores(
            @ForAll @IntRange(min = 1, max = 300) int size, @ForAll @IntRange(min = -400, max = 400) int count) {
        KvRig kv = new KvRig(8192, 64L << 20);
        Map<String, String> scores = new HashMap<>();
        for (int i = 0; i < size; i++) {
            kv.run("ZADD", "z", Integer.toString(i % 13), "m" + i);
            scores.put("m" + i, Integer.toString(i % 13));
        }
        List<Object> plain = array(kv, "ZRANDMEMBER", "z", Integer.toString(count));
        List<Object> with = array(kv, "ZRANDMEMBER", "z", Integer.toString(count), "WITHSCORES");
        int expected = count >= 0 ? Math.min(count, size) : -count;
        assertThat(plain).hasSize(expected);
        assertThat(with).hasSize(2 * expected);
        assertThat(scores.keySet())
                .containsAll(plain.stream().map(String.class::cast).toList());
        if (count >= 0) {
            assertThat(new HashSet<>(plain)).hasSize(expected);
        }
        List<Object> members = new ArrayList<>();
        for (int i = 0; i < with.size(); i += 2) {
            assertThat(with.get(i + 1)).isEqualTo(scores.get((String) with.get(i)));
            members.add(with.get(i));
        }
        if (count >= 0) {
            assertThat(new HashSet<>(members)).hasSize(expected);
        }
        String one = (String) DifferentialSortedSetsTest.parse(kv.run("ZRANDMEMBER", "z"));
        assertThat(scores).containsKey(one);
    }

    @Property(tries = 5)
    void everyMemberComesUpEventually(@ForAll @IntRange(min = 2, max = 20) int size) {
        KvRig kv = new KvRig();
        for (int i = 0; i < size; i++) {
            kv.run("ZADD", "z", "1", "m" + i);
        }
        assertThat(new HashSet<>(array(kv, "ZRANDMEMBER", "z", "-" + 200 * size)))
                .hasSize(size);
    }

    @Property(tries = 3)
    void aHugeNegativeCountIsRefusedInsteadOfFillingTheEnclave() {
        KvRig kv = new KvRig();
        kv.run("ZADD", "z", "1", "a");
        assertThat(kv.run("ZRANDMEMBER", "z", "-9223372036854775807")).startsWith("-OOM");
        assertThat(kv.run("ZRANDMEMBER", "nosuch", "-9223372036854775807")).isEqualTo("*0\r\n");
    }
}

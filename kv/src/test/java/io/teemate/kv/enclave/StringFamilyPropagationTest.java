package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What GETEX, MSETNX, INCRBYFLOAT, the bit commands and the HyperLogLog commands propagate, as redis-server 7.0.15
 * wrote them to its AOF (checked there): GETEX as PEXPIREAT / PERSIST / DEL, a SETBIT or BITFIELD that changed no
 * bit not at all, PFCOUNT (a read) when it stored the cardinality it computed, PFMERGE always.
 */
class StringFamilyPropagationTest {
    private final KvRig rig = new KvRig();

    private List<String> logged(String line) {
        rig.engine.takePropagated();
        rig.cmd(line);
        return rig.engine.takePropagated().stream()
                .map(argv -> argv.stream()
                        .map(a -> new String(a, StandardCharsets.ISO_8859_1))
                        .collect(Collectors.joining(" ")))
                .toList();
    }

    @Test
    void getexIsLoggedAsPexpireatPersistOrDel() {
        long now = rig.now;
        rig.cmd("SET k v");
        assertThat(logged("GETEX k")).isEmpty();
        assertThat(logged("GETEX k EX 10")).containsExactly("PEXPIREAT k " + (now + 10_000));
        assertThat(logged("GETEX k PX 250")).containsExactly("PEXPIREAT k " + (now + 250));
        assertThat(logged("GETEX k EXAT 1800000000")).containsExactly("PEXPIREAT k 1800000000000");
        assertThat(logged("GETEX k PXAT 1800000000123")).containsExactly("PEXPIREAT k 1800000000123");
        assertThat(logged("GETEX k PERSIST")).containsExactly("PERSIST k");
        assertThat(logged("GETEX k PERSIST")).as("no deadline to remove").isEmpty();
        assertThat(logged("GETEX k EX 0")).isEmpty();
        assertThat(logged("GETEX nokey EX 10")).isEmpty();
        assertThat(logged("GETEX k PXAT " + now))
                .as("a deadline already past deletes")
                .containsExactly("DEL k");
        assertThat(rig.cmd("EXISTS k")).isEqualTo(KvRig.integer(0));
    }

    @Test
    void msetnxAndIncrbyfloatAreLoggedAsRedisLogsThem() {
        assertThat(logged("MSETNX a 1 b 2")).containsExactly("MSETNX a 1 b 2");
        assertThat(logged("MSETNX a 1 c 2")).isEmpty();
        rig.cmd("SET f 1.5 EX 100");
        assertThat(logged("INCRBYFLOAT f 0.25")).containsExactly("SET f 1.75 KEEPTTL");
    }

    @Test
    void bitWritesAreLoggedOnlyWhenTheyChangedTheString() {
        assertThat(logged("SETBIT b 3 1")).containsExactly("SETBIT b 3 1");
        assertThat(logged("SETBIT b 3 1")).isEmpty();
        assertThat(logged("SETBIT b 2 0")).isEmpty();
        assertThat(logged("SETBIT b 20 0")).as("grew").containsExactly("SETBIT b 20 0");
        assertThat(logged("BITFIELD b SET u8 0 16")).as("same bits").isEmpty();
        assertThat(logged("BITFIELD b SET u8 0 255")).containsExactly("BITFIELD b SET u8 0 255");
        assertThat(logged("BITFIELD b OVERFLOW FAIL INCRBY u8 0 1")).isEmpty();
        assertThat(logged("BITFIELD b GET u8 0")).isEmpty();
        assertThat(logged("BITOP NOT c b")).containsExactly("BITOP NOT c b");
        assertThat(logged("BITOP AND c nokey")).as("an empty result deletes c").containsExactly("BITOP AND c nokey");
        assertThat(logged("BITOP AND c nokey")).as("nothing left to delete").isEmpty();
    }

    @Test
    void pfcountIsLoggedWhenItCachedTheCardinalityAndPfmergeAlways() {
        assertThat(logged("PFADD h a b c")).containsExactly("PFADD h a b c");
        assertThat(logged("PFADD h a")).isEmpty();
        assertThat(logged("PFCOUNT h")).containsExactly("PFCOUNT h");
        assertThat(logged("PFCOUNT h")).as("the cached value").isEmpty();
        assertThat(logged("PFCOUNT h nokey")).as("several keys change nothing").isEmpty();
        assertThat(logged("PFMERGE h")).containsExactly("PFMERGE h");
        assertThat(logged("PFMERGE m h")).containsExactly("PFMERGE m h");
    }
}

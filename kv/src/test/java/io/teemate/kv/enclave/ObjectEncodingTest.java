package io.teemate.kv.enclave;

import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OBJECT ENCODING and REFCOUNT compared with a real redis-server across Redis 7.0's thresholds and histories. */
class ObjectEncodingTest {
    private static RedisDiff diff;

    @BeforeContainer
    static void start() throws IOException, InterruptedException {
        diff = new RedisDiff();
    }

    @AfterContainer
    static void stop() throws IOException {
        diff.close();
    }

    private static void check(List<String> bad, String... words) throws IOException {
        String m = diff.exact(words);
        if (m != null) {
            bad.add(m);
        }
    }

    private static void encodingAndRefcount(List<String> bad, String key) throws IOException {
        check(bad, "OBJECT", "ENCODING", key);
        check(bad, "OBJECT", "REFCOUNT", key);
    }

    @Example
    void stringsFollowTheirHistory() throws IOException {
        diff.exact("FLUSHALL");
        List<String> bad = new ArrayList<>();
        String[] values = {
            "0",
            "9999",
            "10000",
            "-1",
            "01",
            "+1",
            " 1",
            "1.5",
            "",
            "abc",
            "12345678901234567890",
            "-9223372036854775808",
            "9223372036854775808",
            "x".repeat(44),
            "x".repeat(45),
            "1".repeat(21)
        };
        for (String v : values) {
            check(bad, "SET", "s", v);
            encodingAndRefcount(bad, "s");
            check(bad, "APPEND", "s", "");
            encodingAndRefcount(bad, "s");
            check(bad, "SET", "s", v);
            check(bad, "SETRANGE", "s", "0", "1");
            encodingAndRefcount(bad, "s");
            check(bad, "DEL", "n");
            check(bad, "APPEND", "n", v);
            encodingAndRefcount(bad, "n");
            check(bad, "MSET", "m", v, "m2", v);
            encodingAndRefcount(bad, "m");
            check(bad, "GETSET", "m", v);
            encodingAndRefcount(bad, "m");
            check(bad, "COPY", "m", "c", "REPLACE");
            encodingAndRefcount(bad, "c");
        }
        check(bad, "SET", "i", "10");
        check(bad, "INCR", "i");
        encodingAndRefcount(bad, "i");
        check(bad, "INCRBY", "i", "10000");
        encodingAndRefcount(bad, "i");
        check(bad, "SET", "f", "1");
        check(bad, "INCRBYFLOAT", "f", "1");
        encodingAndRefcount(bad, "f");
        check(bad, "INCR", "f");
        encodingAndRefcount(bad, "f");
        check(bad, "RENAME", "f", "g");
        encodingAndRefcount(bad, "g");
        assertThat(bad).isEmpty();
    }

    @Example
    void setsConvertToHashtableOneWay() throws IOException {
        diff.exact("FLUSHALL");
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < 513; i++) {
            check(bad, "SADD", "s", Integer.toString(i));
            if (i >= 510) {
                encodingAndRefcount(bad, "s");
            }
        }
        check(bad, "SREM", "s", "0", "1", "2");
        encodingAndRefcount(bad, "s");
        check(bad, "SADD", "t", "1", "2");
        encodingAndRefcount(bad, "t");
        check(bad, "SADD", "t", "a");
        encodingAndRefcount(bad, "t");
        check(bad, "SREM", "t", "a");
        encodingAndRefcount(bad, "t");
        check(bad, "COPY", "t", "u");
        encodingAndRefcount(bad, "u");
        check(bad, "SADD", "v", "01");
        encodingAndRefcount(bad, "v");
        check(bad, "SADD", "w", "-9223372036854775808");
        encodingAndRefcount(bad, "w");
        assertThat(bad).isEmpty();
    }

    @Example
    void hashesConvertToHashtableOneWay() throws IOException {
        diff.exact("FLUSHALL");
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < 513; i++) {
            check(bad, "HSET", "h", "f" + i, "v");
            if (i >= 510) {
                encodingAndRefcount(bad, "h");
            }
        }
        check(bad, "HDEL", "h", "f0", "f1");
        encodingAndRefcount(bad, "h");
        check(bad, "HSET", "g", "f", "x".repeat(64));
        encodingAndRefcount(bad, "g");
        check(bad, "HSET", "g", "f", "x".repeat(65));
        encodingAndRefcount(bad, "g");
        check(bad, "HSET", "g", "f", "short");
        encodingAndRefcount(bad, "g");
        check(bad, "HSET", "k", "y".repeat(65), "1");
        encodingAndRefcount(bad, "k");
        check(bad, "RPUSH", "l", "1", "x".repeat(100));
        encodingAndRefcount(bad, "l");
        assertThat(bad).isEmpty();
    }

    @Example
    void idleTimeAndFrequencyFollowLookups() {
        KvRig rig = new KvRig();
        rig.cmd("SET k v");
        rig.now += 5_000;
        assertThat(rig.cmd("OBJECT IDLETIME k")).isEqualTo(KvRig.integer(5));
        rig.cmd("TYPE k");
        rig.cmd("TTL k");
        rig.cmd("EXISTS k");
        assertThat(rig.cmd("OBJECT IDLETIME k")).as("NOTOUCH lookups").isEqualTo(KvRig.integer(5));
        rig.cmd("GET k");
        assertThat(rig.cmd("OBJECT IDLETIME k")).isEqualTo(KvRig.integer(0));
        rig.now += 3_000;
        rig.cmd("TOUCH k");
        assertThat(rig.cmd("OBJECT IDLETIME k")).isEqualTo(KvRig.integer(0));
        rig.ks.access().policy("allkeys-lfu");
        rig.cmd("SET f v");
        assertThat(rig.cmd("OBJECT FREQ f")).isEqualTo(KvRig.integer(AccessTracking.LFU_INIT_VAL));
        for (int i = 0; i < 200; i++) {
            rig.cmd("GET f");
        }
        assertThat(rig.cmd("OBJECT FREQ f")).isNotEqualTo(KvRig.integer(AccessTracking.LFU_INIT_VAL));
        assertThat(rig.cmd("OBJECT IDLETIME f")).startsWith("-ERR An LFU maxmemory policy is selected");
    }
}

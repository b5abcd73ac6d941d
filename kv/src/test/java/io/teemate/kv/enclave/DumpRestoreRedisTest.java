package io.teemate.kv.enclave;

import io.teemate.kv.RedisTools;
import io.teemate.kv.host.RespClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DUMP and RESTORE between the engine and a real redis-server 7.0: redis-server's payloads of every type in its
 * small and big encodings (intset, listpack, quicklist with PACKED and PLAIN nodes, LZF and integer strings,
 * hashtable, skiplist) RESTORE in the engine to the same value and encoding; the engine's payloads RESTORE in
 * redis-server to the same value and encoding (the bytes differ: the engine writes the plain RDB types, see
 * {@link RdbWriter}); RESTORE's errors are redis-server's; and redis-server's payloads, corrupted, are refused
 * cleanly. Needs redis-server.
 */
class DumpRestoreRedisTest {
    /** Every key {@link #fill} makes. */
    static final List<String> KEYS = List.of(
            "s",
            "i",
            "neg",
            "bigint",
            "empty",
            "lzf",
            "long",
            "rnd",
            "l",
            "bigl",
            "plainl",
            "si",
            "si32",
            "si64",
            "ss",
            "sbig",
            "h",
            "hbig",
            "hlongval",
            "z",
            "zbig",
            "zlong");

    interface Sink {
        void run(String... words) throws IOException;
    }

    /**
     * Makes every key of {@link #KEYS} through {@code cmd}: values on both sides of the encodings' limits. The list
     * "plainl" gets PLAIN quicklist nodes in redis-server (its packed threshold lowered to 100 bytes just for it).
     */
    static void fill(Sink cmd, boolean redis) throws IOException {
        Random r = new Random(7);
        cmd.run("SET", "s", "hello");
        cmd.run("SET", "i", "12345");
        cmd.run("SET", "neg", "-7");
        cmd.run("SET", "bigint", "99999999999");
        cmd.run("SET", "empty", "");
        cmd.run("SET", "lzf", "ab".repeat(100));
        cmd.run("SET", "long", "0123456789abcdef".repeat(5000));
        cmd.run("SET", "rnd", RdbTestData.bytes(r, 100) + "\u0000\r\n\u00ff");
        cmd.run(
                "RPUSH",
                "l",
                "a",
                "1",
                "-5",
                "100000",
                "9223372036854775807",
                "-9223372036854775808",
                "x".repeat(63),
                "x".repeat(64),
                "y".repeat(4096),
                "",
                "\u0000\r\n",
                "007",
                "-0",
                "3.5");
        List<String> big = new ArrayList<>(List.of("RPUSH", "bigl"));
        for (int i = 0; i < 2000; i++) {
            big.add(i % 3 == 0 ? Integer.toString(i * 7919) : "e" + i + RdbTestData.bytes(r, r.nextInt(30)));
        }
        cmd.run(big.toArray(String[]::new));
        if (redis) {
            cmd.run("DEBUG", "QUICKLIST-PACKED-THRESHOLD", "100");
        }
        cmd.run("RPUSH", "plainl", "x".repeat(300), "a", "b", "z".repeat(5000), "12");
        if (redis) {
            cmd.run("DEBUG", "QUICKLIST-PACKED-THRESHOLD", Integer.toString(1 << 30));
        }
        cmd.run("SADD", "si", "1", "2", "3", "-5");
        cmd.run("SADD", "si32", "1", "70000", "-70000");
        cmd.run("SADD", "si64", "1", "5000000000", "-9223372036854775808");
        cmd.run("SADD", "ss", "a", "b", "c", "1");
        List<String> sbig = new ArrayList<>(List.of("SADD", "sbig"));
        for (int i = 0; i < 600; i++) {
            sbig.add(Integer.toString(i * 3 - 100));
        }
        cmd.run(sbig.toArray(String[]::new));
        cmd.run("HSET", "h", "f", "v", "g", "7", "n", "-3", "long", "w".repeat(64), "", "empty");
        List<String> hbig = new ArrayList<>(List.of("HSET", "hbig"));
        for (int i = 0; i < 600; i++) {
            hbig.add("f" + i);
            hbig.add(i % 2 == 0 ? Integer.toString(i) : "v" + i);
        }
        cmd.run(hbig.toArray(String[]::new));
        cmd.run("HSET", "hlongval", "f", "v".repeat(100), "g", "1");
        cmd.run("ZADD", "z", "1", "a", "2.5", "b", "-inf", "c", "inf", "d", "0", "e", "-3", "12", "1e100", "big");
        List<String> zbig = new ArrayList<>(List.of("ZADD", "zbig"));
        for (int i = 0; i < 200; i++) {
            zbig.add(Double.toString(i / 7.0));
            zbig.add("m" + i);
        }
        cmd.run(zbig.toArray(String[]::new));
        cmd.run("ZADD", "zlong", "1", "m".repeat(100), "2", "n");
    }

    private static RedisTools.Server redis(Path dir) throws IOException, InterruptedException {
        return new RedisTools.Server(dir, "--enable-debug-command", "yes");
    }

    private static void fillRedis(RedisTools.Server redis) throws IOException {
        fill(
                words -> {
                    Object reply = redis.call(words);
                    assertThat(reply).as(String.join(" ", words)).isNotInstanceOf(RespClient.Err.class);
                },
                true);
    }

    private static void fillEngine(KvRig kv) throws IOException {
        fill(words -> assertThat(kv.run(words)).as(words[0]).doesNotStartWith("-"), false);
    }

    private static String engineEncoding(KvRig kv, String key) {
        String reply = kv.run("OBJECT", "ENCODING", key);
        return reply.substring(reply.indexOf("\r\n") + 2, reply.length() - 2);
    }

    @Test
    void redisServersPayloadsRestoreInTheEngineToTheSameValuesAndEncodings(@TempDir Path dir) throws Exception {
        KvRig kv = new KvRig();
        try (RedisTools.Server redis = redis(dir)) {
            fillRedis(redis);
            List<Integer> types = new ArrayList<>();
            for (String key : KEYS) {
                String payload = (String) redis.call("DUMP", key);
                types.add(payload.charAt(0) & 0xFF);
                assertThat(kv.run("RESTORE", key, "0", payload)).as(key).isEqualTo(KvRig.OK);
                assertThat(Dump.value(kv.ks, kv.ks.find(key.getBytes(StandardCharsets.ISO_8859_1))))
                        .as(key)
                        .isEqualTo(RdbRealRedisTest.valueInRedis(redis, key));
                assertThat(engineEncoding(kv, key)).as(key).isEqualTo(redis.call("OBJECT", "ENCODING", key));
            }
            // the compact types were all there: intset, listpack hash, quicklist 2, zset listpack, and the big ones
            assertThat(types)
                    .contains(
                            Rdb.TYPE_STRING,
                            Rdb.TYPE_SET,
                            Rdb.TYPE_SET_INTSET,
                            Rdb.TYPE_HASH,
                            Rdb.TYPE_HASH_LISTPACK,
                            Rdb.TYPE_LIST_QUICKLIST_2,
                            Rdb.TYPE_ZSET_LISTPACK,
                            Rdb.TYPE_ZSET_2);
            String plain = (String) redis.call("DUMP", "plainl");
            assertThat(plain.charAt(2)).as("plainl's first node is PLAIN").isEqualTo((char) 1);
            assertThat(((String) redis.call("DUMP", "lzf")).charAt(1)).as("LZF").isEqualTo((char) 0xC3);
        }
    }

    @Test
    void theEnginesPayloadsRestoreInRedisServerToTheSameValuesAndEncodings(@TempDir Path dir) throws Exception {
        KvRig kv = new KvRig();
        fillEngine(kv);
        try (RedisTools.Server redis = redis(dir)) {
            fillRedis(redis);
            for (String key : KEYS) {
                String payload = DumpRestoreTest.run(kv, "DUMP", key);
                payload = payload.substring(payload.indexOf("\r\n") + 2, payload.length() - 2);
                assertThat(redis.call("RESTORE", "back:" + key, "0", payload))
                        .as(key)
                        .isEqualTo("OK");
                assertThat(RdbRealRedisTest.valueInRedis(redis, "back:" + key))
                        .as(key)
                        .isEqualTo(RdbRealRedisTest.valueInRedis(redis, key));
                assertThat(redis.call("OBJECT", "ENCODING", "back:" + key))
                        .as(key)
                        .isEqualTo(redis.call("OBJECT", "ENCODING", key));
                // and the engine's own RESTORE of it gives the value back
                assertThat(kv.run("RESTORE", "back:" + key, "0", payload)).isEqualTo(KvRig.OK);
                assertThat(Dump.value(kv.ks, kv.ks.find(("back:" + key).getBytes(StandardCharsets.ISO_8859_1))))
                        .isEqualTo(Dump.value(kv.ks, kv.ks.find(key.getBytes(StandardCharsets.ISO_8859_1))));
            }
        }
    }

    @Test
    void restoreAnswersAsRedisServer(@TempDir Path dir) throws Exception {
        try (RedisDiff d = new RedisDiff()) {
            List<String> bad = new ArrayList<>();
            d.exact("SET", "k", "v");
            d.exact("RPUSH", "l", "a", "b");
            String p = d.redis("DUMP", "k");
            p = p.substring(p.indexOf("\r\n") + 2, p.length() - 2);
            String body = p.substring(0, p.length() - 10);
            String wrongVersion = body + "\u000b\u0000" + p.substring(p.length() - 8);
            String[][] cases = {
                {"DUMP", "k"},
                {"DUMP", "nosuch"},
                {"RESTORE", "k", "0", p},
                {"RESTORE", "k", "-1", "junk"},
                {"RESTORE", "n", "-1", p},
                {"RESTORE", "n", "1.5", p},
                {"RESTORE", "n", "0", p, "BOGUS"},
                {"RESTORE", "n", "0", p, "IDLETIME", "-1"},
                {"RESTORE", "n", "0", p, "IDLETIME", "x"},
                {"RESTORE", "n", "0", p, "FREQ", "256"},
                {"RESTORE", "n", "0", p, "FREQ", "-1"},
                {"RESTORE", "n", "0", p, "IDLETIME", "1", "FREQ", "1"},
                {"RESTORE", "n", "0", p, "FREQ", "1", "IDLETIME", "1"},
                {"RESTORE", "n", "0", "short"},
                {"RESTORE", "n", "0", wrongVersion},
                {"RESTORE", "n", "0", "\u0002\u0000\n\u0000" + "\u0000".repeat(8)},
                {"RESTORE", "n", "0", footer(new byte[] {2, 0})}, // an empty set: rdb.c's "empty keys"
                {"RESTORE", "n", "0", footer(new byte[] {0, 5, 'a', 'b'})}, // cut short
                {"RESTORE", "n", "0", footer(new byte[] {16, 3, 1, 2, 3})}, // not a listpack
                {"RESTORE", "n", "0", footer(new byte[] {(byte) 200, 0})}, // no such type
                {"RESTORE", "n", "0", p, "IDLETIME", "5", "REPLACE", "ABSTTL"},
                {"GET", "n"},
                {"RESTORE", "l", "0", p, "REPLACE"},
                {"TYPE", "l"},
                {"RESTORE", "gone", "1", p, "ABSTTL"},
                {"EXISTS", "gone"},
                {"RESTORE", "n", "1", p, "ABSTTL", "REPLACE"},
                {"EXISTS", "n"},
                {"RESTORE", "n"},
            };
            for (String[] c : cases) {
                String m = d.exact(c);
                if (m != null) {
                    bad.add(m);
                }
            }
            assertThat(bad).isEmpty();
        }
    }

    /** {@code body} with a good DUMP footer, as a word. */
    private static String footer(byte[] body) {
        return new String(DumpRestoreTest.withFooter(body, 10), StandardCharsets.ISO_8859_1);
    }

    @Test
    void redisServersPayloadsCorruptedAreRefusedCleanly(@TempDir Path dir) throws Exception {
        List<byte[]> payloads = new ArrayList<>();
        try (RedisTools.Server redis = redis(dir)) {
            fillRedis(redis);
            for (String key : List.of("s", "i", "lzf", "l", "plainl", "si", "si64", "ss", "h", "hlongval", "z")) {
                payloads.add(((String) redis.call("DUMP", key)).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        KvRig kv = new KvRig();
        kv.run("SET", "bystander", "stays");
        kv.run("HSET", "h", "f", "v");
        java.util.Map<String, Object> dataset = Dump.of(kv.ks);
        int[] counts = DumpRestoreTest.fuzz(kv, payloads, 1407);
        assertThat(Dump.of(kv.ks)).isEqualTo(dataset);
        assertThat(counts[1]).as("refused").isPositive();
        assertThat(counts[0]).as("accepted").isPositive();
    }
}

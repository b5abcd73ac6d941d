package io.teemate.kv.enclave;

import io.teemate.kv.RedisTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files RdbWriter makes are real RDB files: Redis 7's redis-check-rdb accepts them and redis-server loads the
 * same keys, values, types and TTLs; and RdbReader loads what a real redis-server SAVEs, its compact encodings
 * and LZF strings included.
 * Needs redis-server and redis-check-rdb (Debian redis-server, redis-tools): these tests fail without them.
 */
class RdbRealRedisTest {
    private static final long HOUR = 3_600_000;

    private static long export(KvRig kv, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return RdbWriter.write(kv.ks, out);
        }
    }

    private static RdbReader.Result load(Path file, KvRig into) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return RdbReader.read(in, into.ks);
        }
    }

    /** The value of {@code key} as redis-server holds it, in {@link Dump}'s shapes. */
    @SuppressWarnings("unchecked")
    static Object valueInRedis(RedisTools.Server redis, String key) throws IOException {
        Object type = redis.call("TYPE", key);
        return switch ((String) type) {
            case "string" -> redis.call("GET", key);
            case "list" -> redis.call("LRANGE", key, "0", "-1");
            case "set" -> new HashSet<>((List<Object>) redis.call("SMEMBERS", key));
            case "hash" -> {
                List<Object> kv = (List<Object>) redis.call("HGETALL", key);
                Map<String, String> m = new TreeMap<>();
                for (int i = 0; i < kv.size(); i += 2) {
                    m.put((String) kv.get(i), (String) kv.get(i + 1));
                }
                yield m;
            }
            case "zset" ->
                new Dump.Zset(((List<Object>) redis.call("ZRANGE", key, "0", "-1", "WITHSCORES"))
                        .stream().map(o -> (String) o).toList());
            default -> throw new AssertionError("key " + key + " has type " + type + " in redis-server");
        };
    }

    @Test
    void redisCheckRdbAcceptsTheExportAndRedisServerLoadsTheSameDataset(@TempDir Path dir) throws Exception {
        KvRig kv = new KvRig(8192, 64L << 20);
        kv.now = System.currentTimeMillis();
        RdbTestData.fill(kv, 20240601L, 2000, true, HOUR, 1000);
        kv.run("SET", "plain", "no deadline");
        kv.now += 1000; // the keys with short deadlines are now expired: not written
        Map<String, Object> expected = Dump.of(kv.ks);
        Map<String, Long> deadlines = RdbTestData.expiries(kv.ks);
        long withDeadline = deadlines.values().stream().filter(at -> at != 0).count();
        assertThat(withDeadline).isPositive();
        assertThat(expected.values())
                .hasAtLeastOneElementOfType(List.class)
                .hasAtLeastOneElementOfType(HashSet.class)
                .hasAtLeastOneElementOfType(TreeMap.class)
                .hasAtLeastOneElementOfType(String.class);

        Path file = dir.resolve("dump.rdb");
        long written = export(kv, file);
        assertThat(written).isEqualTo(expected.size());

        RedisTools.CheckResult check = RedisTools.checkRdb(file);
        assertThat(check.exitCode())
                .as("redis-check-rdb exit code; output:%n%s", check.output())
                .isZero();
        assertThat(check.output()).contains("Checksum OK", "RDB looks OK!", "AUX FIELD teemate");
        assertThat(check.info("keys read")).isEqualTo(written);
        assertThat(check.info("expires")).isEqualTo(withDeadline);
        assertThat(check.info("already expired")).isZero();

        try (RedisTools.Server redis = new RedisTools.Server(dir)) {
            assertThat(redis.call("DBSIZE")).isEqualTo(written);
            Map<String, Object> inRedis = new TreeMap<>();
            for (String key : expected.keySet()) {
                inRedis.put(key, valueInRedis(redis, key));
            }
            assertThat(inRedis).isEqualTo(expected);
            for (Map.Entry<String, Long> d : deadlines.entrySet()) {
                long before = System.currentTimeMillis();
                long pttl = (Long) redis.call("PTTL", d.getKey());
                long after = System.currentTimeMillis();
                if (d.getValue() == 0) {
                    assertThat(pttl).as("PTTL of %s", d.getKey()).isEqualTo(-1);
                } else {
                    // Redis: PTTL = deadline - its clock, read between before and after (1 s slack for rounding).
                    assertThat(pttl)
                            .as("PTTL of %s", d.getKey())
                            .isBetween(d.getValue() - after - 1000, d.getValue() - before + 1000);
                }
            }
        }
    }

    @Test
    void stringsGoThroughRedisAndBack(@TempDir Path dir) throws Exception {
        KvRig kv = new KvRig();
        kv.now = System.currentTimeMillis();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            kv.run("SET", "s" + i + RdbTestData.bytes(r, r.nextInt(4)), RdbTestData.value(r));
            if (i % 3 == 0) {
                kv.run("PEXPIRE", "s" + i, Long.toString(HOUR + i));
            }
        }
        Map<String, Object> expected = Dump.of(kv.ks);
        Map<String, Long> deadlines = RdbTestData.expiries(kv.ks);
        export(kv, dir.resolve("dump.rdb"));
        try (RedisTools.Server redis = new RedisTools.Server(dir, "--rdbcompression", "no")) {
            assertThat(redis.call("SAVE")).isEqualTo("OK"); // Redis rewrites dump.rdb in its own encodings
        }
        KvRig back = new KvRig();
        back.now = System.currentTimeMillis();
        RdbReader.Result result = load(dir.resolve("dump.rdb"), back);
        assertThat(result.aux().get("redis-ver")).startsWith("7.");
        assertThat(Dump.of(back.ks)).isEqualTo(expected);
        assertThat(RdbTestData.expiries(back.ks)).isEqualTo(deadlines);
    }

    @Test
    void theReaderLoadsAnRdbThatRedisServerSaved(@TempDir Path dir) throws Exception {
        long before;
        long after;
        try (RedisTools.Server redis = new RedisTools.Server(dir, "--rdbcompression", "no")) {
            redis.call("SET", "greeting", "hello");
            redis.call("SET", "int8", "-7");
            redis.call("SET", "int16", "12345");
            redis.call("SET", "int32", "2147483647");
            redis.call("SET", "too-big-for-int32", "99999999999");
            redis.call("SET", "leading-zero", "007");
            redis.call("SET", "long", "z".repeat(20_000));
            redis.call("SET", "binary", "\u0000\u00ff\r\n");
            before = System.currentTimeMillis();
            redis.call("SET", "ttl", "soon", "PX", Long.toString(HOUR));
            after = System.currentTimeMillis();
            assertThat(redis.call("SAVE")).isEqualTo("OK");
        }
        Path file = dir.resolve("dump.rdb");
        byte[] bytes = Files.readAllBytes(file);
        // Integer-valued strings are INT-encoded by Redis (rdb.c rdbTryIntegerEncoding): 0xC0 = INT8, -7.
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("\u0004int8\u00c0\u00f9");

        KvRig kv = new KvRig();
        kv.now = System.currentTimeMillis();
        RdbReader.Result result = load(file, kv);
        assertThat(result.version()).isEqualTo(10);
        assertThat(result.aux()).containsKeys("redis-ver", "redis-bits", "ctime");
        assertThat(result.keysLoaded()).isEqualTo(9);
        Map<String, Object> d = Dump.of(kv.ks);
        assertThat(d)
                .containsEntry("greeting", "hello")
                .containsEntry("int8", "-7")
                .containsEntry("int16", "12345")
                .containsEntry("int32", "2147483647")
                .containsEntry("too-big-for-int32", "99999999999")
                .containsEntry("leading-zero", "007")
                .containsEntry("long", "z".repeat(20_000))
                .containsEntry("binary", "\u0000\u00ff\r\n")
                .containsEntry("ttl", "soon");
        long at = kv.ks.expireAt(kv.ks.find("ttl".getBytes()));
        assertThat(at).isBetween(before + HOUR, after + HOUR);
        assertThat(kv.ks.expireAt(kv.ks.find("greeting".getBytes()))).isZero();
    }

    @Test
    void smallAndBigCollectionsAsRedisSevenSavesThemLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dump.rdb");
        Map<String, Object> inRedis = new TreeMap<>();
        Map<String, Object> encodings = new TreeMap<>();
        // rdbcompression on, as by default: long strings, listpacks and quicklist nodes are LZF-compressed
        try (RedisTools.Server redis = new RedisTools.Server(dir, "--enable-debug-command", "yes")) {
            DumpRestoreRedisTest.fill(redis::call, true);
            for (String key : DumpRestoreRedisTest.KEYS) {
                inRedis.put(key, valueInRedis(redis, key));
                encodings.put(key, redis.call("OBJECT", "ENCODING", key));
            }
            assertThat(redis.call("SAVE")).isEqualTo("OK");
        }
        KvRig kv = new KvRig();
        kv.now = System.currentTimeMillis();
        RdbReader.Result result = load(file, kv);
        assertThat(result.keysLoaded()).isEqualTo(DumpRestoreRedisTest.KEYS.size());
        assertThat(Dump.of(kv.ks)).isEqualTo(inRedis);
        Map<String, Object> loaded = new TreeMap<>();
        for (String key : DumpRestoreRedisTest.KEYS) {
            String reply = kv.run("OBJECT", "ENCODING", key);
            loaded.put(key, reply.substring(reply.indexOf("\r\n") + 2, reply.length() - 2));
        }
        assertThat(loaded).isEqualTo(encodings);
    }
}

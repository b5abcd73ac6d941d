package io.teemate.kv.enclave;

import io.teemate.kv.RedisTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Sorted sets in RDB files: RDB_TYPE_ZSET_LISTPACK for small ones and RDB_TYPE_ZSET_2 otherwise, as Redis 7.0 writes
 * them; redis-check-rdb accepts what the writer makes, redis-server loads the same members and scores, and the
 * reader loads what redis-server SAVEs (both types), refusing malformed listpacks.
 */
class RdbSortedSetTest {
    private static final long HOUR = 3_600_000;

    /** Zsets of every shape: small (listpack), long members, many members (skiplist), +-inf, odd scores. */
    static void fill(KvRig kv) {
        kv.run("ZADD", "small", "1", "a", "2", "b", "-inf", "low", "inf", "high", "1.1", "c", "-0", "zero");
        kv.run("ZADD", "ints", "0", "x", "127", "y", "-4096", "z", "4095", "w", "65536", "v", "-9000000000", "u");
        kv.run("ZADD", "longmember", "3", "m".repeat(100), "4", "short");
        kv.run("ZADD", "ttl", "5", "five");
        kv.run("PEXPIRE", "ttl", Long.toString(HOUR));
        Random r = new Random(5);
        for (int i = 0; i < 500; i++) {
            kv.run("ZADD", "big", Double.toString(r.nextGaussian() * 1e6), "member:" + i);
        }
        kv.run("ZADD", "big", "-0", "negzero", "1e300", "huge", "4e-320", "tiny");
    }

    private static byte[] export(KvRig kv) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdbWriter.write(kv.ks, out);
        return out.toByteArray();
    }

    @Test
    void zsetsComeBackWithTheirScoresOrderEncodingAndDeadline() throws IOException {
        KvRig kv = new KvRig(8192, 64L << 20);
        kv.now = 1_000_000;
        fill(kv);
        byte[] file = export(kv);
        KvRig back = new KvRig(8192, 64L << 20);
        back.now = kv.now;
        RdbReader.read(new ByteArrayInputStream(file), back.ks);
        assertThat(Dump.of(back.ks)).isEqualTo(Dump.of(kv.ks));
        ZsetStore zs = new ZsetStore(back.ks);
        assertThat(zs.skiplistEncoded(back.ks.valueRef(back.ks.find("small".getBytes()))))
                .isFalse();
        assertThat(zs.skiplistEncoded(back.ks.valueRef(back.ks.find("big".getBytes()))))
                .isTrue();
        assertThat(zs.skiplistEncoded(back.ks.valueRef(back.ks.find("longmember".getBytes()))))
                .isTrue();
        assertThat(back.ks.expireAt(back.ks.find("ttl".getBytes()))).isEqualTo(kv.now + HOUR);
        for (String cmd : List.of("ZRANK big negzero", "ZRANGE big 10 20 WITHSCORES", "ZSCORE big tiny")) {
            assertThat(back.cmd(cmd)).as(cmd).isEqualTo(kv.cmd(cmd));
        }
    }

    @Test
    void redisCheckRdbAcceptsZsetsAndRedisServerLoadsTheSameOnes(@TempDir Path dir) throws Exception {
        KvRig kv = new KvRig(8192, 64L << 20);
        kv.now = System.currentTimeMillis();
        fill(kv);
        Path file = dir.resolve("dump.rdb");
        Files.write(file, export(kv));
        RedisTools.CheckResult check = RedisTools.checkRdb(file);
        assertThat(check.exitCode())
                .as("redis-check-rdb output:%n%s", check.output())
                .isZero();
        assertThat(check.output()).contains("RDB looks OK!");
        try (RedisTools.Server redis = new RedisTools.Server(dir)) {
            for (String key : List.of("small", "ints", "longmember", "ttl", "big")) {
                assertThat(redis.call("TYPE", key)).isEqualTo("zset");
                assertThat(redis.call("ZRANGE", key, "0", "-1", "WITHSCORES"))
                        .as(key)
                        .isEqualTo(DifferentialSortedSetsTest.parse(kv.run("ZRANGE", key, "0", "-1", "WITHSCORES")));
            }
            assertThat(redis.call("OBJECT", "ENCODING", "small")).isEqualTo("listpack");
            assertThat(redis.call("OBJECT", "ENCODING", "big")).isEqualTo("skiplist");
            assertThat((Long) redis.call("PTTL", "ttl")).isPositive();
        }
    }

    @Test
    void theReaderLoadsZsetsThatRedisServerSaved(@TempDir Path dir) throws Exception {
        KvRig expected = new KvRig(8192, 64L << 20);
        expected.now = System.currentTimeMillis();
        try (RedisTools.Server redis = new RedisTools.Server(dir, "--rdbcompression", "no")) {
            redis.call("ZADD", "small", "1", "a", "2.5", "b", "-inf", "c", "100", "d", "-7", "e");
            redis.call("ZADD", "big", "0", "seed");
            for (int i = 0; i < 300; i++) {
                redis.call("ZADD", "big", Integer.toString(i * 7 % 101), "m" + i);
            }
            redis.call("ZADD", "big", "1.5e-7", "frac", "inf", "top");
            assertThat(redis.call("OBJECT", "ENCODING", "small")).isEqualTo("listpack");
            assertThat(redis.call("OBJECT", "ENCODING", "big")).isEqualTo("skiplist");
            assertThat(redis.call("SAVE")).isEqualTo("OK");
            KvRig kv = new KvRig(8192, 64L << 20);
            kv.now = System.currentTimeMillis();
            try (InputStream in = Files.newInputStream(dir.resolve("dump.rdb"))) {
                RdbReader.read(in, kv.ks);
            }
            for (String key : List.of("small", "big")) {
                assertThat(DifferentialSortedSetsTest.parse(kv.run("ZRANGE", key, "0", "-1", "WITHSCORES")))
                        .as(key)
                        .isEqualTo(redis.call("ZRANGE", key, "0", "-1", "WITHSCORES"));
            }
        }
    }

    @Test
    void malformedListpacksAreRefusedAsFormatErrors() throws IOException {
        KvRig kv = new KvRig();
        kv.run("ZADD", "z", "1", "a", "2", "bb", "300", "ccc");
        byte[] file = export(kv);
        Random r = new Random(3);
        for (int round = 0; round < 2000; round++) {
            byte[] bad = file.clone();
            int flips = 1 + r.nextInt(3);
            for (int i = 0; i < flips; i++) {
                bad[r.nextInt(bad.length - 8)] = (byte) r.nextInt(256); // the CRC is left as it was
            }
            KvRig into = new KvRig();
            Throwable t = catchThrowable(() -> RdbReader.read(new ByteArrayInputStream(bad), into.ks));
            if (t != null) {
                assertThat(t).as("round %d", round).isInstanceOf(IOException.class);
            }
        }
        // a listpack whose header lies about its size, with a good checksum: refused by name
        List<SortedSetCommands.Scored> items = List.of(new SortedSetCommands.Scored("a".getBytes(), 1));
        byte[] lp = ZsetListpack.encode(items);
        lp[0]++;
        String[] why = new String[1];
        assertThat(Listpack.entries(lp, why)).isNull();
        assertThat(why[0]).contains("header says");
        assertThat(Listpack.entries(ZsetListpack.encode(items), why))
                .extracting(b -> new String(b))
                .containsExactly("a", "1");
    }

    @Test
    void listpackEntriesUseRedisIntegerAndStringEncodings() {
        for (String v : List.of(
                "0",
                "127",
                "128",
                "-1",
                "-4096",
                "4095",
                "4096",
                "-32768",
                "32767",
                "8388607",
                "-8388608",
                "2147483647",
                "-2147483648",
                "9223372036854775807",
                "-9223372036854775808",
                "-0",
                "01",
                "x".repeat(63),
                "x".repeat(64),
                "x".repeat(4095),
                "x".repeat(4096),
                "")) {
            byte[] lp = ZsetListpack.encode(List.of(new SortedSetCommands.Scored(v.getBytes(), 0)));
            String[] why = new String[1];
            assertThat(Listpack.entries(lp, why))
                    .as(v)
                    .extracting(b -> new String(b))
                    .containsExactly(v, "0");
        }
        Map<Integer, Integer> sizes = Map.of(127, 1, 128, 2, 16382, 2, 16383, 3);
        sizes.forEach((len, bytes) -> assertThat(Listpack.backlen(len)).hasSize(bytes));
    }
}

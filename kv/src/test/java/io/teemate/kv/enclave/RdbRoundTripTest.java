package io.teemate.kv.enclave;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** RdbWriter then RdbReader gives back every key, type, value, list order and deadline. */
class RdbRoundTripTest {
    @Property(tries = 25)
    void randomDatasetsComeBackKeyForKey(@ForAll long seed, @ForAll boolean withExpiries) throws IOException {
        KvRig source = new KvRig();
        RdbTestData.fill(source, seed, 150, withExpiries, 1000, 1000);
        source.now += 500; // some deadlines pass now: those keys must not be written
        Map<String, Object> expected = Dump.of(source.ks);
        Map<String, Long> deadlines = RdbTestData.expiries(source.ks);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        long written = RdbWriter.write(source.ks, file);
        assertThat(written).isEqualTo(expected.size());

        KvRig target = new KvRig();
        target.now = source.now;
        RdbReader.Result result = RdbReader.read(new ByteArrayInputStream(file.toByteArray()), target.ks);
        assertThat(result.keysLoaded()).isEqualTo(expected.size());
        assertThat(result.keysExpired()).isZero();
        assertThat(result.version()).isEqualTo(10);
        assertThat(Dump.of(target.ks)).isEqualTo(expected);
        assertThat(RdbTestData.expiries(target.ks)).isEqualTo(deadlines);
        assertThat(target.ks.size()).isEqualTo(expected.size());
    }

    @Test
    void theFileHasRedisSevenHeaderAuxFieldsAndPlainTypes() throws IOException {
        KvRig kv = new KvRig();
        kv.run("SET", "s", "v");
        kv.run("SET", "t", "w", "PX", "5000");
        kv.run("RPUSH", "l", "a", "b", "a");
        byte[] file = RdbTestData.export(kv.ks);
        String text = new String(file, StandardCharsets.ISO_8859_1);

        assertThat(text).startsWith("REDIS0010\u00fa\tredis-ver\u00057.0.0");
        assertThat(text)
                .contains("\u00fa\nredis-bits\u000264", "\u00fa\u0005ctime\n" + kv.now / 1000, "\u00fa\u0007teemate");
        assertThat(text).contains("\u00fe\u0000\u00fb\u0003\u0001"); // SELECTDB 0, RESIZEDB 3 keys 1 expire
        assertThat(text).contains("\u0000\u0001s\u0001v"); // RDB_TYPE_STRING "s" "v"
        assertThat(text).contains("\u0001\u0001l\u0003\u0001a\u0001b\u0001a"); // RDB_TYPE_LIST, 3 elements in order
        byte[] expire = new byte[9];
        expire[0] = (byte) 0xFC;
        long at = kv.now + 5000;
        for (int i = 0; i < 8; i++) {
            expire[1 + i] = (byte) (at >>> (8 * i));
        }
        assertThat(text).contains(new String(expire, StandardCharsets.ISO_8859_1) + "\u0000\u0001t\u0001w");
        // EOF, then the CRC-64 of everything before it, little-endian.
        assertThat(file[file.length - 9]).isEqualTo((byte) 0xFF);
        long crc = 0;
        for (int i = 0; i < 8; i++) {
            crc |= (file[file.length - 8 + i] & 0xFFL) << (8 * i);
        }
        assertThat(crc).isEqualTo(Crc64.update(0, file, 0, file.length - 8));
    }

    @Test
    void lengthEncodingsOnEachBoundary() {
        // rdb.c rdbSaveLen: 00|6 bits, 01|14 bits big-endian, 0x80 + 32 bits, 0x81 + 64 bits, both big-endian.
        assertThat(RdbWriter.encodeLength(0)).containsExactly(0x00);
        assertThat(RdbWriter.encodeLength(63)).containsExactly(0x3F);
        assertThat(RdbWriter.encodeLength(64)).containsExactly(0x40, 0x40);
        assertThat(RdbWriter.encodeLength(16383)).containsExactly(0x7F, 0xFF);
        assertThat(RdbWriter.encodeLength(16384)).containsExactly(0x80, 0x00, 0x00, 0x40, 0x00);
        assertThat(RdbWriter.encodeLength(0xFFFF_FFFFL)).containsExactly(0x80, 0xFF, 0xFF, 0xFF, 0xFF);
        assertThat(RdbWriter.encodeLength(0x1_0000_0000L)).containsExactly(0x81, 0, 0, 0, 1, 0, 0, 0, 0);
        assertThat(RdbWriter.encodeLength(Long.MAX_VALUE))
                .containsExactly(0x81, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
    }

    @Test
    void everyLengthEncodingAndStringSizeRoundTrips() throws IOException {
        KvRig kv = new KvRig();
        int[] sizes = {0, 1, 63, 64, 16383, 16384, 70_000};
        for (int n : sizes) {
            kv.run("SET", "s" + n, "x".repeat(n));
        }
        String[] many = new String[2 + 20_000];
        many[0] = "RPUSH";
        many[1] = "long-list";
        for (int i = 0; i < 20_000; i++) {
            many[2 + i] = Integer.toString(i % 777);
        }
        kv.run(many);
        Map<String, Object> expected = Dump.of(kv.ks);
        KvRig back = new KvRig();
        RdbReader.read(new ByteArrayInputStream(RdbTestData.export(kv.ks)), back.ks);
        assertThat(Dump.of(back.ks)).isEqualTo(expected);
        assertThat(Dump.value(back.ks, back.ks.find("long-list".getBytes())))
                .asInstanceOf(InstanceOfAssertFactories.list(String.class))
                .hasSize(20_000)
                .startsWith("0", "1", "2")
                .endsWith(Integer.toString(19_999 % 777));
    }

    @Test
    void readerDecodesIntegerEncodingsNonMinimalLengthsAndSecondDeadlines() throws IOException {
        KvRig kv = new KvRig();
        byte[] file = RdbTestData.Stream.v10()
                .op(Rdb.TYPE_STRING)
                .str("i8")
                .raw(0xC0, 0xFB) // -5
                .op(Rdb.TYPE_STRING)
                .str("i16")
                .raw(0xC1, 0xD2, 0x04) // 1234
                .op(Rdb.TYPE_STRING)
                .str("i32")
                .raw(0xC2, 0x60, 0x79, 0xFE, 0xFF) // -100000
                .op(Rdb.TYPE_STRING)
                .str("len32")
                .raw(0x80, 0, 0, 0, 3)
                .raw("abc".getBytes())
                .op(Rdb.TYPE_STRING)
                .str("len64")
                .raw(0x81, 0, 0, 0, 0, 0, 0, 0, 2)
                .raw("de".getBytes())
                .op(Rdb.OPCODE_EXPIRETIME)
                .raw(intLE((int) (kv.now / 1000) + 60))
                .op(Rdb.OPCODE_IDLE)
                .len(12)
                .op(Rdb.OPCODE_FREQ)
                .raw(5) // eviction hints, ignored
                .string("by-seconds", "x")
                .op(Rdb.TYPE_SET)
                .str("set")
                .len(2)
                .raw(0xC0, 7)
                .str("b")
                .op(Rdb.TYPE_HASH)
                .str("hash")
                .len(1)
                .str("f")
                .raw(0xC1, 0x00, 0x80) // -32768
                .end();
        RdbReader.Result r = RdbReader.read(new ByteArrayInputStream(file), kv.ks);
        assertThat(r.keysLoaded()).isEqualTo(8);
        Map<String, Object> d = Dump.of(kv.ks);
        assertThat(d)
                .containsEntry("i8", "-5")
                .containsEntry("i16", "1234")
                .containsEntry("i32", "-100000")
                .containsEntry("len32", "abc")
                .containsEntry("len64", "de")
                .containsEntry("by-seconds", "x")
                .containsEntry("set", new java.util.HashSet<>(List.of("7", "b")))
                .containsEntry("hash", new java.util.TreeMap<>(Map.of("f", "-32768")));
        assertThat(kv.ks.expireAt(kv.ks.find("by-seconds".getBytes()))).isEqualTo((kv.now / 1000 + 60) * 1000);
    }

    @Test
    void oldVersionsWithoutChecksumAndAZeroChecksumLoad() throws IOException {
        KvRig kv = new KvRig();
        byte[] v3 = new RdbTestData.Stream("REDIS0003")
                .op(Rdb.OPCODE_SELECTDB)
                .len(0)
                .string("a", "1")
                .endWithoutChecksum();
        assertThat(RdbReader.read(new ByteArrayInputStream(v3), kv.ks).version())
                .isEqualTo(3);
        assertThat(Dump.of(kv.ks)).containsOnlyKeys("a");

        KvRig kv2 = new KvRig();
        byte[] zero = RdbTestData.Stream.v10().string("b", "2").end();
        Arrays.fill(zero, zero.length - 8, zero.length, (byte) 0); // rdb.c: "expected == 0" disables the check
        assertThat(RdbReader.read(new ByteArrayInputStream(zero), kv2.ks).keysLoaded())
                .isEqualTo(1);
    }

    @Test
    void expiredKeysAndEmptyCollectionsAreSkippedOnLoad() throws IOException {
        KvRig kv = new KvRig();
        byte[] file = RdbTestData.Stream.v10()
                .expireMs(kv.now - 1)
                .string("gone", "x")
                .expireMs(kv.now - 1)
                .op(Rdb.TYPE_LIST)
                .str("gone-list")
                .len(2)
                .str("a")
                .str("b")
                .expireMs(kv.now + 10)
                .string("stays", "y")
                .op(Rdb.TYPE_SET)
                .str("empty-set")
                .len(0)
                .string("plain", "z")
                .end();
        RdbReader.Result r = RdbReader.read(new ByteArrayInputStream(file), kv.ks);
        assertThat(r.keysLoaded()).isEqualTo(2);
        assertThat(r.keysExpired()).isEqualTo(2);
        assertThat(r.emptyKeysSkipped()).isEqualTo(1);
        assertThat(Dump.of(kv.ks)).containsOnlyKeys("stays", "plain");
        assertThat(kv.ks.expireAt(kv.ks.find("stays".getBytes()))).isEqualTo(kv.now + 10);
    }

    @Test
    void theWriterSkipsKeysWhoseDeadlinePassedOnItsClock() throws IOException {
        KvRig kv = new KvRig();
        kv.run("SET", "a", "1", "PX", "100");
        kv.run("SET", "b", "2");
        kv.now += 100; // a's deadline is now: expired (Keyspace: at <= now)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(RdbWriter.write(kv.ks, out)).isEqualTo(1);
        KvRig back = new KvRig();
        back.now = kv.now;
        RdbReader.read(new ByteArrayInputStream(out.toByteArray()), back.ks);
        assertThat(Dump.of(back.ks)).containsOnlyKeys("b");
    }

    @Test
    void auxFieldsAreReported() throws IOException {
        KvRig kv = new KvRig();
        kv.run("SET", "k", "v");
        KvRig back = new KvRig();
        RdbReader.Result r = RdbReader.read(new ByteArrayInputStream(RdbTestData.export(kv.ks)), back.ks);
        assertThat(r.aux())
                .containsEntry("redis-ver", "7.0.0")
                .containsEntry("redis-bits", "64")
                .containsEntry("ctime", Long.toString(kv.now / 1000))
                .containsKey("teemate");
    }

    @Test
    void anEmptyKeyspaceIsAValidFile() throws IOException {
        KvRig kv = new KvRig();
        byte[] file = RdbTestData.export(kv.ks);
        KvRig back = new KvRig();
        assertThat(RdbReader.read(new ByteArrayInputStream(file), back.ks).keysLoaded())
                .isZero();
    }

    private static byte[] intLE(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}

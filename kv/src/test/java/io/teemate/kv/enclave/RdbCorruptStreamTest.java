package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Streams RdbReader must refuse, each with an RdbFormatException naming the fault and its byte offset. */
class RdbCorruptStreamTest {
    private static RdbFormatException refused(byte[] file, KvRig into) {
        RdbFormatException e = catchThrowableOfType(
                RdbFormatException.class, () -> RdbReader.read(new ByteArrayInputStream(file), into.ks));
        assertThat(e).as("the stream must be refused").isNotNull();
        assertThat(e.getMessage()).endsWith("at byte offset " + e.offset());
        assertThat(into.ks.size()).as("a failed load leaves the keyspace empty").isZero();
        return e;
    }

    private static RdbFormatException refused(byte[] file) {
        return refused(file, new KvRig());
    }

    private static byte[] sample() throws IOException {
        KvRig kv = new KvRig();
        kv.run("SET", "string", "value");
        kv.run("SET", "ttl", "v", "PX", "60000");
        kv.run("RPUSH", "list", "a", "b", "c");
        kv.run("SADD", "set", "x", "y");
        kv.run("HSET", "hash", "f", "1", "g", "2");
        return RdbTestData.export(kv.ks);
    }

    @Test
    void everyTruncationIsRefusedAtTheOffsetWhereTheStreamEnds() throws IOException {
        byte[] file = sample();
        for (int len = 0; len < file.length; len++) {
            RdbFormatException e = refused(Arrays.copyOf(file, len));
            assertThat(e.getMessage()).as("prefix of %d bytes", len).startsWith("truncated stream: it ends inside");
            assertThat(e.offset()).as("prefix of %d bytes", len).isEqualTo(len);
        }
    }

    @Test
    void everySingleByteCorruptionIsRefused() throws IOException {
        byte[] file = sample();
        for (int i = 0; i < file.length; i++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] bad = file.clone();
                bad[i] ^= (byte) flip;
                KvRig kv = new KvRig();
                RdbFormatException e = catchThrowableOfType(
                        RdbFormatException.class, () -> RdbReader.read(new ByteArrayInputStream(bad), kv.ks));
                assertThat(e).as("byte %d xor 0x%02x", i, flip).isNotNull();
                assertThat(e.offset()).isBetween(0L, (long) file.length);
                assertThat(kv.ks.size()).isZero();
            }
        }
    }

    @Test
    void badChecksumNamesBothValuesAndTheChecksumOffset() throws IOException {
        byte[] file = sample();
        file[file.length - 1] ^= 0x10;
        RdbFormatException e = refused(file);
        assertThat(e.getMessage()).startsWith("bad CRC-64: the stream says 0x");
        assertThat(e.offset()).isEqualTo(file.length - 8);

        byte[] body = sample();
        body[22] ^= 0x01; // the '.' of the "redis-ver" aux value "7.0.0": only the checksum can tell
        assertThat(refused(body).getMessage()).startsWith("bad CRC-64");
    }

    @Test
    void notAnRdbOrAnUnsupportedVersion() {
        assertThat(refused("HELLO0010".getBytes()).getMessage())
                .contains("not an RDB stream")
                .contains("HELLO");
        RdbFormatException v11 = refused(new RdbTestData.Stream("REDIS0011").end());
        assertThat(v11.getMessage()).contains("unsupported RDB version 11");
        assertThat(v11.offset()).isEqualTo(5);
        assertThat(refused(new RdbTestData.Stream("REDIS0000").end()).getMessage())
                .contains("version 0");
        assertThat(refused(new RdbTestData.Stream("REDISx010").end()).getMessage())
                .contains("bad RDB version 'x010'");
    }

    @Test
    void anotherDatabaseIsAClearError() {
        RdbTestData.Stream s = RdbTestData.Stream.v10().string("a", "1");
        int at = s.size();
        RdbFormatException e =
                refused(s.op(Rdb.OPCODE_SELECTDB).len(16).string("b", "2").end());
        assertThat(e.getMessage()).contains("SELECTDB 16", "more than 16 databases");
        assertThat(e.offset()).isEqualTo(at);
    }

    @Test
    void unsupportedValueTypesNameTheTypeAndTheKey() {
        RdbTestData.Stream s = RdbTestData.Stream.v10().string("ok", "1");
        int at = s.size();
        RdbFormatException e = refused(s.op(20).str("s7").len(3).raw(1, 2, 3).end());
        assertThat(e.getMessage()).contains("'s7'", "value type 20 (RDB_TYPE_SET_LISTPACK)");
        assertThat(e.offset()).isEqualTo(at);
        // the compact encodings load, and a blob that is not one is refused by what it is meant to be
        RdbFormatException lp = refused(
                RdbTestData.Stream.v10().op(16).str("h").len(3).raw(1, 2, 3).end());
        assertThat(lp.getMessage()).contains("hash 'h' holds a listpack of 3 bytes");
        assertThat(refused(RdbTestData.Stream.v10().op(12).str("z").len(0).end())
                        .getMessage())
                .contains("sorted set 'z' holds a ziplist of 0 bytes");
        assertThat(refused(RdbTestData.Stream.v10().op(15).str("st").end()).getMessage())
                .contains("RDB_TYPE_STREAM_LISTPACKS");
        assertThat(refused(RdbTestData.Stream.v10().op(7).str("m").end()).getMessage())
                .contains("RDB_TYPE_MODULE_2");
        assertThat(refused(RdbTestData.Stream.v10()
                                .op(18)
                                .str("q")
                                .len(1)
                                .len(3)
                                .end())
                        .getMessage())
                .contains("list 'q' has a quicklist node of unknown container 3");
        assertThat(refused(RdbTestData.Stream.v10().op(99).str("q").end()).getMessage())
                .contains("value type 99 (unknown)");
    }

    @Test
    void unsupportedOpcodesAreNamed() {
        RdbTestData.Stream s = RdbTestData.Stream.v10();
        int at = s.size();
        RdbFormatException e = refused(s.op(Rdb.OPCODE_MODULE_AUX).len(1).end());
        assertThat(e.getMessage()).contains("opcode 247 (RDB_OPCODE_MODULE_AUX)");
        assertThat(e.offset()).isEqualTo(at);
        assertThat(refused(RdbTestData.Stream.v10()
                                .op(Rdb.OPCODE_FUNCTION2)
                                .str("lib")
                                .end())
                        .getMessage())
                .contains("RDB_OPCODE_FUNCTION2");
    }

    @Test
    void lzfStringsAndBadLengthEncodingsAreRefusedWhereTheyStart() {
        RdbTestData.Stream s = RdbTestData.Stream.v10().op(Rdb.TYPE_STRING).str("k");
        int at = s.size();
        RdbFormatException lzf =
                refused(s.raw(0xC3, 0x02, 0x05, 0x01, 0x61, 0x62).end());
        assertThat(lzf.getMessage()).contains("LZF", "'k'");
        assertThat(lzf.offset()).isEqualTo(at);

        RdbTestData.Stream s2 = RdbTestData.Stream.v10().op(Rdb.TYPE_STRING).str("k");
        int at2 = s2.size();
        RdbFormatException enc = refused(s2.raw(0x82, 0, 0, 0, 0).end());
        assertThat(enc.getMessage()).contains("bad length encoding 0x82");
        assertThat(enc.offset()).isEqualTo(at2);

        RdbFormatException unknown = refused(
                RdbTestData.Stream.v10().op(Rdb.TYPE_STRING).str("k").raw(0xC7).end());
        assertThat(unknown.getMessage()).contains("unknown string encoding 0xc7");

        RdbFormatException huge = refused(RdbTestData.Stream.v10()
                .op(Rdb.TYPE_STRING)
                .str("k")
                .raw(0x81, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00)
                .end());
        assertThat(huge.getMessage()).contains("bad length 4294967296");

        RdbFormatException negative = refused(RdbTestData.Stream.v10()
                .op(Rdb.TYPE_STRING)
                .str("k")
                .raw(0x81, 0x80, 0, 0, 0, 0, 0, 0, 1)
                .end());
        assertThat(negative.getMessage()).contains("bad length 9223372036854775809");

        RdbFormatException countAsInt = refused(
                RdbTestData.Stream.v10().op(Rdb.TYPE_LIST).str("l").raw(0xC0, 1).end());
        assertThat(countAsInt.getMessage()).contains("expected the length of the element count", "0xc0");
    }

    @Test
    void aBigDeclaredLengthInAShortStreamIsATruncationNotAnAllocation() {
        byte[] file = RdbTestData.Stream.v10()
                .op(Rdb.TYPE_STRING)
                .str("k")
                .len(500L << 20)
                .raw("abc".getBytes())
                .end();
        RdbFormatException e = refused(file);
        assertThat(e.getMessage()).startsWith("truncated stream").contains("'k'");
        assertThat(e.offset()).isEqualTo(file.length);
    }

    @Test
    void duplicatesAreRefused() {
        assertThat(refused(RdbTestData.Stream.v10()
                                .string("a", "1")
                                .string("a", "2")
                                .end())
                        .getMessage())
                .contains("duplicate key 'a'");
        assertThat(refused(RdbTestData.Stream.v10()
                                .op(Rdb.TYPE_SET)
                                .str("s")
                                .len(2)
                                .str("m")
                                .str("m")
                                .end())
                        .getMessage())
                .contains("duplicate member 'm' in set 's'");
        assertThat(refused(RdbTestData.Stream.v10()
                                .op(Rdb.TYPE_HASH)
                                .str("h")
                                .len(2)
                                .str("f")
                                .str("1")
                                .str("f")
                                .str("2")
                                .end())
                        .getMessage())
                .contains("duplicate field 'f' in hash 'h'");
    }

    @Test
    void anExpireMustBeFollowedByAKey() {
        RdbTestData.Stream s = RdbTestData.Stream.v10().expireMs(1L << 50);
        int at = s.size();
        RdbFormatException e = refused(s.end());
        assertThat(e.getMessage()).contains("not followed by a key");
        assertThat(e.offset()).isEqualTo(at);
    }

    @Test
    void aFailedLoadFreesWhatItBuiltAndTheKeyspaceCanLoadAgain() throws IOException {
        KvRig kv = new KvRig();
        byte[] bad = RdbTestData.Stream.v10()
                .string("a", "1")
                .op(Rdb.TYPE_LIST)
                .str("l")
                .len(3)
                .str("x")
                .str("y")
                .op(0xC3)
                .end();
        refused(bad, kv);
        byte[] good = sample();
        RdbReader.read(new ByteArrayInputStream(good), kv.ks);
        assertThat(Dump.of(kv.ks)).containsOnlyKeys("string", "ttl", "list", "set", "hash");
    }

    @Test
    void theTargetMustBeAnEmptyWritableKeyspace() throws IOException {
        KvRig kv = new KvRig();
        kv.run("SET", "already", "here");
        byte[] file = sample();
        assertThatThrownBy(() -> RdbReader.read(new ByteArrayInputStream(file), kv.ks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty keyspace")
                .hasMessageContaining("holds 1 keys");
        assertThat(Dump.of(kv.ks)).containsOnlyKeys("already");
        Keyspace snapshot = Keyspace.attach(new KvRig().space.fork(), () -> 0);
        assertThatThrownBy(() -> RdbReader.read(new ByteArrayInputStream(file), snapshot))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read-only");
    }

    @Test
    void messagesQuoteBinaryKeysReadably() {
        assertThat(RdbReader.show(new byte[] {'a', 0, (byte) 0xFF, '\''})).isEqualTo("'a\\x00\\xff\\x27'");
        assertThat(RdbReader.show("k".repeat(100).getBytes())).endsWith("...(100 bytes)'");
    }
}

package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The compact blobs RdbReader decodes that redis-server 7.0 no longer writes (ziplists, zipmaps: Redis before 7.0)
 * or writes inside other blobs (LZF), from the layouts documented in ziplist.c, zipmap.c, intset.c and lzf_d.c, and
 * their malformed forms, each refused with the reason.
 */
class CompactEncodingsTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    private static List<String> strings(List<byte[]> l) {
        return l == null ? null : Dump.strings(l);
    }

    /** A ziplist of the given entry bodies (encoding and data), each given its prevlen, with its header. */
    static byte[] ziplist(byte[]... bodies) {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        int prev = 0;
        int tail = Ziplist.HEADER;
        for (byte[] body : bodies) {
            tail = Ziplist.HEADER + entries.size();
            int start = entries.size();
            if (prev < 254) {
                entries.write(prev);
            } else {
                entries.write(254);
                for (int i = 0; i < 4; i++) {
                    entries.write(prev >>> (8 * i));
                }
            }
            entries.writeBytes(body);
            prev = entries.size() - start;
        }
        int total = Ziplist.HEADER + entries.size() + 1;
        ByteArrayOutputStream zl = new ByteArrayOutputStream();
        for (int v : new int[] {total, tail}) {
            for (int i = 0; i < 4; i++) {
                zl.write(v >>> (8 * i));
            }
        }
        zl.write(bodies.length);
        zl.write(bodies.length >>> 8);
        zl.writeBytes(entries.toByteArray());
        zl.write(0xFF);
        return zl.toByteArray();
    }

    private static byte[] str6(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[b.length + 1];
        out[0] = (byte) b.length;
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }

    @Test
    void theZiplistsOfZiplistDotCsCommentDecode() {
        String[] why = new String[1];
        // ziplist.c: "the ziplist containing the two elements representing the strings "2" and "5""
        assertThat(strings(Ziplist.entries(hex("0f000000 0c000000 0200 00f3 02f6 ff"), why)))
                .containsExactly("2", "5");
        // ...and after pushing "Hello World"
        byte[] hello = hex("1c000000 0e000000 0300 00f3 02f6 020b 48656c6c6f20576f726c64 ff");
        assertThat(strings(Ziplist.entries(hello, why))).containsExactly("2", "5", "Hello World");
        assertThat(hello).isEqualTo(ziplist(hex("f3"), hex("f6"), str6("Hello World")));
    }

    @Test
    void everyZiplistEncodingDecodes() {
        String big = "b".repeat(300); // a 14-bit length, and the next entry's prevlen takes 5 bytes
        String huge = "h".repeat(20_000); // a 32-bit length
        byte[] s14 = new byte[2 + 300];
        s14[0] = (byte) (0x40 | 300 >> 8);
        s14[1] = (byte) 300;
        System.arraycopy(big.getBytes(), 0, s14, 2, 300);
        byte[] s32 = new byte[5 + 20_000];
        s32[0] = (byte) 0x80;
        s32[3] = (byte) (20_000 >> 8);
        s32[4] = (byte) 20_000;
        System.arraycopy(huge.getBytes(), 0, s32, 5, 20_000);
        byte[] zl = ziplist(
                hex("fe 80"), // int8 -128
                hex("c0 3930"), // int16 12345
                hex("f0 ffff7f"), // int24 8388607
                hex("d0 00000080"), // int32 -2147483648
                hex("e0 ffffffffffffff7f"), // int64
                hex("f1"), // immediate 0
                hex("fd"), // immediate 12
                s14,
                hex("00"), // the empty string, after a 5-byte prevlen
                s32,
                str6("x"));
        String[] why = new String[1];
        assertThat(strings(Ziplist.entries(zl, why)))
                .as(why[0])
                .containsExactly(
                        "-128",
                        "12345",
                        "8388607",
                        "-2147483648",
                        "9223372036854775807",
                        "0",
                        "12",
                        big,
                        "",
                        huge,
                        "x");
    }

    @Test
    void malformedZiplistsAreRefusedWithTheReason() {
        byte[] good = ziplist(str6("a"), hex("f3"), str6("bc"));
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("header says", with(good, 0, good[0] + 1));
        bad.put("tail at", with(good, 4, good[4] + 1));
        bad.put("entries but holds", with(good, 8, good[8] + 1));
        bad.put("prevlen is wrong", with(good, 10 + 3, good[10 + 3] + 1));
        bad.put("unknown encoding 0xc1", with(good, 10 + 1, 0xC1));
        bad.put("without its end byte", with(good, good.length - 1, 0));
        bad.put("longer than what is left", with(good, 10 + 6, 0x3F));
        bad.put("shorter than its header", hex("0a000000 0a000000 00"));
        for (Map.Entry<String, byte[]> c : bad.entrySet()) {
            String[] why = new String[1];
            assertThat(Ziplist.entries(c.getValue(), why)).as(c.getKey()).isNull();
            assertThat(why[0]).contains(c.getKey());
        }
        String[] why = new String[1];
        assertThat(strings(Ziplist.entries(ziplist(), why))).isEmpty();
        byte[] unknownCount = good.clone();
        unknownCount[8] = (byte) 0xFF;
        unknownCount[9] = (byte) 0xFF;
        assertThat(strings(Ziplist.entries(unknownCount, why))).containsExactly("a", "2", "bc");
    }

    private static byte[] with(byte[] b, int at, int v) {
        byte[] c = b.clone();
        c[at] = (byte) v;
        return c;
    }

    @Test
    void zipmapOfZipmapDotCsCommentDecodesAndMalformedOnesAreRefused() {
        // zipmap.c: "foo" => "bar", "hello" => "world" (free bytes after a value are skipped)
        byte[] zm = hex("02 03 666f6f 03 00 626172 05 68656c6c6f 05 02 776f726c64 0000 ff");
        String[] why = new String[1];
        assertThat(strings(Zipmap.entries(zm, why))).containsExactly("foo", "bar", "hello", "world");
        assertThat(Zipmap.entries(with(zm, 0, 3), why)).isNull();
        assertThat(why[0]).contains("says 3 pairs");
        assertThat(Zipmap.entries(with(zm, zm.length - 1, 0), why)).isNull();
        assertThat(Zipmap.entries(with(zm, 1, 200), why)).isNull();
        assertThat(why[0]).contains("longer than what is left");
    }

    @Test
    void intsetsDecodeInOrderAndMalformedOnesAreRefused() {
        String[] why = new String[1];
        assertThat(strings(Intset.members(hex("02000000 03000000 fbff 0100 e803"), why)))
                .containsExactly("-5", "1", "1000");
        assertThat(strings(Intset.members(hex("08000000 01000000 0000000000000080"), why)))
                .containsExactly("-9223372036854775808");
        assertThat(Intset.members(hex("02000000 02000000 0100 0100"), why)).isNull();
        assertThat(why[0]).contains("not strictly ascending");
        assertThat(Intset.members(hex("02000000 03000000 0100 0200"), why)).isNull();
        assertThat(why[0]).contains("3 members of 2 bytes in 4 bytes");
        assertThat(Intset.members(hex("02000000 00000000"), why)).isNull();
        assertThat(why[0]).contains("an empty intset");
        assertThat(Intset.members(hex("03000000 01000000 010000"), why)).isNull();
        assertThat(why[0]).contains("unknown encoding 3");
    }

    @Test
    void lzfDecompressesRedisesOutputAndRefusesBadStreams() {
        // redis-server 7.0's DUMP of SET k <"ab" x 100>: RDB_ENC_LZF, 10 compressed bytes, 200 uncompressed
        byte[] c = hex("02616261 e0ba01 016162");
        assertThat(new String(Lzf.decompress(c, 200))).isEqualTo("ab".repeat(100));
        assertThat(Lzf.decompress(c, 199)).as("too short a target").isNull();
        assertThat(Lzf.decompress(c, 201)).as("too long a target").isNull();
        assertThat(Lzf.decompress(java.util.Arrays.copyOf(c, 9), 200)).as("cut").isNull();
        assertThat(Lzf.decompress(hex("20 05"), 3))
                .as("a reference before the start")
                .isNull();
        assertThat(Lzf.decompress(hex("05 61"), 6))
                .as("a literal run past the input")
                .isNull();
    }

    @Test
    void theOldRdbTypesLoad() throws Exception {
        byte[] listZl = ziplist(str6("a"), hex("f3"), str6("b"));
        byte[] node2 = ziplist(str6("c"));
        byte[] hashZl = ziplist(str6("f"), str6("v"), str6("n"), hex("fe 80"));
        byte[] zsetZl = ziplist(str6("m"), str6("1.5"), str6("n"), hex("c0 3930"));
        byte[] zm = hex("01 01 66 01 00 76 ff");
        byte[] file = RdbTestData.Stream.v10()
                .op(Rdb.TYPE_LIST_ZIPLIST)
                .str("lz")
                .len(listZl.length)
                .raw(listZl)
                .op(Rdb.TYPE_LIST_QUICKLIST)
                .str("lq")
                .len(3)
                .len(listZl.length)
                .raw(listZl)
                .len(ziplist().length) // an empty node: skipped, as rdb.c does
                .raw(ziplist())
                .len(node2.length)
                .raw(node2)
                .op(Rdb.TYPE_HASH_ZIPLIST)
                .str("hz")
                .len(hashZl.length)
                .raw(hashZl)
                .op(Rdb.TYPE_ZSET_ZIPLIST)
                .str("zz")
                .len(zsetZl.length)
                .raw(zsetZl)
                .op(Rdb.TYPE_HASH_ZIPMAP)
                .str("hm")
                .len(zm.length)
                .raw(zm)
                .op(Rdb.TYPE_LIST_QUICKLIST)
                .str("empty")
                .len(1)
                .len(ziplist().length)
                .raw(ziplist())
                .end();
        KvRig kv = new KvRig();
        RdbReader.Result r = RdbReader.read(new ByteArrayInputStream(file), kv.ks);
        assertThat(r.keysLoaded()).isEqualTo(5);
        assertThat(r.emptyKeysSkipped()).isEqualTo(1);
        assertThat(Dump.of(kv.ks))
                .containsEntry("lz", List.of("a", "2", "b"))
                .containsEntry("lq", List.of("a", "2", "b", "c"))
                .containsEntry("hz", new java.util.TreeMap<>(Map.of("f", "v", "n", "-128")))
                .containsEntry("zz", new Dump.Zset(List.of("m", "1.5", "n", "12345")))
                .containsEntry("hm", new java.util.TreeMap<>(Map.of("f", "v")))
                .doesNotContainKey("empty");
        assertThat(kv.cmd("OBJECT ENCODING zz")).isEqualTo(KvRig.bulk("listpack"));

        // duplicates inside a blob are refused, as rdb.c's integrity checks do
        byte[] dupHash = ziplist(str6("f"), str6("v"), str6("f"), str6("w"));
        RdbFormatException e = catchThrowableOfType(
                RdbFormatException.class,
                () -> RdbReader.read(
                        new ByteArrayInputStream(RdbTestData.Stream.v10()
                                .op(Rdb.TYPE_HASH_ZIPLIST)
                                .str("d")
                                .len(dupHash.length)
                                .raw(dupHash)
                                .end()),
                        new KvRig().ks));
        assertThat(e.getMessage()).contains("duplicate field 'f' in hash 'd'");
        byte[] dupSet = hex("02000000 02000000 0100 0100");
        e = catchThrowableOfType(
                RdbFormatException.class,
                () -> RdbReader.read(
                        new ByteArrayInputStream(RdbTestData.Stream.v10()
                                .op(Rdb.TYPE_SET_INTSET)
                                .str("s")
                                .len(dupSet.length)
                                .raw(dupSet)
                                .end()),
                        new KvRig().ks));
        assertThat(e.getMessage()).contains("set 's' holds an intset whose members are not strictly ascending");
    }
}

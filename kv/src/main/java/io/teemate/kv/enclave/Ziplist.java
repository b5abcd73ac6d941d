package io.teemate.kv.enclave;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the ziplists of the RDB types Redis before 7.0 wrote (ziplist.c): RDB_TYPE_LIST_ZIPLIST, the nodes of
 * RDB_TYPE_LIST_QUICKLIST, RDB_TYPE_HASH_ZIPLIST and RDB_TYPE_ZSET_ZIPLIST, which Redis 7.0 still loads (converting
 * them to listpacks). Hostile bytes, checked as ziplistValidateIntegrity does with deep checking: zlbytes must be
 * the blob's size, zltail the offset of the last entry, the end byte 0xFF last, every entry's prevlen the size of
 * the entry before it and every entry within the blob, zllen (unless 65535, "unknown") the entry count.
 */
final class Ziplist {
    private Ziplist() {}

    static final int HEADER = 10;
    static final int END = 0xFF;
    /** ziplist.c ZIP_BIG_PREVLEN: a prevlen byte of 254 is followed by the 4-byte length. */
    static final int BIG_PREVLEN = 254;

    /** Every entry of {@code zl} as strings (integers as decimal text); null, and why in {@code why[0]}. */
    static List<byte[]> entries(byte[] zl, String[] why) {
        if (zl.length < HEADER + 1) {
            why[0] = "a ziplist of " + zl.length + " bytes (shorter than its header)";
            return null;
        }
        long bytes = le(zl, 0, 4);
        long tail = le(zl, 4, 4);
        int count = (int) le(zl, 8, 2);
        if (bytes != zl.length) {
            why[0] = "a ziplist whose header says " + bytes + " bytes in a string of " + zl.length;
            return null;
        }
        if ((zl[zl.length - 1] & 0xFF) != END) {
            why[0] = "a ziplist without its end byte";
            return null;
        }
        List<byte[]> out = new ArrayList<>();
        int end = zl.length - 1;
        int p = HEADER;
        long prevLen = 0;
        int last = HEADER;
        while (p < end) {
            int start = p;
            int b = zl[p] & 0xFF;
            long prev;
            if (b < BIG_PREVLEN) {
                prev = b;
                p += 1;
            } else if (b == BIG_PREVLEN) {
                if (end - p < 5) {
                    why[0] = "a ziplist entry cut short";
                    return null;
                }
                prev = le(zl, p + 1, 4);
                p += 5;
            } else {
                why[0] = "a ziplist entry where its end byte is";
                return null;
            }
            if (prev != prevLen) {
                why[0] = "a ziplist entry whose prevlen is wrong";
                return null;
            }
            if (p >= end) {
                why[0] = "a ziplist entry cut short";
                return null;
            }
            int enc = zl[p] & 0xFF;
            long dataLen;
            int headerLen;
            byte[] value = null;
            if (enc < 0xC0) { // a string: 00pppppp, 01pppppp qqqqqqqq, 10______ + 4 bytes big-endian
                switch (enc >>> 6) {
                    case 0 -> {
                        headerLen = 1;
                        dataLen = enc & 0x3F;
                    }
                    case 1 -> {
                        headerLen = 2;
                        if (end - p < 2) {
                            why[0] = "a ziplist entry cut short";
                            return null;
                        }
                        dataLen = (enc & 0x3F) << 8 | (zl[p + 1] & 0xFF);
                    }
                    default -> {
                        headerLen = 5;
                        if (end - p < 5) {
                            why[0] = "a ziplist entry cut short";
                            return null;
                        }
                        dataLen = 0;
                        for (int i = 1; i <= 4; i++) {
                            dataLen = dataLen << 8 | (zl[p + i] & 0xFF);
                        }
                    }
                }
            } else {
                headerLen = 1;
                int n = switch (enc) {
                    case 0xC0 -> 2; // ZIP_INT_16B
                    case 0xD0 -> 4; // ZIP_INT_32B
                    case 0xE0 -> 8; // ZIP_INT_64B
                    case 0xF0 -> 3; // ZIP_INT_24B
                    case 0xFE -> 1; // ZIP_INT_8B
                    default -> enc >= 0xF1 && enc <= 0xFD ? 0 : -1; // ZIP_INT_IMM: 0 to 12 in the low 4 bits
                };
                if (n < 0) {
                    why[0] = String.format("a ziplist entry of unknown encoding 0x%02x", enc);
                    return null;
                }
                dataLen = n;
                if (dataLen > end - p - 1L) {
                    why[0] = "a ziplist entry cut short";
                    return null;
                }
                long v;
                if (n == 0) {
                    v = (enc & 0x0F) - 1;
                } else {
                    v = le(zl, p + 1, n);
                    int shift = 64 - 8 * n;
                    v = (v << shift) >> shift;
                }
                value = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            }
            if (dataLen > end - p - (long) headerLen) {
                why[0] = "a ziplist entry longer than what is left";
                return null;
            }
            int dataAt = p + headerLen;
            if (value == null) {
                value = Arrays.copyOfRange(zl, dataAt, dataAt + (int) dataLen);
            }
            p = dataAt + (int) dataLen;
            out.add(value);
            prevLen = p - start;
            last = start;
        }
        if (tail != last) {
            why[0] = "a ziplist whose header puts its tail at " + tail + ", not " + last;
            return null;
        }
        if (count != 0xFFFF && count != out.size()) {
            why[0] = "a ziplist whose header says " + count + " entries but holds " + out.size();
            return null;
        }
        return out;
    }

    static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (b[off + i] & 0xFFL) << (8 * i);
        }
        return v;
    }
}

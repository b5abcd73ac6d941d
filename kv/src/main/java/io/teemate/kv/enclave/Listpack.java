package io.teemate.kv.enclave;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis 7.0's listpack (listpack.c), the blob inside RDB_TYPE_ZSET_LISTPACK, RDB_TYPE_HASH_LISTPACK and the PACKED
 * nodes of RDB_TYPE_LIST_QUICKLIST_2. Writing follows lpEncodeGetType (an integer-looking string is stored as an
 * integer) and lpEncodeBacklen; reading is of hostile bytes (lpValidateIntegrity with deep checking): every length
 * is checked against what is left, every entry's back-length too, the header's total against the blob and its
 * entry count (unless 65535, "unknown") against the entries found.
 */
final class Listpack {
    private Listpack() {}

    static final int HEADER = 6;
    static final int EOF = 0xFF;
    /** listpack.c LP_HDR_NUMELE_UNKNOWN. */
    static final int NUMELE_UNKNOWN = 65535;

    /** The listpack of {@code items}, in order (lpAppend of each). */
    static byte[] build(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[HEADER]);
        for (byte[] s : items) {
            entry(out, s);
        }
        out.write(EOF);
        byte[] lp = out.toByteArray();
        long total = lp.length;
        for (int i = 0; i < 4; i++) {
            lp[i] = (byte) (total >>> (8 * i));
        }
        int n = Math.min(items.size(), NUMELE_UNKNOWN);
        lp[4] = (byte) n;
        lp[5] = (byte) (n >>> 8);
        return lp;
    }

    private static void entry(ByteArrayOutputStream out, byte[] s) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Long v = s.length <= 20 ? RedisNumbers.parseLong(s) : null; // lpStringToInt64: string2ll's strictness
        if (v != null) {
            long x = v;
            if (x >= 0 && x <= 127) {
                e.write((int) x);
            } else if (x >= -4096 && x <= 4095) {
                e.write(0xC0 | (int) ((x >> 8) & 0x1F));
                e.write((int) x);
            } else if (x >= -32768 && x <= 32767) {
                e.write(0xF1);
                le(e, x, 2);
            } else if (x >= -8388608 && x <= 8388607) {
                e.write(0xF2);
                le(e, x, 3);
            } else if (x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE) {
                e.write(0xF3);
                le(e, x, 4);
            } else {
                e.write(0xF4);
                le(e, x, 8);
            }
        } else if (s.length < 64) {
            e.write(0x80 | s.length);
            e.writeBytes(s);
        } else if (s.length < 4096) {
            e.write(0xE0 | (s.length >> 8));
            e.write(s.length & 0xFF);
            e.writeBytes(s);
        } else {
            e.write(0xF0);
            le(e, s.length, 4);
            e.writeBytes(s);
        }
        byte[] body = e.toByteArray();
        out.writeBytes(body);
        out.writeBytes(backlen(body.length));
    }

    private static void le(ByteArrayOutputStream e, long x, int bytes) {
        for (int i = 0; i < bytes; i++) {
            e.write((int) (x >>> (8 * i)));
        }
    }

    /** listpack.c lpEncodeBacklen: the entry's length in 7-bit groups, read right to left. */
    static byte[] backlen(long l) {
        if (l <= 127) {
            return new byte[] {(byte) l};
        } else if (l < 16383) {
            return new byte[] {(byte) (l >> 7), (byte) ((l & 127) | 128)};
        } else if (l < 2097151) {
            return new byte[] {(byte) (l >> 14), (byte) (((l >> 7) & 127) | 128), (byte) ((l & 127) | 128)};
        } else if (l < 268435455) {
            return new byte[] {
                (byte) (l >> 21),
                (byte) (((l >> 14) & 127) | 128),
                (byte) (((l >> 7) & 127) | 128),
                (byte) ((l & 127) | 128)
            };
        }
        return new byte[] {
            (byte) (l >> 28),
            (byte) (((l >> 21) & 127) | 128),
            (byte) (((l >> 14) & 127) | 128),
            (byte) (((l >> 7) & 127) | 128),
            (byte) ((l & 127) | 128)
        };
    }

    /** Every entry of listpack {@code lp} as strings (integers as decimal text); null, and why in {@code why[0]}. */
    static List<byte[]> entries(byte[] lp, String[] why) {
        List<byte[]> out = new ArrayList<>();
        if (lp.length < HEADER + 1) {
            why[0] = "a listpack of " + lp.length + " bytes (shorter than its header)";
            return null;
        }
        long total = 0;
        for (int i = 0; i < 4; i++) {
            total |= (lp[i] & 0xFFL) << (8 * i);
        }
        if (total != lp.length) {
            why[0] = "a listpack whose header says " + total + " bytes in a string of " + lp.length;
            return null;
        }
        int count = (lp[4] & 0xFF) | (lp[5] & 0xFF) << 8;
        int p = HEADER;
        while (true) {
            if (p >= lp.length) {
                why[0] = "a listpack without its end byte";
                return null;
            }
            int b = lp[p] & 0xFF;
            if (b == EOF) {
                if (p != lp.length - 1) {
                    why[0] = "bytes after a listpack's end byte";
                    return null;
                }
                if (count != NUMELE_UNKNOWN && count != out.size()) {
                    why[0] = "a listpack whose header says " + count + " entries but holds " + out.size();
                    return null;
                }
                break;
            }
            long headerLen;
            long dataLen;
            byte[] value = null;
            if ((b & 0x80) == 0) {
                headerLen = 1;
                dataLen = 0;
                value = Long.toString(b).getBytes(StandardCharsets.US_ASCII);
            } else if ((b & 0xC0) == 0x80) {
                headerLen = 1;
                dataLen = b & 0x3F;
            } else if ((b & 0xE0) == 0xC0) {
                headerLen = 2;
                dataLen = 0;
                if (p + 1 >= lp.length) {
                    why[0] = "a listpack entry cut short";
                    return null;
                }
                long v = ((b & 0x1F) << 8) | (lp[p + 1] & 0xFF);
                if (v >= 1 << 12) {
                    v -= 1 << 13;
                }
                value = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            } else if ((b & 0xF0) == 0xE0) {
                headerLen = 2;
                if (p + 1 >= lp.length) {
                    why[0] = "a listpack entry cut short";
                    return null;
                }
                dataLen = ((b & 0x0F) << 8) | (lp[p + 1] & 0xFF);
            } else if (b == 0xF0) {
                headerLen = 5;
                if (p + 4 >= lp.length) {
                    why[0] = "a listpack entry cut short";
                    return null;
                }
                dataLen = 0;
                for (int i = 0; i < 4; i++) {
                    dataLen |= (lp[p + 1 + i] & 0xFFL) << (8 * i);
                }
            } else if (b >= 0xF1 && b <= 0xF4) {
                int bytes = b == 0xF1 ? 2 : b == 0xF2 ? 3 : b == 0xF3 ? 4 : 8;
                headerLen = 1 + bytes;
                dataLen = 0;
                if (p + bytes >= lp.length) {
                    why[0] = "a listpack entry cut short";
                    return null;
                }
                long v = 0;
                for (int i = 0; i < bytes; i++) {
                    v |= (lp[p + 1 + i] & 0xFFL) << (8 * i);
                }
                int shift = 64 - 8 * bytes;
                v = (v << shift) >> shift; // sign-extend
                value = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            } else {
                why[0] = String.format("a listpack entry of unknown encoding 0x%02x", b);
                return null;
            }
            long entryLen = headerLen + dataLen;
            byte[] back = backlen(entryLen);
            if (entryLen + back.length > lp.length - 1 - p) {
                why[0] = "a listpack entry longer than what is left";
                return null;
            }
            if (value == null) {
                value = java.util.Arrays.copyOfRange(lp, p + (int) headerLen, p + (int) entryLen);
            }
            for (int i = 0; i < back.length; i++) {
                if (lp[p + (int) entryLen + i] != back[i]) {
                    why[0] = "a listpack entry whose back-length is wrong";
                    return null;
                }
            }
            out.add(value);
            p += (int) (entryLen + back.length);
        }
        return out;
    }
}

package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the zipmap of RDB_TYPE_HASH_ZIPMAP (zipmap.c, Redis 2.x hashes, which Redis 7.0 still loads): a count byte
 * (254 or more: unknown), then per pair the field's length, the field, the value's length, a "free" byte, the
 * value and that many unused bytes, then the end byte 255. A length is one byte below 254, or 254 and a 4-byte
 * little-endian length. Hostile bytes, checked as zipmapValidateIntegrity does with deep checking.
 */
final class Zipmap {
    private Zipmap() {}

    static final int BIGLEN = 254;
    static final int END = 255;

    /** Field, value, field, value... of {@code zm}; null, and why in {@code why[0]}, if malformed. */
    static List<byte[]> entries(byte[] zm, String[] why) {
        if (zm.length < 2) {
            why[0] = "a zipmap of " + zm.length + " bytes";
            return null;
        }
        int count = zm[0] & 0xFF;
        List<byte[]> out = new ArrayList<>();
        int p = 1;
        while (true) {
            if (p >= zm.length) {
                why[0] = "a zipmap without its end byte";
                return null;
            }
            if ((zm[p] & 0xFF) == END) {
                if (p != zm.length - 1) {
                    why[0] = "bytes after a zipmap's end byte";
                    return null;
                }
                break;
            }
            for (int part = 0; part < 2; part++) {
                if (p >= zm.length) {
                    why[0] = "a zipmap entry cut short";
                    return null;
                }
                long len = zm[p] & 0xFF;
                if (len == END) {
                    why[0] = "a zipmap entry cut short by its end byte";
                    return null;
                }
                if (len == BIGLEN) {
                    if (zm.length - p < 5) {
                        why[0] = "a zipmap entry cut short";
                        return null;
                    }
                    len = Ziplist.le(zm, p + 1, 4);
                    p += 5;
                } else {
                    p += 1;
                }
                int free = 0;
                if (part == 1) { // the value's "free" byte
                    if (p >= zm.length) {
                        why[0] = "a zipmap entry cut short";
                        return null;
                    }
                    free = zm[p++] & 0xFF;
                }
                if (len + free > zm.length - 1L - p) {
                    why[0] = "a zipmap entry longer than what is left";
                    return null;
                }
                out.add(Arrays.copyOfRange(zm, p, p + (int) len));
                p += (int) len + free;
            }
        }
        if (count < BIGLEN && count != out.size() / 2) {
            why[0] = "a zipmap whose header says " + count + " pairs but holds " + out.size() / 2;
            return null;
        }
        return out;
    }
}

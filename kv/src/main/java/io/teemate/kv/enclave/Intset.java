package io.teemate.kv.enclave;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The intset of a small all-integer set as RDB_TYPE_SET_INTSET holds it (intset.c): encoding (2, 4 or 8 bytes per
 * member) and length as little-endian 32-bit words, then the members little-endian in ascending order. Read as
 * intsetValidateIntegrity does with deep checking: the size must match, the set must not be empty, the members must be
 * strictly ascending.
 */
final class Intset {
    private Intset() {}

    /** The members of {@code is} as decimal text, in order; null and why in {@code why[0]} if malformed. */
    static List<byte[]> members(byte[] is, String[] why) {
        if (is.length < 8) {
            why[0] = "an intset of " + is.length + " bytes (shorter than its header)";
            return null;
        }
        long enc = le(is, 0, 4);
        long count = le(is, 4, 4);
        if (enc != 2 && enc != 4 && enc != 8) {
            why[0] = "an intset of unknown encoding " + enc;
            return null;
        }
        if (count * enc != is.length - 8L) {
            why[0] = "an intset of " + count + " members of " + enc + " bytes in " + (is.length - 8) + " bytes";
            return null;
        }
        if (count == 0) { // intsetValidateIntegrity: "check that the set is not empty"
            why[0] = "an empty intset";
            return null;
        }
        List<byte[]> out = new ArrayList<>((int) count);
        long prev = 0;
        for (int i = 0; i < count; i++) {
            long v = le(is, 8 + i * (int) enc, (int) enc);
            int shift = 64 - 8 * (int) enc;
            v = (v << shift) >> shift; // sign-extend
            if (i > 0 && v <= prev) {
                why[0] = "an intset whose members are not strictly ascending";
                return null;
            }
            prev = v;
            out.add(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
        }
        return out;
    }

    private static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (b[off + i] & 0xFFL) << (8 * i);
        }
        return v;
    }
}

package io.teemate.sgx.struct;

import java.util.HexFormat;
import java.util.Objects;

/** Shared length checks and formatting for the SGX structures of sgx.md sections 2, 3, 5 and 7 (not a structure itself). */
final class StructSupport {
    private static final HexFormat HEX = HexFormat.of();

    private StructSupport() {}

    /** Rejects a serialized structure whose length is not {@code size}; the message names the structure. */
    static void requireSize(String structure, byte[] raw, int size) {
        Objects.requireNonNull(raw, structure + " bytes");
        if (raw.length != size) {
            throw new IllegalArgumentException(structure + ": expected " + size + " bytes, got " + raw.length);
        }
    }

    /** Validates the length of a fixed-size byte[] field and returns a private copy. */
    static byte[] field(String structure, String field, byte[] value, int length) {
        Objects.requireNonNull(value, structure + "." + field);
        if (value.length != length) {
            throw new IllegalArgumentException(
                    structure + "." + field + " must be " + length + " bytes, got " + value.length);
        }
        return value.clone();
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}

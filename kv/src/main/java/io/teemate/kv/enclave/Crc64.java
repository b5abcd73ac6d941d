package io.teemate.kv.enclave;

/**
 * The CRC-64 that ends every RDB file (redis/src/crc64.c): the "Jones" polynomial 0xad93d23594c935a9, reflected
 * input and output, initial value 0 as Redis passes it, no final xor; check value crc64("123456789") =
 * 0xe9c6d914c4b8d9ca. Table-driven, one byte per step (the reflected polynomial is 0x95ac9329ac4bc9b5).
 */
public final class Crc64 {
    /** The Jones polynomial bit-reversed, for the LSB-first (reflected) form. */
    static final long POLY_REFLECTED = Long.reverse(0xad93d23594c935a9L);

    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY_REFLECTED : c >>> 1;
            }
            TABLE[i] = c;
        }
    }

    private Crc64() {}

    /** Continues {@code crc} (0 to start, as Redis's {@code crc64(0, s, l)}) over {@code b[off, off + len)}. */
    public static long update(long crc, byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        for (int i = off, end = off + len; i < end; i++) {
            crc = TABLE[(int) (crc ^ b[i]) & 0xFF] ^ (crc >>> 8);
        }
        return crc;
    }

    /** Continues {@code crc} over one byte. */
    static long update(long crc, int b) {
        return TABLE[(int) (crc ^ b) & 0xFF] ^ (crc >>> 8);
    }

    /** The CRC-64 of all of {@code b}. */
    public static long of(byte[] b) {
        return update(0, b, 0, b.length);
    }
}

package io.teemate.kv.enclave;

/**
 * LZF decompression (redis/src/lzf_d.c lzf_decompress) of the RDB_ENC_LZF strings Redis writes when rdbcompression
 * is on (its default, so in every DUMP payload of a string longer than 20 bytes that compresses). The input is
 * hostile: every literal run and back-reference is checked against both buffers.
 */
final class Lzf {
    private Lzf() {}

    /** The most LZF expands: a 3-byte back-reference copies at most 264 bytes (lzf_d.c: len 7 + 255, plus 2). */
    static final long MAX_EXPANSION = 88;

    /** {@code in} expanded to exactly {@code outLen} bytes, or null if it is not an LZF stream of that length. */
    static byte[] decompress(byte[] in, int outLen) {
        byte[] out = new byte[outLen];
        int ip = 0;
        int op = 0;
        while (ip < in.length) {
            int ctrl = in[ip++] & 0xFF;
            if (ctrl < 32) { // a literal run of ctrl + 1 bytes
                int len = ctrl + 1;
                if (len > outLen - op || len > in.length - ip) {
                    return null; // lzf_d.c: E2BIG, EINVAL
                }
                System.arraycopy(in, ip, out, op, len);
                ip += len;
                op += len;
            } else { // a back-reference: length (3 bits, 7 = one more byte), offset (5 + 8 bits)
                int len = ctrl >>> 5;
                int ref = op - ((ctrl & 0x1F) << 8) - 1;
                if (ip >= in.length) {
                    return null;
                }
                if (len == 7) {
                    len += in[ip++] & 0xFF;
                    if (ip >= in.length) {
                        return null;
                    }
                }
                ref -= in[ip++] & 0xFF;
                len += 2;
                if (len > outLen - op || ref < 0) {
                    return null;
                }
                for (int i = 0; i < len; i++) { // byte by byte: the reference may overlap what it writes
                    out[op++] = out[ref++];
                }
            }
        }
        return op == outLen ? out : null;
    }
}

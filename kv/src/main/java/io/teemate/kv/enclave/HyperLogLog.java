package io.teemate.kv.enclave;

/**
 * Redis's HyperLogLog representation (hyperloglog.c), byte for byte: a 16-byte header ("HYLL", the encoding, three
 * unused bytes, the cached cardinality little-endian whose top bit marks it stale) then either the sparse opcodes
 * (ZERO 00xxxxxx, XZERO 01xxxxxx yyyyyyyy, VAL 1vvvvvxx) or 16384 dense 6-bit registers. Elements are hashed with
 * MurmurHash64A, seed 0xadc83b19. A value here is a buffer and its length, edited in place as Redis edits its sds.
 */
final class HyperLogLog {
    static final int P = 14;
    static final int Q = 64 - P;
    static final int REGISTERS = 1 << P;
    static final int BITS = 6;
    static final int REGISTER_MAX = (1 << BITS) - 1;
    static final int HDR = 16;
    static final int DENSE_SIZE = HDR + (REGISTERS * BITS + 7) / 8;
    static final int DENSE = 0;
    static final int SPARSE = 1;
    static final int VAL_MAX_VALUE = 32;
    static final int VAL_MAX_LEN = 4;
    static final int ZERO_MAX_LEN = 64;
    static final int XZERO_MAX_LEN = 16384;
    /** hll-sparse-max-bytes' default: a sparse value that would grow past it turns dense. */
    static final int SPARSE_MAX_BYTES = 3000;

    static final double ALPHA_INF = 0.721347520444481703680;

    byte[] buf;
    int len;

    HyperLogLog(byte[] value) {
        this.buf = value;
        this.len = value.length;
    }

    /** hyperloglog.c createHLLObject: sparse, one XZERO covering every register, cardinality 0 and valid. */
    static HyperLogLog create() {
        byte[] v = new byte[HDR + 2];
        v[0] = 'H';
        v[1] = 'Y';
        v[2] = 'L';
        v[3] = 'L';
        v[4] = SPARSE;
        v[HDR] = (byte) (0x40 | ((XZERO_MAX_LEN - 1) >> 8));
        v[HDR + 1] = (byte) ((XZERO_MAX_LEN - 1) & 0xff);
        return new HyperLogLog(v);
    }

    /** hyperloglog.c isHLLObjectOrReply: magic, a known encoding, and a dense value of exactly its size. */
    static boolean looksValid(byte[] v) {
        if (v.length < HDR || v[0] != 'H' || v[1] != 'Y' || v[2] != 'L' || v[3] != 'L') {
            return false;
        }
        int enc = v[4] & 0xff;
        return enc <= SPARSE && (enc != DENSE || v.length == DENSE_SIZE);
    }

    byte[] value() {
        return len == buf.length ? buf : java.util.Arrays.copyOf(buf, len);
    }

    int encoding() {
        return buf[4] & 0xff;
    }

    /** The byte at {@code i}; past the end a C string's terminator reads 0. */
    private int at(int i) {
        return i < len ? buf[i] & 0xff : 0;
    }

    void invalidateCache() {
        buf[15] |= (byte) 0x80;
    }

    boolean cacheValid() {
        return (buf[15] & 0x80) == 0;
    }

    long cachedCard() {
        long card = 0;
        for (int i = 7; i >= 0; i--) {
            card = (card << 8) | (buf[8 + i] & 0xff);
        }
        return card;
    }

    void setCachedCard(long card) {
        for (int i = 0; i < 8; i++) {
            buf[8 + i] = (byte) (card >>> (8 * i));
        }
    }

    // ------------------------------------------------------------------ hashing

    /** MurmurHash64A (Austin Appleby), little-endian as on x86-64, as hyperloglog.c. */
    static long murmur64a(byte[] key, int seed) {
        final long m = 0xc6a4a7935bd1e995L;
        final int r = 47;
        int len = key.length;
        long h = (seed & 0xffffffffL) ^ (len * m);
        int end = len - (len & 7);
        for (int i = 0; i < end; i += 8) {
            long k = 0;
            for (int b = 7; b >= 0; b--) {
                k = (k << 8) | (key[i + b] & 0xff);
            }
            k *= m;
            k ^= k >>> r;
            k *= m;
            h ^= k;
            h *= m;
        }
        int rem = len & 7;
        if (rem > 0) {
            for (int b = rem - 1; b >= 0; b--) {
                h ^= (long) (key[end + b] & 0xff) << (8 * b);
            }
            h *= m;
        }
        h ^= h >>> r;
        h *= m;
        h ^= h >>> r;
        return h;
    }

    /** hyperloglog.c hllPatLen: {register index, length of the 000..1 run + 1}. */
    static int[] patLen(byte[] ele) {
        long hash = murmur64a(ele, 0xadc83b19);
        int index = (int) (hash & (REGISTERS - 1));
        hash >>>= P;
        hash |= 1L << Q;
        return new int[] {index, Long.numberOfTrailingZeros(hash) + 1};
    }

    // ------------------------------------------------------------------ dense

    static int denseGet(byte[] b, int off, int reg) {
        int bit = reg * BITS;
        int byteIdx = off + bit / 8;
        int fb = bit & 7;
        int b0 = b[byteIdx] & 0xff;
        int b1 = byteIdx + 1 < b.length ? b[byteIdx + 1] & 0xff : 0;
        return ((b0 >> fb) | (b1 << (8 - fb))) & REGISTER_MAX;
    }

    static void denseSet(byte[] b, int off, int reg, int val) {
        int bit = reg * BITS;
        int byteIdx = off + bit / 8;
        int fb = bit & 7;
        int fb8 = 8 - fb;
        b[byteIdx] = (byte) ((b[byteIdx] & ~(REGISTER_MAX << fb)) | (val << fb));
        if (byteIdx + 1 < b.length) { // the last register's second byte is the sds terminator, left 0
            b[byteIdx + 1] = (byte) ((b[byteIdx + 1] & ~(REGISTER_MAX >> fb8)) | (val >> fb8));
        }
    }

    /** hyperloglog.c hllDenseSet: 1 if the register grew. */
    private int denseSetIfGreater(int index, int count) {
        if (count > denseGet(buf, HDR, index)) {
            denseSet(buf, HDR, index, count);
            return 1;
        }
        return 0;
    }

    // ------------------------------------------------------------------ sparse

    private static boolean isZero(int op) {
        return (op & 0xc0) == 0;
    }

    private static boolean isXzero(int op) {
        return (op & 0xc0) == 0x40;
    }

    private int xzeroLen(int p) {
        return (((at(p) & 0x3f) << 8) | at(p + 1)) + 1;
    }

    private static int valSet(int val, int runlen) {
        return (((val - 1) << 2) | (runlen - 1)) | 0x80;
    }

    /**
     * hyperloglog.c hllSparseToDense: false if the opcodes do not cover exactly every register (corrupt). The header
     * (magic, unused bytes, cached cardinality) is kept.
     */
    boolean toDense() {
        if (encoding() == DENSE) {
            return true;
        }
        byte[] dense = new byte[DENSE_SIZE];
        System.arraycopy(buf, 0, dense, 0, HDR);
        dense[4] = DENSE;
        int idx = 0;
        int p = HDR;
        while (p < len) {
            int op = at(p);
            if (isZero(op)) {
                idx += (op & 0x3f) + 1;
                p++;
            } else if (isXzero(op)) {
                idx += xzeroLen(p);
                p += 2;
            } else {
                int runlen = (op & 3) + 1;
                int val = ((op >> 2) & 0x1f) + 1;
                if (runlen + idx > REGISTERS) {
                    break;
                }
                while (runlen-- > 0) {
                    denseSet(dense, HDR, idx++, val);
                }
                p++;
            }
        }
        if (idx != REGISTERS) {
            return false;
        }
        buf = dense;
        len = DENSE_SIZE;
        return true;
    }

    /** hyperloglog.c hllAdd: 1 if a register changed, 0 if not, -1 if the value is corrupt. */
    int add(byte[] ele) {
        int[] pl = patLen(ele);
        return set(pl[0], pl[1]);
    }

    /** Sets register {@code index} to {@code count} if greater (hllDenseSet / hllSparseSet). */
    int set(int index, int count) {
        return encoding() == DENSE ? denseSetIfGreater(index, count) : sparseSet(index, count);
    }

    /** hyperloglog.c hllSparseSet, step by step, the in-place edits and the merge of adjacent VALs included. */
    private int sparseSet(int index, int count) {
        if (count > VAL_MAX_VALUE) {
            return promote(index, count);
        }
        // Step 1: the opcode covering the register
        int p = HDR;
        int first = 0;
        int prev = -1;
        int span = 0;
        while (p < len) {
            int op = at(p);
            int oplen = 1;
            if (isZero(op)) {
                span = (op & 0x3f) + 1;
            } else if ((op & 0x80) != 0) {
                span = (op & 3) + 1;
            } else {
                span = xzeroLen(p);
                oplen = 2;
            }
            if (index <= first + span - 1) {
                break;
            }
            prev = p;
            p += oplen;
            first += span;
        }
        if (span == 0 || p >= len) {
            return -1;
        }
        int op = at(p);
        int next = isXzero(op) ? p + 2 : p + 1;
        if (next >= len) {
            next = -1;
        }
        boolean zero = isZero(op);
        boolean xzero = isXzero(op);
        boolean val = !zero && !xzero;
        int runlen = zero ? (op & 0x3f) + 1 : xzero ? xzeroLen(p) : (op & 3) + 1;
        boolean done = false;
        if (val) {
            int old = ((op >> 2) & 0x1f) + 1;
            if (old >= count) {
                return 0; // case A
            }
            if (runlen == 1) {
                buf[p] = (byte) valSet(count, 1); // case B
                done = true;
            }
        }
        if (!done && zero && runlen == 1) {
            buf[p] = (byte) valSet(count, 1); // case C
            done = true;
        }
        if (!done) {
            // case D: split the opcode into up to three
            int[] seq = new int[5];
            int n = 0;
            int last = first + span - 1;
            if (zero || xzero) {
                if (index != first) {
                    n = putZeros(seq, n, index - first);
                }
                seq[n++] = valSet(count, 1);
                if (index != last) {
                    n = putZeros(seq, n, last - index);
                }
            } else {
                int cur = ((op >> 2) & 0x1f) + 1;
                if (index != first) {
                    seq[n++] = valSet(cur, index - first);
                }
                seq[n++] = valSet(count, 1);
                if (index != last) {
                    seq[n++] = valSet(cur, last - index);
                }
            }
            int oldlen = xzero ? 2 : 1;
            int delta = n - oldlen;
            if (delta > 0 && len + delta > SPARSE_MAX_BYTES) {
                return promote(index, count);
            }
            int newLen = len + delta;
            byte[] out = new byte[Math.max(newLen, p + n) + 3];
            System.arraycopy(buf, 0, out, 0, p);
            for (int i = 0; i < n; i++) {
                out[p + i] = (byte) seq[i];
            }
            if (next >= 0) {
                System.arraycopy(buf, next, out, next + delta, len - next);
            }
            java.util.Arrays.fill(out, newLen, out.length, (byte) 0);
            buf = out;
            len = newLen;
        }
        // Step 4: merge adjacent VALs of the same value, scanning up to 5 opcodes from the previous one
        int q = prev >= 0 ? prev : HDR;
        int scan = 5;
        while (q < len && scan-- > 0) {
            int o = at(q);
            if (isXzero(o)) {
                q += 2;
                continue;
            } else if (isZero(o)) {
                q++;
                continue;
            }
            if (q + 1 < len && (at(q + 1) & 0x80) != 0) {
                int v1 = ((o >> 2) & 0x1f) + 1;
                int v2 = ((at(q + 1) >> 2) & 0x1f) + 1;
                if (v1 == v2) {
                    int l = (o & 3) + 1 + (at(q + 1) & 3) + 1;
                    if (l <= VAL_MAX_LEN) {
                        buf[q + 1] = (byte) valSet(v1, l);
                        System.arraycopy(buf, q + 1, buf, q, len - q - 1);
                        len--;
                        buf[len] = 0;
                        continue;
                    }
                }
            }
            q++;
        }
        invalidateCache();
        return 1;
    }

    private static int putZeros(int[] seq, int n, int runlen) {
        if (runlen > ZERO_MAX_LEN) {
            seq[n++] = 0x40 | ((runlen - 1) >> 8);
            seq[n++] = (runlen - 1) & 0xff;
        } else {
            seq[n++] = runlen - 1;
        }
        return n;
    }

    private int promote(int index, int count) {
        if (!toDense()) {
            return -1;
        }
        return denseSetIfGreater(index, count);
    }

    // ------------------------------------------------------------------ merge and count

    /** hyperloglog.c hllMerge: max[i] = max(max[i], register i); false if a sparse value is corrupt. */
    boolean mergeInto(int[] max) {
        if (encoding() == DENSE) {
            for (int i = 0; i < REGISTERS; i++) {
                max[i] = Math.max(max[i], denseGet(buf, HDR, i));
            }
            return true;
        }
        int i = 0;
        int p = HDR;
        while (p < len) {
            int op = at(p);
            if (isZero(op)) {
                i += (op & 0x3f) + 1;
                p++;
            } else if (isXzero(op)) {
                i += xzeroLen(p);
                p += 2;
            } else {
                int runlen = (op & 3) + 1;
                int val = ((op >> 2) & 0x1f) + 1;
                if (runlen + i > REGISTERS) {
                    break;
                }
                while (runlen-- > 0) {
                    max[i] = Math.max(max[i], val);
                    i++;
                }
                p++;
            }
        }
        return i == REGISTERS;
    }

    /** The register histogram (hllDenseRegHisto / hllSparseRegHisto); null if a sparse value is corrupt. */
    int[] histogram() {
        int[] h = new int[64];
        if (encoding() == DENSE) {
            for (int i = 0; i < REGISTERS; i++) {
                h[denseGet(buf, HDR, i)]++;
            }
            return h;
        }
        int idx = 0;
        int p = HDR;
        while (p < len) {
            int op = at(p);
            if (isZero(op)) {
                int runlen = (op & 0x3f) + 1;
                idx += runlen;
                h[0] += runlen;
                p++;
            } else if (isXzero(op)) {
                int runlen = xzeroLen(p);
                idx += runlen;
                h[0] += runlen;
                p += 2;
            } else {
                int runlen = (op & 3) + 1;
                idx += runlen;
                h[((op >> 2) & 0x1f) + 1] += runlen;
                p++;
            }
        }
        return idx == REGISTERS ? h : null;
    }

    /** The histogram of raw registers (one byte each), as PFCOUNT of several keys builds them. */
    static int[] histogram(int[] registers) {
        int[] h = new int[64];
        for (int r : registers) {
            h[r]++;
        }
        return h;
    }

    /**
     * hyperloglog.c hllCount: Otmar Ertl's estimator ("New cardinality estimation algorithms for HyperLogLog
     * sketches", arXiv:1702.01284) from the register histogram.
     */
    static long count(int[] reghisto) {
        double m = REGISTERS;
        double z = m * tau((m - reghisto[Q + 1]) / m);
        for (int j = Q; j >= 1; --j) {
            z += reghisto[j];
            z *= 0.5;
        }
        z += m * sigma(reghisto[0] / m);
        return llround(ALPHA_INF * m * m / z);
    }

    /** llroundl of a non-negative double: half away from zero, which Math.round is there. */
    private static long llround(double x) {
        return Math.round(x);
    }

    private static double sigma(double x) {
        if (x == 1.) {
            return Double.POSITIVE_INFINITY;
        }
        double zPrime;
        double y = 1;
        double z = x;
        do {
            x *= x;
            zPrime = z;
            z += x * y;
            y += y;
        } while (zPrime != z);
        return z;
    }

    private static double tau(double x) {
        if (x == 0. || x == 1.) {
            return 0.;
        }
        double zPrime;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            zPrime = z;
            y *= 0.5;
            double d = 1 - x;
            z -= d * d * y;
        } while (zPrime != z);
        return z / 3;
    }
}

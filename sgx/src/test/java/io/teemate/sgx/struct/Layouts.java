package io.teemate.sgx.struct;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: an independent little-endian reader and field-range checks (deliberately not using ByteBuffer). */
final class Layouts {
    private Layouts() {}

    /** Unsigned little-endian integer of {@code len} (1..8) bytes at {@code off}, assembled byte by byte. */
    static long le(byte[] b, int off, int len) {
        long v = 0;
        for (int i = len - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFFL);
        }
        return v;
    }

    static byte[] slice(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        System.arraycopy(b, off, out, 0, len);
        return out;
    }

    static byte[] seq(int len, int start) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = (byte) (start + i);
        }
        return out;
    }

    static boolean inRanges(int pos, int[][] ranges) {
        for (int[] r : ranges) {
            if (pos >= r[0] && pos < r[0] + r[1]) {
                return true;
            }
        }
        return false;
    }

    /** {@code raw} with every byte outside the given {offset, length} ranges zeroed. */
    static byte[] keepOnly(byte[] raw, int[][] ranges) {
        byte[] out = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (inRanges(i, ranges)) {
                out[i] = raw[i];
            }
        }
        return out;
    }

    /**
     * Decoding then re-encoding random bytes keeps exactly the documented field bytes and zeroes every
     * other (reserved) byte.
     */
    static <T> void assertReencodesFieldsOnly(
            byte[] raw, int[][] ranges, Function<byte[], T> decode, Function<T, byte[]> encode) {
        assertThat(encode.apply(decode.apply(raw))).isEqualTo(keepOnly(raw, ranges));
    }

    /**
     * Flipping any single byte inside a field yields an unequal decoded value (equals is not vacuous), while
     * a copy of the same bytes decodes to an equal value with an equal hashCode.
     */
    static <T> void assertEveryFieldByteMatters(byte[] raw, int[][] ranges, Function<byte[], T> decode) {
        T base = decode.apply(raw);
        T same = decode.apply(raw.clone());
        assertThat(same).isEqualTo(base);
        assertThat(same.hashCode()).isEqualTo(base.hashCode());
        assertThat(same.toString()).isEqualTo(base.toString());
        for (int[] r : ranges) {
            for (int i = r[0]; i < r[0] + r[1]; i++) {
                byte[] changed = raw.clone();
                changed[i] ^= (byte) 0x5A;
                assertThat(decode.apply(changed)).as("byte %d changed", i).isNotEqualTo(base);
            }
        }
    }

    /** A deterministic, mostly non-zero byte pattern, so tests do not rely on zero-filled input. */
    static byte[] pattern(int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = (byte) (i * 37 + 11);
        }
        return out;
    }

    /** fromBytes rejects lengths other than {@code size} with an IllegalArgumentException naming the structure. */
    static void assertRejectsWrongLength(Function<byte[], ?> decode, int size, String structure) {
        for (int len : new int[] {0, 1, size - 1, size + 1, 2 * size}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> decode.apply(new byte[len]))
                    .as("length %d", len)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(structure)
                    .hasMessageContaining(Integer.toString(size));
        }
    }

    static Arbitrary<byte[]> bytes(int len) {
        return Arbitraries.bytes().array(byte[].class).ofSize(len);
    }

    static Arbitrary<Attributes> attributes() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Attributes::new);
    }
}

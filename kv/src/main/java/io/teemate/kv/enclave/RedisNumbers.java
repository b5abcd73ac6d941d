package io.teemate.kv.enclave;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Redis's strict number parsing (util.c string2ll, string2ld) and its human float format (ld2string LD_STR_HUMAN),
 * with long double arithmetic emulated exactly. */
final class RedisNumbers {
    private RedisNumbers() {}

    /**
     * A signed 64-bit integer written exactly as Redis writes one: optional '-', no leading zeros, no '+', no spaces,
     * at most 20 characters; null otherwise (string2ll).
     */
    static Long parseLong(byte[] b) {
        int n = b.length;
        if (n == 0 || n > 20) {
            return null;
        }
        if (n == 1 && b[0] == '0') {
            return 0L;
        }
        int i = b[0] == '-' ? 1 : 0;
        if (i == n || b[i] < '1' || b[i] > '9') {
            return null;
        }
        for (int k = i + 1; k < n; k++) {
            if (b[k] < '0' || b[k] > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(new String(b, StandardCharsets.US_ASCII));
        } catch (NumberFormatException overflow) {
            return null;
        }
    }

    /**
     * A SCAN cursor as db.c parseScanCursorOrReply reads it with strtoul: an optional sign, decimal digits, the whole
     * string consumed, within 64 bits; a '-' negates modulo 2^64 (so "-1" is the largest cursor, as in Redis).
     * The empty string is cursor 0 (strtoul converts nothing and stops at the end, which Redis accepts).
     */
    static long parseCursor(byte[] b) {
        if (b.length == 0) {
            return 0;
        }
        String s = new String(b, StandardCharsets.ISO_8859_1);
        boolean negative = s.startsWith("-");
        String digits = negative || s.startsWith("+") ? s.substring(1) : s;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CommandEngine.ReplyError("ERR invalid cursor");
        }
        try {
            long v = Long.parseUnsignedLong(digits);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new CommandEngine.ReplyError("ERR invalid cursor");
        }
    }

    /**
     * Redis's float argument (util.c string2ld): what glibc's strtold reads on x86-64, an 80-bit long double, from
     * the whole string; null where Redis refuses it: empty or 5120 bytes and more, leading space, trailing
     * characters, NaN, and out of range (strtold's ERANGE with an infinite or zero result). "inf" and "infinity"
     * give an infinite value, which the caller then refuses as a result. Hex floats ("0x1.8p1") are read too.
     * Every step is bounded: a huge exponent is refused from its digits alone, never expanded.
     */
    static LongDouble parseFloat(byte[] b) {
        return LongDouble.parse(b);
    }

    /**
     * An x87 80-bit extended ("long double") value: (-1)^negative * mantissa * 2^exponent, with a 64-bit
     * significand; normal values have mantissa in [2^63, 2^64), subnormals the smallest exponent. Rounding is to
     * nearest, ties to even, as the FPU and glibc do.
     */
    static final class LongDouble {
        /** The exponent of the smallest subnormal, 2^-16445. */
        static final int MIN_EXP = -16445;
        /** The largest finite value is (2^64 - 1) * 2^16320. */
        static final int MAX_EXP = 16320;

        static final LongDouble ZERO = new LongDouble(false, BigInteger.ZERO, 0, false);
        private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
        private static final BigInteger TEN_17 = BigInteger.TEN.pow(17);
        /** string2ld's buffer: MAX_LONG_DOUBLE_CHARS, so an argument has at most 5119 bytes. */
        private static final int MAX_CHARS = 5 * 1024;
        /** Exponents are read saturating here: far beyond any value that does not overflow or vanish. */
        private static final long EXP_CAP = 1_000_000_000L;

        final boolean negative;
        final BigInteger mantissa;
        final int exponent;
        final boolean infinite;

        private LongDouble(boolean negative, BigInteger mantissa, int exponent, boolean infinite) {
            this.negative = negative;
            this.mantissa = mantissa;
            this.exponent = exponent;
            this.infinite = infinite;
        }

        boolean isZero() {
            return !infinite && mantissa.signum() == 0;
        }

        static LongDouble parse(byte[] b) {
            int n = b.length;
            if (n == 0 || n >= MAX_CHARS) {
                return null;
            }
            int i = 0;
            boolean negative = false;
            if (b[i] == '+' || b[i] == '-') {
                negative = b[i] == '-';
                i++;
            }
            String rest = new String(b, i, n - i, StandardCharsets.ISO_8859_1);
            if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
                return new LongDouble(negative, BigInteger.ZERO, 0, true);
            }
            boolean hex = n - i > 2 && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X');
            if (hex) {
                i += 2;
            }
            int radix = hex ? 16 : 10;
            // the significand: digits, at most one '.', at least one digit
            StringBuilder digits = new StringBuilder();
            long fractionDigits = 0;
            boolean point = false;
            for (; i < n; i++) {
                int c = b[i];
                if (c == '.' && !point) {
                    point = true;
                } else if (Character.digit(c, radix) >= 0 && c < 0x80) {
                    digits.append((char) c);
                    if (point) {
                        fractionDigits++;
                    }
                } else {
                    break;
                }
            }
            if (digits.isEmpty()) {
                return null; // ".", "0x", "nan", words
            }
            // the exponent: e (decimal, a power of 10) or p (hex, a power of 2), a sign, at least one digit
            long exp = 0;
            if (i < n) {
                int c = b[i];
                if (hex ? c != 'p' && c != 'P' : c != 'e' && c != 'E') {
                    return null;
                }
                i++;
                boolean expNegative = false;
                if (i < n && (b[i] == '+' || b[i] == '-')) {
                    expNegative = b[i] == '-';
                    i++;
                }
                if (i == n) {
                    return null;
                }
                for (; i < n; i++) {
                    if (b[i] < '0' || b[i] > '9') {
                        return null;
                    }
                    exp = Math.min(EXP_CAP, exp * 10 + (b[i] - '0'));
                }
                if (expNegative) {
                    exp = -exp;
                }
            }
            // strip leading zeros: "0000.5" and "0x000.8" are as short as "0.5"
            int lead = 0;
            while (lead < digits.length() && digits.charAt(lead) == '0') {
                lead++;
            }
            if (lead == digits.length()) {
                return new LongDouble(negative, BigInteger.ZERO, 0, false); // zero, whatever the exponent
            }
            BigInteger significand = new BigInteger(digits.substring(lead), radix);
            int significant = digits.length() - lead;
            LongDouble v = hex
                    ? fromHex(negative, significand, significant, exp - 4 * fractionDigits)
                    : fromDecimal(negative, significand, significant, exp - fractionDigits);
            // strtold's ERANGE with an infinite or zero result: Redis refuses both
            return v.infinite || v.isZero() ? null : v;
        }

        /** significand (with {@code significant} hex digits, the first non-zero) * 2^exp2. */
        private static LongDouble fromHex(boolean negative, BigInteger significand, int significant, long exp2) {
            long log2 = significand.bitLength() - 1 + exp2; // floor(log2(value)), exactly
            if (log2 > MAX_EXP + 63) {
                return new LongDouble(negative, BigInteger.ZERO, 0, true);
            }
            if (log2 < MIN_EXP - 2) {
                return ZERO; // below half the smallest subnormal
            }
            return round(negative, significand, BigInteger.ONE, exp2);
        }

        /** significand (with {@code significant} decimal digits, the first non-zero) * 10^exp10. */
        private static LongDouble fromDecimal(boolean negative, BigInteger significand, int significant, long exp10) {
            long log10 = significant - 1 + exp10; // floor(log10(value)), exactly
            if (log10 > 4932) { // the largest long double is 1.19e4932
                return new LongDouble(negative, BigInteger.ZERO, 0, true);
            }
            if (log10 < -4951) { // below 1e-4951, under half the smallest subnormal (3.65e-4951)
                return ZERO;
            }
            // here |exp10| <= 4932 + 5119: the exact value has some ten thousand digits at most
            if (exp10 >= 0) {
                return round(negative, significand.multiply(BigInteger.TEN.pow((int) exp10)), BigInteger.ONE, 0);
            }
            return round(negative, significand, BigInteger.TEN.pow((int) -exp10), 0);
        }

        /** The long double nearest to num / den * 2^exp2 (num, den > 0), ties to even; infinite past the largest. */
        private static LongDouble round(boolean negative, BigInteger num, BigInteger den, long exp2) {
            // floor(log2(num / den)): the bit lengths give it or one more
            long log2 = num.bitLength() - den.bitLength();
            if (compareScaled(num, den, log2) < 0) {
                log2--;
            }
            log2 += exp2;
            long e = Math.max(MIN_EXP, log2 - 63);
            if (e > MAX_EXP) {
                return new LongDouble(negative, BigInteger.ZERO, 0, true);
            }
            // mantissa = round(num * 2^(exp2 - e) / den)
            long shift = exp2 - e;
            BigInteger n = shift >= 0 ? num.shiftLeft((int) shift) : num;
            BigInteger d = shift >= 0 ? den : den.shiftLeft((int) -shift);
            BigInteger m = roundHalfEven(n, d);
            if (m.equals(TWO_64)) {
                m = m.shiftRight(1);
                e++;
            }
            if (e > MAX_EXP) {
                return new LongDouble(negative, BigInteger.ZERO, 0, true);
            }
            if (m.signum() == 0) {
                return new LongDouble(negative, BigInteger.ZERO, 0, false);
            }
            return new LongDouble(negative, m, (int) e, false);
        }

        /** Compares num / den with 2^k. */
        private static int compareScaled(BigInteger num, BigInteger den, long k) {
            return k >= 0
                    ? num.compareTo(den.shiftLeft((int) k))
                    : num.shiftLeft((int) -k).compareTo(den);
        }

        private static BigInteger roundHalfEven(BigInteger n, BigInteger d) {
            BigInteger[] qr = n.divideAndRemainder(d);
            int c = qr[1].shiftLeft(1).compareTo(d);
            if (c > 0 || (c == 0 && qr[0].testBit(0))) {
                return qr[0].add(BigInteger.ONE);
            }
            return qr[0];
        }

        /** this + other as the FPU adds them; null for NaN (infinities of both signs). */
        LongDouble add(LongDouble o) {
            if (infinite || o.infinite) {
                if (infinite && o.infinite && negative != o.negative) {
                    return null;
                }
                return infinite ? this : o;
            }
            if (isZero() && o.isZero()) {
                return new LongDouble(negative && o.negative, BigInteger.ZERO, 0, false);
            }
            int e = Math.min(exponent, o.exponent);
            BigInteger a = mantissa.shiftLeft(exponent - e);
            BigInteger b = o.mantissa.shiftLeft(o.exponent - e);
            BigInteger sum = (negative ? a.negate() : a).add(o.negative ? b.negate() : b);
            if (sum.signum() == 0) {
                return ZERO; // x + (-x) is +0 when rounding to nearest
            }
            return round(sum.signum() < 0, sum.abs(), BigInteger.ONE, e);
        }

        /**
         * Redis's human format (util.c ld2string, LD_STR_HUMAN): "%.17Lf" of the exact binary value, then trailing
         * zeros and a trailing '.' removed, and "-0" written "0". At most 4933 digits for the largest value.
         */
        String formatHuman() {
            if (infinite) {
                throw new IllegalStateException("an infinite value has no human format");
            }
            String digits;
            if (exponent >= 0) {
                digits = mantissa.shiftLeft(exponent).toString();
            } else {
                BigInteger r = roundHalfEven(mantissa.multiply(TEN_17), BigInteger.ONE.shiftLeft(-exponent));
                BigInteger[] qr = r.divideAndRemainder(TEN_17);
                String fraction = String.format("%017d", qr[1].longValueExact());
                int end = fraction.length();
                while (end > 0 && fraction.charAt(end - 1) == '0') {
                    end--;
                }
                digits = qr[0] + (end == 0 ? "" : "." + fraction.substring(0, end));
            }
            return negative && !digits.equals("0") ? "-" + digits : digits;
        }
    }
}

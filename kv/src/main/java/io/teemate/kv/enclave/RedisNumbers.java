package io.teemate.kv.enclave;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/** Redis's strict number parsing (util.c string2ll, string2ld) and its human float format (ld2string LD_STR_HUMAN). */
final class RedisNumbers {
    /** Marks an infinite float argument (strtold accepts "inf"; the increment then fails). */
    static final BigDecimal INFINITE = new BigDecimal("1E+999999999");

    private RedisNumbers() {
    }

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
     * A float as strtold reads it (decimal with optional exponent; "inf"/"infinity" give {@link #INFINITE}), or
     * null when Redis would refuse it (empty, leading space, trailing characters, NaN).
     */
    static BigDecimal parseFloat(byte[] b) {
        if (b.length == 0 || b.length > 5000) {
            return null;
        }
        String s = new String(b, StandardCharsets.ISO_8859_1);
        if (Character.isWhitespace(s.charAt(0))) {
            return null;
        }
        String bare = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (bare.equalsIgnoreCase("inf") || bare.equalsIgnoreCase("infinity")) {
            return INFINITE;
        }
        if (!bare.isEmpty() && !Character.isDigit(bare.charAt(0)) && bare.charAt(0) != '.') {
            return null; // nan, hex and other words
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Redis's human float format: "%.17Lf" then trailing zeros (and a trailing '.') removed, so 10.5 + 0.1 gives
     * "10.6" and 5.0e3 + 2.0e2 gives "5200". Redis computes in long double; the sum here is exact decimal
     * arithmetic rounded to the same 17 fractional digits, which agrees wherever long double is exact enough.
     */
    static String formatHuman(BigDecimal v) {
        BigDecimal r = v.setScale(17, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (r.signum() == 0) {
            return "0";
        }
        String s = r.toPlainString();
        return s;
    }
}

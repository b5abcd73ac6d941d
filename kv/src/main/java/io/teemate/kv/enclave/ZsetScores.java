package io.teemate.kv.enclave;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Sorted-set score arguments and replies as Redis 7.0 reads and writes them: glibc strtod (util.c string2d for
 * ZADD/ZINCRBY scores, t_zset.c zslParseRange for score ranges), the lex range items (zslParseLexRangeItem) and
 * the "%.17g" format of networking.c addReplyDouble (7.0; 7.2 moved to the shortest representation).
 */
final class ZsetScores {
    private ZsetScores() {}

    static final String NOT_FLOAT = "ERR value is not a valid float";
    static final String RANGE_NOT_FLOAT = "ERR min or max is not a float";
    static final String LEX_RANGE = "ERR min or max not valid string range item";
    static final String NAN_SCORE = "ERR resulting score is not a number (NaN)";

    /** What glibc's strtod read from {@code b} at {@code from}: the value, where it stopped, and its ERANGE. */
    record Strtod(double value, int end, boolean erange) {}

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean matchesIgnoreCase(byte[] b, int at, String word) {
        if (at + word.length() > b.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase((char) (b[at + i] & 0xFF)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * glibc strtod in the C locale, from {@code from} up to the first NUL byte (a C string ends there): leading
     * space, a sign, "inf"/"infinity", "nan" and "nan(chars)", hex floats with an optional binary exponent, and
     * decimal numbers; {@code end == from} when nothing was converted (the value is then 0).
     */
    static Strtod strtod(byte[] b, int from) {
        int n = b.length;
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                n = i;
                break;
            }
        }
        int i = from;
        while (i < n && isSpace(b[i])) {
            i++;
        }
        boolean negative = false;
        if (i < n && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        if (matchesIgnoreCase(b, i, "inf")) {
            int end = matchesIgnoreCase(b, i, "infinity") ? i + 8 : i + 3;
            return new Strtod(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, end, false);
        }
        if (matchesIgnoreCase(b, i, "nan")) {
            int end = i + 3;
            if (end < n && b[end] == '(') {
                int k = end + 1;
                while (k < n && (Character.isLetterOrDigit((char) (b[k] & 0xFF)) && b[k] > 0 || b[k] == '_')) {
                    k++;
                }
                if (k < n && b[k] == ')') {
                    end = k + 1;
                }
            }
            return new Strtod(Double.NaN, end, false);
        }
        if (i + 1 < n
                && b[i] == '0'
                && (b[i + 1] == 'x' || b[i + 1] == 'X')
                && (i + 2 < n
                        && (hexValue(b[i + 2]) >= 0 || (b[i + 2] == '.' && i + 3 < n && hexValue(b[i + 3]) >= 0)))) {
            return hex(b, i + 2, n, negative);
        }
        // decimal: digits [. digits] [e [sign] digits]
        int start = i;
        StringBuilder digits = new StringBuilder();
        boolean nonZero = false;
        int intDigits = 0;
        while (i < n && isDigit(b[i])) {
            digits.append((char) b[i]);
            nonZero |= b[i] != '0';
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && b[i] == '.') {
            int k = i + 1;
            while (k < n && isDigit(b[k])) {
                digits.append((char) b[k]);
                nonZero |= b[k] != '0';
                k++;
                fracDigits++;
            }
            if (intDigits + fracDigits > 0) {
                i = k;
            }
        }
        if (intDigits + fracDigits == 0) {
            return new Strtod(0, from, false);
        }
        long exp = 0;
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            int k = i + 1;
            boolean expNeg = false;
            if (k < n && (b[k] == '+' || b[k] == '-')) {
                expNeg = b[k] == '-';
                k++;
            }
            if (k < n && isDigit(b[k])) {
                while (k < n && isDigit(b[k])) {
                    exp = Math.min(exp * 10 + (b[k] - '0'), 1_000_000_000L); // saturates: far past any double
                    k++;
                }
                exp = expNeg ? -exp : exp;
                i = k;
            }
        }
        double v = nonZero ? Double.parseDouble("0." + digits + "e" + (exp + intDigits)) : 0.0;
        boolean erange = nonZero && (Double.isInfinite(v) || v == 0);
        if (start == i) {
            return new Strtod(0, from, false);
        }
        return new Strtod(negative ? -v : v, i, erange);
    }

    private static Strtod hex(byte[] b, int i, int n, boolean negative) {
        StringBuilder mant = new StringBuilder();
        StringBuilder frac = new StringBuilder();
        while (i < n && hexValue(b[i]) >= 0) {
            mant.append((char) b[i++]);
        }
        if (i < n && b[i] == '.') {
            int k = i + 1;
            while (k < n && hexValue(b[k]) >= 0) {
                frac.append((char) b[k++]);
            }
            if (mant.length() + frac.length() > 0) {
                i = k;
            }
        }
        long exp = 0;
        if (i < n && (b[i] == 'p' || b[i] == 'P')) {
            int k = i + 1;
            boolean expNeg = false;
            if (k < n && (b[k] == '+' || b[k] == '-')) {
                expNeg = b[k] == '-';
                k++;
            }
            if (k < n && isDigit(b[k])) {
                while (k < n && isDigit(b[k])) {
                    exp = Math.min(exp * 10 + (b[k] - '0'), 1_000_000_000L);
                    k++;
                }
                exp = expNeg ? -exp : exp;
                i = k;
            }
        }
        boolean nonZero = (mant.toString() + frac).chars().anyMatch(c -> c != '0');
        double v =
                nonZero ? Double.parseDouble("0x" + (mant.length() == 0 ? "0" : mant) + "." + frac + "p" + exp) : 0.0;
        boolean erange = nonZero && (Double.isInfinite(v) || v == 0);
        return new Strtod(negative ? -v : v, i, erange);
    }

    /**
     * A score argument (util.c string2d): the whole string, not empty, no leading space, not NaN, and neither
     * overflowing nor underflowing to zero; null otherwise.
     */
    static Double parseScore(byte[] b) {
        if (b.length == 0 || isSpace(b[0])) {
            return null;
        }
        Strtod s = strtod(b, 0);
        if (s.end != b.length || Double.isNaN(s.value)) {
            return null;
        }
        if (s.erange && (Double.isInfinite(s.value) || s.value == 0)) {
            return null;
        }
        return s.value;
    }

    /** As {@link #parseScore}, or Redis's "not a valid float" error. */
    static double score(byte[] b) {
        Double d = parseScore(b);
        if (d == null) {
            throw new CommandEngine.ReplyError(NOT_FLOAT);
        }
        return d;
    }

    /** One bound of a score range (t_zset.c zslParseRange): strtod to the end (or a NUL), "(" for exclusive. */
    private static double[] bound(byte[] b) {
        boolean ex = b.length > 0 && b[0] == '(';
        Strtod s = strtod(b, ex ? 1 : 0);
        if ((s.end != b.length && b[s.end] != 0) || Double.isNaN(s.value)) {
            return null;
        }
        return new double[] {s.value, ex ? 1 : 0};
    }

    /** A score range, or Redis's "min or max is not a float" error. */
    static ZsetStore.ScoreRange range(byte[] min, byte[] max) {
        double[] lo = bound(min);
        double[] hi = bound(max);
        if (lo == null || hi == null) {
            throw new CommandEngine.ReplyError(RANGE_NOT_FLOAT);
        }
        return new ZsetStore.ScoreRange(lo[0], hi[0], lo[1] != 0, hi[1] != 0);
    }

    /** One lex range item (t_zset.c zslParseLexRangeItem): "+", "-", "(value" or "[value"; null if invalid. */
    private static ZsetStore.LexBound lexItem(byte[] b) {
        if (b.length == 0) {
            return null;
        }
        byte[] rest = java.util.Arrays.copyOfRange(b, 1, b.length);
        return switch (b[0]) {
            case '+' -> b.length == 1 || b[1] == 0 ? new ZsetStore.LexBound(null, 1, true) : null;
            case '-' -> b.length == 1 || b[1] == 0 ? new ZsetStore.LexBound(null, -1, true) : null;
            case '(' -> new ZsetStore.LexBound(rest, 0, true);
            case '[' -> new ZsetStore.LexBound(rest, 0, false);
            default -> null;
        };
    }

    /** A lex range {min, max}, or Redis's "min or max not valid string range item" error. */
    static ZsetStore.LexBound[] lexRange(byte[] min, byte[] max) {
        ZsetStore.LexBound lo = lexItem(min);
        ZsetStore.LexBound hi = lexItem(max);
        if (lo == null || hi == null) {
            throw new CommandEngine.ReplyError(LEX_RANGE);
        }
        return new ZsetStore.LexBound[] {lo, hi};
    }

    /**
     * A score as Redis 7.0 replies it (networking.c addReplyDouble, RESP2): "inf", "-inf", else C's "%.17g" of
     * the exact binary value (17 significant digits rounded half-even, trailing zeros dropped, exponent form
     * below 1e-4 and from 1e17). Also util.c d2string's result for every non-NaN score (ZSCAN, listpacks).
     */
    static String format(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal v = new BigDecimal(d).round(new MathContext(17, RoundingMode.HALF_EVEN));
        String sign = v.signum() < 0 ? "-" : "";
        v = v.abs();
        int x = v.precision() - v.scale() - 1; // the decimal exponent of the first digit
        if (x < -4 || x >= 17) {
            String digits = v.unscaledValue().toString();
            digits = stripZeros(digits.substring(0, 1) + "." + digits.substring(1));
            String e = Integer.toString(Math.abs(x));
            return sign + digits + "e" + (x < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
        }
        return sign + stripZeros(v.toPlainString());
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * util.c d2string of Redis 7.0 (what ZSCAN answers and a listpack holds): an integral score within
     * +-(LLONG_MAX/2) in plain digits (util.h double2ll), anything else as {@link #format}.
     */
    static byte[] d2string(double d) {
        if (d != 0 && d >= -(double) (Long.MAX_VALUE / 2) && d <= (double) (Long.MAX_VALUE / 2) && d == (long) d) {
            return Long.toString((long) d).getBytes(StandardCharsets.US_ASCII);
        }
        return formatBytes(d);
    }

    static byte[] formatBytes(double d) {
        return format(d).getBytes(StandardCharsets.US_ASCII);
    }
}

package io.teemate.kv.host;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexical rules of redis.conf, ported from Redis 7.0's sds.c and util.c: how a line splits into arguments
 * ({@code sdssplitargs}), how a value splits on spaces ({@code sdssplitlen}), how a string is quoted back
 * ({@code sdscatrepr}), and how numbers read ({@code string2ll}, {@code strtoll}, {@code memtoull}).
 * <p>Strings here are byte strings: each char is one byte (0..255), as ISO-8859-1 decodes a file or a RESP argument,
 * so that a value round-trips byte for byte as it does in Redis. C's {@code isspace}, {@code isprint} and
 * {@code isdigit} are those of the "C" locale, which Redis runs in.
 */
final class KvConfigSyntax {
    private KvConfigSyntax() {}

    /** C's isspace in the "C" locale. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hexDigit(char c) {
        return Character.digit(c, 16);
    }

    /**
     * sdssplitargs: the arguments of {@code line}, or null when its quotes are unbalanced (or a closing quote is
     * followed by something other than a space). Words are separated by spaces; {@code "..."} takes the escapes
     * {@code \n \r \t \b \a \xHH} and {@code \c} for any other c; {@code '...'} takes only {@code \'}. A quote may
     * start in the middle of a word ({@code a"b c"} is one argument {@code ab c}). As in C, the line ends at its
     * first NUL.
     */
    static List<String> splitArgs(String line) {
        int nul = line.indexOf('\0');
        String s = nul < 0 ? line : line.substring(0, nul);
        int n = s.length();
        int p = 0;
        List<String> out = new ArrayList<>();
        while (true) {
            while (p < n && isSpace(s.charAt(p))) {
                p++;
            }
            if (p == n) {
                return out;
            }
            StringBuilder current = new StringBuilder();
            boolean inq = false;
            boolean insq = false;
            boolean done = false;
            while (!done) {
                char c = p < n ? s.charAt(p) : '\0';
                char next = p + 1 < n ? s.charAt(p + 1) : '\0';
                if (inq) {
                    if (c == '\\'
                            && next == 'x'
                            && p + 3 < n
                            && isHexDigit(s.charAt(p + 2))
                            && isHexDigit(s.charAt(p + 3))) {
                        current.append((char) (hexDigit(s.charAt(p + 2)) * 16 + hexDigit(s.charAt(p + 3))));
                        p += 3;
                    } else if (c == '\\' && next != '\0') {
                        p++;
                        current.append(
                                switch (next) {
                                    case 'n' -> '\n';
                                    case 'r' -> '\r';
                                    case 't' -> '\t';
                                    case 'b' -> '\b';
                                    case 'a' -> '\u0007';
                                    default -> next;
                                });
                    } else if (c == '"') {
                        if (next != '\0' && !isSpace(next)) {
                            return null; // a closing quote must be followed by a space or nothing at all
                        }
                        done = true;
                    } else if (c == '\0') {
                        return null; // unterminated quotes
                    } else {
                        current.append(c);
                    }
                } else if (insq) {
                    if (c == '\\' && next == '\'') {
                        p++;
                        current.append('\'');
                    } else if (c == '\'') {
                        if (next != '\0' && !isSpace(next)) {
                            return null;
                        }
                        done = true;
                    } else if (c == '\0') {
                        return null;
                    } else {
                        current.append(c);
                    }
                } else {
                    switch (c) {
                        case ' ', '\n', '\r', '\t', '\0' -> done = true;
                        case '"' -> inq = true;
                        case '\'' -> insq = true;
                        default -> current.append(c);
                    }
                }
                if (p < n) {
                    p++;
                }
            }
            out.add(current.toString());
        }
    }

    /**
     * sdssplitlen with a one-character separator: {@code "a  b"} gives {@code a, "", b}; the empty string gives no
     * elements. CONFIG SET splits the values of multi-argument directives (save, bind) this way.
     */
    static List<String> splitOn(String s, char sep) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == sep) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /**
     * sdscatrepr: {@code s} in double quotes, {@code \\ \" \n \r \t \a \b} escaped, other bytes outside the
     * printable ASCII range as {@code \xHH}. {@link #splitArgs} reads it back to the same bytes.
     */
    static String repr(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '"' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\u0007' -> b.append("\\a");
                case '\b' -> b.append("\\b");
                default -> {
                    if (c >= 0x20 && c <= 0x7e) {
                        b.append(c);
                    } else {
                        b.append(String.format("\\x%02x", c & 0xff));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** ASCII lower case, as sdstolower and strcasecmp see letters. */
    static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return b.toString();
    }

    /**
     * string2ll: a strict decimal long (no sign but '-', no leading zeros or spaces, fewer than 21 characters), or
     * null.
     */
    static Long string2ll(String s) {
        int n = s.length();
        if (n == 0 || n >= 21) {
            return null;
        }
        if (n == 1 && s.charAt(0) == '0') {
            return 0L;
        }
        int p = 0;
        boolean negative = s.charAt(0) == '-';
        if (negative && ++p == n) {
            return null;
        }
        char first = s.charAt(p);
        if (first < '1' || first > '9') {
            return null;
        }
        long v = first - '0'; // an unsigned 64-bit accumulator, as in C
        for (p++; p < n; p++) {
            char c = s.charAt(p);
            if (c < '0' || c > '9') {
                return null;
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) {
                return null;
            }
            v *= 10;
            if (Long.compareUnsigned(v, -1L - (c - '0')) > 0) {
                return null;
            }
            v += c - '0';
        }
        if (negative) {
            if (Long.compareUnsigned(v, Long.MIN_VALUE) > 0) {
                return null;
            }
            return -v;
        }
        return v < 0 ? null : v;
    }

    /**
     * strtoll(s, &end, 10) followed by Redis's usual {@code *end == '\0'} check: leading white space, an optional
     * sign, then digits, saturating at the long range on overflow. No digits at all reads as 0 with the end at the
     * start, so "" is 0 and any other string without digits fails. Null when something follows the number.
     */
    static Long strtoll(String s) {
        int n = s.length();
        int p = 0;
        while (p < n && isSpace(s.charAt(p))) {
            p++;
        }
        boolean negative = false;
        if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            negative = s.charAt(p) == '-';
            p++;
        }
        int digits = p;
        long magnitude = 0; // of the negative number, to reach Long.MIN_VALUE
        boolean overflow = false;
        while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
            int d = s.charAt(p) - '0';
            if (magnitude < (Long.MIN_VALUE + d) / 10) {
                overflow = true;
            } else {
                magnitude = magnitude * 10 - d;
            }
            p++;
        }
        if (p == digits) {
            return n == 0 ? 0L : null; // no digits: the end is the start of the string
        }
        if (p != n) {
            return null;
        }
        if (overflow) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (!negative) {
            return magnitude == Long.MIN_VALUE ? Long.MAX_VALUE : -magnitude;
        }
        return magnitude;
    }

    /**
     * memtoull: a memory size, as an unsigned 64-bit value, or null. Digits then an optional unit, case-insensitive:
     * b (1), k (1000), kb (1024), m (1000^2), mb (1024^2), g (1000^3), gb (1024^3). As in Redis, no digits read as
     * 0 ({@code ""} and {@code "kb"} are 0), and a number too large for 64 bits saturates at 2^64 - 1 without a
     * unit. With a unit, a product beyond 64 bits fails, as in later Redis versions; Redis 7.0.15 has no such check
     * and wraps it around (its {@code maxmemory 18014398509481984kb} is 0, no limit at all).
     */
    static Long memtoull(String s) {
        if (s.startsWith("-")) {
            return null;
        }
        int u = 0;
        while (u < s.length() && s.charAt(u) >= '0' && s.charAt(u) <= '9') {
            u++;
        }
        long mul = switch (lower(s.substring(u))) {
            case "", "b" -> 1L;
            case "k" -> 1000L;
            case "kb" -> 1024L;
            case "m" -> 1000L * 1000;
            case "mb" -> 1024L * 1024;
            case "g" -> 1000L * 1000 * 1000;
            case "gb" -> 1024L * 1024 * 1024;
            default -> 0L;
        };
        if (mul == 0 || u >= 128) {
            return null;
        }
        long val = 0;
        for (int i = 0; i < u; i++) {
            int d = s.charAt(i) - '0';
            if (Long.compareUnsigned(val, Long.divideUnsigned(-1L - d, 10)) > 0) {
                val = -1L; // strtoull saturates at ULLONG_MAX, and Redis does not look at ERANGE
                break;
            }
            val = val * 10 + d;
        }
        if (Long.compareUnsigned(val, Long.divideUnsigned(-1L, mul)) > 0) {
            return null;
        }
        return val * mul;
    }
}

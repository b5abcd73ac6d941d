package io.teemate.kv.abi;

/**
 * Redis's glob matcher, a port of util.c stringmatchlen_impl as of Redis 7.0.9: {@code * ? [abc] [^a-z] \x}, byte
 * by byte, optionally ignoring ASCII case. Bytes compare as C's signed {@code char} on x86-64, as in Redis, so a
 * range such as {@code [a-\xff]} means -1..'a'.
 * <p>Time: the {@code skipLongerMatches} flag of Redis 7.0.9 (the fix for CVE-2022-36021) ends every outer star's
 * loop once an inner star has tried the rest of the pattern against every suffix of the string and failed, so no
 * pattern backtracks exponentially; the nesting limit bounds the recursion depth as Redis does.
 */
public final class Glob {
    private static final int MAX_NESTING = 1000;

    private Glob() {}

    /** Case-sensitive, as KEYS and SCAN MATCH use it. */
    public static boolean matches(byte[] pattern, byte[] string) {
        return matches(pattern, string, false);
    }

    /** {@code nocase} as CONFIG GET uses it. */
    public static boolean matches(byte[] pattern, byte[] string, boolean nocase) {
        return new Glob.Matcher(pattern, string, nocase).match(0, 0, 0);
    }

    private static final class Matcher {
        final byte[] p;
        final byte[] s;
        final boolean nocase;
        /** Set once a star has failed against every suffix: no longer match of an earlier star can succeed. */
        boolean skipLongerMatches;

        Matcher(byte[] p, byte[] s, boolean nocase) {
            this.p = p;
            this.s = s;
            this.nocase = nocase;
        }

        /** pattern[pi], or 0 past the end (where C reads the string's terminating NUL). */
        private int pat(int pi) {
            return pi < p.length ? p[pi] : 0;
        }

        private int lower(int c) {
            return nocase && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }

        boolean match(int pi, int si, int nesting) {
            if (nesting > MAX_NESTING) {
                return false; // protection against abusive patterns, as in Redis
            }
            while (pi < p.length && si < s.length) {
                switch (p[pi]) {
                    case '*' -> {
                        while (pi + 1 < p.length && p[pi + 1] == '*') {
                            pi++;
                        }
                        if (pi + 1 == p.length) {
                            return true; // a trailing star matches the rest
                        }
                        while (si < s.length) {
                            if (match(pi + 1, si, nesting + 1)) {
                                return true;
                            }
                            if (skipLongerMatches) {
                                return false;
                            }
                            si++;
                        }
                        // The rest of the pattern matches no suffix of the string: a longer match for an earlier
                        // star would leave an even shorter suffix, so every earlier star can stop too.
                        skipLongerMatches = true;
                        return false;
                    }
                    case '?' -> si++;
                    case '[' -> {
                        pi++;
                        boolean not = pat(pi) == '^';
                        if (not) {
                            pi++;
                        }
                        boolean matched = false;
                        int c = s[si];
                        while (true) {
                            int left = p.length - pi;
                            if (pat(pi) == '\\' && left >= 2) {
                                pi++;
                                if (p[pi] == c) {
                                    matched = true;
                                }
                            } else if (pat(pi) == ']') {
                                break;
                            } else if (left <= 0) {
                                pi--; // an unterminated class ends at the pattern's last byte
                                break;
                            } else if (left >= 3 && p[pi + 1] == '-') {
                                int start = p[pi];
                                int end = p[pi + 2];
                                int ch = c;
                                if (start > end) {
                                    int t = start;
                                    start = end;
                                    end = t;
                                }
                                start = lower(start);
                                end = lower(end);
                                ch = lower(ch);
                                pi += 2;
                                if (ch >= start && ch <= end) {
                                    matched = true;
                                }
                            } else if (lower(p[pi]) == lower(c)) {
                                matched = true;
                            }
                            pi++;
                        }
                        if (not) {
                            matched = !matched;
                        }
                        if (!matched) {
                            return false;
                        }
                        si++;
                    }
                    default -> {
                        if (p[pi] == '\\' && p.length - pi >= 2) {
                            pi++;
                        }
                        if (lower(p[pi]) != lower(s[si])) {
                            return false;
                        }
                        si++;
                    }
                }
                pi++;
                if (si == s.length) {
                    while (pi < p.length && p[pi] == '*') {
                        pi++;
                    }
                    break;
                }
            }
            return pi == p.length && si == s.length;
        }
    }
}

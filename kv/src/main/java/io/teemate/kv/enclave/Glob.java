package io.teemate.kv.enclave;

/** Redis's glob matcher (util.c stringmatchlen): {@code * ? [abc] [^a-z] \x}, byte by byte, case-sensitive. */
public final class Glob {
    private Glob() {
    }

    public static boolean matches(byte[] pattern, byte[] string) {
        return match(pattern, 0, string, 0, 0);
    }

    private static boolean match(byte[] p, int pi, byte[] s, int si, int depth) {
        if (depth > 1000) {
            return false; // Redis bounds the recursion the same way (nesting limit)
        }
        while (pi < p.length && si < s.length) {
            switch (p[pi]) {
                case '*' -> {
                    while (pi + 1 < p.length && p[pi + 1] == '*') {
                        pi++;
                    }
                    if (pi + 1 == p.length) {
                        return true;
                    }
                    for (; si < s.length; si++) {
                        if (match(p, pi + 1, s, si, depth + 1)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> si++;
                case '[' -> {
                    pi++;
                    boolean not = pi < p.length && p[pi] == '^';
                    if (not) {
                        pi++;
                    }
                    boolean matched = false;
                    int c = s[si] & 0xFF;
                    while (true) {
                        if (pi >= p.length) {
                            pi--; // unterminated class: as Redis, the last char ends it
                            break;
                        } else if (p[pi] == '\\' && pi + 1 < p.length) {
                            pi++;
                            if ((p[pi] & 0xFF) == c) {
                                matched = true;
                            }
                        } else if (p[pi] == ']') {
                            break;
                        } else if (pi + 2 < p.length && p[pi + 1] == '-') {
                            int start = p[pi] & 0xFF;
                            int end = p[pi + 2] & 0xFF;
                            if (start > end) {
                                int t = start;
                                start = end;
                                end = t;
                            }
                            if (c >= start && c <= end) {
                                matched = true;
                            }
                            pi += 2;
                        } else if ((p[pi] & 0xFF) == c) {
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
                case '\\' -> {
                    if (pi + 1 < p.length) {
                        pi++;
                    }
                    if (p[pi] != s[si]) {
                        return false;
                    }
                    si++;
                }
                default -> {
                    if (p[pi] != s[si]) {
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

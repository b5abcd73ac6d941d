package io.teemate.kv.enclave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How the differential tests of lists, sets and hashes compare one command with {@link RedisDiff}: byte for byte,
 * as a multiset where Redis leaves the order open, by shape (reply type and length) where the reply is random,
 * and SSCAN/HSCAN by the elements of a whole iteration (Redis's cursor values follow its own hash function).
 */
final class CollectionDiff {
    private CollectionDiff() {}

    enum Mode {
        EXACT,
        UNORDERED,
        SHAPE,
        SCAN
    }

    /** A generated command and how its replies are compared. */
    record Cmd(Mode mode, String... words) {
        @Override
        public String toString() {
            return mode + " " + String.join(" ", words);
        }
    }

    static Cmd exact(String... w) {
        return new Cmd(Mode.EXACT, w);
    }

    static Cmd unordered(String... w) {
        return new Cmd(Mode.UNORDERED, w);
    }

    static Cmd shape(String... w) {
        return new Cmd(Mode.SHAPE, w);
    }

    static Cmd scan(String... w) {
        return new Cmd(Mode.SCAN, w);
    }

    /** Null if both answer alike under the command's mode, else a line saying how not. */
    static String compare(RedisDiff diff, Cmd c) throws IOException {
        return switch (c.mode()) {
            case EXACT -> diff.exact(c.words());
            case UNORDERED -> diff.unordered(c.words());
            case SHAPE -> {
                String want = diff.redis(c.words());
                String got = diff.engine(c.words());
                yield shapeOf(want).equals(shapeOf(got)) ? null : mismatch(c, want, got);
            }
            case SCAN -> scanBoth(diff, c);
        };
    }

    /** Runs a list of commands; every mismatch. */
    static List<String> run(RedisDiff diff, List<Cmd> commands) throws IOException {
        List<String> bad = new ArrayList<>();
        for (Cmd c : commands) {
            String m = compare(diff, c);
            if (m != null) {
                bad.add(m);
            }
        }
        return bad;
    }

    private static String mismatch(Cmd c, String want, String got) {
        return "> " + c + "\n  redis:   " + RedisDiff.escape(want) + "\n  teemate: " + RedisDiff.escape(got);
    }

    /** An array reply as its length (and each element's first byte); anything else as itself. */
    static String shapeOf(String raw) {
        Object o = parse(raw, new int[] {0});
        if (o instanceof List<?> l) {
            return "*" + l.size();
        }
        return raw.startsWith("$") && !raw.startsWith("$-1") ? "$ (a bulk)" : raw;
    }

    /** Iterates SSCAN/HSCAN key 0 [options] to the end on both sides; compares the error or the elements seen. */
    private static String scanBoth(RedisDiff diff, Cmd c) throws IOException {
        Object want = iterate(c, w -> diff.redis(w));
        Object got = iterate(c, w -> diff.engine(w));
        return want.equals(got) ? null : "> " + c + "\n  redis:   " + want + "\n  teemate: " + got;
    }

    interface Sender {
        String send(String[] words) throws IOException;
    }

    private static Object iterate(Cmd c, Sender s) throws IOException {
        String[] w = c.words().clone();
        boolean hash = w[0].equalsIgnoreCase("hscan");
        TreeSet<String> seen = new TreeSet<>();
        for (int round = 0; round < 10_000; round++) {
            String raw = s.send(w);
            Object o = parse(raw, new int[] {0});
            if (!(o instanceof List<?> top)) {
                return raw; // an error
            }
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) top.get(1);
            for (int i = 0; i < items.size(); i += hash ? 2 : 1) {
                seen.add(hash ? items.get(i) + "=" + items.get(i + 1) : items.get(i));
            }
            String cursor = (String) top.get(0);
            if (cursor.equals("0")) {
                return seen;
            }
            w[2] = cursor;
        }
        return "no end";
    }

    /** Parses one RESP2 reply at pos[0]: a List for an array, a String for a bulk, the raw line otherwise. */
    static Object parse(String raw, int[] pos) {
        int eol = raw.indexOf("\r\n", pos[0]);
        String line = raw.substring(pos[0], eol);
        pos[0] = eol + 2;
        switch (line.charAt(0)) {
            case '*' -> {
                int n = Integer.parseInt(line.substring(1));
                if (n < 0) {
                    return line;
                }
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    l.add(parse(raw, pos));
                }
                return l;
            }
            case '$' -> {
                int n = Integer.parseInt(line.substring(1));
                if (n < 0) {
                    return line;
                }
                String b = raw.substring(pos[0], pos[0] + n);
                pos[0] += n + 2;
                return b;
            }
            default -> {
                return line;
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}

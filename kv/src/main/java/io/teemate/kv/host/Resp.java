package io.teemate.kv.host;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RESP2 on the host side (redis.io/docs/reference/protocol-spec): an incremental request parser for one connection
 * and the reply encoders.
 * <p>The parser follows Redis's networking.c: a request is either a multibulk array of bulk strings
 * ({@code *2\r\n$3\r\nGET\r\n$1\r\nk\r\n}) or an inline command (a line of words, quotes allowed, as redis-cli and
 * telnet send). {@link #feed} appends bytes as they arrive, split anywhere; {@link #next} returns each complete
 * command in order (pipelining), null when more bytes are needed. Empty requests ({@code *0}, {@code *-1}, blank
 * lines) are skipped. Malformed input throws {@link RespProtocolException} with Redis's message; the parser then
 * stays failed, since the connection must close.
 * <p>Not thread-safe: one parser per connection.
 */
public final class Resp {
    /** Redis PROTO_INLINE_MAX_SIZE: the longest inline request or count line. */
    public static final int INLINE_MAX = 64 * 1024;
    /** Redis proto-max-bulk-len default. */
    public static final long MAX_BULK = 512L * 1024 * 1024;

    private byte[] buf = new byte[4096];
    private int start;
    private int end;
    /** Multibulk state: arguments still expected (0 = between requests), the ones read, the pending bulk length. */
    private int remaining;

    private List<byte[]> args;
    private long bulkLen = -1;
    private RespProtocolException failed;

    /** Appends {@code len} received bytes. */
    public void feed(byte[] data, int off, int len) {
        if (end + len > buf.length) {
            int live = end - start;
            if (live + len <= buf.length && start > 0) {
                System.arraycopy(buf, start, buf, 0, live);
            } else {
                byte[] bigger = new byte[Math.max(buf.length * 2, live + len)];
                System.arraycopy(buf, start, bigger, 0, live);
                buf = bigger;
            }
            start = 0;
            end = live;
        }
        System.arraycopy(data, off, buf, end, len);
        end += len;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /** Bytes received but not yet consumed by a complete command. */
    public int buffered() {
        return end - start;
    }

    /** The next complete command (name first), or null if the buffered bytes do not hold one yet. */
    public List<byte[]> next() throws RespProtocolException {
        if (failed != null) {
            throw failed;
        }
        try {
            while (true) {
                if (remaining == 0) {
                    if (start == end) {
                        return null;
                    }
                    if (buf[start] != '*') {
                        int before = start;
                        List<byte[]> inline = inline();
                        if (inline == null) {
                            return null;
                        }
                        if (!inline.isEmpty()) {
                            return inline;
                        }
                        if (start == before) {
                            return null;
                        }
                        continue; // blank line
                    }
                    int nl = indexOf('\r', start);
                    if (nl < 0 || nl + 1 >= end) {
                        if (end - start > INLINE_MAX) {
                            throw fail("Protocol error: too big mbulk count string");
                        }
                        return null;
                    }
                    Long n = parseLong(start + 1, nl);
                    if (n == null || n > Integer.MAX_VALUE) {
                        throw fail("Protocol error: invalid multibulk length");
                    }
                    start = nl + 2;
                    if (n <= 0) {
                        continue; // empty request: nothing to run
                    }
                    remaining = (int) (long) n;
                    args = new ArrayList<>((int) Math.min(n, 1024));
                    bulkLen = -1;
                }
                while (remaining > 0) {
                    if (bulkLen < 0) {
                        if (start == end) {
                            return null;
                        }
                        int nl = indexOf('\r', start);
                        if (nl < 0 || nl + 1 >= end) {
                            if (end - start > INLINE_MAX) {
                                throw fail("Protocol error: too big bulk count string");
                            }
                            return null;
                        }
                        if (buf[start] != '$') {
                            throw fail("Protocol error: expected '$', got '" + (char) (buf[start] & 0xFF) + "'");
                        }
                        Long len = parseLong(start + 1, nl);
                        if (len == null || len < 0 || len > MAX_BULK) {
                            throw fail("Protocol error: invalid bulk length");
                        }
                        bulkLen = len;
                        start = nl + 2;
                    }
                    if (end - start < bulkLen + 2) {
                        return null; // the bulk and its CRLF have not all arrived
                    }
                    args.add(Arrays.copyOfRange(buf, start, start + (int) bulkLen));
                    start += (int) bulkLen + 2; // Redis skips the CRLF without looking at it
                    bulkLen = -1;
                    remaining--;
                }
                List<byte[]> done = args;
                args = null;
                compact();
                return done;
            }
        } catch (RespProtocolException e) {
            failed = e;
            throw e;
        }
    }

    /** Every complete command buffered now. */
    public List<List<byte[]>> drain() throws RespProtocolException {
        List<List<byte[]>> out = new ArrayList<>();
        for (List<byte[]> c = next(); c != null; c = next()) {
            out.add(c);
        }
        return out;
    }

    /** An inline request if a whole line is buffered (possibly empty for a blank line), else null. */
    private List<byte[]> inline() throws RespProtocolException {
        int nl = indexOf('\n', start);
        if (nl < 0) {
            if (end - start > INLINE_MAX) {
                throw fail("Protocol error: too big inline request");
            }
            return null;
        }
        int lineEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
        byte[] line = Arrays.copyOfRange(buf, start, lineEnd);
        start = nl + 1;
        compact();
        List<byte[]> words = splitArgs(line);
        if (words == null) {
            throw fail("Protocol error: unbalanced quotes in request");
        }
        return words;
    }

    /**
     * Splits an inline line into words as Redis's sdssplitargs: spaces separate; "double quotes" take \n \r \t \b
     * \a \\ \" and \xHH escapes; 'single quotes' take \'; a closing quote must be followed by a space or the end.
     * Returns null for unbalanced quotes.
     */
    static List<byte[]> splitArgs(byte[] line) {
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        int n = line.length;
        while (true) {
            while (i < n && isSpace(line[i])) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            ByteArrayOutputStream cur = new ByteArrayOutputStream();
            boolean inq = false;
            boolean insq = false;
            boolean done = false;
            while (!done) {
                if (inq) {
                    if (i >= n) {
                        return null;
                    }
                    byte c = line[i];
                    if (c == '\\' && i + 3 < n && line[i + 1] == 'x' && isHex(line[i + 2]) && isHex(line[i + 3])) {
                        cur.write(Character.digit(line[i + 2], 16) * 16 + Character.digit(line[i + 3], 16));
                        i += 3;
                    } else if (c == '\\' && i + 1 < n) {
                        i++;
                        cur.write(
                                switch (line[i]) {
                                    case 'n' -> '\n';
                                    case 'r' -> '\r';
                                    case 't' -> '\t';
                                    case 'b' -> '\b';
                                    case 'a' -> 7;
                                    default -> line[i];
                                });
                    } else if (c == '"') {
                        if (i + 1 < n && !isSpace(line[i + 1])) {
                            return null; // closing quote must be followed by a space
                        }
                        done = true;
                    } else {
                        cur.write(c);
                    }
                } else if (insq) {
                    if (i >= n) {
                        return null;
                    }
                    byte c = line[i];
                    if (c == '\\' && i + 1 < n && line[i + 1] == '\'') {
                        i++;
                        cur.write('\'');
                    } else if (c == '\'') {
                        if (i + 1 < n && !isSpace(line[i + 1])) {
                            return null;
                        }
                        done = true;
                    } else {
                        cur.write(c);
                    }
                } else {
                    if (i >= n) {
                        done = true;
                        break;
                    }
                    byte c = line[i];
                    if (isSpace(c)) {
                        done = true;
                    } else if (c == '"') {
                        inq = true;
                    } else if (c == '\'') {
                        insq = true;
                    } else {
                        cur.write(c);
                    }
                }
                if (i < n) {
                    i++;
                }
            }
            out.add(cur.toByteArray());
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }

    private static boolean isHex(byte c) {
        return Character.digit(c, 16) >= 0;
    }

    private RespProtocolException fail(String message) {
        return new RespProtocolException(message);
    }

    private int indexOf(char c, int from) {
        for (int i = from; i < end; i++) {
            if (buf[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Redis string2ll over buf[from, to): strict decimal ("0", or an optional '-' and no leading zero), or null. */
    private Long parseLong(int from, int to) {
        int len = to - from;
        if (len <= 0 || len > 20) {
            return null;
        }
        int i = from;
        boolean negative = buf[i] == '-';
        if (negative && ++i == to) {
            return null;
        }
        if (buf[i] == '0' && (to - i > 1 || negative)) {
            return null; // "0" alone; never "-0" or "007"
        }
        long v = 0;
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            // accumulate negatively, so that Long.MIN_VALUE fits
            if (v < (Long.MIN_VALUE + d) / 10) {
                return null;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return null;
            }
            v = -v;
        }
        return v;
    }

    private void compact() {
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    // ------------------------------------------------------------------ encoders

    private static final byte[] CRLF = {'\r', '\n'};

    /** {@code +s\r\n} */
    public static byte[] simple(String s) {
        return ("+" + s + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code -s\r\n}; {@code s} starts with the error code ("ERR ...", "WRONGTYPE ..."); CR and LF become spaces. */
    public static byte[] error(String s) {
        return ("-" + s.replace('\r', ' ').replace('\n', ' ') + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] integer(long v) {
        return (":" + v + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A bulk string, or the null bulk for null. */
    public static byte[] bulk(byte[] b) {
        if (b == null) {
            return nullBulk();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 16);
        out.writeBytes(("$" + b.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(b);
        out.writeBytes(CRLF);
        return out.toByteArray();
    }

    public static byte[] bulk(String s) {
        return bulk(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] nullBulk() {
        return "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] nullArray() {
        return "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** An array of bulk strings (null items become null bulks). */
    public static byte[] array(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + items.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] b : items) {
            out.writeBytes(bulk(b));
        }
        return out.toByteArray();
    }

    /** A request as clients send it: an array of bulk strings. */
    public static byte[] command(String... words) {
        List<byte[]> items = new ArrayList<>();
        for (String w : words) {
            items.add(w.getBytes(StandardCharsets.UTF_8));
        }
        return array(items);
    }
}

package io.teemate.kv.host;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RESP3 on the host side (redis.io/docs/reference/protocol-spec, Redis 7.0 networking.c addReply*): the engine in
 * the enclave answers RESP2 bytes whatever the client's protocol, so the reply to a client that said HELLO 3 is
 * transcoded here, command by command. Every RESP2 null ({@code $-1}, {@code *-1}) becomes RESP3's {@code _}, as
 * Redis's addReplyNull and addReplyNullArray write it; the other differences (maps, sets, doubles, verbatim text,
 * pairs) depend on the command and are {@link ReplyShapes}' table, the single source of those decisions.
 * <p>A reply is parsed into a small tree ({@link Node}), reshaped, and encoded again. RESP2 clients never pay for it:
 * their replies pass untouched.
 */
final class Resp3 {
    private Resp3() {}

    /**
     * One reply value. {@code type} is the RESP type byte: {@code + - :} (a line in {@code text}), {@code $} (a bulk
     * in {@code text}), {@code *} (an array of {@code items}), and the RESP3 ones a shape produces: {@code _} null,
     * {@code %} map (items hold key, value, key, value...), {@code ~} set, {@code ,} double (its text), {@code =}
     * verbatim string (text, shown as txt), {@code >} push.
     */
    static final class Node {
        byte type;
        byte[] text;
        List<Node> items;

        Node(byte type, byte[] text, List<Node> items) {
            this.type = type;
            this.text = text;
            this.items = items;
        }

        static Node bulk(byte[] b) {
            return new Node((byte) '$', b, null);
        }

        static Node array(List<Node> items) {
            return new Node((byte) '*', null, items);
        }

        boolean is(char t) {
            return type == (byte) t;
        }
    }

    /** The RESP3 form of {@code resp2}, the reply to {@code argv}; {@code shape} null for the plain conversion. */
    static byte[] transcode(List<byte[]> argv, byte[] resp2, ReplyShapes.Shape shape) {
        if (resp2 == null || resp2.length == 0) {
            return resp2;
        }
        byte t = resp2[0];
        if (shape == null && (t == '+' || t == '-' || t == ':' || (t == '$' && resp2[1] != '-'))) {
            return resp2; // the same bytes in both protocols
        }
        Node n = parse(resp2);
        if (shape != null) {
            n = shape.apply(argv, n);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(resp2.length + 16);
        encode(n, out);
        return out.toByteArray();
    }

    /** Parses one whole RESP2 reply (one the engine or the host wrote, so well formed); nulls become {@code _}. */
    static Node parse(byte[] b) {
        int[] pos = {0};
        Node n = parse(b, pos);
        if (pos[0] != b.length) {
            throw new IllegalArgumentException("not one RESP2 reply: " + (b.length - pos[0]) + " bytes after it");
        }
        return n;
    }

    private static Node parse(byte[] b, int[] pos) {
        int start = pos[0];
        int cr = start;
        while (b[cr] != '\r') {
            cr++;
        }
        byte type = b[start];
        byte[] line = Arrays.copyOfRange(b, start + 1, cr);
        pos[0] = cr + 2;
        switch (type) {
            case '$' -> {
                int len = Integer.parseInt(new String(line, StandardCharsets.US_ASCII));
                if (len < 0) {
                    return new Node((byte) '_', null, null);
                }
                byte[] data = Arrays.copyOfRange(b, pos[0], pos[0] + len);
                pos[0] += len + 2;
                return Node.bulk(data);
            }
            case '*' -> {
                int count = Integer.parseInt(new String(line, StandardCharsets.US_ASCII));
                if (count < 0) {
                    return new Node((byte) '_', null, null);
                }
                List<Node> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(parse(b, pos));
                }
                return Node.array(items);
            }
            case '+', '-', ':' -> {
                return new Node(type, line, null);
            }
            default -> throw new IllegalArgumentException("not a RESP2 reply type: " + (char) type);
        }
    }

    /** Writes {@code n} as RESP3. */
    static void encode(Node n, ByteArrayOutputStream out) {
        switch (n.type) {
            case '+', '-', ':', ',' -> line(out, n.type, n.text);
            case '_' -> out.writeBytes(new byte[] {'_', '\r', '\n'});
            case '$' -> {
                line(out, (byte) '$', ascii(n.text.length));
                out.writeBytes(n.text);
                out.writeBytes(new byte[] {'\r', '\n'});
            }
            case '=' -> {
                line(out, (byte) '=', ascii(n.text.length + 4));
                out.writeBytes("txt:".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(n.text);
                out.writeBytes(new byte[] {'\r', '\n'});
            }
            case '*', '~', '>' -> {
                line(out, n.type, ascii(n.items.size()));
                for (Node i : n.items) {
                    encode(i, out);
                }
            }
            case '%' -> {
                line(out, n.type, ascii(n.items.size() / 2));
                for (Node i : n.items) {
                    encode(i, out);
                }
            }
            default -> throw new IllegalArgumentException("no RESP3 type " + (char) n.type);
        }
    }

    static byte[] encode(Node n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(n, out);
        return out.toByteArray();
    }

    private static void line(ByteArrayOutputStream out, byte type, byte[] text) {
        out.write(type);
        out.writeBytes(text);
        out.writeBytes(new byte[] {'\r', '\n'});
    }

    private static byte[] ascii(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------ encoders for replies built on the host

    /** A map header ({@code %n}) in RESP3, an array of 2n in RESP2 (networking.c addReplyMapLen). */
    static byte[] mapHeader(int resp, int pairs) {
        return ((resp == 3 ? "%" + pairs : "*" + 2 * pairs) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A push header ({@code >n}) in RESP3, an array in RESP2 (networking.c addReplyPushLen). */
    static byte[] pushHeader(int resp, int n) {
        return ((resp == 3 ? ">" : "*") + n + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The null bulk of the protocol (networking.c addReplyNull). */
    static byte[] nullBulk(int resp) {
        return resp == 3 ? "_\r\n".getBytes(StandardCharsets.US_ASCII) : Resp.nullBulk();
    }
}

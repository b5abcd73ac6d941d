package io.teemate.kv.enclave;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds one RESP2 reply (redis.io/docs/reference/protocol-spec, RESP2 types) inside the enclave. */
final class Reply {
    private static final byte[] CRLF = {'\r', '\n'};
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    Reply simple(String s) {
        out.write('+');
        line(s);
        return this;
    }

    /** An error reply; {@code s} starts with its code, e.g. "ERR syntax error" or "WRONGTYPE ...". */
    Reply error(String s) {
        out.write('-');
        line(s.replace('\r', ' ').replace('\n', ' '));
        return this;
    }

    Reply integer(long v) {
        out.write(':');
        line(Long.toString(v));
        return this;
    }

    Reply bulk(byte[] b) {
        if (b == null) {
            return nullBulk();
        }
        out.write('$');
        line(Integer.toString(b.length));
        out.writeBytes(b);
        out.writeBytes(CRLF);
        return this;
    }

    Reply bulk(String s) {
        return bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    Reply nullBulk() {
        out.writeBytes("$-1\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    Reply nullArray() {
        out.writeBytes("*-1\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    Reply array(int n) {
        out.write('*');
        line(Integer.toString(n));
        return this;
    }

    Reply bulks(List<byte[]> items) {
        array(items.size());
        for (byte[] b : items) {
            bulk(b);
        }
        return this;
    }

    /** Bytes as they are (the host's marker of {@link BlockingCommands#block}). */
    Reply raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    private void line(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}

package io.teemate.kv.host;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal blocking RESP2 client, for the tests and benchmarks that talk to a real redis-server or to TeeMate's
 * server: bulk replies read as ISO-8859-1 strings, integers as Long, errors as {@link Err}, arrays as lists, nulls
 * as null.
 */
public final class RespClient implements AutoCloseable {
    /** A RESP error reply. */
    public record Err(String message) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RespClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(120_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends one command and reads its reply. */
    public Object call(String... words) throws IOException {
        send(encode(words));
        return reply();
    }

    /** A command as clients encode it: an array of bulk strings (words in ISO-8859-1). */
    public static byte[] encode(String... words) {
        byte[][] argv = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            argv[i] = words[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return encode(argv);
    }

    /** A command as clients encode it: an array of bulk strings. */
    public static byte[] encode(byte[]... argv) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + argv.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : argv) {
            b.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(a);
            b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return b.toByteArray();
    }

    /** Writes raw bytes (several commands at once: a pipeline). */
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads the next reply. */
    public Object reply() throws IOException {
        int type = in.read();
        String line = line();
        return switch (type) {
            case '+' -> line;
            case '-' -> new Err(line);
            case ':' -> Long.parseLong(line);
            case '$' -> {
                int len = Integer.parseInt(line);
                if (len < 0) {
                    yield null;
                }
                byte[] data = in.readNBytes(len + 2);
                if (data.length != len + 2) {
                    throw new IOException("connection closed inside a bulk reply");
                }
                yield new String(data, 0, len, StandardCharsets.ISO_8859_1);
            }
            case '*' -> {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    yield null;
                }
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(reply());
                }
                yield items;
            }
            case -1 -> throw new IOException("connection closed by the server");
            default -> throw new IOException("unexpected RESP type byte " + type);
        };
    }

    /** True once the server has closed the connection (after QUIT or a protocol error). */
    public boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed inside a reply line");
            }
            s.append((char) c);
        }
        if (in.read() != '\n') {
            throw new IOException("a RESP line not ended by CRLF");
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

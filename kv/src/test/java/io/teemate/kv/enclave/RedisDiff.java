package io.teemate.kv.enclave;

import io.teemate.kv.RedisTools;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Differential testing of the engine against a real redis-server 7.0 (started here, CI installs it): the same
 * command goes to both, and the raw RESP2 replies are compared byte for byte. Both clocks are real time, so a test
 * avoids replies that tick (PTTL, TTL near a second boundary).
 * <p>For replies whose order Redis itself does not define (SMEMBERS, HGETALL of several fields, SINTER), use
 * {@link #unordered}: the elements of the top-level array are compared as a multiset.
 */
final class RedisDiff implements AutoCloseable {
    private final Path dir;
    private final RedisTools.Server redis;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    final KvRig kv;

    RedisDiff() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("redis-diff");
        redis = new RedisTools.Server(dir);
        socket = new Socket(InetAddress.getLoopbackAddress(), redis.port);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        kv = new KvRig();
        kv.now = System.currentTimeMillis();
        exact("FLUSHALL");
    }

    /** The raw reply of the real redis-server to {@code words} (ISO-8859-1). */
    String redis(String... words) throws IOException {
        out.write(io.teemate.kv.host.RespClient.encode(words));
        out.flush();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        readReply(b);
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** The raw reply of the engine to {@code words}, its clock set to now. */
    String engine(String... words) {
        kv.now = System.currentTimeMillis();
        return kv.run(words);
    }

    /** Sends {@code words} to both; returns null if the replies are byte-identical, else a line saying how not. */
    String exact(String... words) throws IOException {
        String want = redis(words);
        String got = engine(words);
        return want.equals(got) ? null : mismatch(words, want, got);
    }

    /** As {@link #exact}, the top-level array's elements compared as a multiset (Redis leaves their order open). */
    String unordered(String... words) throws IOException {
        String want = redis(words);
        String got = engine(words);
        return sortedElements(want).equals(sortedElements(got)) ? null : mismatch(words, want, got);
    }

    /** Runs a script of commands (one per line, split on spaces; lines starting with # skipped); every mismatch. */
    List<String> script(String text) throws IOException {
        List<String> bad = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String m = exact(line.split(" +"));
            if (m != null) {
                bad.add(m);
            }
        }
        return bad;
    }

    private static String mismatch(String[] words, String want, String got) {
        return "> " + String.join(" ", words) + "\n  redis:   " + escape(want) + "\n  teemate: " + escape(got);
    }

    /** {@code s} on one line, cut after 1 KiB: a mismatch may be a 512 MiB bulk string. */
    static String escape(String s) {
        String head = s.length() > 1024 ? s.substring(0, 1024) : s;
        String tail = s.length() > 1024 ? "... (" + s.length() + " bytes)" : "";
        return head.replace("\r", "\\r").replace("\n", "\\n") + tail;
    }

    /** The raw elements of a top-level RESP array, sorted; any other reply as itself. */
    private static List<String> sortedElements(String raw) {
        if (!raw.startsWith("*") || raw.startsWith("*-1")) {
            return List.of(raw);
        }
        try {
            InputStream s = new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1));
            String header = readLine(s);
            int n = Integer.parseInt(header.substring(1));
            String[] items = new String[n];
            for (int i = 0; i < n; i++) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                readReply(s, b);
                items[i] = b.toString(StandardCharsets.ISO_8859_1);
            }
            Arrays.sort(items);
            return List.of(items);
        } catch (IOException e) {
            throw new IllegalStateException("not RESP: " + escape(raw), e);
        }
    }

    private void readReply(ByteArrayOutputStream b) throws IOException {
        readReply(in, b);
    }

    /** Copies one whole RESP2/RESP3 reply from {@code s} to {@code b}. */
    static void readReply(InputStream s, ByteArrayOutputStream b) throws IOException {
        String line = readLine(s);
        b.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        char type = line.charAt(0);
        switch (type) {
            case '$', '=', '!' -> {
                int len = Integer.parseInt(line.substring(1));
                if (len >= 0) {
                    byte[] data = s.readNBytes(len + 2);
                    if (data.length != len + 2) {
                        throw new IOException("connection closed inside a bulk reply");
                    }
                    b.writeBytes(data);
                }
            }
            case '*', '~', '>' -> {
                int n = Integer.parseInt(line.substring(1));
                for (int i = 0; i < n; i++) {
                    readReply(s, b);
                }
            }
            case '%', '|' -> {
                int n = Integer.parseInt(line.substring(1));
                for (int i = 0; i < 2 * n; i++) {
                    readReply(s, b);
                }
            }
            default -> {
                // +, -, :, _, #, ,, ( are one line
            }
        }
    }

    private static String readLine(InputStream s) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = s.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed inside a reply line");
            }
            line.append((char) c);
        }
        if (s.read() != '\n') {
            throw new IOException("a RESP line not ended by CRLF");
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        redis.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}

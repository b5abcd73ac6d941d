package io.teemate.kv.host;

import io.teemate.host.container.Mode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real redis-server 7.0 and a TeeMate server side by side, each reached over raw sockets: named connections
 * ("a", "b"...) exist on both, the same command is sent on the same-named connection of each, and the raw replies
 * (RESP2 or RESP3, pushes included) are compared byte for byte. For connection-level behaviour: protocols, pub/sub,
 * CLIENT, MONITOR.
 */
final class ServerDiff implements AutoCloseable {
    private final Path dir;
    final RedisTools.Server redis;
    final RunningKv kv;
    private final Map<String, Conn[]> conns = new HashMap<>();

    /** One connection to one server. */
    static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Conn(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        void send(String... words) throws IOException {
            out.write(RespClient.encode(words));
            out.flush();
        }

        /** One whole reply (RESP2 or RESP3), ISO-8859-1. */
        String reply() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            readReply(in, b);
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        /** Whether the server closed the connection (after everything it sent was read). */
        boolean closed() throws IOException {
            try {
                return in.read() < 0;
            } catch (java.net.SocketException reset) {
                return true; // closed with our bytes unread: a reset
            }
        }
    }

    ServerDiff(String... redisArgs) throws IOException, InterruptedException {
        this(Map.of(), redisArgs);
    }

    /** With {@code directives} set on both servers (e.g. requirepass). */
    ServerDiff(Map<String, List<String>> directives, String... redisArgs) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("server-diff");
        Files.createDirectories(dir.resolve("redis"));
        redis = new RedisTools.Server(dir.resolve("redis"), redisArgs);
        Files.createDirectories(dir.resolve("kv"));
        Map<String, List<String>> all = new HashMap<>(directives);
        all.putIfAbsent("save", List.of(""));
        kv = RunningKv.start(dir.resolve("kv"), Mode.SHARED, all);
    }

    /** The connection named {@code name} to redis (0) and to TeeMate (1), opened on first use. */
    Conn[] conn(String name) throws IOException {
        Conn[] c = conns.get(name);
        if (c == null) {
            c = new Conn[] {new Conn(redis.port), new Conn(kv.port())};
            conns.put(name, c);
        }
        return c;
    }

    Conn redis(String name) throws IOException {
        return conn(name)[0];
    }

    Conn kv(String name) throws IOException {
        return conn(name)[1];
    }

    /** Sends {@code words} on connection {@code name} of both servers, without reading. */
    void send(String name, String... words) throws IOException {
        for (Conn c : conn(name)) {
            c.send(words);
        }
    }

    /** The next reply (or push) on connection {@code name} of both: [redis's, teemate's]. */
    String[] read(String name) throws IOException {
        Conn[] c = conn(name);
        return new String[] {c[0].reply(), c[1].reply()};
    }

    /** Sends and reads one reply on both; null if they are byte-identical, else how they differ. */
    String exact(String name, String... words) throws IOException {
        send(name, words);
        return same(name + "> " + String.join(" ", words), read(name));
    }

    /** Reads the next reply on {@code name} from both: null if identical, else how they differ. */
    String next(String name) throws IOException {
        return same(name + " (next)", read(name));
    }

    static String same(String what, String[] r) {
        return r[0].equals(r[1]) ? null : what + "\n  redis:   " + escape(r[0]) + "\n  teemate: " + escape(r[1]);
    }

    /**
     * Runs a script: lines "conn> command words" send and compare one reply, "conn< " compares the next pushed
     * message, "conn>> command" sends without reading; blank lines and # comments skipped. Every mismatch.
     */
    List<String> script(String text) throws IOException {
        List<String> bad = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String m;
            int gt = line.indexOf('>');
            int lt = line.indexOf('<');
            if (lt > 0 && (gt < 0 || lt < gt)) {
                m = next(line.substring(0, lt).strip());
            } else if (line.startsWith(">", gt + 1)) {
                send(
                        line.substring(0, gt).strip(),
                        line.substring(gt + 2).strip().split(" +"));
                m = null;
            } else {
                m = exact(
                        line.substring(0, gt).strip(),
                        line.substring(gt + 1).strip().split(" +"));
            }
            if (m != null) {
                bad.add(m);
            }
        }
        return bad;
    }

    static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Copies one whole RESP2/RESP3 reply from {@code s} to {@code b}. */
    static void readReply(InputStream s, ByteArrayOutputStream b) throws IOException {
        String line = readLine(s);
        b.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        switch (line.charAt(0)) {
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
                // one line
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
        for (Conn[] c : conns.values()) {
            for (Conn x : c) {
                x.socket.close();
            }
        }
        try {
            kv.close();
        } finally {
            redis.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}

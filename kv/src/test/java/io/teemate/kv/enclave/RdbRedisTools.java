package io.teemate.kv.enclave;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real Redis tools for the RDB tests: finds redis-server and redis-check-rdb (failing, not skipping, when they
 * are missing, since CI installs them), runs a redis-server child process and talks RESP to it over a socket.
 */
final class RdbRedisTools {
    private RdbRedisTools() {
    }

    /** The executable {@code name} on the PATH or in /usr/bin; fails the test if there is none. */
    static Path binary(String name) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isEmpty()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        dirs.add(Path.of("/usr/bin"));
        for (Path d : dirs) {
            Path p = d.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return fail(name + " was not found on the PATH or in /usr/bin. These tests check the RDB files against the"
                + " real Redis 7 tools and must not be skipped: .ci/run installs the Debian packages redis-tools and"
                + " redis-server (apt-get install redis-tools redis-server)");
    }

    /** Runs {@code redis-check-rdb file}; returns its exit code and output. */
    static CheckResult checkRdb(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary("redis-check-rdb").toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("redis-check-rdb finishes").isTrue();
        return new CheckResult(p.exitValue(), output);
    }

    record CheckResult(int exitCode, String output) {
        /** The number in "[info] N <what>" of redis-check-rdb's summary. */
        long info(String what) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[info\\] (\\d+) " + what).matcher(output);
            assertThat(m.find()).as("redis-check-rdb reports '%s' in:%n%s", what, output).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    /** A RESP error reply. */
    record Err(String message) {
    }

    /** A redis-server child process on a free loopback port, with {@code dir} as its working directory. */
    static final class Server implements AutoCloseable {
        final Process process;
        final int port;
        final Path log;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        /**
         * Starts redis-server with {@code --dir dir --dbfilename dump.rdb --save "" --appendonly no} (it loads
         * {@code dir/dump.rdb} if there is one) and waits until it answers PING.
         */
        Server(Path dir, String... extra) throws IOException, InterruptedException {
            port = freePort();
            log = dir.resolve("redis-server.log");
            List<String> cmd = new ArrayList<>(List.of(binary("redis-server").toString(),
                    "--dir", dir.toString(), "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no",
                    "--port", Integer.toString(port), "--bind", "127.0.0.1", "--daemonize", "no"));
            cmd.addAll(List.of(extra));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitPong();
            } catch (RuntimeException | Error | IOException | InterruptedException e) {
                close();
                throw e;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }

        /** Polls PING a bounded number of times; the pause between attempts ends early if the server exits. */
        private void awaitPong() throws IOException, InterruptedException {
            for (int attempt = 0; attempt < 400; attempt++) {
                if (!process.isAlive()) {
                    fail("redis-server exited with code " + process.exitValue() + " before answering PING:\n"
                            + Files.readString(log));
                }
                try {
                    connect();
                    if ("PONG".equals(call("PING"))) {
                        return;
                    }
                } catch (IOException notYet) {
                    disconnect();
                }
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
            fail("redis-server did not answer PING after 400 attempts:\n" + Files.readString(log));
        }

        private void connect() throws IOException {
            if (socket == null) {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(60_000);
                in = new BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
            }
        }

        private void disconnect() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a half-open connection to a server that is not up yet
                }
                socket = null;
            }
        }

        /** Sends one command (ISO-8859-1 words) and returns the reply: String, Long, null, List, or {@link Err}. */
        Object call(String... words) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(("*" + words.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String w : words) {
                byte[] bytes = w.getBytes(StandardCharsets.ISO_8859_1);
                b.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                b.writeBytes(bytes);
                b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(b.toByteArray());
            out.flush();
            return reply();
        }

        private Object reply() throws IOException {
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
                case -1 -> throw new IOException("connection closed by redis-server");
                default -> throw new IOException("unexpected RESP type byte " + type);
            };
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
        public void close() {
            disconnect();
            process.destroy(); // SIGTERM: with --save "" redis-server exits without writing dump.rdb
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

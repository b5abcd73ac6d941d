package io.teemate.kv;

import io.teemate.kv.host.RespClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
public final class RedisTools {
    private RedisTools() {}

    /** The executable {@code name} on the PATH or in /usr/bin; fails the test if there is none. */
    public static Path binary(String name) {
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
    public static CheckResult checkRdb(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary("redis-check-rdb").toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as("redis-check-rdb finishes")
                .isTrue();
        return new CheckResult(p.exitValue(), output);
    }

    public record CheckResult(int exitCode, String output) {
        /** The number in "[info] N <what>" of redis-check-rdb's summary. */
        public long info(String what) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\\[info\\] (\\d+) " + what).matcher(output);
            assertThat(m.find())
                    .as("redis-check-rdb reports '%s' in:%n%s", what, output)
                    .isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    /** A redis-server child process on a free loopback port, with {@code dir} as its working directory. */
    public static final class Server implements AutoCloseable {
        final Process process;
        public final int port;
        final Path log;
        private RespClient client;

        /**
         * Starts redis-server with {@code --dir dir --dbfilename dump.rdb --save "" --appendonly no} (it loads
         * {@code dir/dump.rdb} if there is one) and waits until it answers PING.
         */
        public Server(Path dir, String... extra) throws IOException, InterruptedException {
            port = freePort();
            log = dir.resolve("redis-server.log");
            List<String> cmd = new ArrayList<>(List.of(
                    binary("redis-server").toString(),
                    "--dir",
                    dir.toString(),
                    "--dbfilename",
                    "dump.rdb",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--daemonize",
                    "no"));
            cmd.addAll(List.of(extra));
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
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

        private void disconnect() {
            if (client != null) {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // closing a half-open connection to a server that is not up yet
                }
                client = null;
            }
        }

        /** Sends one command (ISO-8859-1 words) and returns the reply, as {@link RespClient#reply()} reads it. */
        public Object call(String... words) throws IOException {
            if (client == null) {
                client = new RespClient(port);
            }
            return client.call(words);
        }

        @Override
        public void close() {
            disconnect();
            process.destroy(); // SIGTERM: with --save "" redis-server exits without writing dump.rdb
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

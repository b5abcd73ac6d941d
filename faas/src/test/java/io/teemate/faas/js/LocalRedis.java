package io.teemate.faas.js;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real redis-server child process on a free loopback port for the key-value tests of JavaScript functions (as
 * kv's RedisTools runs one; CI installs redis-server), and the real redis-cli to read back what a function stored.
 */
final class LocalRedis implements AutoCloseable {
    final int port;
    private final Process process;
    private final Path log;

    LocalRedis(Path dir) throws IOException, InterruptedException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        log = dir.resolve("redis-server.log");
        process = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString(),
                        "--daemonize",
                        "no")
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

    /** Polls PING a bounded number of times; the pause between attempts ends early if the server exits. */
    private void awaitPong() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 400; attempt++) {
            if (!process.isAlive()) {
                fail("redis-server exited with code " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                if ("PONG".equals(j.ping())) {
                    return;
                }
            } catch (JedisConnectionException notYet) {
                // not listening yet
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        fail("redis-server did not answer PING after 400 attempts:\n" + Files.readString(log));
    }

    String endpoint() {
        return "127.0.0.1:" + port;
    }

    /** {@code redis-cli -p PORT --raw ARGS...}: its standard output, less the newline --raw ends a reply with. */
    byte[] cli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port), "--raw"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("redis-cli " + args[0] + " failed: " + out);
        }
        byte[] b = out.toByteArray();
        return b.length > 0 && b[b.length - 1] == '\n' ? java.util.Arrays.copyOf(b, b.length - 1) : b;
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: with --save "" redis-server exits without writing dump.rdb
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real redis-server 7.0 and a TeeMate server side by side, and clients that each hold one raw socket to both: the
 * same commands go to both, and the raw replies are compared byte for byte, several clients interleaved.
 */
final class DualServers implements AutoCloseable {
    final RedisTools.Server redis;
    final RunningKv kv;
    private final List<Client> clients = new ArrayList<>();

    DualServers(Path dir) throws IOException, InterruptedException {
        Path r = Files.createDirectories(dir.resolve("redis"));
        redis = new RedisTools.Server(r);
        kv = RunningKv.start(Files.createDirectories(dir.resolve("kv")), Mode.SHARED);
    }

    Client client() throws IOException {
        Client c = new Client(redis.port, kv.port());
        clients.add(c);
        return c;
    }

    /** One client, connected to both servers. */
    static final class Client implements AutoCloseable {
        final Conn redis;
        final Conn kv;

        Client(int redisPort, int kvPort) throws IOException {
            redis = new Conn(redisPort);
            kv = new Conn(kvPort);
        }

        /** Sends {@code words} to both, without reading. */
        void send(String... words) throws IOException {
            redis.send(words);
            kv.send(words);
        }

        /** Reads one reply from each and asserts they are the same bytes; returns it. */
        String reply() throws IOException {
            String r = redis.reply();
            String k = kv.reply();
            assertThat(k).as("TeeMate's reply (redis-server answered %s)", r).isEqualTo(r);
            return r;
        }

        /** Sends and compares the reply. */
        String call(String... words) throws IOException {
            send(words);
            return reply();
        }

        @Override
        public void close() throws IOException {
            redis.close();
            kv.close();
        }
    }

    /** A raw RESP connection. */
    static final class Conn implements AutoCloseable {
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

        /** One whole reply, RESP2 or RESP3 (maps, sets, pushes after HELLO 3). */
        String reply() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            ServerDiff.readReply(in, b);
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        String call(String... words) throws IOException {
            send(words);
            return reply();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Waits until both servers report {@code n} blocked clients (INFO clients), polling. */
    void awaitBlocked(int n) throws IOException, InterruptedException {
        try (Conn r = new Conn(redis.port);
                Conn k = new Conn(kv.port())) {
            long until = System.currentTimeMillis() + 20_000;
            while (true) {
                boolean a = r.call("INFO", "clients").contains("blocked_clients:" + n + "\r\n");
                boolean b = k.call("INFO", "clients").contains("blocked_clients:" + n + "\r\n");
                if (a && b) {
                    return;
                }
                assertThat(System.currentTimeMillis())
                        .as("%d blocked clients on both servers", n)
                        .isLessThan(until);
                Thread.sleep(2); // polling another server's state, not standing in for work
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Client c : clients) {
            c.close();
        }
        try {
            kv.close();
        } finally {
            redis.close();
        }
    }
}

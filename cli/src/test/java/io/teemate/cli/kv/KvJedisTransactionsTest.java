package io.teemate.cli.kv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.args.ListDirection;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real client library (Jedis) running a WATCH/MULTI/EXEC transaction and blocking pops against {@code teemate kv
 * serve} and against redis-server 7.0: the same results from both.
 */
class KvJedisTransactionsTest {
    /** The scenario's results, in order, as strings. */
    static List<String> scenario(int port) throws Exception {
        List<String> out = new ArrayList<>();
        try (Jedis a = new Jedis("127.0.0.1", port);
                Jedis b = new Jedis("127.0.0.1", port)) {
            a.flushAll();
            a.set("balance", "10");
            a.watch("balance");
            int balance = Integer.parseInt(a.get("balance"));
            Transaction t = a.multi();
            t.set("balance", Integer.toString(balance - 3));
            t.incr("spent");
            out.add(String.valueOf(t.exec()));
            a.watch("balance");
            b.set("balance", "100"); // another client changes it: the EXEC fails
            Transaction t2 = a.multi();
            t2.set("balance", "0");
            out.add(String.valueOf(t2.exec()));
            out.add(a.get("balance"));
            // a blocking pop woken by another client's push
            CompletableFuture<List<String>> popped = CompletableFuture.supplyAsync(() -> {
                try (Jedis c = new Jedis("127.0.0.1", port)) {
                    return c.blpop(0, "jobs");
                }
            });
            while (!b.info("clients").contains("blocked_clients:1")) {
                Thread.sleep(2); // polling the server's state until the pop blocked
            }
            b.rpush("jobs", "j1", "j2");
            out.add(String.valueOf(popped.get(30, TimeUnit.SECONDS)));
            out.add(String.valueOf(b.blmove("jobs", "done", ListDirection.LEFT, ListDirection.RIGHT, 0.1)));
            out.add(String.valueOf(b.blpop(0.05, "empty")));
            out.add(String.valueOf(b.lrange("done", 0, -1)));
        }
        return out;
    }

    @Test
    void aTransactionAndABlockingPopGiveRedisResults(@TempDir Path dir) throws Exception {
        KvServeCommand serve = new KvServeCommand();
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<KvCommandTest.Run> running = CompletableFuture.supplyAsync(() -> KvCommandTest.execute(
                cmd,
                "--port",
                "0",
                "--mode",
                "shared",
                "--dir",
                dir.resolve("kv").toString(),
                "--heap",
                "16M",
                "--epc-mib",
                "128"));
        int port = serve.started().get(120, TimeUnit.SECONDS);
        List<String> teemate;
        try {
            teemate = scenario(port);
        } finally {
            serve.requestStop();
            running.get(60, TimeUnit.SECONDS);
        }
        int redisPort;
        try (ServerSocket s = new ServerSocket(0)) {
            redisPort = s.getLocalPort();
        }
        Process redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(redisPort),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        try {
            long until = System.currentTimeMillis() + 30_000;
            while (true) {
                try (Jedis j = new Jedis("127.0.0.1", redisPort)) {
                    j.ping();
                    break;
                } catch (RuntimeException e) {
                    assertThat(System.currentTimeMillis())
                            .as("redis-server starts")
                            .isLessThan(until);
                    Thread.sleep(20);
                }
            }
            assertThat(teemate).isEqualTo(scenario(redisPort));
        } finally {
            redis.destroy();
            redis.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(teemate.get(1)).isEqualTo("null");
    }
}

package io.teemate.kv.host;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.ZPopArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.teemate.host.container.Mode;
import io.teemate.kv.RedisTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lettuce with its default handshake (HELLO 3: RESP3, pub/sub messages as pushes) against a real {@code teemate kv
 * serve} and a real redis-server 7.0: transactions with WATCH, pub/sub with a listener, blocking pops woken by
 * another connection. Each session records what the application sees, and the two servers must give the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvLettuceTest {
    @TempDir
    static Path dir;

    private RedisTools.Server redis;
    private RunningKv kv;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        redis = new RedisTools.Server(Files.createDirectories(dir.resolve("redis")));
        kv = RunningKv.start(dir.resolve("kv"), Mode.SHARED);
    }

    @AfterAll
    void stop() throws IOException {
        redis.close();
        kv.close();
    }

    @FunctionalInterface
    interface Session {
        void run(RedisClient client, List<Object> seen) throws Exception;
    }

    /** What {@code session} sees on the server at {@code port}. */
    private static List<Object> seen(int port, Session session) throws Exception {
        List<Object> seen = new ArrayList<>();
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try {
            session.run(client, seen);
        } finally {
            client.shutdown();
        }
        return seen;
    }

    private void sameOnBoth(Session session) throws Exception {
        List<Object> want = seen(redis.port, session);
        assertThat(want).as("the session saw something").isNotEmpty();
        assertThat(seen(kv.port(), session)).isEqualTo(want);
    }

    /** EXEC's replies as an application reads them (an error inside is an exception object: its message). */
    private static List<Object> results(TransactionResult r) {
        List<Object> out = new ArrayList<>();
        out.add("discarded=" + r.wasDiscarded());
        for (Object o : r) {
            out.add(o instanceof Throwable t ? "error: " + t.getMessage() : o);
        }
        return out;
    }

    @Test
    void transactionsWithWatch() throws Exception {
        sameOnBoth((client, seen) -> {
            try (StatefulRedisConnection<String, String> c = client.connect();
                    StatefulRedisConnection<String, String> other = client.connect()) {
                RedisCommands<String, String> s = c.sync();
                seen.add(s.flushall());
                seen.add(s.set("w", "0"));
                seen.add(s.watch("w"));
                seen.add(other.sync().set("w", "changed"));
                seen.add(s.multi());
                s.incr("w");
                s.set("x", "1");
                TransactionResult invalidated = s.exec();
                seen.add(results(invalidated));
                seen.add(invalidated.wasDiscarded());
                seen.add(s.get("w"));
                seen.add(s.exists("x"));
                // a watch nobody touches, and errors inside
                seen.add(s.watch("w"));
                seen.add(s.multi());
                s.set("a", "1");
                s.incr("a");
                s.get("a");
                s.lpush("a", "x");
                s.blpop(1, "nolist");
                s.bzpopmin(1, "nozset");
                seen.add(results(s.exec()));
                // pops that find something inside a transaction, scores read by Lettuce's RESP3 decoding
                seen.add(s.zadd("zz", 1.5, "m", 2.0, "n", 3.0, "o"));
                seen.add(s.multi());
                s.bzpopmin(1, "zz");
                s.bzpopmax(1, "zz");
                s.zscore("zz", "n");
                s.zpopmin("zz");
                seen.add(results(s.exec()).toString());
                seen.add(s.multi());
                s.set("b", "1");
                seen.add(s.discard());
                seen.add(s.get("b"));
            }
        });
    }

    @Test
    void pubSubListenersReceiveWhatAnotherConnectionPublishes() throws Exception {
        sameOnBoth((client, seen) -> {
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
                    StatefulRedisConnection<String, String> pub = client.connect()) {
                sub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        events.add("message " + channel + " " + message);
                    }

                    @Override
                    public void message(String pattern, String channel, String message) {
                        events.add("pmessage " + pattern + " " + channel + " " + message);
                    }

                    @Override
                    public void subscribed(String channel, long count) {
                        events.add("subscribed " + channel + " " + count);
                    }

                    @Override
                    public void psubscribed(String pattern, long count) {
                        events.add("psubscribed " + pattern + " " + count);
                    }

                    @Override
                    public void unsubscribed(String channel, long count) {
                        events.add("unsubscribed " + channel + " " + count);
                    }
                });
                sub.sync().subscribe("news", "sport");
                sub.sync().psubscribe("n*");
                seen.add(pub.sync().publish("news", "hello"));
                seen.add(pub.sync().publish("sport", "goal"));
                seen.add(pub.sync().publish("weather", "rain"));
                seen.add(pub.sync().publish("nx", "patterned"));
                seen.add(pub.sync().pubsubNumsub("news", "sport", "weather"));
                seen.add(pub.sync().pubsubNumpat());
                sub.sync().unsubscribe("news");
                seen.add(pub.sync().publish("news", "pattern only"));
                for (int i = 0; i < 9; i++) { // 3 subscriptions, 5 deliveries, 1 unsubscription
                    String e = events.poll(30, TimeUnit.SECONDS);
                    assertThat(e).as("event %d", i).isNotNull();
                    seen.add(e);
                }
                seen.add(events.poll(50, TimeUnit.MILLISECONDS)); // nothing more
                seen.add(sub.sync().ping());
            }
        });
    }

    /** Waits until the server reports {@code n} blocked clients (INFO clients), polling. */
    private static void awaitBlocked(RedisCommands<String, String> s, int n) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (!s.info("clients").contains("blocked_clients:" + n + "\r\n")) {
            assertThat(System.currentTimeMillis()).as("%d blocked clients", n).isLessThan(until);
            Thread.sleep(2); // polling the server's state, not standing in for work
        }
    }

    private static String text(KeyValue<?, ?> kv) {
        return kv == null ? null : kv.toString();
    }

    @Test
    void blockingPopsAreWokenByAnotherConnection() throws Exception {
        sameOnBoth((client, seen) -> {
            try (StatefulRedisConnection<String, String> c = client.connect();
                    StatefulRedisConnection<String, String> other = client.connect()) {
                RedisCommands<String, String> p = other.sync();
                seen.add(p.flushall());
                RedisFuture<KeyValue<String, String>> blpop = c.async().blpop(0, "none", "q");
                awaitBlocked(p, 1);
                seen.add(p.rpush("q", "a", "b"));
                seen.add(text(blpop.get(30, TimeUnit.SECONDS)));
                var bzpopmin = c.async().bzpopmin(0, "z");
                awaitBlocked(p, 1);
                seen.add(p.zadd("z", 2.5, "m", 1.5, "n"));
                seen.add(text(bzpopmin.get(30, TimeUnit.SECONDS)));
                var bzpopmax = c.async().bzpopmax(0, "z2", "z");
                seen.add(text(bzpopmax.get(30, TimeUnit.SECONDS)));
                var bzmpop = c.async().bzmpop(0L, 2L, ZPopArgs.Builder.max(), "z3");
                awaitBlocked(p, 1);
                seen.add(p.zadd("z3", 1.0, "a", 2.0, "b", 3.0, "c"));
                seen.add(text(bzmpop.get(30, TimeUnit.SECONDS)));
                seen.add(p.zrangeWithScores("z3", 0, -1).toString());
                seen.add(text(c.sync().blpop(0.05, "none")));
                seen.add(text(c.sync().bzpopmin(0.05, "none")));
                seen.add(text(c.sync().bzmpop(0.05, ZPopArgs.Builder.min(), "none")));
                seen.add(p.exists("q", "z", "z3"));
            }
        });
    }
}

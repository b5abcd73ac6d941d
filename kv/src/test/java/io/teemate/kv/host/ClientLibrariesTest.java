package io.teemate.kv.host;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.teemate.host.container.Mode;
import io.teemate.kv.RedisTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two Java clients Redis users connect with, Jedis (RESP2) and Lettuce (its default handshake, HELLO 3), run
 * the same work against TeeMate's server in both modes and against a real redis-server 7.0, and must see the same
 * results: what a user switching from Redis meets first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientLibrariesTest {
    @TempDir
    static Path dir;

    private RedisTools.Server redis;
    private RunningKv shared;
    private RunningKv conventional;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        redis = new RedisTools.Server(java.nio.file.Files.createDirectories(dir.resolve("redis")));
        shared = RunningKv.start(dir.resolve("shared"), Mode.SHARED);
        conventional = RunningKv.start(dir.resolve("conventional"), Mode.CONVENTIONAL);
    }

    @AfterAll
    void stop() throws IOException {
        redis.close();
        shared.close();
        conventional.close();
    }

    private int port(Mode mode) {
        return (mode == Mode.SHARED ? shared : conventional).port();
    }

    /** What one Jedis session sees: plain calls and a pipeline over strings, lists, hashes and sets. */
    private static List<Object> jedisSession(int port) {
        List<Object> seen = new ArrayList<>();
        try (Jedis j = new Jedis("127.0.0.1", port)) {
            seen.add(j.flushAll());
            seen.add(j.set("user:1", "ada"));
            seen.add(j.setex("session:1", 100, "token"));
            seen.add(j.get("user:1"));
            seen.add(j.incrBy("counter", 41));
            seen.add(j.incr("counter"));
            seen.add(j.rpush("queue", "a", "b", "c"));
            seen.add(j.lrange("queue", 0, -1));
            seen.add(j.hset("h", java.util.Map.of("f", "v")));
            seen.add(j.hget("h", "f"));
            seen.add(j.sadd("s", "x", "y"));
            seen.add(j.sismember("s", "x"));
            seen.add(j.exists("user:1", "missing"));
            Pipeline p = j.pipelined();
            List<Response<?>> responses = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                responses.add(p.set("k" + i, "v" + i));
                responses.add(p.get("k" + i));
            }
            responses.add(p.del("k0", "k1", "k2"));
            responses.add(p.get("k1"));
            p.sync();
            responses.forEach(r -> seen.add(r.get()));
            seen.add(j.dbSize());
        }
        return seen;
    }

    /** What one Lettuce session sees, synchronous calls and an asynchronous pipeline, after its HELLO handshake. */
    private static List<Object> lettuceSession(int port) throws Exception {
        List<Object> seen = new ArrayList<>();
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> s = c.sync();
            seen.add(s.flushall());
            seen.add(s.set("user:1", "ada"));
            seen.add(s.get("user:1"));
            seen.add(s.append("user:1", " lovelace"));
            seen.add(s.getrange("user:1", 0, 2));
            seen.add(s.lpush("queue", "a", "b"));
            seen.add(s.rpop("queue"));
            seen.add(s.hset("h", "f", "1"));
            seen.add(s.hincrby("h", "f", 9));
            seen.add(s.hgetall("h"));
            seen.add(s.expire("user:1", 100));
            seen.add(s.ttl("user:1"));
            seen.add(s.type("h"));
            RedisAsyncCommands<String, String> a = c.async();
            c.setAutoFlushCommands(false);
            List<RedisFuture<?>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                futures.add(a.incr("n"));
            }
            futures.add(a.get("n"));
            c.flushCommands();
            for (RedisFuture<?> f : futures) {
                seen.add(f.get(60, TimeUnit.SECONDS));
            }
            c.setAutoFlushCommands(true);
        } finally {
            client.shutdown();
        }
        return seen;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void jedisSeesWhatItSeesOnRedis(Mode mode) {
        assertThat(jedisSession(port(mode))).isEqualTo(jedisSession(redis.port));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void lettuceSeesWhatItSeesOnRedis(Mode mode) throws Exception {
        assertThat(lettuceSession(port(mode))).isEqualTo(lettuceSession(redis.port));
    }
}

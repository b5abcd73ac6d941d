package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import io.teemate.kv.RedisTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DUMP and RESTORE through the whole server: redis-server 7.0's binary payloads (compact encodings, LZF) cross RESP
 * into a TeeMate server unharmed, RESTORE with a relative TTL is logged with its absolute deadline (RESTORE ...
 * ABSTTL), so that the AOF's replay, then the snapshot, bring back the same values and the same deadlines.
 */
class DumpRestoreServerTest {
    /** Writes making every type, small and big, with binary values. */
    static final List<String[]> WRITES = List.of(
            new String[] {"SET", "s", "hello\u0000\r\n\u00ff"},
            new String[] {"SET", "i", "12345"},
            new String[] {"SET", "lzf", "ab".repeat(500)},
            new String[] {"RPUSH", "l", "a", "1", "-70000", "x".repeat(100)},
            new String[] {"SADD", "si", "1", "5000000000", "-3"},
            new String[] {"SADD", "ss", "a", "b"},
            new String[] {"HSET", "h", "f", "v", "n", "7"},
            new String[] {"HSET", "hl", "f", "v".repeat(100)},
            new String[] {"ZADD", "z", "1.5", "a", "-inf", "b"},
            new String[] {"ZADD", "zl", "1", "m".repeat(100)});

    static final List<String> KEYS = List.of("s", "i", "lzf", "l", "si", "ss", "h", "hl", "z", "zl");

    /** The value of {@code key} as {@code c}'s server answers it: a comparable shape per type. */
    @SuppressWarnings("unchecked")
    static Object value(RespClient c, String key) throws IOException {
        String type = (String) c.call("TYPE", key);
        return switch (type) {
            case "string" -> c.call("GET", key);
            case "list" -> c.call("LRANGE", key, "0", "-1");
            case "set" -> new HashSet<>((List<Object>) c.call("SMEMBERS", key));
            case "hash" -> {
                List<Object> kv = (List<Object>) c.call("HGETALL", key);
                Map<Object, Object> m = new TreeMap<>();
                for (int i = 0; i < kv.size(); i += 2) {
                    m.put(kv.get(i), kv.get(i + 1));
                }
                yield m;
            }
            case "zset" -> c.call("ZRANGE", key, "0", "-1", "WITHSCORES");
            default -> type;
        };
    }

    /** Every key's value, encoding and deadline (PEXPIRETIME) as {@code c}'s server answers them. */
    static Map<String, List<Object>> state(RespClient c) throws IOException {
        Map<String, List<Object>> out = new TreeMap<>();
        for (String key : KEYS) {
            for (String k : List.of(key, "ttl:" + key)) {
                out.put(k, List.of(value(c, k), c.call("OBJECT", "ENCODING", k), c.call("PEXPIRETIME", k)));
            }
        }
        return out;
    }

    @Test
    void redisServersPayloadsRestoreThroughTheServerAndSurviveTheAofAndTheSnapshot(@TempDir Path dir) throws Exception {
        Path redisDir = Files.createDirectory(dir.resolve("redis"));
        Path kvDir = dir.resolve("kv");
        List<String> payloads = new ArrayList<>();
        Map<String, List<Object>> inRedis;
        try (RedisTools.Server redis = new RedisTools.Server(redisDir);
                RespClient r = new RespClient(redis.port)) {
            for (String[] w : WRITES) {
                r.call(w);
            }
            for (String key : KEYS) {
                payloads.add((String) r.call("DUMP", key));
                // the same value again, with a deadline an hour ahead
                assertThat(r.call("RESTORE", "ttl:" + key, "3600000", payloads.get(payloads.size() - 1)))
                        .isEqualTo("OK");
            }
            inRedis = state(r);
        }
        Map<String, List<Object>> before;
        Map<String, List<String>> aofOn = Map.of("appendonly", List.of("yes"), "save", List.of(""));
        try (RunningKv kv = RunningKv.start(kvDir, Mode.SHARED, aofOn);
                RespClient c = new RespClient(kv.port())) {
            for (int i = 0; i < KEYS.size(); i++) {
                assertThat(c.call("RESTORE", KEYS.get(i), "0", payloads.get(i))).isEqualTo("OK");
                assertThat(c.call("RESTORE", "ttl:" + KEYS.get(i), "3600000", payloads.get(i)))
                        .isEqualTo("OK");
            }
            before = state(c);
            // the deadlines are the engine's own clock's: compare all but them with redis-server's
            assertThat(withoutDeadlines(before)).isEqualTo(withoutDeadlines(inRedis));
            for (String key : KEYS) {
                assertThat((Long) c.call("PTTL", "ttl:" + key)).isBetween(3_500_000L, 3_600_000L);
            }
        }
        try (RunningKv kv = RunningKv.start(kvDir, Mode.SHARED, aofOn);
                RespClient c = new RespClient(kv.port())) {
            assertThat(state(c)).as("after the AOF replay").isEqualTo(before);
            assertThat(c.call("SAVE")).isEqualTo("OK");
        }
        try (RunningKv kv = RunningKv.start(kvDir, Mode.CONVENTIONAL, Map.of("save", List.of("")));
                RespClient c = new RespClient(kv.port())) {
            assertThat(state(c)).as("after loading the snapshot").isEqualTo(before);
        }
    }

    private static Map<String, List<Object>> withoutDeadlines(Map<String, List<Object>> state) {
        Map<String, List<Object>> out = new TreeMap<>();
        state.forEach((k, v) -> out.put(k, v.subList(0, 2)));
        return out;
    }
}

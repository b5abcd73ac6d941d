package io.teemate.kv.host;

import io.teemate.kv.RedisTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReplyShapes}' table against a real redis-server 7.0, command by command, including commands this server
 * does not have yet (sorted sets, set algebra): each command runs on a RESP2 and on a RESP3 connection of the same
 * redis-server, from the same dataset, and the RESP2 reply transcoded here must be the RESP3 reply byte for byte.
 */
class ReplyShapesTest {
    static Path dir;
    static RedisTools.Server redis;
    static ServerDiff.Conn resp2;
    static ServerDiff.Conn resp3;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("reply-shapes");
        redis = new RedisTools.Server(dir);
        resp2 = new ServerDiff.Conn(redis.port);
        resp3 = new ServerDiff.Conn(redis.port);
        resp3.send("HELLO", "3");
        resp3.reply();
    }

    @AfterAll
    static void stop() throws IOException {
        resp2.socket.close();
        resp3.socket.close();
        redis.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** The dataset every command starts from (one member per set, so that Redis's own orders cannot differ). */
    private static final String SETUP = """
            FLUSHALL
            ZADD z 1 a 2.5 b inf c -inf d
            ZADD z2 3 a
            SADD s x
            SADD s2 x
            HSET h f v
            RPUSH l 1 2 3
            SET str 12
            """;

    private static String run(ServerDiff.Conn c, String line) throws IOException {
        c.send(line.split(" +"));
        return c.reply();
    }

    private static List<String> check(String commands) throws IOException {
        List<String> bad = new ArrayList<>();
        for (String line : commands.strip().split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            for (String s : SETUP.strip().split("\n")) {
                run(resp2, s);
            }
            String two = run(resp2, line);
            for (String s : SETUP.strip().split("\n")) {
                run(resp3, s);
            }
            String three = run(resp3, line);
            List<byte[]> argv = new ArrayList<>();
            for (String w : line.split(" +")) {
                argv.add(w.getBytes(StandardCharsets.ISO_8859_1));
            }
            String got = new String(
                    ReplyShapes.toResp3(argv, two.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
            if (!got.equals(three)) {
                bad.add("> " + line + "\n  redis resp3: " + ServerDiff.escape(three) + "\n  transcoded:  "
                        + ServerDiff.escape(got));
            }
        }
        return bad;
    }

    @Test
    void everyShapeOfTheTable() throws IOException {
        assertThat(check("""
                GET nokey
                GET str
                MGET str nokey
                LPOP nokey 2
                LRANGE l 0 -1
                HGETALL h
                HGETALL nokey
                HRANDFIELD h 1 WITHVALUES
                HRANDFIELD h -2 WITHVALUES
                HRANDFIELD h 1
                HRANDFIELD h
                SMEMBERS s
                SMEMBERS nokey
                SINTER s s2
                SUNION s nokey
                SDIFF s nokey
                SPOP s 1
                SPOP s
                SPOP nokey 3
                SRANDMEMBER s 1
                SMISMEMBER s x y
                CONFIG GET maxmemory
                MEMORY DOCTOR
                COMMAND DOCS get zadd client memory set sort nosuch
                CLIENT TRACKINGINFO
                CLIENT GETNAME
                ZSCORE z b
                ZSCORE z c
                ZSCORE z nope
                ZSCORE str a
                ZINCRBY z 1.5 a
                ZINCRBY z 1 c
                ZMSCORE z a nope d
                ZADD z 5 e
                ZADD z INCR 5 e
                ZADD z NX INCR 1 a
                ZADD z XX CH INCR 1 a
                ZADD z 1 incr
                ZRANGE z 0 -1
                ZRANGE z 0 -1 WITHSCORES
                ZRANGE z -inf +inf BYSCORE LIMIT 0 2 WITHSCORES
                ZRANGE z 0 -1 REV WITHSCORES
                ZREVRANGE z 0 1 WITHSCORES
                ZRANGEBYSCORE z -inf inf WITHSCORES
                ZRANGEBYSCORE z (1 3 WITHSCORES LIMIT 0 1
                ZREVRANGEBYSCORE z inf -inf WITHSCORES
                ZRANGEBYLEX z - +
                ZPOPMIN z
                ZPOPMIN z 2
                ZPOPMAX z
                ZPOPMAX z 1
                ZPOPMIN nokey
                ZPOPMIN nokey 2
                BZPOPMIN z 1
                BZPOPMAX z 1
                ZMPOP 1 z MIN
                ZMPOP 2 nokey z MAX COUNT 2
                ZMPOP 1 nokey MIN
                BZMPOP 1 1 z MIN COUNT 3
                ZRANDMEMBER z2 1 WITHSCORES
                ZRANDMEMBER z2 1
                ZUNION 2 z z2 WITHSCORES
                ZUNION 2 z z2
                ZINTER 2 z z2 WITHSCORES
                ZDIFF 2 z z2 WITHSCORES
                ZSCAN z 0
                ZRANK z b
                ZCARD z
                ZRANGESTORE dst z 0 -1
                INCRBYFLOAT str 0.5
                HINCRBYFLOAT h n 1.5
                LATENCY HISTOGRAM nosuchcommand
                LATENCY DOCTOR
                PUBSUB NUMSUB a b
                """)).isEmpty();
    }
}

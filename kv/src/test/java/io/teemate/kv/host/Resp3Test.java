package io.teemate.kv.host;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HELLO and RESP3 against a real redis-server 7.0: the same commands on both, after HELLO 3 and back with HELLO 2,
 * the raw replies byte for byte (maps, sets, nulls, verbatim strings, errors); HELLO's reply differs only in the
 * version (this server reports {@link ServerCommands#REDIS_VERSION}) and the client id.
 */
class Resp3Test {
    static ServerDiff diff;

    @BeforeAll
    static void start() throws Exception {
        diff = new ServerDiff();
    }

    @AfterAll
    static void stop() throws IOException {
        diff.close();
    }

    /** HELLO's reply with the version and the id, which differ by design, made equal. */
    static String hello(String raw) {
        return raw.replaceAll("\\$\\d+\r\n7\\.0\\.\\d+\r\n", "\\$V\r\nVERSION\r\n")
                .replaceAll("id\r\n:\\d+", "id\r\n:N");
    }

    String[] helloBoth(String conn, String... words) throws IOException {
        diff.send(conn, words);
        String[] r = diff.read(conn);
        return new String[] {hello(r[0]), hello(r[1])};
    }

    @Test
    void helloAnswersAsRedisInBothProtocols() throws IOException {
        for (List<String> words : List.of(
                List.of("HELLO"),
                List.of("HELLO", "3"),
                List.of("HELLO", "2"),
                List.of("HELLO", "3", "SETNAME", "me"),
                List.of("HELLO", "3", "AUTH", "default", "anything"),
                List.of("HELLO", "2", "AUTH", "nobody", "x"),
                List.of("HELLO", "4"),
                List.of("HELLO", "1"),
                List.of("HELLO", "x"),
                List.of("HELLO", "+3"),
                List.of("HELLO", "3", "FOO"),
                List.of("HELLO", "3", "AUTH", "default"),
                List.of("HELLO", "3", "SETNAME", "bad name"),
                List.of("HELLO", "3", "SETNAME"))) {
            String[] r = helloBoth("h", words.toArray(String[]::new));
            assertThat(r[1]).as(String.join(" ", words)).isEqualTo(r[0]);
        }
        assertThat(diff.script("h> CLIENT GETNAME")).isEmpty();
        helloBoth("h", "HELLO", "2");
        assertThat(diff.script("h> GET nokey")).isEmpty();
    }

    @Test
    void everyReplyShapeInResp3() throws IOException {
        String[] h = helloBoth("r", "HELLO", "3");
        assertThat(h[1]).isEqualTo(h[0]);
        List<String> bad = diff.script("""
                r> FLUSHALL
                # simple, integer, bulk, null bulk, errors
                r> SET s v
                r> GET s
                r> GET nokey
                r> INCR n
                r> INCRBYFLOAT f 1.5
                r> GETDEL nokey
                r> GET
                r> NOSUCHCOMMAND x
                r> LPUSH s x
                # arrays with nulls inside, null arrays
                r> MGET s nokey n
                r> RPUSH l a b c
                r> LRANGE l 0 -1
                r> LPOP l 2
                r> LPOP nokey 2
                r> RPOP nokey
                # sets
                r> SADD st x
                r> SMEMBERS st
                r> SMEMBERS nokey
                r> SISMEMBER st x
                # maps
                r> HSET h f v
                r> HGETALL h
                r> HGETALL nokey
                r> HMGET h f nope
                r> HGET h nope
                r> HKEYS h
                r> CONFIG GET maxmemory
                r> CONFIG GET nosuchparameter
                # host commands
                r> PING
                r> PING hi
                r> ECHO hey
                r> CLIENT GETNAME
                r> CLIENT TRACKINGINFO
                r> CLIENT GETREDIR
                r> LATENCY LATEST
                r> LATENCY HISTOGRAM nosuchcommand
                r> LATENCY DOCTOR
                r> SCAN 0 MATCH nomatch*
                r> TYPE nokey
                r> TTL s
                r> EXISTS s nokey
                r> DEL s
                r> RESET
                r> GET nokey
                r> HGETALL h
                r> SMEMBERS st
                r> LPOP nokey 2
                r> CLIENT TRACKINGINFO
                """);
        assertThat(bad).isEmpty();
    }

    @Test
    void infoAndClientInfoAreVerbatimInResp3() throws IOException {
        ServerDiff.Conn kv = diff.kv("v");
        kv.send("HELLO", "3");
        kv.reply();
        kv.send("INFO", "server");
        assertThat(kv.reply()).startsWith("=").contains("\r\ntxt:# Server\r\n");
        kv.send("CLIENT", "INFO");
        String info = kv.reply();
        assertThat(info).startsWith("=").contains("txt:id=").endsWith(" resp=3\n\r\n");
        assertThat(Integer.parseInt(info.substring(1, info.indexOf('\r'))))
                .isEqualTo(info.length() - info.indexOf('\n') - 3);
        kv.send("RESET");
        assertThat(kv.reply()).isEqualTo("+RESET\r\n");
        kv.send("CLIENT", "INFO");
        assertThat(kv.reply()).startsWith("$").endsWith(" resp=2\n\r\n");
    }

    @Test
    void helloAuthWithRequirepass() throws Exception {
        try (ServerDiff auth = new ServerDiff()) {
            // set once both are up (redis-server's start is awaited by a PING); connections from now on need AUTH
            assertThat(auth.script("admin> CONFIG SET requirepass secret")).isEmpty();
            assertThat(auth.script("""
                    p> GET k
                    p> AUTH default wrong
                    p> PING
                    p> HELLO 3 AUTH default wrong
                    p> CLIENT ID
                    """)).isEmpty();
            auth.send("p", "HELLO", "3");
            String[] r = auth.read("p");
            assertThat(r[1]).isEqualTo(r[0]).startsWith("-NOAUTH HELLO must be called");
            auth.send("p", "HELLO", "3", "AUTH", "default", "secret");
            r = auth.read("p");
            assertThat(hello(r[1])).isEqualTo(hello(r[0])).startsWith("%7");
            assertThat(auth.script("""
                    p> GET k
                    p> RESET
                    p> GET k
                    p> AUTH secret
                    p> GET k
                    q> AUTH default secret
                    q> GET k
                    """)).isEmpty();
        }
    }

    @Test
    void transcodingKeepsRawBytes() {
        byte[] resp2 = "*3\r\n$3\r\na\u00ff\r\r\n$-1\r\n*-1\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] resp3 = ReplyShapes.toResp3(List.of("mget".getBytes()), resp2);
        assertThat(new String(resp3, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("*3\r\n$3\r\na\u00ff\r\r\n_\r\n_\r\n");
    }
}

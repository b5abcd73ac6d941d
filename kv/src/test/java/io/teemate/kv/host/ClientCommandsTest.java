package io.teemate.kv.host;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLIENT, RESET, TIME, MONITOR, SLOWLOG and LATENCY against a real redis-server 7.0, over raw sockets: replies byte
 * for byte where they are deterministic; where they hold times, ports or ids, compared with those made equal.
 */
class ClientCommandsTest {
    ServerDiff diff;

    @BeforeEach
    void start() throws Exception {
        diff = new ServerDiff();
    }

    @AfterEach
    void stop() throws IOException {
        diff.close();
    }

    @Test
    void errorsAndFixedReplies() throws IOException {
        assertThat(diff.script("""
                a> CLIENT
                a> CLIENT FOO
                a> CLIENT HELP
                a> CLIENT HELP x
                a> CLIENT ID x
                a> CLIENT SETNAME a b
                a> CLIENT SETNAME
                a> CLIENT SETNAME me
                a> CLIENT GETNAME
                a> CLIENT SETNAME ""
                a> CLIENT KILL 127.0.0.1:1
                a> CLIENT KILL ID 99999
                a> CLIENT KILL ID x
                a> CLIENT KILL ID 0
                a> CLIENT KILL FOO bar
                a> CLIENT KILL ADDR 127.0.0.1:1
                a> CLIENT KILL LADDR 1.2.3.4:5
                a> CLIENT KILL USER nobody
                a> CLIENT KILL SKIPME maybe
                a> CLIENT KILL ID
                a> CLIENT KILL TYPE foo x
                a> CLIENT KILL ID 1 FOO
                a> CLIENT KILL ID 1 TYPE
                a> CLIENT PAUSE
                a> CLIENT PAUSE x
                a> CLIENT PAUSE -1
                a> CLIENT PAUSE 10 FOO
                a> CLIENT PAUSE 10 WRITE x
                a> CLIENT UNPAUSE x
                a> CLIENT UNPAUSE
                a> CLIENT REPLY
                a> CLIENT REPLY FOO
                a> CLIENT NO-EVICT
                a> CLIENT NO-EVICT maybe
                a> CLIENT NO-EVICT on
                a> CLIENT NO-EVICT off
                a> CLIENT TRACKING
                a> CLIENT TRACKING foo
                a> CLIENT TRACKING off
                a> CLIENT GETREDIR
                a> CLIENT TRACKINGINFO
                a> CLIENT CACHING yes
                a> CLIENT UNBLOCK 5
                a> CLIENT UNBLOCK x
                a> CLIENT UNBLOCK 5 foo
                a> CLIENT UNBLOCK 5 timeout
                a> CLIENT LIST TYPE foo
                a> CLIENT LIST ID x
                a> CLIENT LIST ID 0
                a> CLIENT LIST ID 99999 88888
                a> CLIENT LIST TYPE
                a> CLIENT LIST FOO
                a> CLIENT LIST TYPE master
                a> CLIENT LIST TYPE replica
                a> CLIENT INFO x
                a> TIME x
                a> RESET x
                a> MONITOR x
                a> SLOWLOG
                a> SLOWLOG FOO
                a> SLOWLOG HELP
                a> SLOWLOG HELP x
                a> SLOWLOG GET x
                a> SLOWLOG GET -2
                a> SLOWLOG GET 1 2
                a> SLOWLOG LEN x
                a> SLOWLOG RESET x
                a> SLOWLOG RESET
                a> LATENCY
                a> LATENCY HELP
                a> LATENCY FOO
                a> LATENCY LATEST
                a> LATENCY LATEST x
                a> LATENCY HISTORY x
                a> LATENCY HISTORY
                a> LATENCY GRAPH x
                a> LATENCY RESET
                a> LATENCY RESET x y
                a> LATENCY DOCTOR
                a> LATENCY HISTOGRAM nosuchcommand
                """)).isEmpty();
    }

    @Test
    void replyOffSkipOn() throws IOException {
        assertThat(diff.script("""
                a> CLIENT REPLY ON
                a>> CLIENT REPLY OFF
                a>> SET k v
                a>> GET k
                a>> CLIENT REPLY SKIP
                a> CLIENT REPLY ON
                a>> CLIENT REPLY SKIP
                a>> GET k
                a> GET k
                a>> CLIENT REPLY OFF
                a> RESET
                a> GET k
                """)).isEmpty();
    }

    /** CLIENT LIST and CLIENT INFO: Redis 7.0.15's fields in its order, and the values both servers must agree on. */
    @Test
    void clientListFields() throws IOException {
        Map<String, String[]> ids = new LinkedHashMap<>();
        for (String n : List.of("a", "b", "c")) {
            diff.send(n, "CLIENT", "ID");
            ids.put(n, diff.read(n));
        }
        assertThat(diff.script("""
                a> CLIENT SETNAME alpha
                b> SUBSCRIBE x y
                b<
                b> PSUBSCRIBE p*
                c> HELLO 3
                """).size()).isEqualTo(1); // HELLO's reply differs in version and id only, see Resp3Test
        for (String query : List.of("INFO", "LIST ID", "LIST TYPE pubsub")) {
            List<Map<String, String>> r = new ArrayList<>();
            for (ServerDiff.Conn c : diff.conn("a")) {
                List<String> words = new ArrayList<>(List.of(("CLIENT " + query).split(" ")));
                if (query.equals("LIST ID")) {
                    for (String[] id : ids.values()) {
                        String mine = id[c == diff.redis("a") ? 0 : 1];
                        words.add(mine.substring(1, mine.length() - 2));
                    }
                }
                c.send(words.toArray(String[]::new));
                String bulk = c.reply();
                r.addAll(parse(bulk.substring(bulk.indexOf('\n') + 1, bulk.length() - 2)));
            }
            assertThat(r).hasSizeGreaterThan(0);
            int half = r.size() / 2;
            for (int i = 0; i < half; i++) {
                Map<String, String> redis = r.get(i);
                Map<String, String> kv = r.get(half + i);
                assertThat(List.copyOf(kv.keySet())).as(query).isEqualTo(List.copyOf(redis.keySet()));
                for (String f : List.of(
                        "name", "flags", "db", "sub", "psub", "ssub", "multi", "cmd", "user", "redir", "resp")) {
                    assertThat(kv.get(f)).as(query + " " + f).isEqualTo(redis.get(f));
                }
            }
        }
    }

    private static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String kv : line.split(" ")) {
                int eq = kv.indexOf('=');
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            out.add(m);
        }
        return out;
    }

    @Test
    void killByAddressIdAndItself() throws IOException {
        for (int s = 0; s < 2; s++) {
            ServerDiff.Conn a = diff.conn("a")[s];
            ServerDiff.Conn b = diff.conn("b")[s];
            ServerDiff.Conn c = diff.conn("c")[s];
            ServerDiff.Conn d = diff.conn("d")[s];
            for (ServerDiff.Conn x : List.of(b, c, d)) {
                x.send("PING");
                assertThat(x.reply()).isEqualTo("+PONG\r\n");
            }
            String bAddr = "127.0.0.1:" + b.socket.getLocalPort();
            a.send("CLIENT", "KILL", bAddr); // the old form
            assertThat(a.reply()).isEqualTo("+OK\r\n");
            assertThat(b.closed()).isTrue();
            a.send("CLIENT", "KILL", bAddr);
            assertThat(a.reply()).isEqualTo("-ERR No such client\r\n");
            c.send("CLIENT", "ID");
            String id = c.reply();
            a.send("CLIENT", "KILL", "ID", id.substring(1, id.length() - 2), "SKIPME", "yes");
            assertThat(a.reply()).isEqualTo(":1\r\n");
            assertThat(c.closed()).isTrue();
            a.send(
                    "CLIENT",
                    "KILL",
                    "ADDR",
                    "127.0.0.1:" + d.socket.getLocalPort(),
                    "USER",
                    "default",
                    "TYPE",
                    "normal");
            assertThat(a.reply()).isEqualTo(":1\r\n");
            assertThat(d.closed()).isTrue();
            a.send("CLIENT", "ID");
            id = a.reply();
            a.send("CLIENT", "KILL", "ID", id.substring(1, id.length() - 2), "SKIPME", "no");
            assertThat(a.reply()).isEqualTo(":1\r\n");
            assertThat(a.closed()).isTrue();
        }
    }

    @Test
    void pauseHoldsWritesOrEverythingUntilItEnds() throws IOException {
        assertThat(diff.script("""
                a> CLIENT PAUSE 100000 WRITE
                b> GET k
                b>> SET k v
                b>> PUBLISH ch m
                c> PING
                a> CLIENT UNPAUSE
                b<
                b<
                b> GET k
                # ALL holds every command, CLIENT UNPAUSE too, until the timeout
                a> CLIENT PAUSE 200 ALL
                b>> GET k
                a>> CLIENT UNPAUSE
                b<
                a<
                a> QUIT
                """)).isEmpty();
    }

    /** MONITOR's lines with the time and the client's port made equal. */
    static String monitorLine(String raw) {
        return raw.replaceAll("^\\+\\d+\\.\\d{6} \\[0 127\\.0\\.0\\.1:\\d+\\]", "+T [0 ADDR]");
    }

    @Test
    void monitorStreamsCommandsOfEveryClient() throws IOException {
        assertThat(diff.script("""
                m> MONITOR
                a> SET k "quoted\\x01
                a> GET k
                a> CONFIG GET maxmemory
                a> AUTH user pass
                a> NOSUCH command
                a> GET
                a> HELLO 2 AUTH default pw SETNAME n
                b> SUBSCRIBE ch
                b> PING
                b> GET k
                a> PUBLISH ch msg
                b<
                m>> MONITOR
                m>> PING
                """)).hasSize(1).allMatch(m -> m.startsWith("a> HELLO 2")); // HELLO's version and id
        List<String> bad = new ArrayList<>();
        // a second MONITOR is not answered; the monitor's own PING is answered, then shown
        for (String expected :
                List.of("SET", "GET", "AUTH", "HELLO", "SUBSCRIBE", "PING", "PUBLISH", "+PONG", "PING")) {
            String[] r = diff.read("m");
            r = new String[] {monitorLine(r[0]), monitorLine(r[1])};
            if (!r[0].contains("\"" + expected + "\"") && !r[0].startsWith(expected)) {
                bad.add("redis's line for " + expected + ": " + r[0]);
            }
            String m = ServerDiff.same("monitor", r);
            if (m != null) {
                bad.add(m);
            }
        }
        assertThat(bad).isEmpty();
    }

    /** SLOWLOG GET's entries with the times, durations, ids and ports made equal. */
    static String slowlog(String raw) {
        return raw.replaceAll("\\*6\r\n:\\d+\r\n:\\d+\r\n:\\d+\r\n", "*6\r\n:ID\r\n:T\r\n:D\r\n")
                .replaceAll("\\$\\d+\r\n127\\.0\\.0\\.1:\\d+\r\n", "\\$N\r\nADDR\r\n");
    }

    @Test
    void slowlogKeepsTheCommandsSlowerThanItsThreshold() throws IOException {
        StringBuilder many = new StringBuilder("a> RPUSH list");
        for (int i = 0; i < 40; i++) {
            many.append(" e").append(i);
        }
        assertThat(diff.script("""
                a> CONFIG SET slowlog-log-slower-than 0
                a> CONFIG SET slowlog-max-len 4
                a> SLOWLOG RESET
                a> CLIENT SETNAME slow
                a> SET k 01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
                a> AUTH default x
                """ + many + "\n" + """
                a> SLOWLOG LEN
                a> CONFIG SET slowlog-log-slower-than -1
                a> GET k
                a> SLOWLOG LEN
                """)).isEmpty();
        diff.send("a", "SLOWLOG", "GET");
        String[] r = diff.read("a");
        assertThat(slowlog(r[1])).isEqualTo(slowlog(r[0])).contains("... (11 more arguments)", "(redacted)");
        diff.send("a", "SLOWLOG", "GET", "1");
        r = diff.read("a");
        assertThat(slowlog(r[1])).isEqualTo(slowlog(r[0]));
        assertThat(diff.script("a> SLOWLOG RESET\na> SLOWLOG LEN\na> SLOWLOG GET -1"))
                .isEmpty();
    }

    @Test
    void resetClearsTheConnectionsState() throws IOException {
        assertThat(diff.script("""
                a> CLIENT SETNAME named
                a> SUBSCRIBE ch
                a> PSUBSCRIBE p*
                a> RESET
                a> CLIENT GETNAME
                a> PUBSUB NUMSUB ch
                a> PUBSUB NUMPAT
                a> MONITOR
                a> RESET
                b> PING
                a> PING
                """)).isEmpty();
    }

    @Test
    void timeIsTheHostClock() throws IOException {
        ServerDiff.Conn kv = diff.kv("t");
        long before = System.currentTimeMillis() / 1000;
        kv.send("TIME");
        String r = kv.reply();
        long after = System.currentTimeMillis() / 1000;
        String[] parts = r.split("\r\n");
        assertThat(parts).hasSize(5);
        assertThat(parts[0]).isEqualTo("*2");
        assertThat(Long.parseLong(parts[2])).isBetween(before, after);
        assertThat(Long.parseLong(parts[4])).isBetween(0L, 999_999L);
    }
}

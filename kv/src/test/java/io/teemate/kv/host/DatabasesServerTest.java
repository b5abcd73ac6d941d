package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import io.teemate.kv.RedisTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbered databases through the server, against a real redis-server 7.0: each client's SELECT holds for its later
 * commands, pipelined ones in the same batch included, and for its connection only; INFO keyspace has a line per
 * database that holds keys; the AOF (its incremental files, then a rewrite's base) and the snapshot bring every
 * database back after a restart.
 */
class DatabasesServerTest {
    /** Writes in several databases, pipelined in one packet (so in one batch into the enclave). */
    static final List<String[]> WRITES = List.of(
            new String[] {"SET", "a", "zero"},
            new String[] {"SELECT", "2"},
            new String[] {"SET", "a", "two"},
            new String[] {"RPUSH", "l", "x", "y"},
            new String[] {"SET", "t", "ttl", "EX", "100000"},
            new String[] {"SELECT", "16"},
            new String[] {"SET", "a", "still two"},
            new String[] {"SELECT", "x"},
            new String[] {"GET", "a"},
            new String[] {"SELECT", "5"},
            new String[] {"SADD", "s", "m"},
            new String[] {"HSET", "h", "f", "v"},
            new String[] {"MOVE", "h", "9"},
            new String[] {"SELECT", "7"},
            new String[] {"SET", "gone", "1"},
            new String[] {"SWAPDB", "7", "6"},
            new String[] {"SELECT", "6"},
            new String[] {"SET", "six", "6"},
            new String[] {"SELECT", "8"},
            new String[] {"SET", "b", "8"},
            new String[] {"FLUSHDB"},
            new String[] {"SELECT", "11"},
            new String[] {"SET", "eleven", "11"},
            new String[] {"SELECT", "15"},
            new String[] {"SET", "last", "15"},
            new String[] {"DBSIZE"},
            new String[] {"SELECT", "0"},
            new String[] {"DBSIZE"});

    /** Reads of every database (each SELECTed first). */
    static List<String[]> reads() {
        List<String[]> r = new ArrayList<>();
        for (int db = 0; db < 16; db++) {
            r.add(new String[] {"SELECT", Integer.toString(db)});
            r.add(new String[] {"DBSIZE"});
            for (String k : new String[] {"a", "l", "t", "s", "h", "gone", "six", "b", "eleven", "last"}) {
                r.add(new String[] {"TYPE", k});
            }
            r.add(new String[] {"GET", "a"});
            r.add(new String[] {"LRANGE", "l", "0", "-1"});
        }
        r.add(new String[] {"SELECT", "0"});
        return r;
    }

    /** Sends {@code commands} in one write and returns their replies. */
    static List<Object> pipeline(RespClient c, List<String[]> commands) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String[] w : commands) {
            all.writeBytes(RespClient.encode(w));
        }
        c.send(all.toByteArray());
        List<Object> replies = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            replies.add(c.reply());
        }
        return replies;
    }

    /** INFO keyspace's database lines without avg_ttl (Redis's estimate, from an active expiry TeeMate lacks). */
    static List<String> keyspaceLines(RespClient c) throws IOException {
        String info = (String) c.call("INFO", "keyspace");
        List<String> lines = new ArrayList<>();
        for (String l : info.split("\r\n")) {
            if (l.startsWith("db")) {
                lines.add(l.replaceAll(",avg_ttl=\\d+", ""));
            }
        }
        return lines;
    }

    @Test
    void everyClientHasItsDatabaseAndEveryDatabaseSurvivesTheAofTheRewriteAndTheSnapshot(@TempDir Path dir)
            throws Exception {
        Path redisDir = Files.createDirectory(dir.resolve("redis"));
        Path kvDir = dir.resolve("kv");
        Map<String, List<String>> aofOn = Map.of("appendonly", List.of("yes"), "save", List.of(""));
        List<Object> wantWrites;
        List<Object> wantReads;
        List<String> wantKeyspace;
        try (RedisTools.Server redis = new RedisTools.Server(redisDir);
                RespClient r = new RespClient(redis.port)) {
            wantWrites = pipeline(r, WRITES);
            wantReads = pipeline(r, reads());
            wantKeyspace = keyspaceLines(r);
        }
        assertThat(wantKeyspace)
                .containsExactly(
                        "db0:keys=1,expires=0",
                        "db2:keys=3,expires=1",
                        "db5:keys=1,expires=0",
                        "db6:keys=2,expires=0",
                        "db9:keys=1,expires=0",
                        "db11:keys=1,expires=0",
                        "db15:keys=1,expires=0");

        try (RunningKv kv = RunningKv.start(kvDir, Mode.SHARED, aofOn);
                RespClient c = new RespClient(kv.port());
                RespClient other = new RespClient(kv.port())) {
            assertThat(pipeline(c, WRITES)).isEqualTo(wantWrites);
            assertThat(other.call("GET", "a"))
                    .as("another client stays in database 0")
                    .isEqualTo("zero");
            assertThat(c.call("GET", "a")).isEqualTo("zero");
            assertThat(c.call("SELECT", "2")).isEqualTo("OK");
            assertThat(other.call("GET", "a")).isEqualTo("zero");
            assertThat(c.call("GET", "a")).isEqualTo("still two"); // SELECT 16 and SELECT x failed: still 2
            assertThat(pipeline(c, reads())).isEqualTo(wantReads);
            assertThat(keyspaceLines(c)).isEqualTo(wantKeyspace);
        }
        // the AOF's incremental file replays into every database
        try (RunningKv kv = RunningKv.start(kvDir, Mode.SHARED, aofOn);
                RespClient c = new RespClient(kv.port())) {
            assertThat(pipeline(c, reads())).as("after the AOF replay").isEqualTo(wantReads);
            assertThat(keyspaceLines(c)).isEqualTo(wantKeyspace);
            kv.db.bgrewriteaof();
            kv.db.awaitBackgroundRewrite();
            assertThat(c.call("SELECT", "3")).isEqualTo("OK");
            assertThat(c.call("SET", "three", "3")).isEqualTo("OK"); // logged after the new base, in database 3
        }
        try (RunningKv kv = RunningKv.start(kvDir, Mode.SHARED, aofOn);
                RespClient c = new RespClient(kv.port())) {
            assertThat(c.call("SELECT", "3")).isEqualTo("OK");
            assertThat(c.call("GET", "three")).isEqualTo("3");
            assertThat(c.call("DEL", "three")).isEqualTo(1L);
            assertThat(c.call("SELECT", "0")).isEqualTo("OK");
            assertThat(pipeline(c, reads()))
                    .as("after the rewrite's base and its file")
                    .isEqualTo(wantReads);
            assertThat(keyspaceLines(c)).isEqualTo(wantKeyspace);
            assertThat(c.call("SAVE")).isEqualTo("OK");
        }
        // the snapshot (AOF off) holds every database too
        try (RunningKv kv = RunningKv.start(kvDir, Mode.CONVENTIONAL, Map.of("save", List.of("")));
                RespClient c = new RespClient(kv.port())) {
            assertThat(pipeline(c, reads())).as("after loading the snapshot").isEqualTo(wantReads);
            assertThat(keyspaceLines(c)).isEqualTo(wantKeyspace);
        }
    }

    @Test
    void theHostFollowsSelectExactlyAsTheEnclaveAnswersIt() {
        for (String bad : new String[] {"", "-0", "-1", "01", "+1", " 1", "1 ", "16", "99999999999", "x", "1.0"}) {
            assertThat(KvServer.selectedBy(List.of("select".getBytes(), bad.getBytes()), 16))
                    .as("SELECT '%s'", bad)
                    .isEqualTo(-1);
        }
        assertThat(KvServer.selectedBy(List.of("select".getBytes(), "0".getBytes()), 16))
                .isZero();
        assertThat(KvServer.selectedBy(List.of("select".getBytes(), "15".getBytes()), 16))
                .isEqualTo(15);
        assertThat(KvServer.selectedBy(List.of("select".getBytes(), "15".getBytes()), 15))
                .isEqualTo(-1);
        assertThat(KvServer.selectedBy(List.of("select".getBytes()), 16)).isEqualTo(-1);
    }
}

package io.teemate.kv.enclave;

import io.teemate.kv.RedisTools;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis's numbered databases in the engine: SELECT, MOVE, SWAPDB, FLUSHDB against FLUSHALL, DBSIZE, KEYS and
 * RANDOMKEY per database compared with a real redis-server 7.0 ({@link RedisDiff}); the propagated commands carry
 * their database (SELECT n, as feedAppendOnlyFile) and replay to the same databases; RDB files with keys in several
 * databases go through redis-check-rdb and redis-server and back (db.c, rdb.c rdbSaveRio/rdbLoadRio).
 */
class DatabasesTest {
    private static RedisDiff diff;

    @BeforeContainer
    static void start() throws IOException, InterruptedException {
        diff = new RedisDiff();
    }

    @AfterContainer
    static void stop() throws IOException {
        if (diff != null) {
            diff.close();
        }
    }

    private static RedisDiff diff() throws IOException, InterruptedException {
        if (diff == null) { // the JUnit tests of this class run outside jqwik's container lifecycle
            diff = new RedisDiff();
        }
        return diff;
    }

    static final String[] KEYS = {"a", "b"};
    static final String[] DBS = {"0", "1", "2", "15", "16", "-1", "x", "01", "99999999999"};

    @Provide
    Arbitrary<String[]> dbCommand() {
        Arbitrary<String> key = Arbitraries.of(KEYS);
        Arbitrary<String> db = Arbitraries.of(DBS);
        Arbitrary<String> value = Arbitraries.of("1", "v", "");
        return Arbitraries.oneOf(
                db.map(d -> new String[] {"SELECT", d}),
                key.flatMap(k -> db.map(d -> new String[] {"MOVE", k, d})),
                db.flatMap(x -> db.map(y -> new String[] {"SWAPDB", x, y})),
                key.flatMap(k -> value.map(v -> new String[] {"SET", k, v})),
                key.flatMap(k -> value.map(v -> new String[] {"RPUSH", k, v})),
                key.map(k -> new String[] {"EXPIRE", k, "1000"}),
                Arbitraries.of("GET", "TYPE", "EXISTS", "DEL", "LLEN").flatMap(c -> key.map(k -> new String[] {c, k})),
                Arbitraries.of("DBSIZE", "FLUSHDB", "FLUSHALL").map(c -> new String[] {c}),
                Arbitraries.of(
                        new String[] {"SELECT"},
                        new String[] {"MOVE", "a"},
                        new String[] {"SWAPDB", "0"},
                        new String[] {"FLUSHDB", "bad"},
                        new String[] {"FLUSHALL", "ASYNC"}));
    }

    @Provide
    Arbitrary<List<String[]>> dbScript() {
        return dbCommand().list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 80)
    void sequencesOfDatabaseCommandsAnswerAsRedis(@ForAll("dbScript") List<String[]> commands) throws Exception {
        RedisDiff d = diff();
        d.exact("FLUSHALL");
        d.exact("SELECT", "0");
        List<String> bad = new ArrayList<>();
        for (String[] c : commands) {
            String m = d.exact(c);
            if (m != null) {
                bad.add(m);
            }
        }
        // what every database holds, key by key, after the sequence
        for (String db : new String[] {"0", "1", "2", "15"}) {
            d.exact("SELECT", db);
            for (String c : new String[] {"DBSIZE", "KEYS *"}) {
                String m = d.unordered(c.split(" "));
                if (m != null) {
                    bad.add(m);
                }
            }
            for (String k : KEYS) {
                String m = d.exact("TYPE", k);
                if (m != null) {
                    bad.add(m);
                }
            }
        }
        assertThat(bad).as("replies that differ from redis-server 7.0").isEmpty();
    }

    @Test
    void selectMoveSwapdbAndTheFlushesAnswerAsRedis() throws Exception {
        RedisDiff d = diff();
        d.exact("FLUSHALL");
        d.exact("SELECT", "0");
        assertThat(d.script("""
                        SELECT abc
                        SELECT 99999999999
                        SELECT -1
                        SELECT 16
                        SELECT 01
                        SELECT +1
                        SELECT 1
                        SET k one
                        EXPIRE k 1000
                        RPUSH l x y
                        DBSIZE
                        SELECT 0
                        DBSIZE
                        GET k
                        SET k zero
                        MOVE k 1
                        MOVE k 1
                        MOVE k 0
                        MOVE missing 3
                        MOVE k abc
                        MOVE k 16
                        MOVE k 99999999999
                        SET m zero
                        MOVE m 3
                        SELECT 3
                        GET m
                        TTL m
                        MOVE m 1
                        SELECT 1
                        MOVE k 3
                        GET m
                        TTL k
                        SWAPDB abc 1
                        SWAPDB 1 abc
                        SWAPDB 99999999999 1
                        SWAPDB 0 16
                        SWAPDB 0 -1
                        SWAPDB 1 1
                        SWAPDB 1 5
                        DBSIZE
                        SELECT 5
                        DBSIZE
                        GET m
                        LRANGE l 0 -1
                        FLUSHDB
                        DBSIZE
                        SELECT 3
                        DBSIZE
                        FLUSHALL
                        DBSIZE
                        SELECT 0
                        DBSIZE
                        RANDOMKEY
                        """)).isEmpty();
    }

    @Test
    void aKeyPastItsDeadlineInTheTargetDatabaseIsDeletedAndTheMoveGoesThrough() {
        KvRig kv = new KvRig();
        kv.run("SELECT", "2");
        kv.run("SET", "k", "old", "PX", "10");
        kv.run("SELECT", "0");
        kv.run("SET", "k", "new");
        kv.engine.takePropagated();
        kv.now += 100;
        assertThat(kv.run("MOVE", "k", "2")).isEqualTo(":1\r\n");
        // the lazy expiry in database 2 is logged there, the MOVE in database 0 (server.c propagate,
        // feedAppendOnlyFile)
        assertThat(words(kv.engine.takePropagated())).containsExactly("SELECT 2", "DEL k", "SELECT 0", "MOVE k 2");
        kv.run("SELECT", "2");
        assertThat(kv.run("GET", "k")).isEqualTo("$3\r\nnew\r\n");
        assertThat(kv.ks.expiresCount(2)).isZero();
        assertThat(kv.ks.size(0)).isZero();
    }

    private static String reply(KvRig kv, int db, String... words) {
        return new String(kv.engine.execute(db, argv(words)), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void copyIntoAnotherDatabaseIsLoggedInTheSourcesAndReplaysThere() {
        KvRig kv = new KvRig();
        kv.engine.execute(2, argv("SET", "a", "old", "PX", "100"));
        kv.engine.execute(0, argv("SET", "a", "v", "PX", "100000"));
        kv.engine.takePropagated();
        kv.now += 200;
        // a's deadline in database 2 passed: looking it up there deletes it (a DEL logged in database 2)
        assertThat(reply(kv, 0, "COPY", "a", "a", "DB", "2")).isEqualTo(KvRig.integer(1));
        assertThat(reply(kv, 0, "COPY", "a", "a", "DB", "2")).isEqualTo(KvRig.integer(0));
        assertThat(reply(kv, 0, "COPY", "a", "b", "DB", "2", "REPLACE")).isEqualTo(KvRig.integer(1));
        List<List<byte[]>> log = kv.engine.takePropagated();
        assertThat(words(log))
                .containsExactly("SELECT 2", "DEL a", "SELECT 0", "COPY a a DB 2", "COPY a b DB 2 REPLACE");
        assertThat(reply(kv, 2, "PTTL", "a")).isEqualTo(KvRig.integer(99_800));
        assertThat(reply(kv, 0, "EXISTS", "b")).isEqualTo(KvRig.integer(0));

        KvRig replay = new KvRig();
        replay.now = kv.now;
        replay.engine.execute(argv("SET", "a", "v", "PX", "100000"));
        for (List<byte[]> c : log) {
            replay.engine.execute(c);
        }
        for (int db : new int[] {0, 2}) {
            kv.ks.select(db);
            replay.ks.select(db);
            assertThat(Dump.of(replay.ks)).as("database %d", db).isEqualTo(Dump.of(kv.ks));
        }
    }

    @Test
    void propagatedCommandsCarryTheirDatabaseAndReplayIntoTheSameDatabases() {
        KvRig kv = new KvRig();
        kv.engine.execute(0, argv("SET", "a", "0"));
        kv.engine.execute(3, argv("SET", "a", "3"));
        kv.engine.execute(3, argv("RPUSH", "l", "x", "y"));
        kv.engine.execute(7, argv("SADD", "s", "m"));
        kv.engine.execute(3, argv("MOVE", "l", "9"));
        kv.engine.execute(7, argv("SWAPDB", "7", "8"));
        kv.engine.execute(0, argv("GET", "a")); // a read: no SELECT either
        List<List<byte[]>> log = kv.engine.takePropagated();
        assertThat(words(log))
                .containsExactly(
                        "SET a 0",
                        "SELECT 3",
                        "SET a 3",
                        "RPUSH l x y",
                        "SELECT 7",
                        "SADD s m",
                        "SELECT 3",
                        "MOVE l 9",
                        "SELECT 7",
                        "SWAPDB 7 8");
        kv.engine.execute(0, argv("SET", "b", "0"));
        assertThat(words(kv.engine.takePropagated())).containsExactly("SELECT 0", "SET b 0");
        kv.engine.execute(5, argv("SET", "c", "5"));
        kv.engine.resetPropagatedDb(); // a new incremental file: its replay starts in database 0
        kv.engine.execute(5, argv("SET", "c", "6"));
        assertThat(words(kv.engine.takePropagated())).containsExactly("SELECT 5", "SET c 5", "SELECT 5", "SET c 6");

        // the replay (an AOF client: its engine starts in database 0 and follows the SELECTs) gives every database
        KvRig replay = new KvRig();
        for (List<byte[]> c : log) {
            replay.engine.execute(c);
        }
        replay.engine.execute(argv("SELECT", "0"));
        replay.engine.execute(argv("SET", "b", "0"));
        replay.engine.execute(argv("SELECT", "5"));
        replay.engine.execute(argv("SET", "c", "6"));
        for (int db = 0; db < 16; db++) {
            kv.ks.select(db);
            replay.ks.select(db);
            assertThat(Dump.of(replay.ks)).as("database %d", db).isEqualTo(Dump.of(kv.ks));
        }
        kv.ks.select(8);
        assertThat(Dump.of(kv.ks)).containsOnlyKeys("s");
        kv.ks.select(9);
        assertThat(Dump.of(kv.ks)).containsOnlyKeys("l");
    }

    @Test
    void theKeyspaceHoldsTheConfiguredNumberOfDatabasesAndTheEngineRefusesOthers() {
        KvRig kv = new KvRig();
        assertThat(kv.ks.databases()).isEqualTo(16);
        assertThat(kv.run("SELECT", "15")).isEqualTo("+OK\r\n");
        assertThat(kv.run("SELECT", "16")).isEqualTo("-ERR DB index is out of range\r\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> kv.engine.execute(16, argv("PING")))
                .isInstanceOf(IllegalArgumentException.class);
        io.teemate.enclave.memory.CowSpace space = new io.teemate.enclave.memory.CowSpace(kv.heap, 1 << 20);
        Keyspace one = Keyspace.create(space, () -> 0L, 1, 1);
        assertThat(one.databases()).isEqualTo(1);
        CommandEngine e = new CommandEngine(one, 1);
        assertThat(new String(e.execute(argv("SELECT", "1")), StandardCharsets.ISO_8859_1))
                .isEqualTo("-ERR DB index is out of range\r\n");
        assertThat(new String(e.execute(argv("SWAPDB", "0", "0")), StandardCharsets.ISO_8859_1))
                .isEqualTo("+OK\r\n");
        assertThat(new String(e.execute(argv("MOVE", "k", "0")), StandardCharsets.ISO_8859_1))
                .isEqualTo("-ERR source and destination objects are the same\r\n");
    }

    // ------------------------------------------------------------------ RDB

    private static final long HOUR = 3_600_000;

    /** A dataset in databases 0, 3 and 15 (strings, lists, sets, hashes; some with deadlines); 1, 2... empty. */
    private static KvRig severalDatabases() {
        KvRig kv = new KvRig(8192, 64L << 20);
        kv.now = System.currentTimeMillis();
        for (int db : new int[] {0, 3, 15}) {
            kv.run("SELECT", Integer.toString(db));
            kv.run("SET", "s", "in " + db);
            kv.run("SET", "only" + db, "x");
            kv.run("RPUSH", "l", "a" + db, "b");
            kv.run("SADD", "set", "m" + db, "n");
            kv.run("HSET", "h", "f", "v" + db);
            kv.run("PEXPIRE", "s", Long.toString(HOUR + db));
        }
        kv.run("SELECT", "0");
        return kv;
    }

    private static Map<Integer, Map<String, Object>> dumpAll(Keyspace ks) {
        Map<Integer, Map<String, Object>> all = new TreeMap<>();
        int was = ks.selected();
        for (int db = 0; db < ks.databases(); db++) {
            ks.select(db);
            Map<String, Object> d = Dump.of(ks);
            if (!d.isEmpty()) {
                all.put(db, d);
            }
        }
        ks.select(was);
        return all;
    }

    @Test
    void anRdbOfSeveralDatabasesGoesThroughRedisCheckRdbAndRedisServerAndBack(@TempDir Path dir) throws Exception {
        KvRig kv = severalDatabases();
        Map<Integer, Map<String, Object>> expected = dumpAll(kv.ks);
        assertThat(expected).containsOnlyKeys(0, 3, 15);
        Path file = dir.resolve("dump.rdb");
        try (OutputStream out = Files.newOutputStream(file)) {
            assertThat(RdbWriter.write(kv.ks, out)).isEqualTo(15);
        }
        assertThat(kv.ks.selected()).isZero();
        RedisTools.CheckResult check = RedisTools.checkRdb(file);
        assertThat(check.exitCode()).as("redis-check-rdb: %s", check.output()).isZero();
        assertThat(check.output()).contains("Checksum OK", "RDB looks OK!", "Selecting DB ID 3", "Selecting DB ID 15");
        assertThat(check.info("keys read")).isEqualTo(15);
        assertThat(check.info("expires")).isEqualTo(3);

        try (RedisTools.Server redis = new RedisTools.Server(dir, "--rdbcompression", "no")) {
            String info = (String) redis.call("INFO", "keyspace");
            assertThat(info).contains("db0:keys=5,expires=1", "db3:keys=5,expires=1", "db15:keys=5,expires=1");
            assertThat(info).doesNotContain("db1:");
            redis.call("SELECT", "3");
            assertThat(redis.call("GET", "s")).isEqualTo("in 3");
            assertThat(redis.call("EXISTS", "only0")).isEqualTo(0L);
            // Redis writes the file again with its SELECTDBs; its collections in encodings (quicklist, listpack)
            // the reader does not load, so only the strings go back
            for (String db : new String[] {"0", "3", "15"}) {
                redis.call("SELECT", db);
                redis.call("DEL", "l", "set", "h");
                expected.get(Integer.parseInt(db)).keySet().removeAll(List.of("l", "set", "h"));
            }
            redis.call("SELECT", "0");
            redis.call("SET", "plain", "0");
            redis.call("SELECT", "7");
            redis.call("SET", "seven", "7");
            assertThat(redis.call("SAVE")).isEqualTo("OK");
        }
        KvRig back = new KvRig(8192, 64L << 20);
        back.now = System.currentTimeMillis();
        try (InputStream in = Files.newInputStream(file)) {
            RdbReader.read(in, back.ks);
        }
        Map<Integer, Map<String, Object>> got = dumpAll(back.ks);
        assertThat(got).containsOnlyKeys(0, 3, 7, 15);
        assertThat(got.get(0)).containsEntry("plain", "0");
        got.get(0).remove("plain");
        assertThat(got.remove(7)).containsOnlyKeys("seven");
        assertThat(got).isEqualTo(expected);
        back.ks.select(3);
        kv.ks.select(3);
        assertThat(back.ks.expiresCount()).isEqualTo(1);
        assertThat(RdbTestData.expiries(back.ks).get("s"))
                .isEqualTo(RdbTestData.expiries(kv.ks).get("s"))
                .isPositive();
    }

    @Test
    void anRdbThatSelectsADatabasePastTheKeyspacesIsRefusedAndLeavesNothing(@TempDir Path dir) throws Exception {
        try (RedisTools.Server redis = new RedisTools.Server(dir, "--databases", "32")) {
            redis.call("SET", "zero", "0");
            redis.call("SELECT", "20");
            redis.call("SET", "twenty", "20");
            assertThat(redis.call("SAVE")).isEqualTo("OK");
        }
        KvRig kv = new KvRig();
        try (InputStream in = Files.newInputStream(dir.resolve("dump.rdb"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RdbReader.read(in, kv.ks))
                    .isInstanceOf(RdbFormatException.class)
                    .hasMessageContaining("SELECTDB 20")
                    .hasMessageContaining("more than 16 databases");
        }
        assertThat(kv.ks.totalSize()).isZero();
    }

    @Test
    void anEmptyKeyspaceIsAnRdbWithoutSelectdbAsRedisWritesIt(@TempDir Path dir) throws Exception {
        KvRig kv = new KvRig();
        kv.run("SELECT", "4");
        kv.run("SET", "k", "v");
        kv.run("DEL", "k");
        Path file = dir.resolve("dump.rdb");
        try (OutputStream out = Files.newOutputStream(file)) {
            assertThat(RdbWriter.write(kv.ks, out)).isZero();
        }
        RedisTools.CheckResult check = RedisTools.checkRdb(file);
        assertThat(check.exitCode()).isZero();
        assertThat(check.output()).doesNotContain("Selecting DB ID");
    }

    // ------------------------------------------------------------------ helpers

    static List<byte[]> argv(String... words) {
        List<byte[]> out = new ArrayList<>();
        for (String w : words) {
            out.add(w.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    static List<String> words(List<List<byte[]>> commands) {
        List<String> out = new ArrayList<>();
        for (List<byte[]> c : commands) {
            List<String> w = new ArrayList<>();
            for (byte[] b : c) {
                w.add(new String(b, StandardCharsets.ISO_8859_1));
            }
            out.add(String.join(" ", w));
        }
        return out;
    }
}

package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import io.teemate.kv.RedisTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The append-only file through {@link KvDatabase}: what was acknowledged survives a crash (the directory's files
 * as a kill leaves them) and a restart, BGREWRITEAOF by fork in both modes while writes go on, a failed rewrite, a
 * torn or tampered file, write errors, and the counters the host's persistence policy reads.
 */
class AofDatabaseTest {
    @TempDir
    Path dir;

    static KvOptions options(Path data, Mode mode, KvOptions.Aof.Fsync fsync) {
        return new KvOptions(data, mode, "16M", 128)
                .withAof(KvOptions.Aof.DEFAULTS.withEnabled(true).withFsync(fsync));
    }

    static List<byte[]> cmd(String... words) {
        List<byte[]> argv = new ArrayList<>();
        for (String w : words) {
            argv.add(w.getBytes(StandardCharsets.ISO_8859_1));
        }
        return argv;
    }

    static String run(KvDatabase db, String... words) {
        return new String(db.execute(List.of(cmd(words))).get(0), StandardCharsets.ISO_8859_1);
    }

    /** SET k:from..k:to-1 (value v:i), in batches of 50 commands (one AOF record each). */
    static void write(KvDatabase db, int from, int to) {
        List<List<byte[]>> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(cmd("SET", "k:" + i, "v:" + i));
            if (batch.size() == 50 || i == to - 1) {
                for (byte[] reply : db.execute(batch)) {
                    assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
                }
                batch.clear();
            }
        }
    }

    static void assertKeys(KvDatabase db, int from, int to) {
        List<List<byte[]>> gets = new ArrayList<>();
        for (int i = from; i < to; i++) {
            gets.add(cmd("GET", "k:" + i));
        }
        List<byte[]> replies = db.execute(gets);
        for (int i = from; i < to; i++) {
            String v = "v:" + i;
            assertThat(new String(replies.get(i - from), StandardCharsets.ISO_8859_1))
                    .as("k:" + i)
                    .isEqualTo("$" + v.length() + "\r\n" + v + "\r\n");
        }
    }

    /** The directory's files as a kill -9 of the server leaves them: what was written, nothing closed or saved. */
    static Path crashCopy(Path data, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(data.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    static List<String> aofFiles(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("appendonlydir"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static String manifest(Path data) throws IOException {
        return Files.readString(data.resolve("appendonlydir").resolve("appendonly.aof.manifest"));
    }

    @Test
    void withAppendfsyncAlwaysEveryAcknowledgedWriteSurvivesACrash() throws IOException {
        Path data = dir.resolve("db");
        Path crashed;
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            assertThat(db.aofEnabled()).isTrue();
            write(db, 0, 300);
            run(db, "EXPIRE", "k:0", "1000");
            run(db, "INCRBYFLOAT", "f", "1.25");
            crashed = crashCopy(data, dir.resolve("crashed")); // while it runs: no close, no save
        }
        assertThat(crashed.resolve(KvDatabase.SNAPSHOT))
                .as("no snapshot was ever written")
                .doesNotExist();
        assertThat(manifest(crashed))
                .isEqualTo(
                        "file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n");
        try (KvDatabase db = KvDatabase.open(options(crashed, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            assertThat(db.keysLoaded()).isEqualTo(301);
            assertKeys(db, 0, 300);
            assertThat(run(db, "GET", "f")).isEqualTo("$4\r\n1.25\r\n");
            long ttl = Long.parseLong(run(db, "TTL", "k:0").substring(1).strip());
            assertThat(ttl).isBetween(900L, 1000L);
            write(db, 300, 310);
        }
        // and the restart's own writes, after a clean stop (which saves nothing either)
        try (KvDatabase db = KvDatabase.open(options(crashed, Mode.CONVENTIONAL, KvOptions.Aof.Fsync.EVERYSEC))) {
            assertKeys(db, 0, 310);
            assertThat(manifest(crashed))
                    .as("a new incremental file per start, the chain continued")
                    .isEqualTo("file appendonly.aof.1.base.rdb seq 1 type b\n"
                            + "file appendonly.aof.1.incr.aof seq 1 type i\n"
                            + "file appendonly.aof.2.incr.aof seq 2 type i\n"
                            + "file appendonly.aof.3.incr.aof seq 3 type i\n");
        }
    }

    @Test
    void turningTheAofOnLoadsTheSnapshotAndMakesItTheFirstBase() throws IOException {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(new KvOptions(data, Mode.SHARED, "16M", 128))) {
            write(db, 0, 100);
            db.save();
            write(db, 100, 120); // not saved: lost, as with Redis
        }
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC))) {
            assertThat(db.keysLoaded()).isEqualTo(100);
            assertThat(db.aofBaseSize()).isPositive();
            assertThat(db.aofCurrentSize()).isGreaterThan(db.aofBaseSize());
            write(db, 200, 250);
        }
        assertThat(aofFiles(data))
                .containsExactly("appendonly.aof.1.base.rdb", "appendonly.aof.1.incr.aof", "appendonly.aof.manifest");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC))) {
            assertThat(db.keysLoaded()).isEqualTo(150);
            assertKeys(db, 0, 100);
            assertKeys(db, 200, 250);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void bgrewriteaofByForkWhileWritesGoOnLosesNothing(Mode mode) throws Exception {
        Path data = dir.resolve("db-" + mode);
        AtomicLong written = new AtomicLong();
        try (KvDatabase db = KvDatabase.open(options(data, mode, KvOptions.Aof.Fsync.EVERYSEC))) {
            write(db, 0, 400);
            run(db, "DEL", "k:1");
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (long i = 0; !stop.get(); i++) {
                    String reply = run(db, "MSET", "w:" + i, Long.toString(i), "counter", Long.toString(i));
                    assertThat(reply).isEqualTo("+OK\r\n");
                    written.set(i + 1);
                }
            });
            awaitWrites(written, 50, writer);
            CountDownLatch childForked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            db.beforeRewriteChildWrites = child -> {
                childForked.countDown();
                await(release);
            };
            assertThat(db.bgrewriteaof()).isEqualTo(KvDatabase.RewriteStart.STARTED);
            assertThat(childForked.await(60, TimeUnit.SECONDS)).isTrue();
            // during the rewrite: a second one and a BGSAVE are refused with Redis's errors; writes go on
            assertThat(db.aofRewriteInProgress()).isTrue();
            assertThatThrownBy(db::bgrewriteaof)
                    .isInstanceOf(KvBusyException.class)
                    .hasMessage("ERR Background append only file rewriting already in progress");
            assertThatThrownBy(db::bgsave)
                    .isInstanceOf(KvBusyException.class)
                    .hasMessageStartingWith("ERR Another child process is active (AOF?): can't BGSAVE right now.");
            long atFork = written.get();
            awaitWrites(written, atFork + 50, writer);
            release.countDown();
            db.awaitBackgroundRewrite();
            assertThat(db.lastBgrewriteOk()).isTrue();
            awaitWrites(written, written.get() + 50, writer);
            stop.set(true);
            writer.join();
            assertThat(manifest(data))
                    .isEqualTo(
                            "file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n");
            assertThat(aofFiles(data))
                    .as("the old base and incremental file are gone")
                    .containsExactly(
                            "appendonly.aof.2.base.rdb", "appendonly.aof.2.incr.aof", "appendonly.aof.manifest");
            assertThat(db.aofBaseSize()).isEqualTo(Files.size(data.resolve("appendonlydir/appendonly.aof.2.base.rdb")));
            assertThat(db.aofCurrentSize())
                    .isEqualTo(db.aofBaseSize() + Files.size(data.resolve("appendonlydir/appendonly.aof.2.incr.aof")));
        }
        Mode other = mode == Mode.SHARED ? Mode.CONVENTIONAL : Mode.SHARED;
        try (KvDatabase db = KvDatabase.open(options(data, other, KvOptions.Aof.Fsync.EVERYSEC))) {
            long n = written.get();
            assertThat(db.keysLoaded()).isEqualTo(399 + n + 1);
            assertKeys(db, 2, 400);
            assertThat(run(db, "EXISTS", "k:1")).isEqualTo(":0\r\n");
            assertThat(run(db, "GET", "counter")).isEqualTo(bulk(Long.toString(n - 1)));
            for (long i = 0; i < n; i++) {
                assertThat(run(db, "GET", "w:" + i)).isEqualTo(bulk(Long.toString(i)));
            }
        }
    }

    @Test
    void aBgrewriteaofDuringABgsaveIsScheduledAndRunsWhenTheSaveEnds() throws Exception {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC))) {
            write(db, 0, 100);
            CountDownLatch release = new CountDownLatch(1);
            db.beforeSaveChildWrites = child -> await(release);
            db.bgsave();
            assertThat(db.bgrewriteaof()).isEqualTo(KvDatabase.RewriteStart.SCHEDULED);
            assertThat(db.aofRewriteScheduled()).isTrue();
            assertThat(db.aofRewriteInProgress()).isFalse();
            write(db, 100, 150);
            release.countDown();
            db.awaitBackgroundSave();
            while (db.aofRewriteScheduled()) {
                Thread.onSpinWait(); // it starts from the save's completion, on the save's thread
            }
            db.awaitBackgroundRewrite();
            assertThat(db.lastBgrewriteOk()).isTrue();
            assertThat(manifest(data)).startsWith("file appendonly.aof.2.base.rdb seq 2 type b\n");
        }
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC))) {
            assertKeys(db, 0, 150);
        }
    }

    @Test
    void aRewriteWhoseChildFailsLeavesTheOldChainLoadable() throws Exception {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC))) {
            write(db, 0, 100);
            db.beforeRewriteChildWrites = child -> {
                throw new IllegalStateException("the child was killed");
            };
            db.bgrewriteaof();
            assertThatThrownBy(db::awaitBackgroundRewrite).hasMessageContaining("the child was killed");
            assertThat(db.lastBgrewriteOk()).isFalse();
            write(db, 100, 150);
            assertThat(manifest(data))
                    .isEqualTo("file appendonly.aof.1.base.rdb seq 1 type b\n"
                            + "file appendonly.aof.1.incr.aof seq 1 type i\n"
                            + "file appendonly.aof.2.incr.aof seq 2 type i\n");
            // the next one succeeds
            db.beforeRewriteChildWrites = null;
            db.bgrewriteaof();
            db.awaitBackgroundRewrite();
            assertThat(db.lastBgrewriteOk()).isTrue();
            write(db, 150, 160);
        }
        assertThat(aofFiles(data))
                .containsExactly("appendonly.aof.2.base.rdb", "appendonly.aof.3.incr.aof", "appendonly.aof.manifest");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC))) {
            assertKeys(db, 0, 160);
        }
    }

    @Test
    void aTornLastRecordLoadsUpToItAndIsCutOrRefusedWithLoadTruncatedNo() throws IOException {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            write(db, 0, 100);
            run(db, "SET", "last", "x".repeat(200));
        }
        Path incr = data.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        long whole = Files.size(incr);
        try (var ch = java.nio.channels.FileChannel.open(incr, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(whole - 100); // the crash tore the last record
        }
        Path strict = crashCopy(data, dir.resolve("strict"));
        assertThatThrownBy(() -> KvDatabase.open(options(strict, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS)
                        .withAof(options(strict, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS)
                                .aof()
                                .withLoadTruncated(false))))
                .isInstanceOf(KvException.class)
                .hasMessageContaining("Unexpected end of file reading the append only file appendonlydir/"
                        + "appendonly.aof.1.incr.aof")
                .hasMessageContaining("ends inside record 3");
        assertThat(Files.size(strict.resolve("appendonlydir/appendonly.aof.1.incr.aof")))
                .as("left untouched")
                .isEqualTo(whole - 100);
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            assertThat(db.keysLoaded()).isEqualTo(100);
            assertKeys(db, 0, 100);
            assertThat(run(db, "EXISTS", "last")).isEqualTo(":0\r\n");
        }
        assertThat(Files.size(incr)).as("cut at its last whole record").isLessThan(whole - 200);
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS)
                .withAof(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS)
                        .aof()
                        .withLoadTruncated(false)))) {
            assertKeys(db, 0, 100);
        }
    }

    @Test
    void aTamperedRecordIsRefusedNamingTheFileAndTheRecordAndNothingIsTouched() throws IOException {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            write(db, 0, 100);
        }
        Path incr = data.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        byte[] b = Files.readAllBytes(incr);
        b[b.length - 10] ^= 0x20;
        Files.write(incr, b);
        List<String> before = aofFiles(data);
        String manifest = manifest(data);
        assertThatThrownBy(() -> KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS)))
                .isInstanceOf(KvException.class)
                .hasMessageContaining("refusing to start")
                .hasMessageContaining("appendonlydir/appendonly.aof.1.incr.aof: record 2 (sequence number 2) fails "
                        + "authentication");
        assertThat(aofFiles(data)).isEqualTo(before);
        assertThat(manifest(data)).isEqualTo(manifest);
        assertThat(Files.readAllBytes(incr)).isEqualTo(b);
    }

    @Test
    void anAofWriteErrorRefusesWritesWithMisconfUntilAWriteSucceedsAndLosesNothing() throws IOException {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC))) {
            write(db, 0, 10);
            db.aofFile().injectedWriteError = new IOException("No space left on device");
            assertThat(run(db, "SET", "during", "1"))
                    .as("ran; its record waits")
                    .isEqualTo("+OK\r\n");
            assertThat(db.aofLastWriteOk()).isFalse();
            assertThat(db.aofLastWriteError()).isEqualTo("No space left on device");
            String misconf = "-MISCONF Errors writing to the AOF file: No space left on device\r\n";
            assertThat(run(db, "SET", "refused", "1")).isEqualTo(misconf);
            assertThat(run(db, "PING")).isEqualTo(misconf);
            assertThat(run(db, "GET", "during")).isEqualTo("$1\r\n1\r\n");
            db.aofFile().tick(); // the once-a-second retry, still failing
            assertThat(db.aofLastWriteOk()).isFalse();
            db.aofFile().injectedWriteError = null;
            db.aofFile().tick(); // and now it succeeds
            assertThat(db.aofLastWriteOk()).isTrue();
            assertThat(db.writesDenied()).isNull();
            assertThat(run(db, "SET", "after", "1")).isEqualTo("+OK\r\n");
            // the host policy's refusal comes first
            db.denyWrites("MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist "
                    + "to disk.");
            assertThat(run(db, "SET", "x", "1")).startsWith("-MISCONF Redis is configured to save RDB snapshots");
            db.denyWrites(null);
        }
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC))) {
            assertKeys(db, 0, 10);
            assertThat(run(db, "GET", "during")).isEqualTo("$1\r\n1\r\n");
            assertThat(run(db, "GET", "after")).isEqualTo("$1\r\n1\r\n");
            assertThat(run(db, "EXISTS", "refused", "x")).isEqualTo(":0\r\n");
        }
    }

    @Test
    void anAofWriteErrorWithAppendfsyncAlwaysIsFatal() throws IOException {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            AtomicReference<String> fatal = new AtomicReference<>();
            db.onFatal(fatal::set);
            write(db, 0, 10);
            db.aofFile().injectedWriteError = new IOException("Input/output error");
            assertThatThrownBy(() -> run(db, "SET", "lost", "1"))
                    .isInstanceOf(KvException.class)
                    .hasMessage(AppendOnlyFile.FATAL_WRITE);
            assertThat(fatal.get()).isEqualTo(AppendOnlyFile.FATAL_WRITE);
            assertThat(db.aofFatalError()).isEqualTo(AppendOnlyFile.FATAL_WRITE);
            db.aofFile().injectedWriteError = null;
            assertThatThrownBy(() -> run(db, "GET", "k:1")).hasMessage(AppendOnlyFile.FATAL_WRITE);
        }
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            assertKeys(db, 0, 10);
        }
    }

    @Test
    void changesSinceLastSaveCountAsRedisDirtyAndDeniedWritesAnswerTheHostsError() throws IOException {
        try (KvDatabase db = KvDatabase.open(new KvOptions(dir.resolve("db"), Mode.SHARED, "16M", 128))) {
            assertThat(db.aofEnabled()).isFalse();
            run(db, "MSET", "a", "1", "b", "2");
            run(db, "GET", "a");
            run(db, "SET", "a", "1", "NX");
            assertThat(db.changesSinceLastSave()).isEqualTo(2);
            db.save();
            assertThat(db.changesSinceLastSave()).isZero();
            run(db, "SET", "c", "3");
            run(db, "DEL", "a", "b");
            db.bgsave();
            run(db, "SET", "d", "4"); // after the fork
            db.awaitBackgroundSave();
            assertThat(db.changesSinceLastSave())
                    .as("the 3 changes before the fork are saved")
                    .isEqualTo(1);

            db.denyWrites("MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist "
                    + "to disk. Commands that may modify the data set are disabled.");
            assertThat(run(db, "SET", "e", "5")).startsWith("-MISCONF Redis is configured to save RDB snapshots");
            assertThat(run(db, "PING")).startsWith("-MISCONF");
            assertThat(run(db, "GET", "c")).isEqualTo("$1\r\n3\r\n");
            assertThat(db.changesSinceLastSave()).isEqualTo(1);
            assertThatThrownBy(() -> db.denyWrites("two\r\nlines")).isInstanceOf(IllegalArgumentException.class);
            db.denyWrites(null);
            assertThat(run(db, "SET", "e", "5")).isEqualTo("+OK\r\n");
            assertThatThrownBy(db::bgrewriteaof)
                    .isInstanceOf(KvBusyException.class)
                    .hasMessageContaining("appendonly yes");
        }
    }

    @Test
    void theAofRecoveredDatasetExportsAsAnRdbThatRedisLoads() throws Exception {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC))) {
            write(db, 0, 50);
            db.bgrewriteaof();
            db.awaitBackgroundRewrite();
            write(db, 50, 60);
            run(db, "HSET", "h", "f", "1");
        }
        Path redis = dir.resolve("redis");
        Files.createDirectories(redis);
        KvDatabase.AofExport e =
                KvDatabase.exportAof(data.resolve("appendonlydir/appendonly.aof.manifest"), redis.resolve("dump.rdb"));
        assertThat(e.warning()).isEmpty();
        assertThat(e.bytes()).isEqualTo(Files.size(redis.resolve("dump.rdb")));
        assertThat(KvDatabase.exportAof(data, dir.resolve("again.rdb")).bytes())
                .as("the data directory names its default AOF")
                .isEqualTo(e.bytes());
        try (RedisTools.Server server = new RedisTools.Server(redis)) {
            assertThat(server.call("DBSIZE")).isEqualTo(61L);
            assertThat(server.call("GET", "k:55")).isEqualTo("v:55");
            assertThat(server.call("HGET", "h", "f")).isEqualTo("1");
        }
    }

    @Test
    void theServerAnswersBgrewriteaofAndReportsTheAofInInfoPersistence() throws Exception {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC));
                KvServer server = KvServer.start(db, 0);
                RespClient c = new RespClient(server.port())) {
            assertThat(c.call("MSET", "a", "1", "b", "2")).isEqualTo("OK");
            String info = (String) c.call("INFO", "persistence");
            assertThat(info)
                    .contains("rdb_changes_since_last_save:2\r\n")
                    .contains("aof_enabled:1\r\n")
                    .contains("aof_rewrite_in_progress:0\r\n")
                    .contains("aof_last_bgrewrite_status:ok\r\n")
                    .contains("aof_last_write_status:ok\r\n")
                    .contains("aof_current_size:" + db.aofCurrentSize() + "\r\n")
                    .contains("aof_base_size:" + db.aofBaseSize() + "\r\n");
            assertThat(c.call("BGREWRITEAOF")).isEqualTo("Background append only file rewriting started");
            db.awaitBackgroundRewrite();
            assertThat((String) c.call("INFO", "persistence")).contains("aof_base_size:" + db.aofBaseSize() + "\r\n");
            assertThat(c.call("BGREWRITEAOF", "x"))
                    .isEqualTo(new RespClient.Err("ERR wrong number of arguments for 'bgrewriteaof' command"));
        }
        try (KvDatabase db = KvDatabase.open(new KvOptions(dir.resolve("off"), Mode.SHARED, "16M", 128));
                KvServer server = KvServer.start(db, 0);
                RespClient c = new RespClient(server.port())) {
            String info = (String) c.call("INFO", "persistence");
            assertThat(info).contains("aof_enabled:0\r\n").doesNotContain("aof_current_size");
        }
    }

    private static String bulk(String s) {
        return "$" + s.length() + "\r\n" + s + "\r\n";
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the rewrite");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the writer acknowledged {@code n} writes (it fails the test if the writer died). */
    private static void awaitWrites(AtomicLong written, long n, CompletableFuture<Void> writer) {
        while (written.get() < n) {
            if (writer.isDone()) {
                writer.join();
                throw new IllegalStateException("the writer stopped after " + written.get() + " writes");
            }
            Thread.onSpinWait();
        }
    }
}

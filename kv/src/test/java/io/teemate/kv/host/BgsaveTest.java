package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BGSAVE by fork in both modes while another client keeps writing: the snapshot holds exactly the dataset at the
 * fork, and a restart (in the other mode, from the same snapshot) finds every key as it was then.
 */
class BgsaveTest {
    static final int STRINGS = 3000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSnapshotUnderConcurrentWritesHoldsTheDatasetAtTheForkAndSurvivesARestart(Mode mode) throws Exception {
        Path data = dir.resolve("db");
        long writesAtEnd;
        try (RunningKv kv = RunningKv.start(data, mode)) {
            load(kv.port());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong written = new AtomicLong();
            // Each MSET is one atomic step: w:i, the counter, and one of the original strings changed.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (RespClient c = new RespClient(kv.port())) {
                    for (long i = 1; !stop.get(); i++) {
                        Object r = c.call(
                                "MSET",
                                "w:" + i,
                                Long.toString(i),
                                "counter",
                                Long.toString(i),
                                "s:" + (i % STRINGS),
                                "changed-" + i);
                        assertThat(r).isEqualTo("OK");
                        written.set(i);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitWrites(written, 300, writer);
            try (RespClient c = new RespClient(kv.port())) {
                assertThat(c.call("BGSAVE")).isEqualTo("Background saving started");
                assertThat(c.call("BGSAVE"))
                        .as("one at a time, as Redis")
                        .isIn(
                                new RespClient.Err("ERR Background save already in progress"),
                                "Background saving started");
            }
            kv.db.awaitBackgroundSave();
            long afterSave = written.get();
            awaitWrites(written, afterSave + 300, writer);
            stop.set(true);
            writer.join();
            writesAtEnd = written.get();
            assertThat(kv.cli("INFO", "persistence")).contains("rdb_last_bgsave_status:ok");
            assertThat(kv.db.lastFork().wallNanos()).isPositive();
            assertThat(kv.db.lastFork().mode()).isEqualTo(mode);
        }

        Mode other = mode == Mode.SHARED ? Mode.CONVENTIONAL : Mode.SHARED;
        try (KvDatabase db = KvDatabase.open(new KvOptions(data, other, null, 256))) {
            long m = Long.parseLong(get(db, "counter"));
            assertThat(m)
                    .as("the fork came after some writes and before the last ones")
                    .isBetween(300L, writesAtEnd - 300);
            assertThat(get(db, "w:" + m)).isEqualTo(Long.toString(m));
            assertThat(get(db, "w:" + (m + 1)))
                    .as("nothing written after the fork")
                    .isNull();
            assertThat(db.keysLoaded()).isEqualTo(STRINGS + 3 * 50 + 100 + 1 + m);
            for (int j = 0; j < STRINGS; j++) {
                long last = lastChange(j, m);
                assertThat(get(db, "s:" + j)).as("s:%d", j).isEqualTo(last == 0 ? "value-" + j : "changed-" + last);
            }
            for (int j = 0; j < 50; j++) {
                assertThat(reply(db, "HMGET", "h:" + j, "a", "b"))
                        .isEqualTo("*2\r\n$" + len(j) + "\r\n" + j + "\r\n$1\r\nx\r\n");
                assertThat(reply(db, "HLEN", "h:" + j)).isEqualTo(":2\r\n");
                assertThat(reply(db, "LRANGE", "l:" + j, "0", "-1"))
                        .isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$" + len(j) + "\r\n" + j + "\r\n");
                assertThat(reply(db, "SCARD", "set:" + j)).isEqualTo(":2\r\n");
            }
            for (int j = 0; j < 100; j++) {
                String pttl = reply(db, "PTTL", "ttl:" + j);
                long ms = Long.parseLong(pttl.substring(1).trim());
                assertThat(ms).as("the deadline survived").isBetween(1L, 3_600_000L);
            }
        }
    }

    /** The last i <= m with i % STRINGS == j (0 if none): the writer's last change of s:j before the fork. */
    private static long lastChange(int j, long m) {
        long first = j == 0 ? STRINGS : j;
        if (first > m) {
            return 0;
        }
        return first + (m - first) / STRINGS * STRINGS;
    }

    private static int len(int j) {
        return Integer.toString(j).length();
    }

    /** The dataset before the fork: strings, hashes, lists, sets and strings with a deadline, pipelined. */
    private static void load(int port) throws Exception {
        try (RespClient c = new RespClient(port)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int n = 0;
            for (int j = 0; j < STRINGS; j++, n++) {
                b.writeBytes(RespClient.encode("SET", "s:" + j, "value-" + j));
            }
            for (int j = 0; j < 50; j++, n += 3) {
                b.writeBytes(RespClient.encode("HSET", "h:" + j, "a", Integer.toString(j), "b", "x"));
                b.writeBytes(RespClient.encode("RPUSH", "l:" + j, "1", "2", Integer.toString(j)));
                b.writeBytes(RespClient.encode("SADD", "set:" + j, "p", "q"));
            }
            for (int j = 0; j < 100; j++, n++) {
                b.writeBytes(RespClient.encode("SET", "ttl:" + j, "t", "EX", "3600"));
            }
            c.send(b.toByteArray());
            for (int i = 0; i < n; i++) {
                assertThat(c.reply()).isNotInstanceOf(RespClient.Err.class);
            }
        }
    }

    private static void awaitWrites(AtomicLong written, long atLeast, CompletableFuture<Void> writer) {
        while (written.get() < atLeast) {
            if (writer.isDone()) {
                writer.join(); // rethrows the writer's failure
            }
            Thread.onSpinWait();
        }
    }

    private static String get(KvDatabase db, String key) {
        String r = reply(db, "GET", key);
        if (r.equals("$-1\r\n")) {
            return null;
        }
        return r.substring(r.indexOf("\r\n") + 2, r.length() - 2);
    }

    private static String reply(KvDatabase db, String... words) {
        List<byte[]> argv = new ArrayList<>();
        for (String w : words) {
            argv.add(w.getBytes(StandardCharsets.UTF_8));
        }
        return new String(db.execute(List.of(argv)).get(0), StandardCharsets.UTF_8);
    }
}

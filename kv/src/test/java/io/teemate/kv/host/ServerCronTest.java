package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The persistence half of serverCron on a real database, its clock in the test's hands. */
class ServerCronTest {
    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());

    private KvConfig config(String... directives) throws IOException {
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (int i = 0; i < directives.length; i += 2) {
            o.put(directives[i], List.of(directives[i + 1].split(" ", -1)));
        }
        o.put("dir", List.of(dir.resolve("db").toString()));
        o.put("teemate-heap", List.of("64M"));
        o.put("teemate-epc-mib", List.of("256"));
        return KvConfig.load(null, o);
    }

    private static void set(KvDatabase db, String key, String value) {
        List<byte[]> r = db.execute(List.of(List.of(b("SET"), b(key), b(value))));
        assertThat(new String(r.get(0), StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aSavePointStartsABgsaveOnlyWhenBothItsChangesAndItsSecondsAreDue() throws Exception {
        KvConfig config = config("save", "10 2");
        try (KvDatabase db = KvDatabase.open(config.options())) {
            ServerCron cron = new ServerCron(db, config, clock::get);
            set(db, "a", "1");
            clock.addAndGet(60_000);
            cron.run();
            assertThat(db.lastFork())
                    .as("one change of the two the save point asks for")
                    .isNull();

            set(db, "b", "2");
            clock.set(db.lastSaveSeconds() * 1000 + 5_000);
            cron.run();
            assertThat(db.lastFork()).as("two changes, but 5 s of the 10").isNull();

            clock.addAndGet(60_000);
            cron.run();
            assertThat(db.lastFork()).as("due: a BGSAVE").isNotNull();
            db.awaitBackgroundSave();
            assertThat(db.changesSinceLastSave()).isZero();
            assertThat(Files.exists(dir.resolve("db").resolve(KvDatabase.SNAPSHOT)))
                    .isTrue();
        }
    }

    @Test
    void theAofIsRewrittenOnceItGrewByTheAutoPercentageOverTheMinimumSize() throws Exception {
        KvConfig config = config(
                "appendonly",
                "yes",
                "save",
                "",
                "auto-aof-rewrite-percentage",
                "100",
                "auto-aof-rewrite-min-size",
                "4096");
        try (KvDatabase db = KvDatabase.open(config.options())) {
            ServerCron cron = new ServerCron(db, config, clock::get);
            long base = db.aofBaseSize();
            cron.run();
            assertThat(db.lastFork()).as("nothing written: no rewrite").isNull();
            for (int i = 0; db.aofCurrentSize() <= Math.max(4096, 2 * base); i++) {
                set(db, "key:" + i, "v".repeat(64));
            }
            cron.run();
            assertThat(db.lastFork())
                    .as("the AOF doubled past the minimum: a rewrite")
                    .isNotNull();
            db.awaitBackgroundRewrite();
            assertThat(db.lastBgrewriteOk()).isTrue();
            assertThat(db.aofBaseSize()).as("the new base holds the keys").isGreaterThan(base);
        }
    }

    @Test
    void noSavePointsNoAutomaticSave() throws Exception {
        KvConfig config = config("save", "");
        try (KvDatabase db = KvDatabase.open(config.options().withMode(Mode.SHARED))) {
            ServerCron cron = new ServerCron(db, config, clock::get);
            for (int i = 0; i < 100; i++) {
                set(db, "k" + i, "v");
            }
            clock.addAndGet(86_400_000);
            cron.run();
            assertThat(db.lastFork()).isNull();
        }
    }

    @Test
    void eachTurnRunsTheActiveExpiryCycleExceptWhileClientsArePaused() throws Exception {
        KvConfig config = config("save", "");
        try (KvDatabase db = KvDatabase.open(config.options().withMode(Mode.SHARED))) {
            java.util.concurrent.atomic.AtomicBoolean paused = new java.util.concurrent.atomic.AtomicBoolean(true);
            ServerCron cron = new ServerCron(db, config, clock::get, paused::get);
            for (int i = 0; i < 10; i++) {
                List<byte[]> r = db.execute(List.of(List.of(b("SET"), b("k" + i), b("v"), b("PXAT"), b("1"))));
                assertThat(new String(r.get(0), StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
            }
            cron.run();
            assertThat(db.stats().keys())
                    .as("CLIENT PAUSE: the dataset stays still")
                    .isEqualTo(10);
            paused.set(false);
            for (int turn = 0; turn < 50 && db.stats().keys() > 0; turn++) {
                cron.run();
            }
            assertThat(db.stats().keys()).isZero();
            assertThat(db.stats().expiredKeys()).isEqualTo(10);
        }
    }

    @Test
    void theBudgetIsAQuarterOfATick() {
        assertThat(ServerCron.expireBudgetMicros(10)).isEqualTo(25_000);
        assertThat(ServerCron.expireBudgetMicros(100)).isEqualTo(2_500);
        assertThat(ServerCron.expireBudgetMicros(1)).isEqualTo(250_000);
    }
}

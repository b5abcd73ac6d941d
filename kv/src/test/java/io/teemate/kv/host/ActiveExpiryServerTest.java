package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's cron runs the enclave's active expiry (expire.c activeExpireCycle from databasesCron): keys whose
 * deadline passed go away with no client touching them, in every database, INFO counts them (expired_keys, the
 * keyspace lines' expires), and each deletion is a DEL in the AOF, so a restart from the AOF alone no longer holds
 * them.
 */
class ActiveExpiryServerTest {
    @TempDir
    Path dir;

    /** Polls DBSIZE of database {@code db} until it is {@code want}, for at most 20 s; its last answer. */
    private static long awaitDbsize(RespClient c, int db, long want) throws IOException, InterruptedException {
        c.call("SELECT", Integer.toString(db));
        long deadline = System.nanoTime() + 20_000_000_000L;
        long size;
        while ((size = (Long) c.call("DBSIZE")) != want && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling a condition with a deadline: the cron runs on the server's own clock
        }
        return size;
    }

    private static long infoField(String info, String name) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(name) + ":(\\d+)\\r?$").matcher(info);
        assertThat(m.find()).as(name + " in INFO").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void keysPastTheirDeadlineVanishUntouchedAndAreLoggedAsDels() throws Exception {
        Path data = dir.resolve("db");
        KvOptions options;
        try (RunningKv kv =
                        RunningKv.start(data, Mode.SHARED, Map.of("save", List.of(""), "appendonly", List.of("yes")));
                RespClient c = new RespClient(kv.port())) {
            options = kv.db.options();
            for (int i = 0; i < 40; i++) {
                assertThat(c.call("SET", "short:" + i, "v", "PX", "50")).isEqualTo("OK");
                assertThat(c.call("SET", "kept:" + i, "v")).isEqualTo("OK");
            }
            assertThat(c.call("SET", "later", "v", "EX", "100000")).isEqualTo("OK");
            c.call("SELECT", "3");
            for (int i = 0; i < 10; i++) {
                assertThat(c.call("SET", "three:" + i, "v", "PX", "50")).isEqualTo("OK");
            }
            assertThat(c.call("SET", "three:kept", "v")).isEqualTo("OK");

            assertThat(awaitDbsize(c, 0, 41))
                    .as("the short-lived keys of db 0 are gone")
                    .isEqualTo(41);
            assertThat(awaitDbsize(c, 3, 1)).as("and those of db 3").isEqualTo(1);

            String keyspace = (String) c.call("INFO", "keyspace");
            assertThat(keyspace).contains("db3:keys=1,expires=0,avg_ttl=0\r\n");
            Matcher db0 =
                    Pattern.compile("db0:keys=41,expires=1,avg_ttl=(\\d+)\r\n").matcher(keyspace);
            assertThat(db0.find()).as(keyspace).isTrue();
            assertThat(Long.parseLong(db0.group(1)))
                    .as("the cycle's estimate of the TTL of 'later' (100000 s)")
                    .isBetween(1L, 100_000_000L);
            String stats = (String) c.call("INFO", "stats");
            assertThat(stats).containsPattern("expired_stale_perc:\\d+\\.\\d\\d\r\n");
            assertThat(infoField(stats, "expired_time_cap_reached_count")).isNotNegative();
            assertThat(infoField((String) c.call("INFO", "stats"), "expired_keys"))
                    .isEqualTo(50);
            assertThat(c.call("CONFIG", "RESETSTAT")).isEqualTo("OK");
            assertThat(infoField((String) c.call("INFO", "stats"), "expired_keys"))
                    .isZero();
            assertThat(c.call("TTL", "later")).isInstanceOf(Long.class);
        }
        // the AOF alone (no cron, no client touches a key): the SETs replay with their absolute deadlines, which
        // have passed, so only the logged DELs can have taken those keys away
        try (KvDatabase db = KvDatabase.open(options)) {
            assertThat(AofDatabaseTest.run(db, "DBSIZE")).isEqualTo(":41\r\n");
            assertThat(db.stats().perDb())
                    .extracting(d -> List.of(d.db(), d.keys(), d.expires()))
                    .containsExactly(List.of(0, 41L, 1L), List.of(3, 1L, 0L));
        }
    }

    @Test
    void theCycleNeedsNoClientAndAHostileBudgetIsCut() throws Exception {
        Path data = dir.resolve("db");
        try (KvDatabase db =
                KvDatabase.open(AofDatabaseTest.options(data, Mode.SHARED, KvOptions.Aof.Fsync.EVERYSEC))) {
            for (int i = 0; i < 30; i++) {
                assertThat(AofDatabaseTest.run(db, "SET", "k" + i, "v", "PXAT", "1"))
                        .isEqualTo("+OK\r\n");
            }
            assertThat(db.stats().expires()).isEqualTo(30);
            // a budget of 2^64-1 microseconds: the enclave cuts it, and the cycle ends once it walked the table
            long deleted = 0;
            for (int tick = 0; tick < 100 && db.stats().expires() > 0; tick++) {
                deleted += db.activeExpireCycle(-1);
            }
            assertThat(deleted).isEqualTo(30);
            assertThat(db.stats().expiredKeys()).isEqualTo(30);
            assertThat(AofDatabaseTest.run(db, "DBSIZE")).isEqualTo(":0\r\n");
        }
    }
}

package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import io.teemate.kv.RedisTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** redis-benchmark against the server, and the snapshot's RDB export checked by redis-check-rdb and redis-server. */
class ExportAndBenchmarkTest {
    @TempDir
    Path dir;

    /**
     * redis-benchmark 7.0's default test list (no {@code -t}): every test, in both modes, completes without an error
     * reply. The names are the ones redis-benchmark.c prints; the list is read from its own output, so a test it adds
     * later is checked too.
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void redisBenchmarkRunsItsDefaultTestsWithoutErrors(Mode mode) throws Exception {
        try (RunningKv kv = RunningKv.start(dir.resolve("db"), mode)) {
            Process p = new ProcessBuilder(
                            RedisTools.binary("redis-benchmark").toString(),
                            "-p",
                            Integer.toString(kv.port()),
                            "-n",
                            "2000",
                            "-c",
                            "20",
                            "-r",
                            "1000",
                            "--csv")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).doesNotContainIgnoringCase("error");
            List<String> names = new ArrayList<>();
            for (String line : out.lines().skip(1).toList()) {
                String[] f = line.split(",");
                names.add(f[0].replace("\"", ""));
                assertThat(Double.parseDouble(f[1].replace("\"", "")))
                        .as("%s completed requests", line)
                        .isPositive();
            }
            assertThat(names)
                    .contains(
                            "PING_INLINE",
                            "PING_MBULK",
                            "SET",
                            "GET",
                            "INCR",
                            "LPUSH",
                            "RPUSH",
                            "LPOP",
                            "RPOP",
                            "SADD",
                            "HSET",
                            "SPOP",
                            "ZADD",
                            "ZPOPMIN",
                            "LPUSH (needed to benchmark LRANGE)",
                            "LRANGE_100 (first 100 elements)",
                            "LRANGE_300 (first 300 elements)",
                            "LRANGE_500 (first 500 elements)",
                            "LRANGE_600 (first 600 elements)",
                            "MSET (10 keys)");
            assertThat(Long.parseLong(kv.cli("DBSIZE"))).isPositive();
        }
    }

    @Test
    void theExportIsAnRdbFileThatRedisChecksAndLoadsWithTheSameData() throws Exception {
        Path data = dir.resolve("db");
        try (RunningKv kv = RunningKv.start(data, Mode.CONVENTIONAL)) {
            for (int i = 0; i < 200; i++) {
                kv.cli("SET", "s" + i, "value " + i);
            }
            kv.cli("SET", "ttl", "soon", "EX", "3600");
            kv.cli("HSET", "h", "a", "1", "b", "2");
            kv.cli("RPUSH", "l", "x", "y", "z");
            kv.cli("SADD", "set", "p", "q");
            assertThat(kv.cli("BGSAVE")).isEqualTo("Background saving started");
            kv.db.awaitBackgroundSave();
        }
        Path rdb = dir.resolve("export").resolve("dump.rdb");
        Files.createDirectories(rdb.getParent());
        long size = KvDatabase.export(data.resolve(KvDatabase.SNAPSHOT), rdb);
        assertThat(Files.size(rdb)).isEqualTo(size);
        RedisTools.CheckResult check = RedisTools.checkRdb(rdb);
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.info("keys read")).isEqualTo(204);
        assertThat(check.info("expires")).isEqualTo(1);
        try (RedisTools.Server redis = new RedisTools.Server(rdb.getParent())) {
            assertThat(redis.call("DBSIZE")).isEqualTo(204L);
            assertThat(redis.call("GET", "s7")).isEqualTo("value 7");
            assertThat((Long) redis.call("PTTL", "ttl")).isBetween(1L, 3_600_000L);
            assertThat(redis.call("LRANGE", "l", "0", "-1")).isEqualTo(List.of("x", "y", "z"));
            assertThat(redis.call("HGET", "h", "b")).isEqualTo("2");
            assertThat(new HashSet<Object>((List<?>) redis.call("SMEMBERS", "set")))
                    .isEqualTo(java.util.Set.of("p", "q"));
        }
    }

    @Test
    void aSnapshotOutsideItsDataDirectoryCannotBeExported() throws Exception {
        Path stray = dir.resolve("stray.sealed");
        Files.write(stray, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> KvDatabase.export(stray, dir.resolve("out.rdb")))
                .hasMessageContaining("not a kv data directory");
        assertThatThrownBy(() -> KvDatabase.export(dir.resolve("missing"), dir.resolve("out.rdb")))
                .hasMessageContaining("no snapshot file");
    }
}

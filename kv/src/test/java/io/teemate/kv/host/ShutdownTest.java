package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SHUTDOWN as Redis 7.0 answers it, with redis-cli; and one server per data directory. */
class ShutdownTest {
    @TempDir
    Path dir;

    @Test
    void shutdownSavesTheDatasetClosesEveryClientAndTheNextStartHasIt() throws Exception {
        Path data = dir.resolve("db");
        try (RunningKv kv = RunningKv.start(data, Mode.SHARED)) {
            kv.cli("SET", "kept", "yes");
            assertThat(Files.exists(data.resolve(KvDatabase.SNAPSHOT))).isFalse();
            // redis-cli prints nothing for a SHUTDOWN that succeeded: the server closed the connection unanswered
            assertThat(kv.cli("SHUTDOWN")).isEmpty();
            kv.server.exited().get(60, TimeUnit.SECONDS);
            assertThat(Files.exists(data.resolve(KvDatabase.SNAPSHOT))).isTrue();
            assertThat(kv.cli("PING")).contains("Connection refused");
        }
        try (RunningKv again = RunningKv.start(data, Mode.SHARED)) {
            assertThat(again.cli("GET", "kept")).isEqualTo("yes");
        }
    }

    @Test
    void shutdownNosaveLeavesTheLastSnapshot() throws Exception {
        Path data = dir.resolve("db");
        try (RunningKv kv = RunningKv.start(data, Mode.SHARED)) {
            kv.cli("SET", "saved", "1");
            assertThat(kv.cli("SAVE")).isEqualTo("OK");
            kv.cli("SET", "unsaved", "1");
            assertThat(kv.cli("SHUTDOWN", "NOSAVE")).isEmpty();
            kv.server.exited().get(60, TimeUnit.SECONDS);
        }
        try (RunningKv again = RunningKv.start(data, Mode.SHARED)) {
            assertThat(again.cli("EXISTS", "saved", "unsaved")).isEqualTo("1");
            assertThat(again.cli("GET", "saved")).isEqualTo("1");
        }
    }

    /** The replies of Redis 7.0.15 to the same bad SHUTDOWNs (redis-cli against redis-server). */
    @Test
    void badFlagsAnswerRedisErrorsAndTheServerStaysUp() throws Exception {
        try (RunningKv kv = RunningKv.start(dir.resolve("db"), Mode.SHARED)) {
            assertThat(kv.cli("SHUTDOWN", "LATER")).isEqualTo("ERR syntax error");
            assertThat(kv.cli("SHUTDOWN", "SAVE", "NOSAVE")).isEqualTo("ERR syntax error");
            assertThat(kv.cli("SHUTDOWN", "ABORT", "FORCE")).isEqualTo("ERR syntax error");
            assertThat(kv.cli("SHUTDOWN", "ABORT")).isEqualTo("ERR No shutdown in progress.");
            assertThat(kv.cli("PING")).isEqualTo("PONG");
            assertThat(kv.server.exited()).isNotDone();
        }
    }

    @Test
    void aSecondDatabaseOnTheSameDirectoryIsRefusedUntilTheFirstCloses() throws Exception {
        Path data = dir.resolve("db");
        try (RunningKv kv = RunningKv.start(data, Mode.SHARED)) {
            assertThatThrownBy(() -> KvDatabase.open(new KvOptions(data, Mode.SHARED, "64M", 256)))
                    .isInstanceOf(KvException.class)
                    .hasMessageContaining(data.toAbsolutePath().toString())
                    .hasMessageContaining("in use by another database server")
                    .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("use another data directory");
            kv.cli("SET", "still", "serving");
            assertThat(kv.cli("GET", "still")).isEqualTo("serving");
        }
        try (RunningKv again = RunningKv.start(data, Mode.SHARED)) {
            assertThat(again.cli("PING")).isEqualTo("PONG");
        }
    }
}

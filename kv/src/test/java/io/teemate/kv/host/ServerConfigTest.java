package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server configured as redis-server is: requirepass, dbfilename, CONFIG SET of the AOF, what may not change. */
class ServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void requirepassRefusesCommandsUntilAuth() throws Exception {
        try (RunningKv kv = RunningKv.start(dir.resolve("db"), Mode.SHARED, Map.of("requirepass", List.of("s3cret")))) {
            assertThat(kv.raw("GET", "x")).isEqualTo("-NOAUTH Authentication required.\r\n");
            assertThat(kv.raw("AUTH", "wrong"))
                    .isEqualTo("-WRONGPASS invalid username-password pair or user is disabled.\r\n");
            assertThat(kv.cli("-a", "s3cret", "--no-auth-warning", "SET", "x", "1"))
                    .isEqualTo("OK");
            assertThat(kv.cli("-a", "s3cret", "--no-auth-warning", "GET", "x")).isEqualTo("1");
        }
    }

    @Test
    void dbfilenameNamesTheSnapshotTheServerSavesAndLoads() throws Exception {
        Path data = dir.resolve("db");
        Map<String, List<String>> conf = Map.of("dbfilename", List.of("mine.sealed"), "save", List.of(""));
        try (RunningKv kv = RunningKv.start(data, Mode.SHARED, conf)) {
            kv.cli("SET", "kept", "yes");
            assertThat(kv.cli("SAVE")).isEqualTo("OK");
        }
        assertThat(data.resolve("mine.sealed"))
                .as(() -> {
                    try (var l = Files.list(data)) {
                        return l.toList().toString();
                    } catch (java.io.IOException e) {
                        return e.toString();
                    }
                })
                .exists();
        assertThat(data.resolve(KvDatabase.SNAPSHOT)).doesNotExist();
        try (RunningKv kv = RunningKv.start(data, Mode.SHARED, conf)) {
            assertThat(kv.cli("GET", "kept")).isEqualTo("yes");
        }
    }

    @Test
    void configSetAppendonlyTurnsTheAofOnAndOffWhileServing() throws Exception {
        Path data = dir.resolve("db");
        Map<String, List<String>> noSave = Map.of("save", List.of(""));
        try (RunningKv kv = RunningKv.start(data, Mode.SHARED, noSave)) {
            kv.cli("SET", "before", "1"); // in no file yet: turning the AOF on makes the dataset its base
            assertThat(kv.cli("CONFIG", "SET", "appendonly", "yes")).isEqualTo("OK");
            assertThat(kv.cli("CONFIG", "GET", "appendonly")).isEqualTo("appendonly\nyes");
            assertThat(data.resolve("appendonlydir/appendonly.aof.manifest")).exists();
            kv.cli("SET", "during", "2");
            assertThat(kv.cli("INFO", "persistence")).contains("aof_enabled:1");

            assertThat(kv.cli("CONFIG", "SET", "appendonly", "no")).isEqualTo("OK");
            long size = kv.db.aofCurrentSize();
            assertThat(size).as("off: no AOF sizes").isZero();
            kv.cli("SET", "after", "3");
            assertThat(kv.cli("INFO", "persistence")).contains("aof_enabled:0");
        }
        // no snapshot was ever written: what loads is the AOF's, up to where it was turned off
        assertThat(data.resolve(KvDatabase.SNAPSHOT)).doesNotExist();
        try (RunningKv kv =
                RunningKv.start(data, Mode.SHARED, Map.of("appendonly", List.of("yes"), "save", List.of("")))) {
            assertThat(kv.cli("MGET", "before", "during", "after")).isEqualTo("1\n2");
        }
    }

    @Test
    void configSetAppendfsyncIsTakenAndWhatCannotMoveIsRefusedKeepingTheOldValue() throws Exception {
        try (RunningKv kv = RunningKv.start(dir.resolve("db"), Mode.SHARED, Map.of("save", List.of("")))) {
            assertThat(kv.cli("CONFIG", "SET", "appendfsync", "always")).isEqualTo("OK");
            assertThat(kv.cli("CONFIG", "GET", "appendfsync")).isEqualTo("appendfsync\nalways");
            String port = kv.cli("CONFIG", "GET", "port");
            assertThat(kv.cli("CONFIG", "SET", "port", "1")).startsWith("ERR CONFIG SET failed");
            assertThat(kv.cli("CONFIG", "GET", "port")).isEqualTo(port);
            assertThat(kv.cli("CONFIG", "SET", "dir", dir.toString())).startsWith("ERR CONFIG SET failed");
            assertThat(Files.exists(dir.resolve("db"))).isTrue();
        }
    }
}

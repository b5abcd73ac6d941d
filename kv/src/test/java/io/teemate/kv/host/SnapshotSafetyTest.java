package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealed snapshots: refused when changed or foreign, never overwritten on refusal, replaced atomically. */
class SnapshotSafetyTest {
    @TempDir
    Path dir;

    private static List<byte[]> cmd(String... w) {
        return Stream.of(w).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private Path savedDatabase(String name, String value) throws IOException {
        Path data = dir.resolve(name);
        try (KvDatabase db = KvDatabase.open(new KvOptions(data, Mode.SHARED, "16M", 128))) {
            db.execute(List.of(cmd("SET", "secret", value)));
            db.save();
        }
        return data;
    }

    @Test
    void aSnapshotDoesNotHoldItsPlaintext() throws IOException {
        Path data = savedDatabase("db", "plaintext-that-must-not-leak");
        byte[] sealed = Files.readAllBytes(data.resolve(KvDatabase.SNAPSHOT));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain("plaintext-that-must-not-leak")
                .doesNotContain("secret")
                .doesNotContain("REDIS");
    }

    @Test
    void aTamperedSnapshotIsRefusedAtStartAndLeftAsItIs() throws IOException {
        Path data = savedDatabase("db", "v");
        Path file = data.resolve(KvDatabase.SNAPSHOT);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 1; // inside the last record's ciphertext
        Files.write(file, bytes);
        assertThatThrownBy(() -> KvDatabase.open(new KvOptions(data, Mode.SHARED, null, 128)))
                .isInstanceOf(KvException.class)
                .hasMessageContaining("refusing to start")
                .hasMessageContaining(KvDatabase.SNAPSHOT)
                .hasMessageContaining("fails authentication")
                .hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(file)).as("nothing overwritten").isEqualTo(bytes);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("temp-"));
        }
    }

    @Test
    void aCutShortSnapshotIsRefused() throws IOException {
        Path data = savedDatabase("db", "v");
        Path file = data.resolve(KvDatabase.SNAPSHOT);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 30));
        assertThatThrownBy(() -> KvDatabase.open(new KvOptions(data, Mode.CONVENTIONAL, null, 128)))
                .isInstanceOf(KvException.class)
                .hasMessageContaining("cut short");
    }

    @Test
    void anotherDatabasesSnapshotDoesNotUnseal() throws IOException {
        Path mine = savedDatabase("mine", "a");
        Path theirs = savedDatabase("theirs", "b");
        Files.copy(
                theirs.resolve(KvDatabase.SNAPSHOT),
                mine.resolve(KvDatabase.SNAPSHOT),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> KvDatabase.open(new KvOptions(mine, Mode.SHARED, null, 128)))
                .isInstanceOf(KvException.class)
                .hasMessageContaining("not sealed by this container");
    }

    @Test
    void aFailedWriteLeavesThePreviousSnapshotWhole() throws IOException {
        Path data = savedDatabase("db", "kept");
        Path file = data.resolve(KvDatabase.SNAPSHOT);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> SnapshotFiles.replace(file, out -> {
                    out.write(new byte[100_000]);
                    throw new IOException("no space left on device");
                }))
                .hasMessageContaining("no space left");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        // A temporary file a crash left behind is ignored: the database loads the last complete snapshot.
        Files.write(data.resolve("temp-999-" + KvDatabase.SNAPSHOT), new byte[] {1, 2, 3});
        try (KvDatabase db = KvDatabase.open(new KvOptions(data, Mode.SHARED, null, 128))) {
            assertThat(new String(db.execute(List.of(cmd("GET", "secret"))).get(0), StandardCharsets.UTF_8))
                    .isEqualTo("$4\r\nkept\r\n");
        }
    }

    @Test
    void anotherHeapForAnExistingDirectoryIsRefusedWithTheReason() throws IOException {
        Path data = savedDatabase("db", "v");
        assertThatThrownBy(() -> KvDatabase.open(new KvOptions(data, Mode.SHARED, "32M", 128)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("16M heap")
                .hasMessageContaining("MRENCLAVE");
    }

    @Test
    void aSaveThatCannotBeWrittenIsAnErrorReplyAndTheServerGoesOn() throws Exception {
        try (RunningKv kv = RunningKv.start(dir.resolve("db"), Mode.SHARED)) {
            kv.cli("SET", "k", "v");
            // a directory where the snapshot goes: the rename over it fails, as a full or broken disk would
            Path blocker = kv.db.dir().resolve(KvDatabase.SNAPSHOT);
            Files.createDirectories(blocker.resolve("in-the-way"));
            assertThat(kv.cli("SAVE")).startsWith("ERR ");
            assertThat(kv.cli("BGSAVE")).isEqualTo("Background saving started");
            assertThatThrownBy(kv.db::awaitBackgroundSave)
                    .isInstanceOf(KvException.class)
                    .hasMessageContaining("background save failed");
            assertThat(kv.cli("INFO", "persistence")).contains("rdb_last_bgsave_status:err");
            assertThat(kv.cli("GET", "k")).as("the server goes on").isEqualTo("v");
            try (Stream<Path> files = Files.list(kv.db.dir())) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("no temporary file left")
                        .noneMatch(n -> n.startsWith("temp-"));
            }
            Files.delete(blocker.resolve("in-the-way"));
            Files.delete(blocker);
            assertThat(kv.cli("SAVE")).isEqualTo("OK");
            assertThat(kv.cli("INFO", "persistence")).contains("rdb_last_bgsave_status:err"); // until a BGSAVE succeeds
            assertThat(kv.cli("BGSAVE")).isEqualTo("Background saving started");
            kv.db.awaitBackgroundSave();
            assertThat(kv.cli("INFO", "persistence")).contains("rdb_last_bgsave_status:ok");
        }
    }
}

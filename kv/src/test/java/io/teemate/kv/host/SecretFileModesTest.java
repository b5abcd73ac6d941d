package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data directory's secrets (platform seed, owner and attach keys) and an exported plain RDB are readable by
 * their owner only, in an owner-only directory when the tool makes it (UX review: platform.seed and kv.key.pem
 * were 0644).
 */
class SecretFileModesTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewDataDirectoryAndItsSecretsAreOwnerOnly() throws IOException {
        Path data = dir.resolve("new");
        KvDataDir.open(data, "16M");
        assertThat(mode(data)).isEqualTo("rwx------");
        for (String secret : List.of(KvDataDir.PLATFORM_SEED, KvDataDir.OWNER_KEY, "kv.key.pem")) {
            assertThat(mode(data.resolve(secret))).as(secret).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingDirectoryKeepsItsModeAndTheSecretsAreStillOwnerOnly() throws IOException {
        Path data = Files.createDirectory(
                dir.resolve("existing"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x")); // whatever the umask
        KvDataDir.open(data, "16M");
        assertThat(mode(data)).isEqualTo("rwxr-xr-x");
        for (String secret : List.of(KvDataDir.PLATFORM_SEED, KvDataDir.OWNER_KEY, "kv.key.pem")) {
            assertThat(mode(data.resolve(secret))).as(secret).isEqualTo("rw-------");
        }
    }

    @Test
    void anExportedRdbIsOwnerOnly() throws IOException {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(new KvOptions(data, Mode.SHARED, "16M", 128))) {
            db.execute(List.of(List.of(
                    "SET".getBytes(StandardCharsets.US_ASCII),
                    "k".getBytes(StandardCharsets.US_ASCII),
                    "v".getBytes(StandardCharsets.US_ASCII))));
            db.save();
        }
        assertThat(mode(data.resolve(KvDatabase.SNAPSHOT))).isEqualTo("rw-------");
        Path out = dir.resolve("dump.rdb");
        KvDatabase.export(data.resolve(KvDatabase.SNAPSHOT), out);
        assertThat(mode(out)).as("the plain dataset").isEqualTo("rw-------");
    }
}

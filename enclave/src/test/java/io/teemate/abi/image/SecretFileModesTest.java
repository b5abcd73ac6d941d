package io.teemate.abi.image;

import io.teemate.sgx.sign.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Private keys the tools write are readable by their owner only (UX review: container.key.pem was 0644). */
class SecretFileModesTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void anAttachKeyIsWrittenOwnerOnly() throws IOException {
        Path manifest = dir.resolve("container.json");
        Files.writeString(manifest, "{\"name\": \"c\"}");
        assertThat(AttachKeys.provision(manifest, false)).isTrue();
        assertThat(mode(AttachKeys.keyFileOf(manifest))).isEqualTo("rw-------");
        assertThat(AttachKeys.provision(manifest, true)).as("a replaced key").isTrue();
        assertThat(mode(AttachKeys.keyFileOf(manifest))).isEqualTo("rw-------");
    }

    @Test
    void anOwnerSigningKeyIsWrittenOwnerOnly() throws IOException {
        Path file = dir.resolve("owner.pem");
        SigningKeys.write(file, SigningKey.generate());
        assertThat(mode(file)).isEqualTo("rw-------");
    }
}

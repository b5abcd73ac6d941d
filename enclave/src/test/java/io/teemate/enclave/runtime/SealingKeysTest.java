package io.teemate.enclave.runtime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing keys are separated by purpose: the ecalls' key opens and makes nothing an app sealed for itself. */
class SealingKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] root =
            SealingKeys.containerKey(new byte[32], "identity-a".getBytes(StandardCharsets.US_ASCII));
    private final byte[] id = "identity-a".getBytes(StandardCharsets.US_ASCII);
    private final byte[] secret = "data key".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aBlobOpensOnlyForThePurposeItWasSealedFor() {
        String snapshot = SealingKeys.appLabel("kv-snapshot");
        String checkpoint = SealingKeys.appLabel("kv-checkpoint");
        byte[] blob = SealingKeys.seal(root, snapshot, id, secret, RANDOM);
        assertThat(SealingKeys.unseal(root, snapshot, id, blob)).isEqualTo(secret);
        assertThat(SealingKeys.unseal(root, SealingKeys.ECALL, id, blob))
                .as("the ecalls' unseal")
                .isNull();
        assertThat(SealingKeys.unseal(root, checkpoint, id, blob))
                .as("another purpose")
                .isNull();
        assertThat(SealingKeys.unseal(root, snapshot, "identity-b".getBytes(StandardCharsets.US_ASCII), blob))
                .isNull();
        byte[] byHost = SealingKeys.seal(root, SealingKeys.ECALL, id, secret, RANDOM);
        assertThat(SealingKeys.unseal(root, snapshot, id, byHost))
                .as("an ecall's blob as the app's")
                .isNull();
        assertThat(SealingKeys.unseal(root, SealingKeys.ECALL, id, byHost)).isEqualTo(secret);
        byte[] changed = blob.clone();
        changed[changed.length - 1] ^= 1;
        assertThat(SealingKeys.unseal(root, snapshot, id, changed)).isNull();
    }

    @Test
    void purposeKeysDifferFromEachOtherAndFromTheRootKey() {
        byte[] ecall = SealingKeys.purposeKey(root, SealingKeys.ECALL);
        byte[] app = SealingKeys.purposeKey(root, SealingKeys.appLabel("kv-snapshot"));
        assertThat(ecall).isNotEqualTo(app).isNotEqualTo(root);
        assertThat(app).isNotEqualTo(root);
        assertThat(Arrays.equals(SealingKeys.purposeKey(root, SealingKeys.appLabel("kv-snapshot")), app))
                .isTrue();
    }

    @Test
    void anAppCannotNameThePurposeOfTheEcalls() {
        assertThat(SealingKeys.appLabel("ecall")).isNotEqualTo(SealingKeys.ECALL);
        for (String bad : new String[] {"", "../ecall", "teemate/ecall", "Kv", "a".repeat(65)}) {
            assertThatThrownBy(() -> SealingKeys.appLabel(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sealing purpose");
        }
    }
}

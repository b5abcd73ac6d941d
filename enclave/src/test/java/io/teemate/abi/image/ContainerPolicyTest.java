package io.teemate.abi.image;

import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerPolicyTest {
    private static SigningKey owner;
    private static SigningKey other;
    private static byte[] mrSigner;
    private static final byte[] MRENCLAVE = filled(0x11);
    private static final byte[] A = filled(0xA0);
    private static final byte[] B = filled(0x0B);
    private static final byte[] C = filled(0xCC);

    @BeforeAll
    static void keys() {
        owner = SigningKeys.read(Path.of("src", "test", "resources", "keys", "openssl-pkcs1.pem"));
        other = SigningKey.generate();
        mrSigner = SigStructBuilder.mrSigner(owner);
    }

    private static byte[] filled(int b) {
        byte[] x = new byte[32];
        Arrays.fill(x, (byte) b);
        return x;
    }

    private static ContainerPolicy policy() {
        return ContainerPolicy.sign(owner, MRENCLAVE, List.of(A, B), 3);
    }

    @Test
    void aSignedPolicyVerifiesForItsEnclaveAndSignerAndListsItsContainers() {
        ContainerPolicy p = ContainerPolicy.parse(policy().toBytes());
        assertThat(p.verifiedFor(MRENCLAVE, mrSigner)).isTrue();
        assertThat(p.allows(A)).isTrue();
        assertThat(p.allows(B)).isTrue();
        assertThat(p.allows(C)).isFalse();
        assertThat(p.version()).isEqualTo(3);
        assertThat(p.mrSigner()).isEqualTo(mrSigner);
        assertThat(p.digests()).containsExactly(B, A);
        assertThat(p.toBytes()).hasSize(8 + 4 + 32 + 4 + 2 * 32 + 384 + 384).isEqualTo(policy().toBytes());
    }

    @Test
    void theExampleContainersDigestCanBeAllowed() {
        byte[] digest = ContainerManifest.load(Examples.CONTAINER).digest();
        ContainerPolicy p = ContainerPolicy.parse(
                ContainerPolicy.sign(owner, MRENCLAVE, List.of(digest), 1).toBytes());
        assertThat(p.verifiedFor(MRENCLAVE, mrSigner) && p.allows(digest)).isTrue();
    }

    @Test
    void anotherSignersPolicyIsRefused() {
        ContainerPolicy forged = ContainerPolicy.sign(other, MRENCLAVE, List.of(A, B, C), 4);
        assertThat(forged.signatureValid())
                .as("a valid signature, by the wrong key")
                .isTrue();
        assertThat(forged.verifiedFor(MRENCLAVE, mrSigner)).isFalse();
    }

    @Test
    void aPolicyForAnotherEnclaveIsRefused() {
        assertThat(policy().verifiedFor(filled(0x12), mrSigner)).isFalse();
    }

    @Test
    void everyFlippedByteIsRefused() {
        byte[] good = policy().toBytes();
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            boolean accepted;
            try {
                accepted = ContainerPolicy.parse(bad).verifiedFor(MRENCLAVE, mrSigner);
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertThat(accepted).as("byte %d flipped", i).isFalse();
        }
    }

    @Test
    void theOwnerCannotBeSwappedByReplacingModulusAndSignature() {
        byte[] good = policy().toBytes();
        byte[] forged = ContainerPolicy.sign(other, MRENCLAVE, List.of(A, B), 3).toBytes();
        byte[] mixed = good.clone();
        System.arraycopy(forged, good.length - 768, mixed, good.length - 768, 768);
        ContainerPolicy p = ContainerPolicy.parse(mixed);
        assertThat(p.signatureValid()).isTrue();
        assertThat(p.verifiedFor(MRENCLAVE, mrSigner)).isFalse();
    }

    @Test
    void malformedPoliciesAndInputsAreRefusedByName() {
        byte[] good = policy().toBytes();
        assertThatThrownBy(() -> ContainerPolicy.parse(Arrays.copyOf(good, good.length - 1)))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> ContainerPolicy.parse(Arrays.copyOf(good, good.length + 1)))
                .hasMessageContaining("after its end");
        byte[] unsorted = good.clone();
        System.arraycopy(A, 0, unsorted, 48, 32);
        System.arraycopy(B, 0, unsorted, 80, 32);
        assertThatThrownBy(() -> ContainerPolicy.parse(unsorted)).hasMessageContaining("not in ascending order");
        assertThatThrownBy(() -> ContainerPolicy.sign(owner, MRENCLAVE, List.of(A, A), 1))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> ContainerPolicy.sign(owner, new byte[31], List.of(A), 1))
                .hasMessageContaining("MRENCLAVE is 32 bytes");
        assertThatThrownBy(() -> ContainerPolicy.sign(owner, MRENCLAVE, List.of(new byte[20]), 1))
                .hasMessageContaining("digest is 32 bytes");
        List<byte[]> empty = new ArrayList<>();
        ContainerPolicy none = ContainerPolicy.parse(
                ContainerPolicy.sign(owner, MRENCLAVE, empty, 0).toBytes());
        assertThat(none.verifiedFor(MRENCLAVE, mrSigner)).isTrue();
        assertThat(none.allows(A)).isFalse();
    }
}

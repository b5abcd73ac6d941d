package io.teemate.host.container;

import io.teemate.abi.image.AttachKeys;
import io.teemate.abi.image.ContainerManifest;
import io.teemate.abi.image.ContainerPolicy;
import io.teemate.abi.image.ManifestException;
import io.teemate.sgx.sign.SigningKey;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;

/**
 * A container image ready to start: its manifest (identity = SHA-256 of its canonical bytes), the enclave image
 * it runs on, the enclave owner's policy admitting it, its root directory (the manifest's folder, its mount
 * namespace), and the attach key that proves its identity to the trusted runtime ({@code <manifest>.key.pem}
 * next to the manifest: an EC P-256 private key whose public half is the manifest's {@code attach_key}).
 */
public record ContainerImage(
        Path manifestFile, ContainerManifest manifest, EnclaveImage enclave, byte[] policy, PrivateKey attachKey) {
    /** Reads the container manifest, its enclave image and files, and signs a policy admitting it with {@code owner}. */
    public static ContainerImage load(Path manifestFile, SigningKey owner) {
        ContainerManifest m = ContainerManifest.load(manifestFile);
        m.verifyFiles(manifestFile);
        EnclaveImage enclave = EnclaveImage.load(m.enclaveManifestPath(manifestFile), owner);
        return of(manifestFile, m, enclave, owner);
    }

    /** An image on an already loaded enclave image (several container images often share one). */
    public static ContainerImage of(Path manifestFile, ContainerManifest m, EnclaveImage enclave, SigningKey owner) {
        byte[] policy = ContainerPolicy.sign(owner, enclave.mrEnclave(), List.of(m.digest()), 1)
                .toBytes();
        return new ContainerImage(manifestFile, m, enclave, policy, readAttachKey(manifestFile));
    }

    /** The container's root: the directory of its manifest; trusted file paths are relative to it. */
    public Path root() {
        return manifestFile.toAbsolutePath().getParent();
    }

    public String name() {
        return manifest.name();
    }

    /** Where the attach key of the container manifest {@code manifestFile} is kept. */
    public static Path attachKeyFile(Path manifestFile) {
        return AttachKeys.keyFileOf(manifestFile);
    }

    private static PrivateKey readAttachKey(Path manifestFile) {
        Path keyFile = attachKeyFile(manifestFile);
        try {
            return AttachKeys.readPrivate(keyFile);
        } catch (IOException e) {
            throw new ManifestException(
                    manifestFile.getFileName().toString(),
                    "attach_key",
                    "cannot read the private attach key " + keyFile + ": " + e.getMessage());
        }
    }
}

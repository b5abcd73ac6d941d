package io.teemate.enclave.runtime;

import io.teemate.enclave.image.ContainerManifest;
import io.teemate.enclave.memory.Arena;

/**
 * One attached container inside the enclave: its proven identity, its manifest, its heap, its trusted files, and
 * the session token its TCS binding answers to. Lives in the enclave's private objects, never in host memory.
 */
final class ContainerInstance {
    final int id;
    final byte[] identity;
    final ContainerManifest manifest;
    final Arena heap;
    final TrustedFiles files;
    final byte[] sessionToken;
    final long tcs;
    /** The container program's own objects between entries ({@link ContainerEnv#local}). */
    final ContainerLocals locals = new ContainerLocals();
    private byte[] sealingKey;

    ContainerInstance(int id, byte[] identity, ContainerManifest manifest, Arena heap, byte[] sessionToken, long tcs) {
        this.id = id;
        this.identity = identity;
        this.manifest = manifest;
        this.heap = heap;
        this.files = new TrustedFiles(manifest.name(), manifest.files());
        this.sessionToken = sessionToken;
        this.tcs = tcs;
    }

    synchronized byte[] sealingKey(java.util.function.Supplier<byte[]> enclaveSealKey) {
        if (sealingKey == null) {
            byte[] k = enclaveSealKey.get();
            sealingKey = SealingKeys.containerKey(k, identity);
            java.util.Arrays.fill(k, (byte) 0);
        }
        return sealingKey;
    }

    /** Wipes what the container left: its heap pages go back zeroed, its keys are forgotten. */
    synchronized void destroy() {
        try {
            locals.closeAll();
        } finally {
            heap.destroy();
        }
        if (sealingKey != null) {
            java.util.Arrays.fill(sealingKey, (byte) 0);
        }
    }
}

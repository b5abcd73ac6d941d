package io.teemate.enclave.runtime;

import io.teemate.abi.image.ContainerManifest;
import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.PageQuota;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * One attached container inside the enclave: its proven identity, its manifest, its heap and page quota, its
 * trusted files, and the session token its TCS binding answers to. Lives in the enclave's private objects, never
 * in host memory.
 * <p><b>Lifetime.</b> Memory is never freed while code that holds it can run: each call of the container's code
 * is bracketed by {@link #begin()} and {@link #end()}, and {@link #retire()} (the container leaves, crashes, or its
 * parent leaves) destroys it at once only if no call of it is running, else when the last one returns. A retired
 * container takes no new calls.
 */
final class ContainerInstance {
    final int id;
    final byte[] identity;
    final ContainerManifest manifest;
    /** Every page of the container, its arena's and its copy-on-write spaces', is charged to this. */
    final PageQuota quota;

    final Arena heap;
    final TrustedFiles files;
    final byte[] sessionToken;
    final long tcs;
    /** The container program's own objects between entries ({@link ContainerEnv#local}). */
    final ContainerLocals locals = new ContainerLocals();

    private final List<ContainerInstance> children = new ArrayList<>();
    private byte[] sealingKey;
    private int running;
    private boolean retired;
    private boolean destroyed;

    ContainerInstance(
            int id, byte[] identity, ContainerManifest manifest, PageQuota quota, byte[] sessionToken, long tcs) {
        this.id = id;
        this.identity = identity;
        this.manifest = manifest;
        this.quota = quota;
        this.heap = new Arena(quota);
        this.files = new TrustedFiles(manifest.name(), manifest.files());
        this.sessionToken = sessionToken;
        this.tcs = tcs;
    }

    synchronized byte[] sealingKey(Supplier<byte[]> enclaveSealKey) {
        if (sealingKey == null) {
            byte[] k = enclaveSealKey.get();
            sealingKey = SealingKeys.containerKey(k, identity);
            Arrays.fill(k, (byte) 0);
        }
        return sealingKey;
    }

    /** A call of this container's code starts; false (nothing started) if the container was retired. */
    synchronized boolean begin() {
        if (retired) {
            return false;
        }
        running++;
        return true;
    }

    /** A call that {@link #begin()} started has returned, or unwound. */
    void end() {
        synchronized (this) {
            running--;
            if (!retired || running > 0) {
                return;
            }
        }
        destroy();
    }

    /** Records a fork child, ended with this container ({@link #retire}); false if this one is retired already. */
    synchronized boolean adopt(ContainerInstance child) {
        if (retired) {
            return false;
        }
        children.add(child);
        return true;
    }

    /**
     * Ends this container: it takes no new call, and it is destroyed now, or when its running call returns.
     * Returns its children, which its caller ends too unless their app keeps them.
     */
    List<ContainerInstance> retire() {
        List<ContainerInstance> orphans;
        boolean now;
        synchronized (this) {
            if (retired) {
                return List.of();
            }
            retired = true;
            orphans = List.copyOf(children);
            children.clear();
            now = running == 0;
        }
        if (now) {
            destroy();
        }
        return orphans;
    }

    synchronized boolean retired() {
        return retired;
    }

    /** Wipes what the container left: its objects are closed, its heap pages go back zeroed, its keys are forgotten. */
    private void destroy() {
        synchronized (this) {
            if (destroyed) {
                return;
            }
            destroyed = true;
        }
        try {
            locals.closeAll();
        } finally {
            heap.destroy();
            synchronized (this) {
                if (sealingKey != null) {
                    Arrays.fill(sealingKey, (byte) 0);
                }
            }
        }
    }
}

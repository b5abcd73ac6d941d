package io.teemate.kv.host;

import io.teemate.host.container.Mode;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link KvDatabase} runs.
 *
 * @param dir     the data directory: the database's images and keys (made on first use, then reused, so that the
 *                container's identity and hence its sealing key stay the same across restarts), the emulated
 *                platform's seed, and the sealed snapshot {@link KvDatabase#SNAPSHOT}
 * @param mode    shared: BGSAVE forks into the same enclave (TeeMate); conventional: the child builds its own
 *                enclave and the parent's heap is copied into it, sealed
 * @param heap    the enclave heap (manifest {@code heap_size}, e.g. "1G"): room for the dataset and, during a
 *                BGSAVE, its copy-on-write copies; SGX2 (EDMM), so only pages in use take EPC. Null: the data
 *                directory's (1G for a new one); it is fixed when the directory is made
 * @param epcMiB  the EPC of the emulated machine
 */
public record KvOptions(Path dir, Mode mode, String heap, int epcMiB) {
    public KvOptions {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(mode, "mode");
        if (epcMiB < 8) {
            throw new IllegalArgumentException("the EPC must be at least 8 MiB, got " + epcMiB);
        }
    }

    /** Shared mode, the directory's heap (1 GiB EDMM for a new one), 1 GiB of EPC. */
    public static KvOptions defaults(Path dir) {
        return new KvOptions(dir, Mode.SHARED, null, 1024);
    }

    public KvOptions withMode(Mode mode) {
        return new KvOptions(dir, mode, heap, epcMiB);
    }

    public KvOptions withHeap(String heap) {
        return new KvOptions(dir, mode, heap, epcMiB);
    }

    public KvOptions withEpcMiB(int epcMiB) {
        return new KvOptions(dir, mode, heap, epcMiB);
    }
}

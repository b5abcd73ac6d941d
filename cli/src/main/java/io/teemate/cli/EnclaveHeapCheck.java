package io.teemate.cli;

import io.teemate.abi.image.ManifestException;
import io.teemate.abi.image.Sizes;

/**
 * Whether this JVM can hold an enclave image before building it: every heap page added before EINIT is a 4 KiB page
 * in the JVM's heap, so a {@code heap_size} of 64G on a JVM of a few GiB ran out of memory half-way with a stack
 * trace. Checked up front, it is an error in the manifest's {@code heap_size}, named like the others.
 */
public final class EnclaveHeapCheck {
    private static final long PAGE = 4096;

    private EnclaveHeapCheck() {}

    /**
     * @param source       the manifest's name as errors call it
     * @param heapSize     its heap_size in bytes
     * @param addedPages   heap pages added before EINIT (all of them without EDMM)
     * @throws ManifestException if the pages cannot fit in what the JVM may still allocate
     */
    public static void ensureFits(String source, long heapSize, long addedPages) {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (addedPages > available / PAGE) {
            throw new ManifestException(
                    source,
                    "heap_size",
                    Sizes.format(heapSize) + " is more than this machine can"
                            + " build: its " + Sizes.format(addedPages * PAGE)
                            + " added before EINIT must fit in the JVM's"
                            + " memory, which has " + (available >> 20)
                            + " MiB free; use a smaller heap_size, \"edmm\": true"
                            + " with a small heap_initial, or a larger JVM (TEEMATE_JAVA_OPTS=-Xmx...)");
        }
    }
}

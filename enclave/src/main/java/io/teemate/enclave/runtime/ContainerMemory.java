package io.teemate.enclave.runtime;

import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.EnclaveMemory;

/**
 * A container's view of enclave memory: software isolation inside the shared enclave. Every access is checked
 * against the pages the container's own arena holds before it reaches the processor, so a container's code that
 * computes an address into another container's heap, the runtime's pages or a freed page gets an exception (and
 * the container is torn down), never the bytes.
 */
final class ContainerMemory implements EnclaveMemory {
    /** An access outside the container's own heap. */
    static final class IsolationViolation extends RuntimeException {
        IsolationViolation(String message) {
            super(message);
        }
    }

    private final Arena heap;
    private final EnclaveMemory memory;
    private final String container;

    ContainerMemory(Arena heap, EnclaveMemory memory, String container) {
        this.heap = heap;
        this.memory = memory;
        this.container = container;
    }

    private void check(long la, int len) {
        if (!heap.owns(la, len)) {
            throw new IsolationViolation(
                    String.format("container %s accessed [0x%x, +%d) outside its own heap", container, la, len));
        }
    }

    @Override
    public void read(long la, byte[] dst, int off, int len) {
        check(la, len);
        memory.read(la, dst, off, len);
    }

    @Override
    public void write(long la, byte[] src, int off, int len) {
        check(la, len);
        memory.write(la, src, off, len);
    }

    @Override
    public long readLong(long la) {
        check(la, Long.BYTES);
        return memory.readLong(la);
    }

    @Override
    public void writeLong(long la, long v) {
        check(la, Long.BYTES);
        memory.writeLong(la, v);
    }
}

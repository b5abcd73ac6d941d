package io.teemate.sgx;

import io.teemate.sgx.mmu.Memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ordinary (non-EPC) physical memory: what the host kernel, untrusted buffers and ocall arguments live in.
 * Frames are handed out by {@link #allocate()} and are plain heap memory; nothing protects them.
 */
public final class Dram {
    private final ConcurrentHashMap<Long, ByteBuffer> frames = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(Memory.PAGE_SIZE); // frame 0 stays unused, like a null page

    /** A fresh zeroed frame; returns its physical address. */
    public long allocate() {
        long pa = next.getAndAdd(Memory.PAGE_SIZE);
        if (pa >= Epc.BASE) {
            throw new IllegalStateException("emulated DRAM exhausted below the EPC base");
        }
        frames.put(pa, ByteBuffer.allocate(Memory.PAGE_SIZE).order(ByteOrder.LITTLE_ENDIAN));
        return pa;
    }

    public void free(long physicalAddress) {
        frames.remove(Memory.pageBase(physicalAddress));
    }

    public boolean contains(long physicalAddress) {
        return frames.containsKey(Memory.pageBase(physicalAddress));
    }

    public int allocatedFrames() {
        return frames.size();
    }

    /** The frame holding {@code physicalAddress}; a frame that was never allocated is a machine check. */
    ByteBuffer frame(long physicalAddress) {
        ByteBuffer b = frames.get(Memory.pageBase(physicalAddress));
        if (b == null) {
            throw new IllegalStateException(
                    "machine check: no DRAM at physical address 0x" + Long.toHexString(physicalAddress));
        }
        return b;
    }

    /** Host-side copy out of a frame (the kernel's direct map). */
    public void read(long physicalAddress, byte[] dst, int dstOffset, int length) {
        frame(physicalAddress).get((int) (physicalAddress & (Memory.PAGE_SIZE - 1)), dst, dstOffset, length);
    }

    /** Host-side copy into a frame (the kernel's direct map). */
    public void write(long physicalAddress, byte[] src, int srcOffset, int length) {
        frame(physicalAddress).put((int) (physicalAddress & (Memory.PAGE_SIZE - 1)), src, srcOffset, length);
    }
}

package io.teemate.sgx;

import io.teemate.sgx.mmu.Memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Enclave Page Cache: a fixed range of physical frames (the PRM) holding enclave pages.
 * Frames live off the Java heap, in direct buffers allocated a chunk at a time on first touch, so a
 * large configured EPC costs nothing until it is used. Only the machine reads and writes these bytes;
 * software reaches them through a {@link LogicalProcessor} and its access checks.
 */
public final class Epc {
    /** Physical address of the first EPC frame: above any DRAM frame the host hands out. */
    public static final long BASE = 1L << 40;

    private static final int CHUNK_SHIFT = 26; // 64 MiB chunks
    private static final int FRAMES_PER_CHUNK = 1 << (CHUNK_SHIFT - Memory.PAGE_SHIFT);

    private final int frames;
    private final AtomicReferenceArray<ByteBuffer> chunks;

    Epc(long bytes) {
        if (bytes < 2L * Memory.PAGE_SIZE || bytes % Memory.PAGE_SIZE != 0) {
            throw new IllegalArgumentException(
                    "EPC size must be a multiple of 4 KiB and hold at least 2 pages, got " + bytes);
        }
        long f = bytes / Memory.PAGE_SIZE;
        if (f > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("EPC of " + bytes + " bytes has too many frames");
        }
        this.frames = (int) f;
        this.chunks = new AtomicReferenceArray<>((frames + FRAMES_PER_CHUNK - 1) / FRAMES_PER_CHUNK);
    }

    public int frameCount() {
        return frames;
    }

    public long sizeBytes() {
        return (long) frames * Memory.PAGE_SIZE;
    }

    public boolean contains(long physicalAddress) {
        return physicalAddress >= BASE && physicalAddress < BASE + sizeBytes();
    }

    /** Physical address of frame {@code index}. */
    public long address(int index) {
        return BASE + ((long) index << Memory.PAGE_SHIFT);
    }

    /** The frame holding {@code physicalAddress}; the address must be inside the EPC. */
    public int frameOf(long physicalAddress) {
        if (!contains(physicalAddress)) {
            throw new IllegalArgumentException("0x" + Long.toHexString(physicalAddress) + " is not an EPC address");
        }
        return (int) ((physicalAddress - BASE) >>> Memory.PAGE_SHIFT);
    }

    /** The chunk buffer that holds frame {@code index} (absolute accesses only; never flip or slice it). */
    ByteBuffer chunk(int index) {
        int c = index / FRAMES_PER_CHUNK;
        ByteBuffer b = chunks.get(c);
        if (b == null) {
            int framesHere = Math.min(FRAMES_PER_CHUNK, frames - c * FRAMES_PER_CHUNK);
            ByteBuffer fresh =
                    ByteBuffer.allocateDirect(framesHere * Memory.PAGE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            b = chunks.compareAndExchange(c, null, fresh);
            if (b == null) {
                b = fresh;
            }
        }
        return b;
    }

    /** Offset of frame {@code index} inside its {@link #chunk}. */
    static int offsetInChunk(int index) {
        return (index % FRAMES_PER_CHUNK) << Memory.PAGE_SHIFT;
    }

    void read(int frame, int offset, byte[] dst, int dstOffset, int length) {
        chunk(frame).get(offsetInChunk(frame) + offset, dst, dstOffset, length);
    }

    void write(int frame, int offset, byte[] src, int srcOffset, int length) {
        chunk(frame).put(offsetInChunk(frame) + offset, src, srcOffset, length);
    }

    long readLong(int frame, int offset) {
        return chunk(frame).getLong(offsetInChunk(frame) + offset);
    }

    void writeLong(int frame, int offset, long value) {
        chunk(frame).putLong(offsetInChunk(frame) + offset, value);
    }

    int readInt(int frame, int offset) {
        return chunk(frame).getInt(offsetInChunk(frame) + offset);
    }

    void writeInt(int frame, int offset, int value) {
        chunk(frame).putInt(offsetInChunk(frame) + offset, value);
    }

    byte[] readPage(int frame) {
        byte[] page = new byte[Memory.PAGE_SIZE];
        read(frame, 0, page, 0, Memory.PAGE_SIZE);
        return page;
    }

    void zero(int frame) {
        ByteBuffer b = chunk(frame);
        int base = offsetInChunk(frame);
        for (int i = 0; i < Memory.PAGE_SIZE; i += Long.BYTES) {
            b.putLong(base + i, 0L);
        }
    }
}

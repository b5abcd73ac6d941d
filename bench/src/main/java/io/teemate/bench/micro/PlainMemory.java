package io.teemate.bench.micro;

import io.teemate.enclave.memory.EnclaveMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Unchecked "enclave" memory for the baselines: a direct little-endian {@link ByteBuffer} standing at {@code base},
 * no processor, page table, EPCM or TLB (what the tests' {@code FakeEnclaveMemory} does). What a structure costs on
 * it is the structure's own cost; the difference to the same work on real enclave pages is the emulated processor's
 * checks.
 * <p>Not the shared test fake on purpose: that lives in the enclave module's test-jar, which is on test classpaths
 * only, while this class is main code that JMH runs and that ships in {@code teemate.jar}; and the fake counts every
 * byte read and written with atomic adds, which a baseline must not measure.
 */
final class PlainMemory implements EnclaveMemory {
    private final long base;
    private final ByteBuffer bytes;

    PlainMemory(long base, int pages) {
        this.base = base;
        this.bytes = ByteBuffer.allocateDirect(pages * PAGE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    }

    private int index(long la, int len) {
        long i = la - base;
        if (i < 0 || i + len > bytes.capacity()) {
            throw new IndexOutOfBoundsException(String.format("0x%x+%d is outside the plain memory", la, len));
        }
        return (int) i;
    }

    @Override
    public void read(long la, byte[] dst, int off, int len) {
        bytes.get(index(la, len), dst, off, len);
    }

    @Override
    public void write(long la, byte[] src, int off, int len) {
        bytes.put(index(la, len), src, off, len);
    }

    @Override
    public long readLong(long la) {
        return bytes.getLong(index(la, Long.BYTES));
    }

    @Override
    public void writeLong(long la, long v) {
        bytes.putLong(index(la, Long.BYTES), v);
    }
}

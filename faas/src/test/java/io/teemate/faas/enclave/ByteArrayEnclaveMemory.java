package io.teemate.faas.enclave;

import io.teemate.enclave.memory.EnclaveMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Enclave pages stood in for by a byte array at [base, base + pages * 4096); any other address is refused. */
final class ByteArrayEnclaveMemory implements EnclaveMemory {
    final long base;
    private final ByteBuffer bytes;

    ByteArrayEnclaveMemory(long base, int pages) {
        this.base = base;
        this.bytes = ByteBuffer.allocate(pages * PAGE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    }

    private int index(long la, int len) {
        if (la < base || len < 0 || la - base > bytes.capacity() - len) {
            throw new IndexOutOfBoundsException(String.format("[0x%x, +%d) is outside the enclave pages", la, len));
        }
        return (int) (la - base);
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
        return bytes.getLong(index(la, 8));
    }

    @Override
    public void writeLong(long la, long v) {
        bytes.putLong(index(la, 8), v);
    }
}

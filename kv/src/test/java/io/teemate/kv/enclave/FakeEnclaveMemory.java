package io.teemate.kv.enclave;

import io.teemate.enclave.memory.EnclaveMemory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Enclave pages for unit tests: a byte array at {@code [base, base + pages * 4096)}, little-endian (a minimal copy of the enclave module's test fake). */
final class FakeEnclaveMemory implements EnclaveMemory {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final long base;
    private final byte[] bytes;

    FakeEnclaveMemory(long base, int pages) {
        this.base = base;
        this.bytes = new byte[pages * PAGE_SIZE];
    }

    private int index(long la, int len) {
        if (la < base || len < 0 || la - base > bytes.length - len) {
            throw new IndexOutOfBoundsException(String.format("access [0x%x, +%d) outside the fake enclave", la, len));
        }
        return (int) (la - base);
    }

    @Override
    public void read(long la, byte[] dst, int off, int len) {
        System.arraycopy(bytes, index(la, len), dst, off, len);
    }

    @Override
    public void write(long la, byte[] src, int off, int len) {
        System.arraycopy(src, off, bytes, index(la, len), len);
    }

    @Override
    public long readLong(long la) {
        return (long) LONGS.get(bytes, index(la, Long.BYTES));
    }

    @Override
    public void writeLong(long la, long v) {
        LONGS.set(bytes, index(la, Long.BYTES), v);
    }
}

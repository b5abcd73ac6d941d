package io.teemate.faas.host;

import io.teemate.enclave.memory.EnclaveMemory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The native model's memory: ordinary process memory (a byte array) at {@code [base, base + pages * 4096)} behind the
 * interface enclave code reaches its pages through, so the same engines run with no enclave and no access checks
 * but the bounds. Little-endian, as on x86; an address outside the range is refused, the way a stray access outside
 * a process's mapping faults.
 */
final class PlainMemory implements EnclaveMemory {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long base;
    private final byte[] bytes;

    PlainMemory(long base, int pages) {
        this.base = base;
        this.bytes = new byte[Math.multiplyExact(pages, PAGE_SIZE)];
    }

    private int index(long la, int len) {
        if (la < base || len < 0 || la - base > bytes.length - len) {
            throw new IndexOutOfBoundsException(String.format(
                    "access [0x%x, +%d) outside the memory [0x%x, 0x%x)", la, len, base, base + bytes.length));
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

    @Override
    public String toString() {
        return String.format("PlainMemory[0x%x, %d pages]", base, bytes.length / PAGE_SIZE);
    }
}

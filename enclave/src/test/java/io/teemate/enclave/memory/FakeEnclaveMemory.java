package io.teemate.enclave.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for enclave pages in unit tests: a byte array at {@code [base, base + pages * 4096)}, little-endian,
 * that counts the bytes read and written (so a test can tell whether data was copied) and refuses any address
 * outside its range, the way an access outside the enclave's pages would fault.
 * <p>The one such fake of the project: the enclave module publishes its test classes as a {@code test-jar}, and the
 * kv and faas tests use this class from there (dependency {@code teemate-enclave}, {@code <type>test-jar</type>},
 * test scope). bench's {@code PlainMemory} is the benchmarks' own, uncounted, main-code baseline.
 */
public final class FakeEnclaveMemory implements EnclaveMemory {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long base;
    private final byte[] bytes;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();

    public FakeEnclaveMemory(long base, int pages) {
        this.base = base;
        this.bytes = new byte[Math.multiplyExact(pages, PAGE_SIZE)];
    }

    /** The lowest address of the fake enclave pages. */
    public long base() {
        return base;
    }

    private int index(long la, int len) {
        if (la < base || len < 0 || la - base > bytes.length - len) {
            throw new IndexOutOfBoundsException(String.format(
                    "access [0x%x, +%d) outside the fake enclave [0x%x, 0x%x)", la, len, base, base + bytes.length));
        }
        return (int) (la - base);
    }

    @Override
    public void read(long la, byte[] dst, int off, int len) {
        System.arraycopy(bytes, index(la, len), dst, off, len);
        bytesRead.addAndGet(len);
    }

    @Override
    public void write(long la, byte[] src, int off, int len) {
        System.arraycopy(src, off, bytes, index(la, len), len);
        bytesWritten.addAndGet(len);
    }

    @Override
    public long readLong(long la) {
        long v = (long) LONGS.get(bytes, index(la, Long.BYTES));
        bytesRead.addAndGet(Long.BYTES);
        return v;
    }

    @Override
    public void writeLong(long la, long v) {
        LONGS.set(bytes, index(la, Long.BYTES), v);
        bytesWritten.addAndGet(Long.BYTES);
    }

    /** Bytes read through the {@link EnclaveMemory} methods so far (not {@link #peek}). */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** Bytes written through the {@link EnclaveMemory} methods so far. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** Bytes read plus bytes written. */
    public long traffic() {
        return bytesRead() + bytesWritten();
    }

    /** Peeks without counting (test assertions only). */
    public byte[] peek(long la, int len) {
        byte[] out = new byte[len];
        System.arraycopy(bytes, index(la, len), out, 0, len);
        return out;
    }

    /** True if every byte of the page at {@code page} is zero. */
    public boolean pageIsZero(long page) {
        int i = index(page, PAGE_SIZE);
        for (int k = 0; k < PAGE_SIZE; k++) {
            if (bytes[i + k] != 0) {
                return false;
            }
        }
        return true;
    }

    /** True if every byte is zero. */
    public boolean allZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}

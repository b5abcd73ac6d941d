package io.teemate.enclave.memory;

import io.teemate.sgx.program.EnclaveContext;

import java.util.Objects;

/**
 * How trusted runtime code reaches enclave pages: linear addresses inside ELRANGE, read and written by the logical
 * processor the enclave thread runs on, so every access passes the SGX access checks (EPCM valid, owner, linear
 * address, permissions; SDM Vol.3D "Enclave Access Control and Data Structures"). Multi-byte values are
 * little-endian, as on x86.
 * <p>An implementation for one entry is {@link #of(EnclaveContext)}; structures that outlive an entry (kept in
 * {@code ctx.enclavePrivate()}) use a {@link ThreadBoundMemory}, which each entry binds to its own context.
 */
public interface EnclaveMemory {
    /**
     * Bytes in an enclave page (SDM Vol.3D "Introduction to Intel Software Guard Extensions": the EPC is divided
     * into 4 KiB pages).
     */
    int PAGE_SIZE = 4096;

    void read(long la, byte[] dst, int off, int len);

    void write(long la, byte[] src, int off, int len);

    long readLong(long la);

    void writeLong(long la, long v);

    default byte[] read(long la, int len) {
        byte[] out = new byte[len];
        read(la, out, 0, len);
        return out;
    }

    /** Writes {@code len} zero bytes at {@code la}. */
    default void zero(long la, int len) {
        if (len < 0) {
            throw new IllegalArgumentException("cannot zero a negative length " + len);
        }
        byte[] zeros = new byte[Math.min(len, PAGE_SIZE)];
        while (len > 0) {
            int n = Math.min(len, zeros.length);
            write(la, zeros, 0, n);
            la += n;
            len -= n;
        }
    }

    /** Copies {@code len} bytes from {@code from} to {@code to} (ranges must not overlap), a page at a time. */
    default void copy(long from, long to, int len) {
        if (len < 0) {
            throw new IllegalArgumentException("cannot copy a negative length " + len);
        }
        byte[] buf = new byte[Math.min(len, PAGE_SIZE)];
        while (len > 0) {
            int n = Math.min(len, buf.length);
            read(from, buf, 0, n);
            write(to, buf, 0, n);
            from += n;
            to += n;
            len -= n;
        }
    }

    /**
     * The memory of the enclave thread that owns {@code ctx}: every access goes through {@code ctx}, so through its
     * logical processor's checks. Valid only during that entry (the context dies with EEXIT).
     */
    static EnclaveMemory of(EnclaveContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        return new EnclaveMemory() {
            @Override
            public void read(long la, byte[] dst, int off, int len) {
                ctx.read(la, dst, off, len);
            }

            @Override
            public void write(long la, byte[] src, int off, int len) {
                ctx.write(la, src, off, len);
            }

            @Override
            public long readLong(long la) {
                return ctx.readLong(la);
            }

            @Override
            public void writeLong(long la, long v) {
                ctx.writeLong(la, v);
            }

            @Override
            public String toString() {
                return "EnclaveMemory of " + ctx.processor();
            }
        };
    }
}

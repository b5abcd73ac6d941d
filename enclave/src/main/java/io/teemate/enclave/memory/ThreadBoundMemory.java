package io.teemate.enclave.memory;

import io.teemate.sgx.program.EnclaveContext;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Enclave memory reached through whichever enclave thread is running now. An {@link EnclaveContext} lives for one
 * entry and belongs to one logical processor, but the heap and the copy-on-write spaces live as long as the enclave
 * and are used by all of its threads; on hardware their code simply touches memory on the CPU it runs on. This is
 * that: each entry {@link #bind binds} its context for the current Java thread (the enclave thread), and every
 * access goes through that context's processor and its SGX checks.
 * <p>One object per enclave instance, kept in {@code ctx.enclavePrivate()}; the per-thread binding stands for
 * the CPU state (the current logical processor) a real enclave thread has, not for stored data.
 * <pre>{@code
 * memory.run(ctx, () -> space.write(va, bytes, 0, bytes.length));
 * }</pre>
 */
public final class ThreadBoundMemory implements EnclaveMemory {
    private final ThreadLocal<Entry> current = new ThreadLocal<>();

    /** A context bound for the current thread and the memory view of it. */
    private record Entry(EnclaveContext ctx, EnclaveMemory memory) {}

    /** Undoes a {@link #bind}: restores the binding that was in force before (so nested entries work). */
    public final class Binding implements AutoCloseable {
        private final Entry previous;
        private final Thread owner = Thread.currentThread();
        private boolean closed;

        private Binding(Entry previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException(
                        "a binding must be closed by the enclave thread that made it (" + owner.getName() + "), not by "
                                + Thread.currentThread().getName());
            }
            closed = true;
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        }
    }

    /** Binds {@code ctx} as the current thread's enclave context until the returned binding is closed. */
    public Binding bind(EnclaveContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        Entry previous = current.get();
        current.set(new Entry(ctx, EnclaveMemory.of(ctx)));
        return new Binding(previous);
    }

    /** Runs {@code body} with {@code ctx} bound, then restores the previous binding. */
    public void run(EnclaveContext ctx, Runnable body) {
        Binding b = bind(ctx);
        try {
            body.run();
        } finally {
            b.close();
        }
    }

    /** Calls {@code body} with {@code ctx} bound, then restores the previous binding; returns what it returned. */
    public <T> T call(EnclaveContext ctx, Supplier<T> body) {
        Binding b = bind(ctx);
        try {
            return body.get();
        } finally {
            b.close();
        }
    }

    /** The context bound for the current thread. */
    public EnclaveContext context() {
        return entry().ctx();
    }

    /** True if the current thread has a bound context. */
    public boolean isBound() {
        return current.get() != null;
    }

    private Entry entry() {
        Entry e = current.get();
        if (e == null) {
            throw new IllegalStateException("no enclave context is bound on thread "
                    + Thread.currentThread().getName()
                    + ": enclave memory is reachable only from an enclave entry that called bind(ctx)");
        }
        return e;
    }

    @Override
    public void read(long la, byte[] dst, int off, int len) {
        entry().memory().read(la, dst, off, len);
    }

    @Override
    public void write(long la, byte[] src, int off, int len) {
        entry().memory().write(la, src, off, len);
    }

    @Override
    public long readLong(long la) {
        return entry().memory().readLong(la);
    }

    @Override
    public void writeLong(long la, long v) {
        entry().memory().writeLong(la, v);
    }
}

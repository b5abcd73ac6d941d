package io.teemate.bench.micro;

import io.teemate.enclave.memory.CowSpace;
import io.teemate.enclave.memory.EnclaveMemory;
import io.teemate.enclave.memory.EnclavePageAllocator;
import io.teemate.enclave.memory.ThreadBoundMemory;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * A copy-on-write fault in {@link CowSpace}: one 8-byte write into a page the space shares with a fork, which copies
 * that page (4 KiB read and written through {@link EnclaveMemory}) into a fresh page before writing, against the
 * same write into a private page (no copy).
 * <p>The space has {@value #PAGES} pages, all backed. One benchmark invocation writes one long into each of them
 * (one ECALL when the memory is the enclave's), so {@code @OperationsPerInvocation(64)}: one operation is one write.
 * For {@link #writeShared} a per-invocation setup first closes the previous fork (its pages return to the allocator,
 * which zeroes them) and forks again, so every page is shared and every measured write copies exactly one page;
 * the setup checks that the previous invocation copied exactly {@value #PAGES} pages. {@link #writePrivate} never
 * forks. {@code memory}: {@code enclave} = the space's pages are heap pages of a real emulated enclave, every access
 * in enclave mode through the processor's checks; {@code plain} = the same code on {@link PlainMemory}.
 * The ECALL (for {@code enclave}) is amortized over the 64 writes; no SGX leaf runs per write.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class CowFaultBench {
    static final int PAGES = 64;
    /** Heap pages: the space, its copies, and room for the allocator. */
    static final int HEAP_PAGES = 3 * PAGES;

    static final long INIT = 1;
    static final long RESHARE = 2;
    static final long WRITE_ALL = 3;

    /** The space, the fork sharing its pages (or null), and the memory they reach enclave pages through. */
    static final class Spaces {
        final EnclaveMemory memory;
        final CowSpace space;
        CowSpace fork;

        Spaces(EnclaveMemory memory, long heap, int heapPages) {
            this.memory = memory;
            space = new CowSpace(
                    new EnclavePageAllocator(memory, heap, heapPages, heapPages, null), (long) PAGES * 4096);
            for (int p = 0; p < PAGES; p++) {
                space.writeLong((long) p * 4096, p); // back every page
            }
        }

        /** Drops the last fork (its pages go back, zeroed) and forks again: every page of the space is shared. */
        long reshare() {
            long copied = space.pagesCopied();
            if (fork != null) {
                fork.close();
            }
            fork = space.fork();
            return copied;
        }

        /** One long into each page: a copy per page while it is shared. */
        void writeAll(long v) {
            CowSpace s = space;
            for (int p = 0; p < PAGES; p++) {
                s.writeLong((long) p * 4096 + 8, v);
            }
        }
    }

    /** The enclave: per-enclave {@link Spaces} in enclavePrivate; RDI = INIT, RESHARE (RAX = pages copied) or WRITE_ALL. */
    public static final class CowProgram implements EnclaveProgram {
        @Override
        public void enter(EnclaveContext ctx) {
            var r = ctx.registers();
            long fn = r.get(GprSgx.RDI);
            long heap = r.get(GprSgx.R9);
            ThreadBoundMemory memory =
                    ctx.enclavePrivate().computeIfAbsent(ThreadBoundMemory.class, ThreadBoundMemory::new);
            memory.run(ctx, () -> {
                if (fn == INIT) {
                    ctx.enclavePrivate()
                            .computeIfAbsent(Spaces.class, () -> new Spaces(memory, heap, (int) r.get(GprSgx.RSI)));
                    return;
                }
                Spaces s = ctx.enclavePrivate().get(Spaces.class);
                if (fn == RESHARE) {
                    r.set(GprSgx.RAX, s.reshare());
                } else if (fn == WRITE_ALL) {
                    s.writeAll(r.get(GprSgx.RSI));
                } else {
                    throw new IllegalArgumentException("no ecall " + fn);
                }
            });
        }
    }

    @Param({"enclave", "plain"})
    public String memory;

    MicroRig rig;
    Spaces plain;
    long copiedBefore = -1;
    long value;

    @Setup(Level.Trial)
    public void setUp() {
        if (memory.equals("enclave")) {
            rig = new MicroRig(new CowProgram(), HEAP_PAGES, 16);
            rig.ecall(INIT, HEAP_PAGES, 0, 0);
        } else {
            plain = new Spaces(new PlainMemory(0x10_0000L, HEAP_PAGES), 0x10_0000L, HEAP_PAGES);
        }
    }

    /** Before each shared-write invocation: fork again; checks that the last invocation copied one page per write. */
    @Setup(Level.Invocation)
    public void reshare(org.openjdk.jmh.infra.BenchmarkParams params) {
        if (!params.getBenchmark().endsWith("writeShared")) {
            return;
        }
        long copied = rig != null ? rig.ecall(RESHARE, 0, 0, 0) : plain.reshare();
        if (copiedBefore >= 0 && copied - copiedBefore != PAGES) {
            throw new IllegalStateException(
                    (copied - copiedBefore) + " pages copied by " + PAGES + " writes to shared pages");
        }
        copiedBefore = copied;
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void writeShared() {
        write();
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void writePrivate() {
        write();
    }

    private void write() {
        if (rig != null) {
            rig.ecall(WRITE_ALL, ++value, 0, 0);
        } else {
            plain.writeAll(++value);
        }
    }
}

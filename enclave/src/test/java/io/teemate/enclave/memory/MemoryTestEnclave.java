package io.teemate.enclave.memory;

import io.teemate.sgx.Registers;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test enclave whose ecalls drive the heap, an arena and copy-on-write views through {@link EnclaveMemory} of the
 * running enclave thread. Ecall number in RDI, arguments in RSI, RDX, R8, R10, result in RAX ({@link #ENOMEM} when
 * the heap is exhausted). Like any enclave program it keeps no state in fields: the heap and the views live in
 * {@code ctx.enclavePrivate()}, and each entry binds its own context to them.
 */
public final class MemoryTestEnclave implements EnclaveProgram {
    /** RSI: heap offset from the enclave base, RDX: EADDed heap pages, R8: maximum heap pages, R10: view size. */
    public static final long INIT = 1;
    /** RSI: view, RDX: address in the view, R8: untrusted source, R10: length. */
    public static final long WRITE = 2;
    /** RSI: view, RDX: address in the view, R8: untrusted destination, R10: length. */
    public static final long READ = 3;
    /** RSI: view; RAX = the new view's number. */
    public static final long FORK = 4;
    /** RSI: view, RDX: address, R8: length. */
    public static final long FREE = 5;
    /** RSI: view. */
    public static final long CLOSE = 6;
    /** RAX = heap pages in use. */
    public static final long PAGES_IN_USE = 7;
    /** RAX = heap pages committed (EADDed + accepted). */
    public static final long PAGES_COMMITTED = 8;
    /** RSI: view; RAX = its copy-on-write copies. */
    public static final long PAGES_COPIED = 9;
    /** RSI: size; RAX = address from the arena. */
    public static final long ARENA_ALLOCATE = 10;
    /** RSI: address from the arena. */
    public static final long ARENA_FREE = 11;
    /** RSI: view; RAX = its private pages. */
    public static final long PRIVATE_PAGES = 12;

    public static final long ENOMEM = -12;
    public static final long NOT_INITIALIZED = -1;
    /** Where in the thread-local page EACCEPT's SECINFO goes (64-byte aligned). */
    private static final int SECINFO_SLOT = 0;

    /** This enclave's runtime state, one per enclave instance. */
    private record State(
            ThreadBoundMemory memory,
            EnclavePageAllocator heap,
            Arena arena,
            ConcurrentHashMap<Integer, CowSpace> views,
            AtomicInteger nextView) {}

    @Override
    public List<Class<?>> codeClasses() {
        return List.of(
                MemoryTestEnclave.class,
                EnclaveMemory.class,
                ThreadBoundMemory.class,
                ThreadBoundMemory.Binding.class,
                PageAccepter.class,
                EnclavePageAllocator.class,
                EnclaveOutOfMemoryException.class,
                Arena.class,
                CowSpace.class,
                PageRefCounts.class);
    }

    @Override
    public void enter(EnclaveContext ctx) {
        Registers r = ctx.registers();
        long fn = r.get(GprSgx.RDI);
        long a = r.get(GprSgx.RSI);
        long b = r.get(GprSgx.RDX);
        long c = r.get(GprSgx.R8);
        long d = r.get(GprSgx.R10);
        if (fn == INIT) {
            // A real runtime takes the heap's place and size from its measured manifest, not from the host.
            State fresh = ctx.enclavePrivate().computeIfAbsent(State.class, () -> {
                ThreadBoundMemory memory = new ThreadBoundMemory();
                EnclavePageAllocator heap = new EnclavePageAllocator(
                        memory,
                        ctx.enclaveBase() + a,
                        (int) b,
                        (int) c,
                        c > b ? PageAccepter.eaccept(memory, SECINFO_SLOT) : null);
                ConcurrentHashMap<Integer, CowSpace> views = new ConcurrentHashMap<>();
                views.put(0, new CowSpace(heap, d));
                return new State(memory, heap, new Arena(heap), views, new AtomicInteger(1));
            });
            r.set(GprSgx.RAX, fresh.views().size());
            return;
        }
        State s = ctx.enclavePrivate().get(State.class);
        if (s == null) {
            r.set(GprSgx.RAX, NOT_INITIALIZED);
            return;
        }
        long result;
        try {
            result = s.memory().call(ctx, () -> call(ctx, s, fn, a, b, c, d));
        } catch (EnclaveOutOfMemoryException e) {
            result = ENOMEM;
        }
        r.set(GprSgx.RAX, result);
    }

    private static long call(EnclaveContext ctx, State s, long fn, long a, long b, long c, long d) {
        if (fn == WRITE) {
            byte[] data = ctx.read(c, (int) d); // copy in from untrusted memory first
            s.views().get((int) a).write(b, data);
            return 0;
        } else if (fn == READ) {
            ctx.write(c, s.views().get((int) a).read(b, (int) d));
            return 0;
        } else if (fn == FORK) {
            int id = s.nextView().getAndIncrement();
            s.views().put(id, s.views().get((int) a).fork());
            return id;
        } else if (fn == FREE) {
            s.views().get((int) a).free(b, c);
            return 0;
        } else if (fn == CLOSE) {
            s.views().remove((int) a).close();
            return 0;
        } else if (fn == PAGES_IN_USE) {
            return s.heap().pagesInUse();
        } else if (fn == PAGES_COMMITTED) {
            return s.heap().pagesCommitted();
        } else if (fn == PAGES_COPIED) {
            return s.views().get((int) a).pagesCopied();
        } else if (fn == PRIVATE_PAGES) {
            return s.views().get((int) a).privatePages();
        } else if (fn == ARENA_ALLOCATE) {
            return s.arena().allocate((int) a);
        } else if (fn == ARENA_FREE) {
            s.arena().free(a);
            return 0;
        }
        throw new IllegalArgumentException("no ecall " + fn);
    }
}

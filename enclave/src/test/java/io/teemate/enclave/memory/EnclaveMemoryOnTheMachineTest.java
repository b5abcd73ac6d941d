package io.teemate.enclave.memory;

import io.teemate.sgx.AexEvent;
import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.PageFault;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.BareMetalLoader.LoadedEnclave;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.SigStruct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The heap and copy-on-write views inside a real enclave on the emulated machine: every byte goes through the
 * logical processor's SGX checks into EPC pages, and the heap grows with EDMM: the enclave's EACCEPT faults, this
 * test's host EAUGs a fresh EPC page on the fault (what Linux's sgx_vma_fault does) and ERESUMEs.
 */
class EnclaveMemoryOnTheMachineTest {
    private static final int PAGE = EnclaveMemory.PAGE_SIZE;
    private static final long BASE = 0x1_0000_0000L;
    private static final long UNTRUSTED = 0x1000_0000L;
    private static final int UNTRUSTED_PAGES = 8;
    private static final long AEP = 0x4242_0000L;
    private static final int COMMITTED = 4;
    private static final int GROWTH = 12;
    private static final long VIEW_SIZE = 6L * PAGE + 100;
    private static SigningKey key;

    private final Machine machine =
            Machine.builder().epcMiB(8).logicalProcessors(2).seed(77).build();
    private final MapPageTable pageTable = new MapPageTable();
    private final BareMetalLoader loader = new BareMetalLoader(machine);
    private final AtomicInteger augmented = new AtomicInteger();
    private LoadedEnclave enclave;
    private long heap;

    @BeforeAll
    static void signingKey() {
        key = SigningKey.generate();
    }

    /** Loads the test enclave with COMMITTED EADDed heap pages and ELRANGE room for {@code growth} more. */
    private void load(int growth) {
        for (int i = 0; i < UNTRUSTED_PAGES; i++) {
            pageTable.map(UNTRUSTED + (long) i * PAGE, new Pte(machine.dram().allocate(), true, false));
        }
        machine.processors().forEach(lp -> lp.loadCr3(pageTable));
        CodeImage image = machine.programs().register(new MemoryTestEnclave());
        EnclaveLayout built = EnclaveLayout.forProgram(image, 2, 2, 1, COMMITTED);
        long needed = built.end() + (long) growth * PAGE;
        EnclaveLayout layout =
                new EnclaveLayout(Long.highestOneBit(needed - 1) << 1, built.ssaFrameSize(), built.pages());
        SigStruct sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(true))
                .date(LocalDate.of(2026, 11, 25))
                .sign(key);
        enclave = loader.load(machine.processor(0), layout, sig, BASE, pageTable);
        heap = BASE + built.end() - (long) COMMITTED * PAGE;
    }

    /** The host's AEP handler: a not-present #PF inside the heap's growth range gets an EAUGed page, then ERESUME. */
    private final ExitHandler host = new ExitHandler() {
        private int nextFrame;

        @Override
        public synchronized AexAction onAex(LogicalProcessor lp, AexEvent event) {
            if (event.isInterrupt()) {
                return AexAction.ERESUME;
            }
            long la = event.pageAddress();
            boolean notPresent = event.cause() instanceof PageFault && (event.errorCode() & PageFault.PRESENT) == 0;
            if (!notPresent || la < heap + (long) COMMITTED * PAGE || la >= enclave.base() + enclave.size()) {
                return AexAction.ABORT;
            }
            long epc = machine.epc().address(machine.epc().frameCount() - 1 - nextFrame++);
            lp.eaug(la, enclave.secsPage(), epc); // SDM Vol.3D EAUG: a PENDING RW page the enclave must EACCEPT
            pageTable.map(la, new Pte(epc, true, false));
            augmented.incrementAndGet();
            return AexAction.ERESUME;
        }
    };

    private long callOn(int thread, long fn, long a, long b, long c, long d) {
        LogicalProcessor lp = machine.processor(thread);
        var r = lp.registers();
        r.set(GprSgx.RDI, fn);
        r.set(GprSgx.RSI, a);
        r.set(GprSgx.RDX, b);
        r.set(GprSgx.R8, c);
        r.set(GprSgx.R10, d);
        lp.eenter(enclave.tcsAddresses().get(thread), AEP, host);
        return r.get(GprSgx.RAX);
    }

    private long call(long fn, long a, long b, long c, long d) {
        return callOn(0, fn, a, b, c, d);
    }

    private long init(int maxPages) {
        return call(MemoryTestEnclave.INIT, heap - BASE, COMMITTED, maxPages, VIEW_SIZE);
    }

    /** Writes {@code data} into view {@code view} at {@code va} through an untrusted buffer of thread {@code thread}. */
    private long write(int thread, int view, long va, byte[] data) {
        long buffer = UNTRUSTED + (long) thread * 4 * PAGE;
        machine.processor(thread).write(buffer, data, 0, data.length);
        return callOn(thread, MemoryTestEnclave.WRITE, view, va, buffer, data.length);
    }

    private byte[] read(int thread, int view, long va, int len) {
        long buffer = UNTRUSTED + (long) thread * 4 * PAGE;
        assertThat(callOn(thread, MemoryTestEnclave.READ, view, va, buffer, len))
                .isZero();
        return machine.processor(thread).read(buffer, len);
    }

    private static byte[] filled(int len, int value) {
        byte[] b = new byte[len];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void copyOnWriteViewsLiveInEpcPagesAndTheHeapGrowsByEaugAndEaccept() {
        load(GROWTH);
        assertThat(init(COMMITTED + GROWTH)).isEqualTo(1);
        // Pages 0..2, written across page boundaries.
        assertThat(write(0, 0, PAGE - 50, filled(2 * PAGE + 50, 0x11))).isZero();
        assertThat(call(MemoryTestEnclave.PAGES_IN_USE, 0, 0, 0, 0)).isEqualTo(3);

        long fork = call(MemoryTestEnclave.FORK, 0, 0, 0, 0);
        assertThat(fork).isEqualTo(1);
        assertThat(call(MemoryTestEnclave.PAGES_IN_USE, 0, 0, 0, 0))
                .as("fork copies no page")
                .isEqualTo(3);

        assertThat(write(0, 0, PAGE + 8, filled(8, 0x22))).isZero();
        assertThat(call(MemoryTestEnclave.PAGES_COPIED, 0, 0, 0, 0)).isEqualTo(1);
        assertThat(call(MemoryTestEnclave.PAGES_IN_USE, 0, 0, 0, 0)).isEqualTo(4);
        assertThat(augmented.get())
                .as("the four EADDed heap pages suffice so far")
                .isZero();
        assertThat(read(0, 0, PAGE, 24)).containsExactly(concat(filled(8, 0x11), filled(8, 0x22), filled(8, 0x11)));
        assertThat(read(0, (int) fork, PAGE, 24))
                .as("the fork keeps its snapshot")
                .containsOnly(0x11);

        // Writing the whole space from the fork needs six private pages: the heap must grow by EDMM.
        assertThat(write(0, (int) fork, 0, filled((int) VIEW_SIZE, 0x33))).isZero();
        long committed = call(MemoryTestEnclave.PAGES_COMMITTED, 0, 0, 0, 0);
        assertThat(committed).isGreaterThan(COMMITTED);
        int grown = (int) committed - COMMITTED;
        assertThat(augmented.get()).isEqualTo(grown);
        var counters = machine.counters();
        assertThat(counters.count(SgxLeaf.EAUG)).isEqualTo(grown);
        // Each grown page: an EACCEPT that faults (AEX, host EAUG, ERESUME) and the re-executed one that succeeds.
        assertThat(counters.count(SgxLeaf.EACCEPT)).isEqualTo(2L * grown);
        assertThat(counters.count(SgxLeaf.AEX)).isGreaterThanOrEqualTo(grown);
        assertThat(read(0, (int) fork, VIEW_SIZE - 100, 100)).containsOnly(0x33);
        assertThat(read(0, 0, PAGE - 50, 50)).containsOnly(0x11);

        // The bytes are in EPC pages: from outside the enclave they read as the abort page (all 0xFF).
        LogicalProcessor outside = machine.processor(1);
        assertThat(outside.read(heap, 64)).containsOnly((byte) 0xFF);
        long grownPage = heap + (committed - 1) * PAGE;
        assertThat(outside.read(grownPage, 64)).containsOnly((byte) 0xFF);
        var pte = pageTable.lookup(grownPage);
        assertThat(machine.epc().contains(pte.physicalAddress())).isTrue();
        var epcm = machine.epcm().get(machine.epc().frameOf(pte.physicalAddress()));
        assertThat(epcm.valid()).isTrue();
        assertThat(epcm.pending()).as("accepted by the enclave").isFalse();
        assertThat(epcm.linearAddress()).isEqualTo(grownPage);

        assertThat(call(MemoryTestEnclave.CLOSE, fork, 0, 0, 0)).isZero();
        assertThat(call(MemoryTestEnclave.CLOSE, 0, 0, 0, 0)).isZero();
        assertThat(call(MemoryTestEnclave.PAGES_IN_USE, 0, 0, 0, 0)).isZero();
        assertThat(call(MemoryTestEnclave.PAGES_COMMITTED, 0, 0, 0, 0))
                .as("growth is kept for reuse")
                .isEqualTo(committed);
    }

    @Test
    void anSgx1HeapAnswersOutOfMemoryWithoutAskingTheHostForPages() {
        load(GROWTH);
        assertThat(init(COMMITTED)).isEqualTo(1);
        assertThat(write(0, 0, 0, filled(4 * PAGE, 1))).isZero();
        assertThat(write(0, 0, 4 * PAGE, filled(16, 2))).isEqualTo(MemoryTestEnclave.ENOMEM);
        assertThat(read(0, 0, 4 * PAGE, 16))
                .as("the failed write changed nothing")
                .containsOnly(0);
        assertThat(machine.counters().count(SgxLeaf.EAUG)).isZero();
        assertThat(machine.counters().count(SgxLeaf.EACCEPT)).isZero();
        assertThat(call(MemoryTestEnclave.FREE, 0, 0, 2 * PAGE, 0)).isZero();
        assertThat(write(0, 0, 4 * PAGE, filled(16, 2)))
                .as("freed pages are reused")
                .isZero();
        assertThat(read(0, 0, 0, 2 * PAGE)).containsOnly(0);
    }

    @Test
    void theArenaHandsOutEnclaveHeapMemory() {
        load(GROWTH);
        init(COMMITTED + GROWTH);
        long small = call(MemoryTestEnclave.ARENA_ALLOCATE, 40, 0, 0, 0);
        long large = call(MemoryTestEnclave.ARENA_ALLOCATE, 3 * PAGE, 0, 0, 0);
        assertThat(small).isBetween(heap, heap + (long) (COMMITTED + GROWTH) * PAGE);
        assertThat(small % 8).isZero();
        assertThat(large % PAGE).isZero();
        assertThat(call(MemoryTestEnclave.PAGES_IN_USE, 0, 0, 0, 0)).isEqualTo(4);
        assertThat(call(MemoryTestEnclave.ARENA_FREE, large, 0, 0, 0)).isZero();
        assertThatThrownBy(() -> call(MemoryTestEnclave.ARENA_FREE, large, 0, 0, 0))
                .as("a double free is an error inside the enclave, which aborts the thread")
                .hasMessageContaining("not a live allocation");
        assertThat(callOn(1, MemoryTestEnclave.PAGES_IN_USE, 0, 0, 0, 0)).isEqualTo(1);
    }

    @Test
    void aParentWritesOnOneEnclaveThreadWhileItsForkReadsAndWritesOnAnother() throws Exception {
        load(GROWTH);
        init(COMMITTED + GROWTH);
        assertThat(write(0, 0, 0, filled(3 * PAGE, 0x40))).isZero();
        int child = (int) call(MemoryTestEnclave.FORK, 0, 0, 0, 0);
        int rounds = 60;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> parent = threads.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    assertThat(write(0, 0, (long) (i % 3) * PAGE + 8 * i, filled(8, i)))
                            .isZero();
                }
            });
            Future<?> reader = threads.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    assertThat(read(1, child, (long) (i % 3) * PAGE, PAGE)).containsOnly(0x40);
                    if (i == rounds / 2) {
                        assertThat(write(1, child, 3 * PAGE, filled(2 * PAGE, 0x41)))
                                .isZero();
                    }
                }
            });
            parent.get(60, TimeUnit.SECONDS);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(read(0, child, 0, 3 * PAGE)).containsOnly(0x40);
        assertThat(read(0, child, 3 * PAGE, 2 * PAGE)).containsOnly(0x41);
        assertThat(read(0, 0, 3 * PAGE, 2 * PAGE)).containsOnly(0);
        assertThat(call(MemoryTestEnclave.PAGES_COPIED, 0, 0, 0, 0))
                .as("the parent copied each page it wrote once")
                .isEqualTo(3);
        assertThat(call(MemoryTestEnclave.PAGES_COPIED, child, 0, 0, 0)).isZero();
        assertThat(call(MemoryTestEnclave.PAGES_IN_USE, 0, 0, 0, 0))
                .as("3 parent copies + 3 snapshot + 2 child pages")
                .isEqualTo(8);
        assertThat(call(MemoryTestEnclave.PAGES_COMMITTED, 0, 0, 0, 0)).isEqualTo(8);
        assertThat(machine.counters().count(SgxLeaf.EAUG)).isEqualTo(4);
    }

    @Test
    void enclaveMemoryOfAContextAndAThreadBoundMemoryRefuseUseOutsideAnEntry() {
        ThreadBoundMemory memory = new ThreadBoundMemory();
        assertThat(memory.isBound()).isFalse();
        assertThatThrownBy(() -> memory.readLong(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no enclave context is bound");
        assertThatThrownBy(() -> EnclaveMemory.of((EnclaveContext) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void bindingsNestPerThreadAndAreUndoneInOrder() throws Exception {
        ThreadBoundMemory memory = new ThreadBoundMemory();
        EnclaveContext outer = new EnclaveContext(
                machine.processor(0), BASE, 1L << 20, 0, new io.teemate.sgx.program.EnclavePrivate());
        EnclaveContext inner = new EnclaveContext(
                machine.processor(1), BASE, 1L << 20, 0, new io.teemate.sgx.program.EnclavePrivate());
        ThreadBoundMemory.Binding first = memory.bind(outer);
        ThreadBoundMemory.Binding second = memory.bind(inner);
        assertThat(memory.context()).isSameAs(inner);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThat(other.submit(memory::isBound).get(10, TimeUnit.SECONDS))
                    .as("bindings are per thread")
                    .isFalse();
            Future<?> foreignClose = other.submit(first::close);
            assertThatThrownBy(() -> foreignClose.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class);
        } finally {
            other.shutdownNow();
        }
        second.close();
        assertThat(memory.context()).isSameAs(outer);
        first.close();
        assertThat(memory.isBound()).isFalse();
        assertThat(memory.call(outer, memory::context)).isSameAs(outer);
        assertThat(memory.isBound()).isFalse();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}

package io.teemate.host;

import io.teemate.host.controller.TcsLease;
import io.teemate.host.kernel.Process;
import io.teemate.sgx.EnclaveFaultException;
import io.teemate.sgx.EvictedPage;
import io.teemate.sgx.cost.SgxLeaf;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EPC reclaim: EBLOCK/ETRACK/EWB out, ELDU back in, ciphertext in host memory, tampering and replay detected. */
class PagingTest {
    private static final int EPC_PAGES = 96;
    private static final int HEAP_PAGES = 2 * EPC_PAGES;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HostRig rig = new HostRig(EPC_PAGES, 2);
    private final Process owner = rig.spawn("owner");
    private final HostRig.Built enclave = rig.build(owner, 2, HEAP_PAGES);

    private long call(Process p, long fn, long a, long b, long c) {
        try (TcsLease lease = rig.controller.acquireTcs(p, enclave.id(), WAIT)) {
            return p.run(ctx -> HostRig.ecall(ctx, lease.tcsAddress(), fn, a, b, c));
        }
    }

    private long heapOffset(int page) {
        return enclave.heap() - enclave.loaded().base() + 4096L * page;
    }

    /** An evicted heap page and its index, after the working set has cycled through the EPC. */
    private int someEvictedHeapPage() {
        for (int k = 0; k < HEAP_PAGES; k++) {
            if (rig.driver.evictedPage(enclave.id(), heapOffset(k)) != null) {
                return k;
            }
        }
        throw new AssertionError("no heap page is evicted");
    }

    @Test
    void aWorkingSetTwiceTheEpcRunsCorrectly() {
        assertThat(rig.driver.stats().enclaves().get(enclave.id()).evictedPages())
                .as("building an enclave larger than the EPC already evicts")
                .isPositive();
        call(owner, HeapProgram.FILL, enclave.heap(), HEAP_PAGES, 7);
        assertThat(call(owner, HeapProgram.CHECK, enclave.heap(), HEAP_PAGES, 7))
                .isZero();
        assertThat(call(owner, HeapProgram.CHECK, enclave.heap(), HEAP_PAGES, 8))
                .as("the check can fail")
                .isPositive();
        var counters = rig.machine.counters();
        assertThat(counters.count(SgxLeaf.EWB)).isGreaterThan(HEAP_PAGES);
        assertThat(counters.count(SgxLeaf.ELDU)).isGreaterThan(HEAP_PAGES);
        assertThat(rig.driver.stats().pagesInUse()).isLessThanOrEqualTo(EPC_PAGES);
    }

    @Test
    void theHostHoldsOnlyCiphertext() {
        call(owner, HeapProgram.FILL, enclave.heap(), HEAP_PAGES, 3);
        int k = someEvictedHeapPage();
        EvictedPage copy = rig.driver.evictedPage(enclave.id(), heapOffset(k));
        ByteBuffer plain = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 512; i++) {
            plain.putLong(HeapProgram.pattern(3, k, i));
        }
        byte[] contents = copy.contents();
        int equal = 0;
        for (int i = 0; i < 4096; i++) {
            equal += contents[i] == plain.array()[i] ? 1 : 0;
        }
        assertThat(equal).as("bytes equal to the plaintext: chance level only").isLessThan(64);
        assertThat(copy.linearAddress()).isEqualTo(enclave.loaded().base() + heapOffset(k));
    }

    @Test
    void aFlippedBitInAnEvictedPageFailsTheReloadInsteadOfReturningWrongData() {
        call(owner, HeapProgram.FILL, enclave.heap(), HEAP_PAGES, 5);
        int k = someEvictedHeapPage();
        rig.driver.evictedPage(enclave.id(), heapOffset(k)).contents()[100] ^= 0x04;
        assertThatThrownBy(() -> call(owner, HeapProgram.READ_LONG, enclave.heap() + 4096L * k, 0, 0))
                .isInstanceOf(EnclaveFaultException.class);
        assertThat(rig.driver.evictedPage(enclave.id(), heapOffset(k)))
                .as("still evicted, never loaded")
                .isNotNull();
        int other = (k + 1) % HEAP_PAGES;
        assertThat(call(owner, HeapProgram.READ_LONG, enclave.heap() + 4096L * other, 0, 0))
                .isEqualTo(HeapProgram.pattern(5, other, 0));
    }

    @Test
    void replayingAnOlderEvictedCopyFailsTheReload() {
        call(owner, HeapProgram.FILL, enclave.heap(), HEAP_PAGES, 9);
        int k = someEvictedHeapPage();
        long page = enclave.heap() + 4096L * k;
        EvictedPage old = rig.driver.evictedPage(enclave.id(), heapOffset(k)).copy();
        call(owner, HeapProgram.WRITE_LONG, page, 0xBAD, 0);
        for (int i = 0; i < 100 && rig.driver.evictedPage(enclave.id(), heapOffset(k)) == null; i++) {
            rig.driver.reclaim();
        }
        assertThat(rig.driver.evictedPage(enclave.id(), heapOffset(k)))
                .as("evicted again")
                .isNotNull();
        rig.driver.replaceEvictedPage(enclave.id(), heapOffset(k), old);
        assertThatThrownBy(() -> call(owner, HeapProgram.READ_LONG, page, 0, 0))
                .isInstanceOf(EnclaveFaultException.class);
    }

    @Test
    void pagesMappedIntoSeveralProcessesAreEvictedAndReloadedForAll() throws Exception {
        Process worker = rig.spawn("worker");
        rig.controller.alias(worker, enclave.id());
        int half = HEAP_PAGES / 2;
        Future<Long> a = owner.start(ctx -> {
            try (TcsLease lease = rig.controller.acquireTcs(owner, enclave.id(), WAIT)) {
                HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.FILL, enclave.heap(), half, 11);
                return HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.CHECK, enclave.heap(), half, 11);
            }
        });
        Future<Long> b = worker.start(ctx -> {
            try (TcsLease lease = rig.controller.acquireTcs(worker, enclave.id(), WAIT)) {
                long second = enclave.heap() + 4096L * half;
                HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.FILL, second, half, 12);
                return HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.CHECK, second, half, 12);
            }
        });
        assertThat(List.of(a.get(120, TimeUnit.SECONDS), b.get(120, TimeUnit.SECONDS)))
                .containsOnly(0L);
        assertThat(call(worker, HeapProgram.CHECK, enclave.heap(), half, 11))
                .as("the worker reads the owner's half")
                .isZero();
        assertThat(call(owner, HeapProgram.CHECK, enclave.heap() + 4096L * half, half, 12))
                .isZero();
        assertThat(rig.driver.stats().enclaves().get(enclave.id()).mappedProcesses())
                .isEqualTo(2);
    }
}

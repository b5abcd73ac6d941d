package io.teemate.sgx;

import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.SystemCost;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory-encryption cost model: the first access to an EPC page since the processor's last flush is charged
 * {@link SystemCost#EPC_PAGE_MISS}, later accesses to it are free, and every EENTER starts over (it flushes, SDM
 * Vol.3D 39.2).
 */
class EpcPageCacheTest {
    /** Reads RSI longs from the heap (R9), RDX bytes apart, in one entry. */
    public static final class Reader implements EnclaveProgram {
        @Override
        public void enter(EnclaveContext ctx) {
            var r = ctx.registers();
            long sum = 0;
            for (long i = 0; i < r.get(GprSgx.RSI); i++) {
                sum += ctx.readLong(r.get(GprSgx.R9) + i * r.get(GprSgx.RDX));
            }
            r.set(GprSgx.RAX, sum);
        }
    }

    private final Rig rig = new Rig(3);
    private final Rig.TestEnclave enclave = rig.load(new Reader(), 0x10_0000_0000L);

    private InstructionCounters.Snapshot read(long count, long stride) {
        InstructionCounters.Snapshot before = rig.machine.counters();
        rig.call(enclave, 0, count, stride);
        return rig.machine.counters().minus(before);
    }

    /**
     * Misses of an entry that reads nothing, after a first one (whose runtime touches its thread's state once): the
     * pages every entry touches besides the reads.
     */
    private long entryMisses() {
        read(0, 8);
        return read(0, 8).count(SystemCost.EPC_PAGE_MISS);
    }

    @Test
    void theFirstAccessToAPageMissesAndTheNextOnesInTheSameEntryAreFree() {
        long entry = entryMisses();
        InstructionCounters.Snapshot once = read(1, 8);
        InstructionCounters.Snapshot tenTimes = read(10, 8);

        assertThat(once.count(SystemCost.EPC_PAGE_MISS)).isEqualTo(entry + 1);
        assertThat(tenTimes.count(SystemCost.EPC_PAGE_MISS))
                .as("ten reads of one page, one entry")
                .isEqualTo(entry + 1);
        assertThat(tenTimes.totalCycles()).isEqualTo(once.totalCycles());
    }

    @Test
    void everyPageTouchedMissesOnceAndEachEntryStartsCold() {
        long entry = entryMisses();
        InstructionCounters.Snapshot fourPages = read(Rig.HEAP_PAGES, 4096);
        InstructionCounters.Snapshot again = read(Rig.HEAP_PAGES, 4096);

        assertThat(fourPages.count(SystemCost.EPC_PAGE_MISS)).isEqualTo(entry + Rig.HEAP_PAGES);
        assertThat(again.count(SystemCost.EPC_PAGE_MISS))
                .as("EENTER flushed the cache: the same pages miss again")
                .isEqualTo(entry + Rig.HEAP_PAGES);
        long perMiss = rig.machine.costModel().cycles(SystemCost.EPC_PAGE_MISS);
        assertThat(fourPages.totalCycles() - read(1, 8).totalCycles())
                .as("three more pages, three more misses")
                .isEqualTo(3 * perMiss);
    }

    @Test
    void aMachineWithoutTheSoftwareTlbChargesTheSameMisses() {
        Rig noTlb =
                new Rig(Machine.builder().epcMiB(8).seed(3).logicalProcessors(1).softwareTlb(false));
        Rig.TestEnclave e = noTlb.load(new Reader(), 0x10_0000_0000L);
        noTlb.call(e, 0, 0, 8);
        entryMisses();
        InstructionCounters.Snapshot before = noTlb.machine.counters();
        noTlb.call(e, 0, 10, 8);
        InstructionCounters.Snapshot tlbless = noTlb.machine.counters().minus(before);
        assertThat(tlbless.count(SystemCost.EPC_PAGE_MISS))
                .as("the cost model's cache is its own, not the emulator's TLB")
                .isEqualTo(read(10, 8).count(SystemCost.EPC_PAGE_MISS));
    }
}

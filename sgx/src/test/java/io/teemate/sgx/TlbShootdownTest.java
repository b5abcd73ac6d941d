package io.teemate.sgx;

import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.mmu.Pte;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The TLB is a cache: stale until flushed, and {@link LogicalProcessor#requestTlbShootdown} flushes it without an AEX. */
class TlbShootdownTest {
    private final Rig rig = new Rig(61);

    @Test
    void aShootdownMakesTheProcessorSeeTheNewMapping() {
        LogicalProcessor lp = rig.lp(1);
        long la = Rig.UNTRUSTED + 4096;
        lp.writeLong(la, 1);
        long other = rig.machine.dram().allocate();
        byte[] two = {2, 0, 0, 0, 0, 0, 0, 0};
        rig.machine.dram().write(other, two, 0, two.length);

        rig.pageTable.map(la, new Pte(other, true, false));
        assertThat(lp.readLong(la)).as("the cached translation is still used").isEqualTo(1);
        lp.requestTlbShootdown();
        assertThat(lp.readLong(la)).as("flushed at the next access").isEqualTo(2);
    }

    @Test
    void aShootdownInEnclaveModeIsNoAsyncExit() {
        Rig.TestEnclave e = rig.load(new TestProgram(), 0x1_0000_0000L);
        LogicalProcessor lp = rig.lp(0);
        rig.call(e, TestProgram.WRITE_LONG, 9, e.heap() + 8);
        ExitHandler noExits = (p, event) -> {
            throw new AssertionError("unexpected AEX " + event);
        };
        lp.requestTlbShootdown();
        assertThat(rig.call(lp, e, 0, noExits, TestProgram.READ_LONG, 0, e.heap() + 8, 0))
                .isEqualTo(9);
        lp.raiseInterrupt();
        lp.requestTlbShootdown();
        assertThat(rig.call(lp, e, 0, ExitHandler.RESUME_INTERRUPTS, TestProgram.READ_LONG, 0, e.heap() + 8, 0))
                .isEqualTo(9);
        assertThat(lp.counters().count(SgxLeaf.AEX))
                .as("only the interrupt exits")
                .isEqualTo(1);
    }

    @Test
    void withoutTheSoftwareTlbEveryAccessSeesTheCurrentMappingAndEnclaveAccessesGiveTheSameResults() {
        Rig noTlb = new Rig(
                Machine.builder().epcMiB(8).seed(61).logicalProcessors(4).softwareTlb(false));
        LogicalProcessor lp = noTlb.lp(1);
        long la = Rig.UNTRUSTED + 4096;
        lp.writeLong(la, 1);
        long other = noTlb.machine.dram().allocate();
        byte[] two = {2, 0, 0, 0, 0, 0, 0, 0};
        noTlb.machine.dram().write(other, two, 0, two.length);
        noTlb.pageTable.map(la, new Pte(other, true, false));
        assertThat(lp.readLong(la))
                .as("no cached translation: the new mapping at once")
                .isEqualTo(2);

        Rig.TestEnclave e = noTlb.load(new TestProgram(), 0x1_0000_0000L);
        noTlb.call(e, TestProgram.WRITE_LONG, 77, e.heap() + 16);
        assertThat(noTlb.call(e, TestProgram.READ_LONG, 0, e.heap() + 16)).isEqualTo(77);
    }
}

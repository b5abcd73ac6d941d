package io.teemate.sgx;

import io.teemate.sgx.loader.BareMetalLoader.MappedPage;
import io.teemate.sgx.mmu.Pte;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access rules of SDM Vol.3D "Enclave Access Control and Data Structures", checked on every enclave access, and
 * abort-page semantics outside.
 */
class EpcmAccessTest {
    private final Rig rig = new Rig(21);
    private final Rig.TestEnclave a = rig.load(new TestProgram(), 0x1_0000_0000L);
    private final Rig.TestEnclave b = rig.load(new TestProgram.Other(), 0x2_0000_0000L);

    private static long epcPageAt(Rig.TestEnclave e, long la) {
        for (MappedPage p : e.loaded().pages()) {
            if (p.linearAddress() == la) {
                return p.epcPage();
            }
        }
        throw new AssertionError("no page at " + Long.toHexString(la));
    }

    /** Runs READ_LONG at {@code la} in enclave A and returns the page fault that aborted it. */
    private PageFault faultReading(long la) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                EnclaveFaultException.class, () -> rig.call(a, TestProgram.READ_LONG, 0, la));
        assertThat(thrown).as("reading 0x%x must fault", la).isNotNull();
        assertThat(thrown.event().cause()).isInstanceOf(PageFault.class);
        return (PageFault) thrown.event().cause();
    }

    @Test
    void enclaveCodeReadsAndWritesItsOwnPages() {
        rig.call(a, TestProgram.WRITE_LONG, 0x1122334455667788L, a.heap() + 8);
        assertThat(rig.call(a, TestProgram.READ_LONG, 0, a.heap() + 8)).isEqualTo(0x1122334455667788L);
    }

    @Test
    void aPageReachedAtAnotherLinearAddressFaults() {
        long la = a.heap();
        rig.pageTable.map(la, new Pte(epcPageAt(a, la + 4096), true, false));
        PageFault pf = faultReading(la);
        assertThat(pf.isSgx()).isTrue();
        assertThat(pf.getMessage()).contains("EPCM records linear address");
    }

    @Test
    void anotherEnclavesPageFaultsEvenAtItsOwnOffset() {
        long la = a.heap();
        long bPage = epcPageAt(b, b.heap());
        rig.pageTable.map(la, new Pte(bPage, true, false));
        PageFault pf = faultReading(la);
        assertThat(pf.isSgx()).isTrue();
        assertThat(pf.getMessage()).contains("belongs to another enclave");
    }

    @Test
    void epcmPermissionsRestrictEvenWhenThePageTableAllows() {
        long code = a.loaded().base();
        rig.pageTable.map(code, new Pte(epcPageAt(a, code), true, true));
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                EnclaveFaultException.class, () -> rig.call(a, TestProgram.WRITE_LONG, 1, code + 64));
        PageFault pf = (PageFault) thrown.event().cause();
        assertThat(pf.isSgx()).isTrue();
        assertThat(pf.errorCode() & PageFault.WRITE).isNotZero();
        assertThat(pf.getMessage()).contains("deny WRITE");
        assertThat(thrown.event().pageAddress())
                .as("CR2 is page-granular after AEX")
                .isEqualTo(code);
    }

    @Test
    void aTcsPageIsNotDataButAnSsaPageIs() {
        PageFault pf = faultReading(a.tcs(0));
        assertThat(pf.getMessage()).contains("page type TCS is not accessible");
        rig.call(a, TestProgram.READ_LONG, 0, a.ssa(1, 0));
    }

    @Test
    void elrangeBackedByOrdinaryMemoryFaults() {
        long la = a.heap();
        rig.pageTable.map(la, new Pte(rig.machine.dram().allocate(), true, false));
        assertThat(faultReading(la).getMessage()).contains("non-EPC");
    }

    @Test
    void softwareOutsideTheEnclaveReadsOnesAndItsWritesAreDropped() {
        rig.call(a, TestProgram.WRITE_LONG, 42, a.heap());
        LogicalProcessor host = rig.lp(1);
        assertThat(host.read(a.heap(), 16)).containsOnly((byte) 0xFF);
        assertThat(host.readLong(a.heap())).isEqualTo(-1L);
        host.writeLong(a.heap(), 7);
        host.write(a.heap() + 8, new byte[] {1, 2, 3}, 0, 3);
        assertThat(rig.call(a, TestProgram.READ_LONG, 0, a.heap())).isEqualTo(42);
        assertThat(rig.call(a, TestProgram.READ_LONG, 0, a.heap() + 8)).isZero();
    }

    @Test
    void enclaveCodeReachingEpcOutsideItsElrangeGetsAbortPageSemanticsToo() {
        rig.call(b, TestProgram.WRITE_LONG, 99, b.heap());
        long alias = Rig.UNTRUSTED + 7 * 4096L;
        rig.pageTable.map(alias, new Pte(epcPageAt(b, b.heap()), true, false));
        assertThat(rig.call(a, TestProgram.READ_LONG, 0, alias)).isEqualTo(-1L);
    }

    @Test
    void theHostCannotEnterWhatIsNotATcs() {
        assertThatThrownBy(() -> rig.lp(0).eenter(a.heap(), Rig.AEP, ExitHandler.RESUME_INTERRUPTS))
                .isInstanceOf(PageFault.class)
                .hasMessageContaining("PT_TCS");
    }
}

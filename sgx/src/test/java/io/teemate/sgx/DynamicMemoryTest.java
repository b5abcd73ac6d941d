package io.teemate.sgx;

import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.loader.BareMetalLoader.LoadedEnclave;
import io.teemate.sgx.loader.BareMetalLoader.MappedPage;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** SGX2 EDMM: EAUG, EMODPR, EMODT from the kernel and EACCEPT, EACCEPTCOPY, EMODPE from the enclave (sgx.md section 6). */
class DynamicMemoryTest {
    private static final long REG_RW_PENDING =
            SecInfo.of(PageType.REG, PagePermissions.RW).flags() | SecInfo.FLAG_PENDING;

    private final Rig rig = new Rig(51);
    private final Rig.TestEnclave e = rig.load(new TestProgram(), 0x1_0000_0000L);
    private final LogicalProcessor kernel = rig.lp(0);
    private final long secs = e.loaded().secsPage();
    /** The first linear page of ELRANGE after the loaded layout: room for EAUG. */
    private final long free = e.loaded().base() + e.layout().end();

    private long freeEpc(int i) {
        return rig.machine.epc().address(rig.machine.epc().frameCount() - 1 - i);
    }

    private EpcmEntry epcm(long epc) {
        return rig.machine.epcm().get(rig.machine.epc().frameOf(epc));
    }

    private long epcPageAt(long la) {
        for (MappedPage p : e.loaded().pages()) {
            if (p.linearAddress() == la) {
                return p.epcPage();
            }
        }
        throw new AssertionError("no page at " + Long.toHexString(la));
    }

    /** What Linux's fault handler does for an address with no page: EAUG, then map it writable. */
    private void augment(long la, long epc) {
        assertThat(la + 4096)
                .as("room in ELRANGE")
                .isLessThanOrEqualTo(e.loaded().base() + e.layout().size());
        kernel.eaug(la, secs, epc);
        rig.pageTable.map(la, new Pte(epc, true, false));
    }

    private long enclave(long fn, long a, long b) {
        return rig.call(e, fn, a, b);
    }

    private PageFault faultOf(Runnable call) {
        var thrown = catchThrowableOfType(EnclaveFaultException.class, call::run);
        assertThat(thrown).as("the enclave access must fault").isNotNull();
        assertThat(thrown.event().cause()).isInstanceOf(PageFault.class);
        return (PageFault) thrown.event().cause();
    }

    @Test
    void eaugThenEacceptGivesTheEnclaveAZeroedRwPage() {
        long epc = freeEpc(0);
        augment(free, epc);
        EpcmEntry added = epcm(epc);
        assertThat(added.pending()).isTrue();
        assertThat(added.permissions()).isEqualTo(PagePermissions.RW);
        assertThat(added.enclave()).isSameAs(epcm(secs).enclave());

        assertThat(enclave(TestProgram.EACCEPT, REG_RW_PENDING, free)).isEqualTo(SgxStatus.SUCCESS.code());
        assertThat(epcm(epc).pending()).isFalse();
        assertThat(enclave(TestProgram.READ_LONG, 0, free + 64)).isZero();
        enclave(TestProgram.WRITE_LONG, 0xABCDL, free + 64);
        assertThat(enclave(TestProgram.READ_LONG, 0, free + 64)).isEqualTo(0xABCDL);
        assertThat(rig.machine.counters().count(SgxLeaf.EAUG)).isEqualTo(1);
        assertThat(rig.machine.counters().count(SgxLeaf.EACCEPT)).isEqualTo(1);
    }

    @Test
    void anAugmentedPageFaultsUntilAccepted() {
        augment(free, freeEpc(0));
        PageFault pf = faultOf(() -> enclave(TestProgram.READ_LONG, 0, free));
        assertThat(pf.isSgx()).isTrue();
        assertThat(pf.getMessage()).contains("PENDING");
    }

    @Test
    void eacceptMustDescribeThePageExactly() {
        augment(free, freeEpc(0));
        long rwx = SecInfo.of(PageType.REG, PagePermissions.RWX).flags() | SecInfo.FLAG_PENDING;
        long r = SecInfo.of(PageType.REG, PagePermissions.R).flags() | SecInfo.FLAG_PENDING;
        assertThat(enclave(TestProgram.EACCEPT, rwx, free)).isEqualTo(SgxStatus.PAGE_ATTRIBUTES_MISMATCH.code());
        assertThat(enclave(TestProgram.EACCEPT, r, free)).isEqualTo(SgxStatus.PAGE_ATTRIBUTES_MISMATCH.code());
        assertThat(enclave(TestProgram.EACCEPT, REG_RW_PENDING, e.heap() + 4096))
                .as("an ordinary page is not PENDING")
                .isEqualTo(SgxStatus.PAGE_ATTRIBUTES_MISMATCH.code());
        assertThat(epcm(freeEpc(0)).pending()).isTrue();
        assertThat(enclave(TestProgram.EACCEPT, REG_RW_PENDING, free)).isEqualTo(SgxStatus.SUCCESS.code());
        assertThat(enclave(TestProgram.EACCEPT, REG_RW_PENDING, free))
                .as("only once")
                .isEqualTo(SgxStatus.PAGE_ATTRIBUTES_MISMATCH.code());
    }

    @Test
    void eacceptFindsThePageItselfAndChecksItsLinearAddress() {
        long epc = freeEpc(0);
        augment(free, epc);
        long alias = free + 4096;
        assertThat(alias + 4096)
                .as("room in ELRANGE")
                .isLessThanOrEqualTo(e.loaded().base() + e.layout().size());
        rig.pageTable.map(alias, new Pte(epc, true, false));
        PageFault pf = faultOf(() -> enclave(TestProgram.EACCEPT, REG_RW_PENDING, alias));
        assertThat(pf.isSgx()).isTrue();
        assertThat(pf.address()).isEqualTo(alias);
        assertThat(epcm(epc).pending()).as("not accepted through the alias").isTrue();
        assertThat(enclave(TestProgram.EACCEPT, REG_RW_PENDING, free)).isEqualTo(SgxStatus.SUCCESS.code());
    }

    @Test
    void eaugChecksItsOperandsAndTheEnclave() {
        long size = e.layout().size();
        assertThatThrownBy(() -> kernel.eaug(e.loaded().base() + size, secs, freeEpc(0)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("outside ELRANGE");
        assertThatThrownBy(() -> kernel.eaug(free + 8, secs, freeEpc(0)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("aligned");
        assertThatThrownBy(() -> kernel.eaug(free, secs, epcPageAt(e.heap())))
                .isInstanceOf(PageFault.class)
                .hasMessageContaining("already valid");
        LoadedEnclave uninitialized =
                rig.loader.create(kernel, e.layout(), e.sigStruct().attributes(), 0, 0x2_0000_0000L, rig.pageTable);
        assertThatThrownBy(() ->
                        kernel.eaug(uninitialized.base() + e.layout().end(), uninitialized.secsPage(), freeEpc(0)))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("not initialized");
        assertThat(epcm(freeEpc(0)).valid()).isFalse();
    }

    @Test
    void emodprRestrictsToReadOnlyOnceTrackedAndAccepted() {
        long la = e.heap() + 4096;
        long epc = epcPageAt(la);
        enclave(TestProgram.WRITE_LONG, 42, la);
        long acceptR = SecInfo.of(PageType.REG, PagePermissions.R).flags() | SecInfo.FLAG_PR;

        assertThat(kernel.emodpr(SecInfo.of(PageType.REG, PagePermissions.R), epc))
                .isEqualTo(SgxStatus.SUCCESS);
        assertThat(epcm(epc).pr()).isTrue();
        assertThat(epcm(epc).permissions()).isEqualTo(PagePermissions.R);
        assertThat(enclave(TestProgram.EACCEPT, acceptR, la))
                .as("no ETRACK yet")
                .isEqualTo(SgxStatus.NOT_TRACKED.code());
        assertThat(kernel.etrack(secs)).isEqualTo(SgxStatus.SUCCESS);
        long acceptRw = SecInfo.of(PageType.REG, PagePermissions.RW).flags() | SecInfo.FLAG_PR;
        assertThat(enclave(TestProgram.EACCEPT, acceptRw, la))
                .as("RWX must be the restricted rights")
                .isEqualTo(SgxStatus.PAGE_ATTRIBUTES_MISMATCH.code());
        assertThat(enclave(TestProgram.EACCEPT, acceptR, la)).isEqualTo(SgxStatus.SUCCESS.code());
        assertThat(epcm(epc).pr()).isFalse();

        assertThat(enclave(TestProgram.READ_LONG, 0, la)).isEqualTo(42);
        PageFault pf = faultOf(() -> enclave(TestProgram.WRITE_LONG, 1, la));
        assertThat(pf.isSgx()).isTrue();
        assertThat(pf.errorCode() & PageFault.WRITE).isNotZero();
    }

    @Test
    void emodprAndEmodtRefuseAPageThatIsNotYetAccepted() {
        augment(free, freeEpc(0));
        assertThat(kernel.emodpr(SecInfo.of(PageType.REG, PagePermissions.R), freeEpc(0)))
                .isEqualTo(SgxStatus.PAGE_NOT_MODIFIABLE);
        assertThat(kernel.emodt(SecInfo.of(PageType.TRIM, PagePermissions.NONE), freeEpc(0)))
                .isEqualTo(SgxStatus.PAGE_NOT_MODIFIABLE);
        assertThat(epcm(freeEpc(0)).type()).isEqualTo(PageType.REG);
        assertThatThrownBy(() -> kernel.emodt(SecInfo.of(PageType.REG, PagePermissions.NONE), epcPageAt(e.heap())))
                .as("EMODT only to TCS or TRIM")
                .isInstanceOf(GeneralProtectionFault.class);
        assertThatThrownBy(() -> kernel.emodpr(SecInfo.of(PageType.REG, PagePermissions.R), epcPageAt(e.tcs(1))))
                .as("EMODPR only on PT_REG")
                .isInstanceOf(PageFault.class);
    }

    @Test
    void emodtToTrimThenEtrackAndEacceptLetsTheKernelRemoveThePage() {
        long la = e.heap() + 2 * 4096;
        long epc = epcPageAt(la);
        long trim = SecInfo.of(PageType.TRIM, PagePermissions.NONE).flags() | SecInfo.FLAG_MODIFIED;
        int children = epcm(secs).enclave().childCount;

        assertThat(kernel.emodt(SecInfo.of(PageType.TRIM, PagePermissions.NONE), epc))
                .isEqualTo(SgxStatus.SUCCESS);
        EpcmEntry trimmed = epcm(epc);
        assertThat(trimmed.type()).isEqualTo(PageType.TRIM);
        assertThat(trimmed.modified()).isTrue();
        assertThat(trimmed.permissions()).isEqualTo(PagePermissions.NONE);
        // Linux probes acceptance with EMODPR: SGX_PAGE_NOT_MODIFIABLE until accepted, #PF after.
        assertThat(kernel.emodpr(SecInfo.of(PageType.REG, PagePermissions.R), epc))
                .isEqualTo(SgxStatus.PAGE_NOT_MODIFIABLE);
        assertThat(enclave(TestProgram.EACCEPT, trim, la)).isEqualTo(SgxStatus.NOT_TRACKED.code());
        assertThat(kernel.etrack(secs)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(enclave(TestProgram.EACCEPT, trim, la)).isEqualTo(SgxStatus.SUCCESS.code());
        assertThat(epcm(epc).modified()).isFalse();
        assertThatThrownBy(() -> kernel.emodpr(SecInfo.of(PageType.REG, PagePermissions.R), epc))
                .isInstanceOf(PageFault.class);

        assertThat(kernel.eremove(epc)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(epcm(epc).valid()).isFalse();
        assertThat(epcm(secs).enclave().childCount).isEqualTo(children - 1);
    }

    @Test
    void eacceptcopyFillsAPendingPageAndEmodpeExtendsItsPermissions() {
        long source = e.heap() + 4096;
        enclave(TestProgram.WRITE_LONG, 0x600DL, source + 8);
        long epc = freeEpc(0);
        augment(free, epc);
        long readOnly = SecInfo.of(PageType.REG, PagePermissions.R).flags();

        assertThat(rig.call(
                        kernel, e, 0, ExitHandler.RESUME_INTERRUPTS, TestProgram.EACCEPTCOPY, readOnly, free, source))
                .isEqualTo(SgxStatus.SUCCESS.code());
        assertThat(epcm(epc).pending()).isFalse();
        assertThat(epcm(epc).permissions()).isEqualTo(PagePermissions.R);
        assertThat(enclave(TestProgram.READ_LONG, 0, free + 8)).isEqualTo(0x600DL);
        assertThat(rig.call(
                        kernel, e, 0, ExitHandler.RESUME_INTERRUPTS, TestProgram.EACCEPTCOPY, readOnly, free, source))
                .as("no longer PENDING")
                .isEqualTo(SgxStatus.PAGE_ATTRIBUTES_MISMATCH.code());
        PageFault pf = faultOf(() -> enclave(TestProgram.WRITE_LONG, 1, free + 8));
        assertThat(pf.getMessage()).contains("deny WRITE");

        enclave(TestProgram.EMODPE, PagePermissions.BIT_W, free);
        assertThat(epcm(epc).permissions()).isEqualTo(PagePermissions.RW);
        enclave(TestProgram.WRITE_LONG, 0xBEEFL, free + 8);
        assertThat(enclave(TestProgram.READ_LONG, 0, free + 8)).isEqualTo(0xBEEFL);
        assertThat(rig.machine.counters().count(SgxLeaf.EMODPE)).isEqualTo(1);
    }

    @Test
    void emodpeRefusesAPendingPage() {
        augment(free, freeEpc(0));
        PageFault pf = faultOf(() -> enclave(TestProgram.EMODPE, PagePermissions.BIT_X, free));
        assertThat(pf.isSgx()).isTrue();
        assertThat(epcm(freeEpc(0)).permissions()).isEqualTo(PagePermissions.RW);
    }

    @Test
    void anAcceptedEmodtToTcsIsANewThreadTheHostCanEnter() {
        long la = free;
        long epc = freeEpc(0);
        augment(la, epc);
        assertThat(enclave(TestProgram.EACCEPT, REG_RW_PENDING, la)).isEqualTo(SgxStatus.SUCCESS.code());
        long ssa = e.heap() + 3 * 4096;
        // Enclave code writes the new TCS: OSSA, CSSA = 0 / NSSA = 1, OENTRY = 0, FS/GS limits.
        enclave(TestProgram.WRITE_LONG, ssa - e.loaded().base(), la + 16);
        enclave(TestProgram.WRITE_LONG, 1L << 32, la + 24);
        enclave(TestProgram.WRITE_LONG, -1L, la + 64);

        assertThat(kernel.emodt(SecInfo.of(PageType.TCS, PagePermissions.NONE), epc))
                .isEqualTo(SgxStatus.SUCCESS);
        long acceptTcs = SecInfo.of(PageType.TCS, PagePermissions.NONE).flags() | SecInfo.FLAG_MODIFIED;
        assertThat(kernel.etrack(secs)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(enclave(TestProgram.EACCEPT, acceptTcs, la)).isEqualTo(SgxStatus.SUCCESS.code());

        LogicalProcessor lp = rig.lp(3);
        lp.registers().set(GprSgx.RDI, TestProgram.CSSA);
        lp.registers().set(GprSgx.R9, e.heap());
        lp.eenter(la, Rig.AEP, ExitHandler.RESUME_INTERRUPTS);
        assertThat(lp.registers().get(GprSgx.RAX))
                .as("ran the enclave's code through the new TCS")
                .isZero();
    }
}

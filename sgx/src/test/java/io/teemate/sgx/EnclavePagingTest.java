package io.teemate.sgx;

import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.loader.BareMetalLoader.MappedPage;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.Pcmd;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Secs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** EPA, EBLOCK, ETRACK, EWB, ELDB and ELDU (SDM Vol.3D ch.40; sgx.md section 5), driven as a kernel would. */
class EnclavePagingTest {
    private static final long OUT = Rig.UNTRUSTED + 2 * 4096;
    private static final byte PATTERN = 0x5A;

    private final Rig rig = new Rig(41);
    private final Rig.TestEnclave e = rig.load(new TestProgram(), 0x1_0000_0000L);
    private final LogicalProcessor kernel = rig.lp(0);
    private final long secs = e.loaded().secsPage();
    /** A heap page: not the scratch page TestProgram uses (heap()), and never a TCS or SSA page. */
    private final long page = e.heap() + 4096;

    private final long epcPage = epcPageAt(page);
    private final long vaPage = freeEpc(0);
    private final long slot = vaPage + 8 * 5;

    @BeforeEach
    void createVersionArray() {
        kernel.epa(vaPage);
    }

    private long epcPageAt(long la) {
        for (MappedPage p : e.loaded().pages()) {
            if (p.linearAddress() == la) {
                return p.epcPage();
            }
        }
        throw new AssertionError("no page at " + Long.toHexString(la));
    }

    /** EPC frames from the top of the EPC, which the loader (allocating from the bottom) never hands out. */
    private long freeEpc(int i) {
        return rig.machine.epc().address(rig.machine.epc().frameCount() - 1 - i);
    }

    private EpcmEntry epcm(long epc) {
        return rig.machine.epcm().get(rig.machine.epc().frameOf(epc));
    }

    private long eid() {
        return epcm(secs).enclave().eid();
    }

    /** EBLOCK, ETRACK, EWB as Linux's reclaimer does it; asserts each step. */
    private EvictedPage evict(long epc, long vaSlot) {
        assertThat(kernel.eblock(epc)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(kernel.etrack(secs)).isEqualTo(SgxStatus.SUCCESS);
        EvictedPage out = new EvictedPage();
        assertThat(kernel.ewb(epc, vaSlot, out)).isEqualTo(SgxStatus.SUCCESS);
        return out;
    }

    /** The enclave's view of a whole page, copied out by enclave code. */
    private byte[] enclaveReads(long la) {
        rig.call(kernel, e, 0, ExitHandler.RESUME_INTERRUPTS, TestProgram.COPY_OUT, la, OUT, 4096);
        return kernel.read(OUT, 4096);
    }

    /** The page the test fills: the pattern, with two marker longs at its ends. */
    private byte[] fillPage() {
        rig.call(e, TestProgram.FILL_PAGE, PATTERN, page);
        rig.call(e, TestProgram.WRITE_LONG, 0x1122334455667788L, page);
        rig.call(e, TestProgram.WRITE_LONG, 0x0102030405060708L, page + 4088);
        byte[] expected = enclaveReads(page);
        assertThat(expected[100]).isEqualTo(PATTERN);
        return expected;
    }

    private static boolean containsRun(byte[] data, byte value, int length) {
        int run = 0;
        for (byte b : data) {
            run = b == value ? run + 1 : 0;
            if (run >= length) {
                return true;
            }
        }
        return false;
    }

    @Test
    void ewbThenElduRestoresTheExactBytesAndTheEnclaveReadsThem() {
        byte[] expected = fillPage();
        EvictedPage out = evict(epcPage, slot);

        assertThat(epcm(epcPage).valid()).as("EWB frees the EPC page").isFalse();
        assertThat(rig.machine.epc().readPage(rig.machine.epc().frameOf(epcPage)))
                .as("and clears it")
                .containsOnly(0);
        assertThat(out.linearAddress()).isEqualTo(page);
        Pcmd pcmd = out.decodedPcmd();
        assertThat(pcmd.enclaveId()).isEqualTo(eid());
        assertThat(pcmd.secInfo()).isEqualTo(SecInfo.of(PageType.REG, PagePermissions.RW));
        assertThat(out.contents()).as("ciphertext, not the page").isNotEqualTo(expected);
        assertThat(containsRun(out.contents(), PATTERN, 16))
                .as("the fill pattern does not show through")
                .isFalse();
        var gone = catchThrowableOfType(
                EnclaveFaultException.class,
                () -> rig.call(kernel, e, 1, ExitHandler.RESUME_INTERRUPTS, TestProgram.READ_LONG, 0, page, 0));
        assertThat(((PageFault) gone.event().cause()).isSgx())
                .as("the evicted page is gone from the EPC")
                .isTrue();

        long target = freeEpc(1);
        assertThat(kernel.eldu(out, secs, target, slot)).isEqualTo(SgxStatus.SUCCESS);
        rig.pageTable.map(page, new Pte(target, true, false));
        EpcmEntry loaded = epcm(target);
        assertThat(loaded.valid()).isTrue();
        assertThat(loaded.blocked()).isFalse();
        assertThat(loaded.linearAddress()).isEqualTo(page);
        assertThat(loaded.permissions()).isEqualTo(PagePermissions.RW);
        assertThat(enclaveReads(page)).isEqualTo(expected);
        rig.call(e, TestProgram.WRITE_LONG, 99, page + 8);
        assertThat(rig.call(e, TestProgram.READ_LONG, 0, page + 8)).isEqualTo(99);

        assertThat(kernel.eldu(out, secs, freeEpc(2), slot))
                .as("the VA slot was cleared: no second load")
                .isEqualTo(SgxStatus.MAC_COMPARE_FAIL);
        assertThat(kernel.counters().count(SgxLeaf.EWB)).isEqualTo(1);
        assertThat(kernel.counters().count(SgxLeaf.ELDU)).isEqualTo(2);
    }

    @Test
    void anyChangeToTheEvictedPageFailsTheMacAndLoadsNothing() {
        fillPage();
        EvictedPage out = evict(epcPage, slot);
        long target = freeEpc(1);
        int targetFrame = rig.machine.epc().frameOf(target);
        int[][] pcmdFlips = {
            {Pcmd.OFFSET_MAC + 3, 0x10}, // the MAC itself
            {Pcmd.OFFSET_SECINFO, SecInfo.FLAG_X}, // claim execute permission
            {Pcmd.OFFSET_SECINFO + 1, 0x01}, // page type PT_REG (2) -> PT_VA (3)
            {Pcmd.OFFSET_ENCLAVEID, 0x01}, // another enclave
            {80, 0x01}, // a reserved byte
        };
        EvictedPage flippedContents = out.copy();
        flippedContents.contents()[1234] ^= 0x01;
        assertThat(kernel.eldu(flippedContents, secs, target, slot)).isEqualTo(SgxStatus.MAC_COMPARE_FAIL);
        for (int[] flip : pcmdFlips) {
            EvictedPage tampered = out.copy();
            tampered.pcmd()[flip[0]] ^= (byte) flip[1];
            assertThat(kernel.eldu(tampered, secs, target, slot))
                    .as("PCMD byte %d flipped", flip[0])
                    .isEqualTo(SgxStatus.MAC_COMPARE_FAIL);
        }
        EvictedPage moved = out.copy();
        moved.linearAddress(page + 4096);
        assertThat(kernel.eldu(moved, secs, target, slot))
                .as("another linear address")
                .isEqualTo(SgxStatus.MAC_COMPARE_FAIL);

        assertThat(epcm(target).valid()).as("nothing reached the EPCM").isFalse();
        assertThat(rig.machine.epc().readPage(targetFrame))
                .as("nothing reached the EPC page")
                .containsOnly(0);
        assertThat(kernel.eldu(out, secs, target, slot))
                .as("the slot survived the failures")
                .isEqualTo(SgxStatus.SUCCESS);
    }

    @Test
    void replayingAnOlderEvictionOfTheSamePageFails() {
        rig.call(e, TestProgram.WRITE_LONG, 1, page);
        EvictedPage old = evict(epcPage, slot).copy();
        long second = freeEpc(1);
        assertThat(kernel.eldu(old, secs, second, slot)).isEqualTo(SgxStatus.SUCCESS);
        rig.pageTable.map(page, new Pte(second, true, false));
        rig.call(e, TestProgram.WRITE_LONG, 2, page);
        EvictedPage newer = evict(second, slot);

        assertThat(kernel.eldu(old, secs, freeEpc(2), slot))
                .as("rollback to value 1")
                .isEqualTo(SgxStatus.MAC_COMPARE_FAIL);
        assertThat(kernel.eldu(newer, secs, freeEpc(2), slot)).isEqualTo(SgxStatus.SUCCESS);
        rig.pageTable.map(page, new Pte(freeEpc(2), true, false));
        assertThat(rig.call(e, TestProgram.READ_LONG, 0, page)).isEqualTo(2);
    }

    @Test
    void ewbWithoutEblockIsPageNotBlocked() {
        rig.call(e, TestProgram.WRITE_LONG, 5, page);
        assertThat(kernel.ewb(epcPage, slot, new EvictedPage())).isEqualTo(SgxStatus.PAGE_NOT_BLOCKED);
        assertThat(epcm(epcPage).valid()).isTrue();
        assertThat(rig.call(e, TestProgram.READ_LONG, 0, page)).isEqualTo(5);
    }

    @Test
    void ewbAfterEblockNeedsAnEtrackIssuedAfterTheBlock() {
        assertThat(kernel.etrack(secs))
                .as("an ETRACK before the EBLOCK does not count")
                .isEqualTo(SgxStatus.SUCCESS);
        assertThat(kernel.eblock(epcPage)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(kernel.ewb(epcPage, slot, new EvictedPage())).isEqualTo(SgxStatus.NOT_TRACKED);
        assertThat(epcm(epcPage).valid()).isTrue();
        assertThat(kernel.etrack(secs)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(kernel.ewb(epcPage, slot, new EvictedPage())).isEqualTo(SgxStatus.SUCCESS);
    }

    @Test
    void etrackWaitsForEveryThreadThatWasInsideToLeave() throws Exception {
        TestProgram.entered = new CountDownLatch(1);
        TestProgram.release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread inside = new Thread(() -> {
            try {
                rig.call(rig.lp(1), e, 0, ExitHandler.RESUME_INTERRUPTS, TestProgram.WAIT_INSIDE, 0, 0, 0);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        inside.start();
        try {
            assertThat(TestProgram.entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(kernel.eblock(epcPage)).isEqualTo(SgxStatus.SUCCESS);
            assertThat(kernel.etrack(secs)).isEqualTo(SgxStatus.SUCCESS);
            assertThat(kernel.etrack(secs)).as("LP1 has not left since").isEqualTo(SgxStatus.PREV_TRK_INCMPL);
            assertThat(kernel.ewb(epcPage, slot, new EvictedPage())).isEqualTo(SgxStatus.NOT_TRACKED);
            // A thread entering after the ETRACK is not waited for: it cannot hold a translation of the blocked page.
            assertThat(rig.call(rig.lp(2), e, 1, ExitHandler.RESUME_INTERRUPTS, TestProgram.CSSA, 0, 0, 0))
                    .isZero();
            assertThat(kernel.ewb(epcPage, slot, new EvictedPage())).isEqualTo(SgxStatus.NOT_TRACKED);
        } finally {
            TestProgram.release.countDown();
            inside.join(10_000);
        }
        assertThat(failure.get()).isNull();
        assertThat(kernel.ewb(epcPage, slot, new EvictedPage()))
                .as("after EEXIT")
                .isEqualTo(SgxStatus.SUCCESS);
        assertThat(kernel.etrack(secs)).isEqualTo(SgxStatus.SUCCESS);
    }

    @Test
    void aBlockedPageFaultsWithPfecSgxInsideTheEnclave() {
        rig.call(e, TestProgram.WRITE_LONG, 7, page);
        assertThat(kernel.eblock(epcPage)).isEqualTo(SgxStatus.SUCCESS);
        var thrown =
                catchThrowableOfType(EnclaveFaultException.class, () -> rig.call(e, TestProgram.READ_LONG, 0, page));
        PageFault pf = (PageFault) thrown.event().cause();
        assertThat(pf.isSgx()).isTrue();
        assertThat(pf.getMessage()).contains("BLOCKED");
        assertThat(thrown.event().pageAddress()).isEqualTo(page);
    }

    @Test
    void eldbLoadsThePageBlockedAndItCanGoStraightBackOut() {
        EvictedPage out = evict(epcPage, slot);
        long target = freeEpc(1);
        assertThat(kernel.eldb(out, secs, target, slot)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(epcm(target).blocked()).isTrue();
        assertThat(kernel.eblock(target)).isEqualTo(SgxStatus.BLKSTATE);
        // Blocked all along, so no processor can have cached it: no new ETRACK is needed.
        assertThat(kernel.ewb(target, slot, new EvictedPage())).isEqualTo(SgxStatus.SUCCESS);
    }

    @Test
    void eblockRefusesWhatCannotBeBlocked() {
        assertThat(kernel.eblock(freeEpc(3))).isEqualTo(SgxStatus.PG_INVLD);
        assertThat(kernel.eblock(secs)).isEqualTo(SgxStatus.PG_IS_SECS);
        assertThat(kernel.eblock(vaPage)).isEqualTo(SgxStatus.NOTBLOCKABLE);
        assertThat(kernel.eblock(epcPage)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(kernel.eblock(epcPage)).isEqualTo(SgxStatus.BLKSTATE);
        assertThat(kernel.eblock(epcPageAt(e.tcs(1))))
                .as("a TCS can be blocked")
                .isEqualTo(SgxStatus.SUCCESS);
    }

    @Test
    void epaAndVaSlotOperandsAreChecked() {
        assertThatThrownBy(() -> kernel.epa(vaPage))
                .isInstanceOf(PageFault.class)
                .hasMessageContaining("already valid");
        assertThat(epcm(vaPage).type()).isEqualTo(PageType.VA);
        assertThat(epcm(vaPage).enclave()).isNull();
        assertThat(kernel.eblock(epcPage)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(kernel.etrack(secs)).isEqualTo(SgxStatus.SUCCESS);
        assertThatThrownBy(() -> kernel.ewb(epcPage, slot + 4, new EvictedPage()))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("8-byte aligned");
        var notVa = catchThrowableOfType(
                PageFault.class, () -> kernel.ewb(epcPage, epcPageAt(e.heap()) + 8, new EvictedPage()));
        assertThat(notVa.isSgx()).isTrue();
        assertThat(notVa.getMessage()).contains("PT_VA");
        assertThatThrownBy(() -> kernel.ewb(epcPage, Rig.UNTRUSTED, new EvictedPage()))
                .isInstanceOf(PageFault.class);
        assertThatThrownBy(() -> kernel.ewb(vaPage, vaPage + 8, new EvictedPage()))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("same EPC page");
        assertThat(epcm(epcPage).valid()).as("no failed EWB touched the page").isTrue();
    }

    @Test
    void anOccupiedVaSlotIsRefusedAndThePageStays() {
        long other = epcPageAt(e.heap() + 2 * 4096);
        evict(epcPage, slot);
        assertThat(kernel.eblock(other)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(kernel.etrack(secs)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(kernel.ewb(other, slot, new EvictedPage())).isEqualTo(SgxStatus.VA_SLOT_OCCUPIED);
        assertThat(epcm(other).valid()).isTrue();
        assertThat(kernel.ewb(other, slot + 8, new EvictedPage())).isEqualTo(SgxStatus.SUCCESS);
    }

    @Test
    void aSecsWithChildrenCannotBeWrittenOut() {
        assertThat(kernel.ewb(secs, slot, new EvictedPage())).isEqualTo(SgxStatus.CHILD_PRESENT);
        assertThat(epcm(secs).valid()).isTrue();
    }

    @Test
    void aChildlessSecsGoesOutAndComesBackAtAnotherFrame() {
        long oldSecs = freeEpc(4);
        long base = 0x40_0000_0000L;
        kernel.ecreate(
                SecInfo.of(PageType.SECS, PagePermissions.NONE),
                new Secs(
                        0x10_0000L,
                        base,
                        1,
                        0,
                        EnclaveLayout.defaultAttributes(false),
                        new byte[32],
                        new byte[32],
                        new byte[64],
                        (short) 0,
                        (short) 0,
                        (short) 0),
                oldSecs);
        long childlessEid = epcm(oldSecs).enclave().eid();
        EvictedPage out = new EvictedPage();
        assertThat(kernel.ewb(oldSecs, slot, out)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(epcm(oldSecs).valid()).isFalse();
        assertThat(out.linearAddress()).isZero();
        assertThat(out.decodedPcmd().enclaveId())
                .as("PCMD.ENCLAVEID names the enclave for software")
                .isEqualTo(childlessEid);
        assertThatThrownBy(() -> kernel.etrack(oldSecs)).isInstanceOf(PageFault.class);

        long newSecs = freeEpc(5);
        assertThat(kernel.eldu(out, 0, newSecs, slot)).isEqualTo(SgxStatus.SUCCESS);
        assertThat(epcm(newSecs).type()).isEqualTo(PageType.SECS);
        assertThat(epcm(newSecs).enclave().eid()).isEqualTo(childlessEid);
        assertThat(kernel.etrack(newSecs)).isEqualTo(SgxStatus.SUCCESS);
        kernel.eadd(base, new byte[4096], SecInfo.of(PageType.REG, PagePermissions.RW), newSecs, freeEpc(6));
        assertThat(kernel.ewb(newSecs, slot, new EvictedPage())).isEqualTo(SgxStatus.CHILD_PRESENT);
    }

    @Test
    void aVersionArrayPageCanItselfBeEvictedAndReloaded() {
        byte[] expected = fillPage();
        EvictedPage data = evict(epcPage, slot);
        long otherVa = freeEpc(1);
        kernel.epa(otherVa);
        EvictedPage va = new EvictedPage();
        assertThat(kernel.ewb(vaPage, otherVa, va))
                .as("VA pages need no EBLOCK")
                .isEqualTo(SgxStatus.SUCCESS);
        assertThat(va.decodedPcmd().secInfo().pageType()).isEqualTo(PageType.VA);
        assertThat(va.decodedPcmd().enclaveId()).isZero();
        assertThatThrownBy(() -> kernel.eldu(data, secs, freeEpc(2), slot))
                .as("the slot's page is out")
                .isInstanceOf(PageFault.class);

        long reloadedVa = freeEpc(3);
        assertThat(kernel.eldu(va, 0, reloadedVa, otherVa)).isEqualTo(SgxStatus.SUCCESS);
        long movedSlot = reloadedVa + (slot - vaPage);
        assertThat(kernel.eldu(data, secs, freeEpc(2), movedSlot)).isEqualTo(SgxStatus.SUCCESS);
        rig.pageTable.map(page, new Pte(freeEpc(2), true, false));
        assertThat(enclaveReads(page)).isEqualTo(expected);
    }

    @Test
    void pagingLeavesAreRing0OnlyAndEnclaveLeavesEnclaveOnly() {
        Rig.TestEnclave other = rig.load(new EnclsInside(), 0x2_0000_0000L);
        var thrown = catchThrowableOfType(EnclaveFaultException.class, () -> rig.call(other, 0, secs, 0));
        assertThat(thrown.getCause())
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("ENCLS[ETRACK] in enclave mode");
        assertThat(kernel.etrack(secs)).as("the refused ETRACK changed nothing").isEqualTo(SgxStatus.SUCCESS);
        assertThatThrownBy(() -> kernel.eaccept(e.heap(), page)).isInstanceOf(InvalidOpcodeFault.class);
    }

    /** Enclave code that tries ETRACK on the SECS whose address the host passes in RSI. */
    public static final class EnclsInside implements EnclaveProgram {
        @Override
        public void enter(EnclaveContext ctx) {
            ctx.processor().etrack(ctx.registers().get(GprSgx.RSI));
        }
    }
}

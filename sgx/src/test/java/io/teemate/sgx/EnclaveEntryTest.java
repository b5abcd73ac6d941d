package io.teemate.sgx;

import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.loader.EnclavePage;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.struct.ExInfo;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SigStruct;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * EENTER, EEXIT, AEX and ERESUME (SDM Vol.3D "Enclave Operation" and "Enclave Exiting Events"), ocalls, and the
 * binding of code to enclave programs.
 */
class EnclaveEntryTest {
    private static final long OUT = Rig.UNTRUSTED + 2 * 4096;
    private final Rig rig = new Rig(31);
    private final Rig.TestEnclave e = rig.load(new TestProgram(), 0x1_0000_0000L);

    @Test
    void aBusyTcsCannotBeEnteredAgainButAnotherCan() throws Exception {
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
            assertThatThrownBy(
                            () -> rig.call(rig.lp(0), e, 0, ExitHandler.RESUME_INTERRUPTS, TestProgram.CSSA, 0, 0, 0))
                    .isInstanceOf(GeneralProtectionFault.class)
                    .hasMessageContaining("busy");
            assertThat(rig.lp(0).eremove(e.loaded().pages().get(0).epcPage()))
                    .as("no EREMOVE while a thread is inside")
                    .isEqualTo(SgxStatus.ENCLAVE_ACT);
            assertThat(rig.call(rig.lp(0), e, 1, ExitHandler.RESUME_INTERRUPTS, TestProgram.CSSA, 0, 0, 0))
                    .isZero();
        } finally {
            TestProgram.release.countDown();
            inside.join(10_000);
        }
        assertThat(failure.get()).isNull();
        assertThat(rig.call(rig.lp(0), e, 0, ExitHandler.RESUME_INTERRUPTS, TestProgram.CSSA, 0, 0, 0))
                .as("free again after EEXIT")
                .isZero();
    }

    @Test
    void anInterruptSavesStateInTheSsaAndEresumeRestoresIt() {
        List<AexEvent> events = new ArrayList<>();
        byte[][] ssaTail = new byte[1][];
        ExitHandler host = (lp, event) -> {
            events.add(event);
            // In-enclave exception handling: EENTER the same TCS with CSSA = 1, read SSA frame 0.
            rig.call(lp, e, 0, ExitHandler.RESUME_INTERRUPTS, TestProgram.COPY_SSA_TAIL, e.ssa(0, 0), OUT, 0);
            ssaTail[0] = lp.read(OUT, TestProgram.SSA_TAIL);
            assertThat(lp.registers().get(GprSgx.R12))
                    .as("nested entry ran with its own registers")
                    .isNotEqualTo(0xFEEDL);
            return ExitHandler.AexAction.ERESUME;
        };
        rig.call(e, TestProgram.WRITE_LONG, 1234, e.heap());
        LogicalProcessor lp = rig.lp(0);
        lp.registers().set(GprSgx.RSP, 0x7FFE_1000L);
        long rax = rig.call(lp, e, 0, host, TestProgram.MARK_INTERRUPT_READ, 0xFEED, e.heap(), 0);

        assertThat(rax).isEqualTo(1234);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).isInterrupt()).isTrue();
        assertThat(events.get(0).cssa()).as("CSSA after the AEX").isEqualTo(1);
        GprSgx saved = GprSgx.fromBytes(java.util.Arrays.copyOfRange(ssaTail[0], 16, TestProgram.SSA_TAIL));
        assertThat(saved.gprs()[GprSgx.R12]).isEqualTo(0xFEED);
        assertThat(saved.rip()).isEqualTo(e.loaded().base() + 0x777);
        assertThat(saved.exitInfo()).as("interrupts leave EXITINFO invalid").isZero();
        assertThat(saved.ursp()).as("EENTER saved the untrusted stack").isEqualTo(0x7FFE_1000L);
        assertThat(lp.registers().get(GprSgx.R12)).as("restored by ERESUME").isEqualTo(0xFEED);
        assertThat(rig.call(e, TestProgram.CSSA, 0, 0))
                .as("CSSA back to 0 after ERESUME")
                .isZero();
        assertThat(lp.counters().count(SgxLeaf.AEX)).isEqualTo(1);
        assertThat(lp.counters().count(SgxLeaf.ERESUME)).isEqualTo(1);
    }

    @Test
    void anEnclaveExceptionHandlerCanChangeTheStateEresumeRestores() {
        ExitHandler host = (lp, event) -> {
            rig.call(lp, e, 0, ExitHandler.RESUME_INTERRUPTS, TestProgram.SET_R12_IN_SSA, e.ssa(0, 0), 0xBEEF, 0);
            return ExitHandler.AexAction.ERESUME;
        };
        LogicalProcessor lp = rig.lp(0);
        rig.call(lp, e, 0, host, TestProgram.MARK_INTERRUPT_READ, 0xFEED, e.heap(), 0);
        assertThat(lp.registers().get(GprSgx.R12)).isEqualTo(0xBEEF);
    }

    @Test
    void aPageFaultTheHostRepairsIsRetriedAfterEresume() {
        rig.call(e, TestProgram.WRITE_LONG, 77, e.heap() + 4096);
        long la = e.heap() + 4096;
        Pte pte = rig.pageTable.unmap(la);
        rig.lp(0).flushTlb();
        List<AexEvent> events = new ArrayList<>();
        ExitHandler host = (lp, event) -> {
            events.add(event);
            rig.pageTable.map(event.pageAddress(), pte);
            return ExitHandler.AexAction.ERESUME;
        };
        assertThat(rig.call(rig.lp(0), e, 0, host, TestProgram.READ_LONG, 0, la + 8, 0))
                .isZero();
        assertThat(rig.call(rig.lp(0), e, 0, host, TestProgram.READ_LONG, 0, la, 0))
                .isEqualTo(77);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).vector()).isEqualTo(PageFault.VECTOR);
        assertThat(((PageFault) events.get(0).cause()).isSgx())
                .as("page tables, not EPCM")
                .isFalse();
        assertThat(events.get(0).pageAddress()).isEqualTo(la);
    }

    @Test
    void exinfoRecordsTheFaultWhenMiscselectAsksForIt() {
        Rig.TestEnclave withExinfo = rig.load(new TestProgram(), 0x3_0000_0000L, Rig.KEY, 1);
        long la = withExinfo.heap() + 8192;
        Pte pte = rig.pageTable.unmap(la);
        byte[][] tail = new byte[1][];
        ExitHandler host = (lp, event) -> {
            rig.call(
                    lp,
                    withExinfo,
                    0,
                    ExitHandler.RESUME_INTERRUPTS,
                    TestProgram.COPY_SSA_TAIL,
                    withExinfo.ssa(0, 0),
                    OUT,
                    0);
            tail[0] = lp.read(OUT, TestProgram.SSA_TAIL);
            rig.pageTable.map(la, pte);
            return ExitHandler.AexAction.ERESUME;
        };
        rig.call(rig.lp(0), withExinfo, 0, host, TestProgram.WRITE_LONG, 5, la + 24, 0);
        ExInfo exinfo = ExInfo.fromBytes(java.util.Arrays.copyOf(tail[0], 16));
        GprSgx gprs = GprSgx.fromBytes(java.util.Arrays.copyOfRange(tail[0], 16, TestProgram.SSA_TAIL));
        assertThat(exinfo.maddr()).as("full address inside the enclave").isEqualTo(la + 24);
        assertThat(exinfo.errcd() & PageFault.WRITE).isNotZero();
        assertThat(gprs.exitInfo()).isEqualTo(GprSgx.exitInfo(PageFault.VECTOR, GprSgx.EXIT_TYPE_HARDWARE));
    }

    @Test
    void anAbandonedThreadKeepsItsSsaFrameUntilNssaIsExhausted() {
        long unmapped = e.heap() + 4096;
        rig.pageTable.unmap(unmapped);
        for (int cssa = 0; cssa < Rig.NSSA; cssa++) {
            assertThat(rig.call(e, TestProgram.CSSA, 0, 0)).isEqualTo(cssa);
            var thrown = catchThrowableOfType(
                    EnclaveFaultException.class, () -> rig.call(e, TestProgram.READ_LONG, 0, unmapped));
            assertThat(thrown.event().cssa()).isEqualTo(cssa + 1);
        }
        assertThatThrownBy(() -> rig.call(e, TestProgram.CSSA, 0, 0))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("no free SSA frame");
    }

    @Test
    void anOcallLeavesTheEnclaveAndComesBackThroughTheSameTcs() {
        ExitHandler host = new ExitHandler() {
            @Override
            public AexAction onAex(LogicalProcessor lp, AexEvent event) {
                return AexAction.ABORT;
            }

            @Override
            public void onOcall(LogicalProcessor lp) {
                assertThat(lp.inEnclaveMode()).isFalse();
                assertThat(lp.read(e.heap(), 8)).as("outside: abort page").containsOnly((byte) 0xFF);
                lp.registers().set(GprSgx.RSI, 5);
            }
        };
        LogicalProcessor lp = rig.lp(2);
        assertThat(rig.call(lp, e, 1, host, TestProgram.OCALL_ADD, 37, 0, 0)).isEqualTo(42);
        assertThat(lp.counters().count(SgxLeaf.EENTER)).isEqualTo(2);
        assertThat(lp.counters().count(SgxLeaf.EEXIT)).isEqualTo(2);
    }

    @Test
    void aCrashInEnclaveCodeIsAnAexThatAbandonsTheThread() {
        var thrown = catchThrowableOfType(EnclaveFaultException.class, () -> rig.call(e, 999, 0, 0));
        assertThat(thrown.event().vector()).isEqualTo(InvalidOpcodeFault.VECTOR);
        assertThat(thrown.getCause())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no ecall 999");
        assertThat(rig.lp(0).inEnclaveMode()).isFalse();
        assertThat(rig.call(e, TestProgram.CSSA, 0, 0)).isEqualTo(1);
    }

    @Test
    void codeThatIsNoProgramOfThisMachineRaisesUd() {
        CodeImage notAProgram = CodeImage.of(List.of(Rig.class), "a class that is no enclave program");
        EnclaveLayout layout = Rig.layoutFor(notAProgram);
        var loaded = rig.loader.load(rig.lp(0), layout, Rig.sign(layout, Rig.KEY, 0), 0x5_0000_0000L, rig.pageTable);
        var thrown = catchThrowableOfType(
                EnclaveFaultException.class,
                () -> rig.lp(0).eenter(loaded.tcsAddresses().get(0), Rig.AEP, ExitHandler.RESUME_INTERRUPTS));
        assertThat(thrown.event().cause()).isInstanceOf(InvalidOpcodeFault.class);
        assertThat(thrown.getMessage()).contains("no enclave program of this machine");
    }

    @Test
    void anImageRunsTheProgramItsBytesNameWithoutRegistration() {
        // what a toolchain links: the machine decodes it at EENTER, nobody hands it the program object
        CodeImage other = CodeImage.of(new TestProgram.Other());
        EnclaveLayout layout = Rig.layoutFor(other);
        SigStruct sig = Rig.sign(layout, Rig.KEY, 0);
        var e = new Rig.TestEnclave(
                rig.loader.load(rig.lp(0), layout, sig, 0x5_0000_0000L, rig.pageTable), layout, sig);
        assertThat(rig.call(e, TestProgram.CSSA, 0, 0)).isEqualTo(0);
    }

    @Test
    void anImageWithAClassItsProgramDoesNotDeclareRaisesUd() {
        // every byte of the image must be the program's code: one class more is other code
        CodeImage padded = CodeImage.of(List.of(TestProgram.Other.class, Rig.class), "a program with a stowaway");
        EnclaveLayout layout = Rig.layoutFor(padded);
        var loaded = rig.loader.load(rig.lp(0), layout, Rig.sign(layout, Rig.KEY, 0), 0x5_0000_0000L, rig.pageTable);
        var thrown = catchThrowableOfType(
                EnclaveFaultException.class,
                () -> rig.lp(0).eenter(loaded.tcsAddresses().get(0), Rig.AEP, ExitHandler.RESUME_INTERRUPTS));
        assertThat(thrown.event().cause()).isInstanceOf(InvalidOpcodeFault.class);
    }

    @Test
    void anImageWhoseProgramFailsToNameItsCodeIsNoProgramOfThisMachine() {
        CodeImage codeless = CodeImage.of(List.of(TestProgram.Codeless.class), "a program that names no code");
        EnclaveLayout layout = Rig.layoutFor(codeless);
        var loaded = rig.loader.load(rig.lp(0), layout, Rig.sign(layout, Rig.KEY, 0), 0x5_0000_0000L, rig.pageTable);
        var thrown = catchThrowableOfType(
                EnclaveFaultException.class,
                () -> rig.lp(0).eenter(loaded.tcsAddresses().get(0), Rig.AEP, ExitHandler.RESUME_INTERRUPTS));
        assertThat(thrown.event().cause()).isInstanceOf(InvalidOpcodeFault.class);
        // decoded as no program (nothing of its code ran), not a crash of enclave code
        assertThat(thrown.getMessage()).contains("no enclave program of this machine");
    }

    @Test
    void changingOneByteOfCodeChangesMrenclaveAndUnbindsTheProgram() {
        EnclaveLayout good = Rig.layoutFor(rig.machine.programs().register(new TestProgram()));
        List<EnclavePage> pages = new ArrayList<>(good.pages());
        EnclavePage code = pages.get(0);
        byte[] patched = code.content();
        patched[200] ^= 1;
        pages.set(0, new EnclavePage(code.offset(), PageType.REG, code.permissions(), true, patched));
        EnclaveLayout evil = new EnclaveLayout(good.size(), good.ssaFrameSize(), pages);
        assertThat(evil.mrEnclave()).isNotEqualTo(good.mrEnclave());
        var loaded = rig.loader.load(rig.lp(0), evil, Rig.sign(evil, Rig.KEY, 0), 0x6_0000_0000L, rig.pageTable);
        assertThatThrownBy(() -> rig.lp(0).eenter(loaded.tcsAddresses().get(0), Rig.AEP, ExitHandler.RESUME_INTERRUPTS))
                .isInstanceOf(EnclaveFaultException.class)
                .hasMessageContaining("#UD");
    }
}

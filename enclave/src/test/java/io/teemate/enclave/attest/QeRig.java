package io.teemate.enclave.attest;

import io.teemate.abi.attest.PckCertificationRequest;
import io.teemate.abi.attest.QuotingEnclaveAbi;
import io.teemate.abi.attest.QuotingEnclaveImage;
import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.Registers;
import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.BareMetalLoader.LoadedEnclave;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.SigStruct;
import io.teemate.sgx.struct.TargetInfo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test fixture (the host module does this for real): a bare-metal machine with the quoting enclave and an
 * attesting application enclave loaded, some untrusted memory, and helpers for each ecall.
 */
final class QeRig {
    static final SigningKey QE_SIGNER = SigningKey.generate();
    static final SigningKey APP_SIGNER = SigningKey.generate();
    static final long AEP = 0x4242_0000L;
    static final long UNTRUSTED = 0x1000_0000L;
    static final int UNTRUSTED_PAGES = 16;
    static final long U_TARGETINFO = UNTRUSTED;
    static final long U_IDENTITY = UNTRUSTED + 512;
    static final long U_NONCE = UNTRUSTED + 1024;
    static final long U_REPORT = UNTRUSTED + 2048;
    static final long U_REQUEST = UNTRUSTED + 4096;
    static final long U_CERTS = UNTRUSTED + 2 * 4096;
    static final long U_QUOTE = UNTRUSTED + 8 * 4096;
    static final int QUOTE_CAPACITY = 8 * 4096;
    static final long QE_BASE = 0x1_0000_0000L;
    static final long APP_BASE = 0x2_0000_0000L;
    static final int APP_ISVSVN = 5;

    /** An enclave this rig loaded. */
    record Enclave(LoadedEnclave loaded, EnclaveLayout layout, SigStruct sigStruct) {
        long tcs() {
            return loaded.tcsAddresses().get(0);
        }

        byte[] mrEnclave() {
            return sigStruct.enclaveHash();
        }
    }

    final Machine machine;
    final BareMetalLoader loader;
    final MapPageTable pageTable = new MapPageTable();
    final Enclave qe;
    final Enclave app;

    /** A machine of fuse seed {@code seed} with a production QE and a non-debug application. */
    QeRig(long seed) {
        this(seed, false);
    }

    QeRig(long seed, boolean debugApp) {
        machine = Machine.builder().epcMiB(8).seed(seed).logicalProcessors(2).build();
        loader = new BareMetalLoader(machine);
        for (int i = 0; i < UNTRUSTED_PAGES; i++) {
            pageTable.map(UNTRUSTED + i * 4096L, new Pte(machine.dram().allocate(), true, false));
        }
        for (LogicalProcessor lp : machine.processors()) {
            lp.loadCr3(pageTable);
        }
        EnclaveLayout qeLayout = QuotingEnclaveImage.layout(machine.programs().register(new QuotingEnclave()));
        qe = load(qeLayout, QuotingEnclaveImage.sigStruct(qeLayout, QE_SIGNER), QE_BASE);
        EnclaveLayout appLayout = EnclaveLayout.forProgram(machine.programs().register(new AttestingApp()), 1, 1, 1, 0);
        app = load(appLayout, appSigStruct(appLayout, debugApp), APP_BASE);
    }

    static SigStruct appSigStruct(EnclaveLayout layout, boolean debug) {
        return SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(debug))
                .isvProdId(9)
                .isvSvn(APP_ISVSVN)
                .date(LocalDate.of(2026, 1, 1))
                .sign(APP_SIGNER);
    }

    Enclave load(EnclaveLayout layout, SigStruct sig, long base) {
        return new Enclave(loader.load(lp(), layout, sig, base, pageTable), layout, sig);
    }

    LogicalProcessor lp() {
        return machine.processor(0);
    }

    /** EENTER {@code e} with RDI = ecall and RSI, RDX, R8, R9, R10 = args; returns RAX. */
    long call(Enclave e, long ecall, long... args) {
        Registers r = lp().registers();
        int[] regs = {GprSgx.RSI, GprSgx.RDX, GprSgx.R8, GprSgx.R9, GprSgx.R10};
        r.set(GprSgx.RDI, ecall);
        for (int i = 0; i < regs.length; i++) {
            r.set(regs[i], i < args.length ? args[i] : 0);
        }
        lp().eenter(e.tcs(), AEP, ExitHandler.RESUME_INTERRUPTS);
        return r.get(GprSgx.RAX);
    }

    void write(long address, byte[] data) {
        lp().write(address, data, 0, data.length);
    }

    byte[] read(long address, int length) {
        return lp().read(address, length);
    }

    /** The QE's TARGETINFO, asked of the running QE. */
    TargetInfo qeTargetInfo() {
        assertThat(call(qe, QuotingEnclaveAbi.ECALL_TARGET_INFO, U_TARGETINFO)).isZero();
        return TargetInfo.fromBytes(read(U_TARGETINFO, TargetInfo.SIZE));
    }

    /** The application's REPORT for {@code target}, binding {@code identity} and {@code nonce}. */
    byte[] appReport(TargetInfo target, byte[] identity, byte[] nonce) {
        write(U_TARGETINFO, target.toBytes());
        write(U_IDENTITY, identity);
        write(U_NONCE, nonce);
        assertThat(call(app, AttestingApp.ECALL_REPORT, U_TARGETINFO, U_IDENTITY, U_NONCE, nonce.length, U_REPORT))
                .isZero();
        return read(U_REPORT, Report.SIZE);
    }

    PckCertificationRequest pckRequest() {
        assertThat(call(qe, QuotingEnclaveAbi.ECALL_PCK_REQUEST, U_REQUEST, PckCertificationRequest.SIZE))
                .isEqualTo(PckCertificationRequest.SIZE);
        return PckCertificationRequest.parse(read(U_REQUEST, PckCertificationRequest.SIZE));
    }

    /** ECALL_QUOTE of {@code report} with {@code certificationPem}; RAX. */
    long quoteCall(Enclave quoting, byte[] report, String certificationPem, long capacity) {
        byte[] certs = certificationPem.getBytes(StandardCharsets.US_ASCII);
        write(U_REPORT, report);
        write(U_CERTS, certs);
        return call(quoting, QuotingEnclaveAbi.ECALL_QUOTE, U_REPORT, U_QUOTE, capacity, U_CERTS, certs.length);
    }

    /** A quote of {@code report}; fails the test if the QE refuses. */
    byte[] quote(byte[] report, String certificationPem) {
        long length = quoteCall(qe, report, certificationPem, QUOTE_CAPACITY);
        assertThat(length).as("QE result").isPositive();
        return read(U_QUOTE, (int) length);
    }
}

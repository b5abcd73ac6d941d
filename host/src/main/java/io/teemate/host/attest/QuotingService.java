package io.teemate.host.attest;

import io.teemate.abi.attest.PckCertificationRequest;
import io.teemate.abi.attest.QuotingEnclaveAbi;
import io.teemate.abi.attest.QuotingEnclaveImage;
import io.teemate.abi.attest.pki.PlatformPki;
import io.teemate.abi.image.EnclaveBinaries;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.AnonymousMemory;
import io.teemate.host.kernel.Kernel;
import io.teemate.host.kernel.KernelException;
import io.teemate.host.kernel.Process;
import io.teemate.host.kernel.UserContext;
import io.teemate.host.loader.EnclaveLoader;
import io.teemate.sgx.CpuException;
import io.teemate.sgx.EnclaveFaultException;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.SigStruct;
import io.teemate.sgx.struct.TargetInfo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The platform's quoting stack on the emulated kernel, as the DCAP quote provider library and its daemon are on a
 * real SGX host: a {@code qe} process that loads the quoting enclave (the enclave binary
 * {@link QuotingEnclaveAbi#NAME}: bytes by name, as {@code libsgx_qe3.signed.so} is a file to the real library)
 * through the SGX driver (with {@code /dev/sgx_provision}, since the QE needs ATTRIBUTES.PROVISIONKEY for its PCK
 * key), asks it for its PCK
 * certification request once, has the platform's {@link PlatformPki} issue the PCK certificate (in DCAP the PCCS
 * fetches it from Intel's PCS), and then serves:
 * <ul>
 * <li>{@link #qeTargetInfo()}: the TARGETINFO an application enclave EREPORTs for ({@code sgx_qe_get_target_info});</li>
 * <li>{@link #quote(byte[])}: the QE's ECDSA quote v3 of such a REPORT, carrying the PEM PCK chain as certification
 *     data ({@code sgx_qe_get_quote});</li>
 * <li>{@link #rootCertificatePem()}: the trust anchor a verifier needs ({@code teemate attest verify --root}).</li>
 * </ul>
 * The QE's SIGSTRUCT is signed with this service's own RSA key, standing in for Intel's QE signing key. Calls are
 * thread-safe: each of the QE's TCSs has its own untrusted buffers, and a caller waits for a free one. Do not call
 * from inside another process's thread ({@link Process#run}): the QE runs on a thread of its own process, which
 * needs a logical processor of its own.
 */
public final class QuotingService implements AutoCloseable {
    /** Where the QE is placed in the {@code qe} process. */
    public static final long QE_BASE = 0x7e00_0000_0000L;

    static final long AEP = 0x40_1000L;
    static final long BUFFERS = 0x1000_0000L;
    /** Per TCS: a 4 KiB scratch (TARGETINFO, PCK request, REPORT), the certification data, then the quote. */
    private static final int OFFSET_SCRATCH = 0;

    private static final int OFFSET_CERTS = Memory.PAGE_SIZE;
    private static final int OFFSET_QUOTE = OFFSET_CERTS + QuotingEnclaveAbi.MAX_CERTIFICATION_DATA;
    private static final int QUOTE_CAPACITY = QuotingEnclaveAbi.quoteSize(QuotingEnclaveAbi.MAX_CERTIFICATION_DATA);
    private static final long SLOT_SIZE = pageAlign(OFFSET_QUOTE + (long) QUOTE_CAPACITY);

    private final Process process;
    private final PlatformPki pki;
    private final SigStruct qeSigStruct;
    private final long enclaveId;
    private final TargetInfo targetInfo;
    private final X509Certificate pckCertificate;
    private final String certificationChainPem;
    private final int certificationLength;
    private final BlockingQueue<Slot> freeSlots;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    /** One QE thread: its TCS and its untrusted buffers in the {@code qe} process. */
    private record Slot(long tcs, long buffers) {
        long scratch() {
            return buffers + OFFSET_SCRATCH;
        }

        long certs() {
            return buffers + OFFSET_CERTS;
        }

        long quote() {
            return buffers + OFFSET_QUOTE;
        }
    }

    /** Starts the quoting stack with a fresh RSA-3072 key standing in for Intel's QE signing key. */
    public static QuotingService start(Kernel kernel, SgxDriver driver, PlatformPki pki) {
        return start(kernel, driver, pki, SigningKey.generate());
    }

    /**
     * Starts the quoting stack on {@code kernel}: spawns the {@code qe} process, loads the QE signed by
     * {@code qeSigner}, and has {@code pki} certify the QE's PCK key. A failure at any step ends the process and
     * is a {@link QuotingException} naming the step.
     */
    public static QuotingService start(Kernel kernel, SgxDriver driver, PlatformPki pki, SigningKey qeSigner) {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(pki, "platform PKI");
        Objects.requireNonNull(qeSigner, "QE signing key");
        EnclaveLayout layout =
                QuotingEnclaveImage.layout(EnclaveBinaries.installed().program(QuotingEnclaveAbi.NAME));
        SigStruct sig = QuotingEnclaveImage.sigStruct(layout, qeSigner);
        Process process = kernel.spawn("qe", Path.of("/"));
        try {
            return new QuotingService(process, driver, pki, layout, sig);
        } catch (RuntimeException e) {
            process.exit();
            throw e instanceof QuotingException
                    ? e
                    : new QuotingException("the quoting service did not start: " + e.getMessage(), e);
        }
    }

    private QuotingService(Process process, SgxDriver driver, PlatformPki pki, EnclaveLayout layout, SigStruct sig) {
        this.process = process;
        this.pki = pki;
        this.qeSigStruct = sig;
        int threads = QuotingEnclaveImage.THREADS;
        process.addressSpace()
                .mmap(
                        BUFFERS,
                        SLOT_SIZE * threads,
                        PagePermissions.RW,
                        new AnonymousMemory(process.kernel().machine().dram()));
        EnclaveLoader.Loaded loaded;
        try {
            loaded = new EnclaveLoader(driver).load(process, layout, sig, QE_BASE, driver.openProvision(process));
        } catch (KernelException e) {
            throw new QuotingException("loading the quoting enclave failed: " + e.getMessage(), e);
        }
        this.enclaveId = loaded.id();
        List<Long> tcs = driver.tcsAddresses(enclaveId);
        this.freeSlots = new ArrayBlockingQueue<>(tcs.size());
        for (int i = 0; i < tcs.size(); i++) {
            freeSlots.add(new Slot(tcs.get(i), BUFFERS + i * SLOT_SIZE));
        }

        Slot first = freeSlots.peek();
        this.targetInfo = process.run(ctx -> {
            check(ecall(ctx, first, QuotingEnclaveAbi.ECALL_TARGET_INFO, first.scratch()), "ECALL_TARGET_INFO");
            return TargetInfo.fromBytes(ctx.read(first.scratch(), TargetInfo.SIZE));
        });
        PckCertificationRequest request = process.run(ctx -> {
            check(
                    ecall(
                            ctx,
                            first,
                            QuotingEnclaveAbi.ECALL_PCK_REQUEST,
                            first.scratch(),
                            PckCertificationRequest.SIZE),
                    "ECALL_PCK_REQUEST");
            return PckCertificationRequest.parse(ctx.read(first.scratch(), PckCertificationRequest.SIZE));
        });
        try {
            this.pckCertificate = pki.issuePckCertificate(request);
        } catch (IllegalArgumentException e) {
            throw new QuotingException(
                    "the platform PKI refused the quoting enclave's PCK request: " + e.getMessage(), e);
        }
        this.certificationChainPem = pki.certificationChainPem(pckCertificate);
        byte[] chain = certificationChainPem.getBytes(StandardCharsets.US_ASCII);
        if (chain.length > QuotingEnclaveAbi.MAX_CERTIFICATION_DATA) {
            throw new QuotingException(
                    "the PCK certificate chain is " + chain.length + " bytes; the QE takes at most "
                            + QuotingEnclaveAbi.MAX_CERTIFICATION_DATA,
                    0);
        }
        this.certificationLength = chain.length;
        process.run(ctx -> {
            for (Slot s : freeSlots) {
                ctx.write(s.certs(), chain);
            }
            return null;
        });
    }

    /**
     * The TARGETINFO of the running QE (MRENCLAVE, ATTRIBUTES, MISCSELECT), asked of it once at start: an
     * application enclave EREPORTs with it so that only this QE can check the REPORT's MAC.
     */
    public TargetInfo qeTargetInfo() {
        return targetInfo;
    }

    /**
     * The QE's ECDSA quote v3 of {@code report} (a 432-byte REPORT an enclave on this machine made for
     * {@link #qeTargetInfo()}), with the PEM PCK chain as certification data. A REPORT the QE cannot verify (made
     * for another target, altered, or forged) is a {@link QuotingException} with
     * {@code QuotingEnclaveAbi.ERROR_INVALID_REPORT}.
     */
    public byte[] quote(byte[] report) {
        Objects.requireNonNull(report, "report");
        if (report.length != Report.SIZE) {
            throw new IllegalArgumentException("a REPORT is " + Report.SIZE + " bytes, got " + report.length);
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new QuotingException("the quoting service is closed", 0);
            }
            Slot slot = take();
            try {
                return process.run(ctx -> {
                    ctx.write(slot.scratch(), report);
                    long length = ecall(
                            ctx,
                            slot,
                            QuotingEnclaveAbi.ECALL_QUOTE,
                            slot.scratch(),
                            slot.quote(),
                            QUOTE_CAPACITY,
                            slot.certs(),
                            certificationLength);
                    check(length, "ECALL_QUOTE");
                    if (length > QUOTE_CAPACITY) {
                        throw new QuotingException(
                                "the quoting enclave reported a quote of " + length + " bytes, more than the "
                                        + QUOTE_CAPACITY + "-byte buffer it was given",
                                0);
                    }
                    return ctx.read(slot.quote(), (int) length);
                });
            } finally {
                freeSlots.add(slot);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The platform's root CA certificate in PEM: what a verifier trusts. */
    public String rootCertificatePem() {
        return pki.rootCertificatePem();
    }

    public X509Certificate rootCertificate() {
        return pki.rootCertificate();
    }

    /** The PCK certificate the platform PKI issued for this QE's PCK key. */
    public X509Certificate pckCertificate() {
        return pckCertificate;
    }

    /** PCK certificate, platform CA and root in PEM: the certification data in every quote. */
    public String certificationChainPem() {
        return certificationChainPem;
    }

    public PlatformPki platform() {
        return pki;
    }

    /** The QE's SIGSTRUCT: its MRENCLAVE ({@code enclaveHash()}) and MRSIGNER ({@code mrSigner()}). */
    public SigStruct qeSigStruct() {
        return qeSigStruct;
    }

    /** The {@code qe} process that holds the quoting enclave. */
    public Process process() {
        return process;
    }

    /** The driver's id of the quoting enclave. */
    public long enclaveId() {
        return enclaveId;
    }

    /** Waits for quotes in progress, then ends the {@code qe} process (and with it the QE). */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            process.exit();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    // ------------------------------------------------------------------ internals

    private Slot take() {
        try {
            return freeSlots.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuotingException("interrupted while waiting for a free quoting enclave thread", e);
        }
    }

    /** EENTER the QE through {@code slot}'s TCS with RDI = ecall and RSI, RDX, R8, R9, R10 = args; returns RAX. */
    private static long ecall(UserContext ctx, Slot slot, long ecall, long... args) {
        var r = ctx.lp().registers();
        int[] regs = {GprSgx.RSI, GprSgx.RDX, GprSgx.R8, GprSgx.R9, GprSgx.R10};
        r.set(GprSgx.RDI, ecall);
        for (int i = 0; i < regs.length; i++) {
            r.set(regs[i], i < args.length ? args[i] : 0);
        }
        try {
            ctx.eenter(slot.tcs(), AEP, ctx.exits());
        } catch (EnclaveFaultException | CpuException e) {
            throw new QuotingException(
                    "the quoting enclave's thread was abandoned during " + name(ecall) + ": " + e.getMessage(), e);
        }
        return r.get(GprSgx.RAX);
    }

    private static void check(long rax, String call) {
        if (rax >= 0) {
            return;
        }
        QuotingEnclaveAbi.Status status = QuotingEnclaveAbi.Status.of(rax);
        String why = status == null ? "unknown error" : status.explanation();
        throw new QuotingException("the quoting enclave refused " + call + " (" + rax + "): " + why, rax);
    }

    private static String name(long ecall) {
        if (ecall == QuotingEnclaveAbi.ECALL_QUOTE) {
            return "ECALL_QUOTE";
        }
        return ecall == QuotingEnclaveAbi.ECALL_PCK_REQUEST ? "ECALL_PCK_REQUEST" : "ECALL_TARGET_INFO";
    }

    private static long pageAlign(long bytes) {
        return (bytes + Memory.PAGE_SIZE - 1) & -Memory.PAGE_SIZE;
    }

    @Override
    public String toString() {
        return "QuotingService[" + process + ", enclave " + enclaveId + ", " + pki.platformName() + "]";
    }
}

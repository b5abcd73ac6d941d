package io.teemate.enclave.attest;

import io.teemate.sgx.Registers;
import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.KeyRequest;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.ReportBody;
import io.teemate.sgx.struct.SigStruct;
import io.teemate.sgx.struct.TargetInfo;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The emulated quoting enclave (QE): it turns a local-attestation REPORT of an application enclave on this machine
 * into an ECDSA quote v3 that anyone holding the platform's root certificate can check (see {@link Quote}).
 *
 * <h2>Ecalls</h2> Ecall number in RDI; buffers are in untrusted memory; the result is in RAX (a negative value is one
 * of the {@code ERROR_*} codes).
 * <ul>
 * <li>{@link #ECALL_QUOTE}: RSI = a REPORT (432 B) the application made with EREPORT for the QE's TARGETINFO,
 *     RDX = output buffer, R8 = its capacity, R9 = certification data (the PEM PCK chain the platform's PKI issued
 *     for this QE), R10 = its length. RAX = the quote's length ({@link Quote#size(int, int)} tells it in advance).
 *     The QE checks the REPORT's MAC with its own REPORT key (EGETKEY with the report's KEYID, then AES-CMAC over the
 *     body: local attestation, SDM Vol.3D EREPORT and EGETKEY) and refuses a report it cannot verify with
 *     {@link #ERROR_INVALID_REPORT}; then it signs header || report body with its attestation key. The untrusted
 *     side supplies the certification data, as DCAP's quote library does; the QE does not vouch for it, the
 *     verifier checks it.</li>
 * <li>{@link #ECALL_PCK_REQUEST}: RSI = output buffer, RDX = its capacity. Writes a {@link PckCertificationRequest}
 *     (512 B): what the platform's PKI needs to issue this QE's PCK certificate. RAX = 512.</li>
 * <li>{@link #ECALL_TARGET_INFO}: RSI = output buffer (512 B). Writes the QE's TARGETINFO, taken from its own
 *     report (as {@code sgx_qe_get_target_info} does). RAX = 0.</li>
 * </ul>
 *
 * <h2>Keys</h2>
 * <ul>
 * <li><b>PCK key</b> (provisioning certification key, ECDSA P-256). In DCAP the PCE derives it from the platform's
 *     provisioning key. Here the QE itself does: EGETKEY(KEYNAME_PROVISION) with its own ISVSVN and CPUSVN, then
 *     HKDF-SHA256 to a P-256 scalar (FIPS 186-4 B.4.1). The PROVISION key is derived from the root provisioning
 *     fuse key, the QE's MRSIGNER, ISVPRODID and ISVSVN, the CPUSVN and the masked attributes, and not from the owner
 *     epoch (SDM Vol.3D EGETKEY, its table of key dependencies), so the PCK key is stable for a platform (machine fuses,
 *     {@code Machine.builder().seed(..)}) and a QE identity, survives a reload of the QE and changes with its SVN
 *     or signer. SEAL with a fixed KEYID would work too but would also change with the owner epoch; PROVISION is
 *     what the real PCE uses. The emulator grants it only to an enclave whose SIGSTRUCT asks for
 *     ATTRIBUTES.PROVISIONKEY, which {@link #sigStruct} does; a QE without it answers {@link #ERROR_NO_PROVISION_KEY}.</li>
 * <li><b>Attestation key</b> (ECDSA P-256): generated inside on first use from the processor's random source and kept
 *     in the enclave's {@link io.teemate.sgx.program.EnclavePrivate}; it dies with the enclave, like Intel's QE3 key
 *     that is regenerated when the QE is reloaded.</li>
 * <li><b>QE report</b>: when it makes the attestation key the QE EREPORTs itself with REPORTDATA =
 *     SHA-256(attestation public key || auth data) || 0^32 and signs that report body with the PCK key. Simplification:
 *     in DCAP the QE report targets the PCE, which checks it and signs it with the PCK key; here the QE holds the PCK
 *     key and signs its own report body, so there is no PCE.</li>
 * </ul>
 * Header: version 3, att_key_type 2, qe_svn = pce_svn = the QE's ISVSVN (the QE plays the PCE's part), vendor ID
 * {@link QuoteHeader#teemateQeVendorId()}, user_data = the first 16 bytes of SHA-256(PCK public key) (a QE ID, as
 * Intel's QE puts a QE ID there) followed by 4 zero bytes. Auth data: {@link #authData()}.
 * <p>Like every enclave program it keeps no Java fields: per-enclave state is in {@code ctx.enclavePrivate()}.
 */
public final class QuotingEnclave implements EnclaveProgram {
    public static final long ECALL_QUOTE = 1;
    public static final long ECALL_PCK_REQUEST = 2;
    public static final long ECALL_TARGET_INFO = 3;

    /** The REPORT's MAC does not verify with this QE's REPORT key: forged, altered, or made for another enclave. */
    public static final long ERROR_INVALID_REPORT = -1;
    /** The output buffer is smaller than the quote (or the 512-byte PCK request). */
    public static final long ERROR_BUFFER_TOO_SMALL = -2;
    /** The certification data length is negative or above {@link #MAX_CERTIFICATION_DATA}. */
    public static final long ERROR_CERTIFICATION_DATA = -3;
    /** EGETKEY(PROVISION) was refused: the QE was not launched with ATTRIBUTES.PROVISIONKEY. */
    public static final long ERROR_NO_PROVISION_KEY = -4;
    /** RDI named no ecall. */
    public static final long ERROR_UNKNOWN_ECALL = -5;

    /** Largest certification data the QE copies into a quote. */
    public static final int MAX_CERTIFICATION_DATA = 64 * 1024;
    public static final int THREADS = 2;
    public static final int NSSA = 2;
    public static final int SSA_FRAME_SIZE = 1;
    public static final int HEAP_PAGES = 0;
    public static final int ISVPRODID = 1;
    public static final int ISVSVN = 1;

    /** HKDF salt and info that turn the 128-bit PROVISION key into the PCK scalar. */
    static final String PCK_SALT = "TeeMate PCK v1";
    static final String PCK_INFO = "ECDSA P-256 provisioning certification key";

    private static final byte[] AUTH_DATA = authDataBytes();

    // Offsets in the thread-local page (FS base, 4 KiB aligned) where ENCLU operands are staged.
    private static final int TLS_TARGETINFO = 0;
    private static final int TLS_REPORTDATA = 512;
    private static final int TLS_REPORT = 1024;
    private static final int TLS_KEYREQUEST = 1536;
    private static final int TLS_KEY = 2048;

    /** The QE's per-enclave state, in {@code ctx.enclavePrivate()}. */
    private record QeState(BigInteger pckKey, byte[] pckPublicKey, BigInteger attestationKey,
                           byte[] attestationPublicKey, byte[] qeReportBody, byte[] qeReportSignature, short isvSvn) {
    }

    /**
     * The auth data this QE puts in every quote (sgx_ql_auth_data_t): the 32 bytes 0x00, 0x01, ..., 0x1f. DCAP lets
     * the attestation key's owner choose them; they are hashed with the attestation key into the QE report.
     */
    public static byte[] authData() {
        return AUTH_DATA.clone();
    }

    private static byte[] authDataBytes() {
        byte[] a = new byte[32];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) i;
        }
        return a;
    }

    @Override
    public List<Class<?>> codeClasses() {
        return List.of(QuotingEnclave.class, QeState.class, Quote.class, QuoteHeader.class, QuoteSignatureData.class,
                CertificationData.class, PckCertificationRequest.class, EcdsaP256.class);
    }

    @Override
    public void enter(EnclaveContext ctx) {
        Registers r = ctx.registers();
        long ecall = r.get(GprSgx.RDI);
        long result;
        if (ecall == ECALL_QUOTE) {
            result = quote(ctx, r.get(GprSgx.RSI), r.get(GprSgx.RDX), r.get(GprSgx.R8), r.get(GprSgx.R9), r.get(GprSgx.R10));
        } else if (ecall == ECALL_PCK_REQUEST) {
            result = pckRequest(ctx, r.get(GprSgx.RSI), r.get(GprSgx.RDX));
        } else if (ecall == ECALL_TARGET_INFO) {
            ctx.write(r.get(GprSgx.RSI), selfTargetInfo(selfReport(ctx, new byte[64])).toBytes());
            result = 0;
        } else {
            result = ERROR_UNKNOWN_ECALL;
        }
        r.set(GprSgx.RAX, result);
    }

    private static long quote(EnclaveContext ctx, long reportAddress, long output, long capacity,
                              long certAddress, long certLength) {
        if (certLength < 0 || certLength > MAX_CERTIFICATION_DATA) {
            return ERROR_CERTIFICATION_DATA;
        }
        // One read of the untrusted REPORT: the bytes whose MAC is checked are the bytes that get signed.
        byte[] raw = ctx.read(reportAddress, Report.SIZE);
        byte[] body = Arrays.copyOf(raw, ReportBody.SIZE);
        if (!macVerifies(ctx, raw, body)) {
            return ERROR_INVALID_REPORT;
        }
        QeState state = state(ctx);
        if (state == null) {
            return ERROR_NO_PROVISION_KEY;
        }
        int size = Quote.size(AUTH_DATA.length, (int) certLength);
        if (capacity < size) {
            return ERROR_BUFFER_TOO_SMALL;
        }
        byte[] certificationData = ctx.read(certAddress, (int) certLength);
        byte[] userData = Arrays.copyOf(Arrays.copyOf(EcdsaP256.sha256(state.pckPublicKey()), 16), QuoteHeader.USER_DATA_LENGTH);
        QuoteHeader header = new QuoteHeader(QuoteHeader.VERSION_3, QuoteHeader.ATT_KEY_TYPE_ECDSA_P256, 0,
                state.isvSvn(), state.isvSvn(), QuoteHeader.teemateQeVendorId(), userData);
        byte[] signed = new byte[Quote.SIGNED_LENGTH];
        System.arraycopy(header.toBytes(), 0, signed, Quote.OFFSET_HEADER, QuoteHeader.SIZE);
        System.arraycopy(body, 0, signed, Quote.OFFSET_REPORT_BODY, ReportBody.SIZE);
        QuoteSignatureData signature = new QuoteSignatureData(EcdsaP256.sign(state.attestationKey(), signed),
                state.attestationPublicKey(), state.qeReportBody(), state.qeReportSignature(), AUTH_DATA,
                new CertificationData(CertificationData.PCK_CERT_CHAIN, certificationData));
        byte[] quote = new Quote(header, body, signature).toBytes();
        ctx.write(output, quote);
        return quote.length;
    }

    /** Local attestation: EGETKEY(REPORT) with the report's KEYID, AES-CMAC over the 384-byte body, compare. */
    private static boolean macVerifies(EnclaveContext ctx, byte[] rawReport, byte[] body) {
        long tls = ctx.threadLocalBase();
        byte[] keyId = Arrays.copyOfRange(rawReport, Report.KEYID_OFFSET, Report.KEYID_OFFSET + Report.KEYID_LENGTH);
        byte[] mac = Arrays.copyOfRange(rawReport, Report.MAC_OFFSET, Report.MAC_OFFSET + Report.MAC_LENGTH);
        KeyRequest req = new KeyRequest(KeyRequest.KEYNAME_REPORT, (short) 0, (short) 0, new byte[16],
                new Attributes(0, 0), keyId, 0, (short) 0);
        ctx.write(tls + TLS_KEYREQUEST, req.toBytes());
        if (ctx.egetkey(tls + TLS_KEYREQUEST, tls + TLS_KEY) != SgxStatus.SUCCESS) {
            return false;
        }
        byte[] key = ctx.read(tls + TLS_KEY, 16);
        ctx.write(tls + TLS_KEY, new byte[16]);
        CMac cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(key));
        Arrays.fill(key, (byte) 0);
        cmac.update(body, 0, body.length);
        byte[] expected = new byte[16];
        cmac.doFinal(expected, 0);
        return MessageDigest.isEqual(expected, mac);
    }

    /** The QE's keys and QE report, made on first use; null if the PROVISION key is refused. */
    private static QeState state(EnclaveContext ctx) {
        QeState existing = ctx.enclavePrivate().get(QeState.class);
        if (existing != null) {
            return existing;
        }
        ReportBody self = ReportBody.fromBytes(selfReport(ctx, new byte[64]));
        BigInteger pck = pckKey(ctx, self);
        if (pck == null) {
            return null;
        }
        BigInteger attestation = EcdsaP256.randomScalar(new SecureRandom());
        byte[] attestationPublic = EcdsaP256.encode(EcdsaP256.publicKey(attestation));
        byte[] qeReportData = Arrays.copyOf(EcdsaP256.sha256(attestationPublic, AUTH_DATA), ReportBody.REPORTDATA_LENGTH);
        byte[] qeReportBody = selfReport(ctx, qeReportData);
        QeState made = new QeState(pck, EcdsaP256.encode(EcdsaP256.publicKey(pck)), attestation, attestationPublic,
                qeReportBody, EcdsaP256.sign(pck, qeReportBody), self.isvSvn());
        // Two threads may race to the first quote; one state wins and both use it.
        return ctx.enclavePrivate().computeIfAbsent(QeState.class, () -> made);
    }

    /** EGETKEY(PROVISION) for the QE's own ISVSVN and CPUSVN, then HKDF to a P-256 scalar; null if refused. */
    private static BigInteger pckKey(EnclaveContext ctx, ReportBody self) {
        long tls = ctx.threadLocalBase();
        KeyRequest req = new KeyRequest(KeyRequest.KEYNAME_PROVISION, KeyRequest.POLICY_MRSIGNER, self.isvSvn(),
                self.cpuSvn(), new Attributes(Attributes.INIT | Attributes.DEBUG, 0), new byte[32], 0, (short) 0);
        ctx.write(tls + TLS_KEYREQUEST, req.toBytes());
        if (ctx.egetkey(tls + TLS_KEYREQUEST, tls + TLS_KEY) != SgxStatus.SUCCESS) {
            return null;
        }
        byte[] key = ctx.read(tls + TLS_KEY, 16);
        ctx.write(tls + TLS_KEY, new byte[16]);
        BigInteger d = EcdsaP256.derivedScalar(key, PCK_SALT, PCK_INFO);
        Arrays.fill(key, (byte) 0);
        return d;
    }

    private static long pckRequest(EnclaveContext ctx, long output, long capacity) {
        QeState state = state(ctx);
        if (state == null) {
            return ERROR_NO_PROVISION_KEY;
        }
        if (capacity < PckCertificationRequest.SIZE) {
            return ERROR_BUFFER_TOO_SMALL;
        }
        byte[] body = selfReport(ctx, Arrays.copyOf(EcdsaP256.sha256(state.pckPublicKey()), ReportBody.REPORTDATA_LENGTH));
        byte[] signed = new PckCertificationRequest(state.pckPublicKey(), body, new byte[64]).signedBytes();
        PckCertificationRequest request = new PckCertificationRequest(state.pckPublicKey(), body,
                EcdsaP256.sign(state.pckKey(), signed));
        ctx.write(output, request.toBytes());
        return PckCertificationRequest.SIZE;
    }

    /**
     * The body of a REPORT the QE makes about itself with {@code reportData} (EREPORT for an all-zero TARGETINFO:
     * only the body is used, the MAC is not).
     */
    private static byte[] selfReport(EnclaveContext ctx, byte[] reportData) {
        long tls = ctx.threadLocalBase();
        ctx.write(tls + TLS_TARGETINFO, new byte[TargetInfo.SIZE]);
        ctx.write(tls + TLS_REPORTDATA, reportData);
        ctx.ereport(tls + TLS_TARGETINFO, tls + TLS_REPORTDATA, tls + TLS_REPORT);
        return ctx.read(tls + TLS_REPORT, ReportBody.SIZE);
    }

    private static TargetInfo selfTargetInfo(byte[] selfBody) {
        ReportBody b = ReportBody.fromBytes(selfBody);
        return new TargetInfo(b.mrEnclave(), b.attributes(), b.miscSelect());
    }

    // ---- Helpers for whoever loads the QE (the host, tests): layout, SIGSTRUCT, TARGETINFO. ----

    /**
     * The QE's enclave layout for its own code image, e.g. to predict its MRENCLAVE. To run it, a host must also
     * register the program with the machine ({@code machine.programs().register(new QuotingEnclave())}, which returns
     * the same image) so that EENTER finds it.
     */
    public static EnclaveLayout layout() {
        return layout(CodeImage.of(new QuotingEnclave()));
    }

    /** The QE's enclave layout for its registered code image: {@link #THREADS} threads, no heap. */
    public static EnclaveLayout layout(CodeImage code) {
        return EnclaveLayout.forProgram(code, THREADS, NSSA, SSA_FRAME_SIZE, HEAP_PAGES);
    }

    /** ATTRIBUTES the QE is launched with: 64-bit, PROVISIONKEY (for its PCK key), x87 + SSE; DEBUG if asked. */
    public static Attributes attributes(boolean debug) {
        return new Attributes(Attributes.MODE64BIT | Attributes.PROVISIONKEY | (debug ? Attributes.DEBUG : 0), 0x3);
    }

    /** A production (non-DEBUG) SIGSTRUCT for the QE, ISVPRODID {@link #ISVPRODID}, ISVSVN {@link #ISVSVN}. */
    public static SigStruct sigStruct(EnclaveLayout layout, SigningKey key) {
        return sigStruct(layout, key, false);
    }

    public static SigStruct sigStruct(EnclaveLayout layout, SigningKey key, boolean debug) {
        return SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(attributes(debug))
                .isvProdId(ISVPRODID).isvSvn(ISVSVN)
                .date(LocalDate.of(2026, 1, 1))
                .sign(key);
    }

    /**
     * The TARGETINFO an application enclave passes to EREPORT to make a report for the QE: the QE's MRENCLAVE, its
     * ATTRIBUTES after EINIT (the SIGSTRUCT's, plus INIT) and MISCSELECT, for a QE created from {@code sigStruct}'s
     * attributes as {@code BareMetalLoader} does. {@link #ECALL_TARGET_INFO} returns the same from the running QE.
     */
    public static TargetInfo targetInfo(SigStruct sigStruct) {
        return new TargetInfo(sigStruct.enclaveHash(), sigStruct.attributes().with(Attributes.INIT), sigStruct.miscSelect());
    }
}

package io.teemate.enclave.attest;

import io.teemate.abi.attest.CertificationData;
import io.teemate.abi.attest.EcdsaP256;
import io.teemate.abi.attest.PckCertificationRequest;
import io.teemate.abi.attest.Quote;
import io.teemate.abi.attest.QuoteHeader;
import io.teemate.abi.attest.QuoteSignatureData;
import io.teemate.abi.attest.QuotingEnclaveAbi;
import io.teemate.abi.attest.QuotingEnclaveImage;
import io.teemate.sgx.Registers;
import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.KeyRequest;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.ReportBody;
import io.teemate.sgx.struct.TargetInfo;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * The emulated quoting enclave (QE): it turns a local-attestation REPORT of an application enclave on this machine
 * into an ECDSA quote v3 that anyone holding the platform's root certificate can check (see {@link Quote}). This is
 * the program that runs at the QE's OENTRY and nothing else; its ecalls and status codes are
 * {@link QuotingEnclaveAbi}, its layout, SIGSTRUCT and identity {@link QuotingEnclaveImage} (both in the abi module,
 * shared with the host's quoting service and the verifier).
 *
 * <h2>Ecalls</h2>
 * <ul>
 * <li>{@link QuotingEnclaveAbi#ECALL_QUOTE}: the QE checks the REPORT's MAC with its own REPORT key (EGETKEY with the
 *     report's KEYID, then AES-CMAC over the body: local attestation, SDM Vol.3D EREPORT and EGETKEY) and refuses a
 *     report it cannot verify with {@link QuotingEnclaveAbi.Status#INVALID_REPORT}; then it signs header || report
 *     body with its attestation key.</li>
 * <li>{@link QuotingEnclaveAbi#ECALL_PCK_REQUEST}: a {@link PckCertificationRequest} signed by the PCK key.</li>
 * <li>{@link QuotingEnclaveAbi#ECALL_TARGET_INFO}: the QE's TARGETINFO from its own report.</li>
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
 *     ATTRIBUTES.PROVISIONKEY, which {@link QuotingEnclaveImage#sigStruct} does; a QE without it answers
 *     {@link QuotingEnclaveAbi.Status#NO_PROVISION_KEY}.</li>
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
 * Intel's QE puts a QE ID there) followed by 4 zero bytes. Auth data: {@link QuotingEnclaveAbi#authData()}.
 * <p>Like every enclave program it keeps no Java fields: per-enclave state is in {@code ctx.enclavePrivate()}.
 */
public final class QuotingEnclave implements EnclaveProgram {
    /** HKDF salt and info that turn the 128-bit PROVISION key into the PCK scalar. */
    static final String PCK_SALT = "TeeMate PCK v1";

    static final String PCK_INFO = "ECDSA P-256 provisioning certification key";

    private static final byte[] AUTH_DATA = QuotingEnclaveAbi.authData();

    // Offsets in the thread-local page (FS base, 4 KiB aligned) where ENCLU operands are staged.
    private static final int TLS_TARGETINFO = 0;
    private static final int TLS_REPORTDATA = 512;
    private static final int TLS_REPORT = 1024;
    private static final int TLS_KEYREQUEST = 1536;
    private static final int TLS_KEY = 2048;

    /** The QE's per-enclave state, in {@code ctx.enclavePrivate()}. */
    private record QeState(
            BigInteger pckKey,
            byte[] pckPublicKey,
            BigInteger attestationKey,
            byte[] attestationPublicKey,
            byte[] qeReportBody,
            byte[] qeReportSignature,
            short isvSvn) {}

    @Override
    public List<Class<?>> codeClasses() {
        return List.of(
                QuotingEnclave.class,
                QeState.class,
                Quote.class,
                QuoteHeader.class,
                QuoteSignatureData.class,
                CertificationData.class,
                PckCertificationRequest.class,
                EcdsaP256.class,
                QuotingEnclaveAbi.class,
                QuotingEnclaveAbi.Status.class);
    }

    @Override
    public void enter(EnclaveContext ctx) {
        Registers r = ctx.registers();
        long ecall = r.get(GprSgx.RDI);
        long result;
        if (ecall == QuotingEnclaveAbi.ECALL_QUOTE) {
            result = quote(
                    ctx, r.get(GprSgx.RSI), r.get(GprSgx.RDX), r.get(GprSgx.R8), r.get(GprSgx.R9), r.get(GprSgx.R10));
        } else if (ecall == QuotingEnclaveAbi.ECALL_PCK_REQUEST) {
            result = pckRequest(ctx, r.get(GprSgx.RSI), r.get(GprSgx.RDX));
        } else if (ecall == QuotingEnclaveAbi.ECALL_TARGET_INFO) {
            ctx.write(
                    r.get(GprSgx.RSI),
                    selfTargetInfo(selfReport(ctx, new byte[64])).toBytes());
            result = 0;
        } else {
            result = QuotingEnclaveAbi.ERROR_UNKNOWN_ECALL;
        }
        r.set(GprSgx.RAX, result);
    }

    private static long quote(
            EnclaveContext ctx, long reportAddress, long output, long capacity, long certAddress, long certLength) {
        if (certLength < 0 || certLength > QuotingEnclaveAbi.MAX_CERTIFICATION_DATA) {
            return QuotingEnclaveAbi.ERROR_CERTIFICATION_DATA;
        }
        // One read of the untrusted REPORT: the bytes whose MAC is checked are the bytes that get signed.
        byte[] raw = ctx.read(reportAddress, Report.SIZE);
        byte[] body = Arrays.copyOf(raw, ReportBody.SIZE);
        if (!macVerifies(ctx, raw, body)) {
            return QuotingEnclaveAbi.ERROR_INVALID_REPORT;
        }
        QeState state = state(ctx);
        if (state == null) {
            return QuotingEnclaveAbi.ERROR_NO_PROVISION_KEY;
        }
        int size = Quote.size(AUTH_DATA.length, (int) certLength);
        if (capacity < size) {
            return QuotingEnclaveAbi.ERROR_BUFFER_TOO_SMALL;
        }
        byte[] certificationData = ctx.read(certAddress, (int) certLength);
        byte[] userData =
                Arrays.copyOf(Arrays.copyOf(EcdsaP256.sha256(state.pckPublicKey()), 16), QuoteHeader.USER_DATA_LENGTH);
        QuoteHeader header = new QuoteHeader(
                QuoteHeader.VERSION_3,
                QuoteHeader.ATT_KEY_TYPE_ECDSA_P256,
                0,
                state.isvSvn(),
                state.isvSvn(),
                QuoteHeader.teemateQeVendorId(),
                userData);
        byte[] signed = new byte[Quote.SIGNED_LENGTH];
        System.arraycopy(header.toBytes(), 0, signed, Quote.OFFSET_HEADER, QuoteHeader.SIZE);
        System.arraycopy(body, 0, signed, Quote.OFFSET_REPORT_BODY, ReportBody.SIZE);
        QuoteSignatureData signature = new QuoteSignatureData(
                EcdsaP256.sign(state.attestationKey(), signed),
                state.attestationPublicKey(),
                state.qeReportBody(),
                state.qeReportSignature(),
                AUTH_DATA,
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
        KeyRequest req = new KeyRequest(
                KeyRequest.KEYNAME_REPORT, (short) 0, (short) 0, new byte[16], new Attributes(0, 0), keyId, 0, (short)
                        0);
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
        byte[] qeReportData =
                Arrays.copyOf(EcdsaP256.sha256(attestationPublic, AUTH_DATA), ReportBody.REPORTDATA_LENGTH);
        byte[] qeReportBody = selfReport(ctx, qeReportData);
        QeState made = new QeState(
                pck,
                EcdsaP256.encode(EcdsaP256.publicKey(pck)),
                attestation,
                attestationPublic,
                qeReportBody,
                EcdsaP256.sign(pck, qeReportBody),
                self.isvSvn());
        // Two threads may race to the first quote; one state wins and both use it.
        return ctx.enclavePrivate().computeIfAbsent(QeState.class, () -> made);
    }

    /** EGETKEY(PROVISION) for the QE's own ISVSVN and CPUSVN, then HKDF to a P-256 scalar; null if refused. */
    private static BigInteger pckKey(EnclaveContext ctx, ReportBody self) {
        long tls = ctx.threadLocalBase();
        KeyRequest req = new KeyRequest(
                KeyRequest.KEYNAME_PROVISION,
                KeyRequest.POLICY_MRSIGNER,
                self.isvSvn(),
                self.cpuSvn(),
                new Attributes(Attributes.INIT | Attributes.DEBUG, 0),
                new byte[32],
                0,
                (short) 0);
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
            return QuotingEnclaveAbi.ERROR_NO_PROVISION_KEY;
        }
        if (capacity < PckCertificationRequest.SIZE) {
            return QuotingEnclaveAbi.ERROR_BUFFER_TOO_SMALL;
        }
        byte[] body =
                selfReport(ctx, Arrays.copyOf(EcdsaP256.sha256(state.pckPublicKey()), ReportBody.REPORTDATA_LENGTH));
        byte[] signed = new PckCertificationRequest(state.pckPublicKey(), body, new byte[64]).signedBytes();
        PckCertificationRequest request =
                new PckCertificationRequest(state.pckPublicKey(), body, EcdsaP256.sign(state.pckKey(), signed));
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
}

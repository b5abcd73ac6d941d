package io.teemate.abi.attest.verify;

import io.teemate.abi.attest.CertificationData;
import io.teemate.abi.attest.EcdsaP256;
import io.teemate.abi.attest.Pem;
import io.teemate.abi.attest.Quote;
import io.teemate.abi.attest.QuoteFormatException;
import io.teemate.abi.attest.QuoteSignatureData;
import io.teemate.abi.attest.ReportDataBinding;
import io.teemate.abi.attest.verify.Expectations.Any;
import io.teemate.abi.attest.verify.Expectations.ContainerBinding;
import io.teemate.abi.attest.verify.Expectations.Exact;
import io.teemate.abi.attest.verify.Expectations.Matching;
import io.teemate.abi.attest.verify.Verification.Check;
import io.teemate.abi.attest.verify.Verification.CheckResult;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.ReportBody;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks an ECDSA quote v3 the way a DCAP quote verification library does, against a trusted platform root and the
 * verifier's expectations, and explains every failure in words. The checks, in order (each one runs even when an
 * earlier one failed, as long as what it needs could be read):
 * <ol>
 * <li>the bytes parse as a quote v3 ({@link Quote#parse});</li>
 * <li>the PCK certificate chain in the certification data leads to the trusted root: issuer names and signatures,
 *     validity at the expected time, CA basic constraints and key usage;</li>
 * <li>the QE report body is signed by the PCK certificate's key;</li>
 * <li>the QE report's REPORTDATA is SHA-256(attestation key || auth data) || 0^32, binding the attestation key;</li>
 * <li>the QE's own identity from its report: MRSIGNER (when expected), ISVPRODID and a minimum ISVSVN
 *     ({@link QeIdentity}, by default this project's QE), as DCAP verifiers check Intel's QE identity;</li>
 * <li>the quote (bytes [0, 432): header and report body) is signed by that attestation key;</li>
 * <li>MRENCLAVE, MRSIGNER and the minimum ISVSVN of the attesting enclave;</li>
 * <li>its REPORTDATA (exact bytes, {@link ReportDataBinding container identity and nonce}, or a predicate);</li>
 * <li>DEBUG: a debug enclave (or debug QE) is refused unless allowed, since its memory is readable by the host.</li>
 * </ol>
 * What is not checked: TCB levels and revocation (Intel's TCB info and CRLs have no emulated counterpart).
 */
public final class QuoteVerifier {
    private static final HexFormat HEX = HexFormat.of();

    private QuoteVerifier() {}

    public static Verification verify(byte[] quoteBytes, Expectations expected) {
        List<CheckResult> results = new ArrayList<>();
        Quote quote;
        try {
            quote = Quote.parse(quoteBytes);
        } catch (QuoteFormatException e) {
            results.add(new CheckResult(
                    Check.PARSE, false, "not an ECDSA quote v3: " + e.getMessage() + "; no other check can run"));
            return Verification.of(results, null);
        }
        results.add(new CheckResult(Check.PARSE, true, "ECDSA-P256 quote v3 of " + quoteBytes.length + " bytes"));
        QuoteSignatureData sig = quote.signatureData();

        ChainResult chain = checkChain(sig.certificationData(), expected);
        results.add(new CheckResult(Check.PCK_CERT_CHAIN, chain.problems.isEmpty(), chain.explanation()));

        if (chain.pckKey == null) {
            results.add(new CheckResult(
                    Check.QE_REPORT_SIGNATURE,
                    false,
                    "cannot be checked: the certification data holds no usable PCK certificate (see the chain check)"));
        } else if (EcdsaP256.verify(chain.pckKey, sig.rawQeReportBody(), sig.qeReportSignature())) {
            results.add(new CheckResult(
                    Check.QE_REPORT_SIGNATURE, true, "the QE report body is signed by the key of the PCK certificate"));
        } else {
            results.add(new CheckResult(
                    Check.QE_REPORT_SIGNATURE,
                    false,
                    "the QE report signature does not verify under"
                            + " the PCK certificate's key: the QE report or its signature was altered, or the certificate"
                            + " belongs to another quoting enclave or platform"));
        }

        ReportBody qeReport = sig.qeReportBody();
        byte[] binding = EcdsaP256.sha256(sig.attestationPublicKey(), sig.authData());
        byte[] qeData = qeReport.reportData();
        boolean bound = Arrays.equals(Arrays.copyOf(qeData, 32), binding)
                && Arrays.equals(Arrays.copyOfRange(qeData, 32, 64), new byte[32]);
        results.add(
                new CheckResult(
                        Check.QE_REPORT_DATA,
                        bound,
                        bound
                                ? "the QE report's REPORTDATA is SHA-256(attestation key || auth data) || 0^32"
                                : "the QE report's REPORTDATA is " + HEX.formatHex(qeData)
                                        + " but SHA-256(attestation key || auth data)"
                                        + " || 0^32 is " + HEX.formatHex(Arrays.copyOf(binding, 64))
                                        + ": the attestation key or the auth data in the quote is not the one the QE certified"));

        results.add(qeIdentity(qeReport, expected.qeIdentity()));

        ECPublicKeyParameters attestationKey = EcdsaP256.decodeOrNull(sig.attestationPublicKey());
        if (attestationKey == null) {
            results.add(new CheckResult(
                    Check.QUOTE_SIGNATURE, false, "the attestation public key in the quote is not a point on P-256"));
        } else if (EcdsaP256.verify(attestationKey, Arrays.copyOf(quoteBytes, Quote.SIGNED_LENGTH), sig.signature())) {
            results.add(new CheckResult(
                    Check.QUOTE_SIGNATURE,
                    true,
                    "header and report body (bytes 0..431) are signed by the attestation key"));
        } else {
            results.add(new CheckResult(
                    Check.QUOTE_SIGNATURE,
                    false,
                    "the signature over the header and report body"
                            + " (bytes 0..431) does not verify under the attestation key: the header, the report body or the"
                            + " signature was altered after the QE signed it"));
        }

        ReportBody body = quote.reportBody();
        results.add(measurement(
                Check.MRENCLAVE,
                "MRENCLAVE",
                body.mrEnclave(),
                expected.mrEnclave(),
                "the quote is for other enclave code"));
        results.add(measurement(
                Check.MRSIGNER,
                "MRSIGNER",
                body.mrSigner(),
                expected.mrSigner(),
                "the enclave was signed by another key"));
        int isvSvn = Short.toUnsignedInt(body.isvSvn());
        if (expected.minIsvSvn() == null) {
            results.add(new CheckResult(Check.ISVSVN, true, "ISVSVN is " + isvSvn + " (no minimum was given)"));
        } else {
            boolean fresh = isvSvn >= expected.minIsvSvn();
            results.add(new CheckResult(
                    Check.ISVSVN,
                    fresh,
                    "ISVSVN is " + isvSvn + (fresh ? ", at least " : ", below the minimum ") + expected.minIsvSvn()
                            + (fresh ? "" : ": an older, possibly vulnerable version of the enclave")));
        }
        results.add(reportData(body.reportData(), expected.reportData()));
        results.add(debug(body, qeReport, expected.allowDebug()));
        return Verification.of(results, quote);
    }

    /** The QE report's MRSIGNER, ISVPRODID and ISVSVN against the accepted QE identity, as DCAP's QE identity check. */
    private static CheckResult qeIdentity(ReportBody qe, QeIdentity expected) {
        List<String> problems = new ArrayList<>();
        byte[] mrSigner = qe.mrSigner();
        byte[] expectedSigner = expected.mrSigner();
        if (expectedSigner != null && !Arrays.equals(mrSigner, expectedSigner)) {
            problems.add(
                    "the QE's MRSIGNER is " + HEX.formatHex(mrSigner) + ", expected " + HEX.formatHex(expectedSigner)
                            + ": the quote was made by an enclave another key signed, not the platform's quoting enclave");
        }
        int prodId = Short.toUnsignedInt(qe.isvProdId());
        if (prodId != expected.isvProdId()) {
            problems.add("the QE's ISVPRODID is " + prodId + ", expected " + expected.isvProdId()
                    + ": another product of the signer, not its quoting enclave");
        }
        int svn = Short.toUnsignedInt(qe.isvSvn());
        if (svn < expected.minIsvSvn()) {
            problems.add("the QE's ISVSVN is " + svn + ", below the minimum " + expected.minIsvSvn()
                    + ": an older, possibly vulnerable quoting enclave");
        }
        if (!problems.isEmpty()) {
            return new CheckResult(Check.QE_IDENTITY, false, String.join("; ", problems));
        }
        return new CheckResult(
                Check.QE_IDENTITY,
                true,
                "the QE's MRSIGNER is " + HEX.formatHex(mrSigner)
                        + (expectedSigner == null ? " (not checked: no expected value given)" : " as expected")
                        + ", ISVPRODID " + prodId + ", ISVSVN " + svn + " (at least " + expected.minIsvSvn() + ")");
    }

    private static CheckResult measurement(Check check, String name, byte[] actual, byte[] expected, String meaning) {
        if (expected == null) {
            return new CheckResult(
                    check, true, name + " is " + HEX.formatHex(actual) + " (not checked: no expected value given)");
        }
        if (Arrays.equals(actual, expected)) {
            return new CheckResult(check, true, name + " is " + HEX.formatHex(actual) + " as expected");
        }
        return new CheckResult(
                check,
                false,
                name + " is " + HEX.formatHex(actual) + ", expected " + HEX.formatHex(expected) + ": " + meaning);
    }

    private static CheckResult reportData(byte[] actual, Expectations.ReportDataExpectation expectation) {
        return switch (expectation) {
            case Any a ->
                new CheckResult(
                        Check.REPORT_DATA,
                        true,
                        "REPORTDATA is " + HEX.formatHex(actual) + " (not checked: no expectation given)");
            case Exact e ->
                Arrays.equals(actual, e.reportData())
                        ? new CheckResult(Check.REPORT_DATA, true, "REPORTDATA is as expected")
                        : new CheckResult(
                                Check.REPORT_DATA,
                                false,
                                "REPORTDATA is " + HEX.formatHex(actual) + ", expected "
                                        + HEX.formatHex(e.reportData()));
            case ContainerBinding b -> containerBinding(actual, b);
            case Matching m ->
                m.predicate().test(actual.clone())
                        ? new CheckResult(Check.REPORT_DATA, true, "REPORTDATA is " + m.description())
                        : new CheckResult(
                                Check.REPORT_DATA,
                                false,
                                "REPORTDATA " + HEX.formatHex(actual) + " is not " + m.description());
        };
    }

    private static CheckResult containerBinding(byte[] actual, ContainerBinding expected) {
        byte[] identity = ReportDataBinding.containerIdentity(actual);
        byte[] nonceDigest = Arrays.copyOfRange(actual, ReportDataBinding.OFFSET_NONCE_DIGEST, 64);
        List<String> problems = new ArrayList<>();
        if (!Arrays.equals(identity, expected.containerIdentity())) {
            problems.add("the container identity (REPORTDATA bytes 0..31) is " + HEX.formatHex(identity) + ", expected "
                    + HEX.formatHex(expected.containerIdentity()) + ": the quote speaks for another container");
        }
        if (!Arrays.equals(nonceDigest, ReportDataBinding.nonceDigest(expected.nonce()))) {
            problems.add("REPORTDATA bytes 32..63 are not SHA-256 of the expected nonce "
                    + HEX.formatHex(expected.nonce()) + ": the quote answers another challenge (a replayed quote?)");
        }
        if (problems.isEmpty()) {
            return new CheckResult(
                    Check.REPORT_DATA,
                    true,
                    "REPORTDATA binds container identity " + HEX.formatHex(identity) + " and the expected nonce");
        }
        return new CheckResult(Check.REPORT_DATA, false, String.join("; ", problems));
    }

    private static CheckResult debug(ReportBody body, ReportBody qeReport, boolean allowDebug) {
        boolean appDebug = body.attributes().has(Attributes.DEBUG);
        boolean qeDebug = qeReport.attributes().has(Attributes.DEBUG);
        if (!appDebug && !qeDebug) {
            return new CheckResult(Check.DEBUG, true, "neither the enclave nor the quoting enclave is a DEBUG enclave");
        }
        String who = appDebug && qeDebug
                ? "the enclave and the quoting enclave are DEBUG enclaves"
                : appDebug ? "the enclave is a DEBUG enclave" : "the quoting enclave is a DEBUG enclave";
        if (allowDebug) {
            return new CheckResult(Check.DEBUG, true, who + " (allowed by the expectations)");
        }
        return new CheckResult(
                Check.DEBUG,
                false,
                who + ": the host can read and write its memory (EDBGRD/EDBGWR),"
                        + " so nothing it says can be trusted; allow DEBUG only for development");
    }

    /** What the chain check found: problems (empty = passed) and the PCK key if a leaf certificate was readable. */
    private record ChainResult(List<String> problems, ECPublicKeyParameters pckKey, String summary) {
        String explanation() {
            return problems.isEmpty() ? summary : String.join("; ", problems);
        }
    }

    private static ChainResult checkChain(CertificationData data, Expectations expected) {
        List<String> problems = new ArrayList<>();
        if (data.type() != CertificationData.PCK_CERT_CHAIN) {
            problems.add("the certification data is of type " + Short.toUnsignedInt(data.type())
                    + ", not 5 (PCK_CERT_CHAIN): this verifier needs the PCK certificate chain in the quote");
            return new ChainResult(problems, null, null);
        }
        List<X509Certificate> certs;
        try {
            certs = Pem.decodeAll(data.dataAsText());
        } catch (IllegalArgumentException e) {
            problems.add("the certification data is not a PEM certificate chain: " + e.getMessage());
            return new ChainResult(problems, null, null);
        }
        if (certs.size() < 2 || certs.size() > 3) {
            problems.add("the chain holds " + certs.size() + " certificate(s); expected the PCK certificate, the"
                    + " platform CA and optionally the root");
            return new ChainResult(problems, null, null);
        }
        X509Certificate leaf = certs.get(0);
        X509Certificate ca = certs.get(1);
        X509Certificate root = expected.trustedRoot();
        ECPublicKeyParameters pckKey = null;
        try {
            pckKey = EcdsaP256.fromJca(leaf.getPublicKey());
        } catch (IllegalArgumentException e) {
            problems.add("the PCK certificate's key is unusable: " + e.getMessage());
        }
        if (!signedBy(root, root)) {
            problems.add("the trusted root certificate " + subject(root) + " is not validly self-signed");
        }
        if (certs.size() == 3 && !sameCertificate(certs.get(2), root)) {
            problems.add("the chain in the quote ends at root " + subject(certs.get(2)) + " (key "
                    + keyFingerprint(certs.get(2)) + "), not at the trusted root " + subject(root) + " (key "
                    + keyFingerprint(root) + "): the quote was certified by another platform's PKI");
        }
        link(ca, "platform CA", root, "the trusted root", problems);
        link(leaf, "PCK certificate", ca, "the platform CA", problems);
        Date at = Date.from(expected.at());
        valid(root, "trusted root", at, problems);
        valid(ca, "platform CA", at, problems);
        valid(leaf, "PCK certificate", at, problems);
        if (root.getBasicConstraints() < 1) {
            problems.add("the trusted root " + subject(root) + " is not a CA that may certify an intermediate CA"
                    + " (basic constraints)");
        }
        if (ca.getBasicConstraints() < 0) {
            problems.add("the platform CA " + subject(ca) + " is not a CA (basic constraints)");
        }
        if (!usage(ca, 5)) {
            problems.add("the platform CA " + subject(ca) + " may not sign certificates (key usage lacks keyCertSign)");
        }
        if (leaf.getBasicConstraints() >= 0) {
            problems.add(
                    "the PCK certificate " + subject(leaf) + " is a CA certificate, not an end-entity PCK certificate");
        }
        if (!usage(leaf, 0)) {
            problems.add("the PCK certificate " + subject(leaf) + " may not sign (key usage lacks digitalSignature)");
        }
        String summary = "PCK certificate " + subject(leaf) + " <- platform CA " + subject(ca) + " <- trusted root "
                + subject(root) + ": signatures, validity at " + expected.at() + " and CA constraints hold";
        return new ChainResult(problems, pckKey, summary);
    }

    /** Checks that {@code child} names {@code parent} as issuer and carries its signature. */
    private static void link(
            X509Certificate child, String childName, X509Certificate parent, String parentName, List<String> problems) {
        if (!child.getIssuerX500Principal().equals(parent.getSubjectX500Principal())) {
            problems.add("the " + childName + " " + subject(child) + " was issued by '"
                    + child.getIssuerX500Principal().getName() + "', not by " + parentName + " " + subject(parent));
        }
        if (!signedBy(child, parent)) {
            problems.add("the " + childName + "'s signature does not verify under the key of " + parentName);
        }
    }

    private static boolean signedBy(X509Certificate child, X509Certificate parent) {
        try {
            child.verify(parent.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void valid(X509Certificate c, String name, Date at, List<String> problems) {
        try {
            c.checkValidity(at);
        } catch (CertificateExpiredException e) {
            problems.add("the " + name + " " + subject(c) + " expired on "
                    + c.getNotAfter().toInstant() + " (checked at " + at.toInstant() + ")");
        } catch (CertificateNotYetValidException e) {
            problems.add("the " + name + " " + subject(c) + " is not valid before "
                    + c.getNotBefore().toInstant() + " (checked at " + at.toInstant() + ")");
        }
    }

    private static boolean usage(X509Certificate c, int bit) {
        boolean[] usage = c.getKeyUsage();
        return usage == null || (usage.length > bit && usage[bit]);
    }

    private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static String subject(X509Certificate c) {
        return "'" + c.getSubjectX500Principal().getName() + "'";
    }

    private static String keyFingerprint(X509Certificate c) {
        return "sha256:" + HEX.formatHex(EcdsaP256.sha256(c.getPublicKey().getEncoded()), 0, 8);
    }
}

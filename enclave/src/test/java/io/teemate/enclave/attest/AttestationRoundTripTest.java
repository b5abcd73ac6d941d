package io.teemate.enclave.attest;

import io.teemate.abi.attest.CertificationData;
import io.teemate.abi.attest.EcdsaP256;
import io.teemate.abi.attest.PckCertificationRequest;
import io.teemate.abi.attest.Quote;
import io.teemate.abi.attest.QuoteHeader;
import io.teemate.abi.attest.QuoteSignatureData;
import io.teemate.abi.attest.QuotingEnclaveAbi;
import io.teemate.abi.attest.QuotingEnclaveImage;
import io.teemate.abi.attest.ReportDataBinding;
import io.teemate.abi.attest.pki.PlatformPki;
import io.teemate.abi.attest.verify.Expectations;
import io.teemate.abi.attest.verify.QeIdentity;
import io.teemate.abi.attest.verify.QuoteVerifier;
import io.teemate.abi.attest.verify.Verification;
import io.teemate.abi.attest.verify.Verification.Check;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.ReportBody;
import io.teemate.sgx.struct.TargetInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path on the emulated machine: an application enclave EREPORTs for the QE binding a container identity
 * and a nonce, the QE quotes it, the platform PKI certifies the QE's PCK key, and the verifier checks the quote,
 * then every way that must fail, each with its explanation.
 */
class AttestationRoundTripTest {
    private static final byte[] IDENTITY = EcdsaP256.sha256("container web-1".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] NONCE = "challenge 8f3a".getBytes(StandardCharsets.US_ASCII);

    private final QeRig rig = new QeRig(21);
    private final PlatformPki pki = PlatformPki.fromSeed(21);
    private final X509Certificate pck = pki.issuePckCertificate(rig.pckRequest());
    private final String chain = pki.certificationChainPem(pck);

    private byte[] appReport() {
        return rig.appReport(rig.qeTargetInfo(), IDENTITY, NONCE);
    }

    private Expectations.Builder expectations() {
        return Expectations.trusting(pki.rootCertificate())
                .mrEnclave(rig.app.mrEnclave())
                .mrSigner(rig.app.sigStruct().mrSigner())
                .containerBinding(IDENTITY, NONCE);
    }

    private static byte[] flip(byte[] quote, int offset) {
        byte[] t = quote.clone();
        t[offset] ^= 0x01;
        return t;
    }

    private static void assertOnlyFailure(Verification v, Check check, String... phrases) {
        assertThat(v.ok()).isFalse();
        assertThat(v.failures()).extracting(Verification.CheckResult::check).containsExactly(check);
        assertThat(v.result(check).explanation()).contains(phrases);
    }

    @Test
    void aQuoteOfAnAppReportVerifiesAgainstThePlatformRoot() {
        byte[] report = appReport();
        byte[] quoteBytes = rig.quote(report, chain);

        Verification v = QuoteVerifier.verify(
                quoteBytes, expectations().minIsvSvn(QeRig.APP_ISVSVN).build());

        assertThat(v.ok()).as(v.explain()).isTrue();
        assertThat(v.checks()).extracting(Verification.CheckResult::check).containsExactly(Check.values());
        Quote quote = v.quote();
        assertThat(quote.rawReportBody()).isEqualTo(Arrays.copyOf(report, ReportBody.SIZE));
        assertThat(quote.header().version()).isEqualTo((short) 3);
        assertThat(quote.header().attKeyType()).isEqualTo((short) 2);
        assertThat(quote.header().qeSvn()).isEqualTo((short) QuotingEnclaveImage.ISVSVN);
        assertThat(quote.header().qeVendorId()).isEqualTo(QuoteHeader.teemateQeVendorId());
        assertThat(quote.header().userData())
                .startsWith(Arrays.copyOf(EcdsaP256.sha256(rig.pckRequest().pckPublicKey()), 16));
        assertThat(quote.signatureData().authData()).isEqualTo(QuotingEnclaveAbi.authData());
        assertThat(quote.signatureData().certificationData().type()).isEqualTo(CertificationData.PCK_CERT_CHAIN);
        assertThat(quote.signatureData().certificationData().dataAsText()).isEqualTo(chain);
        ReportBody qeReport = quote.signatureData().qeReportBody();
        assertThat(qeReport.mrEnclave()).isEqualTo(rig.qe.mrEnclave());
        assertThat(qeReport.attributes().has(Attributes.PROVISIONKEY)).isTrue();
        assertThat(quoteBytes).hasSize(Quote.size(32, chain.length()));
        assertThat(v.explain()).endsWith("quote verified: all 11 checks passed\n");
    }

    @Test
    void theTargetInfoTheQeReportsIsTheOneItsSigStructPredicts() {
        assertThat(rig.qeTargetInfo()).isEqualTo(QuotingEnclaveImage.targetInfo(rig.qe.sigStruct()));
    }

    @Test
    void aWrongMrEnclaveIsExplained() {
        byte[] other = rig.qe.mrEnclave();
        Verification v = QuoteVerifier.verify(
                rig.quote(appReport(), chain), expectations().mrEnclave(other).build());
        assertOnlyFailure(
                v,
                Check.MRENCLAVE,
                java.util.HexFormat.of().formatHex(other),
                java.util.HexFormat.of().formatHex(rig.app.mrEnclave()),
                "other enclave code");
    }

    @Test
    void aWrongMrSignerIsExplained() {
        byte[] other = SigStructBuilder.mrSigner(QeRig.QE_SIGNER);
        Verification v = QuoteVerifier.verify(
                rig.quote(appReport(), chain), expectations().mrSigner(other).build());
        assertOnlyFailure(v, Check.MRSIGNER, "signed by another key");
    }

    @Test
    void aQuoteForAnotherNonceIsARefusedReplay() {
        byte[] quote = rig.quote(appReport(), chain);
        Verification v = QuoteVerifier.verify(
                quote,
                expectations()
                        .containerBinding(IDENTITY, "challenge 0000".getBytes(StandardCharsets.US_ASCII))
                        .build());
        assertOnlyFailure(v, Check.REPORT_DATA, "another challenge");
        assertThat(v.result(Check.REPORT_DATA).explanation()).doesNotContain("another container");
    }

    @Test
    void aQuoteForAnotherContainerIsRefused() {
        byte[] quote = rig.quote(appReport(), chain);
        byte[] otherContainer = EcdsaP256.sha256("container web-2".getBytes(StandardCharsets.US_ASCII));
        Verification v = QuoteVerifier.verify(
                quote, expectations().containerBinding(otherContainer, NONCE).build());
        assertOnlyFailure(
                v,
                Check.REPORT_DATA,
                "another container",
                java.util.HexFormat.of().formatHex(IDENTITY));
    }

    @Test
    void reportDataCanBeCheckedExactlyOrByPredicate() {
        byte[] quote = rig.quote(appReport(), chain);
        byte[] expected = ReportDataBinding.reportData(IDENTITY, NONCE);
        assertThat(QuoteVerifier.verify(
                                quote,
                                expectations()
                                        .reportData(Expectations.ReportDataExpectation.exactly(expected))
                                        .build())
                        .ok())
                .isTrue();
        Verification v = QuoteVerifier.verify(
                quote,
                expectations()
                        .reportData(Expectations.ReportDataExpectation.matching(
                                "all zero", d -> Arrays.equals(d, new byte[64])))
                        .build());
        assertOnlyFailure(v, Check.REPORT_DATA, "is not all zero");
    }

    @Test
    void aFlippedByteInTheReportBodyBreaksTheQuoteSignature() {
        byte[] quote = rig.quote(appReport(), chain);
        // A reserved byte of the body (offset 96 in the body): no field changes, yet the signature no longer holds.
        Verification reserved = QuoteVerifier.verify(
                flip(quote, Quote.OFFSET_REPORT_BODY + 100), expectations().build());
        assertOnlyFailure(reserved, Check.QUOTE_SIGNATURE, "altered");
        // ISVSVN: the signature fails, and so would a minimum-SVN check if the flip lowered it.
        Verification svn = QuoteVerifier.verify(
                flip(quote, Quote.OFFSET_REPORT_BODY + ReportBody.OFFSET_ISVSVN),
                expectations().build());
        assertOnlyFailure(svn, Check.QUOTE_SIGNATURE, "bytes 0..431");
        // MRENCLAVE: both the signature and the measurement fail, and both are reported.
        Verification mr = QuoteVerifier.verify(
                flip(quote, Quote.OFFSET_REPORT_BODY + ReportBody.OFFSET_MRENCLAVE),
                expectations().build());
        assertThat(mr.failures())
                .extracting(Verification.CheckResult::check)
                .containsExactly(Check.QUOTE_SIGNATURE, Check.MRENCLAVE);
    }

    @Test
    void aFlippedHeaderByteBreaksTheQuoteSignature() {
        byte[] quote = rig.quote(appReport(), chain);
        assertOnlyFailure(
                QuoteVerifier.verify(
                        flip(quote, QuoteHeader.OFFSET_QE_SVN), expectations().build()),
                Check.QUOTE_SIGNATURE,
                "altered");
    }

    @Test
    void aFlippedSignatureByteIsRefused() {
        byte[] quote = rig.quote(appReport(), chain);
        int sig = Quote.OFFSET_SIGNATURE_DATA + QuoteSignatureData.OFFSET_SIGNATURE;
        assertOnlyFailure(
                QuoteVerifier.verify(flip(quote, sig + 5), expectations().build()),
                Check.QUOTE_SIGNATURE,
                "does not verify under the attestation key");
        assertOnlyFailure(
                QuoteVerifier.verify(flip(quote, sig + 40), expectations().build()),
                Check.QUOTE_SIGNATURE,
                "does not verify under the attestation key");
    }

    @Test
    void aReplacedAttestationKeyIsCaughtByTheQeReportBinding() {
        byte[] quote = rig.quote(appReport(), chain);
        Quote q = Quote.parse(quote);
        // An attacker re-signs the quote with its own key and puts that key in: the QE report no longer binds it.
        java.math.BigInteger attacker = EcdsaP256.randomScalar(new java.security.SecureRandom());
        QuoteSignatureData s = q.signatureData();
        QuoteSignatureData forged = new QuoteSignatureData(
                EcdsaP256.sign(attacker, q.signedBytes()),
                EcdsaP256.encode(EcdsaP256.publicKey(attacker)),
                s.rawQeReportBody(),
                s.qeReportSignature(),
                s.authData(),
                s.certificationData());
        Verification v = QuoteVerifier.verify(
                new Quote(q.header(), q.rawReportBody(), forged).toBytes(),
                expectations().build());
        assertOnlyFailure(v, Check.QE_REPORT_DATA, "not the one the QE certified");
    }

    @Test
    void aFlippedQeReportByteBreaksThePckSignature() {
        byte[] quote = rig.quote(appReport(), chain);
        int qeReport = Quote.OFFSET_SIGNATURE_DATA + QuoteSignatureData.OFFSET_QE_REPORT;
        // the ISVSVN's high byte: 1 becomes 257, which the QE identity check accepts, so only the signature fails
        assertOnlyFailure(
                QuoteVerifier.verify(
                        flip(quote, qeReport + ReportBody.OFFSET_ISVSVN + 1),
                        expectations().build()),
                Check.QE_REPORT_SIGNATURE,
                "PCK certificate's key");
        assertThat(QuoteVerifier.verify(
                                flip(quote, qeReport + ReportBody.OFFSET_ISVSVN),
                                expectations().build())
                        .failures())
                .extracting(Verification.CheckResult::check)
                .containsExactly(Check.QE_REPORT_SIGNATURE, Check.QE_IDENTITY);
        Verification data = QuoteVerifier.verify(
                flip(quote, qeReport + ReportBody.OFFSET_REPORTDATA),
                expectations().build());
        assertThat(data.failures())
                .extracting(Verification.CheckResult::check)
                .containsExactly(Check.QE_REPORT_SIGNATURE, Check.QE_REPORT_DATA);
    }

    @Test
    void theQeRefusesAReportWithABadMac() {
        byte[] report = appReport();
        for (int offset : new int[] {
            0,
            ReportBody.OFFSET_MRENCLAVE,
            ReportBody.OFFSET_REPORTDATA + 63,
            Report.KEYID_OFFSET,
            Report.MAC_OFFSET,
            Report.MAC_OFFSET + 15
        }) {
            long rax = rig.quoteCall(rig.qe, flip(report, offset), chain, QeRig.QUOTE_CAPACITY);
            assertThat(rax).as("byte %d flipped", offset).isEqualTo(QuotingEnclaveAbi.ERROR_INVALID_REPORT);
        }
    }

    @Test
    void theQeRefusesAReportMadeForAnotherEnclave() {
        TargetInfo forApp = QuotingEnclaveImage.targetInfo(rig.app.sigStruct());
        byte[] report = rig.appReport(forApp, IDENTITY, NONCE);
        assertThat(rig.quoteCall(rig.qe, report, chain, QeRig.QUOTE_CAPACITY))
                .isEqualTo(QuotingEnclaveAbi.ERROR_INVALID_REPORT);
    }

    @Test
    void theQeRefusesAReportFromAnotherMachine() {
        QeRig other = new QeRig(22);
        byte[] foreign = other.appReport(other.qeTargetInfo(), IDENTITY, NONCE);
        assertThat(other.quoteCall(other.qe, foreign, chain, QeRig.QUOTE_CAPACITY))
                .isPositive();
        assertThat(rig.quoteCall(rig.qe, foreign, chain, QeRig.QUOTE_CAPACITY))
                .isEqualTo(QuotingEnclaveAbi.ERROR_INVALID_REPORT);
    }

    @Test
    void aChainToAnotherPlatformsRootIsRefused() {
        byte[] quote = rig.quote(appReport(), chain);
        PlatformPki other = PlatformPki.fromSeed(99);
        Verification v = QuoteVerifier.verify(
                quote,
                Expectations.trusting(other.rootCertificate())
                        .mrEnclave(rig.app.mrEnclave())
                        .mrSigner(rig.app.sigStruct().mrSigner())
                        .containerBinding(IDENTITY, NONCE)
                        .build());
        assertOnlyFailure(
                v,
                Check.PCK_CERT_CHAIN,
                "another platform's PKI",
                "seed-21",
                "seed-99",
                "signature does not verify under the key of the trusted root");
    }

    @Test
    void aPckCertificateForAnotherQeDoesNotCertifyThisQuote() {
        // The host passes this machine's QE the chain of another machine's QE.
        QeRig other = new QeRig(23);
        PlatformPki otherPki = PlatformPki.fromSeed(23);
        String otherChain = otherPki.certificationChainPem(otherPki.issuePckCertificate(other.pckRequest()));
        byte[] quote = rig.quote(appReport(), otherChain);
        Verification v = QuoteVerifier.verify(
                quote,
                Expectations.trusting(otherPki.rootCertificate())
                        .mrEnclave(rig.app.mrEnclave())
                        .containerBinding(IDENTITY, NONCE)
                        .build());
        assertOnlyFailure(v, Check.QE_REPORT_SIGNATURE, "belongs to another quoting enclave");
    }

    @Test
    void anExpiredPckCertificateIsExplained() {
        X509Certificate expired = pki.issuePckCertificate(
                rig.pckRequest().pckPublicKey(),
                java.time.Instant.parse("2025-01-01T00:00:00Z"),
                java.time.Instant.parse("2025-06-01T00:00:00Z"));
        byte[] quote = rig.quote(appReport(), pki.certificationChainPem(expired));
        Verification v = QuoteVerifier.verify(
                quote,
                expectations()
                        .at(java.time.Instant.parse("2026-03-01T00:00:00Z"))
                        .build());
        assertOnlyFailure(v, Check.PCK_CERT_CHAIN, "expired on 2025-06-01T00:00:00Z");
    }

    @Test
    void certificationDataThatIsNoChainIsExplained() {
        byte[] quote = rig.quote(appReport(), "not a certificate");
        Verification v = QuoteVerifier.verify(quote, expectations().build());
        assertThat(v.failures())
                .extracting(Verification.CheckResult::check)
                .containsExactly(Check.PCK_CERT_CHAIN, Check.QE_REPORT_SIGNATURE);
        assertThat(v.result(Check.PCK_CERT_CHAIN).explanation()).contains("not a PEM certificate chain");
    }

    @Test
    void aTruncatedQuoteIsRefusedNamingTheField() {
        byte[] quote = rig.quote(appReport(), chain);
        Verification v = QuoteVerifier.verify(
                Arrays.copyOf(quote, quote.length - 10), expectations().build());
        assertThat(v.ok()).isFalse();
        assertThat(v.quote()).isNull();
        assertThat(v.checks()).hasSize(1);
        assertThat(v.result(Check.PARSE).explanation()).contains("signature_data_len", "offset 432", "truncated");
        Verification header =
                QuoteVerifier.verify(Arrays.copyOf(quote, 20), expectations().build());
        assertThat(header.result(Check.PARSE).explanation()).contains("header", "20 bytes");
    }

    @Test
    void aDebugEnclaveIsRefusedUnlessAllowed() {
        QeRig debugRig = new QeRig(21, true);
        byte[] quote = debugRig.quote(debugRig.appReport(debugRig.qeTargetInfo(), IDENTITY, NONCE), chain);
        Expectations.Builder e = Expectations.trusting(pki.rootCertificate()).containerBinding(IDENTITY, NONCE);
        assertOnlyFailure(
                QuoteVerifier.verify(quote, e.build()), Check.DEBUG, "the enclave is a DEBUG enclave", "EDBGRD");
        assertThat(QuoteVerifier.verify(quote, e.allowDebug(true).build()).ok()).isTrue();
    }

    @Test
    void anOldIsvSvnIsRefused() {
        byte[] quote = rig.quote(appReport(), chain);
        assertOnlyFailure(
                QuoteVerifier.verify(
                        quote, expectations().minIsvSvn(QeRig.APP_ISVSVN + 1).build()),
                Check.ISVSVN,
                "ISVSVN is 5, below the minimum 6");
    }

    @Test
    void everyFailureIsListedNotJustTheFirst() {
        byte[] quote = flip(rig.quote(appReport(), chain), Quote.OFFSET_SIGNATURE_DATA + 3);
        Verification v = QuoteVerifier.verify(
                quote,
                Expectations.trusting(PlatformPki.fromSeed(5).rootCertificate())
                        .mrEnclave(new byte[32])
                        .mrSigner(new byte[32])
                        .containerBinding(new byte[32], NONCE)
                        .build());
        assertThat(v.failures())
                .extracting(Verification.CheckResult::check)
                .containsExactly(
                        Check.PCK_CERT_CHAIN,
                        Check.QUOTE_SIGNATURE,
                        Check.MRENCLAVE,
                        Check.MRSIGNER,
                        Check.REPORT_DATA);
        assertThat(v.explain()).contains("quote REJECTED: 5 of 11 checks failed");
    }

    @Test
    void theQeReportsAShortBufferAndABadCertificationLength() {
        byte[] report = appReport();
        assertThat(rig.quoteCall(rig.qe, report, chain, Quote.size(32, chain.length()) - 1))
                .isEqualTo(QuotingEnclaveAbi.ERROR_BUFFER_TOO_SMALL);
        assertThat(rig.quoteCall(rig.qe, report, chain, Quote.size(32, chain.length())))
                .isEqualTo(Quote.size(32, chain.length()));
        rig.write(QeRig.U_REPORT, report);
        assertThat(rig.call(
                        rig.qe,
                        QuotingEnclaveAbi.ECALL_QUOTE,
                        QeRig.U_REPORT,
                        QeRig.U_QUOTE,
                        QeRig.QUOTE_CAPACITY,
                        QeRig.U_CERTS,
                        QuotingEnclaveAbi.MAX_CERTIFICATION_DATA + 1))
                .isEqualTo(QuotingEnclaveAbi.ERROR_CERTIFICATION_DATA);
        assertThat(rig.call(rig.qe, 77)).isEqualTo(QuotingEnclaveAbi.ERROR_UNKNOWN_ECALL);
    }

    @Test
    void aQeWithoutProvisionKeyCannotMakeItsPckKey() {
        var layout = rig.qe.layout();
        var sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(new Attributes(Attributes.MODE64BIT, 0x3))
                .isvProdId(QuotingEnclaveImage.ISVPRODID)
                .isvSvn(QuotingEnclaveImage.ISVSVN)
                .sign(QeRig.QE_SIGNER);
        QeRig.Enclave bare = rig.load(layout, sig, 0x3_0000_0000L);
        byte[] report = rig.appReport(QuotingEnclaveImage.targetInfo(sig), IDENTITY, NONCE);
        assertThat(rig.quoteCall(bare, report, chain, QeRig.QUOTE_CAPACITY))
                .isEqualTo(QuotingEnclaveAbi.ERROR_NO_PROVISION_KEY);
    }

    /**
     * A quote made by a QE of {@code qeSig} (loaded at {@code base} beside the real one), whose PCK key the same
     * platform PKI certified: everything but the QE's identity is in order.
     */
    private byte[] quoteByQe(io.teemate.sgx.struct.SigStruct qeSig, long base) {
        QeRig.Enclave other = rig.load(rig.qe.layout(), qeSig, base);
        assertThat(rig.call(other, QuotingEnclaveAbi.ECALL_PCK_REQUEST, QeRig.U_REQUEST, PckCertificationRequest.SIZE))
                .isEqualTo(PckCertificationRequest.SIZE);
        PckCertificationRequest request =
                PckCertificationRequest.parse(rig.read(QeRig.U_REQUEST, PckCertificationRequest.SIZE));
        String otherChain = pki.certificationChainPem(pki.issuePckCertificate(request));
        byte[] report = rig.appReport(QuotingEnclaveImage.targetInfo(qeSig), IDENTITY, NONCE);
        long length = rig.quoteCall(other, report, otherChain, QeRig.QUOTE_CAPACITY);
        assertThat(length).as("QE result").isPositive();
        return rig.read(QeRig.U_QUOTE, (int) length);
    }

    private io.teemate.sgx.struct.SigStruct qeSig(io.teemate.sgx.sign.SigningKey signer, int isvProdId, int isvSvn) {
        return SigStructBuilder.forEnclave(rig.qe.layout().mrEnclave())
                .attributes(new Attributes(Attributes.MODE64BIT | Attributes.PROVISIONKEY, 0x3))
                .isvProdId(isvProdId)
                .isvSvn(isvSvn)
                .sign(signer);
    }

    @Test
    void aQuoteFromAQeOfAnotherSignerIsRefused() {
        byte[] quote = quoteByQe(
                qeSig(QeRig.APP_SIGNER, QuotingEnclaveImage.ISVPRODID, QuotingEnclaveImage.ISVSVN), 0x3_0000_0000L);
        byte[] qeSigner = rig.qe.sigStruct().mrSigner();
        Verification v = QuoteVerifier.verify(
                quote,
                expectations()
                        .qeIdentity(QeIdentity.teemate().withMrSigner(qeSigner))
                        .build());
        assertOnlyFailure(
                v,
                Check.QE_IDENTITY,
                "MRSIGNER",
                java.util.HexFormat.of().formatHex(qeSigner),
                java.util.HexFormat.of().formatHex(SigStructBuilder.mrSigner(QeRig.APP_SIGNER)));
        assertThat(QuoteVerifier.verify(
                                rig.quote(appReport(), chain),
                                expectations()
                                        .qeIdentity(QeIdentity.teemate().withMrSigner(qeSigner))
                                        .build())
                        .ok())
                .as("the real QE")
                .isTrue();
    }

    @Test
    void aQuoteFromAnEnclaveWithAnotherProductIdIsRefused() {
        byte[] quote = quoteByQe(
                qeSig(QeRig.QE_SIGNER, QuotingEnclaveImage.ISVPRODID + 1, QuotingEnclaveImage.ISVSVN), 0x3_0000_0000L);
        Verification v = QuoteVerifier.verify(quote, expectations().build());
        assertOnlyFailure(
                v,
                Check.QE_IDENTITY,
                "ISVPRODID is " + (QuotingEnclaveImage.ISVPRODID + 1),
                "expected " + QuotingEnclaveImage.ISVPRODID);
    }

    @Test
    void aQuoteFromAnOlderQeIsRefused() {
        byte[] quote = quoteByQe(
                qeSig(QeRig.QE_SIGNER, QuotingEnclaveImage.ISVPRODID, QuotingEnclaveImage.ISVSVN - 1), 0x3_0000_0000L);
        Verification v = QuoteVerifier.verify(quote, expectations().build());
        assertOnlyFailure(
                v,
                Check.QE_IDENTITY,
                "ISVSVN is " + (QuotingEnclaveImage.ISVSVN - 1),
                "below the minimum " + QuotingEnclaveImage.ISVSVN);
        assertThat(QuoteVerifier.verify(
                                quote,
                                expectations()
                                        .qeIdentity(QeIdentity.teemate().withMinIsvSvn(0))
                                        .build())
                        .ok())
                .as("a lower minimum the verifier chose")
                .isTrue();
    }
}

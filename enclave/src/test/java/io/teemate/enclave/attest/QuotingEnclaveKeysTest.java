package io.teemate.enclave.attest;

import io.teemate.abi.attest.EcdsaP256;
import io.teemate.abi.attest.PckCertificationRequest;
import io.teemate.abi.attest.Quote;
import io.teemate.abi.attest.QuotingEnclaveAbi;
import io.teemate.abi.attest.QuotingEnclaveImage;
import io.teemate.abi.attest.pki.PlatformPki;
import io.teemate.abi.attest.verify.Expectations;
import io.teemate.abi.attest.verify.QuoteVerifier;
import io.teemate.abi.image.EnclaveBinaries;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.ProgramRegistry;
import io.teemate.sgx.struct.Attributes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the QE's keys come from: the PCK key from the platform's fuses and the QE's identity, the attestation key fresh. */
class QuotingEnclaveKeysTest {
    private static final byte[] ID = EcdsaP256.sha256("c".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] NONCE = {1, 2, 3};

    @Test
    void thePckKeyIsStablePerPlatformAndChangesWithTheFuses() {
        QeRig a = new QeRig(31);
        PckCertificationRequest first = a.pckRequest();
        assertThat(first.problem()).isNull();
        assertThat(a.pckRequest().pckPublicKey()).as("asked twice").isEqualTo(first.pckPublicKey());
        assertThat(new QeRig(31).pckRequest().pckPublicKey())
                .as("same fuses, QE reloaded")
                .isEqualTo(first.pckPublicKey());
        assertThat(new QeRig(32).pckRequest().pckPublicKey()).as("other fuses").isNotEqualTo(first.pckPublicKey());
    }

    @Test
    void theInstalledBinaryNamedQuotingEnclaveIsThisProgramsCode() {
        // What the host's quoting service loads by name is exactly the code this module's QE declares.
        CodeImage installed = EnclaveBinaries.installed().program(QuotingEnclaveAbi.NAME);
        assertThat(installed.bytes())
                .isEqualTo(CodeImage.of(new QuotingEnclave()).bytes());
        assertThat(new ProgramRegistry().lookup(installed.bytes())).isInstanceOf(QuotingEnclave.class);
    }

    @Test
    void theQeLayoutPredictsTheLoadedQesMrEnclave() {
        QeRig rig = new QeRig(31);
        assertThat(QuotingEnclaveImage.layout(CodeImage.of(new QuotingEnclave()))
                        .mrEnclave())
                .isEqualTo(rig.qe.mrEnclave());
    }

    @Test
    void theRequestNamesTheQe() {
        QeRig rig = new QeRig(31);
        PckCertificationRequest request = rig.pckRequest();
        assertThat(request.qeReportBody().mrEnclave()).isEqualTo(rig.qe.mrEnclave());
        assertThat(request.qeReportBody().mrSigner())
                .isEqualTo(rig.qe.sigStruct().mrSigner());
        assertThat(Short.toUnsignedInt(request.qeReportBody().isvSvn())).isEqualTo(QuotingEnclaveImage.ISVSVN);
        assertThat(request.qeReportBody().attributes().has(Attributes.DEBUG)).isFalse();
    }

    @Test
    void aDebugQeGetsAnotherPckKey() {
        QeRig rig = new QeRig(31);
        var debugSig = QuotingEnclaveImage.sigStruct(rig.qe.layout(), QeRig.QE_SIGNER, true);
        QeRig.Enclave debugQe = rig.load(rig.qe.layout(), debugSig, 0x3_0000_0000L);
        assertThat(rig.call(debugQe, QuotingEnclaveAbi.ECALL_PCK_REQUEST, QeRig.U_REQUEST, 512))
                .isEqualTo(512);
        byte[] debugKey =
                PckCertificationRequest.parse(rig.read(QeRig.U_REQUEST, 512)).pckPublicKey();
        assertThat(debugKey).isNotEqualTo(rig.pckRequest().pckPublicKey());
    }

    @Test
    void eachQeInstanceHasItsOwnAttestationKeyCertifiedByTheSamePck() {
        QeRig rig = new QeRig(31);
        PlatformPki pki = PlatformPki.fromSeed(31);
        String chain = pki.certificationChainPem(pki.issuePckCertificate(rig.pckRequest()));
        byte[] q1 = rig.quote(rig.appReport(rig.qeTargetInfo(), ID, NONCE), chain);
        byte[] q2 = rig.quote(rig.appReport(rig.qeTargetInfo(), ID, NONCE), chain);
        QeRig reloaded = new QeRig(31);
        byte[] q3 = reloaded.quote(reloaded.appReport(reloaded.qeTargetInfo(), ID, NONCE), chain);
        byte[] k1 = Quote.parse(q1).signatureData().attestationPublicKey();
        assertThat(Quote.parse(q2).signatureData().attestationPublicKey())
                .as("same QE instance")
                .isEqualTo(k1);
        assertThat(Quote.parse(q3).signatureData().attestationPublicKey())
                .as("new QE instance")
                .isNotEqualTo(k1);
        Expectations e = Expectations.trusting(pki.rootCertificate())
                .containerBinding(ID, NONCE)
                .build();
        assertThat(QuoteVerifier.verify(q1, e).ok()).isTrue();
        assertThat(QuoteVerifier.verify(q3, e).ok())
                .as("the reloaded QE's PCK key is the same, so the chain still fits")
                .isTrue();
    }
}

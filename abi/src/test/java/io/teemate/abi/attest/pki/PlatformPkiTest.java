package io.teemate.abi.attest.pki;

import io.teemate.abi.attest.EcdsaP256;
import io.teemate.abi.attest.PckCertificationRequest;
import io.teemate.abi.attest.Pem;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulated PCS: a per-platform root, a platform CA, PCK certificates, PEM in and out. */
class PlatformPkiTest {
    private static final BigInteger PCK = EcdsaP256.randomScalar(new SecureRandom());
    private static final byte[] PCK_PUBLIC = EcdsaP256.encode(EcdsaP256.publicKey(PCK));

    @Test
    void theSameSeedRecreatesThePlatformByteForByte() throws Exception {
        PlatformPki a = PlatformPki.fromSeed(7);
        PlatformPki b = PlatformPki.fromSeed(7);
        assertThat(a.rootCertificate().getEncoded())
                .isEqualTo(b.rootCertificate().getEncoded());
        assertThat(a.platformCaCertificate().getEncoded())
                .isEqualTo(b.platformCaCertificate().getEncoded());
        assertThat(a.issuePckCertificate(PCK_PUBLIC).getEncoded())
                .isEqualTo(b.issuePckCertificate(PCK_PUBLIC).getEncoded());
        assertThat(a.rootCertificatePem()).isEqualTo(b.rootCertificatePem());
    }

    @Test
    void anotherSeedIsAnotherPlatform() {
        PlatformPki a = PlatformPki.fromSeed(7);
        PlatformPki b = PlatformPki.fromSeed(8);
        assertThat(a.rootCertificate().getPublicKey())
                .isNotEqualTo(b.rootCertificate().getPublicKey());
        assertThat(a.rootCertificate().getSubjectX500Principal().getName()).contains("OU=seed-7");
    }

    @Test
    void theChainIsRootPlatformCaPckWithCaConstraints() throws Exception {
        PlatformPki pki =
                PlatformPki.generate(new SecureRandom(), "rack 4, slot 2", Instant.parse("2026-01-01T00:00:00Z"));
        X509Certificate pck = pki.issuePckCertificate(PCK_PUBLIC);
        List<X509Certificate> chain = pki.chain(pck);
        X509Certificate root = chain.get(2);
        X509Certificate ca = chain.get(1);
        root.verify(root.getPublicKey());
        ca.verify(root.getPublicKey());
        pck.verify(ca.getPublicKey());
        assertThat(root.getBasicConstraints()).isEqualTo(1);
        assertThat(ca.getBasicConstraints()).isZero();
        assertThat(pck.getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(pck.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(pck.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(EcdsaP256.encode(EcdsaP256.fromJca(pck.getPublicKey()))).isEqualTo(PCK_PUBLIC);
        assertThat(root.getSubjectX500Principal().getName())
                .isEqualTo("CN=TeeMate SGX Root CA,OU=rack 4\\, slot 2,O=TeeMate");
        assertThat(pck.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(pck.getNotAfter().toInstant()).isEqualTo(Instant.parse("2056-01-01T00:00:00Z"));
    }

    @Test
    void theRootTravelsAsPem() {
        PlatformPki pki = PlatformPki.fromSeed(3);
        String pem = pki.rootCertificatePem();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Pem.decode(pem)).isEqualTo(pki.rootCertificate());
        X509Certificate pck = pki.issuePckCertificate(PCK_PUBLIC);
        assertThat(Pem.decodeAll(pki.certificationChainPem(pck)))
                .containsExactly(pck, pki.platformCaCertificate(), pki.rootCertificate());
    }

    @Test
    void badPemIsRefusedWithAReason() {
        assertThatThrownBy(() -> Pem.decode("hello")).hasMessageContaining("no PEM CERTIFICATE block");
        assertThatThrownBy(() -> Pem.decode("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
                .hasMessageContaining("PEM block 1 is a PRIVATE KEY, not a CERTIFICATE");
        assertThatThrownBy(() -> Pem.decode("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .hasMessageContaining("PEM block 1 is not an X.509 certificate");
        PlatformPki pki = PlatformPki.fromSeed(3);
        assertThatThrownBy(() -> Pem.decode(pki.certificationChainPem(pki.issuePckCertificate(PCK_PUBLIC))))
                .hasMessageContaining("expected one certificate, the PEM holds 3");
    }

    @Test
    void aKeyThatIsNoCurvePointIsRefused() {
        byte[] bad = PCK_PUBLIC.clone();
        bad[63] ^= 1;
        assertThatThrownBy(() -> PlatformPki.fromSeed(1).issuePckCertificate(bad))
                .hasMessageContaining("PCK public key refused")
                .hasMessageContaining("not a point on P-256");
    }

    @Test
    void aCertificationRequestMustProveItsKey() {
        byte[] body = new byte[384];
        System.arraycopy(EcdsaP256.sha256(PCK_PUBLIC), 0, body, 320, 32);
        PckCertificationRequest good = new PckCertificationRequest(PCK_PUBLIC, body, new byte[64]);
        good = new PckCertificationRequest(PCK_PUBLIC, body, EcdsaP256.sign(PCK, good.signedBytes()));
        assertThat(good.problem()).isNull();
        assertThat(PckCertificationRequest.parse(good.toBytes())).isEqualTo(good);
        PlatformPki pki = PlatformPki.fromSeed(1);
        assertThat(pki.issuePckCertificate(good).getPublicKey())
                .isEqualTo(pki.issuePckCertificate(PCK_PUBLIC).getPublicKey());

        byte[] tampered = good.toBytes();
        tampered[PckCertificationRequest.OFFSET_QE_REPORT_BODY + 64] ^= 1;
        assertThatThrownBy(() -> pki.issuePckCertificate(PckCertificationRequest.parse(tampered)))
                .hasMessageContaining("proof-of-possession signature does not verify");

        byte[] unbound = body.clone();
        unbound[320] ^= 1;
        PckCertificationRequest u = new PckCertificationRequest(PCK_PUBLIC, unbound, new byte[64]);
        PckCertificationRequest signedUnbound =
                new PckCertificationRequest(PCK_PUBLIC, unbound, EcdsaP256.sign(PCK, u.signedBytes()));
        assertThat(signedUnbound.problem()).contains("REPORTDATA is not SHA-256(PCK public key)");
    }
}

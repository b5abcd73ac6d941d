package io.teemate.abi.attest.pki;

import io.teemate.abi.attest.EcdsaP256;
import io.teemate.abi.attest.PckCertificationRequest;
import io.teemate.abi.attest.Pem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.operator.ContentSigner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * The emulated Intel PCS / SGX PKI of one platform: a self-signed root CA, an intermediate "Platform CA" and the PCK
 * certificates it issues for quoting enclaves, all ECDSA P-256 with SHA-256 like Intel's ("Intel SGX Root CA" →
 * "Intel SGX PCK Platform CA" → "Intel SGX PCK Certificate"). Unlike Intel's single root, every emulated platform has
 * its own root, so a quote from one machine does not verify against another's root.
 * <p>Keys come from the {@link SecureRandom} given to {@link #generate}; {@link #fromSeed} uses a seeded SHA1PRNG
 * and a fixed validity start, and certificates are signed with deterministic ECDSA (RFC 6979), so the same seed
 * recreates the same platform certificate for certificate, byte for byte.
 * <p>Which side it runs on: neither. It stands in for Intel's provisioning infrastructure, which is off the machine:
 * the host's quoting service asks it for the QE's PCK certificate as a PCCS would ask Intel's PCS, and a verifier
 * trusts its root. So it is not host code (a host cannot mint PCK certificates) and not enclave code (no enclave
 * holds the CA keys); it lives in the abi module, beside the formats it reads and writes, where the host, the CLI and
 * the enclave module's tests can all reach it.
 */
public final class PlatformPki {
    /** Validity start of {@link #fromSeed} platforms. */
    public static final Instant SEEDED_NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
    /** Every certificate is valid this many years from its start (Intel's SGX root runs 2018-2049). */
    public static final int VALIDITY_YEARS = 30;

    private final String platformName;
    private final BigInteger rootKey;
    private final BigInteger caKey;
    private final X509Certificate root;
    private final X509Certificate platformCa;
    private final Instant notBefore;
    private final Instant notAfter;

    private PlatformPki(String platformName, BigInteger rootKey, BigInteger caKey, Instant notBefore) {
        this.platformName = platformName;
        this.rootKey = rootKey;
        this.caKey = caKey;
        this.notBefore = notBefore;
        this.notAfter =
                notBefore.atOffset(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
        X500Name rootName = name("TeeMate SGX Root CA");
        this.root = issue(
                rootName,
                rootKey,
                EcdsaP256.publicKey(rootKey),
                rootName,
                EcdsaP256.publicKey(rootKey),
                new BasicConstraints(1),
                KeyUsage.keyCertSign | KeyUsage.cRLSign,
                notBefore,
                notAfter);
        this.platformCa = issue(
                rootName,
                rootKey,
                EcdsaP256.publicKey(rootKey),
                name("TeeMate SGX Platform CA"),
                EcdsaP256.publicKey(caKey),
                new BasicConstraints(0),
                KeyUsage.keyCertSign | KeyUsage.cRLSign,
                notBefore,
                notAfter);
    }

    /** A platform whose keys come from {@code random}, valid for {@link #VALIDITY_YEARS} years from {@code notBefore}. */
    public static PlatformPki generate(SecureRandom random, String platformName, Instant notBefore) {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(platformName, "platform name");
        BigInteger rootKey = EcdsaP256.randomScalar(random);
        BigInteger caKey = EcdsaP256.randomScalar(random);
        return new PlatformPki(platformName, rootKey, caKey, notBefore.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A fresh platform with keys from the system's strong random source, valid from now. */
    public static PlatformPki generate(String platformName) {
        return generate(new SecureRandom(), platformName, Instant.now());
    }

    /**
     * The platform of {@code seed}: the same seed gives the same keys and certificates (SHA1PRNG seeded before first
     * use is deterministic), named "seed-&lt;seed&gt;", valid from {@link #SEEDED_NOT_BEFORE}. For tests and demos.
     */
    public static PlatformPki fromSeed(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(ByteBuffer.allocate(Long.BYTES + 16)
                    .put("TeeMate PKI seed".getBytes(StandardCharsets.US_ASCII), 0, 16)
                    .putLong(seed)
                    .array());
            return generate(random, "seed-" + seed, SEEDED_NOT_BEFORE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA1PRNG", e);
        }
    }

    public String platformName() {
        return platformName;
    }

    /** The trust anchor a verifier needs ({@code teemate attest verify --root}). */
    public X509Certificate rootCertificate() {
        return root;
    }

    public String rootCertificatePem() {
        return Pem.encode(root);
    }

    public X509Certificate platformCaCertificate() {
        return platformCa;
    }

    /**
     * Certifies a quoting enclave's PCK key after checking its request (P-256 key, proof-of-possession signature,
     * QE report binding the key); a bad request is refused with an IllegalArgumentException that says why.
     */
    public X509Certificate issuePckCertificate(PckCertificationRequest request) {
        String problem = request.problem();
        if (problem != null) {
            throw new IllegalArgumentException("PCK certification request refused: " + problem);
        }
        return issuePckCertificate(request.pckPublicKey());
    }

    /** Certifies a PCK public key (64 bytes x || y) for this platform's validity period. */
    public X509Certificate issuePckCertificate(byte[] pckPublicKey) {
        return issuePckCertificate(pckPublicKey, notBefore, notAfter);
    }

    /** Certifies a PCK public key for an explicit validity period (e.g. an expired one, to test a verifier). */
    public X509Certificate issuePckCertificate(byte[] pckPublicKey, Instant validFrom, Instant validUntil) {
        ECPublicKeyParameters key;
        try {
            key = EcdsaP256.decode(pckPublicKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PCK public key refused: " + e.getMessage(), e);
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException(
                    "PCK certificate validity ends (" + validUntil + ") before it starts (" + validFrom + ")");
        }
        return issue(
                X500Name.getInstance(platformCa.getSubjectX500Principal().getEncoded()),
                caKey,
                EcdsaP256.publicKey(caKey),
                name("TeeMate SGX PCK Certificate"),
                key,
                new BasicConstraints(false),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                validFrom.truncatedTo(ChronoUnit.SECONDS),
                validUntil.truncatedTo(ChronoUnit.SECONDS));
    }

    /** PCK leaf, platform CA, root: the chain a quote carries as PCK_CERT_CHAIN. */
    public List<X509Certificate> chain(X509Certificate pckCertificate) {
        return List.of(pckCertificate, platformCa, root);
    }

    /** {@link #chain} as PEM: the certification data the host passes to {@link io.teemate.abi.attest.QuotingEnclaveAbi#ECALL_QUOTE}. */
    public String certificationChainPem(X509Certificate pckCertificate) {
        return Pem.encode(chain(pckCertificate));
    }

    /** CN=commonName, OU=platform name, O=TeeMate (built field by field, so any platform name is safe). */
    private X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "TeeMate")
                .addRDN(BCStyle.OU, platformName)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X509Certificate issue(
            X500Name issuer,
            BigInteger issuerKey,
            ECPublicKeyParameters issuerPublic,
            X500Name subject,
            ECPublicKeyParameters subjectPublic,
            BasicConstraints constraints,
            int keyUsage,
            Instant from,
            Instant until) {
        SubjectPublicKeyInfo spki = EcdsaP256.subjectPublicKeyInfo(subjectPublic);
        BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
        try {
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                            issuer, serial(spki, subject, from), Date.from(from), Date.from(until), subject, spki)
                    .addExtension(Extension.basicConstraints, true, constraints)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            ext.createAuthorityKeyIdentifier(EcdsaP256.subjectPublicKeyInfo(issuerPublic)));
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(issuerKey)));
        } catch (CertIOException | CertificateException e) {
            throw new IllegalStateException("building certificate " + subject + " failed", e);
        }
    }

    /** A positive 128-bit serial from the subject, its key and validity start: distinct per certificate, reproducible. */
    private static BigInteger serial(SubjectPublicKeyInfo spki, X500Name subject, Instant from) {
        try {
            byte[] digest = EcdsaP256.sha256(
                    spki.getEncoded(),
                    subject.getEncoded(),
                    Long.toString(from.getEpochSecond()).getBytes(StandardCharsets.US_ASCII));
            return new BigInteger(1, Arrays.copyOf(digest, 16));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * ecdsa-with-SHA256 with deterministic nonces (RFC 6979, BouncyCastle's HMacDSAKCalculator), so a seeded platform
     * signs the same certificate the same way every time; JCA signers draw a random nonce.
     */
    private static ContentSigner signer(BigInteger key) {
        ByteArrayOutputStream tbs = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            }

            @Override
            public OutputStream getOutputStream() {
                return tbs;
            }

            @Override
            public byte[] getSignature() {
                BigInteger[] rs = EcdsaP256.signRs(key, tbs.toByteArray());
                try {
                    return StandardDSAEncoding.INSTANCE.encode(EcdsaP256.DOMAIN.getN(), rs[0], rs[1]);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    public String toString() {
        return "PlatformPki[" + platformName + ", root " + root.getSubjectX500Principal() + "]";
    }
}

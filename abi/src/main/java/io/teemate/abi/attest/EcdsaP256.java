package io.teemate.abi.attest;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * ECDSA over NIST P-256 with SHA-256 in the encodings DCAP quotes use: public keys as 64 bytes x || y and
 * signatures as 64 bytes r || s, both big-endian (sgx_quote_3.h, {@code sgx_ql_ecdsa_sig_data_t}). The
 * arithmetic is BouncyCastle's; signatures use deterministic nonces (RFC 6979), so signing needs no randomness.
 * <p>Shared by everyone who signs or checks quote-related data: the quoting enclave, the verifier and the emulated
 * platform PKI.
 */
public final class EcdsaP256 {
    static final X9ECParameters CURVE = ECNamedCurveTable.getByName("secp256r1");
    public static final ECNamedDomainParameters DOMAIN =
            new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, CURVE);
    static final int FIELD_BYTES = 32;
    /** 256 + 64 bits: FIPS 186-4 B.4.1 "key pair generation using extra random bits". */
    static final int SCALAR_SOURCE_BYTES = 40;

    private EcdsaP256() {}

    /** FIPS 186-4 B.4.1: d = (c mod (n - 1)) + 1 for a 320-bit string c, so d is in [1, n - 1] with negligible bias. */
    public static BigInteger scalarFrom(byte[] c) {
        if (c.length < SCALAR_SOURCE_BYTES) {
            throw new IllegalArgumentException(
                    "a P-256 scalar needs " + SCALAR_SOURCE_BYTES + " source bytes, got " + c.length);
        }
        BigInteger nMinus1 = DOMAIN.getN().subtract(BigInteger.ONE);
        return new BigInteger(1, c).mod(nMinus1).add(BigInteger.ONE);
    }

    /** A fresh private scalar from {@code random}. */
    public static BigInteger randomScalar(SecureRandom random) {
        byte[] c = new byte[SCALAR_SOURCE_BYTES];
        random.nextBytes(c);
        return scalarFrom(c);
    }

    /** A private scalar derived from key material by HKDF-SHA256 (RFC 5869) with the given salt and info. */
    public static BigInteger derivedScalar(byte[] keyMaterial, String salt, String info) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(
                keyMaterial, salt.getBytes(StandardCharsets.US_ASCII), info.getBytes(StandardCharsets.US_ASCII)));
        byte[] c = new byte[SCALAR_SOURCE_BYTES];
        hkdf.generateBytes(c, 0, c.length);
        return scalarFrom(c);
    }

    public static ECPrivateKeyParameters privateKey(BigInteger d) {
        return new ECPrivateKeyParameters(d, DOMAIN);
    }

    public static ECPublicKeyParameters publicKey(BigInteger d) {
        return new ECPublicKeyParameters(DOMAIN.getG().multiply(d).normalize(), DOMAIN);
    }

    /** The 64-byte x || y encoding of a public key. */
    public static byte[] encode(ECPublicKeyParameters key) {
        ECPoint q = key.getQ().normalize();
        byte[] out = new byte[2 * FIELD_BYTES];
        BigIntegers.asUnsignedByteArray(q.getAffineXCoord().toBigInteger(), out, 0, FIELD_BYTES);
        BigIntegers.asUnsignedByteArray(q.getAffineYCoord().toBigInteger(), out, FIELD_BYTES, FIELD_BYTES);
        return out;
    }

    /** Decodes x || y; refuses anything that is not a point on P-256 (IllegalArgumentException saying so). */
    public static ECPublicKeyParameters decode(byte[] xy) {
        if (xy.length != 2 * FIELD_BYTES) {
            throw new IllegalArgumentException("a P-256 public key is 64 bytes (x || y), got " + xy.length);
        }
        byte[] uncompressed = new byte[1 + xy.length];
        uncompressed[0] = 0x04;
        System.arraycopy(xy, 0, uncompressed, 1, xy.length);
        try {
            return new ECPublicKeyParameters(CURVE.getCurve().decodePoint(uncompressed), DOMAIN);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the 64 bytes are not a point on P-256: " + e.getMessage(), e);
        }
    }

    /** {@link #decode}, or null if the bytes are not a P-256 point. */
    public static ECPublicKeyParameters decodeOrNull(byte[] xy) {
        try {
            return decode(xy);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A JCA public key (e.g. from a certificate) as BouncyCastle parameters; only P-256 keys are accepted. */
    public static ECPublicKeyParameters fromJca(PublicKey key) {
        try {
            if (PublicKeyFactory.createKey(key.getEncoded()) instanceof ECPublicKeyParameters p
                    && p.getParameters().getCurve().equals(CURVE.getCurve())) {
                return new ECPublicKeyParameters(p.getQ(), DOMAIN);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable public key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("the key is a " + key.getAlgorithm() + " key, not an ECDSA P-256 key");
    }

    /** The X.509 SubjectPublicKeyInfo of a key (named curve secp256r1). */
    public static SubjectPublicKeyInfo subjectPublicKeyInfo(ECPublicKeyParameters key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                    new ECPublicKeyParameters(key.getQ(), DOMAIN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ECDSA-SHA256 signature of {@code message} as r || s, 32 bytes each, big-endian. */
    public static byte[] sign(BigInteger d, byte[] message) {
        BigInteger[] rs = signRs(d, message);
        byte[] out = new byte[2 * FIELD_BYTES];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, FIELD_BYTES);
        BigIntegers.asUnsignedByteArray(rs[1], out, FIELD_BYTES, FIELD_BYTES);
        return out;
    }

    /** ECDSA-SHA256 signature as r and s. */
    public static BigInteger[] signRs(BigInteger d, byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey(d));
        return signer.generateSignature(sha256(message));
    }

    /** True if {@code signature} (r || s) is a valid ECDSA-SHA256 signature of {@code message} under {@code key}. */
    public static boolean verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
        if (signature.length != 2 * FIELD_BYTES) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, FIELD_BYTES));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, FIELD_BYTES, 2 * FIELD_BYTES));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(sha256(message), r, s);
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                sha.update(p);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

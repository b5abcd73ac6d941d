package io.teemate.abi.image;

import io.teemate.sgx.sign.Rsa3072;
import io.teemate.sgx.sign.SigningKey;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Which container images may join an enclave, signed by the enclave's owner with the same RSA-3072 key that
 * signs its SIGSTRUCT. The trusted runtime accepts a container only if the policy verifies for the enclave's
 * own MRENCLAVE and MRSIGNER (from its EREPORT) and lists the container's {@link ContainerManifest#digest()}; the
 * host carries the policy but cannot forge or retarget one.
 * <p>Encoding (little-endian): "TMPOLICY" | u32 version | MRENCLAVE (32) | u32 count | count container digests
 * (32 each, ascending as unsigned bytes, no duplicates) — these are the signed bytes — then the modulus (384,
 * little-endian as in SIGSTRUCT; the exponent is 3) and the RSASSA-PKCS1-v1_5 SHA-256 signature over the signed
 * bytes (384, little-endian). The "TMPOLICY" prefix keeps a policy signature from ever verifying as a SIGSTRUCT
 * signature (whose signed bytes start with the SIGSTRUCT header 06 00 00 00 E1 ...) and the other way round.
 */
public final class ContainerPolicy {
    public static final int DIGEST_BYTES = 32;
    public static final int MAX_DIGESTS = 1 << 16;
    private static final byte[] MAGIC = "TMPOLICY".getBytes(StandardCharsets.US_ASCII);
    private static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

    private final int version;
    private final byte[] mrEnclave;
    private final List<byte[]> digests;
    private final byte[] modulus;
    private final byte[] signature;

    private ContainerPolicy(int version, byte[] mrEnclave, List<byte[]> digests, byte[] modulus, byte[] signature) {
        this.version = version;
        this.mrEnclave = mrEnclave;
        this.digests = digests;
        this.modulus = modulus;
        this.signature = signature;
    }

    /**
     * Signs a policy that lets the containers with {@code digests} join the enclave {@code mrEnclave}.
     * {@code version} lets a runtime refuse an older policy once it has seen a newer one.
     */
    public static ContainerPolicy sign(SigningKey key, byte[] mrEnclave, List<byte[]> digests, int version) {
        if (mrEnclave.length != 32) {
            throw new IllegalArgumentException("MRENCLAVE is 32 bytes, got " + mrEnclave.length);
        }
        if (version < 0) {
            throw new IllegalArgumentException("a policy version is not negative, got " + version);
        }
        if (digests.size() > MAX_DIGESTS) {
            throw new IllegalArgumentException("a policy lists at most " + MAX_DIGESTS + " containers");
        }
        List<byte[]> sorted = new ArrayList<>();
        for (byte[] d : digests) {
            if (d.length != DIGEST_BYTES) {
                throw new IllegalArgumentException("a container digest is 32 bytes, got " + d.length);
            }
            sorted.add(d.clone());
        }
        sorted.sort(UNSIGNED);
        for (int i = 1; i < sorted.size(); i++) {
            if (Arrays.equals(sorted.get(i - 1), sorted.get(i))) {
                throw new IllegalArgumentException(
                        "container digest " + HexFormat.of().formatHex(sorted.get(i)) + " is listed twice");
            }
        }
        byte[] signed = signedBytes(version, mrEnclave, sorted);
        byte[] sig;
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key.privateKey());
            s.update(signed);
            sig = s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the container policy failed", e);
        }
        return new ContainerPolicy(
                version,
                mrEnclave.clone(),
                List.copyOf(sorted),
                Rsa3072.toLittleEndian(key.publicKey().getModulus()),
                Rsa3072.toLittleEndian(new BigInteger(1, sig)));
    }

    private static byte[] signedBytes(int version, byte[] mrEnclave, List<byte[]> digests) {
        Canonical.Writer w = new Canonical.Writer()
                .bytes(MAGIC)
                .u32(version)
                .bytes(mrEnclave)
                .u32(digests.size());
        digests.forEach(w::bytes);
        return w.toBytes();
    }

    public byte[] toBytes() {
        return new Canonical.Writer()
                .bytes(signedBytes(version, mrEnclave, digests))
                .bytes(modulus)
                .bytes(signature)
                .toBytes();
    }

    /**
     * Decodes a policy. Only the structure is checked here; {@link #verifiedFor} checks who signed it and for what.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static ContainerPolicy parse(byte[] bytes) {
        Canonical.Reader r = new Canonical.Reader(bytes, "the container policy");
        r.magic(MAGIC);
        long version = r.u32();
        if (version > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the container policy's version " + version + " is out of range");
        }
        byte[] mrEnclave = r.bytes(32);
        int count = r.count(DIGEST_BYTES);
        if (count > MAX_DIGESTS) {
            throw new IllegalArgumentException(
                    "the container policy lists " + count + " containers, at most " + MAX_DIGESTS);
        }
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] d = r.bytes(DIGEST_BYTES);
            if (i > 0 && UNSIGNED.compare(digests.get(i - 1), d) >= 0) {
                throw new IllegalArgumentException("the container policy's digests are not in ascending order at " + i);
            }
            digests.add(d);
        }
        byte[] modulus = r.bytes(Rsa3072.BYTES);
        byte[] signature = r.bytes(Rsa3072.BYTES);
        r.end();
        return new ContainerPolicy((int) version, mrEnclave, List.copyOf(digests), modulus, signature);
    }

    /** True if the signature is an RSA-3072 (e = 3) PKCS#1 v1.5 SHA-256 signature by the enclosed modulus. */
    public boolean signatureValid() {
        BigInteger n = Rsa3072.fromLittleEndian(modulus);
        BigInteger s = Rsa3072.fromLittleEndian(signature);
        if (n.bitLength() != 3072 || s.compareTo(n) >= 0) {
            return false;
        }
        try {
            PublicKey key =
                    KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, BigInteger.valueOf(3)));
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(key);
            v.update(signedBytes(version, mrEnclave, digests));
            // The JDK verifier compares the whole PKCS#1 v1.5 encoding, so e = 3 allows no Bleichenbacher-2006 forgery.
            return v.verify(Rsa3072.toBigEndian(s));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * True only if the policy is for the enclave {@code mrEnclave}, was signed by the key whose MRSIGNER is
     * {@code mrSigner} (SHA-256 of the little-endian modulus, as {@code SigStruct.mrSigner()}), and the signature
     * verifies. The runtime passes its own MRENCLAVE and MRSIGNER from EREPORT.
     */
    public boolean verifiedFor(byte[] mrEnclave, byte[] mrSigner) {
        return MessageDigest.isEqual(this.mrEnclave, mrEnclave)
                && MessageDigest.isEqual(mrSigner(), mrSigner)
                && signatureValid();
    }

    /** True if {@code containerDigest} is listed (check {@link #verifiedFor} first: this says nothing about who listed it). */
    public boolean allows(byte[] containerDigest) {
        for (byte[] d : digests) {
            if (MessageDigest.isEqual(d, containerDigest)) {
                return true;
            }
        }
        return false;
    }

    /** SHA-256 of the enclosed modulus, little-endian: the MRSIGNER of enclaves the same key signs. */
    public byte[] mrSigner() {
        return TrustedFile.newSha256().digest(modulus);
    }

    public int version() {
        return version;
    }

    public byte[] mrEnclave() {
        return mrEnclave.clone();
    }

    /** The allowed container digests, ascending. */
    public List<byte[]> digests() {
        return digests.stream().map(byte[]::clone).toList();
    }

    @Override
    public String toString() {
        return "ContainerPolicy[version " + version + ", MRENCLAVE "
                + HexFormat.of().formatHex(mrEnclave) + ", " + digests.size() + " container(s)]";
    }
}

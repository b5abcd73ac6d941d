package io.teemate.abi.attest;

import io.teemate.sgx.struct.ReportBody;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the quoting enclave hands the platform's PKI to get its PCK certificate (its {@link QuotingEnclaveAbi#ECALL_PCK_REQUEST}
 * output): the PCK public key (x || y, 64 B), the QE's own report body (384 B, REPORTDATA = SHA-256(PCK public key)
 * || 0^32, so it names the QE identity and TCB the key belongs to) and an ECDSA signature by the PCK key over both
 * (64 B, proof of possession, as in a PKCS#10 request). 512 bytes in all.
 * <p>In real DCAP the PCE sends an encrypted PPID and Intel's PCS looks the PCK certificate up; the emulated PKI
 * takes the key itself. The QE's report body is informative only: its MAC is for the QE and cannot be checked outside.
 */
public record PckCertificationRequest(byte[] pckPublicKey, byte[] rawQeReportBody, byte[] signature) {
    public static final int SIZE = 64 + ReportBody.SIZE + 64;
    public static final int OFFSET_PCK_PUBLIC_KEY = 0;
    public static final int OFFSET_QE_REPORT_BODY = 64;
    public static final int OFFSET_SIGNATURE = 64 + ReportBody.SIZE;

    public PckCertificationRequest {
        pckPublicKey = exact("PCK public key", pckPublicKey, 64);
        rawQeReportBody = exact("QE report body", rawQeReportBody, ReportBody.SIZE);
        signature = exact("signature", signature, 64);
    }

    private static byte[] exact(String what, byte[] v, int length) {
        Objects.requireNonNull(v, what);
        if (v.length != length) {
            throw new IllegalArgumentException(
                    "PCK certification request: " + what + " must be " + length + " bytes, got " + v.length);
        }
        return v.clone();
    }

    @Override
    public byte[] pckPublicKey() {
        return pckPublicKey.clone();
    }

    @Override
    public byte[] rawQeReportBody() {
        return rawQeReportBody.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public ReportBody qeReportBody() {
        return ReportBody.fromBytes(rawQeReportBody);
    }

    /** The signed part: PCK public key || QE report body. */
    public byte[] signedBytes() {
        return ByteBuffer.allocate(OFFSET_SIGNATURE)
                .put(pckPublicKey)
                .put(rawQeReportBody)
                .array();
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(SIZE)
                .put(pckPublicKey)
                .put(rawQeReportBody)
                .put(signature)
                .array();
    }

    public static PckCertificationRequest parse(byte[] raw) {
        Objects.requireNonNull(raw, "PCK certification request");
        if (raw.length != SIZE) {
            throw new IllegalArgumentException("a PCK certification request is " + SIZE + " bytes, got " + raw.length);
        }
        return new PckCertificationRequest(
                Arrays.copyOfRange(raw, 0, OFFSET_QE_REPORT_BODY),
                Arrays.copyOfRange(raw, OFFSET_QE_REPORT_BODY, OFFSET_SIGNATURE),
                Arrays.copyOfRange(raw, OFFSET_SIGNATURE, SIZE));
    }

    /**
     * Why this request is not acceptable, or null if it is: the key must be a P-256 point, the signature must verify
     * under it, and the QE report body's REPORTDATA must bind it.
     */
    public String problem() {
        var key = EcdsaP256.decodeOrNull(pckPublicKey);
        if (key == null) {
            return "the PCK public key is not a point on P-256";
        }
        if (!EcdsaP256.verify(key, signedBytes(), signature)) {
            return "the proof-of-possession signature does not verify under the PCK public key";
        }
        byte[] expected = Arrays.copyOf(EcdsaP256.sha256(pckPublicKey), ReportBody.REPORTDATA_LENGTH);
        if (!Arrays.equals(expected, qeReportBody().reportData())) {
            return "the QE report body's REPORTDATA is not SHA-256(PCK public key) || 0^32";
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PckCertificationRequest r
                && Arrays.equals(pckPublicKey, r.pckPublicKey)
                && Arrays.equals(rawQeReportBody, r.rawQeReportBody)
                && Arrays.equals(signature, r.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "PckCertificationRequest[pckPublicKey="
                + java.util.HexFormat.of().formatHex(pckPublicKey) + "]";
    }
}

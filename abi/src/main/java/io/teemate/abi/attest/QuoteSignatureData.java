package io.teemate.abi.attest;

import io.teemate.sgx.struct.ReportBody;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@code sgx_ql_ecdsa_sig_data_t} of sgx_quote_3.h, the signature data of an ECDSA-P256 quote v3, followed by
 * the {@code auth_certification_data[]} it announces:
 * <pre>
 *   +0    sig[64]              ECDSA signature over quote bytes [0, 432) by the attestation key, r || s big-endian
 *   +64   attest_pub_key[64]   the attestation public key, x || y big-endian
 *   +128  qe3_report[384]      REPORT body of the QE; its REPORTDATA = SHA-256(attest_pub_key || auth_data) || 0^32
 *   +512  qe3_report_sig[64]   ECDSA signature over qe3_report by the PCK key, r || s big-endian
 *   +576  sgx_ql_auth_data_t   size u16, auth_data[size]
 *   then  sgx_ql_certification_data_t  cert_key_type u16, size u32, data[size]
 * </pre>
 * Report bodies are kept as the raw bytes that were signed: {@link ReportBody} ignores reserved bytes, and a
 * verifier must check signatures over exactly what the quote carries.
 */
public record QuoteSignatureData(
        byte[] signature,
        byte[] attestationPublicKey,
        byte[] rawQeReportBody,
        byte[] qeReportSignature,
        byte[] authData,
        CertificationData certificationData) {
    public static final int OFFSET_SIGNATURE = 0;
    public static final int OFFSET_ATTEST_PUB_KEY = 64;
    public static final int OFFSET_QE_REPORT = 128;
    public static final int OFFSET_QE_REPORT_SIG = 512;
    public static final int OFFSET_AUTH_DATA = 576;
    public static final int SIGNATURE_LENGTH = 64;
    public static final int PUBLIC_KEY_LENGTH = 64;
    /** Size of the fixed part before auth data: 64 + 64 + 384 + 64. */
    public static final int FIXED_SIZE = 576;
    /** Largest auth data a u16 size field can describe. */
    public static final int MAX_AUTH_DATA = 0xFFFF;

    public QuoteSignatureData {
        signature = exact("sig", signature, SIGNATURE_LENGTH);
        attestationPublicKey = exact("attest_pub_key", attestationPublicKey, PUBLIC_KEY_LENGTH);
        rawQeReportBody = exact("qe3_report", rawQeReportBody, ReportBody.SIZE);
        qeReportSignature = exact("qe3_report_sig", qeReportSignature, SIGNATURE_LENGTH);
        Objects.requireNonNull(authData, "auth data");
        if (authData.length > MAX_AUTH_DATA) {
            throw new IllegalArgumentException(
                    "auth data is " + authData.length + " bytes, more than a u16 size allows");
        }
        authData = authData.clone();
        Objects.requireNonNull(certificationData, "certification data");
    }

    private static byte[] exact(String field, byte[] value, int length) {
        Objects.requireNonNull(value, field);
        if (value.length != length) {
            throw new IllegalArgumentException(field + " must be " + length + " bytes, got " + value.length);
        }
        return value.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] attestationPublicKey() {
        return attestationPublicKey.clone();
    }

    @Override
    public byte[] rawQeReportBody() {
        return rawQeReportBody.clone();
    }

    @Override
    public byte[] qeReportSignature() {
        return qeReportSignature.clone();
    }

    @Override
    public byte[] authData() {
        return authData.clone();
    }

    /** The QE's report body, decoded. */
    public ReportBody qeReportBody() {
        return ReportBody.fromBytes(rawQeReportBody);
    }

    /** signature_data_len: bytes this structure occupies in a quote. */
    public int encodedLength() {
        return FIXED_SIZE + 2 + authData.length + certificationData.encodedLength();
    }

    public byte[] toBytes() {
        byte[] cert = certificationData.data();
        ByteBuffer b = ByteBuffer.allocate(encodedLength()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(signature)
                .put(attestationPublicKey)
                .put(rawQeReportBody)
                .put(qeReportSignature)
                .putShort((short) authData.length)
                .put(authData)
                .putShort(certificationData.type())
                .putInt(cert.length)
                .put(cert);
        return b.array();
    }

    /**
     * Reads the signature data that occupies {@code quote[start, start + length)}; offsets in error messages are
     * from the start of the quote. Every byte of the range must be used.
     */
    static QuoteSignatureData parse(byte[] quote, int start, int length) {
        int end = start + length;
        need(
                quote,
                start,
                end,
                start,
                FIXED_SIZE + 2,
                "sig .. qe3_report_sig, auth data size",
                "the fixed part of the ECDSA signature data (576 bytes) and the auth data size (2 bytes)");
        ByteBuffer b = ByteBuffer.wrap(quote).order(ByteOrder.LITTLE_ENDIAN);
        int authSizeAt = start + OFFSET_AUTH_DATA;
        int authSize = Short.toUnsignedInt(b.getShort(authSizeAt));
        int authAt = authSizeAt + 2;
        need(
                quote,
                authAt,
                end,
                authSizeAt,
                authSize,
                "sgx_ql_auth_data_t.size",
                "auth data of " + authSize + " bytes");
        int certAt = authAt + authSize;
        need(
                quote,
                certAt,
                end,
                certAt,
                CertificationData.HEADER_SIZE,
                "sgx_ql_certification_data_t",
                "the certification data type and size (6 bytes)");
        short certType = b.getShort(certAt);
        long certSize = Integer.toUnsignedLong(b.getInt(certAt + 2));
        int certDataAt = certAt + CertificationData.HEADER_SIZE;
        if (certSize > end - certDataAt) {
            throw new QuoteFormatException(
                    "sgx_ql_certification_data_t.size",
                    certAt + 2,
                    "says " + certSize + " bytes of certification data but only " + (end - certDataAt)
                            + " remain in the signature data");
        }
        int used = certDataAt + (int) certSize;
        if (used != end) {
            throw new QuoteFormatException(
                    "signature_data",
                    used,
                    (end - used)
                            + " bytes after the certification data are not part of any field (signature_data_len too large?)");
        }
        return new QuoteSignatureData(
                Arrays.copyOfRange(quote, start + OFFSET_SIGNATURE, start + OFFSET_ATTEST_PUB_KEY),
                Arrays.copyOfRange(quote, start + OFFSET_ATTEST_PUB_KEY, start + OFFSET_QE_REPORT),
                Arrays.copyOfRange(quote, start + OFFSET_QE_REPORT, start + OFFSET_QE_REPORT_SIG),
                Arrays.copyOfRange(quote, start + OFFSET_QE_REPORT_SIG, start + OFFSET_AUTH_DATA),
                Arrays.copyOfRange(quote, authAt, authAt + authSize),
                new CertificationData(certType, Arrays.copyOfRange(quote, certDataAt, used)));
    }

    /** Fails unless {@code count} bytes starting at {@code at} lie before {@code end}. */
    private static void need(byte[] quote, int at, int end, int fieldOffset, int count, String field, String what) {
        if ((long) at + count > end) {
            throw new QuoteFormatException(
                    field,
                    fieldOffset,
                    "needs " + what + " but only " + Math.max(0, end - at) + " bytes remain in the signature data");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuoteSignatureData s
                && Arrays.equals(signature, s.signature)
                && Arrays.equals(attestationPublicKey, s.attestationPublicKey)
                && Arrays.equals(rawQeReportBody, s.rawQeReportBody)
                && Arrays.equals(qeReportSignature, s.qeReportSignature)
                && Arrays.equals(authData, s.authData)
                && certificationData.equals(s.certificationData);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(signature);
        for (byte[] a : new byte[][] {attestationPublicKey, rawQeReportBody, qeReportSignature, authData}) {
            h = 31 * h + Arrays.hashCode(a);
        }
        return 31 * h + certificationData.hashCode();
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "QuoteSignatureData[attestationPublicKey=" + hex.formatHex(attestationPublicKey) + ", authData="
                + authData.length + " bytes, " + certificationData + "]";
    }
}

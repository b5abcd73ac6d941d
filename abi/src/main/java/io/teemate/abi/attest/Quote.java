package io.teemate.abi.attest;

import io.teemate.sgx.struct.ReportBody;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An SGX ECDSA quote v3, {@code sgx_quote3_t} of intel/SGXDataCenterAttestationPrimitives
 * {@code QuoteGeneration/quote_wrapper/common/inc/sgx_quote_3.h}, byte for byte:
 * <pre>
 *   0    header              48 B  {@link QuoteHeader}
 *   48   report_body        384 B  the attesting enclave's REPORT body (sgx_report_body_t)
 *   432  signature_data_len   u32  length of what follows
 *   436  signature_data            {@link QuoteSignatureData} (sgx_ql_ecdsa_sig_data_t + auth and certification data)
 * </pre>
 * The attestation key signs bytes [0, 432), header and report body. The report body is kept raw (see
 * {@link QuoteSignatureData}); {@link #reportBody()} decodes it.
 */
public record Quote(QuoteHeader header, byte[] rawReportBody, QuoteSignatureData signatureData) {
    public static final int OFFSET_HEADER = 0;
    public static final int OFFSET_REPORT_BODY = 48;
    public static final int OFFSET_SIGNATURE_DATA_LEN = 432;
    public static final int OFFSET_SIGNATURE_DATA = 436;
    /** Length of the signed part: header and report body. */
    public static final int SIGNED_LENGTH = OFFSET_SIGNATURE_DATA_LEN;

    public Quote {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rawReportBody, "report body");
        if (rawReportBody.length != ReportBody.SIZE) {
            throw new IllegalArgumentException("report body must be 384 bytes, got " + rawReportBody.length);
        }
        rawReportBody = rawReportBody.clone();
        Objects.requireNonNull(signatureData, "signature data");
    }

    @Override
    public byte[] rawReportBody() {
        return rawReportBody.clone();
    }

    /** The attesting enclave's report body, decoded. */
    public ReportBody reportBody() {
        return ReportBody.fromBytes(rawReportBody);
    }

    /** Bytes [0, 432): what the attestation key signs. */
    public byte[] signedBytes() {
        byte[] out = new byte[SIGNED_LENGTH];
        System.arraycopy(header.toBytes(), 0, out, OFFSET_HEADER, QuoteHeader.SIZE);
        System.arraycopy(rawReportBody, 0, out, OFFSET_REPORT_BODY, ReportBody.SIZE);
        return out;
    }

    /** The quote's size for given auth data and certification data lengths. */
    public static int size(int authDataLength, int certificationDataLength) {
        return OFFSET_SIGNATURE_DATA
                + QuoteSignatureData.FIXED_SIZE
                + 2
                + authDataLength
                + CertificationData.HEADER_SIZE
                + certificationDataLength;
    }

    public int size() {
        return OFFSET_SIGNATURE_DATA + signatureData.encodedLength();
    }

    public byte[] toBytes() {
        byte[] sig = signatureData.toBytes();
        ByteBuffer b = ByteBuffer.allocate(OFFSET_SIGNATURE_DATA + sig.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header.toBytes()).put(rawReportBody).putInt(sig.length).put(sig);
        return b.array();
    }

    /**
     * Parses a quote; every byte must belong to a field. A malformed quote is refused with a
     * {@link QuoteFormatException} naming the field and its offset.
     */
    public static Quote parse(byte[] quote) {
        Objects.requireNonNull(quote, "quote");
        QuoteHeader header = QuoteHeader.parse(quote);
        if (quote.length < OFFSET_SIGNATURE_DATA_LEN) {
            throw new QuoteFormatException(
                    "report_body",
                    OFFSET_REPORT_BODY,
                    "the quote is " + quote.length
                            + " bytes, too short for the 384-byte report body that ends at offset 432");
        }
        if (quote.length < OFFSET_SIGNATURE_DATA) {
            throw new QuoteFormatException(
                    "signature_data_len",
                    OFFSET_SIGNATURE_DATA_LEN,
                    "the quote is " + quote.length + " bytes, too short for the 4-byte signature data length");
        }
        long sigLen = Integer.toUnsignedLong(
                ByteBuffer.wrap(quote).order(ByteOrder.LITTLE_ENDIAN).getInt(OFFSET_SIGNATURE_DATA_LEN));
        long available = quote.length - OFFSET_SIGNATURE_DATA;
        if (sigLen > available) {
            throw new QuoteFormatException(
                    "signature_data_len",
                    OFFSET_SIGNATURE_DATA_LEN,
                    "says " + sigLen + " bytes of signature data but only " + available + " follow (truncated quote?)");
        }
        if (sigLen < available) {
            throw new QuoteFormatException(
                    "signature_data",
                    OFFSET_SIGNATURE_DATA + (int) sigLen,
                    (available - sigLen) + " bytes follow the " + sigLen
                            + " bytes of signature data that signature_data_len announces");
        }
        QuoteSignatureData sig = QuoteSignatureData.parse(quote, OFFSET_SIGNATURE_DATA, (int) sigLen);
        return new Quote(header, Arrays.copyOfRange(quote, OFFSET_REPORT_BODY, OFFSET_SIGNATURE_DATA_LEN), sig);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quote q
                && header.equals(q.header)
                && Arrays.equals(rawReportBody, q.rawReportBody)
                && signatureData.equals(q.signatureData);
    }

    @Override
    public int hashCode() {
        return (31 * header.hashCode() + Arrays.hashCode(rawReportBody)) * 31 + signatureData.hashCode();
    }

    @Override
    public String toString() {
        return "Quote[" + header + ", reportBody=" + reportBody() + ", " + signatureData + "]";
    }
}

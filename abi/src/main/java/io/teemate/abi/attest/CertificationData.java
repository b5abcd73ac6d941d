package io.teemate.abi.attest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code sgx_ql_certification_data_t} of sgx_quote_3.h: cert_key_type u16, size u32, then {@code size} bytes of
 * certification data. The emulated QE always writes type 5, {@code PCK_CERT_CHAIN}: the PEM certificates of the
 * PCK leaf, the platform CA and the root, concatenated (the order Intel's quotes carry them in).
 */
public record CertificationData(short type, byte[] data) {
    /** Bytes before the data: type (2) and size (4). */
    public static final int HEADER_SIZE = 6;
    /** {@code PCK_CLEARTEXT}: the PCK leaf certificate alone. */
    public static final short PCK_CLEARTEXT = 4;
    /** {@code PCK_CERT_CHAIN}: "Full PCK Cert chain" as PEM. */
    public static final short PCK_CERT_CHAIN = 5;
    /** {@code ECDSA_SIG_AUX_DATA}: the signature data of another quote (quote v4 nesting; not produced here). */
    public static final short ECDSA_SIG_AUX_DATA = 6;

    public CertificationData {
        Objects.requireNonNull(data, "certification data");
        data = data.clone();
    }

    /** A PCK_CERT_CHAIN entry holding {@code pem} as US-ASCII bytes. */
    public static CertificationData pckCertChain(String pem) {
        return new CertificationData(PCK_CERT_CHAIN, pem.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The data as text (PEM for {@link #PCK_CERT_CHAIN}). */
    public String dataAsText() {
        return new String(data, StandardCharsets.US_ASCII);
    }

    /** Bytes this entry occupies in a quote. */
    public int encodedLength() {
        return HEADER_SIZE + data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificationData c && type == c.type && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CertificationData[type=" + type + ", " + data.length + " bytes]";
    }
}

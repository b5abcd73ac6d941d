package io.teemate.abi.attest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The 48-byte quote header, {@code sgx_quote_header_t} of intel/SGXDataCenterAttestationPrimitives
 * {@code QuoteGeneration/quote_wrapper/common/inc/sgx_quote_3.h}: version u16 @0, att_key_type u16 @2,
 * att_key_data_0 u32 @4 (reserved in v3; v4 puts the TEE type here), qe_svn u16 @8, pce_svn u16 @10,
 * vendor_id 16 @12, user_data 20 @28 (the header file's comment says "16:", but 12 + 16 = 28). Little-endian.
 * Every byte is a field, so a header round-trips exactly.
 */
public record QuoteHeader(
        short version,
        short attKeyType,
        int attKeyData0,
        short qeSvn,
        short pceSvn,
        byte[] qeVendorId,
        byte[] userData) {
    public static final int SIZE = 48;
    public static final int OFFSET_VERSION = 0;
    public static final int OFFSET_ATT_KEY_TYPE = 2;
    public static final int OFFSET_ATT_KEY_DATA_0 = 4;
    public static final int OFFSET_QE_SVN = 8;
    public static final int OFFSET_PCE_SVN = 10;
    public static final int OFFSET_VENDOR_ID = 12;
    public static final int OFFSET_USER_DATA = 28;
    public static final int VENDOR_ID_LENGTH = 16;
    public static final int USER_DATA_LENGTH = 20;

    /** The only quote version this package reads and writes: DCAP quote v3 ({@code sgx_quote3_t}). */
    public static final short VERSION_3 = 3;
    /** {@code SGX_QL_ALG_ECDSA_P256} of {@code sgx_ql_attestation_algorithm_id_t}: ECDSA-256-with-P-256. */
    public static final short ATT_KEY_TYPE_ECDSA_P256 = 2;

    private static final byte[] INTEL_QE_VENDOR_ID = HexFormat.of().parseHex("939a7233f79c4ca9940a0db3957f0607");
    private static final byte[] TEEMATE_QE_VENDOR_ID = HexFormat.of().parseHex("42b1a60a139eadea084ce11bac10d574");

    /** Intel's quoting enclave's vendor ID (939a7233-f79c-4ca9-940a-0db3957f0607), for reference only. */
    public static byte[] intelQeVendorId() {
        return INTEL_QE_VENDOR_ID.clone();
    }

    /**
     * The vendor ID of TeeMate's emulated quoting enclave: the first 16 bytes of SHA-256("TeeMate emulated QE").
     * It is deliberately not Intel's: these quotes are not made by Intel's QE and must not pass for them.
     */
    public static byte[] teemateQeVendorId() {
        return TEEMATE_QE_VENDOR_ID.clone();
    }

    public QuoteHeader {
        Objects.requireNonNull(qeVendorId, "qeVendorId");
        Objects.requireNonNull(userData, "userData");
        if (qeVendorId.length != VENDOR_ID_LENGTH) {
            throw new IllegalArgumentException("QE vendor ID must be 16 bytes, got " + qeVendorId.length);
        }
        if (userData.length != USER_DATA_LENGTH) {
            throw new IllegalArgumentException("header user data must be 20 bytes, got " + userData.length);
        }
        qeVendorId = qeVendorId.clone();
        userData = userData.clone();
    }

    @Override
    public byte[] qeVendorId() {
        return qeVendorId.clone();
    }

    @Override
    public byte[] userData() {
        return userData.clone();
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(version)
                .putShort(attKeyType)
                .putInt(attKeyData0)
                .putShort(qeSvn)
                .putShort(pceSvn)
                .put(qeVendorId)
                .put(userData);
        return b.array();
    }

    /**
     * Reads the header at the start of {@code quote}; rejects a short buffer, a version other than 3 and a key
     * type other than ECDSA-P256 (the layout of the signature data depends on both).
     */
    public static QuoteHeader parse(byte[] quote) {
        if (quote.length < SIZE) {
            throw new QuoteFormatException(
                    "header", 0, "the quote is " + quote.length + " bytes, shorter than the 48-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(quote, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        short version = b.getShort(OFFSET_VERSION);
        if (version != VERSION_3) {
            throw new QuoteFormatException(
                    "version",
                    OFFSET_VERSION,
                    "quote version " + Short.toUnsignedInt(version) + " is not supported (only DCAP quote v3)");
        }
        short keyType = b.getShort(OFFSET_ATT_KEY_TYPE);
        if (keyType != ATT_KEY_TYPE_ECDSA_P256) {
            throw new QuoteFormatException(
                    "att_key_type",
                    OFFSET_ATT_KEY_TYPE,
                    "attestation key type " + Short.toUnsignedInt(keyType)
                            + " is not supported (only 2 = ECDSA-256-with-P-256)");
        }
        return new QuoteHeader(
                version,
                keyType,
                b.getInt(OFFSET_ATT_KEY_DATA_0),
                b.getShort(OFFSET_QE_SVN),
                b.getShort(OFFSET_PCE_SVN),
                Arrays.copyOfRange(quote, OFFSET_VENDOR_ID, OFFSET_USER_DATA),
                Arrays.copyOfRange(quote, OFFSET_USER_DATA, SIZE));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuoteHeader h
                && version == h.version
                && attKeyType == h.attKeyType
                && attKeyData0 == h.attKeyData0
                && qeSvn == h.qeSvn
                && pceSvn == h.pceSvn
                && Arrays.equals(qeVendorId, h.qeVendorId)
                && Arrays.equals(userData, h.userData);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(version, attKeyType, attKeyData0, qeSvn, pceSvn);
        return 31 * (31 * h + Arrays.hashCode(qeVendorId)) + Arrays.hashCode(userData);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "QuoteHeader[version=" + version + ", attKeyType=" + attKeyType + ", qeSvn=" + Short.toUnsignedInt(qeSvn)
                + ", pceSvn=" + Short.toUnsignedInt(pceSvn) + ", qeVendorId=" + hex.formatHex(qeVendorId)
                + ", userData=" + hex.formatHex(userData) + "]";
    }
}

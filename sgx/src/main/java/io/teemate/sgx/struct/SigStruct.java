package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/** SDM Vol.3D SIGSTRUCT [SDM-1783] / Linux arch/x86/include/asm/sgx.h struct sgx_sigstruct, intel/linux-sgx arch.h enclave_css_t; offsets per sgx.md section 2. */
public record SigStruct(
        byte[] header,
        int vendor,
        int date,
        byte[] header2,
        int swDefined,
        byte[] modulus,
        int exponent,
        byte[] signature,
        int miscSelect,
        int miscMask,
        Attributes attributes,
        Attributes attributeMask,
        byte[] enclaveHash,
        short isvProdId,
        short isvSvn,
        byte[] q1,
        byte[] q2) {
    public static final int SIZE = 1808;

    public static final int OFFSET_HEADER = 0;
    public static final int OFFSET_VENDOR = 16;
    public static final int OFFSET_DATE = 20;
    public static final int OFFSET_HEADER2 = 24;
    public static final int OFFSET_SWDEFINED = 40;
    public static final int OFFSET_MODULUS = 128;
    public static final int OFFSET_EXPONENT = 512;
    public static final int OFFSET_SIGNATURE = 516;
    public static final int OFFSET_MISCSELECT = 900;
    public static final int OFFSET_MISCMASK = 904;
    public static final int OFFSET_ATTRIBUTES = 928;
    public static final int OFFSET_ATTRIBUTEMASK = 944;
    public static final int OFFSET_ENCLAVEHASH = 960;
    public static final int OFFSET_ISVPRODID = 1024;
    public static final int OFFSET_ISVSVN = 1026;
    public static final int OFFSET_Q1 = 1040;
    public static final int OFFSET_Q2 = 1424;

    public static final int HEADER_LENGTH = 16;
    public static final int KEY_LENGTH = 384;
    public static final int ENCLAVEHASH_LENGTH = 32;

    /** The signed bytes are [0, SIGNED_PART1_END) then [SIGNED_PART2_START, SIGNED_PART2_END). */
    public static final int SIGNED_PART1_END = 128;

    public static final int SIGNED_PART2_START = 900;
    public static final int SIGNED_PART2_END = 1028;
    public static final int SIGNED_LENGTH = 256;

    private static final byte[] HEADER = {
        0x06, 0x00, 0x00, 0x00, (byte) 0xE1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00
    };
    private static final byte[] HEADER2 = {
        0x01, 0x01, 0x00, 0x00, 0x60, 0x00, 0x00, 0x00, 0x60, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00
    };

    private static final String NAME = "SIGSTRUCT";

    /** The architectural HEADER value (a fresh copy). */
    public static byte[] architecturalHeader() {
        return HEADER.clone();
    }

    /** The architectural HEADER2 value (a fresh copy). */
    public static byte[] architecturalHeader2() {
        return HEADER2.clone();
    }

    public SigStruct {
        header = StructSupport.field(NAME, "header", header, HEADER_LENGTH);
        header2 = StructSupport.field(NAME, "header2", header2, HEADER_LENGTH);
        modulus = StructSupport.field(NAME, "modulus", modulus, KEY_LENGTH);
        signature = StructSupport.field(NAME, "signature", signature, KEY_LENGTH);
        Objects.requireNonNull(attributes, NAME + ".attributes");
        Objects.requireNonNull(attributeMask, NAME + ".attributeMask");
        enclaveHash = StructSupport.field(NAME, "enclaveHash", enclaveHash, ENCLAVEHASH_LENGTH);
        q1 = StructSupport.field(NAME, "q1", q1, KEY_LENGTH);
        q2 = StructSupport.field(NAME, "q2", q2, KEY_LENGTH);
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    @Override
    public byte[] header2() {
        return header2.clone();
    }

    /** RSA-3072 modulus, little-endian as stored (LSB first). */
    @Override
    public byte[] modulus() {
        return modulus.clone();
    }

    /** RSA signature, little-endian as stored. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] enclaveHash() {
        return enclaveHash.clone();
    }

    @Override
    public byte[] q1() {
        return q1.clone();
    }

    @Override
    public byte[] q2() {
        return q2.clone();
    }

    /** The 1808-byte image; reserved bytes (44..127, 908..927, 992..1023, 1028..1039) are zero. */
    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer buf = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(OFFSET_HEADER, header)
                .putInt(OFFSET_VENDOR, vendor)
                .putInt(OFFSET_DATE, date)
                .put(OFFSET_HEADER2, header2)
                .putInt(OFFSET_SWDEFINED, swDefined)
                .put(OFFSET_MODULUS, modulus)
                .putInt(OFFSET_EXPONENT, exponent)
                .put(OFFSET_SIGNATURE, signature)
                .putInt(OFFSET_MISCSELECT, miscSelect)
                .putInt(OFFSET_MISCMASK, miscMask);
        attributes.writeTo(buf.position(OFFSET_ATTRIBUTES));
        attributeMask.writeTo(buf.position(OFFSET_ATTRIBUTEMASK));
        buf.put(OFFSET_ENCLAVEHASH, enclaveHash)
                .putShort(OFFSET_ISVPRODID, isvProdId)
                .putShort(OFFSET_ISVSVN, isvSvn)
                .put(OFFSET_Q1, q1)
                .put(OFFSET_Q2, q2);
        return out;
    }

    /**
     * MRSIGNER of an enclave this SIGSTRUCT initializes: SHA-256 of the 384-byte modulus exactly as stored here
     * (little-endian). Linux writes the same value to IA32_SGXLEPUBKEYHASH before EINIT (ioctl.c sgx_get_key_hash).
     */
    public byte[] mrSigner() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(modulus);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The 256 signed bytes: toBytes()[0..127] followed by toBytes()[900..1027]. */
    public byte[] signedBytes() {
        byte[] all = toBytes();
        byte[] out = new byte[SIGNED_LENGTH];
        System.arraycopy(all, 0, out, 0, SIGNED_PART1_END);
        System.arraycopy(all, SIGNED_PART2_START, out, SIGNED_PART1_END, SIGNED_PART2_END - SIGNED_PART2_START);
        return out;
    }

    /** Decodes the fields; reserved bytes are ignored. */
    public static SigStruct fromBytes(byte[] b) {
        StructSupport.requireSize(NAME, b, SIZE);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] hdr = new byte[HEADER_LENGTH];
        byte[] hdr2 = new byte[HEADER_LENGTH];
        byte[] mod = new byte[KEY_LENGTH];
        byte[] sig = new byte[KEY_LENGTH];
        byte[] hash = new byte[ENCLAVEHASH_LENGTH];
        byte[] q1 = new byte[KEY_LENGTH];
        byte[] q2 = new byte[KEY_LENGTH];
        buf.get(OFFSET_HEADER, hdr)
                .get(OFFSET_HEADER2, hdr2)
                .get(OFFSET_MODULUS, mod)
                .get(OFFSET_SIGNATURE, sig)
                .get(OFFSET_ENCLAVEHASH, hash)
                .get(OFFSET_Q1, q1)
                .get(OFFSET_Q2, q2);
        return new SigStruct(
                hdr,
                buf.getInt(OFFSET_VENDOR),
                buf.getInt(OFFSET_DATE),
                hdr2,
                buf.getInt(OFFSET_SWDEFINED),
                mod,
                buf.getInt(OFFSET_EXPONENT),
                sig,
                buf.getInt(OFFSET_MISCSELECT),
                buf.getInt(OFFSET_MISCMASK),
                Attributes.read(buf.position(OFFSET_ATTRIBUTES)),
                Attributes.read(buf.position(OFFSET_ATTRIBUTEMASK)),
                hash,
                buf.getShort(OFFSET_ISVPRODID),
                buf.getShort(OFFSET_ISVSVN),
                q1,
                q2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigStruct s
                && Arrays.equals(header, s.header)
                && vendor == s.vendor
                && date == s.date
                && Arrays.equals(header2, s.header2)
                && swDefined == s.swDefined
                && Arrays.equals(modulus, s.modulus)
                && exponent == s.exponent
                && Arrays.equals(signature, s.signature)
                && miscSelect == s.miscSelect
                && miscMask == s.miscMask
                && attributes.equals(s.attributes)
                && attributeMask.equals(s.attributeMask)
                && Arrays.equals(enclaveHash, s.enclaveHash)
                && isvProdId == s.isvProdId
                && isvSvn == s.isvSvn
                && Arrays.equals(q1, s.q1)
                && Arrays.equals(q2, s.q2);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(
                vendor, date, swDefined, exponent, miscSelect, miscMask, attributes, attributeMask, isvProdId, isvSvn);
        for (byte[] a : new byte[][] {header, header2, modulus, signature, enclaveHash, q1, q2}) {
            h = 31 * h + Arrays.hashCode(a);
        }
        return h;
    }

    @Override
    public String toString() {
        return "SigStruct[header=" + StructSupport.hex(header)
                + ", vendor=0x" + Integer.toHexString(vendor) + ", date=0x" + Integer.toHexString(date)
                + ", header2=" + StructSupport.hex(header2) + ", swDefined=0x" + Integer.toHexString(swDefined)
                + ", modulus=" + StructSupport.hex(modulus) + ", exponent=" + exponent
                + ", signature=" + StructSupport.hex(signature)
                + ", miscSelect=0x" + Integer.toHexString(miscSelect) + ", miscMask=0x" + Integer.toHexString(miscMask)
                + ", attributes=" + attributes + ", attributeMask=" + attributeMask
                + ", enclaveHash=" + StructSupport.hex(enclaveHash)
                + ", isvProdId=" + Short.toUnsignedInt(isvProdId) + ", isvSvn=" + Short.toUnsignedInt(isvSvn)
                + ", q1=" + StructSupport.hex(q1) + ", q2=" + StructSupport.hex(q2) + "]";
    }
}

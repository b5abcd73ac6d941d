package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/** SDM Vol.3D SECS [SDM-1775] / Linux arch/x86/include/asm/sgx.h struct sgx_secs, intel/linux-sgx arch.h secs_t; offsets per sgx.md section 3. */
public record Secs(
        long size,
        long baseAddress,
        int ssaFrameSize,
        int miscSelect,
        Attributes attributes,
        byte[] mrEnclave,
        byte[] mrSigner,
        byte[] configId,
        short isvProdId,
        short isvSvn,
        short configSvn) {
    public static final int SIZE = 4096;

    public static final int OFFSET_SIZE = 0;
    public static final int OFFSET_BASEADDR = 8;
    /** SSAFRAMESIZE is counted in 4 KiB pages. */
    public static final int OFFSET_SSAFRAMESIZE = 16;

    public static final int OFFSET_MISCSELECT = 20;
    public static final int OFFSET_ATTRIBUTES = 48;
    public static final int OFFSET_MRENCLAVE = 64;
    public static final int OFFSET_MRSIGNER = 128;
    public static final int OFFSET_CONFIGID = 192;
    public static final int OFFSET_ISVPRODID = 256;
    public static final int OFFSET_ISVSVN = 258;
    public static final int OFFSET_CONFIGSVN = 260;

    public static final int MRENCLAVE_LENGTH = 32;
    public static final int MRSIGNER_LENGTH = 32;
    public static final int CONFIGID_LENGTH = 64;

    private static final String NAME = "SECS";

    public Secs {
        Objects.requireNonNull(attributes, NAME + ".attributes");
        mrEnclave = StructSupport.field(NAME, "mrEnclave", mrEnclave, MRENCLAVE_LENGTH);
        mrSigner = StructSupport.field(NAME, "mrSigner", mrSigner, MRSIGNER_LENGTH);
        configId = StructSupport.field(NAME, "configId", configId, CONFIGID_LENGTH);
    }

    @Override
    public byte[] mrEnclave() {
        return mrEnclave.clone();
    }

    @Override
    public byte[] mrSigner() {
        return mrSigner.clone();
    }

    @Override
    public byte[] configId() {
        return configId.clone();
    }

    /** The 4096-byte image; reserved bytes (and the hidden EID/PAD area) are zero. */
    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer buf = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(OFFSET_SIZE, size)
                .putLong(OFFSET_BASEADDR, baseAddress)
                .putInt(OFFSET_SSAFRAMESIZE, ssaFrameSize)
                .putInt(OFFSET_MISCSELECT, miscSelect);
        attributes.writeTo(buf.position(OFFSET_ATTRIBUTES));
        buf.put(OFFSET_MRENCLAVE, mrEnclave)
                .put(OFFSET_MRSIGNER, mrSigner)
                .put(OFFSET_CONFIGID, configId)
                .putShort(OFFSET_ISVPRODID, isvProdId)
                .putShort(OFFSET_ISVSVN, isvSvn)
                .putShort(OFFSET_CONFIGSVN, configSvn);
        return out;
    }

    /** Decodes the architectural fields; reserved bytes are ignored. */
    public static Secs fromBytes(byte[] b) {
        StructSupport.requireSize(NAME, b, SIZE);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] mre = new byte[MRENCLAVE_LENGTH];
        byte[] mrs = new byte[MRSIGNER_LENGTH];
        byte[] cid = new byte[CONFIGID_LENGTH];
        buf.get(OFFSET_MRENCLAVE, mre).get(OFFSET_MRSIGNER, mrs).get(OFFSET_CONFIGID, cid);
        return new Secs(
                buf.getLong(OFFSET_SIZE),
                buf.getLong(OFFSET_BASEADDR),
                buf.getInt(OFFSET_SSAFRAMESIZE),
                buf.getInt(OFFSET_MISCSELECT),
                Attributes.read(buf.position(OFFSET_ATTRIBUTES)),
                mre,
                mrs,
                cid,
                buf.getShort(OFFSET_ISVPRODID),
                buf.getShort(OFFSET_ISVSVN),
                buf.getShort(OFFSET_CONFIGSVN));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secs s
                && size == s.size
                && baseAddress == s.baseAddress
                && ssaFrameSize == s.ssaFrameSize
                && miscSelect == s.miscSelect
                && attributes.equals(s.attributes)
                && Arrays.equals(mrEnclave, s.mrEnclave)
                && Arrays.equals(mrSigner, s.mrSigner)
                && Arrays.equals(configId, s.configId)
                && isvProdId == s.isvProdId
                && isvSvn == s.isvSvn
                && configSvn == s.configSvn;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(size, baseAddress, ssaFrameSize, miscSelect, attributes, isvProdId, isvSvn, configSvn);
        h = 31 * h + Arrays.hashCode(mrEnclave);
        h = 31 * h + Arrays.hashCode(mrSigner);
        return 31 * h + Arrays.hashCode(configId);
    }

    @Override
    public String toString() {
        return "Secs[size=0x" + Long.toHexString(size) + ", baseAddress=0x" + Long.toHexString(baseAddress)
                + ", ssaFrameSize=" + ssaFrameSize + ", miscSelect=0x" + Integer.toHexString(miscSelect)
                + ", attributes=" + attributes
                + ", mrEnclave=" + StructSupport.hex(mrEnclave) + ", mrSigner=" + StructSupport.hex(mrSigner)
                + ", configId=" + StructSupport.hex(configId)
                + ", isvProdId=" + Short.toUnsignedInt(isvProdId) + ", isvSvn=" + Short.toUnsignedInt(isvSvn)
                + ", configSvn=" + Short.toUnsignedInt(configSvn) + "]";
    }
}

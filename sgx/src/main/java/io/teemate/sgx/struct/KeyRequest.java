package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/** SDM Vol.3D KEYREQUEST [SDM-1786] / intel/linux-sgx common/inc/sgx_key.h sgx_key_request_t; offsets per sgx.md section 7. */
public record KeyRequest(
        short keyName,
        short keyPolicy,
        short isvSvn,
        byte[] cpuSvn,
        Attributes attributeMask,
        byte[] keyId,
        int miscMask,
        short configSvn) {
    public static final int SIZE = 512;

    public static final int OFFSET_KEYNAME = 0;
    public static final int OFFSET_KEYPOLICY = 2;
    public static final int OFFSET_ISVSVN = 4;
    public static final int OFFSET_CPUSVN = 8;
    public static final int OFFSET_ATTRIBUTEMASK = 24;
    public static final int OFFSET_KEYID = 40;
    public static final int OFFSET_MISCMASK = 72;
    public static final int OFFSET_CONFIGSVN = 76;
    /** Reserved u16 at 6..7; reserved 434 bytes at 78..511. */
    public static final int OFFSET_RESERVED1 = 6;

    public static final int OFFSET_RESERVED2 = 78;

    public static final int CPUSVN_LENGTH = 16;
    public static final int KEYID_LENGTH = 32;

    public static final short KEYNAME_EINITTOKEN = 0;
    public static final short KEYNAME_PROVISION = 1;
    public static final short KEYNAME_PROVISION_SEAL = 2;
    public static final short KEYNAME_REPORT = 3;
    public static final short KEYNAME_SEAL = 4;

    public static final short POLICY_MRENCLAVE = 0x1;
    public static final short POLICY_MRSIGNER = 0x2;
    public static final short POLICY_NOISVPRODID = 0x4;
    public static final short POLICY_CONFIGID = 0x8;
    public static final short POLICY_ISVFAMILYID = 0x10;
    public static final short POLICY_ISVEXTPRODID = 0x20;

    private static final String NAME = "KEYREQUEST";

    public KeyRequest {
        cpuSvn = StructSupport.field(NAME, "cpuSvn", cpuSvn, CPUSVN_LENGTH);
        Objects.requireNonNull(attributeMask, NAME + ".attributeMask");
        keyId = StructSupport.field(NAME, "keyId", keyId, KEYID_LENGTH);
    }

    @Override
    public byte[] cpuSvn() {
        return cpuSvn.clone();
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    /** The 512-byte image; reserved bytes (6..7, 78..511) are zero. */
    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer buf = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort(OFFSET_KEYNAME, keyName)
                .putShort(OFFSET_KEYPOLICY, keyPolicy)
                .putShort(OFFSET_ISVSVN, isvSvn)
                .put(OFFSET_CPUSVN, cpuSvn);
        attributeMask.writeTo(buf.position(OFFSET_ATTRIBUTEMASK));
        buf.put(OFFSET_KEYID, keyId).putInt(OFFSET_MISCMASK, miscMask).putShort(OFFSET_CONFIGSVN, configSvn);
        return out;
    }

    /** Decodes the fields; reserved bytes are ignored here (EGETKEY checks them with {@link #reservedZero}). */
    public static KeyRequest fromBytes(byte[] b) {
        StructSupport.requireSize(NAME, b, SIZE);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] cpu = new byte[CPUSVN_LENGTH];
        byte[] kid = new byte[KEYID_LENGTH];
        buf.get(OFFSET_CPUSVN, cpu).get(OFFSET_KEYID, kid);
        return new KeyRequest(
                buf.getShort(OFFSET_KEYNAME),
                buf.getShort(OFFSET_KEYPOLICY),
                buf.getShort(OFFSET_ISVSVN),
                cpu,
                Attributes.read(buf.position(OFFSET_ATTRIBUTEMASK)),
                kid,
                buf.getInt(OFFSET_MISCMASK),
                buf.getShort(OFFSET_CONFIGSVN));
    }

    /** True if the reserved bytes 6..7 and 78..511 of a raw 512-byte KEYREQUEST are all zero. */
    public static boolean reservedZero(byte[] raw) {
        StructSupport.requireSize(NAME, raw, SIZE);
        for (int i = OFFSET_RESERVED1; i < OFFSET_CPUSVN; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        for (int i = OFFSET_RESERVED2; i < SIZE; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRequest k
                && keyName == k.keyName
                && keyPolicy == k.keyPolicy
                && isvSvn == k.isvSvn
                && Arrays.equals(cpuSvn, k.cpuSvn)
                && attributeMask.equals(k.attributeMask)
                && Arrays.equals(keyId, k.keyId)
                && miscMask == k.miscMask
                && configSvn == k.configSvn;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(keyName, keyPolicy, isvSvn, attributeMask, miscMask, configSvn);
        h = 31 * h + Arrays.hashCode(cpuSvn);
        return 31 * h + Arrays.hashCode(keyId);
    }

    @Override
    public String toString() {
        return "KeyRequest[keyName=" + keyName + ", keyPolicy=0x" + Integer.toHexString(Short.toUnsignedInt(keyPolicy))
                + ", isvSvn=" + Short.toUnsignedInt(isvSvn) + ", cpuSvn=" + StructSupport.hex(cpuSvn)
                + ", attributeMask=" + attributeMask + ", keyId=" + StructSupport.hex(keyId)
                + ", miscMask=0x" + Integer.toHexString(miscMask) + ", configSvn=" + Short.toUnsignedInt(configSvn)
                + "]";
    }
}

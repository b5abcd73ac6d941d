package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** SDM Vol.3D TCS / Linux arch/x86/include/asm/sgx.h struct sgx_tcs, intel/linux-sgx arch.h tcs_t; offsets per sgx.md section 3. */
public record Tcs(
        long state,
        long flags,
        long ossa,
        int cssa,
        int nssa,
        long oentry,
        long aep,
        long ofsBase,
        long ogsBase,
        int fsLimit,
        int gsLimit) {
    public static final int SIZE = 4096;

    public static final int OFFSET_STATE = 0;
    public static final int OFFSET_FLAGS = 8;
    public static final int OFFSET_OSSA = 16;
    public static final int OFFSET_CSSA = 24;
    public static final int OFFSET_NSSA = 28;
    public static final int OFFSET_OENTRY = 32;
    public static final int OFFSET_AEP = 40;
    public static final int OFFSET_OFSBASE = 48;
    public static final int OFFSET_OGSBASE = 56;
    public static final int OFFSET_FSLIMIT = 64;
    public static final int OFFSET_GSLIMIT = 68;

    /** TCS.FLAGS bit 0. */
    public static final long FLAG_DBGOPTIN = 1L;

    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer.wrap(out)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(OFFSET_STATE, state)
                .putLong(OFFSET_FLAGS, flags)
                .putLong(OFFSET_OSSA, ossa)
                .putInt(OFFSET_CSSA, cssa)
                .putInt(OFFSET_NSSA, nssa)
                .putLong(OFFSET_OENTRY, oentry)
                .putLong(OFFSET_AEP, aep)
                .putLong(OFFSET_OFSBASE, ofsBase)
                .putLong(OFFSET_OGSBASE, ogsBase)
                .putInt(OFFSET_FSLIMIT, fsLimit)
                .putInt(OFFSET_GSLIMIT, gsLimit);
        return out;
    }

    /** Decodes the architectural fields; the 4024 reserved bytes are ignored. */
    public static Tcs fromBytes(byte[] b) {
        StructSupport.requireSize("TCS", b, SIZE);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return new Tcs(
                buf.getLong(OFFSET_STATE),
                buf.getLong(OFFSET_FLAGS),
                buf.getLong(OFFSET_OSSA),
                buf.getInt(OFFSET_CSSA),
                buf.getInt(OFFSET_NSSA),
                buf.getLong(OFFSET_OENTRY),
                buf.getLong(OFFSET_AEP),
                buf.getLong(OFFSET_OFSBASE),
                buf.getLong(OFFSET_OGSBASE),
                buf.getInt(OFFSET_FSLIMIT),
                buf.getInt(OFFSET_GSLIMIT));
    }

    @Override
    public String toString() {
        return "Tcs[state=" + state + ", flags=0x" + Long.toHexString(flags) + ", ossa=0x" + Long.toHexString(ossa)
                + ", cssa=" + cssa + ", nssa=" + nssa + ", oentry=0x" + Long.toHexString(oentry)
                + ", aep=0x" + Long.toHexString(aep) + ", ofsBase=0x" + Long.toHexString(ofsBase)
                + ", ogsBase=0x" + Long.toHexString(ogsBase) + ", fsLimit=0x" + Integer.toHexString(fsLimit)
                + ", gsLimit=0x" + Integer.toHexString(gsLimit) + "]";
    }
}

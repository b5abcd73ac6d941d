package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** SDM Vol.3D SSA MISC region EXINFO [SDM-1777] / Linux arch/x86/include/asm/sgx.h SGX_SSA_MISC_EXINFO_SIZE (MADDR u64 @0, ERRCD u32 @8, reserved u32 @12); sgx.md section 3. */
public record ExInfo(long maddr, int errcd) {
    /** Placed directly below GPRSGX in the SSA frame. */
    public static final int SIZE = 16;

    public static final int OFFSET_MADDR = 0;
    public static final int OFFSET_ERRCD = 8;

    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer.wrap(out)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(OFFSET_MADDR, maddr)
                .putInt(OFFSET_ERRCD, errcd);
        return out;
    }

    public static ExInfo fromBytes(byte[] b) {
        StructSupport.requireSize("EXINFO", b, SIZE);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return new ExInfo(buf.getLong(OFFSET_MADDR), buf.getInt(OFFSET_ERRCD));
    }

    @Override
    public String toString() {
        return "ExInfo[maddr=0x" + Long.toHexString(maddr) + ", errcd=0x" + Integer.toHexString(errcd) + "]";
    }
}

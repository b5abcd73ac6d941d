package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** SDM Vol.3D PAGEINFO [SDM-1781] / Linux arch/x86/include/asm/sgx.h struct sgx_pageinfo (LINADDR @0, SRCPGE @8, SECINFO/PCMD @16, SECS @24); sgx.md section 3. */
public record PageInfo(long linAddr, long srcPage, long secInfo, long secs) {
    public static final int SIZE = 32;
    public static final int OFFSET_LINADDR = 0;
    public static final int OFFSET_SRCPGE = 8;
    public static final int OFFSET_SECINFO = 16;
    public static final int OFFSET_SECS = 24;

    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer.wrap(out)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(OFFSET_LINADDR, linAddr)
                .putLong(OFFSET_SRCPGE, srcPage)
                .putLong(OFFSET_SECINFO, secInfo)
                .putLong(OFFSET_SECS, secs);
        return out;
    }

    public static PageInfo fromBytes(byte[] b) {
        StructSupport.requireSize("PAGEINFO", b, SIZE);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return new PageInfo(
                buf.getLong(OFFSET_LINADDR),
                buf.getLong(OFFSET_SRCPGE),
                buf.getLong(OFFSET_SECINFO),
                buf.getLong(OFFSET_SECS));
    }

    @Override
    public String toString() {
        return "PageInfo[linAddr=0x" + Long.toHexString(linAddr) + ", srcPage=0x" + Long.toHexString(srcPage)
                + ", secInfo=0x" + Long.toHexString(secInfo) + ", secs=0x" + Long.toHexString(secs) + "]";
    }
}

package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** SDM Vol.3D SECINFO [SDM-1781] / Linux arch/x86/include/asm/sgx.h struct sgx_secinfo, intel/linux-sgx arch.h SI_FLAG_* (FLAGS u64 @0, 56 reserved); sgx.md section 3. */
public record SecInfo(long flags) {
    public static final int SIZE = 64;

    public static final int FLAG_R = 1;
    public static final int FLAG_W = 2;
    public static final int FLAG_X = 4;
    public static final int FLAG_PENDING = 8;
    public static final int FLAG_MODIFIED = 16;
    public static final int FLAG_PR = 32;
    public static final int PAGE_TYPE_SHIFT = 8;
    public static final long PAGE_TYPE_MASK = 0xFFL << PAGE_TYPE_SHIFT;
    /** Every FLAGS bit that is not R, W, X, PENDING, MODIFIED, PR or PAGE_TYPE. */
    public static final long RESERVED_MASK = ~(0x3FL | PAGE_TYPE_MASK);

    /** FLAGS = permission bits | page type code &lt;&lt; 8. */
    public static SecInfo of(PageType type, PagePermissions perms) {
        return new SecInfo(perms.bits() | ((long) type.code() << PAGE_TYPE_SHIFT));
    }

    /** Decodes bits 8..15; an unknown code throws IllegalArgumentException (see {@link PageType#fromCode}). */
    public PageType pageType() {
        return PageType.fromCode((int) ((flags & PAGE_TYPE_MASK) >>> PAGE_TYPE_SHIFT));
    }

    public PagePermissions permissions() {
        return PagePermissions.fromBits((int) (flags & 7));
    }

    public boolean pending() {
        return (flags & FLAG_PENDING) != 0;
    }

    public boolean modified() {
        return (flags & FLAG_MODIFIED) != 0;
    }

    public boolean pr() {
        return (flags & FLAG_PR) != 0;
    }

    /** True if any bit other than 0..5 and 8..15 is set. */
    public boolean reservedBitsSet() {
        return (flags & RESERVED_MASK) != 0;
    }

    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(0, flags);
        return out;
    }

    /** Decodes FLAGS; the 56 reserved bytes are ignored. */
    public static SecInfo fromBytes(byte[] b) {
        StructSupport.requireSize("SECINFO", b, SIZE);
        return new SecInfo(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0));
    }

    @Override
    public String toString() {
        return "SecInfo[flags=0x" + Long.toHexString(flags) + "]";
    }
}

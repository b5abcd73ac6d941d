package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** SDM Vol.3D SECS.ATTRIBUTES / Linux arch/x86/include/asm/sgx.h enum sgx_attribute, SGX_ATTR_RESERVED_MASK (FLAGS u64 @0, XFRM u64 @8); sgx.md section 3. */
public record Attributes(long flags, long xfrm) {
    public static final int SIZE = 16;

    public static final long INIT = 1L;
    public static final long DEBUG = 2L;
    public static final long MODE64BIT = 4L;
    public static final long PROVISIONKEY = 16L;
    public static final long EINITTOKENKEY = 32L;
    public static final long KSS = 128L;
    /** Bits 3, 6 and 8..63 of FLAGS (the kernel's SGX_ATTR_RESERVED_MASK). */
    public static final long RESERVED_FLAGS = (1L << 3) | (1L << 6) | 0xFFFF_FFFF_FFFF_FF00L;

    /** True if all bits of {@code flag} are set in FLAGS. */
    public boolean has(long flag) {
        return (flags & flag) == flag;
    }

    /** Bitwise AND of both FLAGS and XFRM with {@code mask}. */
    public Attributes and(Attributes mask) {
        return new Attributes(flags & mask.flags, xfrm & mask.xfrm);
    }

    /** A copy with {@code flag} additionally set in FLAGS. */
    public Attributes with(long flag) {
        return new Attributes(flags | flag, xfrm);
    }

    /**
     * Writes FLAGS then XFRM (16 bytes, little-endian regardless of the buffer's order) at the buffer's position
     * and advances it by 16; the buffer's byte order is left unchanged.
     */
    public void writeTo(ByteBuffer buf) {
        ByteOrder saved = buf.order();
        buf.order(ByteOrder.LITTLE_ENDIAN);
        try {
            buf.putLong(flags).putLong(xfrm);
        } finally {
            buf.order(saved);
        }
    }

    /** Reads 16 little-endian bytes at the buffer's position (advancing it by 16); the byte order is left unchanged. */
    public static Attributes read(ByteBuffer buf) {
        ByteOrder saved = buf.order();
        buf.order(ByteOrder.LITTLE_ENDIAN);
        try {
            long f = buf.getLong();
            long x = buf.getLong();
            return new Attributes(f, x);
        } finally {
            buf.order(saved);
        }
    }

    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        writeTo(ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN));
        return out;
    }

    public static Attributes fromBytes(byte[] b) {
        StructSupport.requireSize("ATTRIBUTES", b, SIZE);
        return read(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
    }

    @Override
    public String toString() {
        return "Attributes[flags=0x" + Long.toHexString(flags) + ", xfrm=0x" + Long.toHexString(xfrm) + "]";
    }
}

package io.teemate.sgx.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** SDM Vol.3D SSA GPRSGX [SDM-1777] / Linux arch/x86/include/asm/sgx.h SGX_SSA_GPRS_SIZE, intel/linux-sgx arch.h ssa_gpr_t; offsets per sgx.md section 3. */
public record GprSgx(long[] gprs, long rflags, long rip, long ursp, long urbp, int exitInfo, long fsBase, long gsBase) {
    /** GPRSGX is the last 184 bytes of an SSA frame. */
    public static final int SIZE = 184;

    public static final int GPR_COUNT = 16;

    public static final int RAX = 0;
    public static final int RCX = 1;
    public static final int RDX = 2;
    public static final int RBX = 3;
    public static final int RSP = 4;
    public static final int RBP = 5;
    public static final int RSI = 6;
    public static final int RDI = 7;
    public static final int R8 = 8;
    public static final int R9 = 9;
    public static final int R10 = 10;
    public static final int R11 = 11;
    public static final int R12 = 12;
    public static final int R13 = 13;
    public static final int R14 = 14;
    public static final int R15 = 15;

    /** Register i lives at offset 8 * i. */
    public static final int OFFSET_GPRS = 0;

    public static final int OFFSET_RFLAGS = 128;
    public static final int OFFSET_RIP = 136;
    public static final int OFFSET_URSP = 144;
    public static final int OFFSET_URBP = 152;
    public static final int OFFSET_EXITINFO = 160;
    public static final int OFFSET_FSBASE = 168;
    public static final int OFFSET_GSBASE = 176;

    /** EXITINFO.EXIT_TYPE for a hardware exception. */
    public static final int EXIT_TYPE_HARDWARE = 3;
    /** EXITINFO.EXIT_TYPE for a software exception (#BP, INT3). */
    public static final int EXIT_TYPE_SOFTWARE = 6;
    /** EXITINFO.VALID (bit 31). */
    public static final int EXIT_INFO_VALID = 1 << 31;

    private static final String NAME = "GPRSGX";

    private static final String[] GPR_NAMES = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
    };

    public GprSgx {
        Objects.requireNonNull(gprs, NAME + ".gprs");
        if (gprs.length != GPR_COUNT) {
            throw new IllegalArgumentException(NAME + ".gprs must be " + GPR_COUNT + " registers (" + GPR_COUNT * 8
                    + " bytes), got " + gprs.length);
        }
        gprs = gprs.clone();
    }

    @Override
    public long[] gprs() {
        return gprs.clone();
    }

    /** Register {@code index} (RAX .. R15). */
    public long gpr(int index) {
        return gprs[Objects.checkIndex(index, GPR_COUNT)];
    }

    /** EXITINFO = vector (bits 0..7) | exitType (bits 8..10) &lt;&lt; 8 | VALID (bit 31). */
    public static int exitInfo(int vector, int exitType) {
        if (vector < 0 || vector > 0xFF) {
            throw new IllegalArgumentException("EXITINFO vector out of range 0..255: " + vector);
        }
        if (exitType < 0 || exitType > 7) {
            throw new IllegalArgumentException("EXITINFO exit type out of range 0..7: " + exitType);
        }
        return vector | exitType << 8 | EXIT_INFO_VALID;
    }

    /** EXITINFO bits 0..7. */
    public static int exitVector(int exitInfo) {
        return exitInfo & 0xFF;
    }

    /** EXITINFO bits 8..10. */
    public static int exitType(int exitInfo) {
        return (exitInfo >>> 8) & 0x7;
    }

    /** EXITINFO bit 31. */
    public static boolean exitValid(int exitInfo) {
        return (exitInfo & EXIT_INFO_VALID) != 0;
    }

    /** The 184-byte image; the reserved u32 at 164 is zero. */
    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer buf = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < GPR_COUNT; i++) {
            buf.putLong(OFFSET_GPRS + 8 * i, gprs[i]);
        }
        buf.putLong(OFFSET_RFLAGS, rflags)
                .putLong(OFFSET_RIP, rip)
                .putLong(OFFSET_URSP, ursp)
                .putLong(OFFSET_URBP, urbp)
                .putInt(OFFSET_EXITINFO, exitInfo)
                .putLong(OFFSET_FSBASE, fsBase)
                .putLong(OFFSET_GSBASE, gsBase);
        return out;
    }

    /** Decodes the fields; the reserved u32 at 164 is ignored. */
    public static GprSgx fromBytes(byte[] b) {
        StructSupport.requireSize(NAME, b, SIZE);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long[] regs = new long[GPR_COUNT];
        for (int i = 0; i < GPR_COUNT; i++) {
            regs[i] = buf.getLong(OFFSET_GPRS + 8 * i);
        }
        return new GprSgx(
                regs,
                buf.getLong(OFFSET_RFLAGS),
                buf.getLong(OFFSET_RIP),
                buf.getLong(OFFSET_URSP),
                buf.getLong(OFFSET_URBP),
                buf.getInt(OFFSET_EXITINFO),
                buf.getLong(OFFSET_FSBASE),
                buf.getLong(OFFSET_GSBASE));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GprSgx g
                && Arrays.equals(gprs, g.gprs)
                && rflags == g.rflags
                && rip == g.rip
                && ursp == g.ursp
                && urbp == g.urbp
                && exitInfo == g.exitInfo
                && fsBase == g.fsBase
                && gsBase == g.gsBase;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(gprs) + Objects.hash(rflags, rip, ursp, urbp, exitInfo, fsBase, gsBase);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        StringBuilder sb = new StringBuilder("GprSgx[");
        for (int i = 0; i < GPR_COUNT; i++) {
            sb.append(GPR_NAMES[i])
                    .append("=0x")
                    .append(hex.toHexDigits(gprs[i]))
                    .append(", ");
        }
        return sb.append("rflags=0x")
                .append(hex.toHexDigits(rflags))
                .append(", rip=0x")
                .append(hex.toHexDigits(rip))
                .append(", ursp=0x")
                .append(hex.toHexDigits(ursp))
                .append(", urbp=0x")
                .append(hex.toHexDigits(urbp))
                .append(", exitInfo=0x")
                .append(hex.toHexDigits(exitInfo))
                .append(", fsBase=0x")
                .append(hex.toHexDigits(fsBase))
                .append(", gsBase=0x")
                .append(hex.toHexDigits(gsBase))
                .append(']')
                .toString();
    }
}

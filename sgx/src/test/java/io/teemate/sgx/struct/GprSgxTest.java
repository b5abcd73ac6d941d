package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static io.teemate.sgx.struct.Layouts.le;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GprSgxTest {
    /** sgx.md section 3 GPRSGX; 164..167 reserved. */
    private static final int[][] FIELDS = {
        {0, 128}, {128, 8}, {136, 8}, {144, 8}, {152, 8}, {160, 4}, {168, 8}, {176, 8}
    };

    @Property
    void roundTrip(
            @ForAll @Size(16) long[] gprs,
            @ForAll long rflags,
            @ForAll long rip,
            @ForAll long ursp,
            @ForAll long urbp,
            @ForAll int exitInfo,
            @ForAll long fsBase,
            @ForAll long gsBase) {
        GprSgx g = new GprSgx(gprs, rflags, rip, ursp, urbp, exitInfo, fsBase, gsBase);
        byte[] raw = g.toBytes();
        assertThat(raw).hasSize(GprSgx.SIZE);
        assertThat(GprSgx.fromBytes(raw)).isEqualTo(g);
    }

    @Property
    void reservedBytesAreZeroAndFieldBytesKept(@ForAll @Size(184) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, GprSgx::fromBytes, GprSgx::toBytes);
    }

    @Example
    void fieldOffsets() {
        long[] regs = new long[16];
        for (int i = 0; i < 16; i++) {
            regs[i] = 0x1000L * (i + 1) + i;
        }
        GprSgx g = new GprSgx(
                regs,
                0x202,
                0x7000_0000_1234L,
                0x7FFE_0000L,
                0x7FFE_0100L,
                GprSgx.exitInfo(14, GprSgx.EXIT_TYPE_HARDWARE),
                0x7000_0000_8000L,
                0x7000_0000_9000L);
        byte[] raw = g.toBytes();
        assertThat(GprSgx.SIZE).isEqualTo(184);
        assertThat(le(raw, 0, 8)).isEqualTo(regs[GprSgx.RAX]);
        assertThat(le(raw, 8, 8)).isEqualTo(regs[GprSgx.RCX]);
        assertThat(le(raw, 24, 8)).isEqualTo(regs[GprSgx.RBX]);
        assertThat(le(raw, 32, 8)).isEqualTo(regs[GprSgx.RSP]);
        assertThat(le(raw, 56, 8)).isEqualTo(regs[GprSgx.RDI]);
        assertThat(le(raw, 64, 8)).isEqualTo(regs[GprSgx.R8]);
        assertThat(le(raw, 120, 8)).isEqualTo(regs[GprSgx.R15]);
        assertThat(le(raw, 128, 8)).isEqualTo(0x202);
        assertThat(le(raw, 136, 8)).isEqualTo(0x7000_0000_1234L);
        assertThat(le(raw, 144, 8)).isEqualTo(0x7FFE_0000L);
        assertThat(le(raw, 152, 8)).isEqualTo(0x7FFE_0100L);
        assertThat(le(raw, 160, 4)).isEqualTo(0x8000_030EL);
        assertThat(le(raw, 164, 4)).isZero();
        assertThat(le(raw, 168, 8)).isEqualTo(0x7000_0000_8000L);
        assertThat(le(raw, 176, 8)).isEqualTo(0x7000_0000_9000L);
        assertThat(g.gpr(GprSgx.R15)).isEqualTo(regs[15]);
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(184), FIELDS, GprSgx::fromBytes);
    }

    @Example
    void registerIndexConstants() {
        assertThat(new int[] {
                    GprSgx.RAX,
                    GprSgx.RCX,
                    GprSgx.RDX,
                    GprSgx.RBX,
                    GprSgx.RSP,
                    GprSgx.RBP,
                    GprSgx.RSI,
                    GprSgx.RDI,
                    GprSgx.R8,
                    GprSgx.R9,
                    GprSgx.R10,
                    GprSgx.R11,
                    GprSgx.R12,
                    GprSgx.R13,
                    GprSgx.R14,
                    GprSgx.R15
                })
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Example
    void exitInfoEncoding() {
        assertThat(GprSgx.EXIT_TYPE_HARDWARE).isEqualTo(3);
        assertThat(GprSgx.EXIT_TYPE_SOFTWARE).isEqualTo(6);
        assertThat(GprSgx.exitInfo(14, GprSgx.EXIT_TYPE_HARDWARE)).isEqualTo(0x8000_030E);
        assertThat(GprSgx.exitInfo(3, GprSgx.EXIT_TYPE_SOFTWARE)).isEqualTo(0x8000_0603);
        assertThatThrownBy(() -> GprSgx.exitInfo(256, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GprSgx.exitInfo(0, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void exitInfoFieldsDecode(
            @ForAll @IntRange(min = 0, max = 255) int vector, @ForAll @IntRange(min = 0, max = 7) int type) {
        int e = GprSgx.exitInfo(vector, type);
        assertThat(e).isEqualTo(vector | type << 8 | 1 << 31);
        assertThat(GprSgx.exitVector(e)).isEqualTo(vector);
        assertThat(GprSgx.exitType(e)).isEqualTo(type);
        assertThat(GprSgx.exitValid(e)).isTrue();
        assertThat(GprSgx.exitValid(e & 0x7FFF_FFFF)).isFalse();
    }

    @Example
    void registersAreCopiedAndCounted() {
        long[] regs = new long[16];
        GprSgx g = new GprSgx(regs, 0, 0, 0, 0, 0, 0, 0);
        regs[0] = 42;
        g.gprs()[1] = 42;
        assertThat(g.gprs()).containsOnly(0L);
        assertThatThrownBy(() -> new GprSgx(new long[15], 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gprs")
                .hasMessageContaining("16");
        assertThat(new GprSgx(new long[16], 0, 0, 0, 0, 0, 0, 0))
                .isNotEqualTo(
                        new GprSgx(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 0, 0, 0, 0, 0, 0, 0));
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(GprSgx::fromBytes, GprSgx.SIZE, "GPRSGX");
    }
}

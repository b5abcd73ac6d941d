package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static io.teemate.sgx.struct.Layouts.le;
import static org.assertj.core.api.Assertions.assertThat;

class TcsTest {
    /** sgx.md section 3, as {offset, length}. */
    private static final int[][] FIELDS = {
        {0, 8}, {8, 8}, {16, 8}, {24, 4}, {28, 4}, {32, 8}, {40, 8}, {48, 8}, {56, 8}, {64, 4}, {68, 4}
    };

    @Property(tries = 300)
    void roundTrip(
            @ForAll long state,
            @ForAll long flags,
            @ForAll long ossa,
            @ForAll int cssa,
            @ForAll int nssa,
            @ForAll long oentry,
            @ForAll long aep,
            @ForAll long ofsBase,
            @ForAll long ogsBase,
            @ForAll int fsLimit,
            @ForAll int gsLimit) {
        Tcs t = new Tcs(state, flags, ossa, cssa, nssa, oentry, aep, ofsBase, ogsBase, fsLimit, gsLimit);
        byte[] raw = t.toBytes();
        assertThat(raw).hasSize(Tcs.SIZE);
        assertThat(Tcs.fromBytes(raw)).isEqualTo(t);
    }

    @Property(tries = 100)
    void reservedBytesAreZeroAndFieldBytesKept(@ForAll @Size(4096) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, Tcs::fromBytes, Tcs::toBytes);
    }

    @Example
    void fieldOffsets() {
        Tcs t = new Tcs(
                1, Tcs.FLAG_DBGOPTIN, 0x3000, 2, 3, 0x1040, 0x5555_0000_1234L, 0x8000, 0x9000, 0xFFF, 0xFFFF_FFFF);
        byte[] raw = t.toBytes();
        assertThat(Tcs.SIZE).isEqualTo(4096);
        assertThat(le(raw, 0, 8)).isEqualTo(1);
        assertThat(le(raw, 8, 8)).isEqualTo(1);
        assertThat(le(raw, 16, 8)).isEqualTo(0x3000);
        assertThat(le(raw, 24, 4)).isEqualTo(2);
        assertThat(le(raw, 28, 4)).isEqualTo(3);
        assertThat(le(raw, 32, 8)).isEqualTo(0x1040);
        assertThat(le(raw, 40, 8)).isEqualTo(0x5555_0000_1234L);
        assertThat(le(raw, 48, 8)).isEqualTo(0x8000);
        assertThat(le(raw, 56, 8)).isEqualTo(0x9000);
        assertThat(le(raw, 64, 4)).isEqualTo(0xFFF);
        assertThat(le(raw, 68, 4)).isEqualTo(0xFFFF_FFFFL);
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(4096), FIELDS, Tcs::fromBytes);
    }

    @Example
    void patchOffsetsMatchTheLayout() {
        assertThat(Tcs.OFFSET_STATE).isZero();
        assertThat(Tcs.OFFSET_CSSA).isEqualTo(24);
        assertThat(Tcs.OFFSET_AEP).isEqualTo(40);
        byte[] raw = new Tcs(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0).toBytes();
        raw[Tcs.OFFSET_STATE] = 1;
        raw[Tcs.OFFSET_CSSA] = 5;
        raw[Tcs.OFFSET_AEP + 1] = 0x12;
        Tcs patched = Tcs.fromBytes(raw);
        assertThat(patched.state()).isEqualTo(1);
        assertThat(patched.cssa()).isEqualTo(5);
        assertThat(patched.aep()).isEqualTo(0x1200);
        assertThat(patched.nssa()).isEqualTo(1);
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(Tcs::fromBytes, Tcs.SIZE, "TCS");
    }
}

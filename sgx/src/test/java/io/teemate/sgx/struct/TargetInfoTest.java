package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static io.teemate.sgx.struct.Layouts.le;
import static io.teemate.sgx.struct.Layouts.seq;
import static io.teemate.sgx.struct.Layouts.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetInfoTest {
    private static final int[][] FIELDS = {{0, 32}, {32, 16}, {52, 4}};

    @Property
    void roundTrip(
            @ForAll @Size(32) byte[] measurement, @ForAll long flags, @ForAll long xfrm, @ForAll int miscSelect) {
        TargetInfo t = new TargetInfo(measurement, new Attributes(flags, xfrm), miscSelect);
        byte[] raw = t.toBytes();
        assertThat(raw).hasSize(TargetInfo.SIZE);
        assertThat(TargetInfo.fromBytes(raw)).isEqualTo(t);
    }

    @Property(tries = 200)
    void reservedBytesAreZeroAndFieldBytesKept(@ForAll @Size(512) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, TargetInfo::fromBytes, TargetInfo::toBytes);
    }

    @Example
    void fieldOffsets() {
        byte[] raw = new TargetInfo(seq(32, 0x61), new Attributes(0x15, 0x3), 0xA5A5_0001).toBytes();
        assertThat(TargetInfo.SIZE).isEqualTo(512);
        assertThat(slice(raw, 0, 32)).isEqualTo(seq(32, 0x61));
        assertThat(le(raw, 32, 8)).isEqualTo(0x15);
        assertThat(le(raw, 40, 8)).isEqualTo(0x3);
        assertThat(le(raw, 48, 4)).isZero();
        assertThat(le(raw, 52, 4)).isEqualTo(0xA5A5_0001L);
        assertThat(slice(raw, 56, 456)).isEqualTo(new byte[456]);
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(512), FIELDS, TargetInfo::fromBytes);
    }

    @Example
    void measurementCopiedAndLengthChecked() {
        byte[] m = seq(32, 3);
        TargetInfo t = new TargetInfo(m, new Attributes(0, 0), 0);
        m[0] = 0;
        t.measurement()[1] = 0;
        assertThat(t.measurement()).isEqualTo(seq(32, 3));
        assertThatThrownBy(() -> new TargetInfo(new byte[31], new Attributes(0, 0), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("measurement")
                .hasMessageContaining("32");
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(TargetInfo::fromBytes, TargetInfo.SIZE, "TARGETINFO");
    }
}

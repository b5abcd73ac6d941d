package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static io.teemate.sgx.struct.Layouts.le;
import static org.assertj.core.api.Assertions.assertThat;

class ExInfoTest {
    private static final int[][] FIELDS = {{0, 8}, {8, 4}};

    @Property
    void roundTrip(@ForAll long maddr, @ForAll int errcd) {
        ExInfo e = new ExInfo(maddr, errcd);
        byte[] raw = e.toBytes();
        assertThat(raw).hasSize(ExInfo.SIZE);
        assertThat(ExInfo.fromBytes(raw)).isEqualTo(e);
    }

    @Property
    void reservedBytesAreZeroAndFieldBytesKept(@ForAll @Size(16) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, ExInfo::fromBytes, ExInfo::toBytes);
    }

    @Example
    void fieldOffsets() {
        byte[] raw = new ExInfo(0x7000_0000_3000L, 0x6).toBytes();
        assertThat(ExInfo.SIZE).isEqualTo(16);
        assertThat(le(raw, 0, 8)).isEqualTo(0x7000_0000_3000L);
        assertThat(le(raw, 8, 4)).isEqualTo(6);
        assertThat(le(raw, 12, 4)).isZero();
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(16), FIELDS, ExInfo::fromBytes);
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(ExInfo::fromBytes, ExInfo.SIZE, "EXINFO");
    }
}

package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static io.teemate.sgx.struct.Layouts.le;
import static org.assertj.core.api.Assertions.assertThat;

class PageInfoTest {
    private static final int[][] FIELDS = {{0, 8}, {8, 8}, {16, 8}, {24, 8}};

    @Property
    void roundTrip(@ForAll long linAddr, @ForAll long srcPage, @ForAll long secInfo, @ForAll long secs) {
        PageInfo p = new PageInfo(linAddr, srcPage, secInfo, secs);
        byte[] raw = p.toBytes();
        assertThat(raw).hasSize(PageInfo.SIZE);
        assertThat(PageInfo.fromBytes(raw)).isEqualTo(p);
    }

    @Property
    void everyByteIsAField(@ForAll @Size(32) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, PageInfo::fromBytes, PageInfo::toBytes);
    }

    @Example
    void fieldOffsets() {
        byte[] raw = new PageInfo(0x7F00_0000_1000L, 0xDEAD_B000L, 0x1234_5640L, 0xCAFE_F000L).toBytes();
        assertThat(PageInfo.SIZE).isEqualTo(32);
        assertThat(le(raw, 0, 8)).isEqualTo(0x7F00_0000_1000L);
        assertThat(le(raw, 8, 8)).isEqualTo(0xDEAD_B000L);
        assertThat(le(raw, 16, 8)).isEqualTo(0x1234_5640L);
        assertThat(le(raw, 24, 8)).isEqualTo(0xCAFE_F000L);
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(32), FIELDS, PageInfo::fromBytes);
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(PageInfo::fromBytes, PageInfo.SIZE, "PAGEINFO");
    }
}

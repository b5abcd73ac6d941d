package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static io.teemate.sgx.struct.Layouts.le;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecInfoTest {
    private static final int[][] FIELDS = {{0, 8}};

    @Property
    void roundTrip(@ForAll long flags) {
        SecInfo s = new SecInfo(flags);
        byte[] raw = s.toBytes();
        assertThat(raw).hasSize(SecInfo.SIZE);
        assertThat(SecInfo.fromBytes(raw)).isEqualTo(s);
    }

    @Property
    void onlyFlagsAreEncoded(@ForAll @Size(64) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, SecInfo::fromBytes, SecInfo::toBytes);
    }

    @Example
    void flagsAtOffsetZero() {
        byte[] raw = SecInfo.of(PageType.REG, PagePermissions.RWX).toBytes();
        assertThat(SecInfo.SIZE).isEqualTo(64);
        assertThat(le(raw, 0, 8)).isEqualTo(0x207L);
        assertThat(raw[0]).isEqualTo((byte) 0x07);
        assertThat(raw[1]).isEqualTo((byte) 0x02);
        assertThat(SecInfo.of(PageType.TCS, PagePermissions.NONE).flags()).isEqualTo(0x100L);
        assertThat(SecInfo.of(PageType.TRIM, PagePermissions.R).flags()).isEqualTo(0x401L);
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(64), FIELDS, SecInfo::fromBytes);
    }

    @Property
    void ofDecodesBack(@ForAll PageType type, @ForAll @IntRange(min = 0, max = 7) int bits) {
        PagePermissions p = PagePermissions.fromBits(bits);
        SecInfo s = SecInfo.of(type, p);
        assertThat(s.pageType()).isEqualTo(type);
        assertThat(s.permissions()).isEqualTo(p);
        assertThat(s.pending()).isFalse();
        assertThat(s.modified()).isFalse();
        assertThat(s.pr()).isFalse();
        assertThat(s.reservedBitsSet()).isFalse();
    }

    @Example
    void statusBits() {
        assertThat(SecInfo.FLAG_PENDING).isEqualTo(8);
        assertThat(SecInfo.FLAG_MODIFIED).isEqualTo(16);
        assertThat(SecInfo.FLAG_PR).isEqualTo(32);
        SecInfo s = new SecInfo(0x200 | SecInfo.FLAG_PENDING | 3);
        assertThat(s.pending()).isTrue();
        assertThat(s.modified()).isFalse();
        assertThat(s.pr()).isFalse();
        assertThat(s.permissions()).isEqualTo(PagePermissions.RW);
        assertThat(new SecInfo(SecInfo.FLAG_MODIFIED).modified()).isTrue();
        assertThat(new SecInfo(SecInfo.FLAG_PR).pr()).isTrue();
        assertThat(new SecInfo(SecInfo.FLAG_PR).pending()).isFalse();
    }

    @Property
    void reservedBitsAreExactly6And7And16To63(@ForAll @IntRange(min = 0, max = 63) int bit) {
        boolean reserved = bit == 6 || bit == 7 || bit >= 16;
        assertThat(new SecInfo(1L << bit).reservedBitsSet()).as("bit %d", bit).isEqualTo(reserved);
    }

    @Example
    void unknownPageTypeIsRejected() {
        assertThatThrownBy(() -> new SecInfo(0x500).pageType()).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(SecInfo::fromBytes, SecInfo.SIZE, "SECINFO");
    }
}

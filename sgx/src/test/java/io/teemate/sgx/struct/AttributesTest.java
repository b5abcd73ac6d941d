package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static io.teemate.sgx.struct.Layouts.le;
import static org.assertj.core.api.Assertions.assertThat;

class AttributesTest {

    @Property
    void roundTrip(@ForAll long flags, @ForAll long xfrm) {
        Attributes a = new Attributes(flags, xfrm);
        byte[] raw = a.toBytes();
        assertThat(raw).hasSize(Attributes.SIZE);
        assertThat(Attributes.fromBytes(raw)).isEqualTo(a);
    }

    @Example
    void flagsAtZeroXfrmAtEight() {
        byte[] raw = new Attributes(0x0102030405060708L, 0x1112131415161718L).toBytes();
        assertThat(Attributes.SIZE).isEqualTo(16);
        assertThat(raw[0]).isEqualTo((byte) 0x08);
        assertThat(raw[7]).isEqualTo((byte) 0x01);
        assertThat(le(raw, 0, 8)).isEqualTo(0x0102030405060708L);
        assertThat(le(raw, 8, 8)).isEqualTo(0x1112131415161718L);
    }

    @Property
    void writeToAndReadUseLittleEndianAtPositionWhateverTheBufferOrder(
            @ForAll long flags,
            @ForAll long xfrm,
            @ForAll @IntRange(min = 0, max = 48) int pos,
            @ForAll boolean bigEndian) {
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] backing = new byte[64];
        ByteBuffer buf = ByteBuffer.wrap(backing).order(order);
        buf.position(pos);
        new Attributes(flags, xfrm).writeTo(buf);
        assertThat(buf.position()).isEqualTo(pos + 16);
        assertThat(buf.order()).isEqualTo(order);
        assertThat(le(backing, pos, 8)).isEqualTo(flags);
        assertThat(le(backing, pos + 8, 8)).isEqualTo(xfrm);
        for (int i = 0; i < backing.length; i++) {
            if (i < pos || i >= pos + 16) {
                assertThat(backing[i]).as("byte %d outside the field", i).isZero();
            }
        }
        buf.position(pos);
        assertThat(Attributes.read(buf)).isEqualTo(new Attributes(flags, xfrm));
        assertThat(buf.position()).isEqualTo(pos + 16);
        assertThat(buf.order()).isEqualTo(order);
    }

    @Example
    void flagConstantsAndReservedMask() {
        assertThat(Attributes.INIT).isEqualTo(1L);
        assertThat(Attributes.DEBUG).isEqualTo(2L);
        assertThat(Attributes.MODE64BIT).isEqualTo(4L);
        assertThat(Attributes.PROVISIONKEY).isEqualTo(16L);
        assertThat(Attributes.EINITTOKENKEY).isEqualTo(32L);
        assertThat(Attributes.KSS).isEqualTo(128L);
        assertThat(Attributes.RESERVED_FLAGS).isEqualTo(0xFFFF_FFFF_FFFF_FF48L);
        long defined = Attributes.INIT
                | Attributes.DEBUG
                | Attributes.MODE64BIT
                | Attributes.PROVISIONKEY
                | Attributes.EINITTOKENKEY
                | Attributes.KSS;
        assertThat(defined & Attributes.RESERVED_FLAGS).isZero();
        assertThat(defined | Attributes.RESERVED_FLAGS).isEqualTo(-1L);
    }

    @Example
    void hasAndWith() {
        Attributes a = new Attributes(Attributes.MODE64BIT, 3);
        assertThat(a.has(Attributes.MODE64BIT)).isTrue();
        assertThat(a.has(Attributes.DEBUG)).isFalse();
        Attributes b = a.with(Attributes.DEBUG);
        assertThat(b.has(Attributes.DEBUG)).isTrue();
        assertThat(b.has(Attributes.MODE64BIT)).isTrue();
        assertThat(b.xfrm()).isEqualTo(3);
        assertThat(a.has(Attributes.DEBUG)).as("original unchanged").isFalse();
    }

    @Property
    void andMasksBothWords(@ForAll long f1, @ForAll long x1, @ForAll long f2, @ForAll long x2) {
        assertThat(new Attributes(f1, x1).and(new Attributes(f2, x2))).isEqualTo(new Attributes(f1 & f2, x1 & x2));
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(Attributes::fromBytes, Attributes.SIZE, "ATTRIBUTES");
    }
}

package io.teemate.sgx.struct;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import static io.teemate.sgx.struct.Layouts.le;
import static io.teemate.sgx.struct.Layouts.seq;
import static io.teemate.sgx.struct.Layouts.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecsTest {
    /** sgx.md section 3, as {offset, length}. */
    private static final int[][] FIELDS = {
        {0, 8}, {8, 8}, {16, 4}, {20, 4}, {48, 8}, {56, 8}, {64, 32}, {128, 32}, {192, 64}, {256, 2}, {258, 2}, {260, 2}
    };

    @Provide
    Arbitrary<Attributes> attributes() {
        return Layouts.attributes();
    }

    @Property(tries = 300)
    void roundTrip(
            @ForAll long size,
            @ForAll long base,
            @ForAll int ssaFrameSize,
            @ForAll int miscSelect,
            @ForAll("attributes") Attributes attributes,
            @ForAll @Size(32) byte[] mrEnclave,
            @ForAll @Size(32) byte[] mrSigner,
            @ForAll @Size(64) byte[] configId,
            @ForAll short isvProdId,
            @ForAll short isvSvn,
            @ForAll short configSvn) {
        Secs s = new Secs(
                size,
                base,
                ssaFrameSize,
                miscSelect,
                attributes,
                mrEnclave,
                mrSigner,
                configId,
                isvProdId,
                isvSvn,
                configSvn);
        byte[] raw = s.toBytes();
        assertThat(raw).hasSize(Secs.SIZE);
        assertThat(Secs.fromBytes(raw)).isEqualTo(s);
    }

    @Property(tries = 100)
    void reservedBytesAreZeroAndFieldBytesKept(@ForAll @Size(4096) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, Secs::fromBytes, Secs::toBytes);
    }

    @Example
    void fieldOffsets() {
        Secs s = new Secs(
                0x40_0000L,
                0x7000_0000_0000L,
                4,
                0x1,
                new Attributes(Attributes.INIT | Attributes.MODE64BIT, 0xE7L),
                seq(32, 0x10),
                seq(32, 0x80),
                seq(64, 0xC0),
                (short) 0x1234,
                (short) 0xBEEF,
                (short) 7);
        byte[] raw = s.toBytes();
        assertThat(Secs.SIZE).isEqualTo(4096);
        assertThat(le(raw, 0, 8)).isEqualTo(0x40_0000L);
        assertThat(le(raw, 8, 8)).isEqualTo(0x7000_0000_0000L);
        assertThat(le(raw, 16, 4)).isEqualTo(4);
        assertThat(le(raw, 20, 4)).isEqualTo(1);
        assertThat(le(raw, 48, 8)).isEqualTo(5);
        assertThat(le(raw, 56, 8)).isEqualTo(0xE7);
        assertThat(slice(raw, 64, 32)).isEqualTo(seq(32, 0x10));
        assertThat(slice(raw, 128, 32)).isEqualTo(seq(32, 0x80));
        assertThat(slice(raw, 192, 64)).isEqualTo(seq(64, 0xC0));
        assertThat(le(raw, 256, 2)).isEqualTo(0x1234);
        assertThat(le(raw, 258, 2)).isEqualTo(0xBEEF);
        assertThat(le(raw, 260, 2)).isEqualTo(7);
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(4096), FIELDS, Secs::fromBytes);
    }

    @Example
    void byteArraysAreCopiedInAndOut() {
        byte[] mre = seq(32, 1);
        Secs s = new Secs(
                0, 0, 1, 0, new Attributes(0, 3), mre, new byte[32], new byte[64], (short) 0, (short) 0, (short) 0);
        mre[0] = 99;
        assertThat(s.mrEnclave()[0]).isEqualTo((byte) 1);
        s.mrEnclave()[1] = 99;
        s.mrSigner()[0] = 99;
        s.configId()[0] = 99;
        assertThat(s.mrEnclave()).isEqualTo(seq(32, 1));
        assertThat(s.mrSigner()).isEqualTo(new byte[32]);
        assertThat(s.configId()).isEqualTo(new byte[64]);
        assertThat(s.toString()).contains("0102030405");
    }

    @Example
    void wrongFieldLengthsNamed() {
        assertThatThrownBy(() -> new Secs(
                        0,
                        0,
                        1,
                        0,
                        new Attributes(0, 3),
                        new byte[31],
                        new byte[32],
                        new byte[64],
                        (short) 0,
                        (short) 0,
                        (short) 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mrEnclave")
                .hasMessageContaining("32");
        assertThatThrownBy(() -> new Secs(
                        0,
                        0,
                        1,
                        0,
                        new Attributes(0, 3),
                        new byte[32],
                        new byte[33],
                        new byte[64],
                        (short) 0,
                        (short) 0,
                        (short) 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mrSigner")
                .hasMessageContaining("32");
        assertThatThrownBy(() -> new Secs(
                        0,
                        0,
                        1,
                        0,
                        new Attributes(0, 3),
                        new byte[32],
                        new byte[32],
                        new byte[32],
                        (short) 0,
                        (short) 0,
                        (short) 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configId")
                .hasMessageContaining("64");
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(Secs::fromBytes, Secs.SIZE, "SECS");
    }
}

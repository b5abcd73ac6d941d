package io.teemate.sgx.struct;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.HexFormat;

import static io.teemate.sgx.struct.Layouts.le;
import static io.teemate.sgx.struct.Layouts.seq;
import static io.teemate.sgx.struct.Layouts.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigStructTest {
    /** sgx.md section 2, as {offset, length}; reserved 44..127, 908..927, 992..1023, 1028..1039. */
    private static final int[][] FIELDS = {
        {0, 16},
        {16, 4},
        {20, 4},
        {24, 16},
        {40, 4},
        {128, 384},
        {512, 4},
        {516, 384},
        {900, 4},
        {904, 4},
        {928, 16},
        {944, 16},
        {960, 32},
        {1024, 2},
        {1026, 2},
        {1040, 384},
        {1424, 384}
    };

    @Provide
    Arbitrary<Attributes> attributes() {
        return Layouts.attributes();
    }

    @Property(tries = 200)
    void roundTrip(
            @ForAll @Size(16) byte[] header,
            @ForAll int vendor,
            @ForAll int date,
            @ForAll @Size(16) byte[] header2,
            @ForAll int swDefined,
            @ForAll @Size(384) byte[] modulus,
            @ForAll int exponent,
            @ForAll @Size(384) byte[] signature,
            @ForAll int miscSelect,
            @ForAll int miscMask,
            @ForAll("attributes") Attributes attributes,
            @ForAll("attributes") Attributes attributeMask,
            @ForAll @Size(32) byte[] enclaveHash,
            @ForAll short isvProdId,
            @ForAll short isvSvn,
            @ForAll @Size(384) byte[] q1,
            @ForAll @Size(384) byte[] q2) {
        SigStruct s = new SigStruct(
                header,
                vendor,
                date,
                header2,
                swDefined,
                modulus,
                exponent,
                signature,
                miscSelect,
                miscMask,
                attributes,
                attributeMask,
                enclaveHash,
                isvProdId,
                isvSvn,
                q1,
                q2);
        byte[] raw = s.toBytes();
        assertThat(raw).hasSize(SigStruct.SIZE);
        assertThat(SigStruct.fromBytes(raw)).isEqualTo(s);
    }

    @Property(tries = 100)
    void reservedBytesAreZeroAndFieldBytesKept(@ForAll @Size(1808) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, SigStruct::fromBytes, SigStruct::toBytes);
    }

    private static SigStruct sample() {
        return new SigStruct(
                SigStruct.architecturalHeader(),
                0x8086,
                0x2024_0131,
                SigStruct.architecturalHeader2(),
                0x77,
                seq(384, 1),
                3,
                seq(384, 2),
                0x1,
                0xFFFF_FFFF,
                new Attributes(Attributes.MODE64BIT | Attributes.DEBUG, 3),
                new Attributes(~Attributes.DEBUG, ~0L),
                seq(32, 0xE0),
                (short) 0x0102,
                (short) 0x0304,
                seq(384, 3),
                seq(384, 4));
    }

    @Example
    void headerConstants() {
        assertThat(SigStruct.architecturalHeader())
                .isEqualTo(HexFormat.of().parseHex("06000000E10000000000010000000000"));
        assertThat(SigStruct.architecturalHeader2())
                .isEqualTo(HexFormat.of().parseHex("01010000600000006000000001000000"));
    }

    @Example
    void fieldOffsets() {
        byte[] raw = sample().toBytes();
        assertThat(SigStruct.SIZE).isEqualTo(1808);
        assertThat(slice(raw, 0, 16)).isEqualTo(HexFormat.of().parseHex("06000000E10000000000010000000000"));
        assertThat(le(raw, 16, 4)).isEqualTo(0x8086);
        assertThat(le(raw, 20, 4)).isEqualTo(0x2024_0131);
        assertThat(slice(raw, 24, 16)).isEqualTo(HexFormat.of().parseHex("01010000600000006000000001000000"));
        assertThat(le(raw, 40, 4)).isEqualTo(0x77);
        assertThat(slice(raw, 128, 384)).isEqualTo(seq(384, 1));
        assertThat(le(raw, 512, 4)).isEqualTo(3);
        assertThat(slice(raw, 516, 384)).isEqualTo(seq(384, 2));
        assertThat(le(raw, 900, 4)).isEqualTo(1);
        assertThat(le(raw, 904, 4)).isEqualTo(0xFFFF_FFFFL);
        assertThat(le(raw, 928, 8)).isEqualTo(Attributes.MODE64BIT | Attributes.DEBUG);
        assertThat(le(raw, 936, 8)).isEqualTo(3);
        assertThat(le(raw, 944, 8)).isEqualTo(~Attributes.DEBUG);
        assertThat(le(raw, 952, 8)).isEqualTo(~0L);
        assertThat(slice(raw, 960, 32)).isEqualTo(seq(32, 0xE0));
        assertThat(le(raw, 1024, 2)).isEqualTo(0x0102);
        assertThat(le(raw, 1026, 2)).isEqualTo(0x0304);
        assertThat(slice(raw, 1040, 384)).isEqualTo(seq(384, 3));
        assertThat(slice(raw, 1424, 384)).isEqualTo(seq(384, 4));
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(1808), FIELDS, SigStruct::fromBytes);
    }

    @Example
    void signedBytesAreTheTwoSignedRanges() {
        SigStruct s = sample();
        byte[] raw = s.toBytes();
        byte[] signed = s.signedBytes();
        assertThat(signed).hasSize(256);
        assertThat(slice(signed, 0, 128)).isEqualTo(slice(raw, 0, 128));
        assertThat(slice(signed, 128, 128)).isEqualTo(slice(raw, 900, 128));
        assertThat(le(signed, 128, 4)).as("MISCSELECT starts the second half").isEqualTo(1);
        assertThat(le(signed, 128 + 124, 2)).as("ISVPRODID").isEqualTo(0x0102);
        assertThat(le(signed, 128 + 126, 2)).as("ISVSVN ends it").isEqualTo(0x0304);
    }

    @Property(tries = 50)
    void signedBytesIgnoreUnsignedFields(@ForAll @Size(1808) byte[] raw, @ForAll @Size(384) byte[] other) {
        SigStruct a = SigStruct.fromBytes(raw);
        SigStruct b = new SigStruct(
                a.header(),
                a.vendor(),
                a.date(),
                a.header2(),
                a.swDefined(),
                other,
                a.exponent() + 1,
                other,
                a.miscSelect(),
                a.miscMask(),
                a.attributes(),
                a.attributeMask(),
                a.enclaveHash(),
                a.isvProdId(),
                a.isvSvn(),
                other,
                other);
        assertThat(b.signedBytes()).isEqualTo(a.signedBytes());
        SigStruct c = new SigStruct(
                a.header(),
                a.vendor(),
                a.date(),
                a.header2(),
                a.swDefined(),
                a.modulus(),
                a.exponent(),
                a.signature(),
                a.miscSelect(),
                a.miscMask(),
                a.attributes(),
                a.attributeMask(),
                a.enclaveHash(),
                a.isvProdId(),
                (short) (a.isvSvn() + 1),
                a.q1(),
                a.q2());
        assertThat(c.signedBytes()).isNotEqualTo(a.signedBytes());
    }

    @Example
    void arraysCopiedAndLengthsChecked() {
        SigStruct s = sample();
        s.modulus()[0] = 0;
        s.header()[0] = 0;
        assertThat(s.modulus()).isEqualTo(seq(384, 1));
        assertThat(s.header()).isEqualTo(SigStruct.architecturalHeader());
        byte[] hdr = SigStruct.architecturalHeader();
        SigStruct t = new SigStruct(
                hdr,
                0,
                0,
                SigStruct.architecturalHeader2(),
                0,
                new byte[384],
                3,
                new byte[384],
                0,
                0,
                new Attributes(0, 0),
                new Attributes(0, 0),
                new byte[32],
                (short) 0,
                (short) 0,
                new byte[384],
                new byte[384]);
        hdr[0] = 0x55;
        assertThat(t.header()).isEqualTo(SigStruct.architecturalHeader());
        assertThatThrownBy(() -> new SigStruct(
                        SigStruct.architecturalHeader(),
                        0,
                        0,
                        SigStruct.architecturalHeader2(),
                        0,
                        new byte[256],
                        3,
                        new byte[384],
                        0,
                        0,
                        new Attributes(0, 0),
                        new Attributes(0, 0),
                        new byte[32],
                        (short) 0,
                        (short) 0,
                        new byte[384],
                        new byte[384]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modulus")
                .hasMessageContaining("384");
        assertThatThrownBy(() -> new SigStruct(
                        SigStruct.architecturalHeader(),
                        0,
                        0,
                        SigStruct.architecturalHeader2(),
                        0,
                        new byte[384],
                        3,
                        new byte[384],
                        0,
                        0,
                        new Attributes(0, 0),
                        new Attributes(0, 0),
                        new byte[48],
                        (short) 0,
                        (short) 0,
                        new byte[384],
                        new byte[384]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enclaveHash")
                .hasMessageContaining("32");
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(SigStruct::fromBytes, SigStruct.SIZE, "SIGSTRUCT");
    }
}

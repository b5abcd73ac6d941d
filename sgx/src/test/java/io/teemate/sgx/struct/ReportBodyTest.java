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

class ReportBodyTest {
    /** sgx.md section 7, as {offset, length}; reserved 20..31, 96..127, 160..191, 262..303. */
    static final int[][] FIELDS = {
        {0, 16}, {16, 4}, {32, 16}, {48, 16}, {64, 32}, {128, 32}, {192, 64}, {256, 2}, {258, 2}, {260, 2}, {304, 16},
        {320, 64}
    };

    @Provide
    Arbitrary<Attributes> attributes() {
        return Layouts.attributes();
    }

    @Property(tries = 300)
    void roundTrip(
            @ForAll @Size(16) byte[] cpuSvn,
            @ForAll int miscSelect,
            @ForAll @Size(16) byte[] isvExtProdId,
            @ForAll("attributes") Attributes attributes,
            @ForAll @Size(32) byte[] mrEnclave,
            @ForAll @Size(32) byte[] mrSigner,
            @ForAll @Size(64) byte[] configId,
            @ForAll short isvProdId,
            @ForAll short isvSvn,
            @ForAll short configSvn,
            @ForAll @Size(16) byte[] isvFamilyId,
            @ForAll @Size(64) byte[] reportData) {
        ReportBody b = new ReportBody(
                cpuSvn,
                miscSelect,
                isvExtProdId,
                attributes,
                mrEnclave,
                mrSigner,
                configId,
                isvProdId,
                isvSvn,
                configSvn,
                isvFamilyId,
                reportData);
        byte[] raw = b.toBytes();
        assertThat(raw).hasSize(ReportBody.SIZE);
        assertThat(ReportBody.fromBytes(raw)).isEqualTo(b);
    }

    @Property(tries = 200)
    void reservedBytesAreZeroAndFieldBytesKept(@ForAll @Size(384) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, ReportBody::fromBytes, ReportBody::toBytes);
    }

    static ReportBody sample() {
        return new ReportBody(
                seq(16, 0x01),
                0x0000_0001,
                seq(16, 0x20),
                new Attributes(0x7, 0xE7),
                seq(32, 0x40),
                seq(32, 0x80),
                seq(64, 0xC0),
                (short) 0x1111,
                (short) 0x2222,
                (short) 0x3333,
                seq(16, 0x50),
                seq(64, 0x90));
    }

    @Example
    void fieldOffsets() {
        byte[] raw = sample().toBytes();
        assertThat(ReportBody.SIZE).isEqualTo(384);
        assertThat(slice(raw, 0, 16)).isEqualTo(seq(16, 0x01));
        assertThat(le(raw, 16, 4)).isEqualTo(1);
        assertThat(slice(raw, 32, 16)).isEqualTo(seq(16, 0x20));
        assertThat(le(raw, 48, 8)).isEqualTo(7);
        assertThat(le(raw, 56, 8)).isEqualTo(0xE7);
        assertThat(slice(raw, 64, 32)).isEqualTo(seq(32, 0x40));
        assertThat(slice(raw, 128, 32)).isEqualTo(seq(32, 0x80));
        assertThat(slice(raw, 192, 64)).isEqualTo(seq(64, 0xC0));
        assertThat(le(raw, 256, 2)).isEqualTo(0x1111);
        assertThat(le(raw, 258, 2)).isEqualTo(0x2222);
        assertThat(le(raw, 260, 2)).isEqualTo(0x3333);
        assertThat(slice(raw, 304, 16)).isEqualTo(seq(16, 0x50));
        assertThat(slice(raw, 320, 64)).isEqualTo(seq(64, 0x90));
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(384), FIELDS, ReportBody::fromBytes);
    }

    @Example
    void arraysCopiedAndLengthsChecked() {
        byte[] data = seq(64, 7);
        ReportBody b = new ReportBody(
                new byte[16],
                0,
                new byte[16],
                new Attributes(0, 0),
                new byte[32],
                new byte[32],
                new byte[64],
                (short) 0,
                (short) 0,
                (short) 0,
                new byte[16],
                data);
        data[0] = 0;
        b.reportData()[1] = 0;
        b.cpuSvn()[0] = 1;
        assertThat(b.reportData()).isEqualTo(seq(64, 7));
        assertThat(b.cpuSvn()).isEqualTo(new byte[16]);
        assertThatThrownBy(() -> new ReportBody(
                        new byte[16],
                        0,
                        new byte[16],
                        new Attributes(0, 0),
                        new byte[32],
                        new byte[32],
                        new byte[64],
                        (short) 0,
                        (short) 0,
                        (short) 0,
                        new byte[16],
                        new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reportData")
                .hasMessageContaining("64");
        assertThatThrownBy(() -> new ReportBody(
                        new byte[32],
                        0,
                        new byte[16],
                        new Attributes(0, 0),
                        new byte[32],
                        new byte[32],
                        new byte[64],
                        (short) 0,
                        (short) 0,
                        (short) 0,
                        new byte[16],
                        new byte[64]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpuSvn")
                .hasMessageContaining("16");
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(ReportBody::fromBytes, ReportBody.SIZE, "REPORTBODY");
    }
}

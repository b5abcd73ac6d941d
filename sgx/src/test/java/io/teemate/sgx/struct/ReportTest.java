package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;

import static io.teemate.sgx.struct.Layouts.le;
import static io.teemate.sgx.struct.Layouts.seq;
import static io.teemate.sgx.struct.Layouts.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {
    private static final int[][] FIELDS;

    static {
        int[][] body = ReportBodyTest.FIELDS;
        FIELDS = Arrays.copyOf(body, body.length + 2);
        FIELDS[body.length] = new int[] {384, 32};
        FIELDS[body.length + 1] = new int[] {416, 16};
    }

    @Property(tries = 300)
    void roundTrip(@ForAll @Size(384) byte[] bodyBytes, @ForAll @Size(32) byte[] keyId, @ForAll @Size(16) byte[] mac) {
        Report r = new Report(ReportBody.fromBytes(bodyBytes), keyId, mac);
        byte[] raw = r.toBytes();
        assertThat(raw).hasSize(Report.SIZE);
        assertThat(Report.fromBytes(raw)).isEqualTo(r);
    }

    @Property(tries = 200)
    void reservedBytesAreZeroAndFieldBytesKept(@ForAll @Size(432) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, Report::fromBytes, Report::toBytes);
    }

    @Example
    void fieldOffsets() {
        ReportBody body = ReportBodyTest.sample();
        byte[] raw = new Report(body, seq(32, 0x30), seq(16, 0xF0)).toBytes();
        assertThat(Report.SIZE).isEqualTo(432);
        assertThat(Report.KEYID_OFFSET).isEqualTo(384);
        assertThat(Report.MAC_OFFSET).isEqualTo(416);
        assertThat(slice(raw, 0, 384)).isEqualTo(body.toBytes());
        assertThat(le(raw, 256, 2)).as("ISVPRODID inside the body").isEqualTo(0x1111);
        assertThat(slice(raw, 320, 64)).as("REPORTDATA").isEqualTo(seq(64, 0x90));
        assertThat(slice(raw, 384, 32)).isEqualTo(seq(32, 0x30));
        assertThat(slice(raw, 416, 16)).isEqualTo(seq(16, 0xF0));
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(432), FIELDS, Report::fromBytes);
    }

    @Example
    void arraysCopiedAndLengthsChecked() {
        byte[] mac = seq(16, 1);
        Report r = new Report(ReportBodyTest.sample(), new byte[32], mac);
        mac[0] = 0;
        r.mac()[1] = 0;
        r.keyId()[0] = 1;
        assertThat(r.mac()).isEqualTo(seq(16, 1));
        assertThat(r.keyId()).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> new Report(ReportBodyTest.sample(), new byte[16], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyId")
                .hasMessageContaining("32");
        assertThatThrownBy(() -> new Report(ReportBodyTest.sample(), new byte[32], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mac")
                .hasMessageContaining("16");
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(Report::fromBytes, Report.SIZE, "REPORT");
    }
}

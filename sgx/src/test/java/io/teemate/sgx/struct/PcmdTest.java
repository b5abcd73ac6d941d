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

class PcmdTest {
    /** SECINFO.FLAGS @0 (the rest of SECINFO is reserved), ENCLAVEID @64, MAC @112. */
    private static final int[][] FIELDS = {{0, 8}, {64, 8}, {112, 16}};

    @Property
    void roundTrip(@ForAll long secInfoFlags, @ForAll long enclaveId, @ForAll @Size(16) byte[] mac) {
        Pcmd p = new Pcmd(new SecInfo(secInfoFlags), enclaveId, mac);
        byte[] raw = p.toBytes();
        assertThat(raw).hasSize(Pcmd.SIZE);
        assertThat(Pcmd.fromBytes(raw)).isEqualTo(p);
    }

    @Property
    void reservedBytesAreZeroAndFieldBytesKept(@ForAll @Size(128) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, Pcmd::fromBytes, Pcmd::toBytes);
    }

    @Example
    void fieldOffsets() {
        SecInfo si = SecInfo.of(PageType.REG, PagePermissions.RX);
        byte[] raw = new Pcmd(si, 0x0123_4567_89AB_CDEFL, seq(16, 0xA0)).toBytes();
        assertThat(Pcmd.SIZE).isEqualTo(128);
        assertThat(slice(raw, 0, 64)).isEqualTo(si.toBytes());
        assertThat(le(raw, 0, 8)).isEqualTo(0x205);
        assertThat(le(raw, 64, 8)).isEqualTo(0x0123_4567_89AB_CDEFL);
        assertThat(slice(raw, 72, 40)).isEqualTo(new byte[40]);
        assertThat(slice(raw, 112, 16)).isEqualTo(seq(16, 0xA0));
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(128), FIELDS, Pcmd::fromBytes);
    }

    @Example
    void macCopiedAndLengthChecked() {
        byte[] mac = seq(16, 1);
        Pcmd p = new Pcmd(new SecInfo(0), 1, mac);
        mac[0] = 0;
        p.mac()[1] = 0;
        assertThat(p.mac()).isEqualTo(seq(16, 1));
        assertThatThrownBy(() -> new Pcmd(new SecInfo(0), 1, new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mac")
                .hasMessageContaining("16");
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(Pcmd::fromBytes, Pcmd.SIZE, "PCMD");
    }
}

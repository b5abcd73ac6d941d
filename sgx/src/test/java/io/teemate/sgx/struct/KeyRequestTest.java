package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static io.teemate.sgx.struct.Layouts.le;
import static io.teemate.sgx.struct.Layouts.seq;
import static io.teemate.sgx.struct.Layouts.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRequestTest {
    /** sgx.md section 7; reserved 6..7 and 78..511. */
    private static final int[][] FIELDS = {{0, 2}, {2, 2}, {4, 2}, {8, 16}, {24, 16}, {40, 32}, {72, 4}, {76, 2}};

    @Property(tries = 300)
    void roundTrip(
            @ForAll short keyName,
            @ForAll short keyPolicy,
            @ForAll short isvSvn,
            @ForAll @Size(16) byte[] cpuSvn,
            @ForAll long maskFlags,
            @ForAll long maskXfrm,
            @ForAll @Size(32) byte[] keyId,
            @ForAll int miscMask,
            @ForAll short configSvn) {
        KeyRequest k = new KeyRequest(
                keyName, keyPolicy, isvSvn, cpuSvn, new Attributes(maskFlags, maskXfrm), keyId, miscMask, configSvn);
        byte[] raw = k.toBytes();
        assertThat(raw).hasSize(KeyRequest.SIZE);
        assertThat(KeyRequest.fromBytes(raw)).isEqualTo(k);
        assertThat(KeyRequest.reservedZero(raw)).isTrue();
    }

    @Property(tries = 200)
    void reservedBytesAreZeroAndFieldBytesKept(@ForAll @Size(512) byte[] raw) {
        Layouts.assertReencodesFieldsOnly(raw, FIELDS, KeyRequest::fromBytes, KeyRequest::toBytes);
    }

    @Example
    void fieldOffsets() {
        KeyRequest k = new KeyRequest(
                KeyRequest.KEYNAME_SEAL,
                (short) (KeyRequest.POLICY_MRSIGNER | KeyRequest.POLICY_CONFIGID),
                (short) 0x0102,
                seq(16, 0x10),
                new Attributes(0xFF0000000000000BL, 0x3),
                seq(32, 0x40),
                0x0A0B0C0D,
                (short) 0x7788);
        byte[] raw = k.toBytes();
        assertThat(KeyRequest.SIZE).isEqualTo(512);
        assertThat(le(raw, 0, 2)).isEqualTo(4);
        assertThat(le(raw, 2, 2)).isEqualTo(0xA);
        assertThat(le(raw, 4, 2)).isEqualTo(0x0102);
        assertThat(le(raw, 6, 2)).isZero();
        assertThat(slice(raw, 8, 16)).isEqualTo(seq(16, 0x10));
        assertThat(le(raw, 24, 8)).isEqualTo(0xFF0000000000000BL);
        assertThat(le(raw, 32, 8)).isEqualTo(3);
        assertThat(slice(raw, 40, 32)).isEqualTo(seq(32, 0x40));
        assertThat(le(raw, 72, 4)).isEqualTo(0x0A0B0C0D);
        assertThat(le(raw, 76, 2)).isEqualTo(0x7788);
        Layouts.assertEveryFieldByteMatters(Layouts.pattern(512), FIELDS, KeyRequest::fromBytes);
    }

    @Example
    void constants() {
        assertThat(new int[] {
                    KeyRequest.KEYNAME_EINITTOKEN,
                    KeyRequest.KEYNAME_PROVISION,
                    KeyRequest.KEYNAME_PROVISION_SEAL,
                    KeyRequest.KEYNAME_REPORT,
                    KeyRequest.KEYNAME_SEAL
                })
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(new int[] {
                    KeyRequest.KEYNAME_PROVISION,
                    KeyRequest.KEYNAME_PROVISION_SEAL,
                    KeyRequest.KEYNAME_REPORT,
                    KeyRequest.KEYNAME_SEAL
                })
                .containsExactly(1, 2, 3, 4);
        assertThat(new int[] {
                    KeyRequest.POLICY_MRENCLAVE,
                    KeyRequest.POLICY_MRSIGNER,
                    KeyRequest.POLICY_NOISVPRODID,
                    KeyRequest.POLICY_CONFIGID,
                    KeyRequest.POLICY_ISVFAMILYID,
                    KeyRequest.POLICY_ISVEXTPRODID
                })
                .containsExactly(0x1, 0x2, 0x4, 0x8, 0x10, 0x20);
    }

    @Property
    void reservedZeroDetectsAnyReservedByte(@ForAll @IntRange(min = 0, max = 511) int pos) {
        byte[] raw = new byte[512];
        raw[pos] = 1;
        boolean reserved = pos == 6 || pos == 7 || pos >= 78;
        assertThat(KeyRequest.reservedZero(raw)).as("byte %d", pos).isEqualTo(!reserved);
    }

    @Example
    void reservedZeroRejectsWrongLength() {
        assertThatThrownBy(() -> KeyRequest.reservedZero(new byte[511]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KEYREQUEST");
    }

    @Example
    void fromBytesIgnoresReservedBytes() {
        byte[] raw = new KeyRequest(
                        KeyRequest.KEYNAME_REPORT,
                        (short) 0,
                        (short) 0,
                        new byte[16],
                        new Attributes(0, 0),
                        new byte[32],
                        0,
                        (short) 0)
                .toBytes();
        raw[100] = 1;
        assertThat(KeyRequest.reservedZero(raw)).isFalse();
        assertThat(KeyRequest.fromBytes(raw).keyName()).isEqualTo(KeyRequest.KEYNAME_REPORT);
    }

    @Example
    void arraysCopiedAndLengthsChecked() {
        byte[] cpu = seq(16, 9);
        KeyRequest k = new KeyRequest(
                KeyRequest.KEYNAME_SEAL, (short) 0, (short) 0, cpu, new Attributes(0, 0), new byte[32], 0, (short) 0);
        cpu[0] = 0;
        k.cpuSvn()[1] = 0;
        k.keyId()[0] = 1;
        assertThat(k.cpuSvn()).isEqualTo(seq(16, 9));
        assertThat(k.keyId()).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> new KeyRequest(
                        KeyRequest.KEYNAME_SEAL,
                        (short) 0,
                        (short) 0,
                        new byte[16],
                        new Attributes(0, 0),
                        new byte[31],
                        0,
                        (short) 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyId")
                .hasMessageContaining("32");
    }

    @Example
    void wrongLengthRejected() {
        Layouts.assertRejectsWrongLength(KeyRequest::fromBytes, KeyRequest.SIZE, "KEYREQUEST");
    }
}

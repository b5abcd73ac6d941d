package io.teemate.kv.enclave;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Redis's CRC-64 (crc64.c), checked against the values Redis's own tests print. */
class Crc64Test {
    @Test
    void redisCheckValue() {
        // redis/src/crc64.c test main: "e9c6d914c4b8d9ca == crc64(0, "123456789", 9)"
        assertThat(Crc64.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xe9c6d914c4b8d9caL);
    }

    @Test
    void redisLoremIpsumValue() {
        // redis/src/crc64.c crc64Test (Redis 7): "[calcula]: c7794709e69683b3 == _crc64(0, li, sizeof(li))",
        // so over the text AND its terminating NUL (446 bytes).
        String li = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed "
                + "do eiusmod tempor incididunt ut labore et dolore magna "
                + "aliqua. Ut enim ad minim veniam, quis nostrud exercitation "
                + "ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis "
                + "aute irure dolor in reprehenderit in voluptate velit esse "
                + "cillum dolore eu fugiat nulla pariatur. Excepteur sint "
                + "occaecat cupidatat non proident, sunt in culpa qui officia "
                + "deserunt mollit anim id est laborum.\0";
        assertThat(li).hasSize(446);
        assertThat(Crc64.of(li.getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xc7794709e69683b3L);
    }

    @Test
    void emptyInputLeavesTheCrcAndTheReflectedPolynomialIsTheTableEntryOf128() {
        assertThat(Crc64.of(new byte[0])).isZero();
        assertThat(Crc64.update(0x1234L, new byte[8], 3, 0)).isEqualTo(0x1234L);
        // crc64.c's table: crc64_tab[128] = 0x95ac9329ac4bc9b5, the Jones polynomial bit-reversed.
        assertThat(Crc64.update(0, new byte[] {(byte) 0x80}, 0, 1)).isEqualTo(0x95ac9329ac4bc9b5L);
        assertThat(Crc64.POLY_REFLECTED).isEqualTo(0x95ac9329ac4bc9b5L);
    }

    @Test
    void rangeOutsideTheArrayIsRefused() {
        assertThatThrownBy(() -> Crc64.update(0, new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Property(tries = 200)
    void incrementalEqualsOneShot(@ForAll @Size(max = 300) byte[] data, @ForAll @IntRange(max = 300) int cut) {
        int at = Math.min(cut, data.length);
        long oneShot = Crc64.update(0, data, 0, data.length);
        long inTwo = Crc64.update(Crc64.update(0, data, 0, at), data, at, data.length - at);
        long byteWise = 0;
        for (byte b : data) {
            byteWise = Crc64.update(byteWise, b);
        }
        assertThat(inTwo).isEqualTo(oneShot);
        assertThat(byteWise).isEqualTo(oneShot);
    }
}

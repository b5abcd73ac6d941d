package io.teemate.abi.image;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizesTest {
    @ParameterizedTest
    @CsvSource({
        "4096, 4096",
        "0, 0",
        "4K, 4096",
        "64k, 65536",
        "16M, 16777216",
        "1G, 1073741824",
        "' 2M ', 2097152",
        "8589934591G, 9223372035781033984"
    })
    void parsesBytesAndBinarySuffixes(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8589934592G", "9223372036854775808", "9007199254740992K"})
    void refusesSizesBeyond63Bits(String text) {
        assertThatThrownBy(() -> Sizes.parse(text)).hasMessage("\"" + text + "\" is too large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12Q", "", "M", "-4K", "1.5M", "1 M", "0x1000", "4KB"})
    void refusesWhatIsNotASize(String text) {
        assertThatThrownBy(() -> Sizes.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"" + text + "\" is not a size (use bytes or K/M/G)");
    }

    @Property
    void formatThenParseIsTheIdentity(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long bytes) {
        assertThat(Sizes.parse(Sizes.format(bytes))).isEqualTo(bytes);
    }

    @Property
    void formatUsesTheLargestExactUnit(@ForAll @LongRange(min = 1, max = 1 << 20) long n) {
        assertThat(Sizes.format(n << 30)).isEqualTo(n + "G");
        assertThat(Sizes.format((2 * n + 1) << 20)).isEqualTo((2 * n + 1) + "M");
    }
}

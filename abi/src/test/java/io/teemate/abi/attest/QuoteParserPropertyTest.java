package io.teemate.abi.attest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Quote.parse on hostile input: it either returns a quote that re-serializes to the same bytes or names a field. */
class QuoteParserPropertyTest {
    private static final byte[] VALID = QuoteLayoutTest.markedQuote(32, "-----BEGIN CERTIFICATE-----".getBytes())
            .toBytes();

    /** Parse, and check the only two acceptable outcomes. */
    private static void parsesExactlyOrNamesAField(byte[] input) {
        Throwable t =
                catchThrowable(() -> assertThat(Quote.parse(input).toBytes()).isEqualTo(input));
        if (t != null) {
            assertThat(t).isInstanceOf(QuoteFormatException.class);
            QuoteFormatException e = (QuoteFormatException) t;
            assertThat(e.offset()).isBetween(0, Math.max(0, input.length));
            assertThat(e.getMessage()).startsWith(e.field() + " at offset " + e.offset() + ": ");
        }
    }

    @Property
    void everyTruncationIsRefused(@ForAll @IntRange(min = 0, max = 1085) int length) {
        int cut = Math.min(length, VALID.length - 1);
        Throwable t = catchThrowable(() -> Quote.parse(Arrays.copyOf(VALID, cut)));
        assertThat(t).isInstanceOf(QuoteFormatException.class);
    }

    @Property
    void changedBytesParseExactlyOrAreRefused(@ForAll("positions") int position, @ForAll byte value) {
        byte[] q = VALID.clone();
        q[position] = value;
        parsesExactlyOrNamesAField(q);
    }

    @Provide
    Arbitrary<Integer> positions() {
        // Weighted toward the length and type fields, where a change moves every later field.
        return Arbitraries.oneOf(
                Arbitraries.of(0, 1, 2, 3, 432, 433, 434, 435, 1012, 1013, 1046, 1047, 1048, 1049, 1050, 1051),
                Arbitraries.integers().between(0, VALID.length - 1));
    }

    @Property
    void randomBytesParseExactlyOrAreRefused(@ForAll @Size(max = 1200) byte[] input) {
        parsesExactlyOrNamesAField(input);
    }

    @Property
    void randomTailsAfterAValidPrefixParseExactlyOrAreRefused(
            @ForAll @IntRange(min = 0, max = 1079) int keep, @ForAll @Size(max = 600) byte[] tail) {
        byte[] input = Arrays.copyOf(VALID, keep + tail.length);
        System.arraycopy(tail, 0, input, keep, tail.length);
        parsesExactlyOrNamesAField(input);
    }
}

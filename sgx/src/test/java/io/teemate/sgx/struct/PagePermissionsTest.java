package io.teemate.sgx.struct;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagePermissionsTest {

    @Property
    void bitsRoundTrip(@ForAll boolean r, @ForAll boolean w, @ForAll boolean x) {
        PagePermissions p = new PagePermissions(r, w, x);
        assertThat(p.bits()).isEqualTo((r ? 1 : 0) | (w ? 2 : 0) | (x ? 4 : 0));
        assertThat(PagePermissions.fromBits(p.bits())).isEqualTo(p);
    }

    @Property
    void fromBitsRejectsBitsAboveX(@ForAll @IntRange(min = 8, max = 1 << 20) int bits) {
        assertThatThrownBy(() -> PagePermissions.fromBits(bits)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void parseAcceptsAnyOrderAndCase(@ForAll boolean r, @ForAll boolean w, @ForAll boolean x, @ForAll long seed) {
        List<String> letters = new ArrayList<>();
        Random rnd = new Random(seed);
        if (r) {
            letters.add(rnd.nextBoolean() ? "R" : "r");
        }
        if (w) {
            letters.add(rnd.nextBoolean() ? "W" : "w");
        }
        if (x) {
            letters.add(rnd.nextBoolean() ? "X" : "x");
        }
        Collections.shuffle(letters, rnd);
        assertThat(PagePermissions.parse(String.join("", letters))).isEqualTo(new PagePermissions(r, w, x));
    }

    @Example
    void parseExamples() {
        assertThat(PagePermissions.parse("")).isEqualTo(PagePermissions.NONE);
        assertThat(PagePermissions.parse("xr")).isEqualTo(PagePermissions.RX);
        assertThat(PagePermissions.parse("WR")).isEqualTo(PagePermissions.RW);
        assertThat(PagePermissions.parse("xWr")).isEqualTo(PagePermissions.RWX);
        assertThat(PagePermissions.parse("r")).isEqualTo(PagePermissions.R);
    }

    @Example
    void parseRejectsUnknownCharacterNamingIt() {
        assertThatThrownBy(() -> PagePermissions.parse("RQ"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Q'");
        assertThatThrownBy(() -> PagePermissions.parse("R-X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-'");
    }

    @Example
    void parseRejectsRepeatedLetterNamingIt() {
        assertThatThrownBy(() -> PagePermissions.parse("RR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'R'")
                .hasMessageContaining("repeated");
        assertThatThrownBy(() -> PagePermissions.parse("wXw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'w'")
                .hasMessageContaining("repeated");
    }

    @Example
    void toStringAndConstants() {
        assertThat(PagePermissions.NONE).hasToString("---");
        assertThat(PagePermissions.R).hasToString("R--");
        assertThat(PagePermissions.RW).hasToString("RW-");
        assertThat(PagePermissions.RX).hasToString("R-X");
        assertThat(PagePermissions.RWX).hasToString("RWX");
        assertThat(new PagePermissions(false, true, true)).hasToString("-WX");
        assertThat(PagePermissions.RW.bits()).isEqualTo(3);
        assertThat(PagePermissions.RX.bits()).isEqualTo(5);
    }

    @Property
    void toStringLettersParseBack(@ForAll @IntRange(min = 0, max = 7) int bits) {
        PagePermissions p = PagePermissions.fromBits(bits);
        assertThat(PagePermissions.parse(p.toString().replace("-", ""))).isEqualTo(p);
    }

    @Property
    void allowsAndOrMatchBitArithmetic(
            @ForAll @IntRange(min = 0, max = 7) int a, @ForAll @IntRange(min = 0, max = 7) int b) {
        PagePermissions pa = PagePermissions.fromBits(a);
        PagePermissions pb = PagePermissions.fromBits(b);
        assertThat(pa.allows(pb)).isEqualTo((b & ~a) == 0);
        assertThat(pa.and(pb).bits()).isEqualTo(a & b);
        assertThat(pa.or(pb).bits()).isEqualTo(a | b);
    }

    @Example
    void allowsExamples() {
        assertThat(PagePermissions.RWX.allows(PagePermissions.RX)).isTrue();
        assertThat(PagePermissions.RX.allows(PagePermissions.RW)).isFalse();
        assertThat(PagePermissions.NONE.allows(PagePermissions.NONE)).isTrue();
        assertThat(PagePermissions.R.allows(PagePermissions.NONE)).isTrue();
        assertThat(PagePermissions.NONE.allows(PagePermissions.R)).isFalse();
    }
}

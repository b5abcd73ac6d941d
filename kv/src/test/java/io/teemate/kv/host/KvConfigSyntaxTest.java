package io.teemate.kv.host;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** redis.conf's lexical rules as Redis's sds.c and util.c have them. */
class KvConfigSyntaxTest {
    @Test
    void wordsAreSplitOnWhiteSpace() {
        assertThat(KvConfigSyntax.splitArgs("save 900   1\t300 10")).containsExactly("save", "900", "1", "300", "10");
        assertThat(KvConfigSyntax.splitArgs("   ")).isEmpty();
        assertThat(KvConfigSyntax.splitArgs("")).isEmpty();
    }

    @Test
    void doubleQuotesTakeEscapes() {
        assertThat(KvConfigSyntax.splitArgs("requirepass \"a b\\\"c\\n\\x41\\q\""))
                .containsExactly("requirepass", "a b\"c\nAq");
        assertThat(KvConfigSyntax.splitArgs("x \"\"")).containsExactly("x", "");
        // \x needs two hex digits, else the x is taken as an escaped x
        assertThat(KvConfigSyntax.splitArgs("x \"\\xZZ\"")).containsExactly("x", "xZZ");
    }

    @Test
    void singleQuotesTakeOnlyEscapedQuotes() {
        assertThat(KvConfigSyntax.splitArgs("x 'a\\'b\\n'")).containsExactly("x", "a'b\\n");
        assertThat(KvConfigSyntax.splitArgs("x ''")).containsExactly("x", "");
    }

    @Test
    void aQuoteMayStartInsideAWord() {
        assertThat(KvConfigSyntax.splitArgs("a\"b c\" d")).containsExactly("ab c", "d");
    }

    @Test
    void unbalancedOrGluedQuotesAreRefused() {
        assertThat(KvConfigSyntax.splitArgs("hz \"5")).isNull();
        assertThat(KvConfigSyntax.splitArgs("hz '5")).isNull();
        assertThat(KvConfigSyntax.splitArgs("hz \"a\"b")).isNull();
        assertThat(KvConfigSyntax.splitArgs("hz 'a'b")).isNull();
    }

    @Test
    void splittingOnSpacesKeepsEmptyParts() {
        assertThat(KvConfigSyntax.splitOn("100  10", ' ')).containsExactly("100", "", "10");
        assertThat(KvConfigSyntax.splitOn("", ' ')).isEmpty();
        assertThat(KvConfigSyntax.splitOn("a\n", '\n')).containsExactly("a", "");
    }

    @Test
    void memoryUnitsAreRedisOnes() {
        assertThat(KvConfigSyntax.memtoull("1k")).isEqualTo(1000L);
        assertThat(KvConfigSyntax.memtoull("1kb")).isEqualTo(1024L);
        assertThat(KvConfigSyntax.memtoull("1K")).isEqualTo(1000L);
        assertThat(KvConfigSyntax.memtoull("1KB")).isEqualTo(1024L);
        assertThat(KvConfigSyntax.memtoull("2m")).isEqualTo(2_000_000L);
        assertThat(KvConfigSyntax.memtoull("2Mb")).isEqualTo(2L << 20);
        assertThat(KvConfigSyntax.memtoull("3g")).isEqualTo(3_000_000_000L);
        assertThat(KvConfigSyntax.memtoull("3gB")).isEqualTo(3L << 30);
        assertThat(KvConfigSyntax.memtoull("7b")).isEqualTo(7L);
        assertThat(KvConfigSyntax.memtoull("123")).isEqualTo(123L);
        // as Redis: no digits read as 0, too many saturate without a unit and fail with one
        assertThat(KvConfigSyntax.memtoull("")).isEqualTo(0L);
        assertThat(KvConfigSyntax.memtoull("kb")).isEqualTo(0L);
        assertThat(KvConfigSyntax.memtoull("99999999999999999999999")).isEqualTo(-1L);
        assertThat(KvConfigSyntax.memtoull("18446744073709551615")).isEqualTo(-1L);
        // a product beyond 64 bits is refused, as later Redis versions do (7.0.15 wraps it: 2^54 kb would be 0)
        assertThat(KvConfigSyntax.memtoull("18446744073709551615kb")).isNull();
        assertThat(KvConfigSyntax.memtoull("18014398509481984kb")).isNull();
        assertThat(KvConfigSyntax.memtoull("18014398509481983kb")).isEqualTo(-1024L);
        for (String bad : List.of("-1", "1.5m", "1 m", "+1", "1t", "1kbb")) {
            assertThat(KvConfigSyntax.memtoull(bad)).as(bad).isNull();
        }
    }

    @Test
    void integersAreStrictAsString2ll() {
        assertThat(KvConfigSyntax.string2ll("0")).isEqualTo(0L);
        assertThat(KvConfigSyntax.string2ll("-12")).isEqualTo(-12L);
        assertThat(KvConfigSyntax.string2ll("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(KvConfigSyntax.string2ll("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        for (String bad : List.of("", "-", "+5", "05", "-0", " 5", "5 ", "1e3", "9223372036854775808", "0x10")) {
            assertThat(KvConfigSyntax.string2ll(bad)).as(bad).isNull();
        }
    }

    @Test
    void strtollIsLenientAsC() {
        assertThat(KvConfigSyntax.strtoll("+5")).isEqualTo(5L);
        assertThat(KvConfigSyntax.strtoll("-0")).isEqualTo(0L);
        assertThat(KvConfigSyntax.strtoll("\t7")).isEqualTo(7L);
        assertThat(KvConfigSyntax.strtoll("007")).isEqualTo(7L);
        assertThat(KvConfigSyntax.strtoll("")).isEqualTo(0L);
        assertThat(KvConfigSyntax.strtoll("99999999999999999999")).isEqualTo(Long.MAX_VALUE);
        assertThat(KvConfigSyntax.strtoll("-99999999999999999999")).isEqualTo(Long.MIN_VALUE);
        assertThat(KvConfigSyntax.strtoll("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        for (String bad : List.of("x", "5x", "+", "-", " ", "1 ")) {
            assertThat(KvConfigSyntax.strtoll(bad)).as(bad).isNull();
        }
    }

    @Test
    void reprEscapesAsSdscatrepr() {
        assertThat(KvConfigSyntax.repr("a b\"c\\")).isEqualTo("\"a b\\\"c\\\\\"");
        assertThat(KvConfigSyntax.repr("\n\r\t\u0007\b\u0001\u00ff")).isEqualTo("\"\\n\\r\\t\\a\\b\\x01\\xff\"");
    }

    @Property
    void reprReadsBackToTheSameBytes(@ForAll("byteStrings") String s) {
        assertThat(KvConfigSyntax.splitArgs("requirepass " + KvConfigSyntax.repr(s)))
                .containsExactly("requirepass", s);
    }

    @Provide
    Arbitrary<String> byteStrings() {
        return Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40);
    }
}

package io.teemate.kv.abi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis's glob matcher (util.c stringmatchlen, 7.0.9 and later): its results, its quirks, and its running time. */
class GlobTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean m(String pattern, String s) {
        return Glob.matches(b(pattern), b(s));
    }

    /** Security review finding 6, Redis CVE-2022-36021: without skipLongerMatches this takes about two minutes. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void manyStarsDoNotBacktrackExponentially() {
        String key = "a".repeat(48);
        assertThat(m("*a*a*a*a*a*a*a*a*a*b", key)).isFalse();
        assertThat(m("*a*a*a*a*a*a*a*a*a*a*a*b", "a".repeat(64))).isFalse();
        assertThat(m("*a*a*a*a*a*a*a*a*a*a", key)).isTrue();
        assertThat(m("*a*a*a*a*a*a*a*a*a*?", key)).isTrue();
    }

    @Test
    void ordinaryPatterns() {
        assertThat(m("*", "")).isFalse(); // as in Redis, whose KEYS and SCAN take "*" as "every key" before matching
        assertThat(m("a*", "a")).isTrue();
        assertThat(m("", "")).isTrue();
        assertThat(m("", "a")).isFalse();
        assertThat(m("h?llo", "hello")).isTrue();
        assertThat(m("h*llo", "heeeello")).isTrue();
        assertThat(m("h[ae]llo", "hallo")).isTrue();
        assertThat(m("h[ae]llo", "hillo")).isFalse();
        assertThat(m("h[^e]llo", "hallo")).isTrue();
        assertThat(m("h[^e]llo", "hello")).isFalse();
        assertThat(m("h[a-b]llo", "hbllo")).isTrue();
        assertThat(m("h\\*llo", "h*llo")).isTrue();
        assertThat(m("h\\*llo", "hello")).isFalse();
        assertThat(m("user:*:name", "user:42:name")).isTrue();
        assertThat(m("a*", "a")).isTrue();
        assertThat(m("a**", "a")).isTrue();
        assertThat(m("*a", "a")).isTrue();
        assertThat(m("?", "")).isFalse();
    }

    /** Keys and patterns from redis-server 7.0.15: KEYS pattern over these eleven one- and two-byte keys. */
    @Test
    void quirksAsRealRedisHasThem() {
        List<String> keys = List.of("a", "b", "]", "\\", "-", "ab", "a]", "[", "x", "\u00ff", "A");
        String all1 = "-,A,[,\\,],a,b,x,\u00ff";
        Object[][] cases = {
            {"[a-]", "],a"},
            {"[", ""},
            {"[^", all1},
            {"\\", "\\"},
            {"a\\", ""},
            {"[\\]]", "]"},
            {"[z-a]", "a,b,x"},
            {"[^a]", "-,A,[,\\,],b,x,\u00ff"},
            {"[a", "a"},
            {"[]]", ""},
            {"[]", ""},
            {"*]", "],a]"},
            {"?]", "a]"},
            {"a[", ""},
            {"[a-\\]", "\\,],a"},
            {"[\\", "\\"},
            {"[!a]", "a"},
            {"[a-c-e]", "-,a,b"},
            {"[\\xff]", "x"},
            {"[a-\\xff]", "\\,],a,x"},
            {"[a-\u00ff]", "-,A,[,\\,],a,\u00ff"}, // C's char is signed: the range is -1..'a'
            {"a*", "a,a],ab"},
            {"*\\", "\\"},
            {"[^]", all1},
        };
        for (Object[] c : cases) {
            TreeSet<String> got = new TreeSet<>();
            for (String k : keys) {
                if (m((String) c[0], k)) {
                    got.add(k);
                }
            }
            assertThat(String.join(",", got)).as("KEYS %s", c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void noCaseAsConfigGetUsesIt() {
        assertThat(Glob.matches(b("MAX*"), b("maxmemory"), true)).isTrue();
        assertThat(Glob.matches(b("[M]ax"), b("max"), true)).isTrue();
        assertThat(Glob.matches(b("[A-Z]ax"), b("max"), true)).isTrue();
        assertThat(Glob.matches(b("MAX*"), b("maxmemory"), false)).isFalse();
    }

    /** The matcher agrees with a regular expression on well-formed patterns (where the two languages agree). */
    @Property(tries = 1000)
    void agreesWithARegexTranslation(@ForAll("patterns") List<String> tokens, @ForAll("strings") String s) {
        String pattern = String.join("", tokens);
        StringBuilder regex = new StringBuilder();
        for (String t : tokens) {
            regex.append(
                    switch (t) {
                        case "*" -> ".*";
                        case "?" -> ".";
                        default -> t.startsWith("[") ? t : Pattern.quote(t.startsWith("\\") ? t.substring(1) : t);
                    });
        }
        // Redis's one departure from the regex: an empty string matches only the empty pattern (not even "*")
        boolean expected = s.isEmpty()
                ? pattern.isEmpty()
                : Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(s).matches();
        assertThat(m(pattern, s)).as("pattern %s, string %s", pattern, s).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<String>> patterns() {
        Arbitrary<String> literal = Arbitraries.of("a", "b", "c");
        Arbitrary<String> escaped = Arbitraries.of("\\*", "\\?", "\\[", "\\a");
        Arbitrary<String> cls = Combinators.combine(
                        Arbitraries.of("", "^"), Arbitraries.of("a", "ab", "a-b", "b-c", "c"))
                .as((not, body) -> "[" + not + body + "]");
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, literal),
                net.jqwik.api.Tuple.of(3, Arbitraries.just("*")),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("?")),
                net.jqwik.api.Tuple.of(2, cls),
                net.jqwik.api.Tuple.of(1, escaped));
        return token.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.of("a", "b", "c", "*", "?", "[").list().ofMaxSize(10).map(l -> String.join("", l));
    }
}

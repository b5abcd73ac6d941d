package io.teemate.kv.enclave;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.teemate.kv.enclave.CollectionDiff.exact;
import static io.teemate.kv.enclave.CollectionDiff.scan;
import static io.teemate.kv.enclave.CollectionDiff.shape;
import static io.teemate.kv.enclave.CollectionDiff.unordered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated sequences of set commands (t_set.c: SPOP, SRANDMEMBER, SMISMEMBER, SMOVE, the algebra and its STORE
 * forms, SINTERCARD, SSCAN), wrong types, wrong arity and boundary counts included, compared with a real
 * redis-server 7.0: byte for byte, as multisets where Redis's order is open, by shape where the reply is random.
 * A SPOP without a count takes a random member on each side, so the test then copies redis's set to the engine.
 */
class DifferentialSetsTest {
    private static RedisDiff diff;

    @BeforeContainer
    static void start() throws IOException, InterruptedException {
        diff = new RedisDiff();
    }

    @AfterContainer
    static void stop() throws IOException {
        diff.close();
    }

    static final String[] KEYS = {"s1", "s2", "s3", "str"};
    static final String[] MEMBERS = {"a", "b", "c", "1", "2", "10", ""};
    /** Counts safe to send to redis (a huge negative SRANDMEMBER count makes it build a huge reply). */
    static final String[] COUNTS = {
        "0", "1", "2", "3", "-1", "-2", "-5", "x", "100", "9223372036854775807", "-9223372036854775808"
    };

    private static String[] words(String first, List<String> rest) {
        List<String> w = new ArrayList<>(List.of(first));
        w.addAll(rest);
        return w.toArray(String[]::new);
    }

    @Provide
    Arbitrary<CollectionDiff.Cmd> setCommand() {
        Arbitrary<String> key = Arbitraries.of(KEYS);
        Arbitrary<String> member = Arbitraries.of(MEMBERS);
        Arbitrary<String> count = Arbitraries.of(COUNTS);
        Arbitrary<List<String>> keys = key.list().ofMinSize(1).ofMaxSize(3);
        return Arbitraries.oneOf(
                Combinators.combine(key, member.list().ofMinSize(1).ofMaxSize(4))
                        .as((k, ms) -> exact(words("SADD", concat(k, ms)))),
                Combinators.combine(key, member.list().ofMinSize(1).ofMaxSize(2))
                        .as((k, ms) -> exact(words("SREM", concat(k, ms)))),
                key.map(k -> shape("SPOP", k)),
                Combinators.combine(key, Arbitraries.of("0", "-1", "x", "100", "9223372036854775807"))
                        .as((k, n) -> unordered("SPOP", k, n)),
                key.map(k -> shape("SRANDMEMBER", k)),
                Combinators.combine(key, count).as((k, n) -> shape("SRANDMEMBER", k, n)),
                Combinators.combine(key, Arbitraries.of("100", "0", "x", "9223372036854775807"))
                        .as((k, n) -> unordered("SRANDMEMBER", k, n)),
                Combinators.combine(key, member.list().ofMinSize(1).ofMaxSize(3))
                        .as((k, ms) -> exact(words("SMISMEMBER", concat(k, ms)))),
                Combinators.combine(key, key, member).as((s, d, m) -> exact("SMOVE", s, d, m)),
                Combinators.combine(Arbitraries.of("SINTER", "SUNION", "SDIFF"), keys)
                        .as((c, ks) -> unordered(words(c, ks))),
                Combinators.combine(Arbitraries.of("SINTERSTORE", "SUNIONSTORE", "SDIFFSTORE"), key, keys)
                        .as((c, d, ks) -> exact(words(c, concat(d, ks)))),
                Combinators.combine(
                                Arbitraries.of("0", "1", "2", "3", "4", "x", "-1"),
                                keys,
                                Arbitraries.of(
                                        List.<String>of(),
                                        List.of("LIMIT", "1"),
                                        List.of("LIMIT", "0"),
                                        List.of("LIMIT", "-1"),
                                        List.of("LIMIT", "x"),
                                        List.of("LIMIT"),
                                        List.of("FOO", "1")))
                        .as((n, ks, opt) -> {
                            List<String> w = new ArrayList<>(List.of(n));
                            w.addAll(ks);
                            w.addAll(opt);
                            return exact(words("SINTERCARD", w));
                        }),
                Combinators.combine(
                                key,
                                Arbitraries.of(
                                        List.<String>of(),
                                        List.of("COUNT", "1"),
                                        List.of("COUNT", "3"),
                                        List.of("MATCH", "*"),
                                        List.of("MATCH", "1*"),
                                        List.of("MATCH", "[ab]", "COUNT", "2"),
                                        List.of("COUNT", "0"),
                                        List.of("COUNT", "x"),
                                        List.of("TYPE", "set"),
                                        List.of("COUNT")))
                        .as((k, opt) -> scan(words("SSCAN", concat(k, concat("0", opt))))),
                key.map(k -> unordered("SMEMBERS", k)),
                Arbitraries.of("SCARD", "TYPE").flatMap(c -> key.map(k -> exact(c, k))),
                member.map(v -> exact("SET", "str", v)),
                Arbitraries.of(
                        exact("SPOP", "s1", "1", "2"),
                        exact("SRANDMEMBER", "s1", "1", "2"),
                        exact("SMISMEMBER", "s1"),
                        exact("SMOVE", "s1", "s2"),
                        exact("SINTER"),
                        exact("SINTERSTORE", "d"),
                        exact("SINTERCARD", "1"),
                        exact("SSCAN", "s1"),
                        exact("SSCAN", "s1", "x"),
                        exact("SSCAN", "nos", "0", "COUNT", "0"),
                        exact("SSCAN", "s1", "-1", "COUNT", "0")));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>(List.of(first));
        out.addAll(rest);
        return out;
    }

    @Provide
    Arbitrary<List<CollectionDiff.Cmd>> setScript() {
        return setCommand().list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 80)
    void sequencesOfSetCommandsAnswerAsRedis(@ForAll("setScript") List<CollectionDiff.Cmd> commands)
            throws IOException {
        diff.exact("FLUSHALL");
        List<String> bad = new ArrayList<>();
        for (CollectionDiff.Cmd c : commands) {
            String m = CollectionDiff.compare(diff, c);
            if (m != null) {
                bad.add(m);
            }
            if (c.words()[0].equals("SPOP") && c.words().length == 2) {
                copySetFromRedis(c.words()[1]);
            }
        }
        assertThat(bad).as("replies that differ from redis-server 7.0").isEmpty();
    }

    /** Makes the engine's {@code key} what redis holds there (after a random change on both sides). */
    private static void copySetFromRedis(String key) throws IOException {
        Object members = CollectionDiff.parse(diff.redis("SMEMBERS", key), new int[] {0});
        if (!(members instanceof List<?> l)) {
            return; // a wrong type: nothing changed on either side
        }
        diff.engine("DEL", key);
        if (!l.isEmpty()) {
            List<String> w = new ArrayList<>(List.of("SADD", key));
            l.forEach(m -> w.add((String) m));
            diff.engine(w.toArray(String[]::new));
        }
    }

    @Example
    void storesReplaceTheirDestinationAndDeleteItForAnEmptyResult() throws IOException {
        diff.exact("FLUSHALL");
        assertThat(diff.script("""
                        SADD a 1 2 3 x
                        SADD b 2 3 4
                        SET str v
                        SET d old EX 100
                        SINTERSTORE d a b
                        TTL d
                        TYPE d
                        SINTERSTORE d a nokey
                        EXISTS d
                        SDIFFSTORE d a a
                        SUNIONSTORE d a b
                        SCARD d
                        SINTERSTORE d a str
                        SUNIONSTORE a a b
                        SCARD a
                        SDIFF nokey a
                        SDIFF a nokey str
                        SINTER nokey str
                        SINTERCARD 2 a b LIMIT 1
                        SINTERCARD 2 a b LIMIT 0
                        SINTERCARD 9223372036854775807 a
                        SMOVE a a 1
                        SMOVE a a zz
                        SMOVE nokey str 1
                        SMOVE a str 1
                        SMOVE a e 1
                        SMOVE b e 2
                        SCARD e
                        SMISMEMBER e 1 2 9
                        SPOP nokey
                        SPOP nokey 2
                        SPOP str 0
                        SPOP e 0
                        SRANDMEMBER e 0
                        SRANDMEMBER nokey -3
                        SRANDMEMBER str -3
                        SRANDMEMBER e -9223372036854775808
                        """)).isEmpty();
    }
}

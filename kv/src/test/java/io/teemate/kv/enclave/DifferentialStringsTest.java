package io.teemate.kv.enclave;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated sequences of string commands, wrong types, wrong arity and boundary numbers included, sent to a real
 * redis-server and to the engine; every reply must be byte-identical (the pattern every command group follows:
 * a generator of its commands over a few keys, {@link RedisDiff} comparing).
 */
class DifferentialStringsTest {
    private static RedisDiff diff;

    @BeforeContainer
    static void start() throws IOException, InterruptedException {
        diff = new RedisDiff();
    }

    @AfterContainer
    static void stop() throws IOException {
        diff.close();
    }

    static final String[] KEYS = {"s1", "s2", "l1"};
    static final String[] VALUES = {
        "",
        "0",
        "1",
        "-1",
        "abc",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "3.5",
        " 1",
        "01",
        "ohmytext",
        "mynewtext",
        "abcabcabcabc"
    };

    @Provide
    Arbitrary<String[]> stringCommand() {
        Arbitrary<String> key = Arbitraries.of(KEYS);
        Arbitrary<String> value = Arbitraries.of(VALUES);
        Arbitrary<String> number = Arbitraries.of("0", "1", "-1", "5", "-100", "100", "x", "9223372036854775807");
        return Arbitraries.oneOf(
                Arbitraries.of("GET", "STRLEN", "INCR", "DECR", "GETDEL", "TYPE")
                        .flatMap(c -> key.map(k -> new String[] {c, k})),
                Arbitraries.of("SET", "APPEND", "SETNX", "GETSET", "RPUSH")
                        .flatMap(c -> key.flatMap(k -> value.map(v -> new String[] {c, k, v}))),
                Arbitraries.of("INCRBY", "DECRBY")
                        .flatMap(c -> key.flatMap(k -> number.map(n -> new String[] {c, k, n}))),
                key.flatMap(k -> number.flatMap(a -> number.map(b -> new String[] {"GETRANGE", k, a, b}))),
                key.flatMap(k -> number.flatMap(a -> value.map(v -> new String[] {"SETRANGE", k, a, v}))),
                key.flatMap(k -> number.flatMap(a -> number.map(b -> new String[] {"SUBSTR", k, a, b}))),
                key.flatMap(k -> getexOptions().map(o -> concat(new String[] {"GETEX", k}, o))),
                key.list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .flatMap(ks -> value.list()
                                .ofSize(ks.size())
                                .flatMap(vs -> Arbitraries.of(0, 1).map(drop -> {
                                    List<String> w = new ArrayList<>(List.of("MSETNX"));
                                    for (int i = 0; i < ks.size(); i++) {
                                        w.add(ks.get(i));
                                        w.add(vs.get(i));
                                    }
                                    return w.subList(0, w.size() - drop).toArray(String[]::new);
                                }))),
                key.flatMap(k1 -> key.flatMap(k2 -> lcsOptions().map(o -> concat(new String[] {"LCS", k1, k2}, o)))),
                key.flatMap(k -> Arbitraries.of("1.5", "-0.25", "x", "1e3", "0", "inf")
                        .map(n -> new String[] {"INCRBYFLOAT", k, n})),
                Arbitraries.of("GET", "INCR", "SET", "MSET", "GETEX", "MSETNX", "SUBSTR", "LCS")
                        .map(c -> new String[] {c}));
    }

    /** GETEX's options, valid or not; deadlines far in the future or long past, so that no reply ticks. */
    private static Arbitrary<String[]> getexOptions() {
        Arbitrary<String> unit = Arbitraries.of("EX", "PX", "EXAT", "PXAT", "ex", "pxat");
        Arbitrary<String> time = Arbitraries.of("100000", "1", "0", "-5", "x", "9223372036854775807", "4000000000");
        Arbitrary<String[]> one = Arbitraries.oneOf(
                unit.flatMap(u -> time.map(t -> new String[] {u, t})),
                Arbitraries.of(
                        new String[] {"PERSIST"}, new String[] {"EX"}, new String[] {"KEEPTTL"}, new String[] {"NX"}));
        return one.list()
                .ofMaxSize(2)
                .map(l -> l.stream().flatMap(java.util.Arrays::stream).toArray(String[]::new));
    }

    /** LCS's options, valid or not. */
    private static Arbitrary<String[]> lcsOptions() {
        Arbitrary<String[]> one = Arbitraries.of(
                new String[] {"LEN"},
                new String[] {"IDX"},
                new String[] {"WITHMATCHLEN"},
                new String[] {"MINMATCHLEN", "2"},
                new String[] {"MINMATCHLEN", "-1"},
                new String[] {"MINMATCHLEN", "x"},
                new String[] {"MINMATCHLEN"},
                new String[] {"bogus"});
        return one.list()
                .ofMaxSize(3)
                .map(l -> l.stream().flatMap(java.util.Arrays::stream).toArray(String[]::new));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Provide
    Arbitrary<List<String[]>> stringScript() {
        return stringCommand().list().ofMinSize(1).ofMaxSize(30);
    }

    @net.jqwik.api.Example
    void scriptedGetexMsetnxSubstrLcsAnswerAsRedis() throws IOException {
        diff.exact("FLUSHALL");
        assertThat(diff.script("""
                SET k1 ohmytext
                SET k2 mynewtext
                LCS k1 k2
                LCS k1 k2 LEN
                LCS k1 k2 IDX
                LCS k1 k2 IDX MINMATCHLEN 4
                LCS k1 k2 IDX MINMATCHLEN 4 WITHMATCHLEN
                LCS k1 k2 IDX WITHMATCHLEN MINMATCHLEN 0
                LCS k1 k2 LEN IDX
                LCS k1 k2 MINMATCHLEN
                LCS k1 k2 MINMATCHLEN 1.5
                LCS k1 nokey IDX
                LCS nokey nokey2
                LCS k1 k1 IDX WITHMATCHLEN
                RPUSH l a
                LCS k1 l
                LCS l k1 bogus
                LCS k1
                SUBSTR k1 0 3
                SUBSTR k1 -3 -1
                SUBSTR k1 5 2
                SUBSTR l 0 1
                SUBSTR k1 0
                SUBSTR nokey 0 1
                SUBSTR k1 x 1
                MSETNX a 1 b 2
                MSETNX a 1 c 2
                MSETNX d 1 d 2
                GET d
                MSETNX e 1 f
                MSETNX l x
                MGET a b c d
                GETEX k1
                GETEX k1 EX 100 PX 100
                GETEX k1 EX 100 EX 200
                GETEX k1 PERSIST PERSIST
                GETEX k1 PERSIST EX 10
                GETEX k1 EX
                GETEX k1 EX 0
                GETEX k1 EX -1
                GETEX k1 EX x
                GETEX k1 PX 9223372036854775807
                GETEX k1 EX 9223372036854775807
                GETEX k1 EXAT 9223372036854775
                GETEX k1 KEEPTTL
                GETEX nokey EX x
                GETEX l
                GETEX l EX 10
                GETEX l BOGUS
                TTL k1
                GETEX k1 EXAT 1
                EXISTS k1
                GETEX
                SET f 10.5
                INCRBYFLOAT f 0.1
                INCRBYFLOAT f -5.0e3
                INCRBYFLOAT f x
                INCRBYFLOAT l 1
                INCRBYFLOAT nokeyf 3.0
                """)).isEmpty();
        String a = "a".repeat(12_000);
        String b = "b".repeat(12_000);
        diff.exact("SET", "la", a);
        diff.exact("SET", "lb", b);
        assertThat(diff.exact("LCS", "la", "lb", "LEN"))
                .as("the table would pass proto-max-bulk-len")
                .isNull();
        diff.exact("SET", "la", "xy".repeat(1000) + "abc");
        diff.exact("SET", "lb", "yx".repeat(900) + "zabc");
        assertThat(diff.exact("LCS", "la", "lb", "IDX", "MINMATCHLEN", "2", "WITHMATCHLEN"))
                .isNull();
        assertThat(diff.exact("LCS", "la", "lb")).isNull();
    }

    @Property(tries = 100)
    void sequencesOfStringCommandsAnswerAsRedis(@ForAll("stringScript") List<String[]> commands) throws IOException {
        diff.exact("FLUSHALL");
        List<String> bad = new ArrayList<>();
        for (String[] c : commands) {
            String m = diff.exact(c);
            if (m != null) {
                bad.add(m);
            }
        }
        assertThat(bad).as("replies that differ from redis-server 7.0").isEmpty();
    }
}

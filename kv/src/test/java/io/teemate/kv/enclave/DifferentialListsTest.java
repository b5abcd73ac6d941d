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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated sequences of list commands (t_list.c: the pushes and pops, LPOS with its options, LINSERT, LMOVE,
 * RPOPLPUSH, LMPOP), wrong types, wrong arity and boundary counts included, answered byte for byte as a real
 * redis-server 7.0 answers.
 */
class DifferentialListsTest {
    private static RedisDiff diff;

    @BeforeContainer
    static void start() throws IOException, InterruptedException {
        diff = new RedisDiff();
    }

    @AfterContainer
    static void stop() throws IOException {
        diff.close();
    }

    static final String[] KEYS = {"l1", "l2", "str"};
    static final String[] VALUES = {"a", "b", "c", "", "1"};
    static final String[] COUNTS = {"0", "1", "2", "-1", "x", "100", "9223372036854775807", "-9223372036854775808"};

    @Provide
    Arbitrary<CollectionDiff.Cmd> listCommand() {
        Arbitrary<String> key = Arbitraries.of(KEYS);
        Arbitrary<String> value = Arbitraries.of(VALUES);
        Arbitrary<String> count = Arbitraries.of(COUNTS);
        Arbitrary<String> side = Arbitraries.of("LEFT", "RIGHT", "left", "UP");
        Arbitrary<List<String>> lposOption = Combinators.combine(
                        Arbitraries.of("RANK", "COUNT", "MAXLEN", "rank", "FOO"),
                        Arbitraries.of("0", "1", "2", "-1", "-2", "x", "3", "-9223372036854775808"))
                .as(List::of);
        Arbitrary<List<String>> lposOptions = lposOption
                .list()
                .ofMaxSize(3)
                .map(l -> l.stream().flatMap(List::stream).toList());
        return Arbitraries.oneOf(
                Arbitraries.of("LPUSH", "RPUSH", "LPUSHX", "RPUSHX")
                        .flatMap(c -> key.flatMap(k -> value.list()
                                .ofMinSize(1)
                                .ofMaxSize(3)
                                .map(vs -> {
                                    List<String> w = new ArrayList<>(List.of(c, k));
                                    w.addAll(vs);
                                    return exact(w.toArray(String[]::new));
                                }))),
                Arbitraries.of("LPOP", "RPOP").flatMap(c -> key.map(k -> exact(c, k))),
                Arbitraries.of("LPOP", "RPOP").flatMap(c -> key.flatMap(k -> count.map(n -> exact(c, k, n)))),
                key.flatMap(k -> value.flatMap(v -> lposOptions.map(o -> {
                    List<String> w = new ArrayList<>(List.of("LPOS", k, v));
                    w.addAll(o);
                    return exact(w.toArray(String[]::new));
                }))),
                Combinators.combine(key, Arbitraries.of("BEFORE", "AFTER", "after", "MIDDLE"), value, value)
                        .as((k, where, p, v) -> exact("LINSERT", k, where, p, v)),
                Combinators.combine(key, key, side, side).as((s, d, f, t) -> exact("LMOVE", s, d, f, t)),
                Combinators.combine(key, key).as((s, d) -> exact("RPOPLPUSH", s, d)),
                Combinators.combine(
                                Arbitraries.of("0", "1", "2", "3", "x", "-1", "9223372036854775807"),
                                key.list().ofMinSize(1).ofMaxSize(3),
                                side,
                                Arbitraries.of(
                                        List.<String>of(),
                                        List.of("COUNT", "2"),
                                        List.of("COUNT", "100"),
                                        List.of("COUNT", "0"),
                                        List.of("COUNT", "x"),
                                        List.of("COUNT"),
                                        List.of("COUNT", "1", "COUNT", "1"),
                                        List.of("BAD", "1")))
                        .as((n, ks, s, opt) -> {
                            List<String> w = new ArrayList<>(List.of("LMPOP", n));
                            w.addAll(ks);
                            w.add(s);
                            w.addAll(opt);
                            return exact(w.toArray(String[]::new));
                        }),
                key.map(k -> exact("LRANGE", k, "0", "-1")),
                Arbitraries.of("LLEN", "TYPE").flatMap(c -> key.map(k -> exact(c, k))),
                value.map(v -> exact("SET", "str", v)),
                Arbitraries.of(
                        exact("LPOS", "l1"),
                        exact("LINSERT", "l1", "BEFORE", "a"),
                        exact("LMOVE", "l1", "l2", "LEFT"),
                        exact("RPOPLPUSH", "l1"),
                        exact("LMPOP", "1"),
                        exact("LMPOP", "1", "l1"),
                        exact("LPUSHX", "l1"),
                        exact("LPOP", "l1", "1", "2")));
    }

    @Provide
    Arbitrary<List<CollectionDiff.Cmd>> listScript() {
        return listCommand().list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 80)
    void sequencesOfListCommandsAnswerAsRedis(@ForAll("listScript") List<CollectionDiff.Cmd> commands)
            throws IOException {
        diff.exact("FLUSHALL");
        assertThat(CollectionDiff.run(diff, commands))
                .as("replies that differ from redis-server 7.0")
                .isEmpty();
    }

    @Example
    void lposWalksFromEitherEndWithRankCountAndMaxlen() throws IOException {
        diff.exact("FLUSHALL");
        assertThat(diff.script("""
                        RPUSH l a b a c a b a
                        LPOS l a
                        LPOS l a RANK 2
                        LPOS l a RANK -1
                        LPOS l a RANK -3 COUNT 2
                        LPOS l a COUNT 0
                        LPOS l a COUNT 0 RANK -1
                        LPOS l a COUNT 0 MAXLEN 3
                        LPOS l a RANK -1 MAXLEN 1
                        LPOS l a RANK -9223372036854775808
                        LPOS l a RANK -9223372036854775807
                        LPOS l a RANK 9223372036854775807 COUNT 0
                        LPOS l z COUNT 2
                        LPOS l z
                        LPOS nol a COUNT 1
                        LPOS l a RANK 0
                        LPOS l a COUNT -1
                        LPOS l a MAXLEN -1
                        LPOS l a COUNT
                        LINSERT l AFTER c X
                        LINSERT l BEFORE a Y
                        LINSERT l BEFORE zz Y
                        LINSERT nol BEFORE a Y
                        LRANGE l 0 -1
                        LMOVE l l RIGHT LEFT
                        LMOVE l m LEFT LEFT
                        RPOPLPUSH m m
                        LRANGE l 0 -1
                        LRANGE m 0 -1
                        LMPOP 9223372036854775807 l LEFT
                        LMPOP 2 nol l RIGHT COUNT 3
                        LMPOP 2 l nol LEFT COUNT 9223372036854775807
                        LMPOP 1 l LEFT
                        EXISTS l
                        """)).isEmpty();
    }
}

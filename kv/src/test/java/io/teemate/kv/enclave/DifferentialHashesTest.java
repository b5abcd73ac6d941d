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
 * Generated sequences of hash commands (t_hash.c: HRANDFIELD, HSTRLEN, HINCRBYFLOAT, HSCAN with the older ones),
 * wrong types, wrong arity and boundary numbers included, compared with a real redis-server 7.0.
 */
class DifferentialHashesTest {
    private static RedisDiff diff;

    @BeforeContainer
    static void start() throws IOException, InterruptedException {
        diff = new RedisDiff();
    }

    @AfterContainer
    static void stop() throws IOException {
        diff.close();
    }

    static final String[] KEYS = {"h1", "h2", "str"};
    static final String[] FIELDS = {"f", "g", "n", ""};
    static final String[] VALUES = {"1", "1.5", "abc", "", "10", "-3", "1e3", " 1", "0x10"};
    static final String[] INCREMENTS = {"1", "-1.5", "x", "inf", "-inf", "nan", "1e308", "3.0e3", "0", "", "0.1"};

    @Provide
    Arbitrary<CollectionDiff.Cmd> hashCommand() {
        Arbitrary<String> key = Arbitraries.of(KEYS);
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<String> value = Arbitraries.of(VALUES);
        return Arbitraries.oneOf(
                Combinators.combine(key, field, value).as((k, f, v) -> exact("HSET", k, f, v)),
                Combinators.combine(key, field).as((k, f) -> exact("HDEL", k, f)),
                Combinators.combine(key, field).as((k, f) -> exact("HGET", k, f)),
                Combinators.combine(key, field).as((k, f) -> exact("HSTRLEN", k, f)),
                Combinators.combine(key, field, Arbitraries.of(INCREMENTS))
                        .as((k, f, by) -> exact("HINCRBYFLOAT", k, f, by)),
                key.map(k -> shape("HRANDFIELD", k)),
                Combinators.combine(
                                key, Arbitraries.of("0", "1", "2", "-1", "-3", "5", "100", "x", "-9223372036854775808"))
                        .as((k, n) -> shape("HRANDFIELD", k, n)),
                Combinators.combine(
                                key,
                                Arbitraries.of(
                                        "0",
                                        "1",
                                        "-2",
                                        "100",
                                        "4611686018427387904",
                                        "-4611686018427387904",
                                        "9223372036854775807"),
                                Arbitraries.of("WITHVALUES", "withvalues", "WITHVALUE"))
                        .as((k, n, w) -> shape("HRANDFIELD", k, n, w)),
                Combinators.combine(key, Arbitraries.of("100", "0", "x")).as((k, n) -> unordered("HRANDFIELD", k, n)),
                Combinators.combine(
                                key,
                                Arbitraries.of(
                                        List.<String>of(),
                                        List.of("COUNT", "1"),
                                        List.of("MATCH", "f*"),
                                        List.of("MATCH", "[fg]", "COUNT", "2"),
                                        List.of("COUNT", "0"),
                                        List.of("COUNT", "x"),
                                        List.of("NOVALUES"),
                                        List.of("COUNT")))
                        .as((k, opt) -> {
                            List<String> w = new ArrayList<>(List.of("HSCAN", k, "0"));
                            w.addAll(opt);
                            return scan(w.toArray(String[]::new));
                        }),
                key.map(k -> unordered("HGETALL", k)),
                Arbitraries.of("HLEN", "TYPE").flatMap(c -> key.map(k -> exact(c, k))),
                value.map(v -> exact("SET", "str", v)),
                Arbitraries.of(
                        exact("HSTRLEN", "h1"),
                        exact("HINCRBYFLOAT", "h1", "f"),
                        exact("HRANDFIELD", "h1", "1", "WITHVALUES", "x"),
                        exact("HSCAN", "h1"),
                        exact("HSCAN", "h1", "x"),
                        exact("HSCAN", "nokey", "0", "COUNT", "0")));
    }

    @Provide
    Arbitrary<List<CollectionDiff.Cmd>> hashScript() {
        return hashCommand().list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 80)
    void sequencesOfHashCommandsAnswerAsRedis(@ForAll("hashScript") List<CollectionDiff.Cmd> commands)
            throws IOException {
        diff.exact("FLUSHALL");
        assertThat(CollectionDiff.run(diff, commands))
                .as("replies that differ from redis-server 7.0")
                .isEmpty();
    }

    @Example
    void hincrbyfloatFormatsAsRedisAndRefusesWhatItRefuses() throws IOException {
        diff.exact("FLUSHALL");
        assertThat(diff.script("""
                        HINCRBYFLOAT h f 10.5
                        HINCRBYFLOAT h f 0.1
                        HINCRBYFLOAT h f -5.0e3
                        HINCRBYFLOAT h f 1.7976931348623157e308
                        HINCRBYFLOAT h f 1.7976931348623157e308
                        HSET h i 9223372036854775807
                        HINCRBYFLOAT h i 1
                        HSET h s abc
                        HINCRBYFLOAT h s 1
                        HINCRBYFLOAT h s inf
                        HINCRBYFLOAT nokey f nan
                        EXISTS nokey
                        HINCRBYFLOAT h new 0x1p3
                        HGET h f
                        HGET h i
                        HGET h new
                        HLEN h
                        HSTRLEN h i
                        HSTRLEN h none
                        HSTRLEN none f
                        HRANDFIELD none
                        HRANDFIELD none 5 WITHVALUES
                        HRANDFIELD h 0 WITHVALUES
                        HRANDFIELD h -4611686018427387905 WITHVALUES
                        HRANDFIELD h 4611686018427387904 WITHVALUES
                        """)).isEmpty();
    }
}

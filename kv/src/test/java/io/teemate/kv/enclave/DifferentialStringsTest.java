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
        "01"
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
                Arbitraries.of("GET", "INCR", "SET", "MSET").map(c -> new String[] {c}));
    }

    @Provide
    Arbitrary<List<String[]>> stringScript() {
        return stringCommand().list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 60)
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

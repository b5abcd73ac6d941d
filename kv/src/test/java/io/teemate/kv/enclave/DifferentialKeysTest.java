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
 * Generated sequences of the generic key commands (TOUCH, EXPIRE family with NX/XX/GT/LT, EXPIRETIME, COPY, WAIT,
 * OBJECT ENCODING/REFCOUNT) over a few keys of every type, compared byte for byte with a real redis-server, and
 * scripted edge cases (option conflicts, overflow, COPY's DB argument).
 */
class DifferentialKeysTest {
    private static RedisDiff diff;

    @BeforeContainer
    static void start() throws IOException, InterruptedException {
        diff = new RedisDiff();
    }

    @AfterContainer
    static void stop() throws IOException {
        diff.close();
    }

    static final String[] KEYS = {"k1", "k2", "k3"};

    @Provide
    Arbitrary<String[]> keyCommand() {
        Arbitrary<String> key = Arbitraries.of(KEYS);
        Arbitrary<String> value = Arbitraries.of("1", "abc", "9999", "10000", "-5", "01", "x".repeat(45));
        Arbitrary<String> time = Arbitraries.of("100", "200", "-1", "0", "9223372036854775807", "x", "2000000000");
        Arbitrary<String> opt = Arbitraries.of("NX", "XX", "GT", "LT", "nx", "BAD");
        return Arbitraries.oneOf(
                Arbitraries.of("TOUCH", "EXPIRETIME", "PEXPIRETIME", "PERSIST", "TYPE", "EXISTS", "DEL")
                        .flatMap(c -> key.map(k -> new String[] {c, k})),
                Arbitraries.of("OBJECT ENCODING", "OBJECT REFCOUNT")
                        .flatMap(c -> key.map(k -> (c + " " + k).split(" "))),
                Arbitraries.of("SET", "APPEND", "SADD", "RPUSH", "INCRBY", "INCRBYFLOAT", "SETRANGE")
                        .flatMap(c -> key.flatMap(k -> value.map(v -> c.equals("SETRANGE")
                                ? new String[] {c, k, "1", v}
                                : c.startsWith("INCR") ? new String[] {c, k, "3"} : new String[] {c, k, v}))),
                key.flatMap(k -> value.flatMap(f -> value.map(v -> new String[] {"HSET", k, f, v}))),
                Arbitraries.of("EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT")
                        .flatMap(c -> key.flatMap(k -> time.map(t -> new String[] {c, k, t}))),
                Arbitraries.of("EXPIRE", "PEXPIREAT")
                        .flatMap(c -> key.flatMap(k ->
                                time.flatMap(t -> opt.list().ofMaxSize(2).map(o -> {
                                    List<String> w = new ArrayList<>(
                                            List.of(c, k, t.equals("2000000000") ? "4000000000000" : "1000"));
                                    w.addAll(o);
                                    return w.toArray(String[]::new);
                                })))),
                key.flatMap(s -> key.flatMap(d -> Arbitraries.of("", "REPLACE", "DB 0", "DB 16", "DB x")
                        .map(o -> (("COPY " + s + " " + d + " " + o).strip()).split(" ")))));
    }

    @Provide
    Arbitrary<List<String[]>> keyScript() {
        return keyCommand().list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 60)
    void sequencesOfKeyCommandsAnswerAsRedis(@ForAll("keyScript") List<String[]> commands) throws IOException {
        diff.exact("FLUSHALL");
        List<String> bad = new ArrayList<>();
        for (String[] c : commands) {
            String m = diff.exact(c);
            if (m != null) {
                bad.add(m);
            }
        }
        assertThat(bad).isEmpty();
    }

    @net.jqwik.api.Example
    void scriptedEdgeCases() throws IOException {
        diff.exact("FLUSHALL");
        assertThat(diff.script("""
                SET a 1
                EXPIRE a 100 NX XX
                EXPIRE a 100 GT LT
                EXPIRE a 100 NX GT
                EXPIRE a 100 FOO
                EXPIRE a 9223372036854775807
                EXPIRE a -9223372036854775808
                PEXPIRE a 9223372036854775807
                EXPIREAT a 9223372036854775807
                PEXPIREAT a 9223372036854775807
                EXPIRETIME a
                PEXPIRETIME a
                EXPIREAT a 4000000000 XX
                EXPIREAT a 4000000000 NX
                EXPIRETIME a
                PEXPIRETIME a
                EXPIREAT a 4000000001 LT
                EXPIREAT a 3000000000 LT
                EXPIRETIME a
                EXPIREAT a 3000000001 GT
                EXPIRETIME a
                EXPIRETIME nokey
                EXPIRETIME
                TOUCH a b a
                TOUCH
                COPY a a
                COPY a b
                COPY a b
                COPY a b REPLACE
                EXPIRETIME b
                COPY a b DB 0 REPLACE
                COPY a b DB 16
                COPY a b DB -1
                COPY a b DB x
                COPY a b DB 99999999999
                COPY a b DB
                COPY a b FOO
                COPY nokey b
                COPY a
                WAIT 0 0
                WAIT 1 x
                WAIT x 0
                WAIT 0 -1
                WAIT 0 1.5
                WAIT -5 1
                WAIT 0
                OBJECT
                OBJECT HELP
                object help
                OBJECT HELP x
                OBJECT FOO k
                OBJECT ENCODING
                OBJECT ENCODING nokey
                OBJECT REFCOUNT nokey
                OBJECT ENCODING a
                OBJECT REFCOUNT a
                OBJECT ENCODING b
                OBJECT REFCOUNT b
                OBJECT FREQ a
                OBJECT IDLETIME a
                OBJECT IDLETIME nokey
                """)).isEmpty();
    }
}

package io.teemate.kv.enclave;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command the engine knows, with extreme and malformed arguments: each call must answer exactly one
 * well-formed RESP2 value and never an internal error (a bug the engine's safety net would otherwise hide), and
 * afterwards the engine still answers PING and a sentinel key written first is intact.
 */
class CommandEngineFuzzTest {
    static final String SENTINEL = "sentinel:key";
    static final String SENTINEL_VALUE = "the value that must survive";
    /** FLUSHDB and FLUSHALL would remove the sentinel by design. */
    static final Set<String> SKIP = Set.of("flushdb", "flushall");

    static final List<String> COMMANDS = CommandEngine.commandTable().keySet().stream()
            .filter(c -> !SKIP.contains(c))
            .sorted()
            .toList();

    /** A small space, so that a SETRANGE that fits it still allocates only a few MiB. */
    final KvRig kv = new KvRig(2048, 4L << 20);

    CommandEngineFuzzTest() {
        kv.run("SET", SENTINEL, SENTINEL_VALUE);
        kv.run("RPUSH", "list", "a", "b", "c", "1", "2.5");
        kv.run("HSET", "hash", "f", "1", "g", "x", "h", "1.5");
        kv.run("SADD", "set", "a", "b", "1");
        kv.run("SET", "str", "hello");
        kv.run("SET", "num", "10");
        kv.run("SET", "flt", "10.5");
    }

    @Property(tries = 600)
    void everyCommandAnswersOneWellFormedReplyAndTheEngineGoesOn(@ForAll("commands") List<String> argv) {
        check(argv);
    }

    /**
     * Deterministic sweep: every command, on keys of every type, with each boundary value in each argument
     * position (the other arguments "1"), so no boundary is left to chance.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyBoundaryValueInEveryPositionOfEveryCommand() {
        List<String> values = new ArrayList<>();
        values.addAll(INTEGERS);
        values.addAll(FLOATS);
        values.addAll(WORDS);
        values.addAll(PATTERNS);
        int calls = 0;
        for (String name : COMMANDS) {
            int arity = CommandEngine.commandTable().get(name);
            int positions = Math.max(Math.abs(arity) - 2, 0) + (arity < 0 ? 2 : 0); // after the key
            for (String key : List.of("k1", "str", "list", "hash", "set", "num")) {
                for (int at = 0; at < Math.max(positions, 1); at++) {
                    for (String v : values) {
                        List<String> argv = new ArrayList<>();
                        argv.add(name);
                        if (Math.abs(arity) >= 2 || arity < 0) {
                            argv.add(key);
                        }
                        for (int i = 0; i < positions; i++) {
                            argv.add(i == at ? v : "1");
                        }
                        check(argv);
                        calls++;
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(10_000);
    }

    private void check(List<String> argv) {
        List<byte[]> args = new ArrayList<>();
        for (String a : argv) {
            args.add(a.getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] reply = kv.engine.execute(args);
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        int start = BlockingCommands.isBlock(reply) ? 1 : 0; // the host's "park the client" marker: NUL, then RESP
        assertThat(wellFormedLength(reply, start)).as("%s -> %s", argv, text).isEqualTo(reply.length - start);
        assertThat(text).as("%s", argv).doesNotStartWith("-ERR internal error");
        assertThat(kv.engine.takeInternalErrors()).as("%s", argv).isEmpty();
        assertThat(kv.run("PING")).isEqualTo("+PONG\r\n");
        assertThat(kv.run("GET", SENTINEL)).isEqualTo(KvRig.bulk(SENTINEL_VALUE));
    }

    @Provide
    Arbitrary<List<String>> commands() {
        Arbitrary<String> name = Arbitraries.of(COMMANDS);
        return name.flatMap(n -> {
            int arity = CommandEngine.commandTable().get(n);
            int min = Math.abs(arity) - 1;
            // mostly the right number of arguments, sometimes a few more (options) or one fewer
            Arbitrary<Integer> count = arity > 0
                    ? Arbitraries.frequency(
                            net.jqwik.api.Tuple.of(8, min),
                            net.jqwik.api.Tuple.of(1, Math.max(0, min - 1)),
                            net.jqwik.api.Tuple.of(1, min + 1))
                    : Arbitraries.integers().between(Math.max(0, min - 1), min + 4);
            return count.flatMap(c -> Combinators.combine(
                            key(), argument().list().ofSize(Math.max(0, c - 1)))
                    .as((k, rest) -> {
                        List<String> out = new ArrayList<>();
                        out.add(n.toUpperCase(java.util.Locale.ROOT));
                        if (c >= 1) {
                            out.add(k);
                        }
                        out.addAll(rest);
                        return out;
                    }));
        });
    }

    private static Arbitrary<String> key() {
        return Arbitraries.of(KEYS);
    }

    static final List<String> INTEGERS = List.of(
            "0",
            "-1",
            "1",
            "2",
            "-2",
            "3",
            "10",
            "100",
            Long.toString(Long.MAX_VALUE),
            Long.toString(Long.MIN_VALUE),
            Long.toString(Long.MAX_VALUE - 1),
            Long.toString(Long.MIN_VALUE + 1),
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "4294967296",
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "-0",
            " 1",
            "1 ",
            "+1",
            "1e3",
            "00",
            "01",
            "9".repeat(40),
            "",
            "536870911",
            "536870912",
            "4194304",
            "4194303",
            "1048576",
            "922337203685477580",
            "9223372036854775");
    static final List<String> FLOATS = List.of(
            "nan",
            "inf",
            "-inf",
            "infinity",
            "1e10000000",
            "-1e999999999",
            "1e-400",
            "1e-5000",
            "0x10",
            "0x1p16383",
            "0x1p-16446",
            "1.5",
            "-0.0",
            "1e4932",
            "1e-4951",
            ".",
            "1e",
            "0.1",
            "3.0000000000000000001",
            "9".repeat(300) + "e4000");
    static final List<String> WORDS = List.of(
            "NX", "XX", "GT", "LT", "EX", "PX", "EXAT", "PXAT", "KEEPTTL", "GET", "COUNT", "MATCH", "TYPE", "string",
            "list", "hash", "set", "async", "sync", "ex", "count");
    static final List<String> PATTERNS =
            List.of("*", "?", "[", "[^", "\\", "*a*a*a*a*a*a*a*a*a*b", "[a-", "a*b*c*", "[z-a]*", "\\*", "[\\]]*");
    static final List<String> KEYS =
            List.of("k1", "k2", "list", "hash", "set", "str", "num", "flt", "", "a".repeat(48));

    private static Arbitrary<String> argument() {
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(12);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(INTEGERS)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(FLOATS)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(WORDS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(PATTERNS)),
                net.jqwik.api.Tuple.of(2, key()),
                net.jqwik.api.Tuple.of(2, random));
    }

    /** The length of the one RESP2 value at {@code at}, or -1 if it is not well formed. */
    static int wellFormedLength(byte[] b, int at) {
        if (at >= b.length) {
            return -1;
        }
        int eol = lineEnd(b, at);
        if (eol < 0) {
            return -1;
        }
        String line = new String(b, at + 1, eol - at - 1, StandardCharsets.ISO_8859_1);
        int next = eol + 2;
        switch (b[at]) {
            case '+', '-' -> {
                return line.indexOf('\r') < 0 && line.indexOf('\n') < 0 ? next - at : -1;
            }
            case ':' -> {
                return line.matches("-?\\d+") ? next - at : -1;
            }
            case '$' -> {
                if (line.equals("-1")) {
                    return next - at;
                }
                if (!line.matches("\\d+")) {
                    return -1;
                }
                int n = Integer.parseInt(line);
                if (next + n + 2 > b.length || b[next + n] != '\r' || b[next + n + 1] != '\n') {
                    return -1;
                }
                return next + n + 2 - at;
            }
            case '*' -> {
                if (line.equals("-1")) {
                    return next - at;
                }
                if (!line.matches("\\d+")) {
                    return -1;
                }
                int p = next;
                for (int i = Integer.parseInt(line); i > 0; i--) {
                    int len = wellFormedLength(b, p);
                    if (len < 0) {
                        return -1;
                    }
                    p += len;
                }
                return p - at;
            }
            default -> {
                return -1;
            }
        }
    }

    private static int lineEnd(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}

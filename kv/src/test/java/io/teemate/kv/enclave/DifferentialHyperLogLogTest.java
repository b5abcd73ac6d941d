package io.teemate.kv.enclave;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
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
 * PFADD, PFCOUNT, PFMERGE (hyperloglog.c) against a real redis-server 7.0: the raw value (GET: header, cached
 * cardinality, sparse opcodes or dense registers) and every reply byte-identical, through thousands of elements,
 * the sparse to dense promotion, merges of both encodings, and corrupt or foreign strings.
 */
class DifferentialHyperLogLogTest {
    private static RedisDiff diff;

    @BeforeContainer
    static void start() throws IOException, InterruptedException {
        diff = new RedisDiff();
    }

    @AfterContainer
    static void stop() throws IOException {
        diff.close();
    }

    private static void same(List<String> bad, String... words) throws IOException {
        String m = diff.exact(words);
        if (m != null) {
            bad.add(m.length() > 2000 ? m.substring(0, 2000) + "..." : m);
        }
    }

    /** PFADD key e(from) .. e(to-1), {@code perCall} elements per call, GET and PFCOUNT compared after each call. */
    private static void addRange(List<String> bad, String key, String prefix, int from, int to, int perCall)
            throws IOException {
        for (int i = from; i < to; i += perCall) {
            List<String> w = new ArrayList<>(List.of("PFADD", key));
            for (int j = i; j < Math.min(to, i + perCall); j++) {
                w.add(prefix + j);
            }
            same(bad, w.toArray(String[]::new));
            same(bad, "GET", key);
            same(bad, "PFCOUNT", key);
            same(bad, "GET", key);
        }
    }

    @Example
    void thousandsOfElementsGiveTheSameBytesAndCountsThroughTheDensePromotion() throws IOException {
        diff.exact("FLUSHALL");
        List<String> bad = new ArrayList<>();
        same(bad, "PFADD", "h");
        same(bad, "GET", "h");
        same(bad, "PFCOUNT", "h");
        addRange(bad, "h", "el:", 0, 400, 7); // sparse, one element at a time in small batches
        addRange(bad, "h", "el:", 400, 6000, 250); // grows past hll-sparse-max-bytes: dense
        addRange(bad, "big", "x", 0, 50_000, 1000);
        addRange(bad, "small", "", 0, 100, 1);
        same(bad, "PFCOUNT", "h", "small");
        same(bad, "PFCOUNT", "h", "big", "small", "missing");
        same(bad, "GET", "h");
        same(bad, "PFMERGE", "m1", "small");
        same(bad, "GET", "m1");
        same(bad, "PFMERGE", "m1", "h");
        same(bad, "GET", "m1");
        same(bad, "PFCOUNT", "m1");
        same(bad, "PFMERGE", "m2", "small", "missing");
        same(bad, "GET", "m2");
        same(bad, "PFMERGE", "m3");
        same(bad, "GET", "m3");
        same(bad, "PFMERGE", "small", "big");
        same(bad, "GET", "small");
        same(bad, "PFCOUNT", "small");
        assertThat(bad).isEmpty();
    }

    @Example
    void foreignAndCorruptValuesAreRefusedAsRedis() throws IOException {
        diff.exact("FLUSHALL");
        String zeros = "\u0000".repeat(12);
        assertThat(diff.script("""
                SET s hello
                PFADD s a
                PFCOUNT s
                PFCOUNT s nokey
                PFMERGE d s
                PFMERGE s
                RPUSH l a
                PFADD l a
                PFCOUNT l
                PFCOUNT l s
                PFMERGE l
                PFMERGE d l
                PFADD
                PFCOUNT
                PFMERGE
                PFCOUNT nokey
                PFCOUNT nokey nokey2
                EXISTS nokey
                PFADD h a b c
                PFADD h a
                PFADD h
                PFCOUNT h
                PFCOUNT h
                APPEND h x
                PFCOUNT h
                PFADD h zzz
                GET h
                """)).isEmpty();
        // hand-made headers: a dense one of the wrong size, an unknown encoding, a sparse one covering too few
        // registers (corrupt), a sparse one whose opcodes overrun
        List<String> bad = new ArrayList<>();
        same(bad, "SET", "d1", "HYLL\u0000" + "\u0000".repeat(11) + "abc");
        same(bad, "PFCOUNT", "d1");
        same(bad, "SET", "d2", "HYLL\u0002" + "\u0000".repeat(11));
        same(bad, "PFADD", "d2", "a");
        same(bad, "SET", "sp", "HYLL\u0001\u0000\u0000\u0000" + "\u0000".repeat(7) + "\u0080\u0000");
        same(bad, "PFCOUNT", "sp");
        same(bad, "PFADD", "sp", "a", "b");
        same(bad, "PFCOUNT", "sp", "h");
        same(bad, "PFMERGE", "sp2", "sp");
        same(bad, "EXISTS", "sp2");
        same(bad, "SET", "sp3", "HYLL\u0001\u0000\u0000\u0000" + zeros.substring(0, 8) + "\u007f\u00ff\u007f\u00ff");
        same(bad, "PFCOUNT", "sp3");
        same(bad, "PFADD", "sp3", "a");
        same(bad, "GET", "sp3");
        same(bad, "SET", "sp4", "HYLL\u0001\u0000\u0000\u0000" + zeros.substring(0, 8) + "\u007f");
        same(bad, "PFCOUNT", "sp4");
        same(bad, "PFADD", "sp4", "a");
        same(bad, "GET", "sp4");
        same(
                bad,
                "SET",
                "hdr",
                "HYLL\u0001\u0000\u0000\u0000" + "\u0005\u0000\u0000\u0000\u0000\u0000\u0000\u0000" + "\u007f\u00ff");
        same(bad, "PFCOUNT", "hdr");
        same(bad, "PFADD", "hdr", "q");
        same(bad, "PFCOUNT", "hdr");
        same(bad, "GET", "hdr");
        assertThat(bad).isEmpty();
    }

    @Provide
    Arbitrary<String[]> hllCommand() {
        Arbitrary<String> key = Arbitraries.of("h1", "h2", "h3", "s1");
        Arbitrary<List<String>> elements = Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(0)
                .ofMaxLength(10)
                .list()
                .ofMaxSize(40);
        return Arbitraries.oneOf(
                key.flatMap(k -> elements.map(els -> {
                    List<String> w = new ArrayList<>(List.of("PFADD", k));
                    w.addAll(els);
                    return w.toArray(String[]::new);
                })),
                key.list().ofMinSize(1).ofMaxSize(3).map(ks -> {
                    List<String> w = new ArrayList<>(List.of("PFCOUNT"));
                    w.addAll(ks);
                    return w.toArray(String[]::new);
                }),
                key.list().ofMinSize(1).ofMaxSize(3).map(ks -> {
                    List<String> w = new ArrayList<>(List.of("PFMERGE"));
                    w.addAll(ks);
                    return w.toArray(String[]::new);
                }),
                key.map(k -> new String[] {"GET", k}),
                Arbitraries.of(new String[] {"SET", "s1", "x"}, new String[] {"PFADD"}, new String[] {"DEL", "h1"}));
    }

    @Property(tries = 60)
    void sequencesOfHyperLogLogCommandsAnswerAsRedis(@ForAll("hllScript") List<String[]> commands) throws IOException {
        diff.exact("FLUSHALL");
        List<String> bad = new ArrayList<>();
        for (String[] c : commands) {
            same(bad, c);
        }
        assertThat(bad).as("replies that differ from redis-server 7.0").isEmpty();
    }

    @Provide
    Arbitrary<List<String[]>> hllScript() {
        return hllCommand().list().ofMinSize(1).ofMaxSize(40);
    }
}

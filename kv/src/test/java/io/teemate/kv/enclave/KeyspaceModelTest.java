package io.teemate.kv.enclave;

import io.teemate.enclave.memory.CowSpace;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.teemate.kv.enclave.KvRig.NIL;
import static io.teemate.kv.enclave.KvRig.OK;
import static io.teemate.kv.enclave.KvRig.bulk;
import static io.teemate.kv.enclave.KvRig.integer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command sequences (with deadlines and a clock that moves) against a plain Java model of the dataset: every
 * reply and the final dataset must agree, and a fork taken in the middle must still hold the model's dataset of that
 * moment.
 */
class KeyspaceModelTest {
    static final String WRONGTYPE = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";

    record Op(int kind, int key, String arg, String arg2) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.integers().between(0, 19),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.strings().withChars("abc01-\r\n\0").ofMaxLength(12),
                        Arbitraries.of("f1", "f2", "f3", ""))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 150)
    void repliesAndDatasetMatchTheModel(@ForAll("ops") List<Op> ops, @ForAll @IntRange(min = 0, max = 199) int forkAt) {
        KvRig kv = new KvRig(1024, 16L << 20);
        Map<String, Object> model = new HashMap<>();
        Map<String, Long> deadlines = new HashMap<>(); // key -> unix ms; absent = no expiry
        CowSpace fork = null;
        Map<String, Object> atFork = null;
        Map<String, Long> deadlinesAtFork = null;
        for (int i = 0; i < ops.size(); i++) {
            if (i == forkAt) {
                fork = kv.space.fork();
                atFork = deepCopy(model);
                deadlinesAtFork = new HashMap<>(deadlines);
            }
            Op op = ops.get(i);
            String k = "key" + op.key();
            String v = op.arg();
            String f = op.arg2();
            if (op.kind() != 15 && op.kind() != 17) {
                purgeIfExpired(k, model, deadlines, kv.now); // lazy expiry: the command touches k
            }
            Object cur = model.get(k);
            String expected;
            String actual;
            switch (op.kind()) {
                case 0 -> {
                    actual = kv.run("SET", k, v);
                    model.put(k, v);
                    deadlines.remove(k);
                    expected = OK;
                }
                case 1 -> {
                    actual = kv.run("DEL", k);
                    deadlines.remove(k);
                    expected = integer(model.remove(k) != null ? 1 : 0);
                }
                case 2 -> {
                    actual = kv.run("INCR", k);
                    if (cur == null || cur instanceof String) {
                        Long n = cur == null
                                ? Long.valueOf(0)
                                : RedisNumbers.parseLong(
                                        ((String) cur).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                        if (n == null) {
                            expected = "-ERR value is not an integer or out of range\r\n";
                        } else if (n == Long.MAX_VALUE) {
                            expected = "-ERR increment or decrement would overflow\r\n";
                        } else {
                            model.put(k, Long.toString(n + 1));
                            expected = integer(n + 1);
                        }
                    } else {
                        expected = WRONGTYPE;
                    }
                }
                case 3 -> {
                    actual = kv.run("APPEND", k, v);
                    if (cur == null || cur instanceof String) {
                        String nv = (cur == null ? "" : (String) cur) + v;
                        model.put(k, nv);
                        expected = integer(nv.length());
                    } else {
                        expected = WRONGTYPE;
                    }
                }
                case 4 -> {
                    actual = kv.run("GET", k);
                    expected = cur == null ? NIL : cur instanceof String s ? bulk(s) : WRONGTYPE;
                }
                case 5 -> {
                    actual = kv.run("HSET", k, f, v);
                    if (cur == null || cur instanceof TreeMap) {
                        @SuppressWarnings("unchecked")
                        TreeMap<String, String> h = cur == null ? new TreeMap<>() : (TreeMap<String, String>) cur;
                        boolean added = h.put(f, v) == null;
                        model.put(k, h);
                        expected = integer(added ? 1 : 0);
                    } else {
                        expected = WRONGTYPE;
                    }
                }
                case 6 -> {
                    actual = kv.run("HDEL", k, f);
                    if (cur == null) {
                        expected = integer(0);
                    } else if (cur instanceof TreeMap<?, ?> h) {
                        boolean removed = h.remove(f) != null;
                        if (h.isEmpty()) {
                            model.remove(k);
                            deadlines.remove(k);
                        }
                        expected = integer(removed ? 1 : 0);
                    } else {
                        expected = WRONGTYPE;
                    }
                }
                case 7, 8 -> {
                    boolean left = op.kind() == 7;
                    actual = kv.run(left ? "LPUSH" : "RPUSH", k, v);
                    if (cur == null || cur instanceof LinkedList) {
                        @SuppressWarnings("unchecked")
                        LinkedList<String> l = cur == null ? new LinkedList<>() : (LinkedList<String>) cur;
                        if (left) {
                            l.addFirst(v);
                        } else {
                            l.addLast(v);
                        }
                        model.put(k, l);
                        expected = integer(l.size());
                    } else {
                        expected = WRONGTYPE;
                    }
                }
                case 9, 10 -> {
                    boolean left = op.kind() == 9;
                    actual = kv.run(left ? "LPOP" : "RPOP", k);
                    if (cur == null) {
                        expected = NIL;
                    } else if (cur instanceof LinkedList<?> l) {
                        String x = (String) (left ? l.removeFirst() : l.removeLast());
                        if (l.isEmpty()) {
                            model.remove(k);
                            deadlines.remove(k);
                        }
                        expected = bulk(x);
                    } else {
                        expected = WRONGTYPE;
                    }
                }
                case 11 -> {
                    actual = kv.run("SADD", k, v);
                    if (cur == null || cur instanceof HashSet) {
                        @SuppressWarnings("unchecked")
                        HashSet<String> s = cur == null ? new HashSet<>() : (HashSet<String>) cur;
                        boolean added = s.add(v);
                        model.put(k, s);
                        expected = integer(added ? 1 : 0);
                    } else {
                        expected = WRONGTYPE;
                    }
                }
                case 12 -> {
                    actual = kv.run("SREM", k, v);
                    if (cur == null) {
                        expected = integer(0);
                    } else if (cur instanceof HashSet<?> s) {
                        boolean removed = s.remove(v);
                        if (s.isEmpty()) {
                            model.remove(k);
                            deadlines.remove(k);
                        }
                        expected = integer(removed ? 1 : 0);
                    } else {
                        expected = WRONGTYPE;
                    }
                }
                case 13 -> {
                    String dst = "key" + ((op.key() + 1) % 8);
                    actual = kv.run("RENAME", k, dst);
                    if (cur == null) {
                        expected = "-ERR no such key\r\n";
                    } else {
                        purgeIfExpired(dst, model, deadlines, kv.now);
                        model.remove(k);
                        model.put(dst, cur);
                        Long d = deadlines.remove(k);
                        if (d == null) {
                            deadlines.remove(dst);
                        } else {
                            deadlines.put(dst, d);
                        }
                        expected = OK;
                    }
                }
                case 14 -> {
                    actual = kv.run("EXISTS", k);
                    expected = integer(cur == null ? 0 : 1);
                }
                case 15 -> {
                    actual = kv.run("DBSIZE");
                    expected = integer(model.size()); // expired keys not yet touched still count, as in Redis
                }
                case 16 -> {
                    long ms = (v.length() - 3) * 100L;
                    actual = kv.run("PEXPIRE", k, Long.toString(ms));
                    if (cur == null) {
                        expected = integer(0);
                    } else {
                        if (ms <= 0) {
                            model.remove(k);
                            deadlines.remove(k);
                        } else {
                            deadlines.put(k, kv.now + ms);
                        }
                        expected = integer(1);
                    }
                }
                case 17 -> {
                    kv.now += v.length() * 50L;
                    actual = "";
                    expected = "";
                }
                case 18 -> {
                    actual = kv.run("PERSIST", k);
                    expected = integer(cur != null && deadlines.remove(k) != null ? 1 : 0);
                }
                default -> {
                    actual = kv.run("PTTL", k);
                    expected = integer(cur == null ? -2 : deadlines.containsKey(k) ? deadlines.get(k) - kv.now : -1);
                }
            }
            assertThat(actual).as("op %d %s", i, op).isEqualTo(expected);
        }
        assertThat(Dump.of(kv.ks)).isEqualTo(normalize(live(model, deadlines, kv.now)));
        long[] withDeadline = {0};
        kv.ks.forEachIncludingExpired(e -> withDeadline[0] += kv.ks.expireAt(e) != 0 ? 1 : 0);
        assertThat(kv.ks.expiresCount())
                .as("the kept count of keys with a deadline")
                .isEqualTo(withDeadline[0]);
        if (fork != null) {
            assertThat(Dump.of(Keyspace.attach(fork, () -> kv.now)))
                    .isEqualTo(normalize(live(atFork, deadlinesAtFork, kv.now)));
            fork.close();
        }
    }

    private static void purgeIfExpired(String k, Map<String, Object> model, Map<String, Long> deadlines, long now) {
        Long d = deadlines.get(k);
        if (d != null && d <= now) {
            model.remove(k);
            deadlines.remove(k);
        }
    }

    private static Map<String, Object> live(Map<String, Object> model, Map<String, Long> deadlines, long now) {
        Map<String, Object> out = new HashMap<>(model);
        deadlines.forEach((k, d) -> {
            if (d <= now) {
                out.remove(k);
            }
        });
        return out;
    }

    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> out.put(
                k,
                switch (v) {
                    case TreeMap<?, ?> t -> new TreeMap<>(t);
                    case LinkedList<?> l -> new LinkedList<>(l);
                    case HashSet<?> s -> new HashSet<>(s);
                    default -> v;
                }));
        return out;
    }

    private static Map<String, Object> normalize(Map<String, Object> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(
                k,
                switch (v) {
                    case LinkedList<?> l -> new ArrayList<>(l);
                    case Set<?> s -> new HashSet<>(s);
                    default -> v;
                }));
        return out;
    }
}

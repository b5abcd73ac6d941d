package io.teemate.kv.enclave;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The dataset of a keyspace as plain Java values (String, List, Map, Set of ISO-8859-1 strings), for comparisons. */
final class Dump {
    private Dump() {}

    static Map<String, Object> of(Keyspace ks) {
        Map<String, Object> out = new TreeMap<>();
        ks.forEach(e -> out.put(s(ks.key(e)), value(ks, e)));
        return out;
    }

    static Object value(Keyspace ks, long e) {
        long ref = ks.valueRef(e);
        return switch (ks.type(e)) {
            case Keyspace.TYPE_STRING -> s(ks.readBlob(ref));
            case Keyspace.TYPE_LIST -> strings(ks.listRange(ref, 0, ks.listLength(ref) - 1));
            case Keyspace.TYPE_HASH -> {
                List<byte[]> kv = ks.dictItems(ref, true, true);
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < kv.size(); i += 2) {
                    m.put(s(kv.get(i)), s(kv.get(i + 1)));
                }
                yield new TreeMap<>(m);
            }
            case Keyspace.TYPE_SET -> new HashSet<>(strings(ks.dictItems(ref, true, false)));
            case Keyspace.TYPE_ZSET -> {
                ZsetStore zs = new ZsetStore(ks);
                List<String> pairs = new java.util.ArrayList<>();
                for (long n = zs.first(ref); n != 0; n = zs.next(n)) {
                    pairs.add(s(zs.member(n)));
                    pairs.add(ZsetScores.format(zs.score(n)));
                }
                yield new Zset(pairs);
            }
            default -> throw new AssertionError("type " + ks.type(e));
        };
    }

    /** A sorted set: member, score (as Redis replies it), in order. */
    record Zset(List<String> memberScorePairs) {}

    static List<String> strings(List<byte[]> l) {
        return l.stream().map(Dump::s).toList();
    }

    static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}

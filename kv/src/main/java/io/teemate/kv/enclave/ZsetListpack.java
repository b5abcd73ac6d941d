package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.List;

/**
 * The listpack of a small sorted set as RDB_TYPE_ZSET_LISTPACK holds it (t_zset.c zzlInsertAt: member, then score
 * as util.c d2string's text, in order), built and read by {@link Listpack}.
 */
final class ZsetListpack {
    private ZsetListpack() {}

    /** The listpack of {@code items} (member, score pairs). */
    static byte[] encode(List<SortedSetCommands.Scored> items) {
        List<byte[]> flat = new ArrayList<>(items.size() * 2);
        for (SortedSetCommands.Scored s : items) {
            flat.add(s.member());
            flat.add(ZsetScores.d2string(s.score()));
        }
        return Listpack.build(flat);
    }
}

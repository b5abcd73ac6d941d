package io.teemate.kv.enclave;

import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.MAY_REPLICATE;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;

/**
 * PFADD, PFCOUNT, PFMERGE (Redis's hyperloglog.c) over {@link HyperLogLog} values, which are plain strings in the
 * keyspace: GET of one answers the bytes redis-server holds.
 */
final class HyperLogLogCommands {
    private HyperLogLogCommands() {}

    static final String NOT_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";
    static final String CORRUPT = "INVALIDOBJ Corrupted HLL object detected";

    static void register(CommandTable t) {
        t.add(CommandSpec.oneKey("pfadd", -2, Set.of(WRITE, DENYOOM, FAST), HyperLogLogCommands::pfadd));
        // READONLY as in Redis 7.0, yet it stores the cardinality it computed and is then propagated
        t.add(new CommandSpec("pfcount", -2, Set.of(READONLY, MAY_REPLICATE), 1, -1, 1, HyperLogLogCommands::pfcount));
        t.add(new CommandSpec("pfmerge", -2, Set.of(WRITE, DENYOOM), 1, -1, 1, HyperLogLogCommands::pfmerge));
    }

    /** The HyperLogLog at {@code key}, null if absent; WRONGTYPE errors as isHLLObjectOrReply. */
    private static HyperLogLog lookup(CommandContext c, byte[] key) {
        byte[] v = c.getString(key);
        if (v == null) {
            return null;
        }
        if (!HyperLogLog.looksValid(v)) {
            throw new CommandEngine.ReplyError(NOT_HLL);
        }
        return new HyperLogLog(v);
    }

    /** PFADD key [element ...] (pfaddCommand): 1 if the key was created or a register changed. */
    private static void pfadd(CommandContext c, List<byte[]> a, Reply r) {
        byte[] key = a.get(1);
        HyperLogLog h = lookup(c, key);
        int updated = 0;
        if (h == null) {
            h = HyperLogLog.create();
            updated++;
        }
        for (int j = 2; j < a.size(); j++) {
            int res = h.add(a.get(j));
            if (res < 0) {
                // Redis edited its value in place: what the earlier elements changed stays, unpropagated
                if (updated > 0) {
                    c.putString(key, h.value(), 0, true);
                }
                throw new CommandEngine.ReplyError(CORRUPT);
            }
            updated += res;
        }
        if (updated > 0) {
            h.invalidateCache();
            c.putString(key, h.value(), 0, true);
            c.dirty(updated);
        }
        r.integer(updated > 0 ? 1 : 0);
    }

    /**
     * PFCOUNT key [key ...] (pfcountCommand): one key answers its cached cardinality or computes and caches it (a
     * change of the value, propagated); several keys answer the cardinality of their union and change nothing.
     */
    private static void pfcount(CommandContext c, List<byte[]> a, Reply r) {
        if (a.size() > 2) {
            int[] max = new int[HyperLogLog.REGISTERS];
            for (int j = 1; j < a.size(); j++) {
                HyperLogLog h = lookup(c, a.get(j));
                if (h != null && !h.mergeInto(max)) {
                    throw new CommandEngine.ReplyError(CORRUPT);
                }
            }
            r.integer(HyperLogLog.count(HyperLogLog.histogram(max)));
            return;
        }
        HyperLogLog h = lookup(c, a.get(1));
        if (h == null) {
            r.integer(0);
            return;
        }
        if (h.cacheValid()) {
            r.integer(h.cachedCard());
            return;
        }
        int[] histo = h.histogram();
        if (histo == null) {
            throw new CommandEngine.ReplyError(CORRUPT);
        }
        long card = HyperLogLog.count(histo);
        h.setCachedCard(card);
        c.putString(a.get(1), h.value(), 0, true);
        c.dirty();
        r.integer(card);
    }

    /**
     * PFMERGE destkey [sourcekey ...] (pfmergeCommand): destkey's registers become the maximum over itself and the
     * sources; it turns dense if any input is dense. Always a change (propagated), even with nothing to merge.
     */
    private static void pfmerge(CommandContext c, List<byte[]> a, Reply r) {
        int[] max = new int[HyperLogLog.REGISTERS];
        boolean useDense = false;
        for (int j = 1; j < a.size(); j++) {
            HyperLogLog h = lookup(c, a.get(j));
            if (h == null) {
                continue;
            }
            if (h.encoding() == HyperLogLog.DENSE) {
                useDense = true;
            }
            if (!h.mergeInto(max)) {
                throw new CommandEngine.ReplyError(CORRUPT);
            }
        }
        byte[] key = a.get(1);
        HyperLogLog dest = lookup(c, key);
        if (dest == null) {
            dest = HyperLogLog.create();
        }
        if (useDense && !dest.toDense()) {
            throw new CommandEngine.ReplyError(CORRUPT);
        }
        for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
            if (max[j] != 0) {
                dest.set(j, max[j]); // a corrupt destination was refused above; Redis ignores the result here
            }
        }
        dest.invalidateCache();
        c.putString(key, dest.value(), 0, true);
        c.dirty();
        r.simple("OK");
    }
}

package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.ascii;
import static io.teemate.kv.enclave.CommandContext.isOneOf;
import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.MOVABLEKEYS;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.oneKey;
import static io.teemate.kv.enclave.Keyspace.TYPE_SET;

/** The set commands (Redis's t_set.c; arity, flags and keys from src/commands/*.json of Redis 7.0). */
final class SetCommands {
    private SetCommands() {}

    static void register(CommandTable t) {
        t.add(oneKey("sadd", -3, Set.of(WRITE, DENYOOM, FAST), SetCommands::sadd));
        t.add(oneKey("srem", -3, Set.of(WRITE, FAST), (c, a, r) -> r.integer(c.dictRemoveAll(a, TYPE_SET))));
        t.add(oneKey(
                "smembers", 2, Set.of(READONLY), (c, a, r) -> r.bulks(c.dictItems(a.get(1), TYPE_SET, true, false))));
        t.add(oneKey(
                "sismember",
                3,
                Set.of(READONLY, FAST),
                (c, a, r) -> r.integer(c.dictContains(a.get(1), TYPE_SET, a.get(2)))));
        t.add(oneKey("scard", 2, Set.of(READONLY, FAST), (c, a, r) -> r.integer(c.dictCount(a.get(1), TYPE_SET))));
        t.add(oneKey("spop", -2, Set.of(WRITE, FAST), SetCommands::spop));
        t.add(oneKey("srandmember", -2, Set.of(READONLY), SetCommands::srandmember));
        t.add(oneKey("smismember", -3, Set.of(READONLY, FAST), SetCommands::smismember));
        t.add(new CommandSpec("smove", 4, Set.of(WRITE, FAST), 1, 2, 1, SetCommands::smove));
        t.add(new CommandSpec("sinter", -2, Set.of(READONLY), 1, -1, 1, (c, a, r) -> op(c, a, r, INTER, false)));
        t.add(new CommandSpec("sunion", -2, Set.of(READONLY), 1, -1, 1, (c, a, r) -> op(c, a, r, UNION, false)));
        t.add(new CommandSpec("sdiff", -2, Set.of(READONLY), 1, -1, 1, (c, a, r) -> op(c, a, r, DIFF, false)));
        t.add(new CommandSpec(
                "sinterstore", -3, Set.of(WRITE, DENYOOM), 1, -1, 1, (c, a, r) -> op(c, a, r, INTER, true)));
        t.add(new CommandSpec(
                "sunionstore", -3, Set.of(WRITE, DENYOOM), 1, -1, 1, (c, a, r) -> op(c, a, r, UNION, true)));
        t.add(new CommandSpec(
                "sdiffstore", -3, Set.of(WRITE, DENYOOM), 1, -1, 1, (c, a, r) -> op(c, a, r, DIFF, true)));
        t.add(new CommandSpec("sintercard", -3, Set.of(READONLY, MOVABLEKEYS), 0, 0, 0, SetCommands::sintercard));
        t.add(oneKey("sscan", -3, Set.of(READONLY), (c, a, r) -> CollectionScan.scan(c, a, r, TYPE_SET)));
    }

    /**
     * The largest reply of a random command with repeats (SRANDMEMBER and HRANDFIELD with a negative count): Redis
     * builds any size the client asks for; the enclave refuses to build more than this many elements.
     */
    static final long MAX_RANDOM_REPLY = 1L << 20;

    private static final int INTER = 0;
    private static final int UNION = 1;
    private static final int DIFF = 2;

    /** SPOP key [count] (t_set.c spopCommand, spopWithCountCommand): what it took is propagated as SREM or DEL. */
    private static void spop(CommandContext c, List<byte[]> a, Reply r) {
        if (a.size() > 3) {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        Keyspace ks = c.ks;
        byte[] key = a.get(1);
        if (a.size() == 2) {
            long d = c.container(key, TYPE_SET);
            if (d == 0) {
                r.nullBulk();
                return;
            }
            byte[] m = ks.key(ks.dictRandomEntry(d, c.random));
            ks.dictRemove(d, m);
            if (ks.dictCount(d) == 0) {
                ks.delete(key);
            }
            c.dirty();
            c.propagate(ascii("SREM"), key, m); // "Replicate/AOF this command as an SREM operation"
            r.bulk(m);
            return;
        }
        Long n = RedisNumbers.parseLong(a.get(2));
        if (n == null || n < 0) {
            throw new CommandEngine.ReplyError("ERR value is out of range, must be positive");
        }
        long d = c.container(key, TYPE_SET);
        if (d == 0 || n == 0) {
            r.array(0);
            return;
        }
        long size = ks.dictCount(d);
        c.dirty(n); // t_set.c: server.dirty += count, the count asked for
        if (n >= size) {
            r.bulks(ks.dictItems(d, true, false));
            ks.delete(key);
            c.propagate(ascii("DEL"), key); // lazyfree-lazy-server-del is no by default: DEL, not UNLINK
            return;
        }
        List<byte[]> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            byte[] m = ks.key(ks.dictRandomEntry(d, c.random));
            ks.dictRemove(d, m);
            out.add(m);
            if (i + 1 < n) {
                c.alsoPropagate(List.of(ascii("SREM"), key, m)); // one SREM per member, as alsoPropagate there
            } else {
                c.propagate(ascii("SREM"), key, m);
            }
        }
        r.bulks(out);
    }

    /** SRANDMEMBER key [count] (t_set.c srandmemberWithCountCommand): a negative count allows repeats. */
    private static void srandmember(CommandContext c, List<byte[]> a, Reply r) {
        if (a.size() > 3) {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        Keyspace ks = c.ks;
        if (a.size() == 2) {
            long d = c.container(a.get(1), TYPE_SET);
            r.bulk(d == 0 ? null : ks.key(ks.dictRandomEntry(d, c.random)));
            return;
        }
        long l = randomCount(a.get(2));
        long d = c.container(a.get(1), TYPE_SET);
        if (d == 0 || l == 0) {
            r.array(0);
            return;
        }
        r.bulks(randomKeys(c, d, l, false));
    }

    /**
     * The count of SRANDMEMBER and HRANDFIELD: a long in [-LONG_MAX, LONG_MAX] (object.c
     * getRangeLongFromObjectOrReply).
     */
    static long randomCount(byte[] b) {
        long l = parseLong(b);
        if (l == Long.MIN_VALUE) {
            throw new CommandEngine.ReplyError(
                    "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
        }
        return l;
    }

    /**
     * {@code l} random entries of dict {@code d} (not empty), each as its key (and its value if
     * {@code withValues}): distinct and at most the dict's size for l > 0, exactly -l with repeats for l < 0
     * (t_set.c srandmemberWithCountCommand, t_hash.c hrandfieldWithCountCommand).
     */
    static List<byte[]> randomKeys(CommandContext c, long d, long l, boolean withValues) {
        Keyspace ks = c.ks;
        List<byte[]> out = new ArrayList<>();
        long size = ks.dictCount(d);
        if (l < 0) {
            if (-l > MAX_RANDOM_REPLY) {
                throw new CommandEngine.ReplyError("ERR value is out of range");
            }
            for (long i = 0; i < -l; i++) {
                long e = ks.dictRandomEntry(d, c.random);
                out.add(ks.key(e));
                if (withValues) {
                    out.add(ks.dictEntryValue(e));
                }
            }
            return out;
        }
        if (l >= size) { // CASE 2: the whole collection
            return ks.dictItems(d, true, withValues);
        }
        // a partial Fisher-Yates shuffle of the entries: l distinct ones, each subset equally likely
        List<Long> entries = new ArrayList<>();
        ks.dictScanAll(d, entries::add);
        for (int i = 0; i < l; i++) {
            int j = i + c.random.nextInt(entries.size() - i);
            long e = entries.get(j);
            entries.set(j, entries.get(i));
            entries.set(i, e);
            out.add(ks.key(e));
            if (withValues) {
                out.add(ks.dictEntryValue(e));
            }
        }
        return out;
    }

    /** SMISMEMBER key member... (t_set.c smismemberCommand): 1 or 0 per member. */
    private static void smismember(CommandContext c, List<byte[]> a, Reply r) {
        long d = c.container(a.get(1), TYPE_SET);
        r.array(a.size() - 2);
        for (int i = 2; i < a.size(); i++) {
            r.integer(d != 0 && c.ks.dictContains(d, a.get(i)) ? 1 : 0);
        }
    }

    /** SMOVE source destination member (t_set.c smoveCommand). */
    private static void smove(CommandContext c, List<byte[]> a, Reply r) {
        Keyspace ks = c.ks;
        byte[] member = a.get(3);
        long src = c.container(a.get(1), TYPE_SET);
        if (src == 0) {
            r.integer(0); // before the destination's type is checked
            return;
        }
        long dst = c.container(a.get(2), TYPE_SET);
        if (src == dst) {
            r.integer(ks.dictContains(src, member) ? 1 : 0);
            return;
        }
        if (!ks.dictContains(src, member)) {
            r.integer(0);
            return;
        }
        boolean added; // added before it is removed: a full keyspace (OOM) then loses nothing
        try {
            added = ks.setAdd(c.containerForWrite(a.get(2), TYPE_SET), member);
        } catch (KeyspaceFullException full) {
            c.dropIfEmpty(a.get(2));
            throw full;
        }
        ks.dictRemove(src, member);
        if (ks.dictCount(src) == 0) {
            ks.delete(a.get(1));
        }
        c.dirty();
        if (added) {
            c.dirty(); // t_set.c smoveCommand: "An extra key has changed when ele was successfully added"
        }
        r.integer(1);
    }

    /**
     * SINTER, SUNION, SDIFF and their STORE forms (t_set.c sinterGenericCommand, sunionDiffGenericCommand): every
     * source key is type-checked; a missing one is an empty set. A STORE replaces its destination (whatever its
     * type, its deadline dropped) with the result, or deletes it when the result is empty.
     */
    private static void op(CommandContext c, List<byte[]> a, Reply r, int op, boolean store) {
        int first = store ? 2 : 1;
        List<byte[]> result = compute(c, a.subList(first, a.size()), op);
        if (!store) {
            r.bulks(result);
            return;
        }
        byte[] dst = a.get(1);
        Keyspace ks = c.ks;
        if (result.isEmpty()) {
            if (ks.find(dst) != 0) {
                ks.delete(dst);
                c.dirty();
            }
            r.integer(0);
            return;
        }
        if (ks.find(dst) != 0) {
            ks.delete(dst);
        }
        long d = c.containerForWrite(dst, TYPE_SET);
        for (byte[] m : result) {
            ks.setAdd(d, m);
        }
        c.dirty();
        r.integer(result.size());
    }

    /** The members of the intersection, union or difference of the sets at {@code keys}. */
    private static List<byte[]> compute(CommandContext c, List<byte[]> keys, int op) {
        long[] sets = new long[keys.size()];
        boolean anyMissing = false;
        for (int i = 0; i < sets.length; i++) {
            sets[i] = c.container(keys.get(i), TYPE_SET);
            anyMissing |= sets[i] == 0;
        }
        Keyspace ks = c.ks;
        List<byte[]> out = new ArrayList<>();
        if (op == INTER) {
            if (anyMissing) {
                return out;
            }
            int smallest = 0;
            for (int i = 1; i < sets.length; i++) {
                if (ks.dictCount(sets[i]) < ks.dictCount(sets[smallest])) {
                    smallest = i;
                }
            }
            for (byte[] m : ks.dictItems(sets[smallest], true, false)) {
                boolean all = true;
                for (long s : sets) {
                    if (!ks.dictContains(s, m)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    out.add(m);
                }
            }
            return out;
        }
        if (op == DIFF) {
            if (sets[0] == 0) {
                return out;
            }
            for (byte[] m : ks.dictItems(sets[0], true, false)) {
                boolean elsewhere = false;
                for (int i = 1; i < sets.length && !elsewhere; i++) {
                    elsewhere = sets[i] != 0 && (sets[i] == sets[0] || ks.dictContains(sets[i], m));
                }
                if (!elsewhere) {
                    out.add(m);
                }
            }
            return out;
        }
        java.util.Set<java.nio.ByteBuffer> seen = new java.util.HashSet<>();
        for (long s : sets) {
            if (s == 0) {
                continue;
            }
            for (byte[] m : ks.dictItems(s, true, false)) {
                if (seen.add(java.nio.ByteBuffer.wrap(m))) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** SINTERCARD numkeys key [key ...] [LIMIT limit] (t_set.c sinterCardCommand). */
    private static void sintercard(CommandContext c, List<byte[]> a, Reply r) {
        Long numkeys = RedisNumbers.parseLong(a.get(1));
        if (numkeys == null || numkeys < 1) {
            throw new CommandEngine.ReplyError("ERR numkeys should be greater than 0");
        }
        if (numkeys > a.size() - 2) {
            throw new CommandEngine.ReplyError("ERR Number of keys can't be greater than number of args");
        }
        int end = 2 + (int) (long) numkeys;
        long limit = 0;
        for (int j = end; j < a.size(); j++) {
            if (isOneOf(a.get(j), "limit") && j + 1 < a.size()) {
                Long n = RedisNumbers.parseLong(a.get(++j));
                if (n == null || n < 0) {
                    throw new CommandEngine.ReplyError("ERR LIMIT can't be negative");
                }
                limit = n;
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        long card = compute(c, a.subList(2, end), INTER).size();
        r.integer(limit > 0 ? Math.min(card, limit) : card);
    }

    private static void sadd(CommandContext c, List<byte[]> a, Reply r) {
        long d = c.containerForWrite(a.get(1), TYPE_SET);
        int added = 0;
        for (int i = 2; i < a.size(); i++) {
            if (c.ks.setAdd(d, a.get(i))) {
                added++;
                c.dirty();
            }
        }
        r.integer(added);
    }
}

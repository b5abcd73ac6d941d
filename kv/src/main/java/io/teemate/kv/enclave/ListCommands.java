package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.isOneOf;
import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandEngine.NO_SUCH_KEY;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.MOVABLEKEYS;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.oneKey;
import static io.teemate.kv.enclave.Keyspace.TYPE_LIST;

/** The list commands (Redis's t_list.c; arity, flags and keys from src/commands/*.json of Redis 7.0). */
final class ListCommands {
    private ListCommands() {}

    static void register(CommandTable t) {
        t.add(oneKey("lpush", -3, Set.of(WRITE, DENYOOM, FAST), (c, a, r) -> push(c, a, r, true)));
        t.add(oneKey("rpush", -3, Set.of(WRITE, DENYOOM, FAST), (c, a, r) -> push(c, a, r, false)));
        t.add(oneKey("lpop", -2, Set.of(WRITE, FAST), (c, a, r) -> pop(c, a, r, true, "lpop")));
        t.add(oneKey("rpop", -2, Set.of(WRITE, FAST), (c, a, r) -> pop(c, a, r, false, "rpop")));
        t.add(oneKey("llen", 2, Set.of(READONLY, FAST), ListCommands::llen));
        t.add(oneKey("lrange", 4, Set.of(READONLY), ListCommands::lrange));
        t.add(oneKey("lindex", 3, Set.of(READONLY), ListCommands::lindex));
        t.add(oneKey("lset", 4, Set.of(WRITE, DENYOOM), ListCommands::lset));
        t.add(oneKey("lrem", 4, Set.of(WRITE), ListCommands::lrem));
        t.add(oneKey("ltrim", 4, Set.of(WRITE), ListCommands::ltrim));
        t.add(oneKey("lpushx", -3, Set.of(WRITE, DENYOOM, FAST), (c, a, r) -> pushx(c, a, r, true)));
        t.add(oneKey("rpushx", -3, Set.of(WRITE, DENYOOM, FAST), (c, a, r) -> pushx(c, a, r, false)));
        t.add(oneKey("lpos", -3, Set.of(READONLY), ListCommands::lpos));
        t.add(oneKey("linsert", 5, Set.of(WRITE, DENYOOM), ListCommands::linsert));
        t.add(new CommandSpec("lmove", 5, Set.of(WRITE, DENYOOM), 1, 2, 1, ListCommands::lmove));
        t.add(new CommandSpec(
                "rpoplpush",
                3,
                Set.of(WRITE, DENYOOM),
                1,
                2,
                1,
                (c, a, r) -> r.bulk(move(c, a.get(1), a.get(2), false, true))));
        t.add(new CommandSpec("lmpop", -4, Set.of(WRITE, MOVABLEKEYS), 0, 0, 0, ListCommands::lmpop));
    }

    private static void push(CommandContext c, List<byte[]> a, Reply r, boolean left) {
        long l = c.containerForWrite(a.get(1), TYPE_LIST);
        for (int i = 2; i < a.size(); i++) {
            c.ks.listPush(l, left, a.get(i));
            c.dirty();
        }
        r.integer(c.ks.listLength(l));
    }

    /** LPOP/RPOP key [count] (t_list.c popGenericCommand): a count answers an array, no count one element. */
    private static void pop(CommandContext c, List<byte[]> a, Reply r, boolean left, String name) {
        if (a.size() > 3) {
            throw new CommandEngine.ReplyError(CommandTable.wrongArgs(name));
        }
        boolean hasCount = a.size() == 3;
        long count = 1;
        if (hasCount) {
            Long n = RedisNumbers.parseLong(a.get(2));
            if (n == null || n < 0) { // t_list.c getPositiveLongFromObjectOrReply: one message for both
                throw new CommandEngine.ReplyError("ERR value is out of range, must be positive");
            }
            count = n;
        }
        Keyspace ks = c.ks;
        long l = c.container(a.get(1), TYPE_LIST);
        if (l == 0) {
            if (hasCount) {
                r.nullArray();
            } else {
                r.nullBulk();
            }
            return;
        }
        if (!hasCount) {
            r.bulk(ks.listPop(l, left));
            c.dirty();
        } else {
            List<byte[]> out = new ArrayList<>();
            while (out.size() < count && ks.listLength(l) > 0) {
                out.add(ks.listPop(l, left));
                c.dirty();
            }
            r.bulks(out);
        }
        if (ks.listLength(l) == 0) {
            ks.delete(a.get(1));
        }
    }

    private static void llen(CommandContext c, List<byte[]> a, Reply r) {
        long l = c.container(a.get(1), TYPE_LIST);
        r.integer(l == 0 ? 0 : c.ks.listLength(l));
    }

    /** LRANGE key start stop (t_list.c lrangeCommand): negative indexes count from the end. */
    private static void lrange(CommandContext c, List<byte[]> a, Reply r) {
        long start = parseLong(a.get(2));
        long end = parseLong(a.get(3));
        long l = c.container(a.get(1), TYPE_LIST);
        if (l == 0) {
            r.array(0);
            return;
        }
        long[] range = range(start, end, c.ks.listLength(l));
        if (range == null) {
            r.array(0);
            return;
        }
        r.bulks(c.ks.listRange(l, range[0], range[1]));
    }

    /**
     * The inclusive range [start, end] of a list of {@code len} elements that LRANGE and LTRIM address, negative
     * indexes counting from the end, clamped to the list; null when it is empty (t_list.c addListRangeReply and
     * ltrimCommand normalise alike).
     */
    private static long[] range(long start, long end, long len) {
        if (start < 0) {
            start += len;
        }
        if (end < 0) {
            end += len;
        }
        if (start < 0) {
            start = 0;
        }
        if (start > end || start >= len) {
            return null;
        }
        return new long[] {start, Math.min(end, len - 1)};
    }

    private static void lindex(CommandContext c, List<byte[]> a, Reply r) {
        long index = parseLong(a.get(2));
        long l = c.container(a.get(1), TYPE_LIST);
        if (l == 0) {
            r.nullBulk();
            return;
        }
        long len = c.ks.listLength(l);
        if (index < 0) {
            index += len;
        }
        r.bulk(index < 0 || index >= len ? null : c.ks.listGet(l, index));
    }

    private static void lset(CommandContext c, List<byte[]> a, Reply r) {
        long l = c.container(a.get(1), TYPE_LIST);
        if (l == 0) {
            throw new CommandEngine.ReplyError(NO_SUCH_KEY);
        }
        long index = parseLong(a.get(2));
        long len = c.ks.listLength(l);
        if (index < 0) {
            index += len;
        }
        if (index < 0 || index >= len) {
            throw new CommandEngine.ReplyError("ERR index out of range");
        }
        c.ks.listSet(l, index, a.get(3));
        c.dirty();
        r.simple("OK");
    }

    private static void lrem(CommandContext c, List<byte[]> a, Reply r) {
        long count = parseLong(a.get(2));
        long l = c.container(a.get(1), TYPE_LIST);
        long removed = l == 0 ? 0 : c.ks.listRemove(l, count, a.get(3));
        c.dirty(removed);
        if (l != 0 && c.ks.listLength(l) == 0) {
            c.ks.delete(a.get(1));
        }
        r.integer(removed);
    }

    /** LTRIM key start stop (t_list.c ltrimCommand): an emptied list's key is deleted. */
    private static void ltrim(CommandContext c, List<byte[]> a, Reply r) {
        long start = parseLong(a.get(2));
        long end = parseLong(a.get(3));
        long l = c.container(a.get(1), TYPE_LIST);
        if (l != 0) {
            long before = c.ks.listLength(l);
            long[] range = range(start, end, before);
            if (range == null) {
                c.ks.listTrim(l, 1, 0); // empties
            } else {
                c.ks.listTrim(l, range[0], range[1]);
            }
            c.dirty(before - c.ks.listLength(l)); // t_list.c ltrimCommand: server.dirty += (ltrim + rtrim)
            if (c.ks.listLength(l) == 0) {
                c.ks.delete(a.get(1));
            }
        }
        r.simple("OK");
    }

    /** LPUSHX/RPUSHX key element... (t_list.c pushxGenericCommand): only onto an existing list; its length. */
    private static void pushx(CommandContext c, List<byte[]> a, Reply r, boolean left) {
        long l = c.container(a.get(1), TYPE_LIST);
        if (l == 0) {
            r.integer(0);
            return;
        }
        push(c, a, r, left);
    }

    /** LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len] (t_list.c lposCommand). */
    private static void lpos(CommandContext c, List<byte[]> a, Reply r) {
        byte[] ele = a.get(2);
        long rank = 1;
        long count = -1; // -1: no COUNT given
        long maxlen = 0;
        for (int j = 3; j < a.size(); j++) {
            boolean moreArgs = j + 1 < a.size();
            if (isOneOf(a.get(j), "rank") && moreArgs) {
                rank = parseLong(a.get(++j)); // 7.0: any long, LONG_MIN included (its negation stays negative)
                if (rank == 0) {
                    throw new CommandEngine.ReplyError("ERR RANK can't be zero: use 1 to start from the first match,"
                            + " 2 from the second ... or use negative to start from the end of the list");
                }
            } else if (isOneOf(a.get(j), "count") && moreArgs) {
                count = positive(a.get(++j), "ERR COUNT can't be negative");
            } else if (isOneOf(a.get(j), "maxlen") && moreArgs) {
                maxlen = positive(a.get(++j), "ERR MAXLEN can't be negative");
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        boolean fromTail = rank < 0;
        if (fromTail) {
            rank = -rank;
        }
        long l = c.container(a.get(1), TYPE_LIST);
        if (l == 0) {
            if (count != -1) {
                r.array(0);
            } else {
                r.nullBulk();
            }
            return;
        }
        long len = c.ks.listLength(l);
        List<Long> found = new ArrayList<>();
        long wantRank = rank;
        long wantCount = count;
        long limit = maxlen;
        long[] index = {0};
        long[] matches = {0};
        c.ks.listWalk(l, fromTail, v -> {
            if (limit != 0 && index[0] >= limit) {
                return false;
            }
            if (java.util.Arrays.equals(v, ele)) {
                matches[0]++;
                if (matches[0] >= wantRank) {
                    found.add(fromTail ? len - index[0] - 1 : index[0]);
                    if (wantCount == -1 || (wantCount != 0 && matches[0] - wantRank + 1 >= wantCount)) {
                        return false;
                    }
                }
            }
            index[0]++;
            return true;
        });
        if (count != -1) {
            r.array(found.size());
            found.forEach(r::integer);
        } else if (found.isEmpty()) {
            r.nullBulk();
        } else {
            r.integer(found.get(0));
        }
    }

    /** object.c getPositiveLongFromObjectOrReply with a message: one message for not-a-number and negative. */
    private static long positive(byte[] b, String message) {
        Long n = RedisNumbers.parseLong(b);
        if (n == null || n < 0) {
            throw new CommandEngine.ReplyError(message);
        }
        return n;
    }

    /** LINSERT key BEFORE|AFTER pivot element (t_list.c linsertCommand): the new length, -1 without the pivot. */
    private static void linsert(CommandContext c, List<byte[]> a, Reply r) {
        boolean after;
        if (isOneOf(a.get(2), "after")) {
            after = true;
        } else if (isOneOf(a.get(2), "before")) {
            after = false;
        } else {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        long l = c.container(a.get(1), TYPE_LIST);
        if (l == 0) {
            r.integer(0);
            return;
        }
        if (!c.ks.listInsert(l, a.get(3), a.get(4), after)) {
            r.integer(-1);
            return;
        }
        c.dirty();
        r.integer(c.ks.listLength(l));
    }

    /** LEFT or RIGHT (t_list.c getListPositionFromObjectOrReply): true for LEFT. */
    static boolean side(byte[] b) {
        if (isOneOf(b, "left")) {
            return true;
        }
        if (isOneOf(b, "right")) {
            return false;
        }
        throw new CommandEngine.ReplyError(SYNTAX);
    }

    /** LMOVE source destination LEFT|RIGHT LEFT|RIGHT (t_list.c lmoveCommand). */
    private static void lmove(CommandContext c, List<byte[]> a, Reply r) {
        boolean fromLeft = side(a.get(3));
        boolean toLeft = side(a.get(4));
        r.bulk(move(c, a.get(1), a.get(2), fromLeft, toLeft));
    }

    /**
     * The non-blocking core of LMOVE, RPOPLPUSH and their blocking forms (t_list.c lmoveGenericCommand): pops from
     * {@code src} and pushes onto {@code dst} (created if absent); returns the element moved, null if {@code src}
     * is absent (then {@code dst}'s type is not checked). WRONGTYPE if either holds another type, checked before
     * anything moves. Counts one change; the command is propagated as it came (a blocking form rewrites itself to
     * LMOVE/RPOPLPUSH, as Redis does).
     */
    static byte[] move(CommandContext c, byte[] src, byte[] dst, boolean fromLeft, boolean toLeft) {
        long s = c.container(src, TYPE_LIST);
        if (s == 0 || c.ks.listLength(s) == 0) {
            return null;
        }
        c.container(dst, TYPE_LIST); // WRONGTYPE before the pop
        // push a copy first, then pop: a full keyspace (OOM) then loses nothing; the same list when src is dst
        byte[] v = c.ks.listGet(s, fromLeft ? 0 : c.ks.listLength(s) - 1);
        try {
            c.ks.listPush(c.containerForWrite(dst, TYPE_LIST), toLeft, v);
        } catch (KeyspaceFullException full) {
            c.dropIfEmpty(dst);
            throw full;
        }
        c.ks.listPop(s, fromLeft);
        if (c.ks.listLength(s) == 0) {
            c.ks.delete(src);
        }
        c.dirty();
        return v;
    }

    /** LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count] (t_list.c lmpopGenericCommand). */
    private static void lmpop(CommandContext c, List<byte[]> a, Reply r) {
        MpopArgs m = mpopArgs(a, 1);
        if (!mpop(c, m.keys(), m.left(), m.count(), r)) {
            r.nullArray();
        }
    }

    /** The parsed arguments of LMPOP (and BLMPOP, whose numkeys is at argv[2]). */
    record MpopArgs(List<byte[]> keys, boolean left, long count) {}

    /** Parses numkeys at {@code numkeysIndex}, the keys, LEFT|RIGHT and COUNT, with Redis's errors. */
    static MpopArgs mpopArgs(List<byte[]> a, int numkeysIndex) {
        Long numkeys = RedisNumbers.parseLong(a.get(numkeysIndex));
        if (numkeys == null || numkeys < 1) {
            throw new CommandEngine.ReplyError("ERR numkeys should be greater than 0");
        }
        if (numkeys >= a.size() - numkeysIndex - 1) { // where_idx >= argc, written so that nothing overflows
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        int whereIndex = numkeysIndex + (int) (long) numkeys + 1;
        boolean left = side(a.get(whereIndex));
        long count = -1;
        for (int j = whereIndex + 1; j < a.size(); j++) {
            if (count == -1 && isOneOf(a.get(j), "count") && j + 1 < a.size()) {
                Long n = RedisNumbers.parseLong(a.get(++j));
                if (n == null || n < 1) {
                    throw new CommandEngine.ReplyError("ERR count should be greater than 0");
                }
                count = n;
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        return new MpopArgs(a.subList(numkeysIndex + 1, whereIndex), left, count == -1 ? 1 : count);
    }

    /**
     * The non-blocking core of LMPOP and BLMPOP (t_list.c mpopGenericCommand): pops up to {@code count} elements
     * from the first non-empty list of {@code keys}, answers [key, [elements]] and propagates {@code LPOP|RPOP key
     * n}; false (nothing answered) if every key is absent. WRONGTYPE at the first key of another type met before a
     * non-empty list.
     */
    static boolean mpop(CommandContext c, List<byte[]> keys, boolean left, long count, Reply r) {
        for (byte[] key : keys) {
            long l = c.container(key, TYPE_LIST);
            if (l == 0 || c.ks.listLength(l) == 0) {
                continue;
            }
            long n = Math.min(count, c.ks.listLength(l));
            List<byte[]> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                out.add(c.ks.listPop(l, left));
            }
            c.dirty(n);
            if (c.ks.listLength(l) == 0) {
                c.ks.delete(key);
            }
            r.array(2);
            r.bulk(key);
            r.bulks(out);
            c.propagate(CommandContext.ascii(left ? "LPOP" : "RPOP"), key, CommandContext.ascii(Long.toString(n)));
            return true;
        }
        return false;
    }
}

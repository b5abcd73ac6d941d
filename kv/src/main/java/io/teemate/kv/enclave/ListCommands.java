package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandEngine.NO_SUCH_KEY;
import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
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
}

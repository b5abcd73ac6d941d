package io.teemate.kv.enclave;

import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.addOrOverflow;
import static io.teemate.kv.enclave.CommandContext.ascii;
import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.oneKey;
import static io.teemate.kv.enclave.Keyspace.TYPE_HASH;

/** The hash commands (Redis's t_hash.c; arity, flags and keys from src/commands/*.json of Redis 7.0). */
final class HashCommands {
    private HashCommands() {}

    static void register(CommandTable t) {
        t.add(oneKey("hset", -4, Set.of(WRITE, DENYOOM, FAST), (c, a, r) -> hset(c, a, r, "hset")));
        t.add(oneKey("hmset", -4, Set.of(WRITE, DENYOOM, FAST), (c, a, r) -> hset(c, a, r, "hmset")));
        t.add(oneKey("hsetnx", 4, Set.of(WRITE, DENYOOM, FAST), HashCommands::hsetnx));
        t.add(oneKey("hget", 3, Set.of(READONLY, FAST), HashCommands::hget));
        t.add(oneKey("hmget", -3, Set.of(READONLY, FAST), HashCommands::hmget));
        t.add(oneKey("hdel", -3, Set.of(WRITE, FAST), (c, a, r) -> r.integer(c.dictRemoveAll(a, TYPE_HASH))));
        t.add(oneKey("hlen", 2, Set.of(READONLY, FAST), (c, a, r) -> r.integer(c.dictCount(a.get(1), TYPE_HASH))));
        t.add(oneKey(
                "hexists",
                3,
                Set.of(READONLY, FAST),
                (c, a, r) -> r.integer(c.dictContains(a.get(1), TYPE_HASH, a.get(2)))));
        t.add(oneKey(
                "hgetall", 2, Set.of(READONLY), (c, a, r) -> r.bulks(c.dictItems(a.get(1), TYPE_HASH, true, true))));
        t.add(oneKey(
                "hkeys", 2, Set.of(READONLY), (c, a, r) -> r.bulks(c.dictItems(a.get(1), TYPE_HASH, true, false))));
        t.add(oneKey(
                "hvals", 2, Set.of(READONLY), (c, a, r) -> r.bulks(c.dictItems(a.get(1), TYPE_HASH, false, true))));
        t.add(oneKey("hincrby", 4, Set.of(WRITE, DENYOOM, FAST), HashCommands::hincrby));
        t.add(oneKey("hincrbyfloat", 4, Set.of(WRITE, DENYOOM, FAST), HashCommands::hincrbyfloat));
        t.add(oneKey("hstrlen", 3, Set.of(READONLY, FAST), HashCommands::hstrlen));
        t.add(oneKey("hrandfield", -2, Set.of(READONLY), HashCommands::hrandfield));
        t.add(oneKey("hscan", -3, Set.of(READONLY), (c, a, r) -> CollectionScan.scan(c, a, r, TYPE_HASH)));
    }

    /** HSTRLEN key field (t_hash.c hstrlenCommand): the value's length, 0 if absent. */
    private static void hstrlen(CommandContext c, List<byte[]> a, Reply r) {
        long d = c.container(a.get(1), TYPE_HASH);
        byte[] v = d == 0 ? null : c.ks.hashGet(d, a.get(2));
        r.integer(v == null ? 0 : v.length);
    }

    /**
     * HINCRBYFLOAT key field increment (t_hash.c hincrbyfloatCommand): long double arithmetic as INCRBYFLOAT, and
     * "Always replicate HINCRBYFLOAT as an HSET command with the final value".
     */
    private static void hincrbyfloat(CommandContext c, List<byte[]> a, Reply r) {
        RedisNumbers.LongDouble by = RedisNumbers.parseFloat(a.get(3));
        if (by == null) {
            throw new CommandEngine.ReplyError("ERR value is not a valid float");
        }
        if (by.infinite) {
            throw new CommandEngine.ReplyError("ERR value is NaN or Infinity");
        }
        long d = c.container(a.get(1), TYPE_HASH);
        byte[] old = d == 0 ? null : c.ks.hashGet(d, a.get(2));
        RedisNumbers.LongDouble v = RedisNumbers.LongDouble.ZERO;
        if (old != null) {
            v = RedisNumbers.parseFloat(old);
            if (v == null) {
                throw new CommandEngine.ReplyError("ERR hash value is not a float");
            }
        }
        RedisNumbers.LongDouble sum = v.add(by);
        if (sum == null || sum.infinite) {
            throw new CommandEngine.ReplyError("ERR increment would produce NaN or Infinity");
        }
        byte[] out = ascii(sum.formatHuman());
        c.ks.hashPut(c.containerForWrite(a.get(1), TYPE_HASH), a.get(2), out);
        c.dirty();
        c.propagate(ascii("HSET"), a.get(1), a.get(2), out);
        r.bulk(out);
    }

    /** HRANDFIELD key [count [WITHVALUES]] (t_hash.c hrandfieldCommand, hrandfieldWithCountCommand). */
    private static void hrandfield(CommandContext c, List<byte[]> a, Reply r) {
        if (a.size() == 2) {
            long d = c.container(a.get(1), TYPE_HASH);
            r.bulk(d == 0 ? null : c.ks.key(c.ks.dictRandomEntry(d, c.random)));
            return;
        }
        long l = SetCommands.randomCount(a.get(2));
        boolean withValues = false;
        if (a.size() > 4 || (a.size() == 4 && !CommandContext.isOneOf(a.get(3), "withvalues"))) {
            throw new CommandEngine.ReplyError(CommandEngine.SYNTAX);
        } else if (a.size() == 4) {
            withValues = true;
            if (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2) {
                throw new CommandEngine.ReplyError("ERR value is out of range");
            }
        }
        long d = c.container(a.get(1), TYPE_HASH);
        if (d == 0 || l == 0) {
            r.array(0);
            return;
        }
        r.bulks(SetCommands.randomKeys(c, d, l, withValues));
    }

    /** HSET answers the fields added, HMSET (deprecated) OK; both need field-value pairs. */
    private static void hset(CommandContext c, List<byte[]> a, Reply r, String name) {
        if (a.size() % 2 != 0) {
            throw new CommandEngine.ReplyError(CommandTable.wrongArgs(name));
        }
        long d = c.containerForWrite(a.get(1), TYPE_HASH);
        int added = 0;
        for (int i = 2; i < a.size(); i += 2) {
            if (c.ks.hashPut(d, a.get(i), a.get(i + 1))) {
                added++;
            }
            c.dirty(); // t_hash.c hsetCommand: server.dirty += (c->argc - 2)/2, updated fields included
        }
        if (name.equals("hset")) {
            r.integer(added);
        } else {
            r.simple("OK");
        }
    }

    private static void hsetnx(CommandContext c, List<byte[]> a, Reply r) {
        long d = c.containerForWrite(a.get(1), TYPE_HASH);
        if (c.ks.dictContains(d, a.get(2))) {
            r.integer(0);
        } else {
            c.ks.hashPut(d, a.get(2), a.get(3));
            c.dirty();
            r.integer(1);
        }
    }

    private static void hget(CommandContext c, List<byte[]> a, Reply r) {
        long d = c.container(a.get(1), TYPE_HASH);
        r.bulk(d == 0 ? null : c.ks.hashGet(d, a.get(2)));
    }

    private static void hmget(CommandContext c, List<byte[]> a, Reply r) {
        long d = c.container(a.get(1), TYPE_HASH);
        r.array(a.size() - 2);
        for (int i = 2; i < a.size(); i++) {
            r.bulk(d == 0 ? null : c.ks.hashGet(d, a.get(i)));
        }
    }

    /** HINCRBY key field increment (t_hash.c hincrbyCommand). */
    private static void hincrby(CommandContext c, List<byte[]> a, Reply r) {
        long by = parseLong(a.get(3));
        long d = c.containerForWrite(a.get(1), TYPE_HASH);
        byte[] old = c.ks.hashGet(d, a.get(2));
        long v = 0;
        if (old != null) {
            Long parsed = RedisNumbers.parseLong(old);
            if (parsed == null) {
                throw new CommandEngine.ReplyError("ERR hash value is not an integer");
            }
            v = parsed;
        }
        long sum = addOrOverflow(v, by);
        c.ks.hashPut(d, a.get(2), ascii(Long.toString(sum)));
        c.dirty();
        r.integer(sum);
    }
}

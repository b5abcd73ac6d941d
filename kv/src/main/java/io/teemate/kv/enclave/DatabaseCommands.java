package io.teemate.kv.enclave;

import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.isOneOf;
import static io.teemate.kv.enclave.CommandEngine.NOT_INTEGER;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.noKeys;
import static io.teemate.kv.enclave.CommandSpec.oneKey;

/**
 * The commands about the numbered databases (Redis's db.c: DBSIZE, FLUSHDB, FLUSHALL, SELECT, MOVE, SWAPDB; arity
 * and flags from src/commands/*.json of Redis 7.0). A command runs in its client's selected database
 * ({@link Keyspace#select}, set by the engine from the batch); SELECT here switches the engine's database for the
 * commands after it, which is what an AOF replay needs (the host tracks each client's database itself).
 */
final class DatabaseCommands {
    static final String DB_OUT_OF_RANGE = "ERR DB index is out of range";

    private DatabaseCommands() {}

    static void register(CommandTable t) {
        t.add(noKeys("dbsize", 1, Set.of(READONLY, FAST), (c, a, r) -> r.integer(c.ks.size())));
        t.add(noKeys("flushdb", -1, Set.of(WRITE), (c, a, r) -> flush(c, a, r, false)));
        t.add(noKeys("flushall", -1, Set.of(WRITE), (c, a, r) -> flush(c, a, r, true)));
        t.add(noKeys("select", 2, Set.of(FAST), DatabaseCommands::select));
        t.add(oneKey("move", 3, Set.of(WRITE, FAST), DatabaseCommands::move));
        t.add(noKeys("swapdb", 3, Set.of(WRITE, FAST), DatabaseCommands::swapdb));
    }

    /**
     * FLUSHDB/FLUSHALL [ASYNC | SYNC] (db.c getFlushCommandFlags): both modes empty now; FLUSHDB the client's
     * database, FLUSHALL every database.
     */
    private static void flush(CommandContext c, List<byte[]> a, Reply r, boolean all) {
        if (a.size() > 2 || (a.size() == 2 && !isOneOf(a.get(1), "async", "sync"))) {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        long keys = all ? c.ks.totalSize() : c.ks.size();
        if (all) {
            c.ks.flushAll();
        } else {
            c.ks.flush();
        }
        c.dirty(keys); // db.c flushdbCommand: server.dirty += emptyData(...)
        c.forcePropagation(); // "Without the forceCommandPropagation, when DB was already empty, FLUSHDB will not
        // be replicated nor put into the AOF."
        r.simple("OK");
    }

    /** SELECT index (db.c selectCommand): the engine's database for the commands after it. */
    private static void select(CommandContext c, List<byte[]> a, Reply r) {
        c.ks.select(dbIndex(c, a.get(1), null));
        r.simple("OK");
    }

    /**
     * MOVE key db (db.c moveCommand): the key, its value and its deadline go to database {@code db} unless a key of
     * that name lives there; 1 if moved.
     */
    private static void move(CommandContext c, List<byte[]> a, Reply r) {
        byte[] key = a.get(1);
        int src = c.ks.selected();
        int dst = dbIndex(c, a.get(2), null);
        if (dst == src) {
            throw new CommandEngine.ReplyError("ERR source and destination objects are the same");
        }
        long e = c.ks.find(key);
        if (e == 0) {
            r.integer(0);
            return;
        }
        int type = c.ks.type(e);
        long ref = c.ks.valueRef(e);
        long at = c.ks.expireAt(e);
        c.ks.select(dst);
        try {
            if (c.ks.find(key) != 0) { // lookupKeyWrite(dst): a key past its deadline there is deleted first
                r.integer(0);
                return;
            }
            // the value changes hands: the new entry first (it may not fit), then the old one goes without it
            long moved = c.ks.insert(key, type, ref);
            c.ks.setExpireAt(moved, at);
        } finally {
            c.ks.select(src);
        }
        c.ks.unlinkKeepValue(key);
        c.dirty();
        r.integer(1);
    }

    /** SWAPDB index1 index2 (db.c swapdbCommand): the two databases trade their keys; always a change. */
    private static void swapdb(CommandContext c, List<byte[]> a, Reply r) {
        int x = intArg(a.get(1), "ERR invalid first DB index");
        int y = intArg(a.get(2), "ERR invalid second DB index");
        if (x < 0 || x >= c.ks.databases() || y < 0 || y >= c.ks.databases()) {
            throw new CommandEngine.ReplyError(DB_OUT_OF_RANGE);
        }
        c.ks.swap(x, y);
        c.dirty();
        r.simple("OK");
    }

    /** A database index argument (object.c getIntFromObjectOrReply, then db.c selectDb's range check). */
    private static int dbIndex(CommandContext c, byte[] arg, String notInt) {
        int db = intArg(arg, notInt);
        if (db < 0 || db >= c.ks.databases()) {
            throw new CommandEngine.ReplyError(DB_OUT_OF_RANGE);
        }
        return db;
    }

    /** object.c getIntFromObjectOrReply: {@code msg} (if any) for both a non-integer and one out of int's range. */
    static int intArg(byte[] arg, String msg) {
        Long v = RedisNumbers.parseLong(arg);
        if (v == null) {
            throw new CommandEngine.ReplyError(msg != null ? msg : NOT_INTEGER);
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new CommandEngine.ReplyError(
                    msg != null ? msg : "ERR value is out of range, value must between -2147483648 and 2147483647");
        }
        return v.intValue();
    }
}

package io.teemate.kv.enclave;

import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.isOneOf;
import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.noKeys;

/**
 * The commands about the database as a whole (Redis's db.c: DBSIZE, FLUSHDB, FLUSHALL, SELECT; arity and flags from
 * src/commands/*.json of Redis 7.0). Only database 0 exists, so FLUSHALL equals FLUSHDB.
 */
final class DatabaseCommands {
    private DatabaseCommands() {}

    static void register(CommandTable t) {
        t.add(noKeys("dbsize", 1, Set.of(READONLY, FAST), (c, a, r) -> r.integer(c.ks.size())));
        t.add(noKeys("flushdb", -1, Set.of(WRITE), DatabaseCommands::flush));
        t.add(noKeys("flushall", -1, Set.of(WRITE), DatabaseCommands::flush));
        t.add(noKeys("select", 2, Set.of(FAST), DatabaseCommands::select));
    }

    /** FLUSHDB/FLUSHALL [ASYNC | SYNC] (db.c getFlushCommandFlags): both modes empty the keyspace now. */
    private static void flush(CommandContext c, List<byte[]> a, Reply r) {
        if (a.size() > 2 || (a.size() == 2 && !isOneOf(a.get(1), "async", "sync"))) {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        long keys = c.ks.size();
        c.ks.flush();
        c.dirty(keys); // db.c flushdbCommand: server.dirty += emptyData(...)
        c.forcePropagation(); // "Without the forceCommandPropagation, when DB was already empty, FLUSHDB will not
        // be replicated nor put into the AOF."
        r.simple("OK");
    }

    /** SELECT index: 0 only, any other index answers what Redis answers past its {@code databases} setting. */
    private static void select(CommandContext c, List<byte[]> a, Reply r) {
        long db = parseLong(a.get(1));
        if (db < Integer.MIN_VALUE || db > Integer.MAX_VALUE) { // object.c getIntFromObjectOrReply
            throw new CommandEngine.ReplyError(
                    "ERR value is out of range, value must between -2147483648 and 2147483647");
        }
        if (db != 0) {
            throw new CommandEngine.ReplyError("ERR DB index is out of range");
        }
        r.simple("OK");
    }
}

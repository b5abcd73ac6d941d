package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandContext.str;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;

/**
 * MEMORY USAGE | STATS | DOCTOR | MALLOC-STATS | PURGE | HELP (object.c memoryCommand), with Redis 7.0's replies
 * and errors, from what the engine knows of its space: the keyspace's own allocator (size-class blocks in the
 * copy-on-write space), not jemalloc. MEMORY USAGE counts the blocks a key's entry and value take
 * ({@link Keyspace#memoryUsage}); MEMORY STATS gives Redis's field names, the allocator figures being the space's
 * bytes handed out (its bump high-water mark, which is also its peak: freed blocks are kept for reuse).
 */
final class MemoryCommand {
    private MemoryCommand() {}

    /** object.c OBJ_COMPUTE_SIZE_DEF_SAMPLES. */
    static final long DEFAULT_SAMPLES = 5;

    /** object.c memoryCommand DOCTOR: below this many allocated bytes the instance counts as empty. */
    static final long DOCTOR_EMPTY_BELOW = 5L * 1024 * 1024;

    private static final String[] HELP = {
        "DOCTOR",
        "    Return memory problems reports.",
        "MALLOC-STATS",
        "    Return internal statistics report from the memory allocator.",
        "PURGE",
        "    Attempt to purge dirty pages for reclamation by the allocator.",
        "STATS",
        "    Return information about the memory usage of the server.",
        "USAGE <key> [SAMPLES <count>]",
        "    Return memory in bytes used by <key> and its value. Nested values are",
        "    sampled up to <count> times (default: 5, 0 means sample all).",
        "HELP",
        "    Prints this help."
    };

    static void register(CommandTable t) {
        // a container command: MEMORY USAGE's key is argv[2] (src/commands/memory-usage.json)
        t.add(new CommandSpec("memory", -2, Set.of(READONLY), 2, 2, 1, MemoryCommand::memory));
    }

    private static void memory(CommandContext c, List<byte[]> a, Reply r) {
        String sub = str(a.get(1)).toLowerCase(Locale.ROOT);
        int arity = switch (sub) {
            case "help", "stats", "doctor", "malloc-stats", "purge" -> 2;
            case "usage" -> -3;
            default -> 0;
        };
        if (arity == 0) {
            String name = str(a.get(1));
            throw new CommandEngine.ReplyError("ERR unknown subcommand '"
                    + name.substring(0, Math.min(128, name.length())) + "'. Try MEMORY HELP.");
        }
        if (arity > 0 ? a.size() != arity : a.size() < -arity) {
            throw new CommandEngine.ReplyError("ERR wrong number of arguments for 'memory|" + sub + "' command");
        }
        switch (sub) {
            case "help" -> {
                r.array(HELP.length + 1);
                r.simple("MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
                for (String line : HELP) {
                    r.simple(line);
                }
            }
            case "usage" -> usage(c, a, r);
            case "stats" -> stats(c.ks, r);
            case "doctor" ->
                r.bulk(
                        c.ks.usedBytes() < DOCTOR_EMPTY_BELOW
                                ? "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be"
                                        + " used in these conditions. Please, leave for your mission on Earth and fill it with"
                                        + " some data. The new Sam and I will be back to our programming as soon as I finished"
                                        + " rebooting.\n"
                                : "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs"
                                        + " on this base.\n");
            case "malloc-stats" -> r.bulk("Stats not supported for the current allocator"); // Redis without jemalloc
            case "purge" -> r.simple("OK"); // freed blocks stay in the space's free lists; large ones were released
            default -> throw new IllegalStateException(sub);
        }
    }

    /** MEMORY USAGE key [SAMPLES count]: the options are checked before the key is looked up, as Redis does. */
    private static void usage(CommandContext c, List<byte[]> a, Reply r) {
        long samples = DEFAULT_SAMPLES;
        for (int j = 3; j < a.size(); j++) {
            if (CommandContext.isOneOf(a.get(j), "samples") && j + 1 < a.size()) {
                samples = parseLong(a.get(j + 1));
                if (samples < 0) {
                    throw new CommandEngine.ReplyError(SYNTAX);
                }
                j++;
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        long e = c.ks.findNoTouch(a.get(2)); // objectCommandLookup: LOOKUP_NOTOUCH
        if (e == 0) {
            r.nullBulk();
            return;
        }
        r.integer(c.ks.memoryUsage(e, samples));
    }

    /** MEMORY STATS (object.c memoryCommand, getMemoryOverheadData): Redis's fields, in its order. */
    private static void stats(Keyspace ks, Reply r) {
        long total = ks.usedBytes();
        long startup = Math.min(total, 4096); // the space's header, there before any key
        List<Object[]> dbs = new ArrayList<>();
        long overhead = startup;
        for (int db = 0; db < ks.databases(); db++) {
            if (ks.size(db) == 0) {
                continue;
            }
            long main = ks.tableBytes(db);
            overhead += main;
            dbs.add(new Object[] {db, main});
        }
        long keys = ks.totalSize();
        long net = total - startup;
        long dataset = Math.max(0, total - overhead);
        r.array(2 * (27 + dbs.size()));
        field(r, "peak.allocated", total);
        field(r, "total.allocated", total);
        field(r, "startup.allocated", startup);
        field(r, "replication.backlog", 0);
        field(r, "clients.slaves", 0);
        field(r, "clients.normal", 0);
        field(r, "cluster.links", 0);
        field(r, "aof.buffer", 0);
        field(r, "lua.caches", 0);
        field(r, "functions.caches", 0);
        for (Object[] d : dbs) {
            r.bulk("db." + d[0]);
            r.array(6);
            field(r, "overhead.hashtable.main", (Long) d[1]);
            field(r, "overhead.hashtable.expires", 0);
            field(r, "overhead.hashtable.slot-to-keys", 0);
        }
        field(r, "overhead.total", overhead);
        field(r, "keys.count", keys);
        field(r, "keys.bytes-per-key", keys == 0 ? 0 : net / keys);
        field(r, "dataset.bytes", dataset);
        ratio(r, "dataset.percentage", net == 0 ? 0 : dataset * 100.0 / net);
        ratio(r, "peak.percentage", total == 0 ? 0 : 100.0);
        field(r, "allocator.allocated", total);
        field(r, "allocator.active", total);
        field(r, "allocator.resident", total);
        ratio(r, "allocator-fragmentation.ratio", 1);
        field(r, "allocator-fragmentation.bytes", 0);
        ratio(r, "allocator-rss.ratio", 1);
        field(r, "allocator-rss.bytes", 0);
        ratio(r, "rss-overhead.ratio", 1);
        field(r, "rss-overhead.bytes", 0);
        ratio(r, "fragmentation", 1);
        field(r, "fragmentation.bytes", 0);
    }

    private static void field(Reply r, String name, long value) {
        r.bulk(name);
        r.integer(value);
    }

    /** A float field: addReplyDouble, RESP2's bulk of "%.17g". */
    private static void ratio(Reply r, String name, double value) {
        r.bulk(name);
        r.bulk(ZsetScores.format(value));
    }
}

package io.teemate.kv.enclave;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.str;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;

/**
 * OBJECT ENCODING | REFCOUNT | IDLETIME | FREQ | HELP (object.c objectCommand): what Redis would tell of a key's
 * value, from {@link Encodings} and the access field {@link AccessTracking} keeps. Looking a key up here does not
 * update its access time (LOOKUP_NOTOUCH).
 */
final class ObjectCommand {
    private ObjectCommand() {}

    private static final String SWITCHING = " Please note that when switching between policies at runtime LRU and LFU"
            + " data will take some time to adjust.";

    private static final String[] HELP = {
        "ENCODING <key>",
        "    Return the kind of internal representation used in order to store the value",
        "    associated with a <key>.",
        "FREQ <key>",
        "    Return the access frequency index of the <key>. The returned integer is",
        "    proportional to the logarithm of the recent access frequency of the key.",
        "IDLETIME <key>",
        "    Return the idle time of the <key>, that is the approximated number of",
        "    seconds elapsed since the last access to the key.",
        "REFCOUNT <key>",
        "    Return the number of references of the value associated with the specified",
        "    <key>.",
        "HELP",
        "    Prints this help."
    };

    static void register(CommandTable t) {
        // a container command: its key is argv[2] (src/commands/object-*.json)
        t.add(new CommandSpec("object", -2, Set.of(READONLY), 2, 2, 1, ObjectCommand::object));
    }

    private static void object(CommandContext c, List<byte[]> a, Reply r) {
        String sub = str(a.get(1)).toLowerCase(Locale.ROOT);
        int arity = switch (sub) {
            case "help" -> 2;
            case "encoding", "refcount", "idletime", "freq" -> 3;
            default -> 0;
        };
        if (arity == 0) {
            String name = str(a.get(1));
            throw new CommandEngine.ReplyError(
                    "ERR unknown subcommand '" + name.substring(0, Math.min(128, name.length())) + "'. Try "
                            + str(a.get(0)).toUpperCase(Locale.ROOT) + " HELP.");
        }
        if (a.size() != arity) {
            throw new CommandEngine.ReplyError("ERR wrong number of arguments for 'object|" + sub + "' command");
        }
        if (sub.equals("help")) {
            r.array(HELP.length + 1);
            r.simple(str(a.get(0)).toUpperCase(Locale.ROOT)
                    + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
            for (String line : HELP) {
                r.simple(line);
            }
            return;
        }
        Keyspace ks = c.ks;
        long e = ks.findNoTouch(a.get(2));
        if (e == 0) {
            r.nullBulk();
            return;
        }
        AccessTracking access = ks.access();
        switch (sub) {
            case "encoding" -> r.bulk(ks.encodings().name(ks, e));
            case "refcount" -> r.integer(ks.encodings().refcount(ks, e));
            case "idletime" -> {
                if (access.lfu()) {
                    throw new CommandEngine.ReplyError(
                            "ERR An LFU maxmemory policy is selected, idle time not tracked." + SWITCHING);
                }
                r.integer(AccessTracking.idleMillis(ks.lru(e), ks.now()) / 1000);
            }
            default -> {
                if (!access.lfu()) {
                    throw new CommandEngine.ReplyError(
                            "ERR An LFU maxmemory policy is not selected, access frequency not tracked." + SWITCHING);
                }
                r.integer(access.decayed(ks.lru(e), ks.now()));
            }
        }
    }
}

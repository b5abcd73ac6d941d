package io.teemate.kv.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * COMMAND GETKEYS (server.c getKeysSubcommandImpl): the keys of a command line, found as Redis 7.0 finds them:
 * from the command table's key positions (first, last, step), by the numkeys argument for the commands with movable
 * keys (db.c's key specs of type keynum: LMPOP, ZUNION, SINTERCARD...), and by sortGetKeys for SORT's STORE.
 */
final class CommandKeys {
    private CommandKeys() {}

    /** The keys, or the error (without '-' and CRLF) Redis answers. */
    record Result(List<byte[]> keys, String error) {}

    /** Movable-keys commands: the index of their numkeys argument (the keys follow it). */
    private static final Map<String, Integer> NUMKEYS_AT = Map.ofEntries(
            Map.entry("lmpop", 1),
            Map.entry("zmpop", 1),
            Map.entry("sintercard", 1),
            Map.entry("zunion", 1),
            Map.entry("zinter", 1),
            Map.entry("zdiff", 1),
            Map.entry("zintercard", 1),
            Map.entry("blmpop", 2),
            Map.entry("bzmpop", 2),
            // a destination key at 1, then numkeys (zunionInterDiffStoreGetKeys)
            Map.entry("zunionstore", 2),
            Map.entry("zinterstore", 2),
            Map.entry("zdiffstore", 2));

    /** The subcommands of the engine's containers with a key at argv[2], and their arity; the others have none. */
    private static final Map<String, Integer> KEYED_SUBCOMMANDS = Map.of(
            "object|encoding", 3,
            "object|refcount", 3,
            "object|idletime", 3,
            "object|freq", 3,
            "memory|usage", -3);

    private static final Map<String, Integer> KEYLESS_SUBCOMMANDS = Map.of(
            "object|help", 2,
            "memory|stats", 2,
            "memory|doctor", 2,
            "memory|malloc-stats", 2,
            "memory|purge", 2,
            "memory|help", 2);

    /** The keys of {@code line} (the command's name first) under {@code table}; WATCH's are its arguments. */
    static Result of(Map<String, KvDatabase.Command> table, List<byte[]> line) {
        String name = text(line.get(0)).toLowerCase(Locale.ROOT);
        KvDatabase.Command cmd = table.get(name);
        if (cmd == null) {
            return error("Invalid command specified");
        }
        int argc = line.size();
        int arity = cmd.arity();
        boolean container = name.equals("object") || name.equals("memory");
        if (container && argc >= 2) {
            String sub = name + "|" + text(line.get(1)).toLowerCase(Locale.ROOT);
            if (KEYLESS_SUBCOMMANDS.containsKey(sub)) {
                return error("The command has no key arguments");
            }
            if (!KEYED_SUBCOMMANDS.containsKey(sub)) {
                return error("Invalid command specified");
            }
            arity = KEYED_SUBCOMMANDS.get(sub);
        }
        boolean movable = NUMKEYS_AT.containsKey(name) || name.equals("sort");
        if (!movable && cmd.firstKey() == 0) {
            return error("The command has no key arguments");
        }
        if ((arity > 0 && arity != argc) || argc < -arity) {
            return error("Invalid number of arguments specified for command");
        }
        List<byte[]> keys = new ArrayList<>();
        Integer numkeysAt = NUMKEYS_AT.get(name);
        if (numkeysAt != null) {
            if (name.endsWith("store")) {
                keys.add(line.get(1));
            }
            long numkeys = numkeys(line.get(numkeysAt));
            long first = numkeysAt + 1;
            long last = first + numkeys - 1;
            if (numkeys <= 0 || last >= argc) {
                return error("Invalid arguments specified for command"); // getKeysUsingKeySpecs: invalid_spec
            }
            for (long i = first; i <= last; i++) {
                keys.add(line.get((int) i));
            }
        } else if (name.equals("sort")) {
            keys.add(line.get(1));
            int store = sortStore(line);
            if (store > 0) {
                keys.add(line.get(store));
            }
        } else {
            int last = cmd.lastKey() < 0 ? argc + cmd.lastKey() : cmd.lastKey();
            int step = Math.max(1, cmd.step());
            for (int i = cmd.firstKey(); i <= last && i < argc; i += step) {
                keys.add(line.get(i));
            }
        }
        return keys.isEmpty() ? error("Invalid arguments specified for command") : new Result(keys, null);
    }

    /** db.c sortGetKeys: the argument after the last STORE, skipping LIMIT's two arguments and GET's and BY's one. */
    private static int sortStore(List<byte[]> line) {
        int at = 0;
        for (int i = 2; i < line.size(); i++) {
            String w = text(line.get(i)).toLowerCase(Locale.ROOT);
            switch (w) {
                case "limit" -> i += 2;
                case "get", "by" -> i += 1;
                case "store" -> {
                    if (i + 1 < line.size()) {
                        at = i + 1;
                    }
                }
                default -> {
                    // another option: no argument to skip
                }
            }
        }
        return at;
    }

    /** string2ll of a numkeys argument; -1 if it is not one. */
    private static long numkeys(byte[] b) {
        String s = text(b);
        if (s.isEmpty() || s.length() > 20 || !s.matches("-?(0|[1-9][0-9]*)")) {
            return -1;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Result error(String message) {
        return new Result(null, "ERR " + message);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}

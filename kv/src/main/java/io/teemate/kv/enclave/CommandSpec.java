package io.teemate.kv.enclave;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One command's declaration, as a Redis 7.0 src/commands/*.json file and its COMMAND reply give it: the name (lower
 * case), the arity (n: exactly n arguments including the name; -n: at least n), the flags, the legacy key positions
 * (first key, last key, step; 0,0,0 for a command without keys, a negative last key counts from the end) and the
 * handler that runs it.
 */
public record CommandSpec(
        String name, int arity, Set<Flag> flags, int firstKey, int lastKey, int step, Handler handler) {

    /** The command flags of Redis 7.0's command_flags (server.h CMD_*) this engine declares. */
    public enum Flag {
        /** May modify the dataset (CMD_WRITE): what an append-only log must record. */
        WRITE,
        /** Never modifies the dataset (CMD_READONLY). */
        READONLY,
        /** May grow memory use, so it is refused when memory is exhausted (CMD_DENYOOM). */
        DENYOOM,
        /** Runs in O(1) or O(log N) (CMD_FAST). */
        FAST,
        /**
         * Not a write, yet propagated when it changed the dataset, as server.c call propagates any command that
         * made the dataset dirty: PFCOUNT, which stores the cardinality it computed in the HyperLogLog's header
         * (hyperloglog.c pfcountCommand). Engine-internal: Redis 7.0's COMMAND lists PFCOUNT as readonly only.
         */
        MAY_REPLICATE,
        /**
         * Its keys are found from its arguments (CMD_MOVABLE_KEYS: LMPOP, SINTERCARD count them with numkeys), so
         * its legacy key positions are 0,0,0 as Redis's COMMAND answers.
         */
        MOVABLEKEYS
    }

    /** Runs a command whose name and arity the table has checked; writes its reply to {@code r}. */
    @FunctionalInterface
    interface Handler {
        void run(CommandContext c, List<byte[]> argv, Reply r);
    }

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        if (!name.equals(name.toLowerCase(Locale.ROOT)) || name.isEmpty()) {
            throw new IllegalArgumentException("a command name is lower case and not empty: " + name);
        }
        if (arity == 0) {
            throw new IllegalArgumentException("arity 0: " + name);
        }
        flags = flags.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(flags));
        Objects.requireNonNull(handler, "handler");
    }

    /** A command with one key, at argv[1] (1,1,1). */
    static CommandSpec oneKey(String name, int arity, Set<Flag> flags, Handler handler) {
        return new CommandSpec(name, arity, flags, 1, 1, 1, handler);
    }

    /** A command without keys (0,0,0). */
    static CommandSpec noKeys(String name, int arity, Set<Flag> flags, Handler handler) {
        return new CommandSpec(name, arity, flags, 0, 0, 0, handler);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** Whether {@code argc} arguments (the name included) satisfy the arity (server.c processCommand). */
    public boolean arityAccepts(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }
}

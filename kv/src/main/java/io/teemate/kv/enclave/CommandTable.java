package io.teemate.kv.enclave;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every command the engine implements, by lower-case name (Redis's server.commands, filled from
 * src/commands/*.json). Each data type's file registers its own: {@link StringCommands}, {@link KeyCommands},
 * {@link DumpCommands}, {@link HashCommands}, {@link ListCommands}, {@link SetCommands}, {@link SortedSetCommands},
 * {@link DatabaseCommands},
 * {@link ConnectionCommands}.
 */
final class CommandTable {
    /** The engine's table; immutable once built. */
    static final CommandTable REDIS = build();

    private final Map<String, CommandSpec> specs = new TreeMap<>();

    private static CommandTable build() {
        CommandTable t = new CommandTable();
        StringCommands.register(t);
        KeyCommands.register(t);
        DumpCommands.register(t);
        ObjectCommand.register(t);
        MemoryCommand.register(t);
        SortCommand.register(t);
        DatabaseCommands.register(t);
        HashCommands.register(t);
        ListCommands.register(t);
        SetCommands.register(t);
        SortedSetCommands.register(t);
        ConnectionCommands.register(t);
        BitCommands.register(t);
        HyperLogLogCommands.register(t);
        BlockingCommands.register(t);
        BlockingSortedSetCommands.register(t);
        return t;
    }

    /** Adds {@code spec}; a name is declared once. */
    void add(CommandSpec spec) {
        if (specs.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalStateException("command declared twice: " + spec.name());
        }
    }

    /** The spec of {@code name} (any case), null if the engine does not implement it. */
    CommandSpec lookup(String name) {
        return specs.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every spec by lower-case name, sorted by name. */
    Map<String, CommandSpec> all() {
        return Collections.unmodifiableMap(specs);
    }

    /**
     * Redis's arity check (server.c processCommand): null if {@code argv} has a number of arguments {@code spec}
     * accepts, otherwise the error to answer.
     */
    static String arityError(CommandSpec spec, List<byte[]> argv) {
        return spec.arityAccepts(argv.size()) ? null : wrongArgs(spec.name());
    }

    /** Whether {@code argv} has a number of arguments {@code spec} accepts. */
    static boolean arityOk(CommandSpec spec, List<byte[]> argv) {
        return spec.arityAccepts(argv.size());
    }

    /** Redis's wrong-number-of-arguments error, also answered by commands whose arguments must pair up. */
    static String wrongArgs(String name) {
        return "ERR wrong number of arguments for '" + name + "' command";
    }
}

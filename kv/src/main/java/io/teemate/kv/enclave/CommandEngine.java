package io.teemate.kv.enclave;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static io.teemate.kv.enclave.CommandContext.str;

/**
 * Executes one Redis command against a {@link Keyspace} and returns its RESP2 reply, with Redis 7's semantics and
 * error strings (the replies of src/server.c, t_string.c, t_list.c, t_hash.c, t_set.c, db.c, expire.c).
 * <p>The engine is the dispatcher only, as server.c processCommand and call: it looks the name up in the
 * {@link CommandTable} (one {@link CommandSpec} per command, each data type's file declaring its own), answers the
 * arity error, runs the handler, and turns a handler's failure into its reply.
 * <p>Databases: the keyspace holds {@link Keyspace#databases} numbered databases in one copy-on-write space, so one
 * fork snapshots all of them. {@link #execute(int, List)} runs a command in its client's database (the host tracks
 * each client's SELECT and sends it with every command); {@link #execute(List)} runs it in the engine's current
 * database, which SELECT switches (an AOF replay, tests).
 * <p>Server commands (INFO, SAVE, BGSAVE, CONFIG, CLIENT, COMMAND, QUIT) are the server's and are not here: they
 * answer as unknown commands. The server's COMMAND describes this engine's commands from the table the container
 * hands out ({@link io.teemate.kv.abi.KvAbi#COMMANDS}).
 * <p>If the keyspace runs out of room the command answers Redis's OOM error; a multi-key write (MSET, HSET with
 * several fields, RPUSH of several elements) may then have applied its first part (and is propagated, since it
 * changed the dataset).
 * <p>Propagation: every command's changes are counted (Redis's server.dirty, {@link #dirty}) and the writes that
 * changed something are queued, rewritten where Redis rewrites them, for the append-only file
 * ({@link #takePropagated}; the rules are in {@link CommandContext}).
 * <p>Refused writes: while {@link #denyWrites} holds an error line, every WRITE-flagged command and PING answer it
 * instead of running (server.c processCommand's MISCONF check, after the arity check as there).
 */
public final class CommandEngine {
    static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    static final String SYNTAX = "ERR syntax error";
    static final String OVERFLOW = "ERR increment or decrement would overflow";
    static final String NO_SUCH_KEY = "ERR no such key";
    static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    /** Redis's proto-max-bulk-len default: the largest string value (512 MiB). */
    static final long MAX_STRING = 512L * 1024 * 1024;

    /** How many internal errors the engine keeps for the operator until {@link #takeInternalErrors} (the newest). */
    static final int MAX_INTERNAL_ERRORS_KEPT = 64;

    /**
     * A command that failed inside the engine (a bug, a corrupt keyspace): its client was answered
     * {@code -ERR internal error (id N)} and nothing more; {@code detail} (exception class and message) is for the
     * server's operator only, under the same id.
     */
    public record InternalError(long id, String detail) {}

    private final CommandContext context;
    private final ActiveExpiry activeExpiry;
    private final java.util.ArrayDeque<InternalError> internalErrors = new java.util.ArrayDeque<>();
    private long nextInternalErrorId = 1;
    /** The error every write and PING answers instead of running; null: none refused. */
    private String denyWrites;

    public CommandEngine(Keyspace keyspace, long randomSeed) {
        this.context =
                new CommandContext(Objects.requireNonNull(keyspace, "keyspace"), new SplittableRandom(randomSeed));
        this.activeExpiry = new ActiveExpiry(keyspace, System::nanoTime);
    }

    /**
     * Every command this engine implements (lower case) with its Redis arity. Enclave code and its tests only: the
     * host learns the table through the container ({@link io.teemate.kv.abi.KvAbi#COMMANDS}).
     */
    static Map<String, Integer> commandTable() {
        Map<String, Integer> arities = new TreeMap<>();
        CommandTable.REDIS.all().forEach((name, spec) -> arities.put(name, spec.arity()));
        return Collections.unmodifiableMap(arities);
    }

    /** Every command this engine implements by lower-case name, sorted: arity, flags and key positions. */
    static Map<String, CommandSpec> commandSpecs() {
        return CommandTable.REDIS.all();
    }

    /** True if this engine implements {@code name} (case-insensitive). */
    static boolean knows(String name) {
        return CommandTable.REDIS.lookup(name) != null;
    }

    /**
     * Runs {@code argv} (name first) and returns the RESP2 reply; an empty argv gets no reply (empty array).
     * Never throws for anything a client sends: a command that fails inside the engine (a RuntimeException or a
     * StackOverflowError, i.e. a bug) answers {@code -ERR internal error (id N)} to its client only, the detail
     * is kept for {@link #takeInternalErrors}, and the database goes on with the next command.
     */
    public byte[] execute(List<byte[]> argv) {
        return execute(context.ks.selected(), argv);
    }

    /**
     * Runs {@code argv} in database {@code db} as {@link #execute(List)} does; the engine then stays in that
     * database (or the one a SELECT switched to).
     *
     * @throws IllegalArgumentException if there is no database {@code db} (the caller validates it first)
     */
    public byte[] execute(int db, List<byte[]> argv) {
        context.ks.select(db);
        if (!argv.isEmpty() && ClientOps.isClientOp(argv.get(0))) {
            return ClientOps.run(this, context, argv);
        }
        context.beginCommand();
        CommandSpec spec = argv.isEmpty() ? null : CommandTable.REDIS.lookup(str(argv.get(0)));
        long dirtyBefore = context.dirtyTotal();
        // a flush deletes every key at once: the watched ones that exist now are touched if it ran
        List<byte[]> flushing =
                spec != null && !context.watched.isEmpty() && spec.name().startsWith("flush")
                        ? context.watched.existing(context.ks)
                        : null;
        try {
            return run(argv, spec);
        } catch (RuntimeException | StackOverflowError e) {
            long id = nextInternalErrorId++;
            if (internalErrors.size() == MAX_INTERNAL_ERRORS_KEPT) {
                internalErrors.removeFirst();
            }
            internalErrors.addLast(new InternalError(id, commandName(argv) + ": " + e));
            try {
                if (argv.size() > 1) {
                    context.dropIfEmpty(argv.get(1)); // a collection created for this command may have received nothing
                }
            } catch (RuntimeException | StackOverflowError ignored) {
                // the reply is an error anyway; the first failure is the one recorded
            }
            return new Reply().error("ERR internal error (id " + id + ")").bytes();
        } finally {
            context.endCommand(spec, argv);
            if (spec != null && !context.watched.isEmpty()) {
                touchWatched(spec, argv, context.dirtyTotal() > dirtyBefore, flushing);
            }
        }
    }

    /**
     * signalModifiedKey for the command that just ran: a write that changed something touches its keys; a flush
     * that emptied the keyspace touches the watched keys that were there ({@link WatchedKeys}).
     */
    private void touchWatched(CommandSpec spec, List<byte[]> argv, boolean changed, List<byte[]> flushing) {
        if (flushing != null && context.ks.size() == 0) {
            context.watched.flushed(flushing);
        }
        if (!changed || !spec.has(CommandSpec.Flag.WRITE) || !CommandTable.arityOk(spec, argv)) {
            return;
        }
        int argc = argv.size();
        if (spec.firstKey() <= 0) {
            for (int i = 1; i < argc; i++) { // keys at no fixed place (BLMPOP's numkeys): any watched argument
                context.watched.touch(argv.get(i), context.ks);
            }
            return;
        }
        int last = spec.lastKey() < 0 ? argc + spec.lastKey() : Math.min(spec.lastKey(), argc - 1);
        int step = Math.max(1, spec.step());
        for (int i = spec.firstKey(); i <= last && i < argc; i += step) {
            context.watched.touch(argv.get(i), context.ks);
        }
    }

    /** The error every write answers instead of running, null if none ({@link #denyWrites}). */
    String writesDenied() {
        return denyWrites;
    }

    /** The command context, for {@link ClientOps}. */
    CommandContext context() {
        return context;
    }

    /**
     * Sets the error (without its leading '-' and CRLF) that every WRITE-flagged command and PING answer instead of
     * running, as Redis's MISCONF refusal; null to run them again. It must not hold CR or LF.
     */
    public void denyWrites(String errorLine) {
        if (errorLine != null && (errorLine.indexOf('\r') >= 0 || errorLine.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("an error line holds no CR or LF");
        }
        this.denyWrites = errorLine;
    }

    /**
     * One cycle of active expiry (expire.c activeExpireCycle) within {@code budgetMicros}, for the host to call every
     * cron tick: deletes sampled keys whose deadline passed, each propagated as {@code DEL key} (see
     * {@link #takePropagated}); returns how many it deleted.
     */
    public long activeExpireCycle(long budgetMicros) {
        return activeExpiry.cycle(budgetMicros);
    }

    /**
     * Keys deleted because their deadline passed since the engine was made, by a lookup or the active cycle
     * (Redis's stat_expiredkeys, INFO's expired_keys; the host subtracts its CONFIG RESETSTAT baseline).
     */
    public long expiredKeys() {
        return context.expiredKeys;
    }

    /** The active expiry cycle's figures, for INFO (avg_ttl per database, expired_stale_perc...). */
    ActiveExpiry activeExpiry() {
        return activeExpiry;
    }

    /** Every change the engine's commands counted since it was made (Redis's server.dirty, never reset here). */
    public long dirty() {
        return context.dirtyTotal();
    }

    /**
     * The commands propagated since the last call (the writes that changed something, rewritten where Redis
     * rewrites them, and a DEL per key lazy expiry deleted), in order; clears them.
     */
    public List<List<byte[]>> takePropagated() {
        return context.takePropagated();
    }

    /**
     * The commands propagated from now on start in database 0 again: a new incremental AOF file begins, whose replay
     * starts in database 0 (Redis resets server.aof_selected_db when it opens a new file, so that the file's first
     * command is preceded by a SELECT if it is not in database 0).
     */
    public void resetPropagatedDb() {
        context.resetPropagatedDb();
    }

    /** How many databases the engine's keyspace holds. */
    public int databases() {
        return context.ks.databases();
    }

    /**
     * The internal errors since the last call, oldest first (at most {@link #MAX_INTERNAL_ERRORS_KEPT}, the
     * newest), for the host to log with their ids; clears them.
     */
    public List<InternalError> takeInternalErrors() {
        List<InternalError> out = List.copyOf(internalErrors);
        internalErrors.clear();
        return out;
    }

    /** The command's name for the operator's log: at most 32 characters, no control bytes; never its arguments. */
    private static String commandName(List<byte[]> argv) {
        if (argv.isEmpty()) {
            return "(empty command)";
        }
        String n = str(argv.get(0));
        n = n.substring(0, Math.min(n.length(), 32));
        return n.replaceAll("[^\\x21-\\x7e]", "?");
    }

    /** Looks the command up, checks its arity and runs its handler (server.c processCommand, then call). */
    private byte[] run(List<byte[]> argv, CommandSpec spec) {
        if (argv.isEmpty()) {
            return new byte[0];
        }
        Reply r = new Reply();
        if (spec == null) {
            return r.error(unknownCommand(argv)).bytes();
        }
        String arityError = CommandTable.arityError(spec, argv);
        if (arityError != null) {
            return r.error(arityError).bytes();
        }
        if (denyWrites != null
                && (spec.has(CommandSpec.Flag.WRITE) || spec.name().equals("ping"))) {
            return r.error(denyWrites).bytes();
        }
        try {
            spec.handler().run(context, argv, r);
        } catch (ReplyError e) {
            return new Reply().error(e.getMessage()).bytes();
        } catch (KeyspaceFullException | io.teemate.enclave.memory.EnclaveOutOfMemoryException e) {
            // the space's room or the enclave heap's pages ran out: Redis's OOM reply, the database goes on
            if (argv.size() > 1) {
                context.dropIfEmpty(argv.get(1)); // a collection created for this command may have received nothing
            }
            return new Reply().error(OOM).bytes();
        }
        return r.bytes();
    }

    /** Redis's reply to an unknown command (server.c processCommand): the name, then args while under 128 chars. */
    private static String unknownCommand(List<byte[]> argv) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < argv.size() && args.length() < 128; i++) {
            String a = str(argv.get(i));
            int room = 128 - args.length();
            args.append('\'').append(a, 0, Math.min(a.length(), room)).append("' ");
        }
        String n = str(argv.get(0));
        return "ERR unknown command '" + n.substring(0, Math.min(n.length(), 128)) + "', with args beginning with: "
                + args;
    }

    /** A command's error reply, thrown from deep inside a command to stop it. */
    static final class ReplyError extends RuntimeException {
        ReplyError(String message) {
            super(message, null, false, false);
        }
    }
}

package io.teemate.kv.enclave;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-client operations of MULTI/EXEC and WATCH the host sends in a batch like commands, under names no client
 * can send (they start with a NUL byte, and the host refuses any client command that does): the host keeps each
 * transaction's queue, the enclave the state only it can know ({@link WatchedKeys}).
 * <ul>
 * <li>{@code \0watch <client> key...} -> +OK (multi.c watchCommand; WATCH inside MULTI is the host's error).</li>
 * <li>{@code \0unwatch <client>} -> +OK (unwatchCommand; also what the host sends when a watching client goes away,
 *     or after an EXECABORT or DISCARD, as discardTransaction unwatches).</li>
 * <li>{@code \0exec <client> <check 0|1> then per queued command: argc, argv...} -> EXEC's reply (execCommand):
 *     with check 1, {@code -EXECABORT Transaction discarded because of: <MISCONF...>} if writes are refused and a
 *     queued command writes (processCommand's rejection of EXEC, execCommandAbort), else {@code *-1} if a watched
 *     key was touched or expired, else the array of the queued commands' replies, errors included. The client's
 *     watches end either way. The queued commands run one after the other inside this one entry, so nothing runs in
 *     between and their writes are logged in the batch's one AOF record: a crash replays all of them or none. Check
 *     0 runs a later part of a transaction that the host split around a server command (INFO, CONFIG inside
 *     MULTI).</li>
 * <li>{@code \0woken <client> <key> argv...} -> the reply of {@code argv}, a blocking command of a blocked client
 *     run again because {@code key}, one it waits on, may have been filled, with {@link CommandContext#readyKey}
 *     set: it pops from that key only, and only if the key holds the type it pops (blocked.c
 *     handleClientsBlockedOnKeys serves each ready key's waiters from that key, by the key's type); otherwise it
 *     answers the blocking marker again, never WRONGTYPE.</li>
 * </ul>
 * Counts and sizes are checked: a malformed request answers an error and runs nothing.
 */
final class ClientOps {
    private ClientOps() {}

    static final String WATCH = "\0watch";
    static final String UNWATCH = "\0unwatch";
    static final String EXEC = "\0exec";
    static final String WOKEN = "\0woken";

    static boolean isClientOp(byte[] name) {
        return name.length > 0 && name[0] == 0;
    }

    static byte[] run(CommandEngine engine, CommandContext c, List<byte[]> argv) {
        String op = CommandContext.str(argv.get(0));
        Long client = argv.size() > 1 ? RedisNumbers.parseLong(argv.get(1)) : null;
        if (client == null) {
            return malformed();
        }
        switch (op) {
            case WATCH -> {
                String err = c.watched.watch(client, argv.subList(2, argv.size()), c.ks);
                return err == null
                        ? new Reply().simple("OK").bytes()
                        : new Reply().error(err).bytes();
            }
            case UNWATCH -> {
                c.watched.unwatch(client);
                return new Reply().simple("OK").bytes();
            }
            case EXEC -> {
                return exec(engine, c, client, argv);
            }
            case WOKEN -> {
                return woken(engine, c, argv);
            }
            default -> {
                return malformed();
            }
        }
    }

    private static byte[] exec(CommandEngine engine, CommandContext c, long client, List<byte[]> argv) {
        Long check = argv.size() > 2 ? RedisNumbers.parseLong(argv.get(2)) : null;
        if (check == null || (check != 0 && check != 1)) {
            return malformed();
        }
        List<List<byte[]>> queued = new ArrayList<>();
        int at = 3;
        while (at < argv.size()) {
            Long argc = RedisNumbers.parseLong(argv.get(at));
            if (argc == null || argc < 1 || argc > argv.size() - at - 1L) {
                return malformed();
            }
            queued.add(argv.subList(at + 1, at + 1 + (int) (long) argc));
            at += 1 + (int) (long) argc;
        }
        if (check == 1) {
            String denied = engine.writesDenied();
            if (denied != null && queued.stream().anyMatch(ClientOps::writes)) {
                c.watched.unwatch(client);
                return new Reply()
                        .error("EXECABORT Transaction discarded because of: " + denied)
                        .bytes();
            }
            if (c.watched.execFails(client, c.ks)) {
                c.watched.unwatch(client);
                return new Reply().nullArray().bytes();
            }
        }
        c.watched.unwatch(client); // execCommand: unwatch ASAP
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + queued.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        c.denyBlocking = true;
        try {
            for (List<byte[]> cmd : queued) {
                if (isClientOp(cmd.get(0))) {
                    out.writeBytes(malformed()); // no nesting
                } else if (cmd.size() == 1 && CommandContext.isOneOf(cmd.get(0), "unwatch")) {
                    out.writeBytes(new Reply().simple("OK").bytes()); // the watches already ended
                } else {
                    out.writeBytes(engine.execute(cmd));
                }
            }
        } finally {
            c.denyBlocking = false;
        }
        return out.toByteArray();
    }

    private static byte[] woken(CommandEngine engine, CommandContext c, List<byte[]> argv) {
        if (argv.size() < 4 || isClientOp(argv.get(3))) {
            return malformed(); // a key and a command, and no nesting
        }
        c.readyKey = argv.get(2);
        try {
            return engine.execute(argv.subList(3, argv.size()));
        } finally {
            c.readyKey = null;
        }
    }

    private static boolean writes(List<byte[]> cmd) {
        CommandSpec spec = CommandTable.REDIS.lookup(CommandContext.str(cmd.get(0)));
        return spec != null && spec.has(CommandSpec.Flag.WRITE);
    }

    private static byte[] malformed() {
        return new Reply().error("ERR malformed client operation").bytes();
    }
}

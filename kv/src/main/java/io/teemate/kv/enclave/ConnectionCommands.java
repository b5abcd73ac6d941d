package io.teemate.kv.enclave;

import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.noKeys;

/**
 * The connection commands the engine answers (Redis's server.c pingCommand and echoCommand; arity and flags from
 * src/commands/*.json of Redis 7.0). The server's own (CLIENT, QUIT, ...) are the host's kv.host.ServerCommands.
 */
final class ConnectionCommands {
    private ConnectionCommands() {}

    static void register(CommandTable t) {
        t.add(noKeys("ping", -1, Set.of(FAST), ConnectionCommands::ping));
        t.add(noKeys("echo", 2, Set.of(FAST), (c, a, r) -> r.bulk(a.get(1))));
    }

    /** PING [message]: PONG, or the message as a bulk string. */
    private static void ping(CommandContext c, List<byte[]> a, Reply r) {
        if (a.size() > 2) {
            throw new CommandEngine.ReplyError(CommandTable.wrongArgs("ping"));
        }
        if (a.size() == 2) {
            r.bulk(a.get(1));
        } else {
            r.simple("PONG");
        }
    }
}

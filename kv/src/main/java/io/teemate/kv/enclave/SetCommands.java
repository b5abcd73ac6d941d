package io.teemate.kv.enclave;

import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.oneKey;
import static io.teemate.kv.enclave.Keyspace.TYPE_SET;

/** The set commands (Redis's t_set.c; arity, flags and keys from src/commands/*.json of Redis 7.0). */
final class SetCommands {
    private SetCommands() {}

    static void register(CommandTable t) {
        t.add(oneKey("sadd", -3, Set.of(WRITE, DENYOOM, FAST), SetCommands::sadd));
        t.add(oneKey("srem", -3, Set.of(WRITE, FAST), (c, a, r) -> r.integer(c.dictRemoveAll(a, TYPE_SET))));
        t.add(oneKey(
                "smembers", 2, Set.of(READONLY), (c, a, r) -> r.bulks(c.dictItems(a.get(1), TYPE_SET, true, false))));
        t.add(oneKey(
                "sismember",
                3,
                Set.of(READONLY, FAST),
                (c, a, r) -> r.integer(c.dictContains(a.get(1), TYPE_SET, a.get(2)))));
        t.add(oneKey("scard", 2, Set.of(READONLY, FAST), (c, a, r) -> r.integer(c.dictCount(a.get(1), TYPE_SET))));
    }

    private static void sadd(CommandContext c, List<byte[]> a, Reply r) {
        long d = c.containerForWrite(a.get(1), TYPE_SET);
        int added = 0;
        for (int i = 2; i < a.size(); i++) {
            if (c.ks.setAdd(d, a.get(i))) {
                added++;
                c.dirty();
            }
        }
        r.integer(added);
    }
}

package io.teemate.kv.enclave;

import io.teemate.kv.enclave.SortedSetCommands.Scored;
import io.teemate.kv.enclave.SortedSetCommands.ZmpopArgs;

import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.ascii;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.MOVABLEKEYS;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.Keyspace.TYPE_ZSET;

/**
 * The blocking sorted set pops (Redis 7.0 t_zset.c blockingGenericZpopCommand, bzpopminCommand, bzmpopCommand):
 * BZPOPMIN, BZPOPMAX, BZMPOP, over {@link SortedSetCommands#pop}. As the blocking list pops ({@link
 * BlockingCommands}): the first key (in argument order) holding a zset is popped and the command is propagated as
 * its non-blocking form (BZPOPMIN key... -> ZPOPMIN key; BZMPOP -> ZPOPMIN/ZPOPMAX key popped-count); a key of
 * another type before it answers WRONGTYPE; with nothing there, inside a transaction the answer is a timeout's
 * ({@code *-1}) at once, otherwise the host's {@link BlockingCommands#block} marker.
 */
final class BlockingSortedSetCommands {
    private BlockingSortedSetCommands() {}

    static void register(CommandTable t) {
        t.add(new CommandSpec("bzpopmin", -3, Set.of(WRITE, FAST), 1, -2, 1, (c, a, r) -> bzpop(c, a, r, false)));
        t.add(new CommandSpec("bzpopmax", -3, Set.of(WRITE, FAST), 1, -2, 1, (c, a, r) -> bzpop(c, a, r, true)));
        t.add(new CommandSpec("bzmpop", -5, Set.of(WRITE, MOVABLEKEYS), 0, 0, 0, BlockingSortedSetCommands::bzmpop));
    }

    /**
     * BZPOPMIN/BZPOPMAX key [key ...] timeout: the timeout is parsed first; the reply is key, member, score
     * (genericZpopCommand with emitkey and count -1), RESP3's double score declared in the host's ReplyShapes.
     */
    private static void bzpop(CommandContext c, List<byte[]> a, Reply r, boolean max) {
        long timeout = BlockingCommands.timeoutMillis(a.get(a.size() - 1));
        List<byte[]> keys = a.subList(1, a.size() - 1);
        for (byte[] key : keys) {
            if (c.readyContainer(key, TYPE_ZSET) == 0) {
                continue;
            }
            List<Scored> popped = SortedSetCommands.pop(c, key, max, 1);
            Scored s = popped.get(0);
            r.array(3).bulk(key).bulk(s.member()).bulk(ZsetScores.formatBytes(s.score()));
            c.propagate(ascii(max ? "ZPOPMAX" : "ZPOPMIN"), key);
            return;
        }
        blockOrNull(c, r, timeout, keys);
    }

    /**
     * BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count] (zmpopGenericCommand with is_block): numkeys, the
     * keys, MIN|MAX and COUNT are checked before the timeout; the reply is ZMPOP's, key and [[member, score] ...].
     */
    private static void bzmpop(CommandContext c, List<byte[]> a, Reply r) {
        ZmpopArgs args = SortedSetCommands.parseZmpop(a, 2);
        long timeout = BlockingCommands.timeoutMillis(a.get(1));
        for (byte[] key : args.keys()) {
            if (c.readyContainer(key, TYPE_ZSET) == 0) {
                continue;
            }
            List<Scored> popped = SortedSetCommands.pop(c, key, args.max(), args.count());
            SortedSetCommands.propagatePop(c, key, args.max(), popped.size());
            SortedSetCommands.replyKeyAndPairs(r, key, popped);
            return;
        }
        blockOrNull(c, r, timeout, args.keys());
    }

    /** blockingGenericZpopCommand's end: CLIENT_DENY_BLOCKING answers a null array, else the client blocks. */
    private static void blockOrNull(CommandContext c, Reply r, long timeout, List<byte[]> keys) {
        if (c.denyBlocking) {
            r.nullArray();
        } else {
            BlockingCommands.block(r, timeout, keys);
        }
    }
}

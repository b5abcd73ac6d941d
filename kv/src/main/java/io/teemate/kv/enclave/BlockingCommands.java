package io.teemate.kv.enclave;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.Keyspace.TYPE_LIST;

/**
 * The blocking list pops (Redis 7.0 t_list.c blockingPopGenericCommand, blmoveGenericCommand, lmpopGenericCommand):
 * BLPOP, BRPOP, BRPOPLPUSH, BLMOVE, BLMPOP. The engine only ever tries once: if a key has elements the command
 * runs as its non-blocking form and is propagated as that (BLPOP -> LPOP key, BRPOP -> RPOP key, BLMOVE -> LMOVE,
 * BRPOPLPUSH -> RPOPLPUSH, BLMPOP -> LPOP/RPOP key count). If nothing is there:
 * <ul>
 * <li>inside a transaction ({@link CommandContext#denyBlocking}, Redis's CLIENT_DENY_BLOCKING) it answers as a
 *     timeout would, at once: {@code *-1}, or {@code $-1} for BLMOVE and BRPOPLPUSH;</li>
 * <li>otherwise it answers the host's {@link #block} marker: a NUL byte, then a RESP array of the timeout in
 *     milliseconds (0 = forever) and the keys to wait on. No client ever sees it (no RESP reply starts with NUL):
 *     the host parks the client, and runs the same command again when another command may have filled one of the
 *     keys, in the order clients blocked, and answers {@code *-1} at the deadline.</li>
 * </ul>
 * A new blocking command needs nothing on the host but its name in BlockedClients.MAY_BLOCK: its handler answers
 * {@link #block} when it finds nothing, and parses its timeout with {@link #timeoutMillis}, as BZPOPMIN, BZPOPMAX
 * and BZMPOP do ({@link BlockingSortedSetCommands}).
 */
final class BlockingCommands {
    private BlockingCommands() {}

    static void register(CommandTable t) {
        t.add(new CommandSpec("blpop", -3, Set.of(WRITE), 1, -2, 1, (c, a, r) -> bpop(c, a, r, true)));
        t.add(new CommandSpec("brpop", -3, Set.of(WRITE), 1, -2, 1, (c, a, r) -> bpop(c, a, r, false)));
        t.add(new CommandSpec("brpoplpush", 4, Set.of(WRITE, DENYOOM), 1, 2, 1, BlockingCommands::brpoplpush));
        t.add(new CommandSpec("blmove", 6, Set.of(WRITE, DENYOOM), 1, 2, 1, BlockingCommands::blmove));
        t.add(new CommandSpec("blmpop", -5, Set.of(WRITE), 0, 0, 0, BlockingCommands::blmpop));
    }

    /**
     * Redis 7.0's timeout argument in seconds (timeout.c getTimeoutFromObjectOrReply, UNIT_SECONDS): a long double,
     * times 1000, rounded up (ceill), converted as x86 converts (out of range: LLONG_MIN, so "negative"); the
     * milliseconds, 0 for forever.
     */
    static long timeoutMillis(byte[] arg) {
        RedisNumbers.LongDouble v = RedisNumbers.parseFloat(arg);
        if (v == null) {
            throw new CommandEngine.ReplyError("ERR timeout is not a float or out of range");
        }
        long ms;
        if (v.infinite || v.exponent > 64) {
            ms = Long.MIN_VALUE;
        } else {
            BigInteger scaled = v.mantissa.multiply(BigInteger.valueOf(1000));
            BigInteger whole;
            if (v.exponent >= 0) {
                whole = scaled.shiftLeft(v.exponent);
            } else {
                BigInteger floor = scaled.shiftRight(-v.exponent);
                boolean exact = floor.shiftLeft(-v.exponent).equals(scaled);
                // ceil of a positive value rounds the floor up; of a negative one, the magnitude's floor stays
                whole = v.negative || exact ? floor : floor.add(BigInteger.ONE);
            }
            if (v.negative) {
                whole = whole.negate();
            }
            ms = whole.bitLength() >= 64 ? Long.MIN_VALUE : whole.longValue();
        }
        if (ms < 0) {
            throw new CommandEngine.ReplyError("ERR timeout is negative");
        }
        return ms;
    }

    /** The host's "park this client" marker: NUL, then *n of the timeout in ms and the keys. */
    static void block(Reply r, long timeoutMs, List<byte[]> keys) {
        r.raw(new byte[] {0});
        r.array(keys.size() + 1);
        r.bulk(Long.toString(timeoutMs));
        for (byte[] k : keys) {
            r.bulk(k);
        }
    }

    /** Whether {@code reply} is {@link #block}'s marker rather than a reply for the client. */
    static boolean isBlock(byte[] reply) {
        return reply.length > 0 && reply[0] == 0;
    }

    /** BLPOP/BRPOP key [key ...] timeout (t_list.c blockingPopGenericCommand). */
    private static void bpop(CommandContext c, List<byte[]> a, Reply r, boolean left) {
        long timeout = timeoutMillis(a.get(a.size() - 1));
        List<byte[]> keys = a.subList(1, a.size() - 1);
        for (byte[] key : keys) {
            long l = c.readyContainer(key, TYPE_LIST);
            if (l != 0 && c.ks.listLength(l) > 0) {
                byte[] v = c.ks.listPop(l, left);
                c.dirty();
                if (c.ks.listLength(l) == 0) {
                    c.ks.delete(key);
                }
                r.array(2).bulk(key).bulk(v);
                c.propagate(CommandContext.ascii(left ? "LPOP" : "RPOP"), key);
                return;
            }
        }
        if (c.denyBlocking) {
            r.nullArray();
        } else {
            block(r, timeout, keys);
        }
    }

    /** BRPOPLPUSH source destination timeout: BLMOVE source destination RIGHT LEFT timeout. */
    private static void brpoplpush(CommandContext c, List<byte[]> a, Reply r) {
        long timeout = timeoutMillis(a.get(3));
        if (move(c, a.get(1), a.get(2), false, true, r)) {
            c.propagate(CommandContext.ascii("RPOPLPUSH"), a.get(1), a.get(2));
        } else {
            blockOrNull(c, r, timeout, a.get(1));
        }
    }

    /** BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout (t_list.c blmoveCommand). */
    private static void blmove(CommandContext c, List<byte[]> a, Reply r) {
        boolean from = side(a.get(3));
        boolean to = side(a.get(4));
        long timeout = timeoutMillis(a.get(5));
        if (move(c, a.get(1), a.get(2), from, to, r)) {
            c.propagate(CommandContext.ascii("LMOVE"), a.get(1), a.get(2), a.get(3), a.get(4));
        } else {
            blockOrNull(c, r, timeout, a.get(1));
        }
    }

    private static void blockOrNull(CommandContext c, Reply r, long timeout, byte[] key) {
        if (c.denyBlocking) {
            r.nullBulk(); // blmoveGenericCommand: "Blocking against an empty list in a MULTI state"
        } else {
            block(r, timeout, List.of(key));
        }
    }

    /** LEFT (true) or RIGHT (t_list.c getListPositionFromObjectOrReply). */
    private static boolean side(byte[] b) {
        String s = CommandContext.str(b);
        if (s.equalsIgnoreCase("left")) {
            return true;
        }
        if (s.equalsIgnoreCase("right")) {
            return false;
        }
        throw new CommandEngine.ReplyError(CommandEngine.SYNTAX);
    }

    /**
     * t_list.c lmoveGenericCommand on a source that exists: pops at {@code from}, pushes at {@code to} of the
     * destination (created if absent, WRONGTYPE checked before anything moves), deletes an emptied source, replies
     * the element. False (nothing done, no reply) if the source is absent.
     */
    private static boolean move(CommandContext c, byte[] src, byte[] dst, boolean from, boolean to, Reply r) {
        long l = c.readyContainer(src, TYPE_LIST);
        if (l == 0 || c.ks.listLength(l) == 0) {
            return false;
        }
        c.container(dst, TYPE_LIST); // WRONGTYPE before the pop
        byte[] v = c.ks.listPop(l, from);
        long d = c.containerForWrite(dst, TYPE_LIST);
        c.ks.listPush(d, to, v);
        if (c.ks.listLength(l) == 0) {
            c.ks.delete(src);
        }
        c.dirty();
        r.bulk(v);
        return true;
    }

    /** BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count] (t_list.c lmpopGenericCommand). */
    private static void blmpop(CommandContext c, List<byte[]> a, Reply r) {
        long timeout = timeoutMillis(a.get(1));
        long numkeys = positive(a.get(2), "ERR numkeys should be greater than 0");
        long whereIdx = 2 + numkeys + 1;
        if (whereIdx >= a.size()) {
            throw new CommandEngine.ReplyError(CommandEngine.SYNTAX);
        }
        boolean left = side(a.get((int) whereIdx));
        long count = -1;
        for (int j = (int) whereIdx + 1; j < a.size(); j++) {
            boolean more = a.size() - 1 - j > 0;
            if (count == -1 && CommandContext.isOneOf(a.get(j), "count") && more) {
                j++;
                count = positive(a.get(j), "ERR count should be greater than 0");
            } else {
                throw new CommandEngine.ReplyError(CommandEngine.SYNTAX);
            }
        }
        if (count == -1) {
            count = 1;
        }
        List<byte[]> keys = a.subList(3, (int) whereIdx);
        for (byte[] key : keys) {
            long l = c.readyContainer(key, TYPE_LIST);
            if (l == 0 || c.ks.listLength(l) == 0) {
                continue;
            }
            List<byte[]> out = new ArrayList<>();
            while (out.size() < count && c.ks.listLength(l) > 0) {
                out.add(c.ks.listPop(l, left));
            }
            c.dirty(out.size());
            if (c.ks.listLength(l) == 0) {
                c.ks.delete(key);
            }
            r.array(2).bulk(key).bulks(out);
            c.propagate(
                    CommandContext.ascii(left ? "LPOP" : "RPOP"),
                    key,
                    Integer.toString(out.size()).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (c.denyBlocking) {
            r.nullArray();
        } else {
            block(r, timeout, keys);
        }
    }

    /** t_list.c getRangeLongFromObjectOrReply(1, LONG_MAX, msg): one message for not a number and out of range. */
    private static long positive(byte[] b, String message) {
        Long v = RedisNumbers.parseLong(b);
        if (v == null || v < 1) {
            throw new CommandEngine.ReplyError(message);
        }
        return v;
    }

    /** For tests: the marker's bytes as the host reads them. */
    static byte[] marker(long timeoutMs, List<byte[]> keys) {
        Reply r = new Reply();
        block(r, timeoutMs, keys);
        return r.bytes();
    }
}

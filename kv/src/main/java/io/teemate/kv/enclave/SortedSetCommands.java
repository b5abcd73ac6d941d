package io.teemate.kv.enclave;

import io.teemate.kv.abi.Glob;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.teemate.kv.enclave.CommandContext.ascii;
import static io.teemate.kv.enclave.CommandContext.isOneOf;
import static io.teemate.kv.enclave.CommandContext.parseLong;
import static io.teemate.kv.enclave.CommandContext.str;
import static io.teemate.kv.enclave.CommandEngine.SYNTAX;
import static io.teemate.kv.enclave.CommandEngine.WRONGTYPE;
import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static io.teemate.kv.enclave.CommandSpec.oneKey;
import static io.teemate.kv.enclave.Keyspace.TYPE_SET;
import static io.teemate.kv.enclave.Keyspace.TYPE_ZSET;

/**
 * The sorted set commands (Redis 7.0's t_zset.c; arity, flags and legacy key positions from its COMMAND reply),
 * the blocking ones excepted ({@link BlockingSortedSetCommands}, over the pop core {@link #pop}). Replies are RESP2.
 */
final class SortedSetCommands {
    private SortedSetCommands() {}

    /** A member and its score, as a range or a pop yields them. */
    record Scored(byte[] member, double score) {}

    /**
     * The most elements ZRANDMEMBER with a negative count answers: Redis would build any reply a client asks for
     * (up to 2^62 elements); the enclave refuses past this instead of exhausting its memory.
     */
    static final long MAX_RANDOM_REPLY = 1L << 24;

    static void register(CommandTable t) {
        t.add(oneKey("zadd", -4, Set.of(WRITE, DENYOOM, FAST), (c, a, r) -> zadd(c, a, r, false)));
        t.add(oneKey("zincrby", 4, Set.of(WRITE, DENYOOM, FAST), (c, a, r) -> zadd(c, a, r, true)));
        t.add(oneKey("zcard", 2, Set.of(READONLY, FAST), SortedSetCommands::zcard));
        t.add(oneKey("zscore", 3, Set.of(READONLY, FAST), SortedSetCommands::zscore));
        t.add(oneKey("zmscore", -3, Set.of(READONLY, FAST), SortedSetCommands::zmscore));
        t.add(oneKey("zrank", 3, Set.of(READONLY, FAST), (c, a, r) -> zrank(c, a, r, false)));
        t.add(oneKey("zrevrank", 3, Set.of(READONLY, FAST), (c, a, r) -> zrank(c, a, r, true)));
        t.add(oneKey("zcount", 4, Set.of(READONLY, FAST), SortedSetCommands::zcount));
        t.add(oneKey("zlexcount", 4, Set.of(READONLY, FAST), SortedSetCommands::zlexcount));
        t.add(oneKey("zrange", -4, Set.of(READONLY), (c, a, r) -> zrange(c, a, r, 1, false, AUTO, AUTO)));
        t.add(new CommandSpec(
                "zrangestore", -5, Set.of(WRITE, DENYOOM), 1, 2, 1, (c, a, r) -> zrange(c, a, r, 2, true, AUTO, AUTO)));
        t.add(oneKey("zrevrange", -4, Set.of(READONLY), (c, a, r) -> zrange(c, a, r, 1, false, RANK, REVERSE)));
        t.add(oneKey("zrangebyscore", -4, Set.of(READONLY), (c, a, r) -> zrange(c, a, r, 1, false, SCORE, FORWARD)));
        t.add(oneKey("zrevrangebyscore", -4, Set.of(READONLY), (c, a, r) -> zrange(c, a, r, 1, false, SCORE, REVERSE)));
        t.add(oneKey("zrangebylex", -4, Set.of(READONLY), (c, a, r) -> zrange(c, a, r, 1, false, LEX, FORWARD)));
        t.add(oneKey("zrevrangebylex", -4, Set.of(READONLY), (c, a, r) -> zrange(c, a, r, 1, false, LEX, REVERSE)));
        t.add(oneKey("zrem", -3, Set.of(WRITE, FAST), SortedSetCommands::zrem));
        t.add(oneKey("zremrangebyrank", 4, Set.of(WRITE), (c, a, r) -> zremrange(c, a, r, RANK)));
        t.add(oneKey("zremrangebyscore", 4, Set.of(WRITE), (c, a, r) -> zremrange(c, a, r, SCORE)));
        t.add(oneKey("zremrangebylex", 4, Set.of(WRITE), (c, a, r) -> zremrange(c, a, r, LEX)));
        t.add(oneKey("zpopmin", -2, Set.of(WRITE, FAST), (c, a, r) -> zpop(c, a, r, false)));
        t.add(oneKey("zpopmax", -2, Set.of(WRITE, FAST), (c, a, r) -> zpop(c, a, r, true)));
        t.add(new CommandSpec("zmpop", -4, Set.of(WRITE), 0, 0, 0, SortedSetCommands::zmpop));
        t.add(oneKey("zrandmember", -2, Set.of(READONLY), SortedSetCommands::zrandmember));
        t.add(new CommandSpec(
                "zunion", -3, Set.of(READONLY), 0, 0, 0, (c, a, r) -> zsetop(c, a, r, null, 1, UNION, false)));
        t.add(new CommandSpec(
                "zinter", -3, Set.of(READONLY), 0, 0, 0, (c, a, r) -> zsetop(c, a, r, null, 1, INTER, false)));
        t.add(new CommandSpec(
                "zdiff", -3, Set.of(READONLY), 0, 0, 0, (c, a, r) -> zsetop(c, a, r, null, 1, DIFF, false)));
        t.add(new CommandSpec(
                "zintercard", -3, Set.of(READONLY), 0, 0, 0, (c, a, r) -> zsetop(c, a, r, null, 1, INTER, true)));
        t.add(oneKey(
                "zunionstore", -4, Set.of(WRITE, DENYOOM), (c, a, r) -> zsetop(c, a, r, a.get(1), 2, UNION, false)));
        t.add(oneKey(
                "zinterstore", -4, Set.of(WRITE, DENYOOM), (c, a, r) -> zsetop(c, a, r, a.get(1), 2, INTER, false)));
        t.add(oneKey("zdiffstore", -4, Set.of(WRITE, DENYOOM), (c, a, r) -> zsetop(c, a, r, a.get(1), 2, DIFF, false)));
        t.add(oneKey("zscan", -3, Set.of(READONLY), SortedSetCommands::zscan));
    }

    // ------------------------------------------------------------------ helpers

    /** The zset at {@code key}, 0 if absent; WRONGTYPE if another type. */
    private static long zset(CommandContext c, byte[] key) {
        return c.container(key, TYPE_ZSET);
    }

    private static void score(Reply r, double d) {
        r.bulk(ZsetScores.formatBytes(d));
    }

    /** A fresh listpack-encoded zset holding {@code items} (Redis converts a stored result the same way). */
    private static long build(ZsetStore zs, List<Scored> items) {
        long z = zs.create(false);
        try {
            for (Scored s : items) {
                zs.insert(z, s.score, s.member);
            }
        } catch (KeyspaceFullException full) {
            zs.free(z);
            throw full;
        }
        return z;
    }

    /**
     * The end of every *STORE (t_zset.c zrangeResultFinalizeStore, zunionInterDiffGenericCommand): a non-empty
     * result replaces {@code dst} whatever it held (its deadline gone, db.c setKey); an empty one deletes it.
     */
    private static void store(CommandContext c, byte[] dst, List<Scored> items, Reply r) {
        Keyspace ks = c.ks;
        if (items.isEmpty()) {
            if (ks.find(dst) != 0) {
                ks.delete(dst);
                c.dirty();
            }
            r.integer(0);
            return;
        }
        long z = build(new ZsetStore(ks), items);
        long e = ks.find(dst);
        if (e == 0) {
            ks.insertOrFree(dst, TYPE_ZSET, z);
        } else {
            ks.freeValue(ks.type(e), ks.valueRef(e));
            ks.setValue(e, TYPE_ZSET, z);
            ks.setExpireAt(e, 0);
        }
        c.dirty();
        r.integer(items.size());
    }

    /** getLongFromObjectOrReply with a message of its own for a value that is not an integer. */
    private static long parseLongOr(byte[] b, String error) {
        Long v = RedisNumbers.parseLong(b);
        if (v == null) {
            throw new CommandEngine.ReplyError(error);
        }
        return v;
    }

    // ------------------------------------------------------------------ ZADD, ZINCRBY

    /** ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member ... and ZINCRBY key increment member (zaddGenericCommand). */
    private static void zadd(CommandContext c, List<byte[]> a, Reply r, boolean incrCommand) {
        boolean nx = false, xx = false, gt = false, lt = false, ch = false, incr = incrCommand;
        int scoreIdx = 2;
        for (boolean option = true; option && scoreIdx < a.size(); ) {
            switch (str(a.get(scoreIdx)).toLowerCase(Locale.ROOT)) {
                case "nx" -> nx = true;
                case "xx" -> xx = true;
                case "ch" -> ch = true;
                case "incr" -> incr = true;
                case "gt" -> gt = true;
                case "lt" -> lt = true;
                default -> option = false;
            }
            if (option) {
                scoreIdx++;
            }
        }
        int elements = a.size() - scoreIdx;
        if (elements % 2 != 0 || elements == 0) {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        elements /= 2;
        if (nx && xx) {
            throw new CommandEngine.ReplyError("ERR XX and NX options at the same time are not compatible");
        }
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            throw new CommandEngine.ReplyError("ERR GT, LT, and/or NX options at the same time are not compatible");
        }
        if (incr && elements > 1) {
            throw new CommandEngine.ReplyError("ERR INCR option supports a single increment-element pair");
        }
        double[] scores = new double[elements];
        for (int j = 0; j < elements; j++) {
            scores[j] = ZsetScores.score(a.get(scoreIdx + 2 * j));
        }
        byte[] key = a.get(1);
        long z = zset(c, key);
        ZsetStore zs = new ZsetStore(c.ks);
        long added = 0, updated = 0, processed = 0;
        double last = 0;
        if (z == 0 && !xx) {
            // t_zset.c zaddGenericCommand: skiplist from the start if the first member could never be in a listpack
            z = zs.create(!c.ks.encodings().zsetFitsListpack(1, a.get(scoreIdx + 1).length));
            c.ks.insert(key, TYPE_ZSET, z);
        }
        try {
            for (int j = 0; z != 0 && j < elements; j++) {
                byte[] member = a.get(scoreIdx + 2 * j + 1);
                double s = scores[j];
                Double cur = zs.score(z, member);
                if (cur != null) {
                    if (nx) {
                        continue;
                    }
                    if (incr) {
                        s += cur;
                        if (Double.isNaN(s)) {
                            throw new CommandEngine.ReplyError(ZsetScores.NAN_SCORE);
                        }
                    }
                    if ((lt && s >= cur) || (gt && s <= cur)) {
                        continue;
                    }
                    processed++;
                    last = s;
                    if (s != cur) { // -0 == 0: the stored score stays
                        zs.update(z, member, s);
                        updated++;
                    }
                } else if (!xx) {
                    zs.insert(z, s, member);
                    added++;
                    processed++;
                    last = s;
                }
            }
        } finally {
            c.dirty(added + updated);
            if (z != 0 && zs.length(z) == 0) {
                c.ks.delete(key); // a key made here that received nothing (OOM on its first member)
            }
        }
        if (incr) {
            if (processed > 0) {
                score(r, last);
            } else {
                r.nullBulk();
            }
        } else {
            r.integer(ch ? added + updated : added);
        }
    }

    // ------------------------------------------------------------------ reads

    private static void zcard(CommandContext c, List<byte[]> a, Reply r) {
        long z = zset(c, a.get(1));
        r.integer(z == 0 ? 0 : new ZsetStore(c.ks).length(z));
    }

    private static void zscore(CommandContext c, List<byte[]> a, Reply r) {
        long z = zset(c, a.get(1));
        Double s = z == 0 ? null : new ZsetStore(c.ks).score(z, a.get(2));
        if (s == null) {
            r.nullBulk();
        } else {
            score(r, s);
        }
    }

    private static void zmscore(CommandContext c, List<byte[]> a, Reply r) {
        long z = zset(c, a.get(1));
        ZsetStore zs = new ZsetStore(c.ks);
        r.array(a.size() - 2);
        for (int i = 2; i < a.size(); i++) {
            Double s = z == 0 ? null : zs.score(z, a.get(i));
            if (s == null) {
                r.nullBulk();
            } else {
                score(r, s);
            }
        }
    }

    private static void zrank(CommandContext c, List<byte[]> a, Reply r, boolean reverse) {
        long z = zset(c, a.get(1));
        ZsetStore zs = new ZsetStore(c.ks);
        long rank = z == 0 ? -1 : zs.rank(z, a.get(2));
        if (rank < 0) {
            r.nullBulk();
        } else {
            r.integer(reverse ? zs.length(z) - 1 - rank : rank);
        }
    }

    private static void zcount(CommandContext c, List<byte[]> a, Reply r) {
        ZsetStore.ScoreRange range = ZsetScores.range(a.get(2), a.get(3));
        long z = zset(c, a.get(1));
        if (z == 0) {
            r.integer(0);
            return;
        }
        ZsetStore zs = new ZsetStore(c.ks);
        long first = zs.firstInRange(z, range);
        r.integer(first == 0 ? 0 : countBetween(zs, z, first, zs.lastInRange(z, range)));
    }

    private static void zlexcount(CommandContext c, List<byte[]> a, Reply r) {
        ZsetStore.LexBound[] range = ZsetScores.lexRange(a.get(2), a.get(3));
        long z = zset(c, a.get(1));
        if (z == 0) {
            r.integer(0);
            return;
        }
        ZsetStore zs = new ZsetStore(c.ks);
        long first = zs.firstInLex(z, range[0], range[1]);
        if (first != 0 && !zs.skiplistEncoded(z)) { // a listpack is walked while in range (zlexcountCommand)
            long count = 0;
            for (long n = first; n != 0 && ZsetStore.lexLteMax(zs.member(n), range[1]); n = zs.next(n)) {
                count++;
            }
            r.integer(count);
            return;
        }
        r.integer(first == 0 ? 0 : countBetween(zs, z, first, zs.lastInLex(z, range[0], range[1])));
    }

    private static long countBetween(ZsetStore zs, long z, long first, long last) {
        return zs.rank(z, zs.member(last)) - zs.rank(z, zs.member(first)) + 1;
    }

    // ------------------------------------------------------------------ ZRANGE and its family

    static final int AUTO = 0;
    static final int RANK = 1;
    static final int SCORE = 2;
    static final int LEX = 3;
    static final int FORWARD = 1;
    static final int REVERSE = 2;

    /** t_zset.c zrangeGenericCommand: parse options, then the range, then look the key up and emit or store. */
    private static void zrange(
            CommandContext c, List<byte[]> a, Reply r, int argStart, boolean store, int rangeType, int direction) {
        byte[] key = a.get(argStart);
        int minIdx = argStart + 1;
        int maxIdx = argStart + 2;
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        for (int j = argStart + 3; j < a.size(); j++) {
            int left = a.size() - j - 1;
            byte[] opt = a.get(j);
            if (!store && isOneOf(opt, "withscores")) {
                withScores = true;
            } else if (isOneOf(opt, "limit") && left >= 2) {
                offset = parseLong(a.get(j + 1));
                limit = parseLong(a.get(j + 2));
                j += 2;
            } else if (direction == AUTO && isOneOf(opt, "rev")) {
                direction = REVERSE;
            } else if (rangeType == AUTO && isOneOf(opt, "bylex")) {
                rangeType = LEX;
            } else if (rangeType == AUTO && isOneOf(opt, "byscore")) {
                rangeType = SCORE;
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        if (direction == AUTO) {
            direction = FORWARD;
        }
        if (rangeType == AUTO) {
            rangeType = RANK;
        }
        if (limit != -1 && rangeType == RANK) {
            throw new CommandEngine.ReplyError(
                    "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        }
        if (withScores && rangeType == LEX) {
            throw new CommandEngine.ReplyError("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        }
        boolean reverse = direction == REVERSE;
        if (reverse && rangeType != RANK) { // the range is given as max, min
            int t = maxIdx;
            maxIdx = minIdx;
            minIdx = t;
        }
        long start = 0;
        long end = 0;
        ZsetStore.ScoreRange scoreRange = null;
        ZsetStore.LexBound[] lexRange = null;
        switch (rangeType) {
            case RANK -> {
                start = parseLong(a.get(minIdx));
                end = parseLong(a.get(maxIdx));
            }
            case SCORE -> scoreRange = ZsetScores.range(a.get(minIdx), a.get(maxIdx));
            default -> lexRange = ZsetScores.lexRange(a.get(minIdx), a.get(maxIdx));
        }
        long z = zset(c, key);
        List<Scored> items;
        if (z == 0) {
            items = List.of();
        } else {
            ZsetStore zs = new ZsetStore(c.ks);
            items = switch (rangeType) {
                case RANK -> byRank(zs, z, start, end, reverse);
                case SCORE -> byScore(zs, z, scoreRange, offset, limit, reverse);
                default -> byLex(zs, z, lexRange[0], lexRange[1], offset, limit, reverse);
            };
        }
        if (store) {
            store(c, a.get(1), items, r);
        } else {
            emit(r, items, withScores);
        }
    }

    private static void emit(Reply r, List<Scored> items, boolean withScores) {
        r.array(withScores ? 2 * items.size() : items.size());
        for (Scored s : items) {
            r.bulk(s.member);
            if (withScores) {
                score(r, s.score);
            }
        }
    }

    /** t_zset.c genericZrangebyrankCommand: negative indexes from the end, clamped. */
    static List<Scored> byRank(ZsetStore zs, long z, long start, long end, boolean reverse) {
        long len = zs.length(z);
        if (start < 0) {
            start = len + start;
        }
        if (end < 0) {
            end = len + end;
        }
        if (start < 0) {
            start = 0;
        }
        List<Scored> out = new ArrayList<>();
        if (start > end || start >= len) {
            return out;
        }
        if (end >= len) {
            end = len - 1;
        }
        long n = zs.byRank(z, reverse ? len - 1 - start : start);
        for (long i = start; i <= end && n != 0; i++) {
            out.add(new Scored(zs.member(n), zs.score(n)));
            n = reverse ? zs.prev(n) : zs.next(n);
        }
        return out;
    }

    /**
     * t_zset.c genericZrangebyscoreCommand: from the first (last) node in range, skip {@code offset} nodes (a
     * negative offset skips them all), then take at most {@code limit} (negative: no limit) while in range.
     */
    static List<Scored> byScore(
            ZsetStore zs, long z, ZsetStore.ScoreRange range, long offset, long limit, boolean reverse) {
        List<Scored> out = new ArrayList<>();
        if (offset > 0 && offset >= zs.length(z)) {
            return out;
        }
        long n = reverse ? zs.lastInRange(z, range) : zs.firstInRange(z, range);
        n = skip(zs, n, offset, reverse);
        for (long taken = 0; n != 0 && (limit < 0 || taken < limit); taken++) {
            double s = zs.score(n);
            if (reverse ? !range.gteMin(s) : !range.lteMax(s)) {
                break;
            }
            out.add(new Scored(zs.member(n), s));
            n = reverse ? zs.prev(n) : zs.next(n);
        }
        return out;
    }

    /** t_zset.c genericZrangebylexCommand, as {@link #byScore} over members. */
    static List<Scored> byLex(
            ZsetStore zs,
            long z,
            ZsetStore.LexBound min,
            ZsetStore.LexBound max,
            long offset,
            long limit,
            boolean reverse) {
        List<Scored> out = new ArrayList<>();
        if (offset > 0 && offset >= zs.length(z)) {
            return out;
        }
        long n = reverse ? zs.lastInLex(z, min, max) : zs.firstInLex(z, min, max);
        n = skip(zs, n, offset, reverse);
        for (long taken = 0; n != 0 && (limit < 0 || taken < limit); taken++) {
            byte[] m = zs.member(n);
            if (reverse ? !ZsetStore.lexGteMin(m, min) : !ZsetStore.lexLteMax(m, max)) {
                break;
            }
            out.add(new Scored(m, zs.score(n)));
            n = reverse ? zs.prev(n) : zs.next(n);
        }
        return out;
    }

    /** Redis's "while (ln && offset--)": a negative offset walks off the end. */
    private static long skip(ZsetStore zs, long n, long offset, boolean reverse) {
        for (long i = 0; n != 0 && (offset < 0 || i < offset); i++) {
            n = reverse ? zs.prev(n) : zs.next(n);
        }
        return n;
    }

    // ------------------------------------------------------------------ removals

    private static void zrem(CommandContext c, List<byte[]> a, Reply r) {
        long z = zset(c, a.get(1));
        long removed = 0;
        if (z != 0) {
            ZsetStore zs = new ZsetStore(c.ks);
            for (int i = 2; i < a.size(); i++) {
                if (zs.remove(z, a.get(i))) {
                    removed++;
                }
            }
            if (zs.length(z) == 0) {
                c.ks.delete(a.get(1));
            }
        }
        c.dirty(removed);
        r.integer(removed);
    }

    /** ZREMRANGEBYRANK/BYSCORE/BYLEX (t_zset.c zremrangeGenericCommand): the range is parsed before the lookup. */
    private static void zremrange(CommandContext c, List<byte[]> a, Reply r, int type) {
        long start = 0, end = 0;
        ZsetStore.ScoreRange range = null;
        ZsetStore.LexBound[] lex = null;
        switch (type) {
            case RANK -> {
                start = parseLong(a.get(2));
                end = parseLong(a.get(3));
            }
            case SCORE -> range = ZsetScores.range(a.get(2), a.get(3));
            default -> lex = ZsetScores.lexRange(a.get(2), a.get(3));
        }
        long z = zset(c, a.get(1));
        if (z == 0) {
            r.integer(0);
            return;
        }
        ZsetStore zs = new ZsetStore(c.ks);
        List<Scored> doomed = switch (type) {
            case RANK -> byRank(zs, z, start, end, false);
            case SCORE -> byScore(zs, z, range, 0, -1, false);
            default -> byLex(zs, z, lex[0], lex[1], 0, -1, false);
        };
        for (Scored s : doomed) {
            zs.remove(z, s.member);
        }
        if (zs.length(z) == 0) {
            c.ks.delete(a.get(1));
        }
        c.dirty(doomed.size());
        r.integer(doomed.size());
    }

    // ------------------------------------------------------------------ pops

    /**
     * The pop core of ZPOPMIN/ZPOPMAX/ZMPOP and of the blocking BZPOPMIN/BZPOPMAX/BZMPOP (t_zset.c
     * genericZpopCommand's loop): removes up to {@code count} (at least 1) lowest (or highest, {@code max})
     * members of the zset at {@code key}, which must exist and be a zset, deletes the key when emptied, counts
     * the changes, and returns what it took in pop order. Propagation is the caller's (see {@link #propagatePop}).
     */
    static List<Scored> pop(CommandContext c, byte[] key, boolean max, long count) {
        long z = c.container(key, TYPE_ZSET);
        ZsetStore zs = new ZsetStore(c.ks);
        List<Scored> out = new ArrayList<>();
        while (out.size() < count && zs.length(z) > 0) {
            long n = max ? zs.last(z) : zs.first(z);
            Scored s = new Scored(zs.member(n), zs.score(n));
            zs.remove(z, s.member);
            out.add(s);
            c.dirty();
        }
        if (zs.length(z) == 0) {
            c.ks.delete(key);
        }
        return out;
    }

    /** What ZMPOP and BZMPOP propagate (t_zset.c genericZpopCommand): ZPOPMIN/ZPOPMAX key count-popped. */
    static void propagatePop(CommandContext c, byte[] key, boolean max, long popped) {
        c.propagate(ascii(max ? "ZPOPMAX" : "ZPOPMIN"), key, ascii(Long.toString(popped)));
    }

    /** ZPOPMIN/ZPOPMAX key [count] (t_zset.c zpopMinMaxCommand): a flat array of member, score pairs. */
    private static void zpop(CommandContext c, List<byte[]> a, Reply r, boolean max) {
        if (a.size() > 3) {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        long count = 1;
        if (a.size() == 3) {
            // object.c getPositiveLongFromObjectOrReply: one error for a non-integer and a negative count
            count = parseLongOr(a.get(2), "ERR value is out of range, must be positive");
            if (count < 0) {
                throw new CommandEngine.ReplyError("ERR value is out of range, must be positive");
            }
        }
        long z = zset(c, a.get(1));
        if (z == 0 || count == 0) {
            r.array(0);
            return;
        }
        List<Scored> popped = pop(c, a.get(1), max, count);
        emit(r, popped, true);
    }

    /** ZMPOP numkeys key... MIN|MAX [COUNT count] (t_zset.c zmpopGenericCommand). */
    private static void zmpop(CommandContext c, List<byte[]> a, Reply r) {
        ZmpopArgs args = parseZmpop(a, 1);
        for (byte[] key : args.keys) {
            if (zset(c, key) != 0) {
                List<Scored> popped = pop(c, key, args.max, args.count);
                propagatePop(c, key, args.max, popped.size());
                replyKeyAndPairs(r, key, popped);
                return;
            }
        }
        r.nullArray();
    }

    /** The reply of ZMPOP and BZMPOP: key, then an array of [member, score] pairs. */
    static void replyKeyAndPairs(Reply r, byte[] key, List<Scored> popped) {
        r.array(2);
        r.bulk(key);
        r.array(popped.size());
        for (Scored s : popped) {
            r.array(2);
            r.bulk(s.member);
            score(r, s.score);
        }
    }

    /** ZMPOP's parsed arguments (keys, MIN or MAX, count). */
    record ZmpopArgs(List<byte[]> keys, boolean max, long count) {}

    /** Parses numkeys key... MIN|MAX [COUNT count] from {@code numkeysIdx} on, with ZMPOP's errors. */
    static ZmpopArgs parseZmpop(List<byte[]> a, int numkeysIdx) {
        long numkeys = parseLongOr(a.get(numkeysIdx), "ERR numkeys should be greater than 0");
        if (numkeys < 1) {
            throw new CommandEngine.ReplyError("ERR numkeys should be greater than 0");
        }
        if (numkeys >= a.size() - numkeysIdx - 1) {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        int whereIdx = numkeysIdx + (int) numkeys + 1;
        boolean max;
        if (isOneOf(a.get(whereIdx), "min")) {
            max = false;
        } else if (isOneOf(a.get(whereIdx), "max")) {
            max = true;
        } else {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        long count = -1;
        for (int j = whereIdx + 1; j < a.size(); j++) {
            int more = a.size() - 1 - j;
            if (count == -1 && isOneOf(a.get(j), "count") && more > 0) {
                j++;
                count = parseLongOr(a.get(j), "ERR count should be greater than 0");
                if (count < 1) {
                    throw new CommandEngine.ReplyError("ERR count should be greater than 0");
                }
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        return new ZmpopArgs(a.subList(numkeysIdx + 1, whereIdx), max, count == -1 ? 1 : count);
    }

    // ------------------------------------------------------------------ ZRANDMEMBER

    /** ZRANDMEMBER key [count [WITHSCORES]] (t_zset.c zrandmemberCommand, zrandmemberWithCountCommand). */
    private static void zrandmember(CommandContext c, List<byte[]> a, Reply r) {
        ZsetStore zs = new ZsetStore(c.ks);
        if (a.size() == 2) {
            long z = zset(c, a.get(1));
            if (z == 0) {
                r.nullBulk();
            } else {
                r.bulk(zs.member(zs.byRank(z, c.random.nextLong(zs.length(z)))));
            }
            return;
        }
        if ((a.size() == 4 && !isOneOf(a.get(3), "withscores")) || a.size() > 4) {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        long l = parseLong(a.get(2));
        if (l == Long.MIN_VALUE) {
            throw new CommandEngine.ReplyError(
                    "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
        }
        boolean withScores = a.size() == 4;
        if (withScores && (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2)) {
            throw new CommandEngine.ReplyError("ERR value is out of range");
        }
        long z = zset(c, a.get(1));
        if (z == 0 || l == 0) {
            r.array(0);
            return;
        }
        long size = zs.length(z);
        List<Scored> out = new ArrayList<>();
        if (l < 0 || l == 1) { // with repetitions, in random order
            long count = Math.abs(l);
            if (count > MAX_RANDOM_REPLY) {
                throw new KeyspaceFullException("ZRANDMEMBER of " + count + " elements: the reply cannot fit");
            }
            for (long i = 0; i < count; i++) {
                long n = zs.byRank(z, c.random.nextLong(size));
                out.add(new Scored(zs.member(n), zs.score(n)));
            }
        } else if (l >= size) { // the whole set
            out = byRank(zs, z, 0, -1, false);
        } else { // distinct members: a partial Fisher-Yates over the ranks
            long[] ranks = new long[(int) size];
            for (int i = 0; i < size; i++) {
                ranks[i] = i;
            }
            for (int i = 0; i < l; i++) {
                int j = i + (int) c.random.nextLong(size - i);
                long t = ranks[i];
                ranks[i] = ranks[j];
                ranks[j] = t;
                long n = zs.byRank(z, ranks[i]);
                out.add(new Scored(zs.member(n), zs.score(n)));
            }
        }
        emit(r, out, withScores);
    }

    // ------------------------------------------------------------------ ZUNION, ZINTER, ZDIFF

    static final int UNION = 0;
    static final int INTER = 1;
    static final int DIFF = 2;

    /** One input of a set operation: a zset or a plain set (every member scoring 1), or nothing. */
    private record Source(int type, long ref, double[] weight) {
        long length(Keyspace ks) {
            if (ref == 0) {
                return 0;
            }
            return type == TYPE_ZSET ? new ZsetStore(ks).length(ref) : ks.dictCount(ref);
        }

        List<Scored> items(Keyspace ks) {
            List<Scored> out = new ArrayList<>();
            if (ref == 0) {
                return out;
            }
            if (type == TYPE_ZSET) {
                ZsetStore zs = new ZsetStore(ks);
                for (long n = zs.first(ref); n != 0; n = zs.next(n)) {
                    out.add(new Scored(zs.member(n), zs.score(n)));
                }
            } else {
                for (byte[] m : ks.dictItems(ref, true, false)) {
                    out.add(new Scored(m, 1.0));
                }
            }
            return out;
        }

        Double find(Keyspace ks, byte[] member) {
            if (ref == 0) {
                return null;
            }
            if (type == TYPE_ZSET) {
                return new ZsetStore(ks).score(ref, member);
            }
            return ks.dictContains(ref, member) ? 1.0 : null;
        }
    }

    /** t_zset.c zunionInterAggregate: a SUM of +inf and -inf is 0. */
    private static double aggregate(double target, double v, String how) {
        return switch (how) {
            case "sum" -> {
                double s = target + v;
                yield Double.isNaN(s) ? 0.0 : s;
            }
            case "min" -> v < target ? v : target;
            default -> v > target ? v : target;
        };
    }

    /** t_zset.c zunionInterDiffGenericCommand: keys are looked up (and type-checked) before options are read. */
    private static void zsetop(
            CommandContext c, List<byte[]> a, Reply r, byte[] dst, int numkeysIdx, int op, boolean cardOnly) {
        long setnum = parseLong(a.get(numkeysIdx));
        String name = str(a.get(0)).toLowerCase(Locale.ROOT);
        if (setnum < 1) {
            throw new CommandEngine.ReplyError("ERR at least 1 input key is needed for '" + name + "' command");
        }
        if (setnum > a.size() - (numkeysIdx + 1)) {
            throw new CommandEngine.ReplyError(SYNTAX);
        }
        Keyspace ks = c.ks;
        List<Source> src = new ArrayList<>();
        int j = numkeysIdx + 1;
        for (int i = 0; i < setnum; i++, j++) {
            long e = ks.find(a.get(j));
            if (e == 0) {
                src.add(new Source(0, 0, new double[] {1.0}));
            } else if (ks.type(e) != TYPE_ZSET && ks.type(e) != TYPE_SET) {
                throw new CommandEngine.ReplyError(WRONGTYPE);
            } else {
                src.add(new Source(ks.type(e), ks.valueRef(e), new double[] {1.0}));
            }
        }
        String agg = "sum";
        boolean withScores = false;
        long limit = 0;
        int remaining = a.size() - j;
        while (remaining > 0) {
            byte[] opt = a.get(j);
            if (op != DIFF && !cardOnly && remaining >= setnum + 1 && isOneOf(opt, "weights")) {
                j++;
                remaining--;
                for (int i = 0; i < setnum; i++, j++, remaining--) {
                    Double w = ZsetScores.parseScore(a.get(j));
                    if (w == null) {
                        throw new CommandEngine.ReplyError("ERR weight value is not a float");
                    }
                    src.get(i).weight[0] = w;
                }
            } else if (op != DIFF && !cardOnly && remaining >= 2 && isOneOf(opt, "aggregate")) {
                j++;
                remaining--;
                byte[] how = a.get(j);
                if (isOneOf(how, "sum", "min", "max")) {
                    agg = str(how).toLowerCase(Locale.ROOT);
                } else {
                    throw new CommandEngine.ReplyError(SYNTAX);
                }
                j++;
                remaining--;
            } else if (dst == null && !cardOnly && isOneOf(opt, "withscores")) {
                j++;
                remaining--;
                withScores = true;
            } else if (cardOnly && remaining >= 2 && isOneOf(opt, "limit")) {
                j++;
                remaining--;
                limit = parseLongOr(a.get(j), "ERR LIMIT can't be negative");
                if (limit < 0) {
                    throw new CommandEngine.ReplyError("ERR LIMIT can't be negative");
                }
                j++;
                remaining--;
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        // smallest input first, as Redis's qsort by cardinality (glibc's is a stable merge sort)
        List<Source> sorted = new ArrayList<>(src);
        if (op != DIFF) {
            sorted.sort(Comparator.comparingLong(s -> s.length(ks)));
        }
        Map<ByteKey, Double> result = new LinkedHashMap<>();
        long cardinality = 0;
        if (op == INTER) {
            Source first = sorted.get(0);
            if (first.length(ks) > 0) {
                for (Scored s : first.items(ks)) {
                    double score = first.weight[0] * s.score;
                    if (Double.isNaN(score)) {
                        score = 0;
                    }
                    int k = 1;
                    for (; k < sorted.size(); k++) {
                        Source other = sorted.get(k);
                        Double v = other.ref == first.ref ? (Double) s.score : other.find(ks, s.member);
                        if (v == null) {
                            break;
                        }
                        score = aggregate(score, v * other.weight[0], agg);
                    }
                    if (k == sorted.size()) {
                        if (cardOnly) {
                            cardinality++;
                            if (limit != 0 && cardinality >= limit) {
                                break;
                            }
                        } else {
                            result.put(new ByteKey(s.member), score);
                        }
                    }
                }
            }
        } else if (op == UNION) {
            for (Source source : sorted) {
                for (Scored s : source.items(ks)) {
                    double score = source.weight[0] * s.score;
                    if (Double.isNaN(score)) {
                        score = 0;
                    }
                    ByteKey k = new ByteKey(s.member);
                    Double old = result.get(k);
                    result.put(k, old == null ? score : aggregate(old, score, agg));
                }
            }
        } else {
            Source first = sorted.get(0);
            for (Scored s : first.items(ks)) {
                boolean elsewhere = false;
                for (int k = 1; k < sorted.size() && !elsewhere; k++) {
                    elsewhere = sorted.get(k).find(ks, s.member) != null;
                }
                if (!elsewhere) {
                    result.put(new ByteKey(s.member), s.score);
                }
            }
        }
        if (cardOnly) {
            r.integer(cardinality);
            return;
        }
        List<Scored> items = new ArrayList<>();
        result.forEach((k, v) -> items.add(new Scored(k.bytes, v)));
        items.sort(SortedSetCommands::compare);
        if (dst != null) {
            store(c, dst, items, r);
        } else {
            emit(r, items, withScores);
        }
    }

    /** The skiplist's order: score (as C compares doubles), then member bytes. */
    static int compare(Scored x, Scored y) {
        if (x.score < y.score) {
            return -1;
        }
        if (x.score > y.score) {
            return 1;
        }
        return Arrays.compareUnsigned(x.member, y.member);
    }

    /** Member bytes as a map key. */
    private record ByteKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    // ------------------------------------------------------------------ ZSCAN

    /**
     * ZSCAN key cursor [MATCH pattern] [COUNT count] (db.c scanGenericCommand): a listpack-encoded zset answers
     * everything in order with cursor 0, as Redis does; a skiplist-encoded one is walked by the member dict's
     * reverse-binary cursor (another order than Redis's hash, every member still returned).
     */
    private static void zscan(CommandContext c, List<byte[]> a, Reply r) {
        long cursor = RedisNumbers.parseCursor(a.get(2));
        long z = zset(c, a.get(1));
        if (z == 0) {
            r.array(2);
            r.bulk("0");
            r.array(0);
            return;
        }
        long count = 10;
        byte[] pattern = null;
        for (int i = 3; i < a.size(); ) {
            int left = a.size() - i;
            if (isOneOf(a.get(i), "count") && left >= 2) {
                count = parseLong(a.get(i + 1));
                if (count < 1) {
                    throw new CommandEngine.ReplyError(SYNTAX);
                }
                i += 2;
            } else if (isOneOf(a.get(i), "match") && left >= 2) {
                byte[] p = a.get(i + 1);
                pattern = p.length == 1 && p[0] == '*' ? null : p;
                i += 2;
            } else {
                throw new CommandEngine.ReplyError(SYNTAX);
            }
        }
        ZsetStore zs = new ZsetStore(c.ks);
        List<Scored> found = new ArrayList<>();
        if (!zs.skiplistEncoded(z)) {
            found = byRank(zs, z, 0, -1, false);
            cursor = 0;
        } else {
            long maxSteps = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
            List<Scored> got = found;
            do {
                cursor = zs.scanStep(z, cursor, n -> got.add(new Scored(zs.member(n), zs.score(n))));
            } while (cursor != 0 && maxSteps-- > 0 && 2L * got.size() < count);
        }
        List<byte[]> out = new ArrayList<>();
        for (Scored s : found) {
            if (pattern == null || Glob.matches(pattern, s.member)) {
                out.add(s.member);
                // a listpack holds util.c d2string's text; the skiplist scan callback writes ld2string's "%.17Lg"
                out.add(zs.skiplistEncoded(z) ? ZsetScores.formatBytes(s.score) : ZsetScores.d2string(s.score));
            }
        }
        r.array(2);
        r.bulk(ascii(Long.toUnsignedString(cursor)));
        r.bulks(out);
    }
}

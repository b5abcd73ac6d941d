package io.teemate.kv.enclave;

import io.teemate.enclave.memory.CowSpace;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A sorted set laid out in the {@link Keyspace}'s space, as Redis's OBJ_ENCODING_SKIPLIST (t_zset.c): a dict from
 * member to its skiplist node (O(1) ZSCORE) and a skiplist ordered by (score, member bytes) whose links carry span
 * counts (O(log N) ZRANK and rank ranges, zslGetRank / zslGetElementByRank).
 *
 * <h2>Layout (offsets into the space, little-endian longs)</h2>
 * <pre>
 * zset:  dict ref | header node | tail node | length | level | encoding (0 = listpack, 1 = skiplist)
 * node:  score (double bits) | backward | level | member length | level x (forward, span) | member bytes
 * </pre>
 * The dict's entries hold their node as value ref, so the dict frees the nodes with the entries; the header node
 * (level 32, no member) and the zset block are freed here. "encoding" is only the encoding Redis 7.0 would be
 * using for the same history (listpack while at most 128 members of at most 64 bytes, t_zset.c zsetAdd's
 * conversion, never back except for a freshly stored result): ZSCAN and the RDB type depend on it.
 * <p>Scores are compared as C doubles (-0 == 0), never NaN. Node levels come from the keyspace's seeded hash of the
 * member (p = 1/4 per level, as zslRandomLevel), so no state is needed and a client cannot choose them.
 */
final class ZsetStore {
    static final int MAX_LEVEL = 32;

    private static final long Z_DICT = 0;
    private static final long Z_HEAD = 8;
    private static final long Z_TAIL = 16;
    private static final long Z_LEN = 24;
    private static final long Z_LEVEL = 32;
    private static final long Z_ENC = 40;
    private static final int Z_SIZE = 48;

    private static final long N_SCORE = 0;
    private static final long N_BACK = 8;
    private static final long N_LEVEL = 16;
    private static final long N_MLEN = 24;
    private static final long N_LEVELS = 32;

    private final Keyspace ks;
    private final CowSpace space;

    ZsetStore(Keyspace ks) {
        this.ks = ks;
        this.space = ks.space();
    }

    // ------------------------------------------------------------------ lifecycle

    /** A new empty zset (listpack-encoded as Redis's createZsetListpackObject unless {@code skiplist}). */
    long create(boolean skiplist) {
        long d = ks.newDict();
        long head;
        long z;
        try {
            head = ks.alloc(N_LEVELS + 16L * MAX_LEVEL);
        } catch (KeyspaceFullException full) {
            ks.freeDict(d);
            throw full;
        }
        try {
            z = ks.alloc(Z_SIZE);
        } catch (KeyspaceFullException full) {
            ks.freeDict(d);
            ks.free(head);
            throw full;
        }
        space.write(head, new byte[(int) (N_LEVELS + 16L * MAX_LEVEL)]);
        space.writeLong(head + N_LEVEL, MAX_LEVEL);
        space.writeLong(z + Z_DICT, d);
        space.writeLong(z + Z_HEAD, head);
        space.writeLong(z + Z_TAIL, 0);
        space.writeLong(z + Z_LEN, 0);
        space.writeLong(z + Z_LEVEL, 1);
        space.writeLong(z + Z_ENC, skiplist ? 1 : 0);
        return z;
    }

    /** Frees the zset: the dict frees entries and nodes, then the header node and the zset block. */
    void free(long z) {
        ks.freeDict(space.readLong(z + Z_DICT));
        ks.free(space.readLong(z + Z_HEAD));
        ks.free(z);
    }

    long length(long z) {
        return space.readLong(z + Z_LEN);
    }

    boolean skiplistEncoded(long z) {
        return space.readLong(z + Z_ENC) != 0;
    }

    void setSkiplistEncoded(long z, boolean on) {
        space.writeLong(z + Z_ENC, on ? 1 : 0);
    }

    /**
     * As t_zset.c zsetAdd before inserting a new member: past zset-max-listpack-entries members or a member over
     * zset-max-listpack-value bytes, skiplist.
     */
    private void convertIfNeeded(long z, int memberLength) {
        if (!ks.encodings().zsetFitsListpack(length(z) + 1, memberLength)) {
            setSkiplistEncoded(z, true);
        }
    }

    // ------------------------------------------------------------------ nodes

    double score(long node) {
        return Double.longBitsToDouble(space.readLong(node + N_SCORE));
    }

    byte[] member(long node) {
        int lvl = (int) space.readLong(node + N_LEVEL);
        return space.read(node + N_LEVELS + 16L * lvl, (int) space.readLong(node + N_MLEN));
    }

    private long forward(long node, int i) {
        return space.readLong(node + N_LEVELS + 16L * i);
    }

    private long span(long node, int i) {
        return space.readLong(node + N_LEVELS + 16L * i + 8);
    }

    private void setForward(long node, int i, long to) {
        space.writeLong(node + N_LEVELS + 16L * i, to);
    }

    private void setSpan(long node, int i, long s) {
        space.writeLong(node + N_LEVELS + 16L * i + 8, s);
    }

    /** The first node (lowest), 0 if empty. */
    long first(long z) {
        return forward(space.readLong(z + Z_HEAD), 0);
    }

    /** The last node (highest), 0 if empty. */
    long last(long z) {
        return space.readLong(z + Z_TAIL);
    }

    long next(long node) {
        return forward(node, 0);
    }

    long prev(long node) {
        return space.readLong(node + N_BACK);
    }

    /** The node of {@code member}, 0 if absent. */
    long node(long z, byte[] member) {
        long e = ks.dictEntry(space.readLong(z + Z_DICT), member);
        return e == 0 ? 0 : ks.valueRef(e);
    }

    /** The score of {@code member}, null if absent. */
    Double score(long z, byte[] member) {
        long n = node(z, member);
        return n == 0 ? null : score(n);
    }

    /** (node's score, node's member) compared with (score, member), as zslInsert's ordering; node != header. */
    private int compare(long node, double score, byte[] member) {
        double s = score(node);
        if (s < score) {
            return -1;
        }
        if (s > score) {
            return 1;
        }
        return Arrays.compareUnsigned(member(node), member);
    }

    /**
     * A listpack keeps a score as the text util.c d2string writes, and lpAppend stores "-0" as the integer 0: a
     * listpack-encoded zset never holds -0 (a skiplist keeps it).
     */
    private double listpackScore(long z, double score) {
        return score == 0 && !skiplistEncoded(z) ? 0.0 : score;
    }

    private int randomLevel(byte[] member) {
        long h = ks.hash(member) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        int level = 1;
        while ((h & 3) == 0 && level < MAX_LEVEL) { // p = 1/4, as ZSKIPLIST_P
            level++;
            h >>>= 2;
        }
        return level;
    }

    // ------------------------------------------------------------------ insert, delete, update

    /** Adds {@code member} (absent) with {@code score} (not NaN), converting the encoding as Redis would. */
    void insert(long z, double score, byte[] member) {
        convertIfNeeded(z, member.length);
        score = listpackScore(z, score);
        long d = space.readLong(z + Z_DICT);
        long e = ks.dictAdd(d, member);
        long n;
        try {
            n = slInsert(z, score, member);
        } catch (KeyspaceFullException full) {
            ks.dictRemove(d, member);
            throw full;
        }
        ks.setEntryValue(e, n);
    }

    /** t_zset.c zslInsert: links a new node for (score, member); returns it. */
    private long slInsert(long z, double score, byte[] member) {
        long head = space.readLong(z + Z_HEAD);
        int level = (int) space.readLong(z + Z_LEVEL);
        long[] update = new long[MAX_LEVEL];
        long[] rank = new long[MAX_LEVEL];
        int lvl = randomLevel(member);
        long n = ks.alloc(N_LEVELS + 16L * lvl + member.length);
        long x = head;
        for (int i = level - 1; i >= 0; i--) {
            rank[i] = i == level - 1 ? 0 : rank[i + 1];
            for (long f = forward(x, i); f != 0 && compare(f, score, member) < 0; f = forward(x, i)) {
                rank[i] += span(x, i);
                x = f;
            }
            update[i] = x;
        }
        long len = length(z);
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rank[i] = 0;
                update[i] = head;
                setSpan(head, i, len);
            }
            space.writeLong(z + Z_LEVEL, lvl);
            level = lvl;
        }
        space.writeLong(n + N_SCORE, Double.doubleToRawLongBits(score));
        space.writeLong(n + N_LEVEL, lvl);
        space.writeLong(n + N_MLEN, member.length);
        space.write(n + N_LEVELS + 16L * lvl, member);
        for (int i = 0; i < lvl; i++) {
            setForward(n, i, forward(update[i], i));
            setForward(update[i], i, n);
            setSpan(n, i, span(update[i], i) - (rank[0] - rank[i]));
            setSpan(update[i], i, rank[0] - rank[i] + 1);
        }
        for (int i = lvl; i < level; i++) {
            setSpan(update[i], i, span(update[i], i) + 1);
        }
        space.writeLong(n + N_BACK, update[0] == head ? 0 : update[0]);
        long f0 = forward(n, 0);
        if (f0 != 0) {
            space.writeLong(f0 + N_BACK, n);
        } else {
            space.writeLong(z + Z_TAIL, n);
        }
        space.writeLong(z + Z_LEN, len + 1);
        return n;
    }

    /** Removes {@code member}; true if it was there. */
    boolean remove(long z, byte[] member) {
        long n = node(z, member);
        if (n == 0) {
            return false;
        }
        slUnlink(z, n);
        ks.dictRemove(space.readLong(z + Z_DICT), member); // frees the node too
        return true;
    }

    /** Sets the score of {@code member} (present), moving its node (t_zset.c zslUpdateScore's effect). */
    void update(long z, byte[] member, double score) {
        score = listpackScore(z, score);
        long n = node(z, member);
        double old = score(n);
        long p = prev(n);
        long f = next(n);
        // still in place: only the score changes (the member keeps its rank)
        if ((p == 0 || compareNodes(p, score, member) < 0) && (f == 0 || compareNodes(f, score, member) > 0)) {
            space.writeLong(n + N_SCORE, Double.doubleToRawLongBits(score));
            return;
        }
        long e = ks.dictEntry(space.readLong(z + Z_DICT), member);
        slUnlink(z, n);
        ks.free(n);
        long fresh;
        try {
            fresh = slInsert(z, score, member);
        } catch (KeyspaceFullException full) {
            // cannot happen in practice (the freed block is reused), but never leave a dangling entry
            ks.setEntryValue(e, slInsert(z, old, member));
            throw full;
        }
        ks.setEntryValue(e, fresh);
    }

    private int compareNodes(long node, double score, byte[] member) {
        return compare(node, score, member);
    }

    /** t_zset.c zslDelete + zslDeleteNode: unlinks node {@code n} (not freed). */
    private void slUnlink(long z, long n) {
        long head = space.readLong(z + Z_HEAD);
        int level = (int) space.readLong(z + Z_LEVEL);
        double score = score(n);
        byte[] member = member(n);
        long[] update = new long[MAX_LEVEL];
        long x = head;
        for (int i = level - 1; i >= 0; i--) {
            for (long f = forward(x, i); f != 0 && f != n && compare(f, score, member) < 0; f = forward(x, i)) {
                x = f;
            }
            update[i] = x;
        }
        for (int i = 0; i < level; i++) {
            if (forward(update[i], i) == n) {
                setSpan(update[i], i, span(update[i], i) + span(n, i) - 1);
                setForward(update[i], i, forward(n, i));
            } else {
                setSpan(update[i], i, span(update[i], i) - 1);
            }
        }
        long f0 = forward(n, 0);
        if (f0 != 0) {
            space.writeLong(f0 + N_BACK, prev(n));
        } else {
            space.writeLong(z + Z_TAIL, prev(n));
        }
        while (level > 1 && forward(head, level - 1) == 0) {
            level--;
        }
        space.writeLong(z + Z_LEVEL, level);
        space.writeLong(z + Z_LEN, length(z) - 1);
    }

    // ------------------------------------------------------------------ ranks

    /** The 0-based rank of {@code member} (t_zset.c zslGetRank), -1 if absent. */
    long rank(long z, byte[] member) {
        long n = node(z, member);
        if (n == 0) {
            return -1;
        }
        double score = score(n);
        long head = space.readLong(z + Z_HEAD);
        long x = head;
        long rank = 0;
        for (int i = (int) space.readLong(z + Z_LEVEL) - 1; i >= 0; i--) {
            for (long f = forward(x, i); f != 0 && compare(f, score, member) <= 0; f = forward(x, i)) {
                rank += span(x, i);
                x = f;
            }
            if (x == n) {
                return rank - 1;
            }
        }
        throw new IllegalStateException("corrupt sorted set: a member of the dict is not in the skiplist");
    }

    /** The node of 0-based {@code rank} in [0, length) (t_zset.c zslGetElementByRank). */
    long byRank(long z, long rank) {
        long target = rank + 1;
        long x = space.readLong(z + Z_HEAD);
        long traversed = 0;
        for (int i = (int) space.readLong(z + Z_LEVEL) - 1; i >= 0; i--) {
            for (long f = forward(x, i); f != 0 && traversed + span(x, i) <= target; f = forward(x, i)) {
                traversed += span(x, i);
                x = f;
            }
            if (traversed == target) {
                return x;
            }
        }
        throw new IllegalStateException("rank " + rank + " out of range");
    }

    // ------------------------------------------------------------------ score and lex ranges

    /** A score range (t_zset.c zrangespec). */
    record ScoreRange(double min, double max, boolean minex, boolean maxex) {
        boolean gteMin(double v) {
            return minex ? v > min : v >= min;
        }

        boolean lteMax(double v) {
            return maxex ? v < max : v <= max;
        }

        boolean empty() {
            return min > max || (min == max && (minex || maxex));
        }
    }

    /**
     * A lex range bound (t_zset.c zlexrangespec item): {@code inf} -1 is "-" (below everything), +1 is "+" (above
     * everything), 0 a member value.
     */
    record LexBound(byte[] value, int inf, boolean exclusive) {}

    /** t_zset.c sdscmplex: the bounds "-" and "+" compare below and above every member. */
    static int cmpLex(byte[] v, int vInf, byte[] w, int wInf) {
        if (vInf == wInf && vInf != 0) {
            return 0;
        }
        if (vInf < 0 || wInf > 0) {
            return -1;
        }
        if (vInf > 0 || wInf < 0) {
            return 1;
        }
        return Arrays.compareUnsigned(v, w);
    }

    static boolean lexGteMin(byte[] v, LexBound min) {
        int c = cmpLex(v, 0, min.value, min.inf);
        return min.exclusive ? c > 0 : c >= 0;
    }

    static boolean lexLteMax(byte[] v, LexBound max) {
        int c = cmpLex(v, 0, max.value, max.inf);
        return max.exclusive ? c < 0 : c <= 0;
    }

    static boolean lexEmpty(LexBound min, LexBound max) {
        int c = cmpLex(min.value, min.inf, max.value, max.inf);
        return c > 0 || (c == 0 && (min.exclusive || max.exclusive));
    }

    /** The first node in {@code r} (t_zset.c zslFirstInRange), 0 if none. */
    long firstInRange(long z, ScoreRange r) {
        if (r.empty() || length(z) == 0 || !r.gteMin(score(last(z))) || !r.lteMax(score(first(z)))) {
            return 0;
        }
        long x = space.readLong(z + Z_HEAD);
        for (int i = (int) space.readLong(z + Z_LEVEL) - 1; i >= 0; i--) {
            for (long f = forward(x, i); f != 0 && !r.gteMin(score(f)); f = forward(x, i)) {
                x = f;
            }
        }
        x = forward(x, 0);
        return x != 0 && r.lteMax(score(x)) ? x : 0;
    }

    /** The last node in {@code r} (t_zset.c zslLastInRange), 0 if none. */
    long lastInRange(long z, ScoreRange r) {
        if (r.empty() || length(z) == 0 || !r.gteMin(score(last(z))) || !r.lteMax(score(first(z)))) {
            return 0;
        }
        long x = space.readLong(z + Z_HEAD);
        for (int i = (int) space.readLong(z + Z_LEVEL) - 1; i >= 0; i--) {
            for (long f = forward(x, i); f != 0 && r.lteMax(score(f)); f = forward(x, i)) {
                x = f;
            }
        }
        return x != space.readLong(z + Z_HEAD) && r.gteMin(score(x)) ? x : 0;
    }

    /** The first node in the lex range (t_zset.c zslFirstInLexRange), 0 if none. */
    long firstInLex(long z, LexBound min, LexBound max) {
        if (lexEmpty(min, max)
                || length(z) == 0
                || !lexGteMin(member(last(z)), min)
                || !lexLteMax(member(first(z)), max)) {
            return 0;
        }
        if (!skiplistEncoded(z)) { // t_zset.c zzlFirstInLexRange walks the listpack from its head
            for (long x = first(z); x != 0; x = next(x)) {
                if (lexGteMin(member(x), min)) {
                    return lexLteMax(member(x), max) ? x : 0;
                }
            }
            return 0;
        }
        long x = space.readLong(z + Z_HEAD);
        for (int i = (int) space.readLong(z + Z_LEVEL) - 1; i >= 0; i--) {
            for (long f = forward(x, i); f != 0 && !lexGteMin(member(f), min); f = forward(x, i)) {
                x = f;
            }
        }
        x = forward(x, 0);
        return x != 0 && lexLteMax(member(x), max) ? x : 0;
    }

    /** The last node in the lex range (t_zset.c zslLastInLexRange), 0 if none. */
    long lastInLex(long z, LexBound min, LexBound max) {
        if (lexEmpty(min, max)
                || length(z) == 0
                || !lexGteMin(member(last(z)), min)
                || !lexLteMax(member(first(z)), max)) {
            return 0;
        }
        if (!skiplistEncoded(z)) { // t_zset.c zzlLastInLexRange walks the listpack from its tail
            for (long x = last(z); x != 0; x = prev(x)) {
                if (lexLteMax(member(x), max)) {
                    return lexGteMin(member(x), min) ? x : 0;
                }
            }
            return 0;
        }
        long x = space.readLong(z + Z_HEAD);
        for (int i = (int) space.readLong(z + Z_LEVEL) - 1; i >= 0; i--) {
            for (long f = forward(x, i); f != 0 && lexLteMax(member(f), max); f = forward(x, i)) {
                x = f;
            }
        }
        return x != space.readLong(z + Z_HEAD) && lexGteMin(member(x), min) ? x : 0;
    }

    // ------------------------------------------------------------------ scan

    /** One step of a dict scan over the members (ZSCAN of a skiplist-encoded zset); visits member nodes. */
    long scanStep(long z, long cursor, LongConsumer visitNode) {
        return ks.dictScanStep(space.readLong(z + Z_DICT), cursor, e -> visitNode.accept(ks.valueRef(e)));
    }
}

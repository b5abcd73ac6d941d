package io.teemate.kv.enclave;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import static io.teemate.kv.enclave.CommandEngine.MAX_STRING;
import static io.teemate.kv.enclave.CommandEngine.NOT_INTEGER;
import static io.teemate.kv.enclave.CommandEngine.OVERFLOW;
import static io.teemate.kv.enclave.CommandEngine.WRONGTYPE;

/**
 * What every command handler works with: the keyspace, the engine's random source, the typed accessors of the
 * keyspace that several data types share (Redis's lookupKeyRead/Write + checkType, setKey, dbDelete of an emptied
 * collection), the argument helpers (object.c getLongLongFromObjectOrReply and friends), and propagation.
 *
 * <h2>Propagation (what the append-only file records)</h2>
 * As Redis's call() does: a handler counts the changes it made with {@link #dirty(long)} (Redis's server.dirty:
 * MSET of 2 keys is 2, a write that changed nothing is 0), and a command flagged
 * {@link CommandSpec.Flag#WRITE} that made changes is propagated. By default it is propagated as it came (its argv);
 * a handler whose effect depends on the clock, on randomness or on floating-point formatting calls
 * {@link #propagate} with the deterministic command to record instead (Redis's rewriteClientCommandVector), so
 * that replaying the file gives the same dataset at any later time. {@link #forcePropagation} propagates a
 * command that changed nothing (Redis's forceCommandPropagation, FLUSHALL on an empty database). A key deleted by
 * lazy expiry while a command runs is propagated as {@code DEL key}, before the command (db.c
 * deleteExpiredKeyAndPropagate, which counts no change); so is a key the active expiry cycle deletes
 * ({@link ActiveExpiry}).
 * <p>Databases: a propagated command belongs to the database it ran in (the key's, for a lazy-expiry DEL). As
 * Redis's feedAppendOnlyFile does, a {@code SELECT n} is queued before a command whose database differs from the
 * one of the command queued before it ({@link #resetPropagatedDb}: database 0 at the start of every incremental
 * AOF file, where the replay starts in database 0).
 * <p>The rewriting rules of the commands that exist now (each cites what Redis 7.0 does):
 * <ul>
 * <li>SET with EX, PX or EXAT: {@code SET key value PXAT <absolute ms>} (t_string.c setGenericCommand); any GET
 *     is left out, NX/XX too (the write happened); SET with PXAT or KEEPTTL: as is, less GET.</li>
 * <li>GETSET: {@code SET key value} (t_string.c getsetCommand: "Propagate as SET command").</li>
 * <li>GETDEL: {@code DEL key} (t_string.c getdelCommand).</li>
 * <li>INCRBYFLOAT: {@code SET key <result> KEEPTTL} (t_string.c incrbyfloatCommand: float formatting must not make
 *     a replay differ).</li>
 * <li>EXPIRE, PEXPIRE, EXPIREAT: {@code PEXPIREAT key <absolute ms>}; PEXPIREAT too, always without NX/XX/GT/LT
 *     (their condition held when it ran, and the replay's dataset is the same); a deadline already past deletes
 *     the key and is propagated as {@code DEL key} (expire.c expireGenericCommand).</li>
 * <li>GETEX with EX, PX, EXAT or PXAT: {@code PEXPIREAT key <absolute ms>}, or {@code DEL key} if an EXAT/PXAT
 *     deadline has passed; GETEX PERSIST: {@code PERSIST key} if it removed a deadline (t_string.c getexCommand).</li>
 * <li>PFCOUNT of one key, a READONLY command, is propagated as is when it computed and stored the cardinality in
 *     the value's header ({@link CommandSpec.Flag#MAY_REPLICATE}, hyperloglog.c pfcountCommand). SETBIT, BITFIELD
 *     and BITOP count a change only if a bit changed or the key was created, grown or deleted (bitops.c), PFMERGE
 *     always; all are propagated as is.</li>
 * <li>SPOP: {@code SREM key member} per member taken, or {@code DEL key} when a count took the whole set
 *     (t_set.c spopCommand, spopWithCountCommand; Redis wraps several SREMs in MULTI/EXEC, here they are logged
 *     one after the other, as {@link #alsoPropagate} does).</li>
 * <li>LMPOP: {@code LPOP|RPOP key n} with the number popped (t_list.c mpopGenericCommand).</li>
 * <li>HINCRBYFLOAT: {@code HSET key field <result>} (t_hash.c hincrbyfloatCommand).</li>
 * <li>Everything else as is: SETNX, MSET, INCR, DECR, INCRBY, DECRBY, APPEND, SETRANGE, DEL, UNLINK, PERSIST,
 *     RENAME, RENAMENX, MOVE, SWAPDB, FLUSHDB, FLUSHALL (always, even on an empty database), HSET, HMSET, HSETNX, HDEL, HINCRBY,
 *     LPUSH, RPUSH, LPOP, RPOP, LSET, LREM, LTRIM, SADD, SREM, LPUSHX, RPUSHX, LINSERT, LMOVE, RPOPLPUSH, SMOVE,
 *     SINTERSTORE, SUNIONSTORE, SDIFFSTORE, COPY, SORT ... STORE (a set sorted by nothing into STORE is sorted
 *     ALPHA, so it is deterministic too): their effect depends on their arguments and the dataset only. None of
 *     them is random: a command with a random effect (SPOP) propagates what it did.</li>
 * <li>RESTORE with a TTL and without ABSTTL: the same RESTORE with the absolute deadline in milliseconds and
 *     {@code ABSTTL} appended; a deadline already past creates nothing, and is propagated as {@code DEL key} only if
 *     REPLACE deleted a key (cluster.c restoreCommand); RESTORE without a TTL or with ABSTTL as it came.</li>
 * <li>ZMPOP (and BZMPOP): {@code ZPOPMIN|ZPOPMAX key <popped count>} (t_zset.c genericZpopCommand); every other
 *     sorted set write as it came (ZADD with INCR too: Redis 7.0's AOF holds it so), a *STORE whose empty result
 *     deleted the destination included ({@link SortedSetCommands}).</li>
 * </ul>
 */
final class CommandContext {
    final Keyspace ks;
    final SplittableRandom random;

    /** Changes the running command made (its share of Redis's server.dirty). */
    private long dirty;
    /** What the running command propagates instead of its argv; null: its argv as it came. */
    private List<byte[]> rewritten;
    /** The running command is propagated even if it changed nothing. */
    private boolean forced;
    /** Commands propagated since {@link #takePropagated}, in order. */
    private final List<List<byte[]>> propagated = new java.util.ArrayList<>();
    /** Every change counted since the engine was made (Redis's server.dirty). */
    private long dirtyTotal;
    /** The database the queued commands are in (Redis's server.aof_selected_db). */
    private int propagatedDb;
    /** The database the running command started in (its client's). */
    private int commandDb;
    /** WATCH's state: which clients watch which keys, and whose were touched ({@link WatchedKeys}). */
    final WatchedKeys watched = new WatchedKeys();
    /** Keys deleted because their deadline passed, lazily or by active expiry (Redis's stat_expiredkeys). */
    long expiredKeys;
    /** Commands run inside EXEC: a blocking command answers as on a timeout (Redis's CLIENT_DENY_BLOCKING). */
    boolean denyBlocking;
    /**
     * While a blocked client's command runs again ({@link ClientOps}' {@code \0woken}): the key that may have been
     * filled, the only one it may pop from (see {@link #readyContainer}); null otherwise.
     */
    byte[] readyKey;

    CommandContext(Keyspace ks, SplittableRandom random) {
        this.ks = Objects.requireNonNull(ks, "ks");
        this.random = Objects.requireNonNull(random, "random");
        ks.onLazyExpire(key -> {
            expiredKeys++; // server.stat_expiredkeys, counted by deleteExpiredKeyAndPropagate
            queue(ks.selected(), List.of(ascii("DEL"), key));
            watched.touch(key, ks); // db.c deleteExpiredKeyAndPropagate: signalModifiedKey
        });
    }

    // ------------------------------------------------------------------ propagation

    /** Counts {@code changes} more changes made by the running command (Redis's {@code server.dirty += n}). */
    void dirty(long changes) {
        dirty += changes;
    }

    /** Counts one change made by the running command ({@code server.dirty++}). */
    void dirty() {
        dirty++;
    }

    /** The running command propagates {@code argv} instead of its own (Redis's rewriteClientCommandVector). */
    void propagate(byte[]... argv) {
        rewritten = List.of(argv);
    }

    /** As {@link #propagate(byte[]...)}. */
    void propagate(List<byte[]> argv) {
        rewritten = List.copyOf(argv);
    }

    /**
     * Propagates {@code argv} now, before whatever the running command itself propagates (Redis's alsoPropagate):
     * SPOP with a count logs one SREM per member taken (t_set.c spopWithCountCommand).
     */
    void alsoPropagate(List<byte[]> argv) {
        queue(commandDb, List.copyOf(argv));
    }

    /** The running command is propagated even if it changed nothing (Redis's forceCommandPropagation). */
    void forcePropagation() {
        forced = true;
    }

    /** Called by the engine before a command runs. */
    void beginCommand() {
        commandDb = ks.selected();
        dirty = 0;
        rewritten = null;
        forced = false;
    }

    /**
     * Called by the engine after a command ran (whatever its reply): counts its changes and, if it is a write that
     * changed something (or forced propagation), queues what it propagates.
     */
    void endCommand(CommandSpec spec, List<byte[]> argv) {
        if (spec != null && spec.has(CommandSpec.Flag.WRITE) && dirty > 0 && !ks.readOnly()) {
            noteEncodings(spec, argv);
        }
        dirtyTotal += dirty;
        if (spec != null
                && (spec.has(CommandSpec.Flag.WRITE) || spec.has(CommandSpec.Flag.MAY_REPLICATE))
                && (dirty > 0 || forced)) {
            queue(commandDb, rewritten != null ? rewritten : List.copyOf(argv));
        }
        dirty = 0;
        rewritten = null;
        forced = false;
    }

    /**
     * Lets {@link Encodings} record the one-way conversions of the collections a write changed (its key arguments,
     * by the spec's first key, last key and step), so that no data-type file has to.
     */
    private void noteEncodings(CommandSpec spec, List<byte[]> argv) {
        if (spec.firstKey() <= 0) {
            return;
        }
        int last = spec.lastKey() < 0 ? argv.size() + spec.lastKey() : spec.lastKey();
        int step = Math.max(1, spec.step());
        for (int i = spec.firstKey(); i <= last && i < argv.size(); i += step) {
            ks.encodings().afterWrite(ks, argv.get(i));
        }
    }

    /** Queues {@code argv}, run in database {@code db}, after a SELECT if the queue was in another database. */
    private void queue(int db, List<byte[]> argv) {
        if (db != propagatedDb) {
            propagated.add(List.of(ascii("SELECT"), ascii(Integer.toString(db))));
            propagatedDb = db;
        }
        propagated.add(argv);
    }

    /** The queue's commands are in database 0 again: a new incremental AOF file starts (its replay does so). */
    void resetPropagatedDb() {
        propagatedDb = 0;
    }

    /** Every change counted since the engine was made. */
    long dirtyTotal() {
        return dirtyTotal;
    }

    /** The commands propagated since the last call, in order; clears them. */
    List<List<byte[]>> takePropagated() {
        if (propagated.isEmpty()) {
            return List.of();
        }
        List<List<byte[]>> out = List.copyOf(propagated);
        propagated.clear();
        return out;
    }

    // ------------------------------------------------------------------ strings

    /** The entry of string {@code key}, 0 if absent; WRONGTYPE if it holds another type. */
    long stringEntry(byte[] key) {
        long e = ks.find(key);
        if (e != 0 && ks.type(e) != Keyspace.TYPE_STRING) {
            throw new CommandEngine.ReplyError(WRONGTYPE);
        }
        return e;
    }

    byte[] getString(byte[] key) {
        long e = stringEntry(key);
        return e == 0 ? null : ks.readBlob(ks.valueRef(e));
    }

    /**
     * Stores string {@code v} at {@code key}, replacing any value of any type. The deadline becomes
     * {@code expireAt} (0 = none) unless {@code keepTtl}.
     */
    void putString(byte[] key, byte[] v, long expireAt, boolean keepTtl) {
        long e = ks.find(key);
        long blob = ks.newBlob(v);
        if (e == 0) {
            try {
                e = ks.insert(key, Keyspace.TYPE_STRING, blob);
            } catch (KeyspaceFullException full) {
                ks.free(blob);
                throw full;
            }
        } else {
            ks.freeValue(ks.type(e), ks.valueRef(e));
            ks.setValue(e, Keyspace.TYPE_STRING, blob);
        }
        if (!keepTtl) {
            ks.setExpireAt(e, expireAt);
        }
    }

    /**
     * Redis's checkStringLength (t_string.c): a string of {@code size} bytes plus {@code append} more must stay
     * within proto-max-bulk-len. Both are non-negative; written so that no sum can overflow.
     */
    static void checkStringLength(long size, long append) {
        if (size > MAX_STRING || append > MAX_STRING - size) {
            throw new CommandEngine.ReplyError("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        }
    }

    /**
     * Answers OOM before a value of {@code bytes} is built on the enclave's heap if the keyspace's space could never
     * hold it: a client-chosen length (SETRANGE's offset) must not make the engine allocate up to 512 MiB first.
     */
    void checkRoom(long bytes) {
        if (bytes > ks.space().sizeBytes()) {
            throw new KeyspaceFullException("a value of " + bytes + " bytes cannot fit the keyspace's space of "
                    + ks.space().sizeBytes() + " bytes");
        }
    }

    // ------------------------------------------------------------------ containers

    /** The value ref of {@code key} if it holds {@code type}, 0 if absent; WRONGTYPE otherwise. */
    long container(byte[] key, int type) {
        long e = ks.find(key);
        if (e == 0) {
            return 0;
        }
        if (ks.type(e) != type) {
            throw new CommandEngine.ReplyError(WRONGTYPE);
        }
        return ks.valueRef(e);
    }

    /**
     * A blocking pop's look-up of a key it may pop from: {@link #container}, except for a woken client
     * ({@link #readyKey} set), for which only the ready key, and only holding {@code type}, is there (else 0).
     * blocked.c handleClientsBlockedOnKeys serves each ready key's waiters from that key, and only through the
     * function of the key's own type (serveClientsBlockedOnListKey for a list ...): a BLPOP waiting on a key that
     * became a zset stays blocked; only a command's first run answers WRONGTYPE.
     */
    long readyContainer(byte[] key, int type) {
        if (readyKey != null) {
            if (!java.util.Arrays.equals(key, readyKey)) {
                return 0;
            }
            long e = ks.find(key);
            if (e != 0 && ks.type(e) != type) {
                return 0;
            }
        }
        return container(key, type);
    }

    /** Like {@link #container} but creates an empty one if the key is absent. */
    long containerForWrite(byte[] key, int type) {
        long ref = container(key, type);
        if (ref != 0) {
            return ref;
        }
        ref = type == Keyspace.TYPE_LIST ? ks.newList() : ks.newDict();
        ks.insert(key, type, ref);
        return ref;
    }

    /** Deletes {@code key} if it holds an empty list, hash or set (no such key may exist in Redis). */
    void dropIfEmpty(byte[] key) {
        long e = ks.find(key);
        if (e == 0) {
            return;
        }
        long ref = ks.valueRef(e);
        boolean empty = switch (ks.type(e)) {
            case Keyspace.TYPE_LIST -> ks.listLength(ref) == 0;
            case Keyspace.TYPE_HASH, Keyspace.TYPE_SET -> ks.dictCount(ref) == 0;
            case Keyspace.TYPE_ZSET -> new ZsetStore(ks).length(ref) == 0;
            default -> false;
        };
        if (empty) {
            ks.delete(key);
        }
    }

    // ------------------------------------------------------------------ hashes and sets (both dicts)

    /** HDEL/SREM key member...: removes argv[2..] from the dict of {@code type}; deletes the emptied key. */
    int dictRemoveAll(List<byte[]> a, int type) {
        long d = container(a.get(1), type);
        int removed = 0;
        if (d != 0) {
            for (int i = 2; i < a.size(); i++) {
                if (ks.dictRemove(d, a.get(i))) {
                    removed++;
                    dirty();
                }
            }
            if (ks.dictCount(d) == 0) {
                ks.delete(a.get(1));
            }
        }
        return removed;
    }

    /** HLEN/SCARD: the dict's size, 0 if absent. */
    long dictCount(byte[] key, int type) {
        long d = container(key, type);
        return d == 0 ? 0 : ks.dictCount(d);
    }

    /** HEXISTS/SISMEMBER: 1 if the dict holds {@code member}, else 0. */
    int dictContains(byte[] key, int type, byte[] member) {
        long d = container(key, type);
        return d != 0 && ks.dictContains(d, member) ? 1 : 0;
    }

    /** HGETALL/HKEYS/HVALS/SMEMBERS: the dict's keys and/or values, empty if absent. */
    List<byte[]> dictItems(byte[] key, int type, boolean keys, boolean values) {
        long d = container(key, type);
        return d == 0 ? List.of() : ks.dictItems(d, keys, values);
    }

    // ------------------------------------------------------------------ arguments

    static long parseLong(byte[] b) {
        Long v = RedisNumbers.parseLong(b);
        if (v == null) {
            throw new CommandEngine.ReplyError(NOT_INTEGER);
        }
        return v;
    }

    /** v + by, or Redis's overflow error (t_string.c incrDecrCommand, t_hash.c hincrbyCommand). */
    static long addOrOverflow(long v, long by) {
        try {
            return Math.addExact(v, by);
        } catch (ArithmeticException e) {
            throw new CommandEngine.ReplyError(OVERFLOW);
        }
    }

    static boolean isOneOf(byte[] b, String... options) {
        String s = str(b);
        for (String o : options) {
            if (o.equalsIgnoreCase(s)) {
                return true;
            }
        }
        return false;
    }

    static byte[] concat(byte[] x, byte[] y) {
        byte[] out = new byte[x.length + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

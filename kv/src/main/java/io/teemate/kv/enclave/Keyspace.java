package io.teemate.kv.enclave;

import io.teemate.enclave.memory.CowSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The whole dataset of the database, laid out inside ONE {@link CowSpace}, so that a {@link CowSpace#fork()} is a
 * consistent snapshot of every key (the paper's copy-on-write BGSAVE: the forked child reads the dataset as it was
 * at the fork while the parent keeps writing, and only pages the parent touches get copied).
 * <p>Every byte of keys, values and bookkeeping is in the space; the only Java state is what a real implementation
 * keeps in registers (the space, the clock, the hash seed read from the header), so {@link #attach} rebuilds a
 * view of any space this class formatted, in particular of a fork.
 *
 * <h2>Layout (all offsets into the space, little-endian longs, offset 0 = null)</h2>
 * <pre>
 * header @0:   magic | bump | seed | db table ref | databases | (unused 16) | free list heads[NUM_CLASSES]
 * header @448: AOF position: lineage (16 bytes, all zero = none) | next record sequence number; written only
 *              when a conventional fork checkpoints the space ({@link #writeAofPosition}), so that the position
 *              reaches the child inside the sealed checkpoint
 * db table:    per database (Redis's server.db[]): key dict (count, capacity, buckets) | keys with a deadline;
 *              a database's dict gets its buckets at its first key (capacity 0 = none), so {@code databases} empty
 *              databases cost 32 bytes each
 * block:       class (8) | payload (2^class - 8); freed payloads hold the next free block in their first 8 bytes
 * blob:        length (8) | bytes
 * dict:        count | capacity (power of two) | buckets ref; chained entries, rehashed to 2x at load 1
 * dict entry:  next | hash | value ref | type word | expire-at ms (0 = none) | key length | key bytes
 * type word:   bits 0-7 the value type | bits 8-15 the encoding flags {@link Encodings} keeps (Redis's robj
 *              encoding, one-way conversions) | bits 16-39 the access time or LFU counter {@link AccessTracking}
 *              keeps (Redis's 24-bit robj lru field)
 * list:        head | tail | count; node: prev | next | length | bytes
 * </pre>
 * Values: a string is a blob; a hash is a dict whose entries' value refs are blobs; a set is a dict of keys only;
 * a list is a doubly linked list of nodes; a sorted set is a member dict plus a skiplist ({@link ZsetStore}).
 * The allocator is a bump pointer with power-of-two size classes and a
 * free list per class; freeing a block of two pages or more also releases its whole pages back to the enclave heap
 * ({@link CowSpace#free}).
 * <p>Expiry is lazy (Redis's expireIfNeeded): a key whose deadline has passed is deleted when next looked up
 * (a read-only view of a fork only hides it), and the listener set with {@link #onLazyExpire} hears of it (the
 * engine propagates it to the append-only file as a DEL, as Redis 7's deleteExpiredKeyAndPropagate does). While
 * {@link #loading} (an append-only file being replayed, Redis's server.loading) nothing expires: a key whose
 * deadline passed since it was logged stays until the replay ends, so that later logged commands on it replay as
 * they ran.
 * <p>Databases: the keyspace holds a fixed number of numbered databases (Redis's {@code databases}, set at
 * {@link #create}), all in the same space, so one fork snapshots all of them. A view works on one database at a
 * time, its selected one ({@link #select}; 0 at first): every key method (find, insert, delete, size, forEach,
 * scan, flush...) is about that database, as Redis's commands are about their client's {@code c->db}.
 * <p>Not thread-safe: one enclave thread at a time uses a view; a fork is a separate view.
 */
public final class Keyspace {
    public static final int TYPE_NONE = 0;
    public static final int TYPE_STRING = 1;
    public static final int TYPE_LIST = 2;
    public static final int TYPE_HASH = 3;
    public static final int TYPE_SET = 4;
    /** A sorted set: a member dict plus a skiplist, both in the space (layout in {@link ZsetStore}). */
    public static final int TYPE_ZSET = 5;

    /** "TmKVsp02" little-endian (02: numbered databases). */
    static final long MAGIC = 0x3230_7073_564B_6D54L;

    private static final long H_MAGIC = 0;
    private static final long H_BUMP = 8;
    private static final long H_SEED = 16;
    /** The db table: one {@link #DB_RECORD} per database. */
    private static final long H_DBS = 24;
    /** How many databases the table holds (fixed when the keyspace is made). */
    private static final long H_NDB = 32;
    /** A database in the table: its key dict, then how many keys have a deadline (Redis's expires dict size). */
    private static final int DB_RECORD = 32;

    private static final long DB_EXPIRES = 24;
    /** Redis's CONFIG databases upper bound (config.c: INT_MAX). */
    public static final int MAX_DATABASES = Integer.MAX_VALUE;

    private static final long H_FREE = 64;
    private static final int NUM_CLASSES = 48;
    /** The AOF position (lineage, next sequence number) a conventional fork carries in the checkpoint. */
    private static final long H_AOF = H_FREE + 8L * NUM_CLASSES;

    private static final long HEAP_START = 4096;
    private static final int MIN_CLASS = 4; // 16-byte blocks
    /** Blocks this large give their whole pages back to the enclave heap when freed. */
    private static final int RELEASE_CLASS = 13;

    // dict header
    private static final long D_COUNT = 0;
    private static final long D_CAP = 8;
    private static final long D_BUCKETS = 16;
    private static final int DICT_HEADER = 24;
    // dict entry
    private static final long E_NEXT = 0;
    private static final long E_HASH = 8;
    private static final long E_VAL = 16;
    private static final long E_TYPE = 24;
    private static final long E_EXP = 32;
    private static final long E_KLEN = 40;
    private static final long E_KEY = 48;
    // list header / node
    private static final long L_HEAD = 0;
    private static final long L_TAIL = 8;
    private static final long L_COUNT = 16;
    private static final long N_PREV = 0;
    private static final long N_NEXT = 8;
    private static final long N_LEN = 16;
    private static final long N_BYTES = 24;

    private final CowSpace space;
    private final LongSupplier nowMillis;
    private final boolean readOnly;
    private final long seed;
    private final int databases;
    /** The selected database and its record in the db table (its dict, its count of deadlines). */
    private int db;

    private long cur;
    /** Redis's server.loading: while an append-only file replays, no key expires. */
    private boolean loading;
    /** Keeps the access time or LFU counter of every key (Redis's maxmemory-policy decides which). */
    private final AccessTracking access = new AccessTracking();
    /** Decides values' encodings (OBJECT ENCODING, DUMP), with Redis's thresholds. */
    private final Encodings encodings = new Encodings();
    /** Hears of every key deleted because its deadline passed (lazy expiry); null: nobody listens. */
    private java.util.function.Consumer<byte[]> lazyExpire;

    private Keyspace(CowSpace space, LongSupplier nowMillis, boolean readOnly) {
        this.space = Objects.requireNonNull(space, "space");
        this.nowMillis = Objects.requireNonNull(nowMillis, "nowMillis");
        this.readOnly = readOnly;
        if (space.readLong(H_MAGIC) != MAGIC) {
            throw new IllegalArgumentException(
                    "the space holds no keyspace (bad magic 0x" + Long.toHexString(space.readLong(H_MAGIC)) + ")");
        }
        this.seed = space.readLong(H_SEED);
        long n = space.readLong(H_NDB);
        long table = space.readLong(H_DBS);
        if (n < 1 || n > MAX_DATABASES || table < HEAP_START || table > space.sizeBytes() - DB_RECORD * n) {
            throw new IllegalArgumentException(
                    "the space holds a corrupt keyspace (" + n + " databases at " + table + ")");
        }
        this.databases = (int) n;
        this.cur = table;
    }

    /** Formats an empty keyspace with 16 databases (Redis's default) in {@code space}; see the other create. */
    public static Keyspace create(CowSpace space, LongSupplier nowMillis, long hashSeed) {
        return create(space, nowMillis, hashSeed, 16);
    }

    /**
     * Formats an empty keyspace of {@code databases} databases in {@code space} (which must be all zeros, e.g. new)
     * and returns a writable view, database 0 selected.
     *
     * @throws KeyspaceFullException if the space cannot hold the db table
     */
    public static Keyspace create(CowSpace space, LongSupplier nowMillis, long hashSeed, int databases) {
        if (databases < 1) {
            throw new IllegalArgumentException("a keyspace holds at least one database, not " + databases);
        }
        if (space.sizeBytes() < 2 * HEAP_START) {
            throw new IllegalArgumentException(
                    "a keyspace needs a space of at least " + 2 * HEAP_START + " bytes, got " + space.sizeBytes());
        }
        if (space.readLong(H_MAGIC) != 0) {
            throw new IllegalArgumentException("the space is not empty: it already holds data at offset 0");
        }
        space.writeLong(H_BUMP, HEAP_START);
        space.writeLong(H_SEED, hashSeed);
        long table = bumpTable(space, (long) DB_RECORD * databases);
        space.writeLong(H_DBS, table);
        space.writeLong(H_NDB, databases);
        space.writeLong(H_MAGIC, MAGIC);
        return new Keyspace(space, nowMillis, false);
    }

    /** A writable view of a keyspace already formatted in {@code space}. */
    public static Keyspace open(CowSpace space, LongSupplier nowMillis) {
        return new Keyspace(space, nowMillis, false);
    }

    /**
     * A read-only view of the keyspace in {@code space}, typically a {@link CowSpace#fork()} of a live one: it reads
     * exactly the dataset at the fork. Keys whose deadline passed read as absent but are not deleted.
     */
    public static Keyspace attach(CowSpace space, LongSupplier nowMillis) {
        return new Keyspace(space, nowMillis, true);
    }

    /**
     * The db table, taken from the bump pointer of a new space (all zeros, so every database starts empty with no
     * buckets), never freed.
     */
    private static long bumpTable(CowSpace space, long bytes) {
        long at = space.readLong(H_BUMP);
        long end = (at + bytes + 15) & ~15L;
        if (bytes > space.sizeBytes() || end > space.sizeBytes()) {
            throw new KeyspaceFullException("the keyspace is full: " + bytes / DB_RECORD + " databases need " + bytes
                    + " bytes of a space of " + space.sizeBytes());
        }
        space.writeLong(H_BUMP, end);
        return at;
    }

    public CowSpace space() {
        return space;
    }

    /** How many databases the keyspace holds (Redis's {@code databases}). */
    public int databases() {
        return databases;
    }

    /** The selected database: the one every key method works on. */
    public int selected() {
        return db;
    }

    /**
     * Selects database {@code index} for every later key method of this view (Redis's selectDb).
     *
     * @throws IllegalArgumentException if there is no such database (callers check first and answer the error)
     */
    public void select(int index) {
        if (index < 0 || index >= databases) {
            throw new IllegalArgumentException("no database " + index + " (the keyspace holds " + databases + ")");
        }
        this.db = index;
        this.cur = space.readLong(H_DBS) + (long) DB_RECORD * index;
    }

    /** The record of database {@code index} in the db table. */
    private long dbRecord(int index) {
        if (index < 0 || index >= databases) {
            throw new IllegalArgumentException("no database " + index + " (the keyspace holds " + databases + ")");
        }
        return space.readLong(H_DBS) + (long) DB_RECORD * index;
    }

    /** Keys in database {@code index}, expired ones not yet deleted included (its DBSIZE). */
    public long size(int index) {
        return space.readLong(dbRecord(index) + D_COUNT);
    }

    /** Keys with a deadline in database {@code index} (its INFO keyspace "expires"). */
    public long expiresCount(int index) {
        return space.readLong(dbRecord(index) + DB_EXPIRES);
    }

    /** Keys in every database (what a load reports). */
    public long totalSize() {
        long n = 0;
        for (int i = 0; i < databases; i++) {
            n += size(i);
        }
        return n;
    }

    /** Keys with a deadline in every database. */
    public long totalExpires() {
        long n = 0;
        for (int i = 0; i < databases; i++) {
            n += expiresCount(i);
        }
        return n;
    }

    /**
     * Swaps the contents of databases {@code a} and {@code b} (Redis's dbSwapDatabases): a view with either
     * selected then sees the other's keys.
     */
    public void swap(int a, int b) {
        requireWritable();
        long ra = dbRecord(a);
        long rb = dbRecord(b);
        if (ra != rb) {
            byte[] x = space.read(ra, DB_RECORD);
            space.write(ra, space.read(rb, DB_RECORD));
            space.write(rb, x);
        }
    }

    /** Deletes every key of every database (FLUSHALL); the selected database stays selected. */
    public void flushAll() {
        requireWritable();
        int was = db;
        for (int i = 0; i < databases; i++) {
            if (size(i) > 0 || space.readLong(dbRecord(i) + D_CAP) != 0) {
                select(i);
                flush();
            }
        }
        select(was);
    }

    public boolean readOnly() {
        return readOnly;
    }

    public long now() {
        return nowMillis.getAsLong();
    }

    // ------------------------------------------------------------------ top-level keys

    /**
     * The entry of {@code key}, or 0 if absent or expired (deleting it then, unless read-only); a found key's access
     * time (or LFU counter) is updated, as db.c lookupKey does.
     */
    public long find(byte[] key) {
        long e = findNoTouch(key);
        if (e != 0 && !readOnly) {
            access.touched(this, e);
        }
        return e;
    }

    /** The entry of {@code key} whether its deadline passed or not, nothing deleted or touched; 0 if absent. */
    long lookupRaw(byte[] key) {
        return dictFind(cur, key, hash(key));
    }

    /** As {@link #find} without updating the access time (db.c LOOKUP_NOTOUCH: TYPE, TTL, EXISTS, OBJECT). */
    public long findNoTouch(byte[] key) {
        long e = dictFind(cur, key, hash(key));
        if (e != 0 && isExpired(e)) {
            if (!readOnly) {
                expire(key);
            }
            return 0;
        }
        return e;
    }

    /**
     * The entry of {@code key} even if its deadline passed, deleting nothing (Redis's dictFind on db->dict, as
     * multi.c's keyIsExpired and touchAllWatchedKeysInDb look keys up); 0 if absent.
     */
    long findIncludingExpired(byte[] key) {
        return dictFind(cur, key, hash(key));
    }

    boolean isExpired(long e) {
        return deadlinePassed(space.readLong(e + E_EXP));
    }

    /** True if deadline {@code at} (unix ms, 0 = none) has passed, which it never has while {@link #loading}. */
    boolean deadlinePassed(long at) {
        return at != 0 && !loading && at <= nowMillis.getAsLong();
    }

    /** Deletes entry {@code e} if its deadline passed (as a lookup would); true if it did. */
    boolean expireIfPast(long e) {
        if (readOnly || !isExpired(e)) {
            return false;
        }
        expire(key(e));
        return true;
    }

    /** Deletes {@code key}, whose deadline passed, and tells the lazy-expiry listener. */
    private void expire(byte[] key) {
        delete(key);
        if (lazyExpire != null) {
            lazyExpire.accept(key);
        }
    }

    /** Sets who hears of keys deleted by lazy expiry (the engine, to propagate a DEL); null for nobody. */
    void onLazyExpire(java.util.function.Consumer<byte[]> listener) {
        this.lazyExpire = listener;
    }

    /** Redis's server.loading: true while an append-only file replays into this keyspace, so nothing expires. */
    void loading(boolean on) {
        this.loading = on;
    }

    boolean loading() {
        return loading;
    }

    /**
     * Writes the AOF position into the space's header, so that a copy of the space (a conventional fork's
     * checkpoint) carries it: {@code lineage} (16 bytes, or null for none) and the next record's sequence number.
     */
    void writeAofPosition(byte[] lineage, long nextSeq) {
        requireWritable();
        byte[] l = lineage == null ? new byte[16] : lineage;
        if (l.length != 16) {
            throw new IllegalArgumentException("an AOF lineage is 16 bytes, not " + l.length);
        }
        space.write(H_AOF, l);
        space.writeLong(H_AOF + 16, nextSeq);
    }

    /** The AOF lineage {@link #writeAofPosition} left in the header, null if none. */
    byte[] aofLineage() {
        byte[] l = space.read(H_AOF, 16);
        for (byte b : l) {
            if (b != 0) {
                return l;
            }
        }
        return null;
    }

    /** The next record's sequence number {@link #writeAofPosition} left in the header. */
    long aofNextSeq() {
        return space.readLong(H_AOF + 16);
    }

    /**
     * As {@link #insert}, for a value the caller has just built: if the key's entry does not fit (a full space), the
     * value is freed before the {@link KeyspaceFullException} goes on, so nothing leaks.
     */
    long insertOrFree(byte[] key, int type, long valueRef) {
        try {
            return insert(key, type, valueRef);
        } catch (KeyspaceFullException full) {
            freeValue(type, valueRef);
            throw full;
        }
    }

    /** Adds {@code key} (which must be absent) with a value of {@code type}; returns its entry. */
    public long insert(byte[] key, int type, long valueRef) {
        requireWritable();
        long e = dictInsert(cur, key, hash(key));
        space.writeLong(e + E_TYPE, typeWord(type, 0, access.newObject(now())));
        space.writeLong(e + E_VAL, valueRef);
        return e;
    }

    /** Removes {@code key} and frees its value; true if it existed (expired keys count as existing here). */
    public boolean delete(byte[] key) {
        requireWritable();
        long e = dictUnlink(cur, key, hash(key));
        if (e == 0) {
            return false;
        }
        forgetDeadline(e);
        freeValue(type(e), space.readLong(e + E_VAL));
        free(e);
        return true;
    }

    /** Removes the entry of {@code key} without freeing its value, which the caller takes over; true if it existed. */
    boolean unlinkKeepValue(byte[] key) {
        requireWritable();
        long e = dictUnlink(cur, key, hash(key));
        if (e != 0) {
            forgetDeadline(e);
            free(e);
        }
        return e != 0;
    }

    public int type(long e) {
        return (int) (space.readLong(e + E_TYPE) & 0xFF);
    }

    public long valueRef(long e) {
        return space.readLong(e + E_VAL);
    }

    /** Replaces the value of entry {@code e}: a new object, so its encoding flags and access time start afresh. */
    void setValue(long e, int type, long ref) {
        requireWritable();
        space.writeLong(e + E_TYPE, typeWord(type, 0, access.newObject(now())));
        space.writeLong(e + E_VAL, ref);
    }

    private static long typeWord(int type, int encodingFlags, int lru) {
        return (type & 0xFFL) | (encodingFlags & 0xFFL) << 8 | (lru & 0xFF_FFFFL) << 16;
    }

    /** The encoding flags of entry {@code e} ({@link Encodings}' one-way conversions). */
    int encodingFlags(long e) {
        return (int) (space.readLong(e + E_TYPE) >>> 8 & 0xFF);
    }

    void setEncodingFlags(long e, int flags) {
        long w = space.readLong(e + E_TYPE);
        long nw = (w & ~0xFF00L) | (flags & 0xFFL) << 8;
        if (nw != w) {
            requireWritable();
            space.writeLong(e + E_TYPE, nw);
        }
    }

    /** The 24-bit access time or LFU counter of entry {@code e} (Redis's robj lru). */
    int lru(long e) {
        return (int) (space.readLong(e + E_TYPE) >>> 16 & 0xFF_FFFFL);
    }

    /** Sets the 24-bit lru field; writes nothing if it holds that already (a read touches no page in vain). */
    void setLru(long e, int lru) {
        long w = space.readLong(e + E_TYPE);
        long nw = (w & ~(0xFF_FFFFL << 16)) | (lru & 0xFF_FFFFL) << 16;
        if (nw != w) {
            requireWritable();
            space.writeLong(e + E_TYPE, nw);
        }
    }

    /** The whole type word of {@code e} (type, encoding flags, lru): what RENAME and COPY carry to the new entry. */
    long typeWord(long e) {
        return space.readLong(e + E_TYPE);
    }

    void setTypeWord(long e, long word) {
        requireWritable();
        space.writeLong(e + E_TYPE, word);
    }

    /** The encoding rules and thresholds of this keyspace. */
    Encodings encodings() {
        return encodings;
    }

    /** The access tracking (policy, clock) of this keyspace. */
    AccessTracking access() {
        return access;
    }

    /** Expiry deadline in unix ms, or 0 for none. */
    public long expireAt(long e) {
        return space.readLong(e + E_EXP);
    }

    public void setExpireAt(long e, long atMillis) {
        requireWritable();
        long before = space.readLong(e + E_EXP);
        if ((before == 0) != (atMillis == 0)) {
            space.writeLong(cur + DB_EXPIRES, space.readLong(cur + DB_EXPIRES) + (atMillis == 0 ? -1 : 1));
        }
        space.writeLong(e + E_EXP, atMillis);
    }

    /**
     * Keys with a deadline in the selected database, expired ones not yet deleted included (Redis's INFO keyspace
     * "expires").
     */
    public long expiresCount() {
        return space.readLong(cur + DB_EXPIRES);
    }

    /** A top-level entry leaves the keyspace: its deadline no longer counts. */
    private void forgetDeadline(long e) {
        if (space.readLong(e + E_EXP) != 0) {
            space.writeLong(cur + DB_EXPIRES, space.readLong(cur + DB_EXPIRES) - 1);
        }
    }

    public byte[] key(long e) {
        int len = (int) space.readLong(e + E_KLEN);
        return space.read(e + E_KEY, len);
    }

    /** Number of keys, including expired ones not yet deleted (as Redis's DBSIZE). */
    public long size() {
        return space.readLong(cur + D_COUNT);
    }

    /** Deletes every key of the selected database (FLUSHDB); it has no buckets until its next key. */
    public void flush() {
        requireWritable();
        dictFree(cur, true);
        space.writeLong(cur + D_CAP, 0);
        space.writeLong(cur + D_BUCKETS, 0);
        space.writeLong(cur + DB_EXPIRES, 0);
    }

    /** Calls {@code visit} for every entry, expired ones not yet deleted included. The visitor must not modify it. */
    void forEachIncludingExpired(LongConsumer visit) {
        dictForEach(cur, visit);
    }

    /** Calls {@code visit} for every live (unexpired) entry. The visitor must not modify the keyspace. */
    public void forEach(LongConsumer visit) {
        dictForEach(cur, e -> {
            if (!isExpired(e)) {
                visit.accept(e);
            }
        });
    }

    /**
     * One step of Redis's SCAN over the key table: visits bucket {@code cursor} (every entry there, expired ones
     * included; the caller filters) and returns the next cursor, 0 when done. Uses Redis's reverse-binary cursor, so
     * a key present for the whole scan is returned at least once even if the table grows in between.
     */
    public long scanStep(long cursor, LongConsumer visit) {
        return dictScan(cur, cursor, visit);
    }

    /** A random live entry, or 0 if there is none. */
    public long randomEntry(java.util.random.RandomGenerator random) {
        for (int tries = 0; tries < 100 && size() > 0; tries++) {
            long cap = space.readLong(cur + D_CAP);
            long buckets = space.readLong(cur + D_BUCKETS);
            if (cap == 0) {
                break;
            }
            long e = 0;
            for (int i = 0; i < 4 * cap && e == 0; i++) {
                e = space.readLong(buckets + 8 * random.nextLong(cap));
            }
            if (e == 0) {
                break;
            }
            int chain = 0;
            for (long x = e; x != 0; x = space.readLong(x + E_NEXT)) {
                chain++;
            }
            int pick = random.nextInt(chain);
            while (pick-- > 0) {
                e = space.readLong(e + E_NEXT);
            }
            if (!isExpired(e)) {
                return e;
            }
            if (!readOnly) {
                expire(key(e));
            }
        }
        // Fall back to a full walk (tiny or mostly expired tables).
        long[] found = {0};
        forEach(x -> {
            if (found[0] == 0) {
                found[0] = x;
            }
        });
        return found[0];
    }

    // ------------------------------------------------------------------ strings (blobs)

    public long newBlob(byte[] bytes) {
        requireWritable();
        long p = alloc(8L + bytes.length);
        space.writeLong(p, bytes.length);
        space.write(p + 8, bytes);
        return p;
    }

    public byte[] readBlob(long p) {
        int len = (int) space.readLong(p);
        return space.read(p + 8, len);
    }

    public long blobLength(long p) {
        return space.readLong(p);
    }

    // ------------------------------------------------------------------ hashes and sets (nested dicts)

    long newDict() {
        requireWritable();
        long d = alloc(DICT_HEADER);
        dictInit(d, 4);
        return d;
    }

    public long dictCount(long d) {
        return space.readLong(d + D_COUNT);
    }

    /** The value blob of {@code field} in hash {@code d}, or null. */
    public byte[] hashGet(long d, byte[] field) {
        long e = dictFind(d, field, hash(field));
        return e == 0 ? null : readBlob(space.readLong(e + E_VAL));
    }

    /** Sets {@code field}; true if it is new. */
    boolean hashPut(long d, byte[] field, byte[] value) {
        long h = hash(field);
        long e = dictFind(d, field, h);
        long blob = newBlob(value);
        if (e == 0) {
            try {
                e = dictInsert(d, field, h);
            } catch (KeyspaceFullException full) {
                free(blob);
                throw full;
            }
            space.writeLong(e + E_VAL, blob);
            return true;
        }
        free(space.readLong(e + E_VAL));
        space.writeLong(e + E_VAL, blob);
        return false;
    }

    /** Removes {@code field} (hash or set member); true if it was there. */
    boolean dictRemove(long d, byte[] field) {
        long e = dictUnlink(d, field, hash(field));
        if (e == 0) {
            return false;
        }
        long v = space.readLong(e + E_VAL);
        if (v != 0) {
            free(v);
        }
        free(e);
        return true;
    }

    public boolean dictContains(long d, byte[] field) {
        return dictFind(d, field, hash(field)) != 0;
    }

    /** Adds set member {@code m}; true if new. */
    boolean setAdd(long d, byte[] m) {
        long h = hash(m);
        if (dictFind(d, m, h) != 0) {
            return false;
        }
        dictInsert(d, m, h);
        return true;
    }

    /** Calls {@code visit} with every field (set member) of {@code d}; the visitor must not modify it. */
    void dictForEachKey(long d, java.util.function.Consumer<byte[]> visit) {
        dictForEach(d, e -> visit.accept(key(e)));
    }

    /** The length of the longest field or value of {@code d} (Redis's listpack limits), without reading them. */
    long dictLongestItem(long d) {
        long[] max = {0};
        dictForEach(d, e -> {
            max[0] = Math.max(max[0], space.readLong(e + E_KLEN));
            long v = space.readLong(e + E_VAL);
            if (v != 0) {
                max[0] = Math.max(max[0], blobLength(v));
            }
        });
        return max[0];
    }

    /** The value of hash entry {@code e} (an entry of a nested dict; its field is {@link #key}). */
    byte[] dictEntryValue(long e) {
        return readBlob(space.readLong(e + E_VAL));
    }

    /**
     * A uniformly random entry of nested dict {@code d} (not empty): a random bucket among the non-empty ones, then
     * a random entry of its chain, rejecting by chain length so that every entry is equally likely (dict.c
     * dictGetFairRandomKey's aim).
     */
    long dictRandomEntry(long d, java.util.random.RandomGenerator random) {
        long cap = space.readLong(d + D_CAP);
        long buckets = space.readLong(d + D_BUCKETS);
        if (dictCount(d) == 0) {
            throw new IllegalStateException("no random entry of an empty dict");
        }
        if (cap > 64 * dictCount(d)) {
            // a sparse table (dicts here never shrink): walk to a random index instead of probing empty buckets
            long[] left = {random.nextLong(dictCount(d))};
            long[] found = {0};
            dictForEach(d, x -> {
                if (left[0]-- == 0) {
                    found[0] = x;
                }
            });
            return found[0];
        }
        while (true) {
            long e = space.readLong(buckets + 8 * random.nextLong(cap));
            if (e == 0) {
                continue;
            }
            int chain = 0;
            for (long x = e; x != 0; x = space.readLong(x + E_NEXT)) {
                chain++;
            }
            // pick slot i of a chain of MAX_CHAIN; an empty slot retries (uniform over entries)
            int pick = random.nextInt(Math.max(chain, 8));
            if (pick >= chain) {
                continue;
            }
            while (pick-- > 0) {
                e = space.readLong(e + E_NEXT);
            }
            return e;
        }
    }

    /** Every entry of nested dict {@code d}. The visitor must not modify it. */
    void dictScanAll(long d, LongConsumer visit) {
        dictForEach(d, visit);
    }

    /** One SSCAN/HSCAN step over nested dict {@code d}: as {@link #scanStep}, Redis's reverse-binary cursor. */
    long dictScanStep(long d, long cursor, LongConsumer visit) {
        return dictScan(d, cursor, visit);
    }

    /** The fields (or set members) of {@code d}, and for hashes the values after each field when {@code withValues}. */
    public List<byte[]> dictItems(long d, boolean keys, boolean values) {
        List<byte[]> out = new ArrayList<>();
        dictForEach(d, e -> {
            if (keys) {
                out.add(key(e));
            }
            if (values) {
                out.add(readBlob(space.readLong(e + E_VAL)));
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ lists

    long newList() {
        requireWritable();
        long l = alloc(24);
        space.writeLong(l + L_HEAD, 0);
        space.writeLong(l + L_TAIL, 0);
        space.writeLong(l + L_COUNT, 0);
        return l;
    }

    public long listLength(long l) {
        return space.readLong(l + L_COUNT);
    }

    void listPush(long l, boolean left, byte[] v) {
        long n = alloc(N_BYTES + v.length);
        space.writeLong(n + N_LEN, v.length);
        space.write(n + N_BYTES, v);
        if (left) {
            long head = space.readLong(l + L_HEAD);
            space.writeLong(n + N_PREV, 0);
            space.writeLong(n + N_NEXT, head);
            if (head != 0) {
                space.writeLong(head + N_PREV, n);
            } else {
                space.writeLong(l + L_TAIL, n);
            }
            space.writeLong(l + L_HEAD, n);
        } else {
            long tail = space.readLong(l + L_TAIL);
            space.writeLong(n + N_NEXT, 0);
            space.writeLong(n + N_PREV, tail);
            if (tail != 0) {
                space.writeLong(tail + N_NEXT, n);
            } else {
                space.writeLong(l + L_HEAD, n);
            }
            space.writeLong(l + L_TAIL, n);
        }
        space.writeLong(l + L_COUNT, listLength(l) + 1);
    }

    /** Removes and returns the head (or tail) element, or null if the list is empty. */
    byte[] listPop(long l, boolean left) {
        long n = space.readLong(l + (left ? L_HEAD : L_TAIL));
        if (n == 0) {
            return null;
        }
        byte[] v = nodeValue(n);
        listUnlink(l, n);
        return v;
    }

    private void listUnlink(long l, long n) {
        long prev = space.readLong(n + N_PREV);
        long next = space.readLong(n + N_NEXT);
        if (prev != 0) {
            space.writeLong(prev + N_NEXT, next);
        } else {
            space.writeLong(l + L_HEAD, next);
        }
        if (next != 0) {
            space.writeLong(next + N_PREV, prev);
        } else {
            space.writeLong(l + L_TAIL, prev);
        }
        space.writeLong(l + L_COUNT, listLength(l) - 1);
        free(n);
    }

    private byte[] nodeValue(long n) {
        return space.read(n + N_BYTES, (int) space.readLong(n + N_LEN));
    }

    /** The node at {@code index} (0-based, already normalized to [0, length)), walking from the nearer end. */
    private long listNode(long l, long index) {
        long len = listLength(l);
        if (index < len / 2 + 1) {
            long n = space.readLong(l + L_HEAD);
            for (long i = 0; i < index; i++) {
                n = space.readLong(n + N_NEXT);
            }
            return n;
        }
        long n = space.readLong(l + L_TAIL);
        for (long i = len - 1; i > index; i--) {
            n = space.readLong(n + N_PREV);
        }
        return n;
    }

    /** Elements {@code [from, to]} (normalized, inclusive, within bounds). */
    public List<byte[]> listRange(long l, long from, long to) {
        List<byte[]> out = new ArrayList<>();
        if (from > to) {
            return out;
        }
        long n = listNode(l, from);
        for (long i = from; i <= to && n != 0; i++) {
            out.add(nodeValue(n));
            n = space.readLong(n + N_NEXT);
        }
        return out;
    }

    public byte[] listGet(long l, long index) {
        return nodeValue(listNode(l, index));
    }

    /** Replaces element {@code index} (normalized, in bounds). */
    void listSet(long l, long index, byte[] v) {
        long old = listNode(l, index);
        long n = alloc(N_BYTES + v.length);
        space.writeLong(n + N_LEN, v.length);
        space.write(n + N_BYTES, v);
        long prev = space.readLong(old + N_PREV);
        long next = space.readLong(old + N_NEXT);
        space.writeLong(n + N_PREV, prev);
        space.writeLong(n + N_NEXT, next);
        if (prev != 0) {
            space.writeLong(prev + N_NEXT, n);
        } else {
            space.writeLong(l + L_HEAD, n);
        }
        if (next != 0) {
            space.writeLong(next + N_PREV, n);
        } else {
            space.writeLong(l + L_TAIL, n);
        }
        free(old);
    }

    /** Redis LREM: removes up to |count| elements equal to {@code v} (all if 0), from the tail if count < 0. */
    long listRemove(long l, long count, byte[] v) {
        boolean fromTail = count < 0;
        // count == Long.MIN_VALUE: Redis negates it to itself, so its limit is never reached (every match goes)
        long limit = count == 0 || count == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(count);
        long removed = 0;
        long n = space.readLong(l + (fromTail ? L_TAIL : L_HEAD));
        while (n != 0 && removed < limit) {
            long following = space.readLong(n + (fromTail ? N_PREV : N_NEXT));
            if (space.readLong(n + N_LEN) == v.length && Arrays.equals(nodeValue(n), v)) {
                listUnlink(l, n);
                removed++;
            }
            n = following;
        }
        return removed;
    }

    /**
     * Inserts {@code v} before (or after) the first element equal to {@code pivot}, walking from the head
     * (t_list.c linsertCommand); false if no element equals it.
     */
    boolean listInsert(long l, byte[] pivot, byte[] v, boolean after) {
        long at = space.readLong(l + L_HEAD);
        while (at != 0 && !(space.readLong(at + N_LEN) == pivot.length && Arrays.equals(nodeValue(at), pivot))) {
            at = space.readLong(at + N_NEXT);
        }
        if (at == 0) {
            return false;
        }
        long n = alloc(N_BYTES + v.length);
        space.writeLong(n + N_LEN, v.length);
        space.write(n + N_BYTES, v);
        long prev = after ? at : space.readLong(at + N_PREV);
        long next = after ? space.readLong(at + N_NEXT) : at;
        space.writeLong(n + N_PREV, prev);
        space.writeLong(n + N_NEXT, next);
        if (prev != 0) {
            space.writeLong(prev + N_NEXT, n);
        } else {
            space.writeLong(l + L_HEAD, n);
        }
        if (next != 0) {
            space.writeLong(next + N_PREV, n);
        } else {
            space.writeLong(l + L_TAIL, n);
        }
        space.writeLong(l + L_COUNT, listLength(l) + 1);
        return true;
    }

    /** Visits the elements from the head (or the tail) while {@code visit} answers true. */
    void listWalk(long l, boolean fromTail, java.util.function.Predicate<byte[]> visit) {
        long n = space.readLong(l + (fromTail ? L_TAIL : L_HEAD));
        while (n != 0 && visit.test(nodeValue(n))) {
            n = space.readLong(n + (fromTail ? N_PREV : N_NEXT));
        }
    }

    /** Keeps only elements [from, to] (normalized; from > to empties the list). */
    void listTrim(long l, long from, long to) {
        long len = listLength(l);
        long dropLeft = Math.min(from, len);
        long dropRight = from > to ? len - dropLeft : Math.max(0, len - 1 - to);
        for (long i = 0; i < dropLeft; i++) {
            listUnlink(l, space.readLong(l + L_HEAD));
        }
        for (long i = 0; i < dropRight && listLength(l) > 0; i++) {
            listUnlink(l, space.readLong(l + L_TAIL));
        }
    }

    // ------------------------------------------------------------------ values

    /** A deep copy of value {@code ref} of {@code type} (COPY: db.c dupStringObject, listTypeDup, setTypeDup...). */
    long copyValue(int type, long ref) {
        requireWritable();
        switch (type) {
            case TYPE_STRING -> {
                return newBlob(readBlob(ref));
            }
            case TYPE_LIST -> {
                long l = newList();
                try {
                    for (long n = space.readLong(ref + L_HEAD); n != 0; n = space.readLong(n + N_NEXT)) {
                        listPush(l, false, nodeValue(n));
                    }
                } catch (KeyspaceFullException full) {
                    freeValue(type, l);
                    throw full;
                }
                return l;
            }
            case TYPE_HASH, TYPE_SET -> {
                long d = newDict();
                try {
                    dictForEach(ref, e -> {
                        long v = space.readLong(e + E_VAL);
                        if (type == TYPE_SET) {
                            setAdd(d, key(e));
                        } else {
                            hashPut(d, key(e), readBlob(v));
                        }
                    });
                } catch (KeyspaceFullException full) {
                    freeValue(type, d);
                    throw full;
                }
                return d;
            }
            default -> throw new IllegalStateException("corrupt keyspace: unknown value type " + type);
        }
    }

    void freeValue(int type, long ref) {
        if (ref == 0) {
            return;
        }
        switch (type) {
            case TYPE_STRING -> free(ref);
            case TYPE_LIST -> {
                long n = space.readLong(ref + L_HEAD);
                while (n != 0) {
                    long next = space.readLong(n + N_NEXT);
                    free(n);
                    n = next;
                }
                free(ref);
            }
            case TYPE_HASH, TYPE_SET -> {
                dictFree(ref, false);
                free(ref);
            }
            case TYPE_ZSET -> new ZsetStore(this).free(ref);
            default -> throw new IllegalStateException("corrupt keyspace: unknown value type " + type);
        }
    }

    // ------------------------------------------------------------------ nested dict primitives (ZsetStore)

    /** The entry of {@code key} in nested dict {@code d}, or 0. */
    long dictEntry(long d, byte[] key) {
        return dictFind(d, key, hash(key));
    }

    /** Adds {@code key} (which must be absent) to nested dict {@code d} with value ref 0; returns its entry. */
    long dictAdd(long d, byte[] key) {
        return dictInsert(d, key, hash(key));
    }

    /** Sets the value ref of a nested dict entry (a block the dict frees with the entry). */
    void setEntryValue(long e, long ref) {
        space.writeLong(e + E_VAL, ref);
    }

    /** Frees nested dict {@code d}: its entries, each entry's value block, its buckets and its header. */
    void freeDict(long d) {
        dictFree(d, false);
        free(d);
    }

    // ------------------------------------------------------------------ dict

    private void dictInit(long d, long cap) {
        space.writeLong(d + D_COUNT, 0);
        space.writeLong(d + D_CAP, cap);
        space.writeLong(d + D_BUCKETS, allocZeroed(8 * cap));
    }

    private long dictFind(long d, byte[] key, long h) {
        long cap = space.readLong(d + D_CAP);
        if (cap == 0) {
            return 0; // a database without buckets yet
        }
        long e = space.readLong(space.readLong(d + D_BUCKETS) + 8 * (h & (cap - 1)));
        while (e != 0) {
            if (space.readLong(e + E_HASH) == h
                    && space.readLong(e + E_KLEN) == key.length
                    && Arrays.equals(space.read(e + E_KEY, key.length), key)) {
                return e;
            }
            e = space.readLong(e + E_NEXT);
        }
        return 0;
    }

    private long dictInsert(long d, byte[] key, long h) {
        long count = space.readLong(d + D_COUNT);
        long cap = space.readLong(d + D_CAP);
        if (cap == 0) {
            dictInit(d, 16); // a database's first key
            cap = 16;
        }
        if (count + 1 > cap) {
            dictRehash(d, cap * 2);
            cap *= 2;
        }
        long e = alloc(E_KEY + key.length);
        long bucket = space.readLong(d + D_BUCKETS) + 8 * (h & (cap - 1));
        space.writeLong(e + E_NEXT, space.readLong(bucket));
        space.writeLong(e + E_HASH, h);
        space.writeLong(e + E_VAL, 0);
        space.writeLong(e + E_TYPE, 0);
        space.writeLong(e + E_EXP, 0);
        space.writeLong(e + E_KLEN, key.length);
        space.write(e + E_KEY, key);
        space.writeLong(bucket, e);
        space.writeLong(d + D_COUNT, count + 1);
        return e;
    }

    /** Unlinks the entry of {@code key} from {@code d} and returns it (not freed), or 0. */
    private long dictUnlink(long d, byte[] key, long h) {
        long cap = space.readLong(d + D_CAP);
        if (cap == 0) {
            return 0;
        }
        long link = space.readLong(d + D_BUCKETS) + 8 * (h & (cap - 1));
        long e = space.readLong(link);
        while (e != 0) {
            if (space.readLong(e + E_HASH) == h
                    && space.readLong(e + E_KLEN) == key.length
                    && Arrays.equals(space.read(e + E_KEY, key.length), key)) {
                space.writeLong(link, space.readLong(e + E_NEXT));
                space.writeLong(d + D_COUNT, space.readLong(d + D_COUNT) - 1);
                return e;
            }
            link = e + E_NEXT;
            e = space.readLong(link);
        }
        return 0;
    }

    private void dictRehash(long d, long newCap) {
        long oldCap = space.readLong(d + D_CAP);
        long oldBuckets = space.readLong(d + D_BUCKETS);
        long buckets = allocZeroed(8 * newCap);
        for (long i = 0; i < oldCap; i++) {
            long e = space.readLong(oldBuckets + 8 * i);
            while (e != 0) {
                long next = space.readLong(e + E_NEXT);
                long bucket = buckets + 8 * (space.readLong(e + E_HASH) & (newCap - 1));
                space.writeLong(e + E_NEXT, space.readLong(bucket));
                space.writeLong(bucket, e);
                e = next;
            }
        }
        space.writeLong(d + D_CAP, newCap);
        space.writeLong(d + D_BUCKETS, buckets);
        free(oldBuckets);
    }

    private void dictForEach(long d, LongConsumer visit) {
        long cap = space.readLong(d + D_CAP);
        long buckets = space.readLong(d + D_BUCKETS);
        for (long i = 0; i < cap; i++) {
            for (long e = space.readLong(buckets + 8 * i); e != 0; e = space.readLong(e + E_NEXT)) {
                visit.accept(e);
            }
        }
    }

    private long dictScan(long d, long cursor, LongConsumer visit) {
        long cap = space.readLong(d + D_CAP);
        if (cap == 0) {
            return 0;
        }
        long mask = cap - 1;
        long buckets = space.readLong(d + D_BUCKETS);
        for (long e = space.readLong(buckets + 8 * (cursor & mask)); e != 0; e = space.readLong(e + E_NEXT)) {
            visit.accept(e);
        }
        // Redis dictScan: increment the reversed cursor over the masked bits.
        cursor |= ~mask;
        cursor = Long.reverse(cursor);
        cursor++;
        cursor = Long.reverse(cursor);
        return cursor;
    }

    /** Frees every entry of {@code d} (and top-level values if {@code topLevel}, else hash value blobs) and its buckets. */
    private void dictFree(long d, boolean topLevel) {
        long cap = space.readLong(d + D_CAP);
        long buckets = space.readLong(d + D_BUCKETS);
        if (cap == 0) {
            return;
        }
        for (long i = 0; i < cap; i++) {
            long e = space.readLong(buckets + 8 * i);
            while (e != 0) {
                long next = space.readLong(e + E_NEXT);
                long v = space.readLong(e + E_VAL);
                if (topLevel) {
                    freeValue((int) (space.readLong(e + E_TYPE) & 0xFF), v);
                } else if (v != 0) {
                    free(v);
                }
                free(e);
                e = next;
            }
        }
        free(buckets);
        space.writeLong(d + D_COUNT, 0);
    }

    // ------------------------------------------------------------------ allocator

    /** A block with at least {@code n} payload bytes (contents undefined); returns the payload offset. */
    long alloc(long n) {
        long size = n + 8;
        int cls = Math.max(MIN_CLASS, 64 - Long.numberOfLeadingZeros(size - 1));
        long headSlot = H_FREE + 8L * cls;
        long p = space.readLong(headSlot);
        if (p != 0) {
            space.writeLong(headSlot, space.readLong(p));
            return p;
        }
        long block = space.readLong(H_BUMP);
        long blockSize = 1L << cls;
        if (cls >= NUM_CLASSES || block > space.sizeBytes() - blockSize) {
            throw new KeyspaceFullException("the keyspace is full: cannot allocate " + n + " bytes in a space of "
                    + space.sizeBytes() + " bytes (" + (space.sizeBytes() - block) + " never used)");
        }
        space.writeLong(H_BUMP, block + blockSize);
        space.writeLong(block, cls);
        return block + 8;
    }

    private long allocZeroed(long n) {
        long p = alloc(n);
        space.write(p, new byte[(int) n]);
        return p;
    }

    void free(long p) {
        int cls = (int) space.readLong(p - 8);
        if (cls < MIN_CLASS || cls >= NUM_CLASSES) {
            throw new IllegalStateException("corrupt keyspace: block at " + p + " has size class " + cls);
        }
        if (cls >= RELEASE_CLASS) {
            space.free(p + 8, (1L << cls) - 16); // give the whole pages inside back to the heap
        }
        long headSlot = H_FREE + 8L * cls;
        space.writeLong(p, space.readLong(headSlot));
        space.writeLong(headSlot, p);
    }

    /** The bytes of the block whose payload starts at {@code p} (its size class's), 0 if {@code p} is none. */
    long blockBytes(long p) {
        if (p <= HEAP_START) {
            return 0;
        }
        long cls = space.readLong(p - 8);
        return cls < MIN_CLASS || cls >= NUM_CLASSES ? 0 : 1L << cls;
    }

    /**
     * MEMORY USAGE's estimate of entry {@code e} (object.c objectComputeSize): the blocks its key entry and value
     * take in the space. A collection counts its header and bucket blocks, then the average of its first
     * {@code samples} elements' blocks (all if 0) times its size, as Redis samples (OBJ_COMPUTE_SIZE_DEF_SAMPLES).
     */
    long memoryUsage(long e, long samples) {
        long max = samples == 0 ? Long.MAX_VALUE : samples;
        long bytes = blockBytes(e);
        long v = valueRef(e);
        switch (type(e)) {
            case TYPE_STRING -> bytes += blockBytes(v);
            case TYPE_LIST -> {
                long count = space.readLong(v + L_COUNT);
                long seen = 0;
                long sampled = 0;
                for (long n = space.readLong(v + L_HEAD); n != 0 && seen < max; n = space.readLong(n + N_NEXT)) {
                    sampled += blockBytes(n);
                    seen++;
                }
                bytes += blockBytes(v) + (seen == 0 ? 0 : sampled * count / seen);
            }
            case TYPE_HASH, TYPE_SET -> bytes += dictBytes(v, max);
            case TYPE_ZSET -> {
                long d = space.readLong(v); // ZsetStore's Z_DICT; the dict's entries hold the skiplist nodes
                bytes += blockBytes(v) + blockBytes(space.readLong(v + 8)) + dictBytes(d, max);
            }
            default -> {
                // no other type is stored
            }
        }
        return bytes;
    }

    /** A dict's header and buckets, and its first {@code max} entries' blocks (with their values') scaled up. */
    private long dictBytes(long d, long max) {
        long count = space.readLong(d + D_COUNT);
        long cap = space.readLong(d + D_CAP);
        long bytes = blockBytes(d) + (cap == 0 ? 0 : blockBytes(space.readLong(d + D_BUCKETS)));
        long buckets = space.readLong(d + D_BUCKETS);
        long seen = 0;
        long sampled = 0;
        for (long i = 0; i < cap && seen < max; i++) {
            for (long x = space.readLong(buckets + 8 * i); x != 0 && seen < max; x = space.readLong(x + E_NEXT)) {
                sampled += blockBytes(x) + blockBytes(space.readLong(x + E_VAL));
                seen++;
            }
        }
        return bytes + (seen == 0 ? 0 : sampled * count / seen);
    }

    /** The bytes of database {@code index}'s key table: its buckets' block (MEMORY STATS overhead.hashtable.main). */
    long tableBytes(int index) {
        long d = space.readLong(H_DBS) + (long) DB_RECORD * index;
        long cap = space.readLong(d + D_CAP);
        return cap == 0 ? 0 : blockBytes(space.readLong(d + D_BUCKETS)) + DB_RECORD;
    }

    /** Bytes of the space ever handed out by the bump allocator (a high-water mark). */
    public long usedBytes() {
        return space.readLong(H_BUMP);
    }

    // ------------------------------------------------------------------ hashing

    /** 64-bit hash of {@code key} with this keyspace's seed (FNV-1a, then MurmurHash3's fmix64 finalizer). */
    long hash(byte[] key) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : key) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private void requireWritable() {
        if (readOnly) {
            throw new IllegalStateException("this keyspace view is read-only (attached to a snapshot)");
        }
    }
}

package io.teemate.kv.enclave;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads an RDB stream (versions 1 to 10, as redis/src/rdb.c rdbLoadRio reads them) into an empty writable
 * {@link Keyspace}, reading the stream once through a 64 KiB buffer.
 * <p>Accepted: the opcodes AUX, SELECTDB (the keys after it go to that database, which must be one of the
 * keyspace's {@link Keyspace#databases}, as rdb.c refuses a file "created with a Redis server configured to handle
 * more than N databases"; keys before any SELECTDB go to database 0), RESIZEDB, EXPIRETIME_MS, EXPIRETIME (seconds), the
 * per-key eviction hints IDLE and FREQ (ignored: they carry no data) and EOF; strings raw, with the integer
 * encodings INT8/INT16/INT32 (loaded as their decimal text, as Redis does) or LZF-compressed ({@link Lzf}); every
 * value type Redis up to 7.0 writes but modules and streams: RDB_TYPE_STRING, the lists RDB_TYPE_LIST,
 * RDB_TYPE_LIST_ZIPLIST, RDB_TYPE_LIST_QUICKLIST and RDB_TYPE_LIST_QUICKLIST_2 (PLAIN and PACKED nodes), the sets
 * RDB_TYPE_SET and RDB_TYPE_SET_INTSET ({@link Intset}), the hashes RDB_TYPE_HASH, RDB_TYPE_HASH_ZIPMAP
 * ({@link Zipmap}), RDB_TYPE_HASH_ZIPLIST ({@link Ziplist}) and RDB_TYPE_HASH_LISTPACK ({@link Listpack}), the sorted
 * sets RDB_TYPE_ZSET, RDB_TYPE_ZSET_2, RDB_TYPE_ZSET_ZIPLIST and RDB_TYPE_ZSET_LISTPACK. Every compact blob is
 * decoded into the keyspace's own structures after being checked whole as hostile bytes. Anything else (modules,
 * streams, functions, Redis 7.2's RDB_TYPE_SET_LISTPACK) is refused with an {@link RdbFormatException} naming the
 * type and its byte offset, as are truncation, a bad length, a malformed blob, duplicate keys or members, and a
 * CRC-64 that does not match (a stored checksum of 0 means "not computed" and is not checked, as in Redis).
 * <p>{@link #restoreObject} reads one value the same way, for RESTORE.
 * <p>Keys whose deadline has already passed on the keyspace's clock are skipped, as a Redis master does on load
 * (but not while the keyspace is {@link Keyspace#loading}: an append-only file's base keeps them, as Redis loads
 * an AOF's RDB part), and so are empty collections (Redis 7's "empty keys"). If loading fails the keyspace is left empty again.
 */
public final class RdbReader {
    /** Longest string accepted: Redis's default proto-max-bulk-len (512 MiB). */
    static final long MAX_STRING = 512L << 20;

    static final int BUFFER = 64 * 1024;

    /**
     * What a load found.
     *
     * @param version           the RDB version of the stream
     * @param keysLoaded        keys now in the keyspace
     * @param keysExpired       keys skipped because their deadline had passed
     * @param emptyKeysSkipped  empty lists, sets or hashes skipped
     * @param aux               the AUX fields in stream order (ISO-8859-1 text)
     */
    public record Result(
            int version, long keysLoaded, long keysExpired, long emptyKeysSkipped, Map<String, String> aux) {}

    private final Source src;
    private final Keyspace ks;
    private final Map<String, String> aux = new LinkedHashMap<>();
    private long loaded;
    private long expired;
    private long empty;
    /** A value built but not yet linked to a key, freed if the load fails. */
    private int partialType;

    private long partialRef;

    private RdbReader(InputStream in, Keyspace ks) {
        this.src = new Source(in);
        this.ks = ks;
    }

    /**
     * Loads the RDB stream {@code in} (read up to the checksum, not closed) into {@code ks}, which must be writable
     * and empty.
     *
     * @throws RdbFormatException if the stream is not an RDB stream this reader loads; the keyspace is then empty
     * @throws IOException        if reading {@code in} fails
     */
    public static Result read(InputStream in, Keyspace ks) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(ks, "ks");
        if (ks.readOnly()) {
            throw new IllegalArgumentException("an RDB stream loads into a writable keyspace, this view is read-only");
        }
        if (ks.totalSize() != 0) {
            throw new IllegalArgumentException(
                    "an RDB stream loads into an empty keyspace, this one holds " + ks.totalSize() + " keys");
        }
        RdbReader r = new RdbReader(in, ks);
        int selected = ks.selected();
        try {
            ks.select(0);
            int version = r.load();
            return new Result(version, r.loaded, r.expired, r.empty, Collections.unmodifiableMap(r.aux));
        } catch (IOException | RuntimeException failed) {
            if (r.partialRef != 0) {
                ks.freeValue(r.partialType, r.partialRef);
            }
            ks.flushAll();
            throw failed;
        } finally {
            ks.select(selected);
        }
    }

    private int load() throws IOException {
        byte[] head = src.readBytes(9, "the magic \"REDIS\" and the 4-digit version");
        if (!Arrays.equals(head, 0, 5, Rdb.MAGIC, 0, 5)) {
            throw new RdbFormatException(
                    "not an RDB stream: it starts with " + show(Arrays.copyOf(head, 5)) + ", not \"REDIS\"", 0);
        }
        int version = 0;
        for (int i = 5; i < 9; i++) {
            if (head[i] < '0' || head[i] > '9') {
                throw new RdbFormatException(
                        "bad RDB version " + show(Arrays.copyOfRange(head, 5, 9)) + " (4 decimal digits expected)", 5);
            }
            version = version * 10 + head[i] - '0';
        }
        if (version < 1 || version > Rdb.VERSION) {
            throw new RdbFormatException(
                    "unsupported RDB version " + version + " (this reader loads versions 1 to " + Rdb.VERSION
                            + ", written by Redis up to 7.0)",
                    5);
        }

        long expireAt = 0;
        long expireOffset = -1; // offset of a pending EXPIRETIME(_MS), -1 if none
        while (true) {
            long at = src.offset();
            int op = src.readU8("an opcode or value type");
            if (expireOffset >= 0 && op >= Rdb.OPCODE_FUNCTION2 && op != Rdb.OPCODE_IDLE && op != Rdb.OPCODE_FREQ) {
                throw new RdbFormatException(
                        "the expire time at byte offset " + expireOffset + " is not followed by a key but by opcode "
                                + op,
                        at);
            }
            switch (op) {
                case Rdb.OPCODE_AUX -> {
                    byte[] key = readString("an AUX field name");
                    byte[] value = readString("the AUX field " + show(key));
                    aux.put(
                            new String(key, StandardCharsets.ISO_8859_1),
                            new String(value, StandardCharsets.ISO_8859_1));
                }
                case Rdb.OPCODE_SELECTDB -> {
                    long db = readLength("the SELECTDB database number");
                    if (db < 0 || db >= ks.databases()) { // rdb.c rdbLoadRio: "configured to handle more than"
                        throw new RdbFormatException(
                                "SELECTDB " + Long.toUnsignedString(db) + ": the data file was created with a Redis"
                                        + " server configured to handle more than " + ks.databases()
                                        + " databases (set 'databases' to at least " + (db + 1) + ")",
                                at);
                    }
                    ks.select((int) db);
                }
                case Rdb.OPCODE_RESIZEDB -> {
                    readLength("the RESIZEDB key count");
                    readLength("the RESIZEDB expires count");
                }
                case Rdb.OPCODE_EXPIRETIME_MS -> {
                    expireAt = src.readLongLE("an EXPIRETIME_MS deadline");
                    expireOffset = at;
                }
                case Rdb.OPCODE_EXPIRETIME -> {
                    expireAt = src.readIntLE("an EXPIRETIME deadline") * 1000L;
                    expireOffset = at;
                }
                case Rdb.OPCODE_IDLE -> readLength("an IDLE (LRU) hint");
                case Rdb.OPCODE_FREQ -> src.readU8("a FREQ (LFU) hint");
                case Rdb.OPCODE_EOF -> {
                    checkChecksum(version);
                    return version;
                }
                default -> {
                    if (op >= 244) {
                        throw new RdbFormatException(
                                "unsupported opcode " + op + " (" + Rdb.typeName(op)
                                        + "): TeeMate loads no functions, modules or cluster slot info",
                                at);
                    }
                    readKey(op, at, expireOffset >= 0, expireAt);
                    expireOffset = -1;
                    expireAt = 0;
                }
            }
        }
    }

    private void checkChecksum(int version) throws IOException {
        if (version < Rdb.FIRST_VERSION_WITH_CHECKSUM) {
            return;
        }
        long computed = src.crc();
        long at = src.offset();
        long stored = src.readLongLE("the CRC-64 after EOF");
        if (stored != 0 && stored != computed) {
            throw new RdbFormatException(
                    String.format("bad CRC-64: the stream says 0x%016x but its bytes give 0x%016x", stored, computed),
                    at);
        }
    }

    /**
     * Builds in {@code ks} the value a DUMP payload holds in its bytes {@code [0, len)} (cluster.c restoreCommand:
     * rdbLoadObjectType, rdbLoadObject), not linked to any key yet: returns {keyspace type, value ref}. {@code ks}
     * may hold keys; nothing but the new value is touched. As in Redis, bytes after the value are not looked at.
     *
     * @throws RdbFormatException if the bytes are not one value of a type this reader loads, or an empty
     *     collection (rdb.c's "empty keys"); nothing stays allocated then (nor on a {@link KeyspaceFullException})
     */
    static long[] restoreObject(byte[] payload, int len, Keyspace ks) throws RdbFormatException {
        RdbReader r = new RdbReader(new java.io.ByteArrayInputStream(payload, 0, len), ks);
        try {
            int type = r.src.readU8("the value type");
            int ksType = keyspaceType(type, null, 0);
            long ref = r.readValue(type, ksType, 0, null, true);
            if (ref == EMPTY) {
                throw new RdbFormatException("the payload holds an empty collection", 1);
            }
            return new long[] {ksType, ref};
        } catch (IOException | RuntimeException failed) {
            if (r.partialRef != 0) {
                ks.freeValue(r.partialType, r.partialRef);
            }
            if (failed instanceof RdbFormatException bad) {
                throw bad;
            }
            if (failed instanceof RuntimeException rt) {
                throw rt;
            }
            throw new java.io.UncheckedIOException((IOException) failed); // a ByteArrayInputStream does not fail
        }
    }

    /** Reads the key and value of a value of RDB type {@code type} that started at {@code at}. */
    private void readKey(int type, long at, boolean hasExpire, long expireAt) throws IOException {
        byte[] key = readString("a key");
        int ksType = keyspaceType(type, key, at);
        // an AOF base loads with the keyspace loading: keys expired since keep, as Redis's RDBFLAGS_AOF_PREAMBLE
        boolean keep = !hasExpire || ks.loading() || expireAt > ks.now();
        if (keep && ks.find(key) != 0) {
            throw new RdbFormatException("duplicate key " + show(key), at);
        }
        long ref = readValue(type, ksType, at, key, keep);
        if (ref == EMPTY) {
            empty++;
            return;
        }
        if (!keep) {
            expired++;
            return;
        }
        long e = ks.insert(key, ksType, ref);
        partialRef = 0;
        if (hasExpire) {
            ks.setExpireAt(e, expireAt);
        }
        loaded++;
    }

    /**
     * The keyspace type an RDB value type loads as; the types not loaded (modules, streams, Redis 7.2's set
     * listpack...) are refused by name.
     */
    private static int keyspaceType(int type, byte[] key, long at) throws RdbFormatException {
        return switch (type) {
            case Rdb.TYPE_STRING -> Keyspace.TYPE_STRING;
            case Rdb.TYPE_LIST, Rdb.TYPE_LIST_ZIPLIST, Rdb.TYPE_LIST_QUICKLIST, Rdb.TYPE_LIST_QUICKLIST_2 ->
                Keyspace.TYPE_LIST;
            case Rdb.TYPE_SET, Rdb.TYPE_SET_INTSET -> Keyspace.TYPE_SET;
            case Rdb.TYPE_HASH, Rdb.TYPE_HASH_ZIPMAP, Rdb.TYPE_HASH_ZIPLIST, Rdb.TYPE_HASH_LISTPACK ->
                Keyspace.TYPE_HASH;
            case Rdb.TYPE_ZSET, Rdb.TYPE_ZSET_2, Rdb.TYPE_ZSET_ZIPLIST, Rdb.TYPE_ZSET_LISTPACK -> Keyspace.TYPE_ZSET;
            default ->
                throw new RdbFormatException(
                        (key == null ? "the payload" : "key " + show(key)) + " has value type " + type + " ("
                                + Rdb.typeName(type)
                                + "), which TeeMate does not load: it loads the strings, lists, sets, hashes and"
                                + " sorted sets of Redis up to 7.0 (no modules, streams or 7.2 encodings)",
                        at);
        };
    }

    /** What {@link #readValue} returns for an empty collection (Redis 7's "empty keys"): nothing was built. */
    private static final long EMPTY = -1;

    /**
     * Reads one value of RDB type {@code type} (rdb.c rdbLoadObject) and, if {@code keep}, builds it in the
     * keyspace: its ref (held in {@link #partialRef} until the caller links it), 0 if not kept, or {@link #EMPTY}.
     * The compact encodings (intset, ziplist, listpack, quicklist nodes) are decoded into the keyspace's own
     * structures; their blobs are hostile bytes, checked whole ({@link Listpack}, {@link Ziplist}, {@link Intset}).
     */
    private long readValue(int type, int ksType, long at, byte[] key, boolean keep) throws IOException {
        String of = key == null ? "the payload's value" : "the value of key " + show(key);
        if (ksType == Keyspace.TYPE_STRING) {
            byte[] v = readString(of);
            if (!keep) {
                return 0;
            }
            partialType = Keyspace.TYPE_STRING;
            partialRef = ks.newBlob(v);
            return partialRef;
        }
        if (ksType == Keyspace.TYPE_ZSET) {
            return readZset(type, at, key, keep);
        }
        Collection c = new Collection(ksType, keep, key == null ? "the payload" : show(key));
        switch (type) {
            case Rdb.TYPE_LIST, Rdb.TYPE_SET, Rdb.TYPE_HASH -> {
                long count = readLength("the element count of " + c.name);
                for (long i = 0; i < count; i++) {
                    long itemAt = src.offset();
                    byte[] item = readString(of);
                    if (ksType == Keyspace.TYPE_HASH) {
                        c.put(item, readString("the value of field " + show(item) + " of hash " + c.name), itemAt);
                    } else {
                        c.add(item, itemAt);
                    }
                }
            }
            case Rdb.TYPE_SET_INTSET -> {
                long blobAt = src.offset();
                String[] why = new String[1];
                for (byte[] m : decoded(Intset.members(readString(of), why), blobAt, c, why)) {
                    c.add(m, blobAt);
                }
            }
            case Rdb.TYPE_LIST_ZIPLIST, Rdb.TYPE_HASH_ZIPLIST, Rdb.TYPE_HASH_LISTPACK, Rdb.TYPE_HASH_ZIPMAP -> {
                long blobAt = src.offset();
                byte[] blob = readString(of);
                String[] why = new String[1];
                List<byte[]> items = switch (type) {
                    case Rdb.TYPE_HASH_LISTPACK -> Listpack.entries(blob, why);
                    case Rdb.TYPE_HASH_ZIPMAP -> Zipmap.entries(blob, why);
                    default -> Ziplist.entries(blob, why);
                };
                items = decoded(items, blobAt, c, why);
                if (ksType == Keyspace.TYPE_HASH) {
                    if (items.size() % 2 != 0) {
                        throw new RdbFormatException("hash " + c.name + " holds an odd number of entries", blobAt);
                    }
                    for (int i = 0; i < items.size(); i += 2) {
                        c.put(items.get(i), items.get(i + 1), blobAt);
                    }
                } else {
                    for (byte[] item : items) {
                        c.add(item, blobAt);
                    }
                }
            }
            case Rdb.TYPE_LIST_QUICKLIST, Rdb.TYPE_LIST_QUICKLIST_2 -> {
                long nodes = readLength("the node count of " + c.name);
                for (long n = 0; n < nodes; n++) {
                    boolean packed = true;
                    if (type == Rdb.TYPE_LIST_QUICKLIST_2) {
                        long containerAt = src.offset();
                        long container = readLength("the container of a node of " + c.name);
                        if (container != QUICKLIST_NODE_CONTAINER_PLAIN
                                && container != QUICKLIST_NODE_CONTAINER_PACKED) {
                            // rdb.c: "Quicklist integrity check failed."
                            throw new RdbFormatException(
                                    "list " + c.name + " has a quicklist node of unknown container " + container,
                                    containerAt);
                        }
                        packed = container == QUICKLIST_NODE_CONTAINER_PACKED;
                    }
                    long blobAt = src.offset();
                    byte[] blob = readString(of);
                    if (!packed) {
                        c.add(blob, blobAt); // a PLAIN node: one large element as is
                        continue;
                    }
                    String[] why = new String[1];
                    List<byte[]> items = type == Rdb.TYPE_LIST_QUICKLIST_2
                            ? Listpack.entries(blob, why)
                            : Ziplist.entries(blob, why);
                    // an empty node is skipped ("Silently skip empty ziplists/listpacks")
                    for (byte[] item : decoded(items, blobAt, c, why)) {
                        c.add(item, blobAt);
                    }
                }
            }
            default -> throw new IllegalStateException("RDB type " + type + " is not a list, set or hash");
        }
        if (c.count == 0) {
            return EMPTY;
        }
        return keep ? c.ref : 0;
    }

    /** quicklist.h QUICKLIST_NODE_CONTAINER_PLAIN / _PACKED, as RDB_TYPE_LIST_QUICKLIST_2 stores them. */
    static final int QUICKLIST_NODE_CONTAINER_PLAIN = 1;

    static final int QUICKLIST_NODE_CONTAINER_PACKED = 2;

    private static List<byte[]> decoded(List<byte[]> items, long blobAt, Collection c, String[] why)
            throws RdbFormatException {
        if (items == null) {
            throw new RdbFormatException(c.kind() + " " + c.name + " holds " + why[0], blobAt);
        }
        return items;
    }

    /** A list, set or hash being built: made in the keyspace at its first element, if kept. */
    private final class Collection {
        final int ksType;
        final boolean keep;
        final String name;
        long ref;
        long count;

        Collection(int ksType, boolean keep, String name) {
            this.ksType = ksType;
            this.keep = keep;
            this.name = name;
        }

        String kind() {
            return ksType == Keyspace.TYPE_LIST ? "list" : ksType == Keyspace.TYPE_SET ? "set" : "hash";
        }

        private boolean start() {
            count++;
            if (keep && ref == 0) {
                ref = ksType == Keyspace.TYPE_LIST ? ks.newList() : ks.newDict();
                partialType = ksType;
                partialRef = ref;
            }
            return keep;
        }

        /** A list element or set member. */
        void add(byte[] item, long at) throws RdbFormatException {
            if (!start()) {
                return;
            }
            if (ksType == Keyspace.TYPE_LIST) {
                ks.listPush(ref, false, item);
            } else if (!ks.setAdd(ref, item)) {
                throw new RdbFormatException("duplicate member " + show(item) + " in set " + name, at);
            }
        }

        /** A hash field and its value. */
        void put(byte[] field, byte[] value, long at) throws RdbFormatException {
            if (start() && !ks.hashPut(ref, field, value)) {
                throw new RdbFormatException("duplicate field " + show(field) + " in hash " + name, at);
            }
        }
    }

    /**
     * A sorted set (rdb.c rdbLoadObject): RDB_TYPE_ZSET (scores as rdbLoadDoubleValue's text), RDB_TYPE_ZSET_2
     * (binary doubles), RDB_TYPE_ZSET_LISTPACK or RDB_TYPE_ZSET_ZIPLIST (one string holding a listpack or ziplist
     * of member, score). A NaN score, a duplicate member, an odd or malformed blob are refused. The encoding then is
     * Redis's after a load: listpack while at most 128 members (and, for the first two types, members of at most
     * 64 bytes).
     */
    private long readZset(int type, long at, byte[] key, boolean keep) throws IOException {
        String name = key == null ? "the payload" : show(key);
        String of = key == null ? "the payload's value" : "the value of key " + show(key);
        ZsetStore zs = new ZsetStore(ks);
        long[] z = {0};
        long[] count = {0};
        int[] longest = {0};
        // each member goes straight into the space (bounded by it), never into a Java list as long as the input
        final class Adder {
            void accept(byte[] member, double score) throws RdbFormatException {
                count[0]++;
                if (!keep) {
                    return;
                }
                if (z[0] == 0) {
                    z[0] = zs.create(false);
                    partialType = Keyspace.TYPE_ZSET;
                    partialRef = z[0];
                }
                if (zs.node(z[0], member) != 0) {
                    throw new RdbFormatException("duplicate member " + show(member) + " in sorted set " + name, at);
                }
                zs.insert(z[0], score, member);
                longest[0] = Math.max(longest[0], member.length);
            }
        }
        Adder add = new Adder();
        if (type == Rdb.TYPE_ZSET_LISTPACK || type == Rdb.TYPE_ZSET_ZIPLIST) {
            long lpAt = src.offset();
            byte[] lp = readString(of);
            String[] why = new String[1];
            List<byte[]> entries =
                    type == Rdb.TYPE_ZSET_LISTPACK ? Listpack.entries(lp, why) : Ziplist.entries(lp, why);
            if (entries == null || entries.size() % 2 != 0) {
                throw new RdbFormatException(
                        "sorted set " + name + " holds " + (entries == null ? why[0] : "an odd listpack"), lpAt);
            }
            for (int i = 0; i < entries.size(); i += 2) {
                byte[] s = entries.get(i + 1);
                ZsetScores.Strtod d = ZsetScores.strtod(s, 0);
                if (d.end() != s.length || Double.isNaN(d.value()) || s.length == 0) {
                    throw new RdbFormatException(
                            "sorted set " + name + " has the score " + show(s) + " in its listpack", lpAt);
                }
                add.accept(entries.get(i), d.value());
            }
        } else {
            long n = readLength("the element count of " + name);
            for (long i = 0; i < n; i++) {
                byte[] member = readString(of);
                long scoreAt = src.offset();
                double score;
                if (type == Rdb.TYPE_ZSET_2) {
                    score = Double.longBitsToDouble(src.readLongLE(of));
                } else {
                    int len = src.readU8(of);
                    if (len == 253) {
                        score = Double.NaN;
                    } else if (len == 254) {
                        score = Double.POSITIVE_INFINITY;
                    } else if (len == 255) {
                        score = Double.NEGATIVE_INFINITY;
                    } else {
                        byte[] text = src.readBytes(len, of);
                        ZsetScores.Strtod d = ZsetScores.strtod(text, 0);
                        score = d.end() == 0 ? Double.NaN : d.value();
                    }
                }
                if (Double.isNaN(score)) {
                    throw new RdbFormatException("sorted set " + name + " has a NaN score", scoreAt);
                }
                add.accept(member, score);
            }
        }
        if (count[0] == 0) {
            return EMPTY;
        }
        if (!keep) {
            return 0;
        }
        // rdb.c: a listpack or ziplist stays one up to zset-max-listpack-entries; the others also by member length
        boolean compact = type == Rdb.TYPE_ZSET_LISTPACK || type == Rdb.TYPE_ZSET_ZIPLIST;
        boolean fits = ks.encodings().zsetFitsListpack(count[0], compact ? 0 : longest[0]);
        zs.setSkiplistEncoded(z[0], !fits);
        return z[0];
    }

    /** An RDB length (rdb.c rdbLoadLenByRef); a string encoding in its place is an error. */
    private long readLength(String what) throws IOException {
        long at = src.offset();
        long len = lengthOrEncoding(what, at);
        if (len < 0) {
            throw new RdbFormatException(
                    String.format("expected the length of %s, found the string encoding 0x%02x", what, 0xC0 | ~len),
                    at);
        }
        return len;
    }

    /** A length, or for an RDB_ENCVAL byte the bitwise complement of its encoding (so, negative). */
    private long lengthOrEncoding(String what, long at) throws IOException {
        int b = src.readU8(what);
        switch (b >>> 6) {
            case Rdb.LEN_6BIT:
                return b & 0x3F;
            case Rdb.LEN_14BIT:
                return (b & 0x3F) << 8 | src.readU8(what);
            case Rdb.ENCVAL:
                return ~(long) (b & 0x3F);
            default:
                if (b == Rdb.LEN_32BIT) {
                    return src.readIntBE(what) & 0xFFFF_FFFFL;
                }
                if (b == Rdb.LEN_64BIT) {
                    long len = src.readLongBE(what);
                    if (len < 0) {
                        throw new RdbFormatException("bad length " + Long.toUnsignedString(len) + " for " + what, at);
                    }
                    return len;
                }
                throw new RdbFormatException(String.format("bad length encoding 0x%02x for %s", b, what), at);
        }
    }

    /**
     * An RDB string (rdb.c rdbGenericLoadStringObject): raw, an integer encoding loaded as decimal text, or LZF
     * compressed.
     */
    private byte[] readString(String what) throws IOException {
        long at = src.offset();
        long len = lengthOrEncoding(what, at);
        if (len < 0) {
            int enc = (int) ~len;
            if (enc == Rdb.ENC_LZF) {
                return readLzf(what, at);
            }
            long v = switch (enc) {
                case Rdb.ENC_INT8 -> (byte) src.readU8(what);
                case Rdb.ENC_INT16 -> (short) (src.readU8(what) | src.readU8(what) << 8);
                case Rdb.ENC_INT32 -> src.readIntLE(what);
                default ->
                    throw new RdbFormatException(
                            String.format("unknown string encoding 0x%02x for %s", 0xC0 | enc, what), at);
            };
            return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
        }
        if (len > MAX_STRING) {
            throw new RdbFormatException(
                    "bad length " + len + " for " + what + " (longest accepted: " + MAX_STRING + " bytes)", at);
        }
        return src.readBytes((int) len, what);
    }

    /**
     * An LZF-compressed string (rdb.c rdbLoadLzfStringObject): compressed length, uncompressed length, then the
     * compressed bytes, which must expand to exactly that length ({@link Lzf}); the uncompressed length is checked
     * against the most LZF can expand those bytes to before anything of that size is allocated.
     */
    private byte[] readLzf(String what, long at) throws IOException {
        long clen = readLength("the compressed length of " + what);
        long len = readLength("the uncompressed length of " + what);
        if (clen == 0 || clen > MAX_STRING || len == 0 || len > MAX_STRING || len > clen * Lzf.MAX_EXPANSION) {
            throw new RdbFormatException(
                    "LZF-compressed string (RDB_ENC_LZF) for " + what + " with the bad lengths " + clen
                            + " compressed, " + len + " uncompressed",
                    at);
        }
        byte[] c = src.readBytes((int) clen, what);
        byte[] out = Lzf.decompress(c, (int) len);
        if (out == null) {
            throw new RdbFormatException(
                    "corrupt LZF-compressed string (RDB_ENC_LZF) for " + what + ": it does not expand to " + len
                            + " bytes",
                    at);
        }
        return out;
    }

    /** {@code s} quoted for a message: printable ASCII as is, other bytes as \xNN, cut after 64 bytes. */
    static String show(byte[] s) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < Math.min(s.length, 64); i++) {
            int c = s[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\') {
                b.append((char) c);
            } else {
                b.append(String.format("\\x%02x", c));
            }
        }
        if (s.length > 64) {
            b.append("...(").append(s.length).append(" bytes)");
        }
        return b.append('\'').toString();
    }

    /** A buffered input that knows its offset and keeps the CRC-64 of the bytes consumed. */
    private static final class Source {
        private final InputStream in;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int lim;
        /** Stream offset of buf[0]. */
        private long base;

        private long crc;
        /** buf[0, crcPos) is already folded into crc. */
        private int crcPos;

        Source(InputStream in) {
            this.in = in;
        }

        long offset() {
            return base + pos;
        }

        /** The CRC-64 of every byte consumed so far. */
        long crc() {
            crc = Crc64.update(crc, buf, crcPos, pos - crcPos);
            crcPos = pos;
            return crc;
        }

        /** Makes at least one byte available, or throws for truncation. */
        private void fill(String what) throws IOException {
            if (pos < lim) {
                return;
            }
            crc();
            base += lim;
            pos = 0;
            lim = 0;
            crcPos = 0;
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                throw new RdbFormatException("truncated stream: it ends inside " + what, base);
            }
            lim = n;
        }

        int readU8(String what) throws IOException {
            fill(what);
            return buf[pos++] & 0xFF;
        }

        /** Reads {@code n} bytes, growing the result as they arrive (a bad length cannot make it allocate ahead). */
        byte[] readBytes(int n, String what) throws IOException {
            byte[] out = new byte[Math.min(n, BUFFER)];
            int got = 0;
            while (got < n) {
                fill(what);
                if (got == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(n, 2L * out.length));
                }
                int k = Math.min(Math.min(n - got, lim - pos), out.length - got);
                System.arraycopy(buf, pos, out, got, k);
                pos += k;
                got += k;
            }
            return out;
        }

        int readIntLE(String what) throws IOException {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v |= readU8(what) << (8 * i);
            }
            return v;
        }

        int readIntBE(String what) throws IOException {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = v << 8 | readU8(what);
            }
            return v;
        }

        long readLongLE(String what) throws IOException {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) readU8(what) << (8 * i);
            }
            return v;
        }

        long readLongBE(String what) throws IOException {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | readU8(what);
            }
            return v;
        }
    }
}

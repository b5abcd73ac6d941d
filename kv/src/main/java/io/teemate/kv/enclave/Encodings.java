package io.teemate.kv.enclave;

/**
 * Which internal representation Redis 7.0 would use for a value (OBJECT ENCODING, OBJECT REFCOUNT, and the form
 * DUMP writes), decided from the value and the little history that matters, kept in the encoding flags of the
 * key's {@link Keyspace} entry:
 * <ul>
 * <li>Strings (object.c tryObjectEncoding): a value stored by SET, MSET, GETSET, SETNX, SETEX, APPEND of a new key,
 *     INCR and friends or RESTORE is {@code int} if it is a long written as Redis writes one (at most 20 characters),
 *     else {@code embstr} up to 44 bytes, else {@code raw}; APPEND and SETRANGE of an existing value leave it
 *     {@code raw} (t_string.c dbUnshareStringValue); INCRBYFLOAT stores {@code embstr}/{@code raw} even for an
 *     integral result (createStringObjectFromLongDouble). Integers 0..9999 are Redis's shared objects
 *     (OBJ_SHARED_INTEGERS), except a COPY of one (object.c dupStringObject makes a private int).</li>
 * <li>Lists: always {@code quicklist} in 7.0.</li>
 * <li>Sets (t_set.c setTypeAdd): {@code intset} while every member is an integer and there are at most
 *     set-max-intset-entries, else {@code hashtable}, and a set once converted stays so.</li>
 * <li>Hashes (t_hash.c hashTypeTryConversion, hashTypeSet): {@code listpack} while there are at most
 *     hash-max-listpack-entries fields and every field and value is at most hash-max-listpack-value bytes, else
 *     {@code hashtable}, one way.</li>
 * <li>Sorted sets (t_zset.c zsetTypeCreate, zsetAdd): {@code listpack} up to zset-max-listpack-entries members of at
 *     most zset-max-listpack-value bytes, else {@code skiplist}, one way: see {@link #zsetFitsListpack} (the type's
 *     file calls {@link #afterWrite} as the others do and adds its case there).</li>
 * </ul>
 * The one-way conversions are recorded by {@link #afterWrite}, which the engine calls for every key a write command
 * changed (its key arguments), so the data-type files need not know: a collection that no longer fits gets its
 * sticky flag and keeps it until the key's value is replaced. The thresholds are fields with Redis's defaults, for
 * the host's CONFIG SET to change.
 */
final class Encodings {
    // string flags: how the value was last stored (0 = as tryObjectEncoding decides from the bytes)
    static final int STRING_AS_STORED = 0;
    /** APPEND, SETRANGE: raw whatever the content. */
    static final int STRING_RAW = 1;
    /** INCRBYFLOAT: embstr or raw by length, never int. */
    static final int STRING_NO_INT = 2;
    /** A COPY of a shared integer: int, but a private object (refcount 1). */
    static final int STRING_INT_UNSHARED = 3;
    // collection flag
    /** The collection was converted to its big encoding (hashtable, skiplist) and stays so. */
    static final int CONVERTED = 1;

    /** object.c OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
    static final int EMBSTR_SIZE_LIMIT = 44;
    /** server.h OBJ_SHARED_INTEGERS. */
    static final long SHARED_INTEGERS = 10000;
    /** server.h OBJ_SHARED_REFCOUNT: what OBJECT REFCOUNT answers for a shared object. */
    static final long SHARED_REFCOUNT = Integer.MAX_VALUE;

    long setMaxIntsetEntries = 512;
    /** 512 in Redis 7.0.15's defaults (config.c hash-max-listpack-entries), not 128. */
    long hashMaxListpackEntries = 512;

    long hashMaxListpackValue = 64;
    long zsetMaxListpackEntries = 128;
    long zsetMaxListpackValue = 64;

    /**
     * Sets one threshold by its redis.conf name (the host's CONFIG SET; KvAbi.CONFIG). Redis's range for each is
     * 0..LONG_MAX (config.c createSizeTConfig).
     *
     * @throws IllegalArgumentException for another name or a value out of that range
     */
    void set(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + ": " + Long.toUnsignedString(value) + " is above LONG_MAX");
        }
        switch (name) {
            case "hash-max-listpack-entries" -> hashMaxListpackEntries = value;
            case "hash-max-listpack-value" -> hashMaxListpackValue = value;
            case "set-max-intset-entries" -> setMaxIntsetEntries = value;
            case "zset-max-listpack-entries" -> zsetMaxListpackEntries = value;
            case "zset-max-listpack-value" -> zsetMaxListpackValue = value;
            default -> throw new IllegalArgumentException(name + " is not an encoding threshold");
        }
    }

    /** OBJECT ENCODING's name for entry {@code e}. */
    String name(Keyspace ks, long e) {
        int flags = ks.encodingFlags(e);
        long ref = ks.valueRef(e);
        return switch (ks.type(e)) {
            case Keyspace.TYPE_STRING -> stringEncoding(ks.readBlob(ref), flags);
            case Keyspace.TYPE_LIST -> "quicklist";
            case Keyspace.TYPE_SET -> (flags & CONVERTED) != 0 || !setFitsIntset(ks, ref) ? "hashtable" : "intset";
            case Keyspace.TYPE_HASH ->
                (flags & CONVERTED) != 0 || !hashFitsListpack(ks, ref) ? "hashtable" : "listpack";
            // the sorted set keeps the encoding Redis would have in its own header (ZsetStore's conversions)
            case Keyspace.TYPE_ZSET -> new ZsetStore(ks).skiplistEncoded(ref) ? "skiplist" : "listpack";
            default -> "unknown";
        };
    }

    /** "int", "embstr" or "raw" for a string value of these bytes stored as {@code flags} says. */
    static String stringEncoding(byte[] v, int flags) {
        return switch (flags) {
            case STRING_RAW -> "raw";
            case STRING_INT_UNSHARED -> "int";
            case STRING_NO_INT -> v.length <= EMBSTR_SIZE_LIMIT ? "embstr" : "raw";
            default -> RedisNumbers.parseLong(v) != null ? "int" : v.length <= EMBSTR_SIZE_LIMIT ? "embstr" : "raw";
        };
    }

    /** OBJECT REFCOUNT: shared integers answer OBJ_SHARED_REFCOUNT, every other value 1 (nothing else is shared). */
    long refcount(Keyspace ks, long e) {
        return sharedInteger(ks, e) ? SHARED_REFCOUNT : 1;
    }

    /** True if {@code e} holds one of Redis's shared integer objects (0..9999, int encoded). */
    boolean sharedInteger(Keyspace ks, long e) {
        if (ks.type(e) != Keyspace.TYPE_STRING || ks.encodingFlags(e) != STRING_AS_STORED) {
            return false;
        }
        Long v = RedisNumbers.parseLong(ks.readBlob(ks.valueRef(e)));
        return v != null && v >= 0 && v < SHARED_INTEGERS;
    }

    /**
     * Records how a command stored the string at {@code key} ({@link #STRING_RAW}, {@link #STRING_NO_INT}); the
     * string commands call it after the store, which reset the flag to {@link #STRING_AS_STORED}.
     */
    static void stringStored(Keyspace ks, byte[] key, int how) {
        long e = ks.lookupRaw(key);
        if (e != 0 && ks.type(e) == Keyspace.TYPE_STRING) {
            ks.setEncodingFlags(e, how);
        }
    }

    /**
     * Called after a write command changed {@code key}: a collection that no longer fits its small encoding is
     * marked converted, for good (Redis converts it then and never back).
     */
    void afterWrite(Keyspace ks, byte[] key) {
        long e = ks.lookupRaw(key);
        if (e == 0 || (ks.encodingFlags(e) & CONVERTED) != 0) {
            return;
        }
        long ref = ks.valueRef(e);
        boolean converted = switch (ks.type(e)) {
            case Keyspace.TYPE_SET -> !setFitsIntset(ks, ref);
            case Keyspace.TYPE_HASH -> !hashFitsListpack(ks, ref);
            default -> false;
        };
        if (converted) {
            ks.setEncodingFlags(e, CONVERTED);
        }
    }

    /** A COPY's destination gets the source's representation (object.c dupStringObject, setTypeDup, hashTypeDup). */
    void copied(Keyspace ks, long src, long dst) {
        int flags = ks.encodingFlags(src);
        if (sharedInteger(ks, src)) {
            flags = STRING_INT_UNSHARED;
        }
        ks.setEncodingFlags(dst, flags);
    }

    /** t_set.c: an intset holds integers only, at most set-max-intset-entries of them. */
    boolean setFitsIntset(Keyspace ks, long d) {
        if (ks.dictCount(d) > setMaxIntsetEntries) {
            return false;
        }
        boolean[] ok = {true};
        ks.dictForEachKey(d, m -> ok[0] &= RedisNumbers.parseLong(m) != null);
        return ok[0];
    }

    /** t_hash.c: a listpack hash has at most hash-max-listpack-entries fields, each field and value short. */
    boolean hashFitsListpack(Keyspace ks, long d) {
        if (ks.dictCount(d) > hashMaxListpackEntries) {
            return false;
        }
        return ks.dictLongestItem(d) <= hashMaxListpackValue;
    }

    /** t_zset.c: a listpack sorted set has at most zset-max-listpack-entries members, each short. */
    boolean zsetFitsListpack(long count, long longestMember) {
        return count <= zsetMaxListpackEntries && longestMember <= zsetMaxListpackValue;
    }
}

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
 * collection), and the argument helpers (object.c getLongLongFromObjectOrReply and friends).
 */
final class CommandContext {
    final Keyspace ks;
    final SplittableRandom random;

    CommandContext(Keyspace ks, SplittableRandom random) {
        this.ks = Objects.requireNonNull(ks, "ks");
        this.random = Objects.requireNonNull(random, "random");
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

package io.teemate.kv.enclave;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WATCH's state, kept where the data is (Redis 7.0 multi.c: db->watched_keys, c->watched_keys, CLIENT_DIRTY_CAS).
 * <p>Why in the enclave: whether a watched key was modified is known only here, where every write, every lazy
 * expiry and every flush happens; a per-batch report of modified keys to the host would send key names out for
 * every write, and the host could not answer isWatchedKeyExpired (the deadlines are in here). So the host only names
 * the client (its connection id, which it gives every client anyway) in the WATCH, UNWATCH and EXEC it relays
 * ({@link ClientOps}), and the enclave keeps per client the keys it watches and whether one was touched. The host
 * keeps the rest of a transaction (MULTI, the queue, EXECABORT): it relays every client command anyway, so holding
 * the queue until EXEC loses no confidentiality it did not already have; the engine only promises that a queued
 * transaction runs as one unit, in one batch and one AOF record.
 * <p>"Touched" is Redis's signalModifiedKey: a write command that changed the dataset touches its keys (by its key
 * positions; a command without fixed positions, such as BLMPOP, touches each of its arguments that is a watched
 * key); lazy expiry touches the key it deletes; FLUSHDB/FLUSHALL touch every watched key that existed
 * (touchAllWatchedKeysInDb). A key that was already past its deadline at WATCH is flagged {@code expired}: its lazy
 * deletion is no change (touchWatchedKey clears the flag), and EXEC aborts if a watched key that was not expired at
 * WATCH is now (isWatchedKeyExpired).
 * <p>Bounded against a hostile host: at most {@link #MAX_WATCHES} watches and {@link #MAX_BYTES} bytes of watched
 * key names in all; WATCH past that answers an error and watches nothing more.
 */
final class WatchedKeys {
    static final int MAX_WATCHES = 1 << 20;
    static final long MAX_BYTES = 64L << 20;
    static final String TOO_MANY = "ERR too many watched keys in the enclave";

    /** One client's watch of one key (multi.c watchedKey). */
    private static final class Watch {
        final long client;
        final ByteBuffer key;
        /** The key was past its deadline when WATCH ran. */
        boolean expired;

        Watch(long client, ByteBuffer key, boolean expired) {
            this.client = client;
            this.key = key;
            this.expired = expired;
        }
    }

    private final Map<ByteBuffer, List<Watch>> byKey = new HashMap<>();
    private final Map<Long, LinkedHashMap<ByteBuffer, Watch>> byClient = new HashMap<>();
    /** The clients whose watched keys were touched (CLIENT_DIRTY_CAS). */
    private final Set<Long> dirty = new HashSet<>();

    private long watches;
    private long bytes;

    boolean isEmpty() {
        return watches == 0;
    }

    /** Whether anyone watches {@code key}. */
    boolean watched(byte[] key) {
        return byKey.containsKey(ByteBuffer.wrap(key));
    }

    /** WATCH key... for {@code client} (multi.c watchCommand, watchForKey); null or the error to answer. */
    String watch(long client, List<byte[]> keys, Keyspace ks) {
        if (dirty.contains(client)) {
            return null; // no point in watching: the client's EXEC fails anyway
        }
        for (byte[] k : keys) {
            ByteBuffer key = ByteBuffer.wrap(k.clone());
            LinkedHashMap<ByteBuffer, Watch> mine = byClient.computeIfAbsent(client, c -> new LinkedHashMap<>());
            if (mine.containsKey(key)) {
                continue;
            }
            if (watches >= MAX_WATCHES || bytes + k.length > MAX_BYTES) {
                if (mine.isEmpty()) {
                    byClient.remove(client);
                }
                return TOO_MANY;
            }
            long e = ks.findIncludingExpired(k);
            Watch w = new Watch(client, key, e != 0 && ks.isExpired(e));
            mine.put(key, w);
            byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(w);
            watches++;
            bytes += k.length;
        }
        return null;
    }

    /** UNWATCH, and what EXEC and DISCARD do after (unwatchAllKeys, then the DIRTY_CAS flag cleared). */
    void unwatch(long client) {
        forget(client);
        dirty.remove(client);
    }

    private void forget(long client) {
        Map<ByteBuffer, Watch> mine = byClient.remove(client);
        if (mine == null) {
            return;
        }
        for (Watch w : mine.values()) {
            List<Watch> all = byKey.get(w.key);
            all.remove(w);
            if (all.isEmpty()) {
                byKey.remove(w.key);
            }
            watches--;
            bytes -= w.key.capacity();
        }
    }

    /**
     * signalModifiedKey (multi.c touchWatchedKey): every client watching {@code key} gets dirty, except where the
     * key was already expired at WATCH and is now gone (deleting an expired key is no logical change).
     */
    void touch(byte[] key, Keyspace ks) {
        List<Watch> all = byKey.get(ByteBuffer.wrap(key));
        if (all == null) {
            return;
        }
        List<Long> dirtied = new ArrayList<>();
        for (Watch w : all) {
            if (w.expired) {
                if (ks.findIncludingExpired(key) == 0) {
                    w.expired = false;
                }
                continue;
            }
            dirtied.add(w.client);
        }
        for (long c : dirtied) {
            dirty.add(c);
            forget(c); // as touchWatchedKey: a dirty client need not be found again
        }
    }

    /** The watched keys that exist now (expired ones included): what a flush about to run will delete. */
    List<byte[]> existing(Keyspace ks) {
        List<byte[]> out = new ArrayList<>();
        for (ByteBuffer k : byKey.keySet()) {
            if (ks.findIncludingExpired(k.array()) != 0) {
                out.add(k.array());
            }
        }
        return out;
    }

    /** FLUSHDB/FLUSHALL deleted {@code keys} (multi.c touchAllWatchedKeysInDb without a replacement db). */
    void flushed(List<byte[]> keys) {
        List<Long> dirtied = new ArrayList<>();
        for (byte[] k : keys) {
            List<Watch> all = byKey.get(ByteBuffer.wrap(k));
            if (all == null) {
                continue;
            }
            for (Watch w : all) {
                if (w.expired) {
                    w.expired = false; // an expired key now deleted: no logical change
                } else {
                    dirtied.add(w.client);
                }
            }
        }
        for (long c : dirtied) {
            dirty.add(c);
            forget(c);
        }
    }

    /** Whether {@code client}'s EXEC must fail: a watched key was touched, or expired since WATCH. */
    boolean execFails(long client, Keyspace ks) {
        if (dirty.contains(client)) {
            return true;
        }
        Map<ByteBuffer, Watch> mine = byClient.get(client);
        if (mine == null) {
            return false;
        }
        for (Watch w : mine.values()) {
            if (w.expired) {
                continue; // was expired when WATCH was called
            }
            long e = ks.findIncludingExpired(w.key.array());
            if (e != 0 && ks.isExpired(e)) {
                return true;
            }
        }
        return false;
    }

    /** Watches held in all (for tests). */
    long size() {
        return watches;
    }
}

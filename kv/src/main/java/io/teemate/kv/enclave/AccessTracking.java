package io.teemate.kv.enclave;

import java.util.SplittableRandom;

/**
 * The per-key access information Redis keeps in the 24 bits of an robj's lru field (evict.c, object.c): under an
 * LRU (or no-eviction) maxmemory-policy the LRU clock in seconds when the key was last looked up; under an LFU
 * policy the time in minutes (16 bits) and a logarithmic access counter (8 bits). The field lives in the key's
 * {@link Keyspace} entry; this class decides what to write there, and when (db.c lookupKey: every lookup that is
 * not LOOKUP_NOTOUCH).
 * <p>The policy and the LFU tunables are set from outside (CONFIG SET maxmemory-policy, lfu-log-factor,
 * lfu-decay-time); the defaults are Redis's.
 */
final class AccessTracking {
    /** evict.c LRU_CLOCK_MAX: the LRU clock wraps at 24 bits. */
    static final int LRU_CLOCK_MAX = (1 << 24) - 1;
    /** server.h LRU_CLOCK_RESOLUTION: the LRU clock ticks once a second. */
    static final long LRU_CLOCK_RESOLUTION = 1000;
    /** server.h LFU_INIT_VAL: a new key's counter, so that it is not evicted before it has had a chance. */
    static final int LFU_INIT_VAL = 5;

    /** True under an LFU maxmemory-policy (allkeys-lfu, volatile-lfu). */
    private boolean lfu;

    private int lfuLogFactor = 10;
    private int lfuDecayTime = 1;
    private final SplittableRandom random = new SplittableRandom(0x5EED);

    /** Sets the maxmemory-policy by Redis's name; only whether it is an LFU policy matters here. */
    void policy(String maxmemoryPolicy) {
        this.lfu = maxmemoryPolicy.endsWith("-lfu");
    }

    boolean lfu() {
        return lfu;
    }

    void lfuLogFactor(int factor) {
        this.lfuLogFactor = factor;
    }

    void lfuDecayTime(int minutes) {
        this.lfuDecayTime = minutes;
    }

    /** evict.c LRU_CLOCK: seconds, wrapping at 24 bits. */
    static int lruClock(long nowMillis) {
        return (int) (nowMillis / LRU_CLOCK_RESOLUTION & LRU_CLOCK_MAX);
    }

    /** evict.c LFUGetTimeInMinutes: minutes, wrapping at 16 bits. */
    static int lfuMinutes(long nowMillis) {
        return (int) (nowMillis / 1000 / 60 & 0xFFFF);
    }

    /** object.c createObject: the lru field of a new value. */
    int newObject(long nowMillis) {
        return lfu ? lfuMinutes(nowMillis) << 8 | LFU_INIT_VAL : lruClock(nowMillis);
    }

    /** db.c lookupKey: updates the access time, or under LFU decays then maybe increments the counter. */
    void touched(Keyspace ks, long e) {
        long now = ks.now();
        if (lfu) {
            int counter = logIncr(decayed(ks.lru(e), now));
            ks.setLru(e, lfuMinutes(now) << 8 | counter);
        } else {
            ks.setLru(e, lruClock(now));
        }
    }

    /** evict.c estimateObjectIdleTime: milliseconds since the last access, the 24-bit clock's wrap included. */
    static long idleMillis(int lru, long nowMillis) {
        long clock = lruClock(nowMillis);
        return clock >= lru
                ? (clock - lru) * LRU_CLOCK_RESOLUTION
                : (clock + (LRU_CLOCK_MAX - lru)) * LRU_CLOCK_RESOLUTION;
    }

    /** evict.c LFUDecrAndReturn: the counter less one per lfu-decay-time minutes elapsed. */
    int decayed(int lru, long nowMillis) {
        int ldt = lru >>> 8;
        int counter = lru & 0xFF;
        int now = lfuMinutes(nowMillis);
        long elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
        long periods = lfuDecayTime != 0 ? elapsed / lfuDecayTime : 0;
        if (periods != 0) {
            counter = periods > counter ? 0 : (int) (counter - periods);
        }
        return counter;
    }

    /** evict.c LFULogIncr: increments with probability 1/((counter - LFU_INIT_VAL) * lfu-log-factor + 1). */
    private int logIncr(int counter) {
        if (counter == 255) {
            return 255;
        }
        double r = random.nextDouble();
        double base = Math.max(0, counter - LFU_INIT_VAL);
        double p = 1.0 / (base * lfuLogFactor + 1);
        return r < p ? counter + 1 : counter;
    }

    /** object.c objectSetLRUOrLFU (RESTORE ... IDLETIME / FREQ): the lru field for a given idle time or counter. */
    int restored(long nowMillis, long lfuFreq, long idleSeconds) {
        if (lfu && lfuFreq >= 0) {
            return lfuMinutes(nowMillis) << 8 | (int) lfuFreq;
        }
        if (!lfu && idleSeconds >= 0) {
            long clock = lruClock(nowMillis);
            long lruAbs = clock - idleSeconds * 1000 / LRU_CLOCK_RESOLUTION; // C's wrapping long long product
            if (lruAbs < 0) {
                // "half-way in the circular LRU clock": the idle time stays high for quite some time
                lruAbs = (clock + LRU_CLOCK_MAX / 2) % LRU_CLOCK_MAX;
            }
            return (int) (lruAbs & LRU_CLOCK_MAX);
        }
        return -1;
    }
}

package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Redis's active expiry (expire.c activeExpireCycle, the slow cycle run from serverCron): samples keys with a
 * deadline, ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP at a time from where the last cycle stopped, deletes those whose
 * deadline passed (each propagated as DEL through the keyspace's lazy-expiry listener, as
 * deleteExpiredKeyAndPropagate does), and samples again while more than ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE percent
 * of a sample had expired, until the time budget runs out or the whole table was walked once.
 * <p>The keyspace has no separate table of keys with a deadline (Redis's db->expires), so the sample walks the key
 * table's buckets with the SCAN cursor and counts only keys with a deadline; as in Redis, at most 20 buckets per
 * wanted key are looked at per loop, so a table of mostly persistent keys is not walked whole in one tick.
 */
final class ActiveExpiry {
    /** expire.c ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP (active-expire-effort 1). */
    static final int KEYS_PER_LOOP = 20;
    /** expire.c ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE: repeat while more than this % of a sample expired. */
    static final int ACCEPTABLE_STALE = 10;
    /** expire.c: the elapsed time is checked every 16 loops. */
    private static final int TIME_CHECK_EVERY = 16;

    private final Keyspace ks;
    private final LongSupplier nanoTime;
    /** Where the next cycle's sampling starts (Redis's db->expires_cursor). */
    private long cursor;

    ActiveExpiry(Keyspace ks, LongSupplier nanoTime) {
        this.ks = ks;
        this.nanoTime = nanoTime;
    }

    /**
     * One cycle within {@code budgetMicros} (Redis: 25% of a cron tick, 25 ms at hz 10); returns the keys deleted.
     * Nothing expires while the keyspace is loading or on a read-only view.
     */
    long cycle(long budgetMicros) {
        if (ks.readOnly() || ks.loading() || ks.expiresCount() == 0) {
            return 0;
        }
        long start = nanoTime.getAsLong();
        long deleted = 0;
        long startCursor = cursor;
        boolean wrapped = false;
        int iteration = 0;
        while (true) {
            iteration++;
            long num = Math.min(ks.expiresCount(), KEYS_PER_LOOP);
            if (num == 0) {
                break;
            }
            long maxBuckets = num * 20;
            long checked = 0;
            long sampled = 0;
            long expired = 0;
            List<Long> seen = new ArrayList<>();
            while (sampled < num && checked < maxBuckets) {
                seen.clear();
                cursor = ks.scanStep(cursor, seen::add);
                checked++;
                for (long e : seen) {
                    if (ks.expireAt(e) != 0) {
                        sampled++;
                        if (ks.expireIfPast(e)) {
                            expired++;
                        }
                    }
                }
                if (cursor == 0) {
                    wrapped = true; // a whole walk of the table: enough for this cycle
                    break;
                }
            }
            deleted += expired;
            if (wrapped || (startCursor != 0 && cursor == startCursor)) {
                break;
            }
            if (iteration % TIME_CHECK_EVERY == 0 && (nanoTime.getAsLong() - start) / 1000 > budgetMicros) {
                break;
            }
            if (sampled != 0 && expired * 100 / sampled <= ACCEPTABLE_STALE) {
                break;
            }
        }
        return deleted;
    }
}

package io.teemate.kv.enclave;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Redis's active expiry (expire.c activeExpireCycle, the slow cycle run from serverCron): samples keys with a
 * deadline, ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP at a time from where the last cycle stopped, deletes those whose
 * deadline passed (each propagated as DEL through the keyspace's lazy-expiry listener, as
 * deleteExpiredKeyAndPropagate does), and samples again while more than ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE percent
 * of a sample had expired, until the time budget runs out or the whole table was walked once. As Redis, a cycle
 * visits CRON_DBS_PER_CALL databases (every one if there are fewer, or if the last cycle ran out of time), going
 * on from the database the last cycle stopped at, each from its own cursor.
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
    /** server.h CRON_DBS_PER_CALL: databases visited per cycle. */
    static final int DBS_PER_CALL = 16;

    private final Keyspace ks;
    private final LongSupplier nanoTime;
    /** Per database, where the next cycle's sampling starts (Redis's db->expires_cursor). */
    private final long[] cursors;
    /** The database the next cycle starts at (activeExpireCycle's static current_db). */
    private long currentDb;
    /** The last cycle ran out of its time (activeExpireCycle's static timelimit_exit). */
    private boolean timelimitExit;
    /** Per database, the running estimate of its keys' time to live, ms (Redis's db->avg_ttl, INFO's avg_ttl). */
    private final long[] avgTtl;
    /** Running estimate of the share of keys with a deadline that are past it (server.stat_expired_stale_perc). */
    private double stalePerc;
    /** Cycles that ran out of time (server.stat_expired_time_cap_reached_count). */
    private long timeCapReached;
    /** Time the cycles took, µs (server.stat_expire_cycle_time_used). */
    private long timeUsedMicros;
    /** Keys sampled and expired in the running cycle. */
    private long totalSampled;

    private long totalExpired;

    ActiveExpiry(Keyspace ks, LongSupplier nanoTime) {
        this.ks = ks;
        this.nanoTime = nanoTime;
        this.cursors = new long[ks.databases()];
        this.avgTtl = new long[ks.databases()];
    }

    /**
     * One cycle within {@code budgetMicros} (Redis: 25% of a cron tick, 25 ms at hz 10); returns the keys deleted.
     * Nothing expires while the keyspace is loading or on a read-only view.
     */
    long cycle(long budgetMicros) {
        if (ks.readOnly() || ks.loading()) {
            return 0;
        }
        if (ks.totalExpires() == 0) {
            java.util.Arrays.fill(avgTtl, 0); // as each database's loop does when its expires dict is empty
            return 0;
        }
        int dbnum = ks.databases();
        int dbsPerCall = DBS_PER_CALL > dbnum || timelimitExit ? dbnum : DBS_PER_CALL;
        timelimitExit = false;
        long start = nanoTime.getAsLong();
        int[] iteration = {0};
        long deleted = 0;
        totalSampled = 0;
        totalExpired = 0;
        int was = ks.selected();
        try {
            for (int j = 0; j < dbsPerCall && !timelimitExit; j++) {
                int db = (int) (currentDb % dbnum);
                currentDb++;
                ks.select(db);
                deleted += cycleDb(db, start, budgetMicros, iteration);
            }
        } finally {
            ks.select(was);
        }
        timeUsedMicros += Math.max(0, (nanoTime.getAsLong() - start) / 1000);
        // "Running average with this sample accounting for 5%"
        double current = totalSampled == 0 ? 0 : (double) totalExpired / totalSampled;
        stalePerc = current * 0.05 + stalePerc * 0.95;
        return deleted;
    }

    /** The do-while loop of activeExpireCycle over the selected database {@code db}. */
    private long cycleDb(int db, long start, long budgetMicros, int[] iteration) {
        long deleted = 0;
        long startCursor = cursors[db];
        boolean wrapped = false;
        List<Long> seen = new ArrayList<>();
        while (true) {
            long num = Math.min(ks.expiresCount(), KEYS_PER_LOOP);
            if (num == 0) {
                avgTtl[db] = 0;
                break;
            }
            long now = ks.now();
            long ttlSum = 0;
            long ttlSamples = 0;
            iteration[0]++;
            long maxBuckets = num * 20;
            long checked = 0;
            long sampled = 0;
            long expired = 0;
            while (sampled < num && checked < maxBuckets) {
                seen.clear();
                cursors[db] = ks.scanStep(cursors[db], seen::add);
                checked++;
                for (long e : seen) {
                    long at = ks.expireAt(e);
                    if (at != 0) {
                        sampled++;
                        if (ks.expireIfPast(e)) {
                            expired++;
                        }
                        if (at - now > 0) { // the average TTL of keys not yet expired
                            ttlSum += at - now;
                            ttlSamples++;
                        }
                    }
                }
                if (cursors[db] == 0) {
                    wrapped = true; // a whole walk of the table: enough for this cycle
                    break;
                }
            }
            deleted += expired;
            totalExpired += expired;
            totalSampled += sampled;
            if (ttlSamples > 0) { // "the current estimate with a weight of 2% and the previous ... of 98%"
                long avg = ttlSum / ttlSamples;
                if (avgTtl[db] == 0) {
                    avgTtl[db] = avg;
                }
                avgTtl[db] = (avgTtl[db] / 50) * 49 + avg / 50;
            }
            if (wrapped || (startCursor != 0 && cursors[db] == startCursor)) {
                break;
            }
            if (iteration[0] % TIME_CHECK_EVERY == 0 && (nanoTime.getAsLong() - start) / 1000 > budgetMicros) {
                timelimitExit = true;
                timeCapReached++;
                break;
            }
            if (sampled != 0 && expired * 100 / sampled <= ACCEPTABLE_STALE) {
                break;
            }
        }
        return deleted;
    }

    /** Database {@code db}'s average TTL estimate in ms (INFO keyspace avg_ttl), 0 before a cycle sampled it. */
    long avgTtl(int db) {
        return avgTtl[db];
    }

    /** INFO's expired_stale_perc, as a fraction (0..1). */
    double stalePerc() {
        return stalePerc;
    }

    long timeCapReached() {
        return timeCapReached;
    }

    long timeUsedMicros() {
        return timeUsedMicros;
    }
}

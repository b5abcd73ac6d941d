package io.teemate.kv.host;

import io.teemate.host.FileErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.LongSupplier;

/**
 * What the server does of Redis's serverCron, run by the server's loop {@code hz} times a second: the active expiry
 * cycle (databasesCron), then persistence: save points that start a BGSAVE, automatic AOF rewrites, and the MISCONF
 * state that refuses writes while the database cannot persist. Runs on the loop thread only, between two batches of commands, so a fork never cuts a batch in two.
 */
final class ServerCron {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCron.class);

    /** Redis's CONFIG_BGSAVE_RETRY_DELAY: after a failed BGSAVE, save points wait this long before trying again. */
    static final long BGSAVE_RETRY_DELAY_MILLIS = 5_000;

    /** Redis 7.0's reply to writes while snapshots fail (server.c, shared.bgsaveerr). */
    static final String MISCONF_RDB = "MISCONF Redis is configured to save RDB snapshots, but it's currently unable"
            + " to persist to disk. Commands that may modify the data set are disabled, because this instance is"
            + " configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error"
            + " option). Please check the Redis logs for details about the RDB error.";

    private final KvDatabase db;
    private final KvConfig config;
    private final LongSupplier clock;
    /** When the last BGSAVE was tried (started or refused), ms; loop thread only. */
    private long lastBgsaveTry;
    /** The deny-writes line last handed to the database (null: writes allowed); loop thread only. */
    private String denied;

    /** Whether a CLIENT PAUSE holds (ALL or WRITE): the dataset stays still, expiry included. */
    private final java.util.function.BooleanSupplier paused;

    ServerCron(KvDatabase db, KvConfig config, LongSupplier clock) {
        this(db, config, clock, () -> false);
    }

    ServerCron(KvDatabase db, KvConfig config, LongSupplier clock, java.util.function.BooleanSupplier paused) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.paused = paused;
    }

    /** expire.c ACTIVE_EXPIRE_CYCLE_SLOW_TIME_PERC: a cycle's share of a tick (active-expire-effort 1). */
    static final int SLOW_TIME_PERC = 25;

    /** One turn: what Redis's serverCron does, in its order (databasesCron before the persistence checks). */
    void run() {
        activeExpire();
        long now = clock.getAsLong();
        if (!db.bgsaveInProgress() && !db.aofRewriteInProgress()) {
            if (!savePoint(now)) {
                autoRewrite();
            }
        }
        updateDenyWrites();
    }

    /**
     * databasesCron's activeExpireCycle(ACTIVE_EXPIRE_CYCLE_SLOW): at most 25% of a tick (25 ms at hz 10) in the
     * enclave, which deletes keys whose deadline passed without a client touching them and logs a DEL for each;
     * nothing while a CLIENT PAUSE holds.
     */
    void activeExpire() {
        // expire.c: "When clients are paused the dataset should be static ... also from the POV of expires"
        // (checkClientPauseTimeoutAndReturnIfPaused)
        if (!paused.getAsBoolean()) {
            db.activeExpireCycle(expireBudgetMicros(config.hz()));
        }
    }

    /** expire.c: timelimit = config_cycle_slow_time_perc*1000000/server.hz/100, in microseconds. */
    static long expireBudgetMicros(int hz) {
        return SLOW_TIME_PERC * 1_000_000L / Math.max(1, hz) / 100;
    }

    /** Starts a BGSAVE if a save point is due (rdb.c / server.c serverCron); true if it tried. */
    private boolean savePoint(long now) {
        long changes = db.changesSinceLastSave();
        long sinceSave = now / 1000 - db.lastSaveSeconds();
        for (KvConfig.SavePoint sp : config.savePoints()) {
            // Redis: dirty >= changes, unixtime - lastsave > seconds, and not within the retry delay of a failure
            if (changes >= sp.changes()
                    && sinceSave > sp.seconds()
                    && (now - lastBgsaveTry > BGSAVE_RETRY_DELAY_MILLIS || db.lastBgsaveOk())) {
                LOG.info("{} changes in {} seconds. Saving...", sp.changes(), sp.seconds());
                lastBgsaveTry = now;
                try {
                    db.bgsave();
                } catch (RuntimeException e) {
                    LOG.warn("Can't save in background: {}", FileErrors.describe(e)); // bgsave marked itself failed
                }
                return true;
            }
        }
        return false;
    }

    /** auto-aof-rewrite-percentage and -min-size (server.c serverCron): rewrite once the AOF grew that much. */
    private void autoRewrite() {
        int percentage = config.autoAofRewritePercentage();
        if (!config.appendonly() || percentage == 0) {
            return;
        }
        long size = db.aofCurrentSize();
        if (size <= config.autoAofRewriteMinSize()) {
            return;
        }
        long base = Math.max(1, db.aofBaseSize());
        long growth = size * 100 / base - 100;
        if (growth >= percentage) {
            LOG.info("Starting automatic rewriting of AOF on {}% growth", growth);
            try {
                db.bgrewriteaof();
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("Can't rewrite append only file in background: {}", FileErrors.describe(e));
            }
        }
    }

    /**
     * Redis's writeCommandsDeniedByDiskError, its RDB half: writes are refused after a failed BGSAVE when save points
     * are configured and stop-writes-on-bgsave-error is on. The AOF half (writes refused while the AOF cannot be
     * written) the database applies by itself, at the write that failed ({@link KvDatabase#writesDenied}). Run each
     * turn and before every batch of dataset commands, so a write after a BGSAVE that is known to have failed is
     * refused (Redis's processCommand checks per command).
     */
    void updateDenyWrites() {
        String line = null;
        if (config.stopWritesOnBgsaveError() && !config.savePoints().isEmpty() && !db.lastBgsaveOk()) {
            line = MISCONF_RDB;
        }
        if (line == null ? denied != null : !line.equals(denied)) {
            if (line != null) {
                LOG.warn("Refusing writes until the database can persist again: {}", line);
            } else {
                LOG.info("Writes are accepted again: the database persists");
            }
            denied = line;
            db.denyWrites(line);
        }
    }
}

package io.teemate.cli.kv;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.util.Map;

/**
 * Watches a server's background saves from outside, for the save-point crash test: polls INFO persistence on its
 * own connection and keeps a lower bound on the fork time of the last save seen to complete. A poll sent at time t
 * that saw {@code rdb_bgsave_in_progress:0}, followed by a poll that saw {@code rdb_last_save_time} advance, brackets
 * a save that was forked after t: every write acknowledged before t is in that snapshot. (A save that completes in
 * the same second as the one before it does not advance rdb_last_save_time and goes unseen, which only keeps the
 * bound older: safe.)
 */
final class SaveMonitor extends Thread implements AutoCloseable {
    private final KvServerProcess server;
    private volatile boolean stopping;
    /** The lower bound ({@link System#nanoTime}) on the last completed save's fork; Long.MIN_VALUE before one. */
    private volatile long lowerBound = Long.MIN_VALUE;

    SaveMonitor(KvServerProcess server) {
        super("save-monitor");
        this.server = server;
        setDaemon(true);
        start();
    }

    long lowerBound() {
        return lowerBound;
    }

    @Override
    public void run() {
        try (Jedis jedis = server.client()) {
            long idleSince = Long.MIN_VALUE; // send time of the latest poll that saw no save running
            long lastSave = -1;
            while (!stopping) {
                long sent = System.nanoTime();
                Map<String, String> info = KvServerProcess.info(jedis, "persistence");
                long saveTime = Long.parseLong(info.get("rdb_last_save_time"));
                boolean inProgress = !"0".equals(info.get("rdb_bgsave_in_progress"));
                if (lastSave >= 0 && saveTime > lastSave && idleSince != Long.MIN_VALUE) {
                    lowerBound = idleSince;
                }
                lastSave = saveTime;
                if (!inProgress) {
                    idleSince = sent;
                }
                KvServerProcess.pause(20);
            }
        } catch (JedisException e) {
            // the server was killed: the bound stands as last seen
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        join(30_000);
    }
}

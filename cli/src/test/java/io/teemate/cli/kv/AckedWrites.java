package io.teemate.cli.kv;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writers under load that record every acknowledged write, for the crash tests: {@code threads} threads, each on
 * its own connection, each doing {@code SET <prefix>:<thread>:<i> <value>} for i = 0, 1, 2, ... and, after every
 * tenth SET, {@code INCR <prefix>:count:<thread>}. A write counts as acknowledged only once its reply arrived; each
 * is recorded with the {@link System#nanoTime} at which it was sent and at which its reply arrived. A writer stops
 * when asked ({@link #stop}: it finishes the command it sent, so every write sent is then acknowledged) or when its
 * connection fails (the server was killed: its last write was sent and never acknowledged, and may or may not
 * have been applied).
 *
 * <p>The records are written by each writer thread alone and read only after {@link #stop} or {@link #join}
 * returned (join orders them).
 */
final class AckedWrites {
    /** After every this many SETs a writer INCRs its counter. */
    static final int INCR_EVERY = 10;

    final String prefix;
    private final Writer[] writers;
    private final AtomicLong acked = new AtomicLong();
    private volatile boolean stopping;

    /** One writer's records: send and ack times by index; INCR replies in order. */
    final class Writer extends Thread {
        final int id;
        /** Send time of SET i, for i < sent. */
        long[] sentAt = new long[1024];
        /** Reply time of SET i, for i < acked. */
        long[] ackedAt = new long[1024];
        /** SETs sent, and SETs whose reply arrived. */
        int sent;

        int ackedSets;
        /** INCRs sent, and the reply of the last one acknowledged (the counter's value then), with its time. */
        int incrsSent;

        long lastIncrReply;
        /** Reply time of INCR k (1-based) at index k-1, for k <= lastIncrReply. */
        long[] incrAckedAt = new long[128];
        /** Why the writer stopped, if not asked to: the client's exception. */
        volatile Throwable ended;

        private final KvServerProcess server;

        Writer(KvServerProcess server, int id) {
            super("acked-writer-" + prefix + "-" + id);
            this.server = server;
            this.id = id;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (Jedis jedis = server.client()) {
                for (int i = 0; !stopping; i++) {
                    if (i == sentAt.length) {
                        sentAt = Arrays.copyOf(sentAt, 2 * i);
                        ackedAt = Arrays.copyOf(ackedAt, 2 * i);
                    }
                    sentAt[i] = System.nanoTime();
                    sent = i + 1;
                    String reply = jedis.set(key(id, i), value(id, i));
                    long at = System.nanoTime();
                    if (!"OK".equals(reply)) {
                        throw new AssertionError("SET " + key(id, i) + " answered " + reply);
                    }
                    ackedAt[i] = at;
                    ackedSets = i + 1;
                    acked.incrementAndGet();
                    if ((i + 1) % INCR_EVERY == 0) {
                        incrsSent++;
                        long v = jedis.incr(counter(id));
                        long incrAt = System.nanoTime();
                        if (v != incrsSent) {
                            throw new AssertionError("INCR " + counter(id) + " answered " + v + ", not " + incrsSent);
                        }
                        if (v > incrAckedAt.length) {
                            incrAckedAt = Arrays.copyOf(incrAckedAt, 2 * incrAckedAt.length);
                        }
                        incrAckedAt[(int) v - 1] = incrAt;
                        lastIncrReply = v;
                    }
                }
            } catch (JedisException | AssertionError e) {
                // the server went away under load (the point of a crash test), or refused a write
                ended = e;
            }
        }
    }

    /** Starts {@code threads} writers on {@code server}, their keys under {@code prefix}. */
    AckedWrites(KvServerProcess server, String prefix, int threads) {
        this.prefix = prefix;
        this.writers = new Writer[threads];
        for (int t = 0; t < threads; t++) {
            writers[t] = new Writer(server, t);
        }
        for (Writer w : writers) {
            w.start();
        }
    }

    String key(int thread, int i) {
        return prefix + ":" + thread + ":" + i;
    }

    /** The value of SET i: unique, so a key holds its acknowledged value or none. */
    String value(int thread, int i) {
        return "v-" + prefix + "-" + thread + "-" + i + "-0123456789abcdef0123456789abcdef";
    }

    String counter(int thread) {
        return prefix + ":count:" + thread;
    }

    List<Writer> writers() {
        return List.of(writers);
    }

    long acked() {
        return acked.get();
    }

    /** Waits until at least {@code n} SETs are acknowledged; fails (with why writers stopped) at the deadline. */
    void awaitAcked(long n, Duration timeout, KvServerProcess server) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acked.get() < n) {
            for (Writer w : writers) {
                if (w.ended != null) {
                    throw new AssertionError(
                            "writer " + w.id + " stopped after " + acked.get() + " acknowledged writes: " + w.ended
                                    + "\n" + server.log(),
                            w.ended);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acked.get() + " of " + n + " writes acknowledged in " + timeout
                        + "\n" + server.log());
            }
            KvServerProcess.pause(10);
        }
    }

    /** Asks the writers to stop and waits for them: every write sent is then acknowledged (or its writer failed). */
    void stop() {
        stopping = true;
        join(Duration.ofSeconds(60));
        for (Writer w : writers) {
            if (w.ended != null) {
                throw new AssertionError("writer " + w.id + " failed before it was stopped: " + w.ended, w.ended);
            }
        }
    }

    /** Waits for writers that stop by themselves (their server was killed) and tells them to stop. */
    void join(Duration timeout) {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Writer w : writers) {
            try {
                w.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (w.isAlive()) {
                throw new AssertionError("writer " + w.id + " still running after " + timeout);
            }
        }
    }

    /** Every key the writers may have written: per writer, keys 0..sent-1, and the counters. */
    List<String> allKeys() {
        List<String> keys = new ArrayList<>();
        for (Writer w : writers) {
            for (int i = 0; i < w.sent; i++) {
                keys.add(key(w.id, i));
            }
            keys.add(counter(w.id));
        }
        return keys;
    }
}

package io.teemate.cli.kv;

import redis.clients.jedis.Jedis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What a restarted server holds of one {@link AckedWrites} run, read back with MGET, and the crash tests' checks
 * on it. Every check collects all violations and fails with the first few, counted, so a failure says how much was
 * lost, not only that something was.
 */
final class Recovered {
    private static final int MGET_BATCH = 1000;

    final AckedWrites writes;
    /** Per writer: which of its SETs (0..sent-1) are present with their value. */
    final BitSet[] present;
    /** Per writer: its counter's value (0 when absent). */
    final long[] counters;

    private final List<String> wrongValues = new ArrayList<>();

    private Recovered(AckedWrites writes) {
        this.writes = writes;
        this.present = new BitSet[writes.writers().size()];
        this.counters = new long[present.length];
    }

    /** Reads back every key {@code writes} may have written. */
    static Recovered read(Jedis jedis, AckedWrites writes) {
        Recovered r = new Recovered(writes);
        for (AckedWrites.Writer w : writes.writers()) {
            BitSet bits = new BitSet(w.sent);
            for (int from = 0; from < w.sent; from += MGET_BATCH) {
                int to = Math.min(w.sent, from + MGET_BATCH);
                String[] keys = new String[to - from];
                for (int i = from; i < to; i++) {
                    keys[i - from] = writes.key(w.id, i);
                }
                List<String> values = jedis.mget(keys);
                for (int i = from; i < to; i++) {
                    String v = values.get(i - from);
                    if (v == null) {
                        continue;
                    }
                    if (v.equals(writes.value(w.id, i))) {
                        bits.set(i);
                    } else {
                        r.wrongValues.add(writes.key(w.id, i) + "=" + v);
                    }
                }
            }
            r.present[w.id] = bits;
            String c = jedis.get(writes.counter(w.id));
            r.counters[w.id] = c == null ? 0 : Long.parseLong(c);
        }
        return r;
    }

    /** Keys of these writes present (counters included). */
    long keysPresent() {
        long n = 0;
        for (int t = 0; t < present.length; t++) {
            n += present[t].cardinality() + (counters[t] > 0 ? 1 : 0);
        }
        return n;
    }

    /** appendfsync always, a clean shutdown: every acknowledged write is there, nothing was applied twice. */
    void assertAllAcknowledgedPresent() {
        assertAcknowledgedBeforePresent(Long.MAX_VALUE, "every acknowledged write");
    }

    /**
     * Every write acknowledged before {@code nanos} ({@link System#nanoTime}) is there; none was applied twice (a
     * counter is at most the INCRs sent) and no key holds a value never written.
     */
    void assertAcknowledgedBeforePresent(long nanos, String what) {
        Problems p = new Problems(what);
        p.addAll(wrongValues, "holds a value never written");
        for (AckedWrites.Writer w : writes.writers()) {
            BitSet bits = present[w.id];
            for (int i = 0; i < w.ackedSets; i++) {
                if (before(w.ackedAt[i], nanos) && !bits.get(i)) {
                    p.add(writes.key(w.id, i) + " (acknowledged, missing)");
                }
            }
            long mustCount = 0;
            for (int k = 0; k < w.lastIncrReply; k++) {
                if (before(w.incrAckedAt[k], nanos)) {
                    mustCount = k + 1;
                }
            }
            if (counters[w.id] < mustCount) {
                p.add(writes.counter(w.id) + " = " + counters[w.id] + ", but INCR acknowledged " + mustCount);
            }
            if (counters[w.id] > w.incrsSent) {
                p.add(writes.counter(w.id) + " = " + counters[w.id] + ", more than the " + w.incrsSent
                        + " INCRs sent: a write was applied twice");
            }
        }
        p.check();
    }

    /**
     * A snapshot: the dataset at one moment of the server's command order, no older than {@code lowerBoundNanos}.
     * Per writer, the keys present are a prefix of its SETs (a snapshot has no holes); across writers the cut is
     * consistent (a key present was sent before any absent key's acknowledgement: the fork came between them); the
     * counters agree with the SETs around them; every write acknowledged before {@code lowerBoundNanos} (a time
     * the snapshot's fork is known to have come after) is there.
     */
    void assertSnapshotNoOlderThan(long lowerBoundNanos) {
        Problems p = new Problems("a snapshot (one consistent cut) no older than the last completed save");
        p.addAll(wrongValues, "holds a value never written");
        int n = present.length;
        int[] prefix = new int[n];
        for (AckedWrites.Writer w : writes.writers()) {
            BitSet bits = present[w.id];
            prefix[w.id] = bits.nextClearBit(0);
            if (bits.cardinality() != prefix[w.id]) {
                p.add("writer " + w.id + " has keys 0.." + (prefix[w.id] - 1) + " then "
                        + writes.key(w.id, bits.nextSetBit(prefix[w.id])) + ": a hole, not a snapshot");
            }
            for (int i = 0; i < w.ackedSets; i++) {
                if (w.ackedAt[i] - lowerBoundNanos < 0 && !bits.get(i)) {
                    p.add(writes.key(w.id, i) + " (acknowledged before the last completed save's fork, missing)");
                    break;
                }
            }
            // INCR k follows SET (10k-1): SET 10k present => INCR k present; SET 10k-1 absent => INCR k absent
            int pt = prefix[w.id];
            long lo = pt == 0 ? 0 : (pt - 1) / AckedWrites.INCR_EVERY;
            long hi = pt / AckedWrites.INCR_EVERY;
            if (counters[w.id] < lo || counters[w.id] > hi) {
                p.add(writes.counter(w.id) + " = " + counters[w.id] + " with SETs 0.." + (pt - 1)
                        + " present (expected " + lo + ".." + hi + "): not the same moment");
            }
        }
        for (AckedWrites.Writer t : writes.writers()) {
            int absent = prefix[t.id];
            if (absent >= t.ackedSets) {
                continue; // t's first absent SET was never acknowledged: no bound from it
            }
            for (AckedWrites.Writer u : writes.writers()) {
                int last = prefix[u.id] - 1;
                if (last >= 0 && u.sentAt[last] - t.ackedAt[absent] > 0) {
                    p.add(writes.key(u.id, last) + " is present but was sent after " + writes.key(t.id, absent)
                            + " was acknowledged, which is missing: two moments mixed");
                }
            }
        }
        p.check();
    }

    /** Exactly every write sent (all acknowledged: the writers were stopped), nothing else of them. */
    void assertExactlyAllSent() {
        Problems p = new Problems("exactly every write of " + writes.prefix);
        p.addAll(wrongValues, "holds a value never written");
        for (AckedWrites.Writer w : writes.writers()) {
            if (w.ackedSets != w.sent) {
                p.add("writer " + w.id + " has unacknowledged writes (" + w.sent + " sent, " + w.ackedSets
                        + " acknowledged): it was not stopped cleanly");
            }
            int missing = w.sent - present[w.id].cardinality();
            if (missing > 0) {
                p.add(missing + " of writer " + w.id + "'s " + w.sent + " SETs missing, the first "
                        + writes.key(w.id, present[w.id].nextClearBit(0)));
            }
            if (counters[w.id] != w.incrsSent) {
                p.add(writes.counter(w.id) + " = " + counters[w.id] + ", not " + w.incrsSent);
            }
        }
        p.check();
    }

    /** None of these writes is there. */
    void assertNonePresent() {
        Problems p = new Problems("none of the writes of " + writes.prefix + " (made after the snapshot)");
        for (AckedWrites.Writer w : writes.writers()) {
            BitSet bits = present[w.id];
            if (!bits.isEmpty()) {
                p.add(bits.cardinality() + " of writer " + w.id + "'s SETs present, the first "
                        + writes.key(w.id, bits.nextSetBit(0)));
            }
            if (counters[w.id] != 0) {
                p.add(writes.counter(w.id) + " = " + counters[w.id]);
            }
        }
        p.addAll(wrongValues, "holds a value never written");
        p.check();
    }

    /** {@code at} came before {@code bound} ({@link System#nanoTime} values; MAX_VALUE: no bound). */
    private static boolean before(long at, long bound) {
        return bound == Long.MAX_VALUE || at - bound < 0;
    }

    /** Violations of one check: fails with their count and the first ten. */
    private static final class Problems {
        private final String expected;
        private final List<String> found = new ArrayList<>();

        Problems(String expected) {
            this.expected = expected;
        }

        void add(String problem) {
            found.add(problem);
        }

        void addAll(List<String> keys, String what) {
            for (String k : keys) {
                found.add(k + " " + what);
            }
        }

        void check() {
            if (!found.isEmpty()) {
                throw new AssertionError("expected " + expected + " after the restart; " + found.size()
                        + " problem(s), the first: " + String.join("; ", found.subList(0, Math.min(10, found.size()))));
            }
        }
    }
}

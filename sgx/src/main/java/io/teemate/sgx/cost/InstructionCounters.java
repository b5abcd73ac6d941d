package io.teemate.sgx.cost;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one logical processor has executed: a count and the modeled cycles per leaf.
 * Written by the thread that runs the processor, readable from any thread.
 */
public final class InstructionCounters {
    private final CostModel model;
    private final AtomicLongArray counts = new AtomicLongArray(SgxLeaf.values().length);
    private final AtomicLongArray cycles = new AtomicLongArray(SgxLeaf.values().length);

    public InstructionCounters(CostModel model) {
        this.model = model;
    }

    /** Charges one execution of {@code leaf}. */
    public void charge(SgxLeaf leaf) {
        int i = leaf.ordinal();
        // Single writer (the thread running this processor): a plain read plus an opaque write, no locked RMW.
        counts.setOpaque(i, counts.getPlain(i) + 1);
        cycles.setOpaque(i, cycles.getPlain(i) + model.cycles(leaf));
    }

    public long count(SgxLeaf leaf) {
        return counts.get(leaf.ordinal());
    }

    public long cycles(SgxLeaf leaf) {
        return cycles.get(leaf.ordinal());
    }

    public long totalCycles() {
        long sum = 0;
        for (int i = 0; i < cycles.length(); i++) {
            sum += cycles.get(i);
        }
        return sum;
    }

    /** Leaf counts, only those executed at least once. */
    public Map<SgxLeaf, Long> counts() {
        Map<SgxLeaf, Long> m = new EnumMap<>(SgxLeaf.class);
        for (SgxLeaf leaf : SgxLeaf.values()) {
            long c = count(leaf);
            if (c > 0) {
                m.put(leaf, c);
            }
        }
        return m;
    }

    /** Adds every count of {@code other} into a snapshot map (for machine-wide sums). */
    void addTo(long[] countSum, long[] cycleSum) {
        for (int i = 0; i < counts.length(); i++) {
            countSum[i] += counts.get(i);
            cycleSum[i] += cycles.get(i);
        }
    }

    /** A snapshot of several processors' counters summed: what a whole run cost. */
    public static Snapshot sum(Iterable<InstructionCounters> all, CostModel model) {
        long[] c = new long[SgxLeaf.values().length];
        long[] y = new long[SgxLeaf.values().length];
        for (InstructionCounters ic : all) {
            ic.addTo(c, y);
        }
        return new Snapshot(c, y, model);
    }

    /** Summed counts and cycles at one moment; {@link #minus} gives what a piece of work cost. */
    public record Snapshot(long[] counts, long[] cycles, CostModel model) {
        public long totalCycles() {
            long s = 0;
            for (long v : cycles) {
                s += v;
            }
            return s;
        }

        public long count(SgxLeaf leaf) {
            return counts[leaf.ordinal()];
        }

        public double modeledNanos() {
            return model.nanos(totalCycles());
        }

        public Snapshot minus(Snapshot before) {
            long[] c = counts.clone();
            long[] y = cycles.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] -= before.counts[i];
                y[i] -= before.cycles[i];
            }
            return new Snapshot(c, y, model);
        }
    }
}

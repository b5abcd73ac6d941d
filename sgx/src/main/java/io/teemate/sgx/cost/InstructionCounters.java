package io.teemate.sgx.cost;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one logical processor has executed: a count and the modeled cycles per SGX leaf and per {@link SystemCost}.
 * Written by the thread that runs the processor, readable from any thread.
 */
public final class InstructionCounters {
    private static final int LEAVES = SgxLeaf.values().length;
    private static final int SLOTS = LEAVES + SystemCost.values().length;

    private final CostModel model;
    // Leaves first, then system costs: one array each for counts and cycles.
    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);
    private final AtomicLongArray cycles = new AtomicLongArray(SLOTS);

    public InstructionCounters(CostModel model) {
        this.model = model;
    }

    /** Charges one execution of {@code leaf}. */
    public void charge(SgxLeaf leaf) {
        add(leaf.ordinal(), 1, model.cycles(leaf));
    }

    /** Charges {@code units} of {@code cost} (events, or pages where the cost is per page). */
    public void charge(SystemCost cost, long units) {
        if (units < 0) {
            throw new IllegalArgumentException("cannot charge " + units + " units of " + cost + ": time only adds up");
        }
        add(LEAVES + cost.ordinal(), units, Math.multiplyExact(units, model.cycles(cost)));
    }

    private void add(int i, long n, long c) {
        // Single writer (the thread running this processor): a plain read plus an opaque write, no locked RMW.
        counts.setOpaque(i, counts.getPlain(i) + n);
        cycles.setOpaque(i, cycles.getPlain(i) + c);
    }

    public long count(SgxLeaf leaf) {
        return counts.get(leaf.ordinal());
    }

    public long cycles(SgxLeaf leaf) {
        return cycles.get(leaf.ordinal());
    }

    public long count(SystemCost cost) {
        return counts.get(LEAVES + cost.ordinal());
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

    private void addTo(long[] countSum, long[] cycleSum) {
        for (int i = 0; i < counts.length(); i++) {
            countSum[i] += counts.get(i);
            cycleSum[i] += cycles.get(i);
        }
    }

    /** A snapshot of several processors' counters summed: what a whole run cost. */
    public static Snapshot sum(Iterable<InstructionCounters> all, CostModel model) {
        long[] c = new long[SLOTS];
        long[] y = new long[SLOTS];
        for (InstructionCounters ic : all) {
            ic.addTo(c, y);
        }
        return new Snapshot(c, y, model);
    }

    /**
     * Summed counts and cycles at one moment (leaves, then system costs); {@link #minus} gives what a piece of work
     * cost.
     */
    public record Snapshot(long[] counts, long[] cycles, CostModel model) {
        public long totalCycles() {
            long s = 0;
            for (long v : cycles) {
                s += v;
            }
            return s;
        }

        /** Cycles of the SGX leaves alone. */
        public long leafCycles() {
            long s = 0;
            for (int i = 0; i < LEAVES; i++) {
                s += cycles[i];
            }
            return s;
        }

        public long count(SgxLeaf leaf) {
            return counts[leaf.ordinal()];
        }

        public long cycles(SgxLeaf leaf) {
            return cycles[leaf.ordinal()];
        }

        public long count(SystemCost cost) {
            return counts[LEAVES + cost.ordinal()];
        }

        public long cycles(SystemCost cost) {
            return cycles[LEAVES + cost.ordinal()];
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

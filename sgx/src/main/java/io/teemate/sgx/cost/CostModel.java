package io.teemate.sgx.cost;

import java.util.Map;
import java.util.Objects;

/**
 * Cycles charged per SGX leaf and per {@link SystemCost}, and the clock that turns cycles into modeled time: the
 * prices of one {@link PlatformProfile}. Every figure and its published source is in docs/cost-model.md; change
 * both together.
 */
public final class CostModel {
    private final PlatformProfile platform;
    private final long[] leafCycles = new long[SgxLeaf.values().length];
    private final long[] systemCycles = new long[SystemCost.values().length];
    private final double gigahertz;

    private CostModel(
            PlatformProfile platform, Map<SgxLeaf, Long> leaves, Map<SystemCost, Long> system, double gigahertz) {
        if (!(gigahertz > 0)) {
            throw new IllegalArgumentException("clock must be positive, got " + gigahertz + " GHz");
        }
        for (SgxLeaf leaf : SgxLeaf.values()) {
            leafCycles[leaf.ordinal()] = nonNegative(leaves.get(leaf), leaf);
        }
        for (SystemCost cost : SystemCost.values()) {
            systemCycles[cost.ordinal()] = nonNegative(system.get(cost), cost);
        }
        this.platform = platform;
        this.gigahertz = gigahertz;
    }

    private static long nonNegative(Long cycles, Enum<?> what) {
        if (cycles == null || cycles < 0) {
            throw new IllegalArgumentException("cost model has no non-negative cycle count for " + what);
        }
        return cycles;
    }

    /** The default platform's model ({@link PlatformProfile#DEFAULT}: the paper's machine). */
    public static CostModel published() {
        return PlatformProfile.DEFAULT.costModel();
    }

    /**
     * A model with other figures, e.g. for a sensitivity study: every leaf and every system cost must be given;
     * {@code platform} names the part the figures describe.
     */
    public static CostModel of(
            PlatformProfile platform, Map<SgxLeaf, Long> leaves, Map<SystemCost, Long> system, double gigahertz) {
        return new CostModel(
                Objects.requireNonNull(platform),
                Objects.requireNonNull(leaves),
                Objects.requireNonNull(system),
                gigahertz);
    }

    public PlatformProfile platform() {
        return platform;
    }

    public long cycles(SgxLeaf leaf) {
        return leafCycles[leaf.ordinal()];
    }

    public long cycles(SystemCost cost) {
        return systemCycles[cost.ordinal()];
    }

    public double gigahertz() {
        return gigahertz;
    }

    /** Modeled nanoseconds for a cycle count at this model's clock. */
    public double nanos(long cycles) {
        return cycles / gigahertz;
    }
}

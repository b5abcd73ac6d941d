package io.teemate.sgx.cost;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Cycles charged per SGX leaf, and the clock that turns cycles into modeled time.
 * Every figure and its published source is in docs/cost-model.md; change both together.
 */
public final class CostModel {
    private final long[] cycles = new long[SgxLeaf.values().length];
    private final double gigahertz;

    private CostModel(Map<SgxLeaf, Long> cyclesPerLeaf, double gigahertz) {
        if (!(gigahertz > 0)) {
            throw new IllegalArgumentException("clock must be positive, got " + gigahertz + " GHz");
        }
        for (SgxLeaf leaf : SgxLeaf.values()) {
            Long c = cyclesPerLeaf.get(leaf);
            if (c == null || c < 0) {
                throw new IllegalArgumentException("cost model has no non-negative cycle count for " + leaf);
            }
            cycles[leaf.ordinal()] = c;
        }
        this.gigahertz = gigahertz;
    }

    /** The figures of docs/cost-model.md, at a 3.0 GHz nominal clock. */
    public static CostModel published() {
        Map<SgxLeaf, Long> m = new EnumMap<>(SgxLeaf.class);
        // Enclave build: EADD + 16 x EEXTEND = 78,000 cycles = 26 us per page (Graphene PR #73: 22-30 us).
        m.put(SgxLeaf.ECREATE, 6_000L);
        m.put(SgxLeaf.EADD, 6_000L);
        m.put(SgxLeaf.EEXTEND, 4_500L);
        m.put(SgxLeaf.EINIT, 50_000L); // Linux sgx/ioctl.c: "50k+ cycles on success"
        m.put(SgxLeaf.EREMOVE, 5_500L); // Linux commit 8795359e35bc: ~1.8 us per page on teardown
        // Entry and exit: ECALL round trip ~8,000 cycles (HotCalls, ISCA'17).
        m.put(SgxLeaf.EENTER, 4_000L);
        m.put(SgxLeaf.EEXIT, 4_000L);
        m.put(SgxLeaf.AEX, 4_000L);
        m.put(SgxLeaf.ERESUME, 4_000L);
        m.put(SgxLeaf.EREPORT, 4_000L);
        m.put(SgxLeaf.EGETKEY, 4_000L);
        // Paging: EWB + ELDU with the OS fault path ~40,000 cycles (VAULT, ASPLOS'18).
        m.put(SgxLeaf.EPA, 6_000L);
        m.put(SgxLeaf.EBLOCK, 2_000L);
        m.put(SgxLeaf.ETRACK, 2_000L);
        m.put(SgxLeaf.EWB, 20_000L);
        m.put(SgxLeaf.ELDU, 20_000L);
        m.put(SgxLeaf.ELDB, 20_000L);
        // SGX2 dynamic memory.
        m.put(SgxLeaf.EAUG, 6_000L);
        m.put(SgxLeaf.EACCEPT, 2_000L);
        m.put(SgxLeaf.EACCEPTCOPY, 4_000L);
        m.put(SgxLeaf.EMODPR, 2_000L);
        m.put(SgxLeaf.EMODT, 2_000L);
        m.put(SgxLeaf.EMODPE, 1_000L);
        return new CostModel(m, 3.0);
    }

    /** A model with other figures, e.g. for a sensitivity study; every leaf must be given. */
    public static CostModel of(Map<SgxLeaf, Long> cyclesPerLeaf, double gigahertz) {
        return new CostModel(Objects.requireNonNull(cyclesPerLeaf), gigahertz);
    }

    public long cycles(SgxLeaf leaf) {
        return cycles[leaf.ordinal()];
    }

    public double gigahertz() {
        return gigahertz;
    }

    /** Modeled nanoseconds for a cycle count at this model's clock. */
    public double nanos(long cycles) {
        return cycles / gigahertz;
    }
}

package io.teemate.host.container;

import java.util.EnumMap;
import java.util.Map;

/**
 * Wall and modeled time per start-up phase. Wall time is this JVM's elapsed time; modeled time is the SGX leaves
 * the phase executed, priced by the cost model (docs/cost-model.md). They are kept apart and never mixed.
 */
public final class PhaseTimes {
    private final Map<Phase, Long> wallNanos = new EnumMap<>(Phase.class);
    private final Map<Phase, Double> modeledNanos = new EnumMap<>(Phase.class);

    void record(Phase phase, long wall, double modeled) {
        wallNanos.merge(phase, wall, Long::sum);
        modeledNanos.merge(phase, modeled, Double::sum);
    }

    public long wallNanos(Phase phase) {
        return wallNanos.getOrDefault(phase, 0L);
    }

    public double modeledNanos(Phase phase) {
        return modeledNanos.getOrDefault(phase, 0.0);
    }

    public long totalWallNanos() {
        return wallNanos.values().stream().mapToLong(Long::longValue).sum();
    }

    public double totalModeledNanos() {
        return modeledNanos.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}

package io.teemate.bench;

import java.util.stream.DoubleStream;

/** Small statistics over measured values, NaN (not measured) left out. */
public final class Stats {
    private Stats() {}

    /** The median of the values that are not NaN; NaN if there are none. */
    public static double median(DoubleStream values) {
        double[] v = values.filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The mean of the values that are not NaN; NaN if there are none. */
    public static double mean(DoubleStream values) {
        return values.filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }
}

package io.teemate.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationTest {
    @Test
    void theGoalIsThePapersLowerBound() {
        assertThat(Evaluation.SERVERLESS_LATENCY.verdict(4.53)).isEqualTo("**not met**");
        assertThat(Evaluation.SERVERLESS_LATENCY.verdict(4.54)).isEqualTo("met");
        assertThat(Evaluation.SERVERLESS_LATENCY.verdict(6.98)).isEqualTo("met");
        assertThat(Evaluation.SERVERLESS_LATENCY.verdict(7.0)).isEqualTo("met (above the range)");
        assertThat(Evaluation.SERVERLESS_LATENCY.verdict(Double.NaN)).isEqualTo("not measured");
        // a reduction has no range above it: 60% less is simply met
        assertThat(Evaluation.REDIS_MEMORY.verdict(0.40)).isEqualTo("**not met**");
        assertThat(Evaluation.REDIS_MEMORY.verdict(0.60)).isEqualTo("met");
    }

    @Test
    void mediansLeaveOutWhatWasNotMeasured() {
        assertThat(Stats.median(DoubleStream.of(3, Double.NaN, 1, 2))).isEqualTo(2);
        assertThat(Stats.median(DoubleStream.of(4, 1))).isEqualTo(2.5);
        assertThat(Stats.median(DoubleStream.of(Double.NaN))).isNaN();
        assertThat(Stats.mean(DoubleStream.of(1, Double.NaN, 3))).isEqualTo(2);
    }

    @Test
    void aConfigurationNamesWhatIsWrong() {
        Evaluation.Config quick = Evaluation.Config.quick(Path.of("."));
        assertThatThrownBy(() -> Evaluation.Experiment.parse("redis"))
                .hasMessageContaining("unknown experiment 'redis'");
        assertThatThrownBy(() -> quick.withInstances(List.of(1, 0))).hasMessageContaining("--instances");
        assertThatThrownBy(() -> quick.withKeys(List.of())).hasMessageContaining("--keys");
        assertThatThrownBy(() -> quick.withReps(0)).hasMessageContaining("--reps");
        assertThatThrownBy(() -> quick.withExperiments(java.util.Set.of()))
                .hasMessageContaining("at least one experiment");
        assertThat(quick.withReps(3).reps()).isEqualTo(3);
        assertThat(quick.withReps(3).instances()).isEqualTo(quick.instances());
    }
}

package io.teemate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.teemate.sgx.cost.PlatformProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
        assertThat(quick.platform()).isEqualTo(PlatformProfile.DEFAULT);
        assertThat(quick.withPlatform(PlatformProfile.E_2276G).withReps(2).platform())
                .isEqualTo(PlatformProfile.E_2276G);
    }

    @Test
    void theReportNamesThePlatformOnEveryModeledHeadingAndColumnAndNowhereElse() {
        String md = String.join(
                "\n",
                "## Fork, modeled",
                "The modeled figures below are medians.",
                "| N | wall ms | modeled ms | ratio, modeled |",
                "|---|---:|---:|---:|",
                "| 1 | 2.0 | 0.5 modeled | 4x |",
                "### Already named: modeled (i9-9900k)");
        String named = Evaluation.namePlatform(md, PlatformProfile.E_2276G);
        assertThat(named.split("\n"))
                .containsExactly(
                        "## Fork, modeled (e-2276g)",
                        "The modeled figures below are medians.",
                        "| N | wall ms | modeled (e-2276g) ms | ratio, modeled (e-2276g) |",
                        "|---|---:|---:|---:|",
                        "| 1 | 2.0 | 0.5 modeled | 4x |",
                        "### Already named: modeled (i9-9900k)");
    }

    @Test
    void thePersistenceExperimentRunsQuickly(@TempDir Path dir) throws Exception {
        Evaluation.Config c = Evaluation.Config.quick(Path.of(".."))
                .withExperiments(Set.of(Evaluation.Experiment.parse("kv-aof")))
                .withKeys(List.of(500L))
                .withPlatform(PlatformProfile.E_2276G);
        Evaluation.Outcome o = Evaluation.run(c, dir, line -> {});

        for (String f : List.of("kv-rewrite.csv", "kv-rewrite-latency.png", "kv-rewrite-epc.png", "report.md")) {
            assertThat(dir.resolve(f)).as(f).isNotEmptyFile();
        }
        JsonNode kv = o.results().path("kv-aof");
        // one size x shared and conventional x one BGREWRITEAOF; quick runs no native redis-server
        assertThat(kv.path("rewrite_rows")).hasSize(2);
        for (JsonNode r : kv.path("rewrite_rows")) {
            assertThat(r.path("op").asText()).isEqualTo("bgrewriteaof");
            assertThat(r.path("snapshotBytes").asLong()).isPositive();
        }
        assertThat(kv.at("/rewrite_comparison/0/fork_ratio_modeled").asDouble()).isPositive();
        String report = Files.readString(o.report());
        assertThat(report).contains("## Confidential database: persistence", "BGREWRITEAOF fork with 500 keys");
        // the run's platform reaches the database's machine and is named wherever its modeled time is
        assertThat(o.results().at("/config/platform").asText()).isEqualTo("e-2276g");
        assertThat(report).contains("modeled (e-2276g)", "priced as e-2276g").doesNotContain("gold-6348");
        List<String> csv = Files.readAllLines(dir.resolve("kv-rewrite.csv"));
        assertThat(csv.get(0)).endsWith(",platform");
        assertThat(csv.subList(1, csv.size())).hasSize(2).allMatch(l -> l.endsWith(",e-2276g"));
        if (KvThroughput.available()) {
            // SET with the AOF off, always and everysec against the TeeMate server, -P 1, one run each
            assertThat(kv.path("throughput_runs")).hasSize(3);
            assertThat(dir.resolve("kv-throughput-aof.csv")).isNotEmptyFile();
            assertThat(report).contains("### SET throughput with the append-only file", "| everysec | 1 |");
        }
    }
}

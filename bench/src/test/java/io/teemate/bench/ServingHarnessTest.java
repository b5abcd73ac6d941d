package io.teemate.bench;

import io.teemate.faas.abi.WasmEngine;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serverless harnesses run the paper's four serving models as well as their default two. */
class ServingHarnessTest {
    private static final List<Serving> FOUR = Serving.parseList("native,cold,warm,shared");

    @Test
    void servingNamesAreTheModelsAndConventionalIsTheTwoModePlatformsMode() {
        assertThat(Serving.parse("conventional")).isEqualTo(Serving.CONVENTIONAL);
        assertThat(Serving.parse("conventional").model())
                .as("not cold: idle instances reused")
                .isNull();
        assertThat(FOUR).extracting(Serving::name).containsExactly("native", "cold", "warm", "shared");
        assertThat(FOUR)
                .extracting(Serving::mode)
                .containsExactly(null, Mode.CONVENTIONAL, Mode.CONVENTIONAL, Mode.SHARED);
        assertThat(Serving.DEFAULT).extracting(Serving::name).containsExactly("conventional", "shared");
        assertThatThrownBy(() -> Serving.parse("tepid"))
                .hasMessageContaining("conventional, native, cold, warm, shared");
    }

    @Test
    void theColdStartHarnessMeasuresEachModel(@TempDir Path dir) throws Exception {
        FaasColdStart.Result r = FaasColdStart.run(
                new FaasColdStart.Config(
                        List.of("auth"), List.of(2), "8M", false, 1, Path.of("../faas/workloads"), FOUR),
                dir,
                line -> {});
        assertThat(r.rows()).extracting(FaasColdStart.Row::serving).containsExactlyElementsOf(FOUR);
        for (FaasColdStart.Row row : r.rows()) {
            assertThat(row.meanWallMs()).as(row.serving().name()).isPositive();
        }
        FaasColdStart.Row nat = r.rows().get(0);
        FaasColdStart.Row cold = r.rows().get(1);
        FaasColdStart.Row warm = r.rows().get(2);
        FaasColdStart.Row shared = r.rows().get(3);
        assertThat(nat.meanModeledMs()).as("no SGX").isZero();
        assertThat(nat.epcPages()).isZero();
        assertThat(cold.phaseModeledMs()[1])
                .as("an enclave built per invocation")
                .isPositive();
        assertThat(cold.epcPages()).as("each stopped after its invocation").isZero();
        assertThat(warm.phaseModeledMs()[1])
                .as("served from the pool made at deploy")
                .isZero();
        assertThat(warm.epcPages()).as("the pool's enclaves").isPositive();
        assertThat(shared.epcPages()).isPositive();
        List<String> csv = Files.readAllLines(dir.resolve("faas.csv"));
        assertThat(csv.subList(1, csv.size()))
                .extracting(l -> l.split(",")[1])
                .containsExactly("native", "cold", "warm", "shared");
    }

    @Test
    void theStartupHarnessMeasuresEachModel(@TempDir Path dir) throws Exception {
        FaasStartup.Result r = FaasStartup.run(
                new FaasStartup.Config(
                        1, "8M", WasmEngine.INTERPRETER, Path.of("../faas/workloads/wasm/echo.wasm"), FOUR),
                dir,
                line -> {});
        assertThat(r.rows())
                .extracting(row -> row.mode().name())
                .containsSubsequence("native", "cold", "warm", "shared");
        assertThat(Files.readString(r.csv())).contains("\nnative,first cold,").contains("\nwarm,warm,");
    }
}

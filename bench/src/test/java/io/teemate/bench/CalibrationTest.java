package io.teemate.bench;

import io.teemate.sgx.cost.PlatformProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The calibration table: its CSV, each row run on the part its figure was measured on, the same on every run. */
class CalibrationTest {
    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    @Test
    void iceLakeRowsAreTheSdksBuildsOnTheGold5315yAndTheirModeledFiguresRepeatExactly() throws Exception {
        Calibration.Result first = Calibration.run(PlatformProfile.Family.ICE_LAKE_SP, 10L << 20, dir, progress::add);
        Calibration.Result second =
                Calibration.run(PlatformProfile.Family.ICE_LAKE_SP, 10L << 20, dir.resolve("again"), line -> {});

        assertThat(first.rows())
                .extracting(Calibration.Row::operation)
                .containsExactly(
                        "SDK enclave create+destroy, heap of 1 MiB", "SDK enclave create+destroy, heap of 10 MiB");
        assertThat(first.rows()).allSatisfy(r -> assertThat(r.platform()).isSameAs(PlatformProfile.GOLD_5315Y));
        assertThat(first.rows().get(1).modeled())
                .as("a bigger heap builds longer")
                .isGreaterThan(first.rows().get(0).modeled());
        assertThat(second.rows())
                .extracting(Calibration.Row::modeled)
                .containsExactlyElementsOf(
                        first.rows().stream().map(Calibration.Row::modeled).toList());
        List<String> csv = Files.readAllLines(first.csv());
        assertThat(csv.get(0)).isEqualTo("operation,platform,hardware,unit,modeled,ratio,source");
        assertThat(csv.get(2)).startsWith("\"SDK enclave create+destroy, heap of 10 MiB\",gold-5315y,0.03000,s,");
        assertThat(progress).anyMatch(l -> l.contains("a 10 MiB heap"));
    }

    @Test
    void coffeeLakeRowsRunTheTransitionsAndAPageSwapOnTheirParts() throws Exception {
        Calibration.Result r = Calibration.run(PlatformProfile.Family.COFFEE_LAKE, 1L << 20, dir, line -> {});

        assertThat(r.rows())
                .extracting(Calibration.Row::operation)
                .contains(
                        "empty ECALL round trip",
                        "empty OCALL round trip",
                        "EPC page swap (EWB + ELDU with the OS fault path)");
        Calibration.Row ecall = r.rows().stream()
                .filter(x -> x.operation().equals("empty ECALL round trip"))
                .findFirst()
                .orElseThrow();
        assertThat(ecall.platform()).isSameAs(PlatformProfile.I9_9900K);
        assertThat(ecall.ratio()).isEqualTo(ecall.modeled() / ecall.hardware());
        assertThat(r.rows())
                .allSatisfy(x -> assertThat(x.modeled()).as(x.operation()).isPositive());
        assertThat(Calibration.report(r)).contains("| empty OCALL round trip | i9-9900k | 1.980 |");
    }
}

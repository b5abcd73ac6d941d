package io.teemate.faas.host;

import io.teemate.host.container.Mode;
import io.teemate.sgx.cost.PlatformProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PlatformOptions#platform} ({@code teemate serve --platform}) reaches the machine the platform makes, and so
 * prices its modeled phases: the same cold start is modeled otherwise on another part, and the same on the same.
 */
class PlatformProfileReachesTheMachineTest {
    private static double coldEnclaveModeledNanos(Path dir, PlatformOptions options, PlatformProfile expected) {
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.CONVENTIONAL, dir, options)) {
            assertThat(p.machine().costModel().platform()).isEqualTo(expected);
            assertThat(p.modeledPlatform()).contains(expected);
            p.deploy(Wat.spec("hello", Wat.ECHO, 0, 0));
            Invocation first = p.invoke("hello", "hi".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(first.cold()).isTrue();
            assertThat(new String(first.output(), StandardCharsets.UTF_8)).isEqualTo("hi");
            return first.modeled().enclave();
        }
    }

    @Test
    void theDefaultIsThePapersMachineAndAnotherPartPricesTheSameColdStartOtherwise(@TempDir Path dir) {
        PlatformOptions small = EnclaveFunctionPlatformTest.small();
        assertThat(small.platform()).isEqualTo(PlatformProfile.DEFAULT).isEqualTo(PlatformProfile.GOLD_6348);
        double gold = coldEnclaveModeledNanos(dir.resolve("a"), small, PlatformProfile.GOLD_6348);
        double goldAgain = coldEnclaveModeledNanos(dir.resolve("b"), small, PlatformProfile.GOLD_6348);
        double e2276g = coldEnclaveModeledNanos(
                dir.resolve("c"), small.withPlatform(PlatformProfile.E_2276G), PlatformProfile.E_2276G);
        assertThat(gold).as("ECREATE, EADD/EEXTEND, EINIT priced").isPositive();
        assertThat(goldAgain).as("deterministic on one part").isEqualTo(gold);
        assertThat(e2276g).as("another clock and other costs").isNotEqualTo(gold);
    }

    @Test
    void otherOptionsKeepThePlatform() {
        PlatformOptions o = PlatformOptions.defaults().withPlatform(PlatformProfile.I9_9900K);
        assertThat(o.withMachine(64, 2).withWarmPool(3).withThreads(5).platform())
                .isEqualTo(PlatformProfile.I9_9900K);
        assertThat(o.withMachine(64, 2).epcMiB())
                .as("the EPC stays the options'")
                .isEqualTo(64);
    }
}

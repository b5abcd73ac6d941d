package io.teemate.faas.enclave;

import io.teemate.faas.abi.WasmAbi;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WasmAppEnvironmentTest {
    @Test
    void theModuleSeesTheManifestEnvironmentAndParametersButNotThePlatformsKeys() {
        Map<String, String> env = WasmApp.environment(
                Map.of("A", "1", "B", "2", WasmAbi.ENV_TIMEOUT_MS, "10"),
                Map.of("B", "3", "C", "4", "TEEMATE_X", "no", WasmAbi.ENV_TIMEOUT_MS, "99"));
        assertThat(env)
                .as("a parameter adds a name but never replaces the manifest's (review finding 8)")
                .containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "2", "C", "4"));
    }
}

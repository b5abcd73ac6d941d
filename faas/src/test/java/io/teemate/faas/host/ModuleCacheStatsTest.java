package io.teemate.faas.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared enclave's module cache counts reach the platform's runtime statistics and the gateway's /metrics. */
class ModuleCacheStatsTest {
    @TempDir
    Path dir;

    @Test
    void cacheHitsMissesAndBytesAreInTheRuntimeStatsAndInMetrics() {
        try (EnclaveFunctionPlatform p =
                        EnclaveFunctionPlatform.create(Mode.SHARED, dir, EnclaveFunctionPlatformTest.small());
                Gateway gateway =
                        Gateway.start(p, GatewayConfig.defaults().withPort(0).withThreads(2))) {
            GatewayClient client = new GatewayClient(gateway.uri());
            assertThat(client.get("/metrics").text())
                    .as("no enclave yet: nothing is started to count it")
                    .doesNotContain("teemate_faas_module_cache_hits_total");
            p.deploy(Wat.spec("a", Wat.ECHO, 0, 0));
            p.deploy(Wat.spec("b", Wat.ECHO, 0, 0)); // same module, another container
            p.invoke("a", "1".getBytes(), Map.of());
            p.invoke("b", "2".getBytes(), Map.of());
            RuntimeStats s = p.runtimeStats();
            assertThat(s.moduleCacheMisses()).as("loaded once").isEqualTo(1);
            assertThat(s.moduleCacheHits()).as("b found a's module").isGreaterThanOrEqualTo(1);
            assertThat(s.moduleCacheEvictions()).isZero();
            assertThat(s.moduleCacheBytes()).isPositive();
            String metrics = client.get("/metrics").text();
            assertThat(metrics)
                    .contains("teemate_faas_module_cache_misses_total 1.0")
                    .contains("teemate_faas_module_cache_evictions_total 0.0")
                    .containsPattern("teemate_faas_module_cache_hits_total [1-9]")
                    .containsPattern("teemate_faas_module_cache_modules 1.0")
                    .containsPattern("teemate_faas_module_cache_bytes [1-9]");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

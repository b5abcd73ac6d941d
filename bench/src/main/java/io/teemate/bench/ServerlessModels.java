package io.teemate.bench;

import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.faas.host.ServingModel;
import io.teemate.sgx.cost.PlatformProfile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The paper's serving models as the serverless experiments run them, each a platform sized for {@code instances}
 * JavaScript instances at once: the engine starts at 19 Wasm pages and a function keeps its snapshot beside its
 * isolate, so a shared enclave gets an instance's heap per instance and a conventional one (cold, warm) room for one,
 * beside 12 MiB for the runtime; the machine's EPC holds all of them. Warm's pool is as large as the
 * instances asked for: the paper's CC-Warm assumes every request was predicted.
 */
final class ServerlessModels {
    private ServerlessModels() {}

    /** Every model; {@code kvEndpoint} (host:port, or null) is the store the functions reach as teemate.kv. */
    static List<ServerlessExperiments.Model> all(String kvEndpoint) {
        return all(kvEndpoint, PlatformProfile.DEFAULT);
    }

    /** Every model, its modeled time priced as {@code platform} would. */
    static List<ServerlessExperiments.Model> all(String kvEndpoint, PlatformProfile platform) {
        return Arrays.stream(ServingModel.values())
                .map(m -> model(m, kvEndpoint, platform))
                .toList();
    }

    static PlatformOptions options(ServingModel model, int instances, int perInstanceMiB) {
        boolean shared = model == ServingModel.SHARED;
        int heapMiB = shared ? 12 + perInstanceMiB * instances : 12 + perInstanceMiB;
        int epcMiB = Math.max(256, 64 + (shared ? heapMiB : heapMiB * (instances + 1)) * 5 / 4);
        return PlatformOptions.defaults()
                .withHeap(heapMiB + "M", false)
                .withThreads(Math.max(2, instances))
                .withMaxInstances(Math.max(2, instances + 1))
                .withWarmPool(Math.max(1, instances))
                .withMachine(epcMiB, 4)
                .withTcsTimeout(Duration.ofMinutes(10))
                .withDefaults(256, 600_000);
    }

    private static ServerlessExperiments.Model model(ServingModel m, String kvEndpoint, PlatformProfile platform) {
        return new ServerlessExperiments.Model() {
            @Override
            public String name() {
                return m.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public FunctionPlatform open(Path dir, int instances, int instanceMiB) {
                PlatformOptions o = options(m, instances, instanceMiB).withPlatform(platform);
                return m.platform(dir, kvEndpoint == null ? o : o.withKvEndpoint(kvEndpoint));
            }

            @Override
            public boolean reusesInstances() {
                // cold starts one per invocation by itself, warm serves from its pool
                return m == ServingModel.SHARED || m == ServingModel.NATIVE;
            }
        };
    }
}

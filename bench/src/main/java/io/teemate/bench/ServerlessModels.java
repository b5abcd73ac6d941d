package io.teemate.bench;

import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.faas.host.ServingModel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The paper's serving models as the serverless experiments run them, each a platform sized for {@code instances}
 * JavaScript instances at once: the engine starts at 19 Wasm pages and a function keeps its snapshot beside its
 * isolate, about 4 MiB of enclave heap an instance, so a shared enclave gets that much per instance and a
 * conventional one (cold, warm) room for one; the machine's EPC holds all of them. Warm's pool is as large as the
 * instances asked for: the paper's CC-Warm assumes every request was predicted.
 */
final class ServerlessModels {
    private ServerlessModels() {}

    static List<ServerlessExperiments.Model> all() {
        return Arrays.stream(ServingModel.values()).map(ServerlessModels::model).toList();
    }

    static PlatformOptions options(ServingModel model, int instances) {
        int perInstanceMiB = 4;
        boolean shared = model == ServingModel.SHARED;
        int heapMiB = shared ? 16 + perInstanceMiB * instances : 16;
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

    private static ServerlessExperiments.Model model(ServingModel m) {
        return new ServerlessExperiments.Model() {
            @Override
            public String name() {
                return m.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public FunctionPlatform open(Path dir, int instances) {
                return m.platform(dir, options(m, instances));
            }

            @Override
            public boolean reusesInstances() {
                // cold starts one per invocation by itself, warm serves from its pool
                return m == ServingModel.SHARED || m == ServingModel.NATIVE;
            }
        };
    }
}

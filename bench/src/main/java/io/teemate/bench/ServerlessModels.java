package io.teemate.bench;

import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.host.container.Mode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The serving models the serverless experiments compare, each a platform sized for {@code instances} JavaScript
 * instances at once: the engine starts at 19 Wasm pages and a function keeps its snapshot beside its isolate, about
 * 4 MiB of enclave heap an instance, so a shared enclave gets that much per instance and a conventional one room for
 * one; the machine's EPC holds all of them.
 */
final class ServerlessModels {
    private ServerlessModels() {}

    static List<ServerlessExperiments.Model> all() {
        return List.of(model("cold", Mode.CONVENTIONAL), model("shared", Mode.SHARED));
    }

    static PlatformOptions options(Mode mode, int instances) {
        int perInstanceMiB = 4;
        int heapMiB = mode == Mode.SHARED ? 16 + perInstanceMiB * instances : 16;
        int epcMiB = Math.max(256, 64 + (mode == Mode.SHARED ? heapMiB : heapMiB * instances) * 5 / 4);
        return PlatformOptions.defaults()
                .withHeap(heapMiB + "M", false)
                .withThreads(Math.max(2, instances))
                .withMaxInstances(Math.max(2, instances))
                .withMachine(epcMiB, 4)
                .withTcsTimeout(Duration.ofMinutes(10))
                .withDefaults(256, 600_000);
    }

    private static ServerlessExperiments.Model model(String name, Mode mode) {
        return new ServerlessExperiments.Model() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public FunctionPlatform open(Path dir, int instances) {
                return EnclaveFunctionPlatform.create(mode, dir, options(mode, instances));
            }

            @Override
            public boolean reusesInstances() {
                return true;
            }
        };
    }
}

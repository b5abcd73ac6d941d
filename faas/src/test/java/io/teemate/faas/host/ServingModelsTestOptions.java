package io.teemate.faas.host;

import java.time.Duration;

/** Platform options with room for the JavaScript engine (jsfn.wasm starts at 19 Wasm pages), for the model tests. */
final class ServingModelsTestOptions {
    private ServingModelsTestOptions() {}

    static PlatformOptions js() {
        return PlatformOptions.defaults()
                .withHeap("16M", false)
                .withThreads(8)
                .withMachine(256, 4)
                .withTcsTimeout(Duration.ofSeconds(60))
                .withDefaults(64, 60_000)
                .withWarmPool(2);
    }
}

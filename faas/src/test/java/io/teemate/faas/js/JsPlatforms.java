package io.teemate.faas.js;

import io.teemate.faas.host.PlatformOptions;

import java.time.Duration;

/**
 * The platform the JavaScript tests run on: an enclave heap with room for a few engine instances (jsfn.wasm starts
 * at 19 Wasm pages, and each function keeps its snapshot beside the isolate that runs), 64 pages (4 MiB) per function
 * by default, and time for the interpreted engine.
 */
final class JsPlatforms {
    private JsPlatforms() {}

    static PlatformOptions options() {
        return PlatformOptions.defaults()
                .withHeap("96M", false)
                .withThreads(8)
                .withMachine(256, 4)
                .withTcsTimeout(Duration.ofSeconds(60))
                .withDefaults(64, 60_000);
    }
}

package io.teemate.faas.host;

import java.util.List;
import java.util.Map;

/**
 * A function to deploy: its name, its module (a binary .wasm, or WebAssembly text when {@code text} is true), the
 * arguments and environment it always gets, the most linear memory it may use (64 KiB Wasm pages) and how long one
 * invocation may run.
 */
public record FunctionSpec(
        String name,
        byte[] module,
        boolean text,
        List<String> args,
        Map<String, String> env,
        int maxMemoryPages,
        long timeoutMillis) {
    public FunctionSpec {
        module = module.clone();
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    @Override
    public byte[] module() {
        return module.clone();
    }
}

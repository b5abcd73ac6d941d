package io.teemate.faas.host;

import java.util.List;
import java.util.Map;

/**
 * A function to deploy: its name, its code, the arguments and environment it always gets, the most linear memory it
 * may use (64 KiB Wasm pages) and how long one invocation may run. The code is, by {@code runtime}:
 * {@link FunctionRuntime#WASM} a binary .wasm, or WebAssembly text when {@code text} is true;
 * {@link FunctionRuntime#NODEJS} JavaScript source, or a zip archive of a Node.js package (OpenWhisk's conventions),
 * whose entry point is {@code main} ("main" when null).
 */
public record FunctionSpec(
        String name,
        byte[] module,
        boolean text,
        List<String> args,
        Map<String, String> env,
        int maxMemoryPages,
        long timeoutMillis,
        FunctionRuntime runtime,
        String main) {
    public FunctionSpec {
        module = module.clone();
        args = List.copyOf(args);
        env = Map.copyOf(env);
        runtime = runtime == null ? FunctionRuntime.WASM : runtime;
    }

    /** A WebAssembly function. */
    public FunctionSpec(
            String name,
            byte[] module,
            boolean text,
            List<String> args,
            Map<String, String> env,
            int maxMemoryPages,
            long timeoutMillis) {
        this(name, module, text, args, env, maxMemoryPages, timeoutMillis, FunctionRuntime.WASM, null);
    }

    /** A JavaScript function: {@code code} is its source or a zip archive; {@code main} null for "main". */
    public static FunctionSpec nodejs(
            String name, byte[] code, String main, Map<String, String> env, int maxMemoryPages, long timeoutMillis) {
        return new FunctionSpec(
                name, code, false, List.of(), env, maxMemoryPages, timeoutMillis, FunctionRuntime.NODEJS, main);
    }

    @Override
    public byte[] module() {
        return module.clone();
    }
}

package io.teemate.faas.host;

/** A deployed function as the platform sees it now; {@code runtime} says what its code is. */
public record FunctionInfo(
        String name,
        String identity,
        long moduleBytes,
        int maxMemoryPages,
        long timeoutMillis,
        int idleInstances,
        int busyInstances,
        long invocations,
        long memoryLimitBytes,
        FunctionRuntime runtime) {
    public FunctionInfo {
        runtime = runtime == null ? FunctionRuntime.WASM : runtime;
    }

    /** A WebAssembly function. */
    public FunctionInfo(
            String name,
            String identity,
            long moduleBytes,
            int maxMemoryPages,
            long timeoutMillis,
            int idleInstances,
            int busyInstances,
            long invocations,
            long memoryLimitBytes) {
        this(
                name,
                identity,
                moduleBytes,
                maxMemoryPages,
                timeoutMillis,
                idleInstances,
                busyInstances,
                invocations,
                memoryLimitBytes,
                FunctionRuntime.WASM);
    }
}

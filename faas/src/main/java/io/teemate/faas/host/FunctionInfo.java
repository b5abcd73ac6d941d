package io.teemate.faas.host;

/** A deployed function as the platform sees it now. */
public record FunctionInfo(
        String name,
        String identity,
        long moduleBytes,
        int maxMemoryPages,
        long timeoutMillis,
        int idleInstances,
        int busyInstances,
        long invocations,
        long memoryLimitBytes) {}

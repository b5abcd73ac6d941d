package io.teemate.faas.host;

import java.io.PrintStream;

/**
 * How the gateway listens and what it accepts.
 *
 * @param port                  TCP port on 127.0.0.1; 0 picks a free one ({@link Gateway#port()} tells which)
 * @param threads               worker threads that run requests (a bounded pool; a function call holds one for its
 *                              whole run)
 * @param queueCapacity         requests that may wait for a worker; past that the accepting thread runs the request
 *                              itself, which stops it accepting more (back-pressure instead of an unbounded queue)
 * @param maxBodyBytes          the largest request body; a larger one is refused with 413
 * @param defaultMaxMemoryPages a function's linear-memory limit (64 KiB Wasm pages) when its deploy request gives none
 * @param defaultTimeoutMillis  a function's time limit per invocation when its deploy request gives none
 * @param maxTimeoutMillis      the largest time limit a deploy request may ask for
 * @param openWhiskStdout       where the OpenWhisk end-of-activation log marker is written after each {@code /run}
 *                              (the invoker reads it from the container's stdout); null for none
 * @param openWhiskStderr       the same for stderr; null for none
 */
public record GatewayConfig(
        int port,
        int threads,
        int queueCapacity,
        long maxBodyBytes,
        int defaultMaxMemoryPages,
        long defaultTimeoutMillis,
        long maxTimeoutMillis,
        PrintStream openWhiskStdout,
        PrintStream openWhiskStderr) {
    /** The largest linear memory a 32-bit Wasm module can address: 4 GiB in 64 KiB pages (Wasm core spec 2.5.5). */
    public static final int WASM_MAX_PAGES = 65536;

    public GatewayConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, not " + queueCapacity);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "maxBodyBytes must be 1.." + (Integer.MAX_VALUE - 8) + ", not " + maxBodyBytes);
        }
        if (defaultMaxMemoryPages < 1 || defaultMaxMemoryPages > WASM_MAX_PAGES) {
            throw new IllegalArgumentException(
                    "defaultMaxMemoryPages must be 1.." + WASM_MAX_PAGES + ", not " + defaultMaxMemoryPages);
        }
        if (maxTimeoutMillis < 1) {
            throw new IllegalArgumentException("maxTimeoutMillis must be positive, not " + maxTimeoutMillis);
        }
        if (defaultTimeoutMillis < 1 || defaultTimeoutMillis > maxTimeoutMillis) {
            throw new IllegalArgumentException(
                    "defaultTimeoutMillis must be 1.." + maxTimeoutMillis + ", not " + defaultTimeoutMillis);
        }
    }

    /**
     * Port 8080 (the port an OpenWhisk action container listens on), 16 workers, 256 waiting requests, 16 MiB
     * bodies, 256 pages (16 MiB) of linear memory and 60 s per invocation unless a function asks otherwise (60 s is
     * OpenWhisk's default action time limit), at most 300 s (OpenWhisk's default maximum), no log markers.
     */
    public static GatewayConfig defaults() {
        return new GatewayConfig(8080, 16, 256, 16L << 20, 256, 60_000, 300_000, null, null);
    }

    public GatewayConfig withPort(int port) {
        return new GatewayConfig(
                port,
                threads,
                queueCapacity,
                maxBodyBytes,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                maxTimeoutMillis,
                openWhiskStdout,
                openWhiskStderr);
    }

    public GatewayConfig withThreads(int threads) {
        return new GatewayConfig(
                port,
                threads,
                queueCapacity,
                maxBodyBytes,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                maxTimeoutMillis,
                openWhiskStdout,
                openWhiskStderr);
    }

    public GatewayConfig withMaxBodyBytes(long maxBodyBytes) {
        return new GatewayConfig(
                port,
                threads,
                queueCapacity,
                maxBodyBytes,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                maxTimeoutMillis,
                openWhiskStdout,
                openWhiskStderr);
    }

    public GatewayConfig withDefaults(int defaultMaxMemoryPages, long defaultTimeoutMillis) {
        return new GatewayConfig(
                port,
                threads,
                queueCapacity,
                maxBodyBytes,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                maxTimeoutMillis,
                openWhiskStdout,
                openWhiskStderr);
    }

    public GatewayConfig withOpenWhiskLogs(PrintStream stdout, PrintStream stderr) {
        return new GatewayConfig(
                port,
                threads,
                queueCapacity,
                maxBodyBytes,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                maxTimeoutMillis,
                stdout,
                stderr);
    }
}

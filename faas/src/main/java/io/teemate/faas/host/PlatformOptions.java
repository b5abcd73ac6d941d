package io.teemate.faas.host;

import io.teemate.faas.abi.WasmEngine;
import io.teemate.sgx.cost.PlatformProfile;
import io.teemate.sgx.sign.SigningKey;

import java.time.Duration;

/**
 * How an {@link EnclaveFunctionPlatform} builds its enclave and runs functions.
 *
 * @param heapSize              the enclave heap (manifest {@code heap_size}, e.g. "64M"): all instances' linear memory
 *                              comes from it, in shared mode for all functions together
 * @param edmm                  SGX2: the heap starts at {@code heapInitial} and grows with EAUG/EACCEPT; SGX1 (false)
 *                              adds and measures the whole heap before EINIT, at every enclave build
 * @param heapInitial           the heap added before EINIT with EDMM (e.g. "256K"); ignored without
 * @param threads               TCS pages of the enclave for function instances: how many can be up at once in shared
 *                              mode (the enclave gets one more, for the platform's runtime-statistics container)
 * @param maxInstances          instances (containers) the platform keeps at most, busy and idle, across functions
 * @param engine                Chicory's compiler (to JVM bytecode, once per enclave) or its interpreter
 * @param defaultMaxMemoryPages a function's linear memory limit (64 KiB pages) when its spec gives 0
 * @param defaultTimeoutMillis  a function's time limit per invocation when its spec gives 0
 * @param tcsTimeout            how long a cold start waits for a free TCS, and an invocation for a free instance slot
 * @param warmPeriod            shared mode: how long the enclave is kept with no instance (so the next cold start
 *                              aliases it instead of building it)
 * @param epcMiB                the EPC of a machine the platform makes itself ({@link EnclaveFunctionPlatform#create})
 * @param logicalProcessors     the logical processors of such a machine: how many enclave threads run at once
 * @param owner                 the enclave owner's RSA-3072 key: signs the enclave's SIGSTRUCT (MRSIGNER) and the
 *                              policy admitting each function's container; null for a fresh key per platform
 * @param warmPool              the warm model ({@link ServingModel#WARM}): instances made in advance per function, at
 *                              deploy, and kept ready (the paper's CC-Warm pre-creates container, enclave and instance)
 * @param kvEndpoint            {@code host:port} of the key-value store (Redis's protocol: {@code teemate kv serve} or
 *                              a Redis) that JavaScript functions' {@code teemate.kv} reaches; null for none
 * @param platform              the SGX part whose clock and costs price the modeled time of a machine the platform
 *                              makes itself (its EPC size stays {@code epcMiB})
 */
public record PlatformOptions(
        String heapSize,
        boolean edmm,
        String heapInitial,
        int threads,
        int maxInstances,
        WasmEngine engine,
        int defaultMaxMemoryPages,
        long defaultTimeoutMillis,
        Duration tcsTimeout,
        Duration warmPeriod,
        int epcMiB,
        int logicalProcessors,
        SigningKey owner,
        int warmPool,
        String kvEndpoint,
        PlatformProfile platform) {
    public PlatformOptions {
        java.util.Objects.requireNonNull(platform, "platform");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (maxInstances < 1) {
            throw new IllegalArgumentException("maxInstances must be at least 1, got " + maxInstances);
        }
        if (warmPool < 0) {
            throw new IllegalArgumentException("warmPool must be 0 or more, got " + warmPool);
        }
        if (defaultMaxMemoryPages < 1 || defaultTimeoutMillis < 1) {
            throw new IllegalArgumentException("the default memory limit and time limit must be positive");
        }
    }

    /**
     * 64 MiB SGX1 heap, 32 threads and instances, the compiler, 64 pages (4 MiB) and 10 s per function, 4 warm
     * instances per function in the warm model.
     */
    public static PlatformOptions defaults() {
        return new PlatformOptions(
                "64M",
                false,
                "256K",
                32,
                32,
                WasmEngine.COMPILER,
                64,
                10_000,
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                256,
                Math.max(4, Runtime.getRuntime().availableProcessors()),
                null,
                4,
                null,
                PlatformProfile.DEFAULT);
    }

    public PlatformOptions withHeap(String size, boolean edmm) {
        return new PlatformOptions(
                size,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    /** {@code threads} TCS pages, and as many instances at most. */
    public PlatformOptions withThreads(int threads) {
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                threads,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    public PlatformOptions withMaxInstances(int maxInstances) {
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    public PlatformOptions withEngine(WasmEngine engine) {
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    public PlatformOptions withDefaults(int maxMemoryPages, long timeoutMillis) {
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                maxMemoryPages,
                timeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    public PlatformOptions withTcsTimeout(Duration tcsTimeout) {
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    public PlatformOptions withWarmPeriod(Duration warmPeriod) {
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    public PlatformOptions withMachine(int epcMiB, int logicalProcessors) {
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    public PlatformOptions withOwner(SigningKey owner) {
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    /** The warm model's pool: {@code warmPool} instances per function made at deploy and kept ready. */
    public PlatformOptions withWarmPool(int warmPool) {
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    /** The key-value store JavaScript functions' {@code teemate.kv} reaches, {@code host:port}; null for none. */
    public PlatformOptions withKvEndpoint(String kvEndpoint) {
        if (kvEndpoint != null) {
            KvService.HostPort.parse(kvEndpoint); // a bad endpoint is said now, not at a function's first set
        }
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }

    /** Prices the modeled time of a machine the platform makes itself as {@code platform} would. */
    public PlatformOptions withPlatform(PlatformProfile platform) {
        return new PlatformOptions(
                heapSize,
                edmm,
                heapInitial,
                threads,
                maxInstances,
                engine,
                defaultMaxMemoryPages,
                defaultTimeoutMillis,
                tcsTimeout,
                warmPeriod,
                epcMiB,
                logicalProcessors,
                owner,
                warmPool,
                kvEndpoint,
                platform);
    }
}

package io.teemate.faas.host;

import java.util.HashMap;
import java.util.Map;

/**
 * The Wasm runtime's counters in one enclave, as its {@code wasm-stats} container reports them: distinct modules
 * held, module loads (parse and compile: once per module per enclave), module file reads (once per container),
 * instances made (once per invocation), instances running now and their linear memory in 64 KiB pages, and the
 * bounded module cache's hits, misses, evictions and the bytes of the modules it holds.
 */
public record RuntimeStats(
        int modules,
        long moduleLoads,
        long moduleReads,
        long instancesCreated,
        int liveInstances,
        long liveWasmPages,
        long moduleCacheHits,
        long moduleCacheMisses,
        long moduleCacheEvictions,
        long moduleCacheBytes) {
    /** Parses the report's {@code key value} lines. */
    static RuntimeStats parse(String report) {
        Map<String, Long> v = new HashMap<>();
        for (String line : report.split("\n")) {
            String[] kv = line.trim().split(" ");
            if (kv.length == 2) {
                v.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return new RuntimeStats(
                v.getOrDefault("modules", 0L).intValue(),
                v.getOrDefault("module_loads", 0L),
                v.getOrDefault("module_reads", 0L),
                v.getOrDefault("instances_created", 0L),
                v.getOrDefault("live_instances", 0L).intValue(),
                v.getOrDefault("live_wasm_pages", 0L),
                v.getOrDefault("module_cache_hits", 0L),
                v.getOrDefault("module_cache_misses", 0L),
                v.getOrDefault("module_cache_evictions", 0L),
                v.getOrDefault("module_cache_bytes", 0L));
    }
}

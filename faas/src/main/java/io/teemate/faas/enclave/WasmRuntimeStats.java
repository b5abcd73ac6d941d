package io.teemate.faas.enclave;

import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.faas.abi.WasmAbi;

/**
 * Reports the Wasm runtime's counters of the enclave it runs in ({@link ModuleCache.Stats}), one {@code key value}
 * line each: how many modules it holds and how often it loaded them, how many instances it made and how many run
 * now, and their linear memory. Counts only, never a function's data. An operator (and a test) starts it as a
 * container in a shared enclave to see that a module is loaded once per enclave.
 */
public final class WasmRuntimeStats implements ContainerApp {
    @Override
    public String name() {
        return WasmAbi.STATS_APP;
    }

    @Override
    public int main(ContainerEnv env) {
        ModuleCache cache = env.enclavePrivate().get(ModuleCache.class);
        ModuleCache.Stats s = cache == null ? new ModuleCache().stats() : cache.stats();
        env.print("modules " + s.modules() + "\n"
                + "module_loads " + s.moduleLoads() + "\n"
                + "module_reads " + s.moduleReads() + "\n"
                + "instances_created " + s.instancesCreated() + "\n"
                + "live_instances " + s.liveInstances() + "\n"
                + "live_wasm_pages " + s.liveWasmPages() + "\n"
                + "module_cache_hits " + s.cacheHits() + "\n"
                + "module_cache_misses " + s.cacheMisses() + "\n"
                + "module_cache_evictions " + s.evictions() + "\n"
                + "module_cache_bytes " + s.cachedBytes() + "\n");
        return 0;
    }
}

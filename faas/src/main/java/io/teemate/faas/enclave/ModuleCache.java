package io.teemate.faas.enclave;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.teemate.faas.abi.ModuleLimits;
import io.teemate.faas.abi.WasmEngine;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The Wasm runtime's per-enclave state, kept in the enclave's private objects ({@code env.enclavePrivate()}):
 * modules loaded once per enclave and shared by all instances of them, and counters. In a shared (TeeMate) enclave
 * the second container of a function finds its module here and skips parsing and compiling; in a conventional
 * enclave every container loads its own. Only code and counts live here: an instance's data is in its
 * {@link EnclaveLinearMemory}, in enclave pages. The cache is bounded ({@link #MAX_MODULES}, {@link #MAX_CACHED_BYTES})
 * and evicts the least recently used module; an instance running an evicted module keeps it until it ends.
 */
public final class ModuleCache {
    /**
     * The most modules one enclave keeps loaded. Every distinct module deployed used to stay for the enclave's life
     * (review section 9), so unauthenticated deploys grew its heap and metaspace without end; 64 is far more than
     * the functions a shared enclave runs warm (its TCS count), so only cold, rarely used modules are reloaded.
     */
    public static final int MAX_MODULES = 64;
    /**
     * The most module bytes (binaries, summed) one enclave keeps loaded: parsed and compiled, a module takes a
     * multiple of its binary size, so this bounds that too. 64 MiB: two modules at {@link ModuleLimits#MAX_MODULE_BYTES}.
     */
    public static final long MAX_CACHED_BYTES = 64L << 20;

    private record Key(ByteBuffer sha256, WasmEngine engine) {}

    /** A module being loaded or loaded: the first container to ask loads it, the others wait for it. */
    private static final class Slot {
        private volatile LoadedModule loaded;
        /** Whether its bytes are in cachedBytes (guarded by the cache's lock). */
        private boolean counted;

        synchronized LoadedModule get(byte[] sha256, byte[] bytes, WasmEngine engine, ModuleCache stats) {
            if (loaded == null) {
                stats.cacheMisses.incrementAndGet();
                loaded = load(sha256, bytes, engine);
                stats.moduleLoads.incrementAndGet();
            } else {
                stats.cacheHits.incrementAndGet();
            }
            return loaded;
        }
    }

    private final int maxModules;
    private final long maxBytes;
    /** Guards modules, byContainer and cachedBytes. */
    private final Object lock = new Object();
    /** By hash and engine, least recently used first. */
    private final LinkedHashMap<Key, Slot> modules = new LinkedHashMap<>(16, 0.75f, true);
    /** Container identity (manifest digest, which covers the module's hash) to its module's key: warm lookups. */
    private final LinkedHashMap<ByteBuffer, Key> byContainer = new LinkedHashMap<>(16, 0.75f, true);

    private long cachedBytes;
    private final AtomicLong moduleLoads = new AtomicLong();
    private final AtomicLong moduleReads = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong cacheMisses = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong instancesCreated = new AtomicLong();
    private final AtomicInteger liveInstances = new AtomicInteger();
    private final AtomicLong liveWasmPages = new AtomicLong();

    /** A cache of at most {@link #MAX_MODULES} modules and {@link #MAX_CACHED_BYTES} bytes. */
    public ModuleCache() {
        this(MAX_MODULES, MAX_CACHED_BYTES);
    }

    ModuleCache(int maxModules, long maxBytes) {
        if (maxModules < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a module cache holds at least one module");
        }
        this.maxModules = maxModules;
        this.maxBytes = maxBytes;
    }

    /**
     * The module of the container {@code identity}: from the cache, or read through {@code bytes} (a trusted-file
     * read, checked against the container's manifest), hashed, and loaded unless another container of this enclave
     * already loaded the same bytes for the same engine. A module evicted since is loaded again.
     */
    public LoadedModule forContainer(byte[] identity, Supplier<byte[]> bytes, WasmEngine engine) {
        ByteBuffer id = ByteBuffer.wrap(identity.clone());
        synchronized (lock) {
            Key known = byContainer.get(id);
            Slot slot = known == null || known.engine() != engine ? null : modules.get(known);
            LoadedModule loaded = slot == null ? null : slot.loaded;
            if (loaded != null) {
                cacheHits.incrementAndGet();
                return loaded;
            }
        }
        byte[] module = bytes.get();
        moduleReads.incrementAndGet();
        byte[] sha = sha256(module);
        Key key = new Key(ByteBuffer.wrap(sha), engine);
        Slot slot;
        synchronized (lock) {
            slot = modules.computeIfAbsent(key, k -> new Slot());
        }
        LoadedModule loaded;
        try {
            loaded = slot.get(sha, module, engine, this); // outside the lock: others load other modules meanwhile
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                modules.remove(key, slot); // a module that does not load is not kept
            }
            throw e;
        }
        synchronized (lock) {
            if (modules.get(key) != slot) {
                // evicted (or failed and replaced) while it loaded: keep it under its key again
                Slot current = modules.putIfAbsent(key, slot);
                if (current != null && current.loaded != null) {
                    loaded = current.loaded;
                    slot = current;
                }
            }
            if (!slot.counted) {
                slot.counted = true;
                cachedBytes += loaded.sizeBytes();
            }
            byContainer.put(id, key);
            evict(key);
        }
        return loaded;
    }

    /** Evicts least recently used loaded modules past either bound, never {@code keep} (just asked for). */
    private void evict(Key keep) {
        var it = modules.entrySet().iterator();
        while ((loadedCount() > maxModules || cachedBytes > maxBytes) && it.hasNext()) {
            var e = it.next();
            Slot s = e.getValue();
            if (e.getKey().equals(keep) || s.loaded == null) {
                continue; // the one just asked for, or one still loading
            }
            it.remove();
            if (s.counted) {
                cachedBytes -= s.loaded.sizeBytes();
            }
            evictions.incrementAndGet();
            byContainer.values().removeIf(e.getKey()::equals);
        }
    }

    private int loadedCount() {
        int n = 0;
        for (Slot s : modules.values()) {
            if (s.loaded != null) {
                n++;
            }
        }
        return n;
    }

    private static LoadedModule load(byte[] sha256, byte[] bytes, WasmEngine engine) {
        long t0 = System.nanoTime();
        ModuleLimits.checkSize(bytes.length);
        WasmModule module = Parser.parse(bytes); // validates the module (types, bounds, section order)
        // before compiling, and before any instance: the host's deploy check is not trusted
        ModuleLimits.Footprint footprint = ModuleLimits.check(module);
        var factory = engine == WasmEngine.COMPILER ? MachineFactoryCompiler.compile(module) : null;
        return new LoadedModule(sha256, module, engine, factory, System.nanoTime() - t0, footprint, bytes.length);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void instanceStarted() {
        instancesCreated.incrementAndGet();
        liveInstances.incrementAndGet();
    }

    void instanceEnded() {
        liveInstances.decrementAndGet();
    }

    void wasmPages(int delta) {
        liveWasmPages.addAndGet(delta);
    }

    /** A snapshot of the counters. */
    public Stats stats() {
        int held;
        long bytes;
        synchronized (lock) {
            held = loadedCount();
            bytes = cachedBytes;
        }
        return new Stats(
                held,
                moduleLoads.get(),
                moduleReads.get(),
                instancesCreated.get(),
                liveInstances.get(),
                liveWasmPages.get(),
                cacheHits.get(),
                cacheMisses.get(),
                evictions.get(),
                bytes);
    }

    /**
     * @param modules          distinct modules (by hash and engine) this enclave holds now
     * @param moduleLoads      times a module was parsed (and compiled): once per module per enclave, again after an
     *                         eviction
     * @param moduleReads      times a module file was read and checked (once per container)
     * @param instancesCreated Wasm instances made so far (one per invocation)
     * @param liveInstances    instances running now
     * @param liveWasmPages    64 KiB pages of linear memory the running instances hold
     * @param cacheHits        times a container's module was found loaded
     * @param cacheMisses      times it had to be loaded (first use, or after an eviction)
     * @param evictions        modules dropped as least recently used past {@link #MAX_MODULES} or
     *                         {@link #MAX_CACHED_BYTES}
     * @param cachedBytes      the held modules' binary sizes, summed
     */
    public record Stats(
            int modules,
            long moduleLoads,
            long moduleReads,
            long instancesCreated,
            int liveInstances,
            long liveWasmPages,
            long cacheHits,
            long cacheMisses,
            long evictions,
            long cachedBytes) {}
}

package io.teemate.faas.enclave;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The Wasm runtime's per-enclave state, kept in the enclave's private objects ({@code env.enclavePrivate()}):
 * modules loaded once per enclave and shared by all instances of them, and counters. In a shared (TeeMate) enclave
 * the second container of a function finds its module here and skips parsing and compiling; in a conventional
 * enclave every container loads its own. Only code and counts live here: an instance's data is in its
 * {@link EnclaveLinearMemory}, in enclave pages.
 */
public final class ModuleCache {
    private record Key(ByteBuffer sha256, WasmEngine engine) {
    }

    /** A module being loaded or loaded: the first container to ask loads it, the others wait for it. */
    private static final class Slot {
        private LoadedModule loaded;

        synchronized LoadedModule get(byte[] sha256, byte[] bytes, WasmEngine engine, ModuleCache stats) {
            if (loaded == null) {
                loaded = load(sha256, bytes, engine);
                stats.moduleLoads.incrementAndGet();
            }
            return loaded;
        }
    }

    private final ConcurrentHashMap<Key, Slot> modules = new ConcurrentHashMap<>();
    /** Container identity (manifest digest, which covers the module's hash) to its module: warm lookups. */
    private final ConcurrentHashMap<ByteBuffer, LoadedModule> byContainer = new ConcurrentHashMap<>();
    private final AtomicLong moduleLoads = new AtomicLong();
    private final AtomicLong moduleReads = new AtomicLong();
    private final AtomicLong instancesCreated = new AtomicLong();
    private final AtomicInteger liveInstances = new AtomicInteger();
    private final AtomicLong liveWasmPages = new AtomicLong();

    /**
     * The module of the container {@code identity}: from the cache, or read through {@code bytes} (a trusted-file
     * read, checked against the container's manifest), hashed, and loaded unless another container of this enclave
     * already loaded the same bytes for the same engine.
     */
    public LoadedModule forContainer(byte[] identity, Supplier<byte[]> bytes, WasmEngine engine) {
        ByteBuffer id = ByteBuffer.wrap(identity.clone());
        LoadedModule known = byContainer.get(id);
        if (known != null && known.engine() == engine) {
            return known;
        }
        byte[] module = bytes.get();
        moduleReads.incrementAndGet();
        byte[] sha = sha256(module);
        LoadedModule loaded = modules.computeIfAbsent(new Key(ByteBuffer.wrap(sha), engine), k -> new Slot())
                .get(sha, module, engine, this);
        byContainer.put(id, loaded);
        return loaded;
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
        return new Stats(modules.size(), moduleLoads.get(), moduleReads.get(), instancesCreated.get(), liveInstances.get(),
                liveWasmPages.get());
    }

    /**
     * @param modules          distinct modules (by hash and engine) this enclave holds
     * @param moduleLoads      times a module was parsed (and compiled): once per module per enclave
     * @param moduleReads      times a module file was read and checked (once per container)
     * @param instancesCreated Wasm instances made so far (one per invocation)
     * @param liveInstances    instances running now
     * @param liveWasmPages    64 KiB pages of linear memory the running instances hold
     */
    public record Stats(int modules, long moduleLoads, long moduleReads, long instancesCreated, int liveInstances,
                        long liveWasmPages) {
    }
}

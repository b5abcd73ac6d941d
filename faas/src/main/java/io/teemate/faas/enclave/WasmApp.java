package io.teemate.faas.enclave;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.enclave.runtime.ContainerTimeoutException;
import io.teemate.faas.abi.ModuleLimits;
import io.teemate.faas.abi.WasmAbi;
import io.teemate.faas.abi.WasmEngine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a WebAssembly function inside the enclave: a WASI preview 1 command module whose {@code _start} reads the
 * request body on standard input and writes the response on standard output. The container manifest and the
 * invocation framing are described in {@link WasmAbi}.
 * <ul>
 * <li><b>Once per enclave:</b> the module is read through the container's trusted files (checked against its
 * manifest's SHA-256), then parsed, validated and (engine {@code compiler}) compiled to JVM bytecode, and kept in
 * the enclave's {@link ModuleCache}. Every later container of the same module in the same enclave reuses it.</li>
 * <li><b>Once per invocation:</b> a fresh Chicory instance, an isolate: its linear memory is an
 * {@link EnclaveLinearMemory} in the container's heap (enclave pages), its WASI has this invocation's body, the
 * manifest's arguments and environment plus the invocation's parameters (only names the manifest does not define),
 * no files and no sockets. When it ends
 * its memory goes back to the heap, zeroed; the container, its heap and the module cache stay for the next
 * (warm) invocation.</li>
 * <li><b>Results:</b> {@code proc_exit(n)} or returning from {@code _start} (0) is the exit status, and standard
 * output leaves the enclave only then. A trap is a {@link WasmTrapException} (E_FAULT), a module that needs more
 * memory than it may have at instantiation is a {@link WasmMemoryLimitException} (E_NO_MEMORY; {@code memory.grow}
 * past the limit just returns -1), running past {@code TEEMATE_TIMEOUT_MS} is a {@link ContainerTimeoutException}
 * (E_TIMEOUT): the runtime tears the container down for all three and answers with the status and the message
 * alone, written for the function's caller; the enclave and the other containers go on. Anything else is a
 * {@link WasmCrashException} (E_CRASHED), whose text is for the operator.</li>
 * </ul>
 * Like every container program it keeps no state in fields: one object serves every container of every enclave.
 */
public final class WasmApp implements ContainerApp {
    /** The most standard output one invocation may produce. */
    public static final int MAX_OUTPUT = 16 << 20;
    /** The most standard error kept for a trap's message. */
    static final int MAX_STDERR_KEPT = 2048;

    @Override
    public String name() {
        return WasmAbi.APP;
    }

    /** The function's limits and engine, from the container manifest's environment. */
    record Limits(int maxMemoryPages, long timeoutMillis, WasmEngine engine) {
        static Limits of(Map<String, String> env) {
            int pages = (int) number(
                    env,
                    WasmAbi.ENV_MAX_MEMORY_PAGES,
                    WasmAbi.DEFAULT_MAX_MEMORY_PAGES,
                    0,
                    com.dylibso.chicory.runtime.Memory.RUNTIME_MAX_PAGES);
            long timeout =
                    number(env, WasmAbi.ENV_TIMEOUT_MS, WasmAbi.DEFAULT_TIMEOUT_MS, 1, Long.MAX_VALUE / 1_000_000);
            String engine = env.get(WasmAbi.ENV_ENGINE);
            return new Limits(pages, timeout, engine == null ? WasmEngine.COMPILER : WasmEngine.parse(engine));
        }

        private static long number(Map<String, String> env, String key, long fallback, long min, long max) {
            String v = env.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                long n = Long.parseLong(v.trim());
                if (n < min || n > max) {
                    throw new IllegalArgumentException(key + "=" + v + " is not from " + min + " to " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + "=" + v + " is not a whole number");
            }
        }
    }

    @Override
    public int main(ContainerEnv env) {
        List<String> args = env.args();
        if (args.isEmpty()) {
            throw new IllegalArgumentException(
                    "container " + env.name() + ": the wasm app needs the module's trusted-file " + "path as args[0]");
        }
        Limits limits = Limits.of(env.environment());
        WasmAbi.Request request = WasmAbi.decodeInvocation(env.stdin());
        ModuleCache cache = env.enclavePrivate().computeIfAbsent(ModuleCache.class, ModuleCache::new);
        LoadedModule module = load(env, cache, args.get(0), limits.engine());
        if (request.prepareOnly()) {
            return 0;
        }
        BoundedOutput stdout = new BoundedOutput(MAX_OUTPUT, false);
        BoundedOutput stderr = new BoundedOutput(MAX_STDERR_KEPT, true);
        int exit = execute(env, cache, module, limits, request, stdout, stderr);
        if (stdout.size() > 0) {
            env.stdout(stdout.toByteArray());
        }
        return exit;
    }

    static LoadedModule load(ContainerEnv env, ModuleCache cache, String path, WasmEngine engine) {
        byte[] identity = env.identity();
        try {
            return cache.forContainer(identity, () -> readModule(env, path), engine);
        } catch (ChicoryException | ModuleLimits.ExceededException e) {
            // The host checked the module at deploy; bytes that pass the manifest's hash but not the parser or the
            // limits mean the host deployed something it should not have.
            throw new WasmTrapException("module " + path + " could not be loaded: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rethrowIfAbandoned(e);
            throw contained("loading module " + path, e);
        }
    }

    /** The module's trusted file, read no further than {@link ModuleLimits#MAX_MODULE_BYTES} (and one byte). */
    private static byte[] readModule(ContainerEnv env, String path) {
        try (java.io.InputStream in = env.openFile(path)) {
            byte[] bytes = in.readNBytes(ModuleLimits.MAX_MODULE_BYTES + 1);
            ModuleLimits.checkSize(bytes.length);
            return bytes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading module " + path, e);
        }
    }

    /**
     * The emulator unwinds an abandoned enclave thread with an {@link Error} that enclave code must let through: the
     * thread is no longer in enclave mode, nothing of the invocation may run on (not even its clean-up, which would
     * touch enclave pages), and the host learns of the AEX only if it reaches the emulator.
     */
    static boolean abandoned(Throwable t) {
        return io.teemate.sgx.EnclaveFaultException.unwindsAbandonedThread(t);
    }

    static void rethrowIfAbandoned(Throwable t) {
        if (abandoned(t)) {
            if (t instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) t;
        }
    }

    /**
     * A failure of the runtime rather than of the module (an {@link Error} such as {@link OutOfMemoryError},
     * {@link LinkageError} or an {@link InternalError}, or an unexpected exception from Chicory or the WASI layer) as
     * an exception that ends this invocation only: never an {@link Error} escaping into the trusted runtime, which
     * would abandon the enclave thread and lose its TCS for every tenant. The Java heap running out is the
     * instance's memory failure; anything else is a crash whose detail is not the caller's to see.
     */
    static RuntimeException contained(String what, Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return new WasmMemoryLimitException("the enclave runtime ran out of memory " + what);
        }
        return new WasmCrashException("the Wasm runtime failed " + what + ": " + t, t);
    }

    private static int execute(
            ContainerEnv env,
            ModuleCache cache,
            LoadedModule module,
            Limits limits,
            WasmAbi.Request request,
            BoundedOutput stdout,
            BoundedOutput stderr) {
        // The tables Chicory allocates on the Java heap count against the function's memory limit: the linear
        // memory gets what they leave.
        int tablePages = module.footprint().tablePages();
        int initialPages = module.module()
                .memorySection()
                .filter(m -> m.memoryCount() > 0)
                .map(m -> m.getMemory(0).limits().initialPages())
                .orElse(0);
        if ((long) tablePages + initialPages > limits.maxMemoryPages()) {
            throw new WasmMemoryLimitException("the module's tables ("
                    + module.footprint().tableElements()
                    + " elements, " + tablePages + " Wasm pages) and its memory (" + initialPages + " pages) are more "
                    + "than the function's limit of " + limits.maxMemoryPages() + " pages");
        }
        InstanceMemories memories = new InstanceMemories(env.heap(), limits.maxMemoryPages() - tablePages, cache);
        WasiOptions.Builder options = WasiOptions.builder()
                .withStdin(new ByteArrayInputStream(request.body()), false)
                .withStdout(stdout, false)
                .withStderr(stderr, false)
                .withArguments(argv(env))
                .withRandom(new SecureRandom()); // random_get: the enclave's own randomness (RDRAND), not the host's
        environment(env.environment(), request.params()).forEach(options::withEnvironment);
        Watchdog watchdog = Watchdog.arm(limits.timeoutMillis());
        boolean started = false;
        boolean abandoned = false;
        Throwable failure = null;
        int exit = 0;
        try (WasiPreview1 wasi =
                WasiPreview1.builder().withOptions(options.build()).build()) {
            Instance.Builder builder = Instance.builder(module.module())
                    .withImportValues(ImportValues.builder()
                            .addFunction(wasi.toHostFunctions())
                            .build())
                    .withMemoryFactory(memories::create)
                    .withStart(false);
            if (module.machineFactory() != null) {
                builder.withMachineFactory(module.machineFactory());
            }
            Instance instance = builder.build(); // linear memory allocated, data segments copied in
            cache.instanceStarted();
            started = true;
            instance.export(Instance.START_FUNCTION_NAME).apply();
        } catch (WasiExitException e) {
            exit = e.exitCode();
        } catch (RuntimeException | Error e) {
            // Building the instance allocates its tables, globals and memory, and running it can fail in Chicory
            // or the JVM in ways the module did not ask for: all of it ends this invocation only (see contained).
            if (abandoned(e)) {
                abandoned = true;
                throw e;
            }
            failure = e;
        } finally {
            Throwable cleanUp = cleanUp(watchdog, abandoned ? null : memories, cache, started);
            if (failure == null) {
                failure = cleanUp;
            }
        }
        if (watchdog.fired()) {
            // the runtime sends this text as it is (E_TIMEOUT): the caller's words, the whole sentence
            throw new ContainerTimeoutException("function " + env.name() + " ran past its time limit of "
                    + limits.timeoutMillis() + " ms and was stopped");
        }
        if (failure instanceof WasmMemoryLimitException e) {
            throw e;
        }
        if (failure instanceof StackOverflowError || failure instanceof ChicoryException) {
            throw new WasmTrapException(trapMessage(failure, stderr), failure);
        }
        if (failure != null) {
            throw contained(started ? "running the function" : "instantiating the module", failure);
        }
        return exit;
    }

    /**
     * Disarms the watchdog (always: armed, it would interrupt the thread later, in whatever it runs then) and gives
     * the instance's memory back ({@code memories} null: not, for an abandoned thread, which must not touch enclave
     * pages). What fails here (zeroing pages can run out of Java heap too) is returned, not thrown: the invocation
     * then fails like any other, and the runtime wipes the container's heap with it.
     */
    private static Throwable cleanUp(Watchdog watchdog, InstanceMemories memories, ModuleCache cache, boolean started) {
        try {
            watchdog.close();
            if (memories != null) {
                memories.freeAll();
            }
            return null;
        } catch (RuntimeException | Error e) {
            rethrowIfAbandoned(e);
            return e;
        } finally {
            if (started) {
                cache.instanceEnded();
            }
        }
    }

    /** A trap's message: Wasm's own words (Chicory's trap text), never a Java class name, and the module's stderr. */
    static String trapMessage(Throwable failure, BoundedOutput stderr) {
        String what;
        if (failure instanceof StackOverflowError) {
            what = "call stack exhausted";
        } else if (failure instanceof ChicoryInterruptedException) {
            what = "interrupted";
        } else {
            what = failure.getMessage() == null ? "trap" : failure.getMessage();
        }
        if (stderr.size() > 0) {
            what += " (stderr: " + new String(stderr.toByteArray(), StandardCharsets.UTF_8).strip() + ")";
        }
        return what;
    }

    /** argv: the container's name, then the manifest's arguments after the module path. */
    private static List<String> argv(ContainerEnv env) {
        List<String> argv = new ArrayList<>();
        argv.add(env.name());
        argv.addAll(env.args().subList(1, env.args().size()));
        return argv;
    }

    /**
     * The manifest's environment, without the platform's reserved keys, and the invocation's parameters beside it.
     * The deployed environment wins: a parameter may only add a name the manifest does not define (reserved or not),
     * never replace one. The manifest is the function owner's (it may hold secrets the function checks callers
     * against), the parameters are any caller's.
     */
    static Map<String, String> environment(Map<String, String> manifest, Map<String, String> params) {
        Map<String, String> out = new java.util.TreeMap<>();
        manifest.forEach((k, v) -> {
            if (!k.startsWith(WasmAbi.RESERVED_PREFIX)) {
                out.put(k, v);
            }
        });
        params.forEach((k, v) -> {
            if (!manifest.containsKey(k) && WasmAbi.parameterNameProblem(k) == null && v.indexOf('\0') < 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The linear memories one instance made (a module has at most one today), freed together at its end. */
    private static final class InstanceMemories {
        private final Arena heap;
        private final int allowedPages;
        private final ModuleCache cache;
        private final List<EnclaveLinearMemory> made = new ArrayList<>();

        InstanceMemories(Arena heap, int allowedPages, ModuleCache cache) {
            this.heap = heap;
            this.allowedPages = allowedPages;
            this.cache = cache;
        }

        EnclaveLinearMemory create(MemoryLimits limits) {
            EnclaveLinearMemory m = new EnclaveLinearMemory(heap, limits, allowedPages, cache::wasmPages);
            made.add(m);
            return m;
        }

        void freeAll() {
            made.forEach(EnclaveLinearMemory::free);
            made.clear();
        }
    }

    /**
     * Standard output or error, kept in the enclave until the invocation ends. Past the cap, standard output's writes
     * fail (EIO for the module); standard error keeps its first bytes and drops the rest.
     */
    static final class BoundedOutput extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int cap;
        private final boolean truncate;

        BoundedOutput(int cap, boolean truncate) {
            this.cap = cap;
            this.truncate = truncate;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (buffer.size() + (long) len > cap) {
                if (truncate) {
                    buffer.write(b, off, Math.max(0, cap - buffer.size()));
                    return;
                }
                throw new IOException("output is limited to " + cap + " bytes per invocation");
            }
            buffer.write(b, off, len);
        }

        int size() {
            return buffer.size();
        }

        String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }

        byte[] toByteArray() {
            return buffer.toByteArray();
        }
    }
}

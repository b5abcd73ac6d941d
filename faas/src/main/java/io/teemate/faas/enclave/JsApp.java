package io.teemate.faas.enclave;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.enclave.runtime.ContainerTimeoutException;
import io.teemate.faas.abi.JsAbi;
import io.teemate.faas.abi.WasmAbi;
import io.teemate.sgx.cost.SystemCost;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a JavaScript function inside the enclave: QuickJS built for WebAssembly ({@code jsfn.wasm}, see
 * {@code faas/workloads/quickjs}) with OpenWhisk's Node.js action conventions. The manifest and framing are
 * {@link JsAbi}'s.
 * <ul>
 * <li><b>Once per enclave:</b> the engine module is loaded into the {@link ModuleCache} as any Wasm module is; every
 * JavaScript function of the enclave shares it.</li>
 * <li><b>Once per function instance (the container's first run, OpenWhisk's /init):</b> an engine instance whose
 * linear memory is in the container's heap creates a QuickJS runtime, evaluates the Node.js prelude and the action's
 * code ({@link JsAction}) and stops: its memory and globals are the function's {@link Snapshot}.</li>
 * <li><b>Once per invocation:</b> a fresh instance (an isolate) whose memory is a copy of the snapshot's non-zero
 * pages, in the container's heap too, runs the action's {@code main} with the parameters and is thrown away: no
 * state of one activation reaches the next. Its JS heap lives in enclave pages, and a neighbour's is outside its
 * linear memory.</li>
 * </ul>
 * Traps, timeouts and memory limits end the invocation as in {@link WasmApp}; an exception, rejection or
 * non-dictionary result of the action is the action's error ({@link JsAbi#EXIT_ACTION_ERROR}), answered like
 * OpenWhisk's runtime answers it.
 */
public final class JsApp implements ContainerApp {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return JsAbi.APP;
    }

    @Override
    public int main(ContainerEnv env) {
        List<String> args = env.args();
        if (args.size() != 2) {
            throw new IllegalArgumentException("container " + env.name()
                    + ": the js app needs the engine's and the action's trusted-file paths as args[0] and args[1]");
        }
        WasmApp.Limits limits = WasmApp.Limits.of(env.environment());
        WasmAbi.Request request = WasmAbi.decodeInvocation(env.stdin());
        ModuleCache cache = env.enclavePrivate().computeIfAbsent(ModuleCache.class, ModuleCache::new);
        LoadedModule engine = WasmApp.load(env, cache, args.get(0), limits.engine());
        Snapshot snapshot;
        try {
            snapshot = env.local(Snapshot.class, () -> Snapshot.take(env, cache, engine, limits, args.get(1)));
        } catch (JsAction.JsInitException e) {
            env.stdout(JsAbi.encodeResponse(errorJson(e.getMessage()), ""));
            return JsAbi.EXIT_INIT_FAILED;
        }
        if (request.prepareOnly()) {
            if (snapshot.failure != null) {
                env.stdout(JsAbi.encodeResponse(errorJson(snapshot.failure), snapshot.log));
                return JsAbi.EXIT_INIT_FAILED;
            }
            return JsAbi.EXIT_OK;
        }
        if (snapshot.failure != null) {
            env.stdout(JsAbi.encodeResponse(errorJson(snapshot.failure), ""));
            return JsAbi.EXIT_INIT_FAILED;
        }
        byte[] run = runRequest(request);
        Isolate.Result r = new Isolate(env, cache, engine, limits).run(snapshot, run);
        env.stdout(JsAbi.encodeResponse(r.result(), r.log()));
        return r.exit();
    }

    private static String errorJson(String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", message);
        return o.toString();
    }

    /**
     * jsfn_run's argument: {"value": the body (the parameters, JSON), "env": the invocation's parameters}. A body
     * that is not JSON is the caller's error, said before anything runs.
     */
    private static byte[] runRequest(WasmAbi.Request request) {
        ObjectNode run = JSON.createObjectNode();
        try {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            run.set("value", body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new JsInputException("the invocation's parameters are not JSON: " + e.getOriginalMessage());
        }
        ObjectNode envNode = run.putObject("env");
        new TreeMap<>(request.params()).forEach(envNode::put);
        return run.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The function's initialised engine: a linear memory in the container's heap (kept until the container goes),
     * the pages of it that are not zero, and the instance's mutable globals; or why /init failed.
     */
    static final class Snapshot implements AutoCloseable {
        final EnclaveLinearMemory memory;
        final int[] pages;
        final long[] globals;
        final String failure;
        final String log;

        private Snapshot(EnclaveLinearMemory memory, int[] pages, long[] globals, String failure, String log) {
            this.memory = memory;
            this.pages = pages;
            this.globals = globals;
            this.failure = failure;
            this.log = log;
        }

        static Snapshot take(
                ContainerEnv env, ModuleCache cache, LoadedModule engine, WasmApp.Limits limits, String actionPath) {
            byte[] init = JsAction.read(env, actionPath).initRequest(env.environment());
            Isolate isolate = new Isolate(env, cache, engine, limits);
            return isolate.initialise(init);
        }

        @Override
        public void close() {
            if (memory != null) {
                memory.free();
            }
        }
    }

    /** One engine instance with its WASI, the crypto imports and the host-service import, under the function's limits and watchdog. */
    private static final class Isolate {
        record Result(int exit, String result, String log) {}

        private final ContainerEnv env;
        private final ModuleCache cache;
        private final LoadedModule engine;
        private final WasmApp.Limits limits;
        private final WasmApp.BoundedOutput stdout = new WasmApp.BoundedOutput(WasmApp.MAX_OUTPUT, false);
        private final WasmApp.BoundedOutput stderr = new WasmApp.BoundedOutput(JsAbi.MAX_LOG, true);
        private EnclaveLinearMemory memory;

        Isolate(ContainerEnv env, ModuleCache cache, LoadedModule engine, WasmApp.Limits limits) {
            this.env = env;
            this.cache = cache;
            this.engine = engine;
            this.limits = limits;
        }

        private int allowedPages() {
            return limits.maxMemoryPages() - engine.footprint().tablePages();
        }

        /** /init: runs jsfn_init on a fresh instance; keeps its memory as the snapshot, or frees it on failure. */
        Snapshot initialise(byte[] init) {
            int[] status = new int[1];
            Instance instance = guarded("initialising the action", false, i -> {
                i.export("_initialize").apply();
                status[0] = call(env, i, "jsfn_init", init);
            });
            String log = stderr.text();
            if (status[0] != 0) {
                memory.free();
                return new Snapshot(null, null, null, initFailure(log), log);
            }
            long[] globals = new long[instance.globalCount()];
            for (int g = 0; g < globals.length; g++) {
                globals[g] = instance.global(g).getValue();
            }
            return new Snapshot(memory, memory.nonZeroPages(), globals, null, log);
        }

        /** OpenWhisk's words for a failed /init: the first line jsfn_init wrote ("Initialization has failed ..."). */
        private static String initFailure(String log) {
            String first = log.strip().lines().findFirst().orElse("");
            return first.isEmpty() ? "Initialization has failed." : first;
        }

        /** /run: a copy of the snapshot, then jsfn_run with {@code run}. */
        Result run(Snapshot snapshot, byte[] run) {
            int[] status = new int[1];
            guarded("running the action", true, i -> {
                memory.restore(snapshot.memory, snapshot.pages);
                for (int g = 0; g < snapshot.globals.length; g++) {
                    if (i.global(g).getMutabilityType() == MutabilityType.Var) {
                        i.global(g).setValue(snapshot.globals[g]);
                    }
                }
                status[0] = call(env, i, "jsfn_run", run);
            });
            String out = stdout.text();
            return switch (status[0]) {
                case 0 -> new Result(JsAbi.EXIT_OK, out, stderr.text());
                case 1 -> new Result(JsAbi.EXIT_ACTION_ERROR, out, stderr.text());
                // jsfn.c's own failure (the prelude's event loop): the reason is in the log
                default ->
                    new Result(
                            JsAbi.EXIT_ACTION_ERROR,
                            errorJson("The action's runtime failed: " + initFailure(stderr.text())),
                            stderr.text());
            };
        }

        /**
         * jsfn_alloc(len), the bytes into it, then {@code export(ptr, len)}'s status; the bytecodes the engine ran
         * meanwhile are charged to the modeled clock (docs/cost-model.md, JS_BYTECODE).
         */
        private static int call(ContainerEnv env, Instance i, String export, byte[] arg) {
            int ptr = (int) i.export("jsfn_alloc").apply(arg.length)[0];
            if (ptr == 0) {
                throw new WasmMemoryLimitException(
                        "the function's memory limit leaves no room for its " + arg.length + "-byte request");
            }
            i.memory().write(ptr, arg);
            int status = (int) i.export(export).apply(ptr, arg.length)[0];
            env.charge(SystemCost.JS_BYTECODE, i.export("jsfn_bytecodes").apply()[0]);
            return status;
        }

        private interface Body {
            void accept(Instance i);
        }

        /**
         * Builds an instance (memory in the container's heap; {@code restoring}: filled from a snapshot, not the
         * data segments), runs {@code body} under the watchdog, and turns what went wrong into WasmApp's errors.
         * The memory is freed afterwards unless this is the /init instance that succeeded (its memory is the
         * snapshot); on failure it is always freed.
         */
        private Instance guarded(String what, boolean restoring, Body body) {
            Watchdog watchdog = Watchdog.arm(limits.timeoutMillis());
            Instance instance = null;
            Throwable failure = null;
            boolean started = false;
            WasiOptions options = WasiOptions.builder()
                    .withStdin(new ByteArrayInputStream(new byte[0]), false)
                    .withStdout(stdout, false)
                    .withStderr(stderr, false)
                    .withArguments(List.of(env.name()))
                    .withRandom(new SecureRandom()) // random_get: the enclave's own randomness, never the host's
                    .build();
            try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
                Instance.Builder b = Instance.builder(engine.module())
                        .withImportValues(ImportValues.builder()
                                .addFunction(wasi.toHostFunctions())
                                .addFunction(
                                        JsCrypto.functions().toArray(new com.dylibso.chicory.runtime.HostFunction[0]))
                                .addFunction(JsHostServices.function(env))
                                .build())
                        .withMemoryFactory(l -> {
                            memory = new EnclaveLinearMemory(env.heap(), l, allowedPages(), cache::wasmPages);
                            if (restoring) {
                                memory.fillFromSnapshot();
                            }
                            return memory;
                        })
                        .withStart(false);
                if (engine.machineFactory() != null) {
                    b.withMachineFactory(engine.machineFactory());
                }
                instance = b.build();
                cache.instanceStarted();
                started = true;
                body.accept(instance);
            } catch (RuntimeException | Error e) {
                if (WasmApp.abandoned(e)) {
                    throw e; // nothing of the invocation may run on, not even its clean-up (see WasmApp)
                }
                failure = e;
            } finally {
                watchdog.close();
                if (started) {
                    cache.instanceEnded();
                }
            }
            if (memory != null && (restoring || failure != null)) {
                try {
                    memory.free();
                } catch (RuntimeException | Error e) {
                    WasmApp.rethrowIfAbandoned(e);
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (watchdog.fired()) {
                throw new ContainerTimeoutException("function " + env.name() + " ran past its time limit of "
                        + limits.timeoutMillis() + " ms while " + what + " and was stopped");
            }
            if (failure instanceof WasmMemoryLimitException e) {
                throw e;
            }
            if (failure instanceof StackOverflowError || failure instanceof ChicoryException) {
                throw new WasmTrapException(WasmApp.trapMessage(failure, stderr), failure);
            }
            if (failure != null) {
                throw WasmApp.contained(what, failure);
            }
            return instance;
        }
    }

    /** A body that is not JSON: the caller's error (E_FAULT, said to the caller as it is). */
    static final class JsInputException extends io.teemate.enclave.runtime.ContainerFaultException {
        JsInputException(String message) {
            super(message);
        }
    }

    /** Reads an untrusted-length stream no further than {@code max} bytes (and one). */
    static byte[] readBounded(InputStream in, int max, String what) throws IOException {
        byte[] b = in.readNBytes(max + 1);
        if (b.length > max) {
            throw new WasmTrapException(what + " is more than " + max + " bytes", null);
        }
        return b;
    }

    static Map<String, String> actionEnvironment(Map<String, String> manifest) {
        Map<String, String> out = new TreeMap<>();
        manifest.forEach((k, v) -> {
            if (!k.startsWith(WasmAbi.RESERVED_PREFIX)) {
                out.put(k, v);
            }
        });
        return out;
    }
}

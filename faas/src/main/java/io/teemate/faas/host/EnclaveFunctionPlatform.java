package io.teemate.faas.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.image.ContainerManifest;
import io.teemate.faas.abi.JsAbi;
import io.teemate.faas.abi.WasmAbi;
import io.teemate.host.Platform;
import io.teemate.host.container.Container;
import io.teemate.host.container.ContainerImage;
import io.teemate.host.container.ContainerManager;
import io.teemate.host.container.EnclaveImage;
import io.teemate.host.container.Mode;
import io.teemate.host.container.Phase;
import io.teemate.host.container.PhaseTimes;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.EpcStats;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.Machine;
import io.teemate.sgx.sign.SigningKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Confidential serverless on the emulated SGX machine: every function instance is a confidential container whose
 * program is the Wasm app ({@value WasmAbi#APP}), on one enclave image ({@value #ENCLAVE_NAME}: the trusted runtime with the Wasm
 * runtime compiled in). In {@link Mode#SHARED} (TeeMate) all instances of all functions share one enclave: the first
 * cold start builds it, the others alias it and take a TCS, and a module is loaded once for the enclave. In
 * {@link Mode#CONVENTIONAL} every instance builds its own enclave and loads its own module, as Gramine or Occlum
 * would.
 * <p><b>Deploy</b> turns WebAssembly text into binary ({@link WatCompiler}), checks the module ({@link ModuleCheck}),
 * and writes a container image under {@code workDir/functions/<name>/v<n>/}: {@code module.wasm}, the container
 * manifest (the module as its one trusted file, with its SHA-256; the function's arguments and environment; the
 * limits; an attach key). <b>Invoke</b> takes an instance as the {@link ServingModel} says, or starts a container
 * (cold: process, enclave built or aliased, runtime attach, module load), then enters it with the request framed as
 * {@link WasmAbi} says. SHARED reuses an idle instance of the function; COLD never reuses one and stops each after
 * its invocation; WARM keeps a pool of {@link PlatformOptions#warmPool()} instances per function, made at deploy and
 * refilled in the background, and starts one cold only when the pool is empty. A platform made with a container
 * {@link Mode} alone serves SHARED, or for CONVENTIONAL builds an enclave per instance and reuses idle ones. Each instance serves one invocation at a time; the platform keeps at most
 * {@link PlatformOptions#maxInstances()} instances and, when full, stops the least recently used idle instance of
 * another function or waits. An instance that trapped, timed out or ran out of memory is stopped (the runtime has
 * already torn its container down); the others keep serving.
 */
public final class EnclaveFunctionPlatform implements FunctionPlatform {
    /** The enclave image every instance runs on. */
    public static final String ENCLAVE_NAME = "faas-runtime";
    /**
     * The largest framed request (body and parameters) one invocation carries: the container's untrusted request
     * buffer (2 MiB, room for OpenWhisk's 1 MiB payload) less the session token and the framing.
     */
    public static final int MAX_REQUEST = ContainerManager.MAX_INVOKE_INPUT;

    /** The host services a function's code reaches by OCALL_SERVICE: its {@code fetch} and {@code teemate.kv}. */
    public static final String SERVICE_FETCH = "fetch";

    public static final String SERVICE_KV = "kv";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SgxDriver driver;
    private final io.teemate.sgx.Machine machine;
    private final Mode mode;
    /** When an instance is reused, as the serving model says. */
    private final Reuse reuse;
    /** What {@link #mode()} says: the serving model's name, or "conventional" for the two-mode platform's. */
    private final String modeName;
    /** The warm model's pool refills, off the invocation path (null in the other models). */
    private final java.util.concurrent.ExecutorService refills;

    private final Path workDir;
    private final PlatformOptions options;
    private final SigningKey owner;
    private final EnclaveImage enclave;
    private final ContainerImage statsImage;
    private final ContainerManager manager;
    private final FunctionImages images;
    /** The host services JavaScript functions reach ({@code fetch}, {@code teemate.kv}): closed with the platform. */
    private final FetchService fetch = new FetchService();

    private final KvService kv;

    /** Guards functions, every Deployed's pool, instances and slots. */
    private final Object lock = new Object();

    private final Map<String, Deployed> functions = new TreeMap<>();
    /** Every instance that is up, busy or idle. */
    private final List<FunctionInstance> instances = new ArrayList<>();
    /** Instances up or being started: never more than options.maxInstances(). */
    private int slots;

    private boolean closed;
    /** Shared mode: the enclave the instances share (0 before the first start). */
    private volatile long sharedEnclave;

    /** A deployed function and its pool of instances (guarded by {@link #lock}). */
    private static final class Deployed {
        final String name;
        final ContainerImage image;
        final long moduleBytes;
        final int maxMemoryPages;
        final long timeoutMillis;
        final FunctionRuntime runtime;
        final Deque<FunctionInstance> idle = new ArrayDeque<>();
        final AtomicLong invocations = new AtomicLong();
        int busy;
        /** Warm model: instances being started for the pool. */
        int warming;

        boolean retired;

        Deployed(
                String name,
                ContainerImage image,
                long moduleBytes,
                int maxMemoryPages,
                long timeoutMillis,
                FunctionRuntime runtime) {
            this.name = name;
            this.runtime = runtime;
            this.image = image;
            this.moduleBytes = moduleBytes;
            this.maxMemoryPages = maxMemoryPages;
            this.timeoutMillis = timeoutMillis;
        }
    }

    /** One instance: a started container of a function. */
    private static final class FunctionInstance {
        final Deployed function;
        final Container container;
        long lastUsed = System.nanoTime();
        /**
         * Started for a JavaScript deploy's /init and not used since: the first invocation it serves reports its
         * start as that invocation's cold start, as OpenWhisk's container start, /init and /run come together.
         */
        boolean initialisedAtDeploy;

        FunctionInstance(Deployed function, Container container) {
            this.function = function;
            this.container = container;
        }
    }

    /**
     * When an instance serves again. IDLE: an idle instance of the function is reused, and one is started when none
     * is (OpenWhisk's own container reuse; the shared model, and the two-mode platform's conventional mode). NEVER:
     * every invocation starts an instance and stops it afterwards (CC-Cold). POOL: up to
     * {@link PlatformOptions#warmPool()} instances per function are made at deploy and kept ready (CC-Warm).
     */
    private enum Reuse {
        IDLE,
        NEVER,
        POOL
    }

    /** What acquire hands out: an idle instance (warm) or a slot to start one in (cold, instance null). */
    private record Lease(Deployed function, FunctionInstance instance) {}

    /**
     * A platform on an existing emulated kernel: writes the {@value #ENCLAVE_NAME} enclave image into
     * {@code workDir} and lays it out (measuring its heap), ready to deploy functions.
     */
    public EnclaveFunctionPlatform(
            Kernel kernel,
            SgxDriver driver,
            TeeMateController controller,
            Mode mode,
            Path workDir,
            PlatformOptions options) {
        this(
                kernel,
                driver,
                controller,
                Objects.requireNonNull(mode, "mode"),
                Reuse.IDLE,
                mode.name().toLowerCase(java.util.Locale.ROOT),
                workDir,
                options);
    }

    /**
     * A platform serving functions as {@code model} says (COLD, WARM or SHARED; NATIVE has no enclave: see
     * {@link NativeFunctionPlatform}, or {@link ServingModel#platform}).
     */
    public EnclaveFunctionPlatform(
            Kernel kernel,
            SgxDriver driver,
            TeeMateController controller,
            ServingModel model,
            Path workDir,
            PlatformOptions options) {
        this(kernel, driver, controller, enclaveMode(model), reuseOf(model), model.apiName(), workDir, options);
    }

    private static Mode enclaveMode(ServingModel model) {
        if (Objects.requireNonNull(model, "model") == ServingModel.NATIVE) {
            throw new IllegalArgumentException(
                    "the native model runs functions without an enclave: use NativeFunctionPlatform");
        }
        return model.containerMode();
    }

    private static Reuse reuseOf(ServingModel model) {
        return switch (model) {
            case COLD -> Reuse.NEVER;
            case WARM -> Reuse.POOL;
            default -> Reuse.IDLE;
        };
    }

    private EnclaveFunctionPlatform(
            Kernel kernel,
            SgxDriver driver,
            TeeMateController controller,
            Mode mode,
            Reuse reuse,
            String modeName,
            Path workDir,
            PlatformOptions options) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.machine = kernel.machine();
        this.mode = mode;
        this.reuse = reuse;
        this.modeName = modeName;
        this.refills = reuse == Reuse.POOL
                ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "faas-warm-pool");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        this.workDir = workDir.toAbsolutePath();
        this.options = Objects.requireNonNull(options, "options");
        this.owner = options.owner() != null ? options.owner() : SigningKey.generate();
        this.images = new FunctionImages(this.workDir, options);
        try {
            Files.createDirectories(this.workDir.resolve("functions"));
            this.enclave = EnclaveImage.load(images.writeEnclaveManifest(), owner);
            this.statsImage = image(writeStatsManifest());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the platform's images under " + this.workDir, e);
        }
        this.manager = new ContainerManager(
                kernel,
                driver,
                controller,
                options.tcsTimeout(),
                mode == Mode.SHARED ? options.warmPeriod() : Duration.ZERO);
        this.kv = KvService.of(options.kvEndpoint());
        manager.registerService(SERVICE_FETCH, fetch);
        manager.registerService(SERVICE_KV, kv);
    }

    /**
     * A platform on an emulated machine of its own ({@link PlatformOptions#epcMiB()}, logical processors), in the
     * container mode alone: SHARED is the shared model; CONVENTIONAL builds an enclave per instance and reuses idle
     * instances (the two-mode platform's conventional mode, which is neither the paper's CC-Cold nor its CC-Warm).
     */
    public static EnclaveFunctionPlatform create(Mode mode, Path workDir, PlatformOptions options) {
        Platform p = boot(options);
        return new EnclaveFunctionPlatform(p.kernel(), p.driver(), p.controller(), mode, workDir, options);
    }

    /** A platform serving as {@code model} says (not NATIVE) on an emulated machine of its own. */
    public static EnclaveFunctionPlatform create(ServingModel model, Path workDir, PlatformOptions options) {
        enclaveMode(model);
        Platform p = boot(options);
        return new EnclaveFunctionPlatform(p.kernel(), p.driver(), p.controller(), model, workDir, options);
    }

    private static Platform boot(PlatformOptions options) {
        return Platform.boot(Machine.builder()
                .epcMiB(options.epcMiB())
                .logicalProcessors(options.logicalProcessors())
                .platform(options.platform())
                .build());
    }

    // ------------------------------------------------------------------ images

    private Path writeStatsManifest() throws IOException {
        Path dir = Files.createDirectories(workDir.resolve("stats"));
        return images.writeContainerManifest(dir, "faas-stats", WasmAbi.STATS_APP, List.of(), Map.of(), List.of(), 0);
    }

    private ContainerImage image(Path manifestFile) {
        ContainerManifest m = ContainerManifest.load(manifestFile);
        m.verifyFiles(manifestFile);
        return ContainerImage.of(manifestFile, m, enclave, owner);
    }

    // ------------------------------------------------------------------ deploy, list, delete

    @Override
    public FunctionInfo deploy(FunctionSpec spec) {
        return deploy(spec, true);
    }

    /**
     * Deploys without the host's {@link ModuleCheck}: what a compromised host can do, since it writes and signs the
     * function's image itself. Tests use it to show that the enclave checks a module again before it runs it.
     */
    FunctionInfo deployUnchecked(FunctionSpec spec) {
        return deploy(spec, false);
    }

    private FunctionInfo deploy(FunctionSpec spec, boolean check) {
        Objects.requireNonNull(spec, "spec");
        requireOpen();
        FunctionImages.Written<ContainerImage> w = images.write(spec, check, this::image);
        String name = w.name();
        Deployed d = new Deployed(name, w.image(), w.codeBytes(), w.maxMemoryPages(), w.timeoutMillis(), w.runtime());
        // OpenWhisk's /init: a JavaScript action is initialised before it is published, so code that cannot be is
        // INIT_FAILED here and the function stays as it was
        FunctionInstance prepared = d.runtime == FunctionRuntime.NODEJS ? prepare(d) : null;
        List<FunctionInstance> stale;
        synchronized (lock) {
            if (closed) {
                stale = prepared == null ? List.of() : List.of(prepared);
                if (prepared != null && instances.remove(prepared)) {
                    slots--;
                }
            } else {
                Deployed old = functions.put(name, d);
                stale = old == null ? List.of() : retire(old);
                if (prepared != null && reuse == Reuse.NEVER) { // cold: it proved the code; no instance is kept
                    d.busy--;
                    if (instances.remove(prepared)) {
                        slots--;
                    }
                    stale = new ArrayList<>(stale);
                    stale.add(prepared);
                    lock.notifyAll();
                } else if (prepared != null) { // its lease ends here: idle, for the first invocation
                    prepared.initialisedAtDeploy = true;
                    d.busy--;
                    prepared.lastUsed = System.nanoTime();
                    d.idle.addFirst(prepared);
                    lock.notifyAll();
                }
            }
        }
        stale.forEach(this::stop);
        requireOpen();
        if (reuse == Reuse.POOL) {
            fillPool(d);
        }
        return info(d);
    }

    /**
     * A JavaScript function's first instance, started before the function is published: OpenWhisk's /init
     * evaluates the action's code when the container starts, so a syntax error or a missing main is the deploy's
     * {@link FunctionException.Kind#INIT_FAILED} and the function (or the version it would replace) stays as it
     * was. The instance is kept idle for the first invocation.
     */
    private FunctionInstance prepare(Deployed d) {
        Lease lease = acquire(d.name, d);
        FunctionInstance idle = lease.instance();
        return idle != null ? idle : start(d);
    }

    /**
     * The warm model: starts instances of {@code d} (container, enclave, runtime attach, module load or the
     * JavaScript action's /init) until its pool holds {@link PlatformOptions#warmPool()} or no slot is free. A start
     * that fails leaves the pool short: the next invocation then starts one itself and reports the failure.
     */
    private void fillPool(Deployed d) {
        while (true) {
            synchronized (lock) {
                if (closed || d.retired || d.idle.size() + d.warming >= options.warmPool() || slots >= capacity()) {
                    return;
                }
                slots++;
                d.busy++;
                d.warming++;
            }
            FunctionInstance instance;
            try {
                instance = start(d);
            } catch (FunctionException e) {
                synchronized (lock) {
                    d.warming--;
                }
                return; // start gave the slot back
            }
            synchronized (lock) {
                d.warming--;
            }
            release(instance);
        }
    }

    /** The warm model: tops {@code d}'s pool up in the background, off any invocation's path. */
    private void refillLater(Deployed d) {
        if (refills == null) {
            return;
        }
        try {
            refills.execute(() -> {
                try {
                    fillPool(d);
                } catch (RuntimeException e) {
                    // the platform closed under it; nothing to fill
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Marks {@code d} gone and takes its idle instances out of the pool (to stop outside the lock). */
    private List<FunctionInstance> retire(Deployed d) {
        d.retired = true;
        List<FunctionInstance> idle = new ArrayList<>(d.idle);
        d.idle.clear();
        instances.removeAll(idle);
        slots -= idle.size();
        lock.notifyAll();
        return idle;
    }

    @Override
    public List<FunctionInfo> list() {
        synchronized (lock) {
            return functions.values().stream().map(this::info).toList();
        }
    }

    @Override
    public Optional<FunctionInfo> get(String name) {
        synchronized (lock) {
            return Optional.ofNullable(functions.get(name)).map(this::info);
        }
    }

    private FunctionInfo info(Deployed d) {
        synchronized (lock) {
            return new FunctionInfo(
                    d.name,
                    d.image.manifest().digestHex(),
                    d.moduleBytes,
                    d.maxMemoryPages,
                    d.timeoutMillis,
                    d.idle.size(),
                    d.busy,
                    d.invocations.get(),
                    d.image.manifest().memoryLimit(),
                    d.runtime);
        }
    }

    @Override
    public boolean delete(String name) {
        List<FunctionInstance> stale;
        synchronized (lock) {
            Deployed d = functions.remove(name);
            if (d == null) {
                return false;
            }
            stale = retire(d);
        }
        stale.forEach(this::stop);
        return true;
    }

    // ------------------------------------------------------------------ invoke

    @Override
    public Invocation invoke(String name, byte[] body, Map<String, String> params) {
        requireOpen();
        byte[] stdin = request(name, body, params);
        Lease lease = acquire(name);
        Deployed d = lease.function();
        FunctionInstance instance = lease.instance();
        boolean cold = instance == null;
        if (cold) {
            instance = start(d);
            refillLater(d); // the pool ran dry: make the next ones ready while this one runs
        } else if (instance.initialisedAtDeploy && reuse == Reuse.IDLE) {
            cold = true; // its start was this function's first: report it with this, its first invocation
        }
        instance.initialisedAtDeploy = false;
        Container.Outcome outcome;
        try {
            outcome = manager.invoke(instance.container, stdin);
        } catch (RuntimeException e) {
            discard(instance);
            throw new FunctionException(
                    FunctionException.Kind.INTERNAL,
                    ErrorReport.generic(
                            "function " + name + ": the platform could not enter its instance",
                            "function " + name + ": entering its instance: " + e,
                            e),
                    e);
        }
        if (outcome.error() != null) {
            discard(instance);
            throw failure(d, outcome);
        }
        d.invocations.incrementAndGet();
        release(instance);
        PhaseTimes p = instance.container.phases();
        Invocation.Phases wall;
        Invocation.Phases modeled;
        if (cold) {
            wall = new Invocation.Phases(
                    p.wallNanos(Phase.PROCESS),
                    p.wallNanos(Phase.ENCLAVE),
                    p.wallNanos(Phase.RUNTIME_INIT) + p.wallNanos(Phase.FIRST_ENTRY),
                    outcome.wallNanos());
            modeled = new Invocation.Phases(
                    p.modeledNanos(Phase.PROCESS),
                    p.modeledNanos(Phase.ENCLAVE),
                    p.modeledNanos(Phase.RUNTIME_INIT) + p.modeledNanos(Phase.FIRST_ENTRY),
                    outcome.modeledNanos());
        } else {
            wall = new Invocation.Phases(0, 0, 0, outcome.wallNanos());
            modeled = new Invocation.Phases(0, 0, 0, outcome.modeledNanos());
        }
        return invocation(name, d.runtime, outcome.exitCode(), outcome.stdout(), cold, wall, modeled);
    }

    /** The invocation's result: a JavaScript function's response decoded into its result and log. */
    static Invocation invocation(
            String name,
            FunctionRuntime runtime,
            int exitCode,
            byte[] stdout,
            boolean cold,
            Invocation.Phases wall,
            Invocation.Phases modeled) {
        if (runtime == FunctionRuntime.NODEJS) {
            JsAbi.Response r = jsResponse(name, stdout);
            return new Invocation(
                    name,
                    exitCode,
                    r.result().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    r.log(),
                    cold,
                    wall,
                    modeled,
                    FunctionRuntime.NODEJS);
        }
        return new Invocation(name, exitCode, stdout, cold, wall, modeled);
    }

    /**
     * The framed request ({@link WasmAbi#encodeInvocation}) of an invocation of {@code name}: a parameter name the
     * ABI refuses, a NUL in a value, or more than {@link #MAX_REQUEST} bytes is the caller's error, said before any
     * instance is taken.
     */
    static byte[] request(String name, byte[] body, Map<String, String> params) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(params, "params");
        for (var p : params.entrySet()) {
            String problem = WasmAbi.parameterNameProblem(p.getKey());
            if (problem == null && p.getValue().indexOf('\0') >= 0) {
                problem = "parameter " + p.getKey() + " has a NUL character in its value";
            }
            if (problem != null) {
                throw new FunctionException(FunctionException.Kind.BAD_MODULE, "invoking " + name + ": " + problem);
            }
        }
        byte[] stdin = WasmAbi.encodeInvocation(params, body);
        if (stdin.length > MAX_REQUEST) {
            throw new FunctionException(
                    FunctionException.Kind.MEMORY_LIMIT,
                    "invoking " + name + ": the request (" + body.length
                            + " bytes of body and its parameters) is more than the " + MAX_REQUEST
                            + " bytes an invocation carries");
        }
        return stdin;
    }

    /** A JavaScript instance's response; one that does not decode is the platform's failure (the enclave wrote it). */
    static JsAbi.Response jsResponse(String name, byte[] stdout) {
        try {
            return JsAbi.decodeResponse(stdout);
        } catch (RuntimeException e) {
            throw new FunctionException(
                    FunctionException.Kind.INTERNAL,
                    ErrorReport.generic(
                            "function " + name + ": its response could not be read",
                            "function " + name + ": decoding its response: " + e,
                            e),
                    e);
        }
    }

    /** Why a JavaScript action's /init failed: the "error" of its response, as the engine said it. */
    static String initFailure(String name, byte[] stdout) {
        String result = jsResponse(name, stdout).result();
        try {
            String error = JSON.readTree(result).path("error").asText("");
            return error.isEmpty() ? "Initialization has failed." : error;
        } catch (IOException e) {
            return "Initialization has failed.";
        }
    }

    /**
     * An idle instance of {@code name}, or a slot to start one in. When every slot is taken, the least recently used
     * idle instance of another function is stopped to make room; when none is idle, waits up to the TCS timeout.
     */
    private Lease acquire(String name) {
        return acquire(name, null);
    }

    /** {@link #acquire(String)}, or a slot for {@code unpublished}, a function not yet deployed under its name. */
    private Lease acquire(String name, Deployed unpublished) {
        long deadline = System.nanoTime() + options.tcsTimeout().toNanos();
        List<FunctionInstance> evicted = new ArrayList<>();
        try {
            synchronized (lock) {
                while (true) {
                    requireOpen();
                    Deployed d = unpublished != null ? unpublished : functions.get(name);
                    if (d == null) {
                        throw new FunctionException(
                                FunctionException.Kind.NOT_FOUND, "no function named \"" + name + "\" is deployed");
                    }
                    FunctionInstance idle = reuse == Reuse.NEVER ? null : d.idle.pollFirst();
                    if (idle != null) {
                        d.busy++;
                        return new Lease(d, idle);
                    }
                    if (slots < capacity()) {
                        slots++;
                        d.busy++;
                        return new Lease(d, null);
                    }
                    FunctionInstance victim = instances.stream()
                            .filter(i -> i.function.idle.contains(i))
                            .min(Comparator.comparingLong(i -> i.lastUsed))
                            .orElse(null);
                    if (victim != null) {
                        victim.function.idle.remove(victim);
                        instances.remove(victim);
                        slots--;
                        evicted.add(victim);
                        continue;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new FunctionException(
                                FunctionException.Kind.INTERNAL,
                                "function " + name + ": all " + capacity()
                                        + " instances are busy; none was free within " + options.tcsTimeout());
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new FunctionException(
                                FunctionException.Kind.INTERNAL,
                                "interrupted while waiting for an instance of " + name);
                    }
                }
            }
        } finally {
            evicted.forEach(this::stop); // before the new instance starts, so their TCSs are free for it
        }
    }

    /** How many instances may be up at once: in shared mode each holds one of the enclave's TCSs. */
    private int capacity() {
        return mode == Mode.SHARED ? Math.min(options.maxInstances(), options.threads()) : options.maxInstances();
    }

    /** A cold start in the slot acquire gave: the container (process, enclave, attach), then the module load. */
    private FunctionInstance start(Deployed d) {
        Container c;
        try {
            c = manager.start(d.image, mode);
        } catch (RuntimeException e) {
            giveBackSlot(d);
            throw new FunctionException(
                    FunctionException.Kind.INTERNAL,
                    ErrorReport.generic(
                            "function " + d.name + ": its instance did not start",
                            "function " + d.name + ": starting its instance: " + e,
                            e),
                    e);
        }
        if (mode == Mode.SHARED) {
            sharedEnclave = c.enclaveId();
        }
        Container.Outcome prepared;
        try {
            prepared = manager.run(c); // empty standard input: WasmApp verifies and loads the module, runs nothing
        } catch (RuntimeException e) {
            manager.stop(c);
            giveBackSlot(d);
            throw new FunctionException(
                    FunctionException.Kind.INTERNAL,
                    ErrorReport.generic(
                            "function " + d.name + ": its module could not be loaded",
                            "function " + d.name + ": loading its module: " + e,
                            e),
                    e);
        }
        if (prepared.error() != null) {
            manager.stop(c);
            giveBackSlot(d);
            throw failure(d, prepared);
        }
        if (d.runtime == FunctionRuntime.NODEJS && prepared.exitCode() != JsAbi.EXIT_OK) {
            manager.stop(c);
            giveBackSlot(d);
            throw new FunctionException(FunctionException.Kind.INIT_FAILED, initFailure(d.name, prepared.stdout()));
        }
        FunctionInstance instance = new FunctionInstance(d, c);
        synchronized (lock) {
            instances.add(instance);
        }
        return instance;
    }

    private void giveBackSlot(Deployed d) {
        synchronized (lock) {
            slots--;
            d.busy--;
            lock.notifyAll();
        }
    }

    /**
     * Back to the pool after a good invocation, or stopped if its function is gone; in the cold model always
     * stopped, and in the warm model stopped when the pool is full already.
     */
    private void release(FunctionInstance instance) {
        boolean stop;
        synchronized (lock) {
            Deployed d = instance.function;
            d.busy--;
            stop = d.retired
                    || closed
                    || reuse == Reuse.NEVER
                    || (reuse == Reuse.POOL && d.idle.size() >= options.warmPool());
            if (stop) {
                instances.remove(instance);
                slots--;
            } else {
                instance.lastUsed = System.nanoTime();
                d.idle.addFirst(instance);
            }
            lock.notifyAll();
        }
        if (stop) {
            stop(instance);
        }
    }

    /** Out of the pool and stopped: its container crashed, timed out or could not be entered. */
    private void discard(FunctionInstance instance) {
        synchronized (lock) {
            instance.function.busy--;
            if (instances.remove(instance)) {
                slots--;
            }
            lock.notifyAll();
        }
        stop(instance);
        refillLater(instance.function);
    }

    private void stop(FunctionInstance instance) {
        try {
            manager.stop(instance.container);
        } catch (RuntimeException e) {
            // its process is gone either way; nothing of the function is left to clean up
        }
    }

    /** The function's error for an outcome the runtime refused (the instance is already torn down in the enclave). */
    static FunctionException failure(Deployed d, Container.Outcome o) {
        return failure(d.name, d.timeoutMillis, o.status(), o.message());
    }

    /**
     * The function's error for the runtime's status and message, chosen by the status alone. A trap (E_FAULT), a
     * timeout and a memory limit are the function's own errors: the runtime's message for them is written for the
     * caller ({@link RuntimeAbi.Status}), and the caller gets it. A crash, a trusted-file failure or any other status
     * is the platform's: its message is detail for the operator, logged under an error id that the caller gets
     * instead ({@link ErrorReport}).
     */
    static FunctionException failure(String name, long timeoutMillis, long status, String message) {
        String m = message == null ? "" : message;
        RuntimeAbi.Status s = RuntimeAbi.Status.of(status);
        if (s == null) {
            return platformFailed(name, status, m);
        }
        return switch (s) {
            case E_FAULT -> new FunctionException(FunctionException.Kind.TRAP, "function " + name + " trapped: " + m);
            case E_TIMEOUT ->
                new FunctionException(
                        FunctionException.Kind.TIMEOUT,
                        m.isBlank()
                                ? "function " + name + " ran past its time limit of " + timeoutMillis
                                        + " ms and was stopped"
                                : m);
            case E_NO_MEMORY ->
                new FunctionException(FunctionException.Kind.MEMORY_LIMIT, "function " + name + ": " + m);
            case E_CRASHED ->
                new FunctionException(
                        FunctionException.Kind.TRAP,
                        ErrorReport.generic(
                                "function " + name + " crashed",
                                "function " + name + ": " + RuntimeAbi.statusName(status) + ": " + m,
                                null));
            case E_FILE ->
                new FunctionException(
                        FunctionException.Kind.INTERNAL,
                        ErrorReport.generic(
                                "function " + name + ": its module failed the enclave's trusted-file check",
                                "function " + name + ": " + m,
                                null));
            default -> platformFailed(name, status, m);
        };
    }

    private static FunctionException platformFailed(String name, long status, String message) {
        return new FunctionException(
                FunctionException.Kind.INTERNAL,
                ErrorReport.generic(
                        "function " + name + ": the platform failed",
                        "function " + name + ": " + RuntimeAbi.statusName(status) + ": " + message,
                        null));
    }

    // ------------------------------------------------------------------ observing

    @Override
    public Map<String, Long> epcPagesByEnclave() {
        Map<Long, String> labels = new LinkedHashMap<>();
        synchronized (lock) {
            for (FunctionInstance i : instances) {
                long id = i.container.enclaveId();
                labels.put(
                        id,
                        mode == Mode.SHARED
                                ? ENCLAVE_NAME + " (shared, enclave " + id + ")"
                                : i.function.name + " pid "
                                        + i.container.process().pid() + " (enclave " + id + ")");
            }
        }
        long shared = sharedEnclave;
        if (mode == Mode.SHARED && shared != 0) {
            labels.putIfAbsent(shared, ENCLAVE_NAME + " (shared, enclave " + shared + ")");
        }
        EpcStats stats = driver.stats();
        Map<String, Long> out = new TreeMap<>();
        labels.forEach((id, label) -> {
            EpcStats.PerEnclave e = stats.enclaves().get(id);
            if (e != null) {
                out.put(label, (long) e.residentPages() + e.evictedPages());
            }
        });
        return out;
    }

    /**
     * The Wasm runtime's counters in the shared enclave, from a {@code wasm-stats} container started in it (shared
     * mode only: in conventional mode every instance has an enclave, and a module cache, of its own).
     */
    public RuntimeStats runtimeStats() {
        if (mode != Mode.SHARED) {
            throw new IllegalStateException(
                    "runtime statistics are per enclave; in conventional mode every instance has "
                            + "its own enclave and loads its own module");
        }
        requireOpen();
        Container c = manager.start(statsImage, Mode.SHARED);
        try {
            Container.Outcome o = manager.run(c);
            if (o.error() != null) {
                throw new FunctionException(
                        FunctionException.Kind.INTERNAL,
                        ErrorReport.generic(
                                "the runtime statistics container failed", "runtime statistics: " + o.error(), null));
            }
            return RuntimeStats.parse(o.stdoutText());
        } finally {
            manager.stop(c);
        }
    }

    /** {@link #runtimeStats()} once the shared enclave exists: never builds it just to count it. */
    @Override
    public Optional<RuntimeStats> sharedRuntimeStats() {
        if (mode != Mode.SHARED || sharedEnclave == 0 || closed) {
            return Optional.empty();
        }
        return Optional.of(runtimeStats());
    }

    /** The emulated machine the enclaves run on; its cost model prices every modeled figure of the platform. */
    public io.teemate.sgx.Machine machine() {
        return machine;
    }

    /** The part whose clock and costs price the modeled phases: the machine's ({@link PlatformOptions#platform}). */
    @Override
    public Optional<io.teemate.sgx.cost.PlatformProfile> modeledPlatform() {
        return Optional.of(machine.costModel().platform());
    }

    /** The serving model ("cold", "warm", "shared"), or "conventional" for the two-mode platform's mode. */
    @Override
    public String mode() {
        return modeName;
    }

    /** How instances get their enclave. */
    public Mode containerMode() {
        return mode;
    }

    public PlatformOptions options() {
        return options;
    }

    /**
     * Answers the functions' requests for host service {@code name} with {@code service} instead ({@link
     * #SERVICE_FETCH}, {@link #SERVICE_KV} or another; null withdraws it): how a test plays a hostile host, whose
     * replies the functions must survive.
     */
    public void registerService(String name, io.teemate.host.container.HostService service) {
        manager.registerService(name, service);
    }

    /** The service answering the functions' requests for {@code name}, or null. */
    public io.teemate.host.container.HostService service(String name) {
        return manager.service(name);
    }

    /** The enclave image every instance runs on. */
    public EnclaveImage enclaveImage() {
        return enclave;
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        List<FunctionInstance> all;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>();
            for (Deployed d : functions.values()) {
                all.addAll(retire(d));
            }
            functions.clear();
            lock.notifyAll();
        }
        if (refills != null) {
            refills.shutdownNow();
            try {
                // a pool start under way finishes before the manager goes; its instance is stopped at release
                refills.awaitTermination(options.tcsTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        all.forEach(this::stop);
        manager.close();
        fetch.close();
        kv.close();
    }

    private void requireOpen() {
        if (closed) {
            throw new FunctionException(FunctionException.Kind.INTERNAL, "the function platform is closed");
        }
    }
}

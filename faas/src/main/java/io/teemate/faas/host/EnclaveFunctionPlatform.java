package io.teemate.faas.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.image.AttachKeys;
import io.teemate.abi.image.ContainerManifest;
import io.teemate.abi.image.ManifestException;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

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
 * limits; an attach key). <b>Invoke</b> reuses an idle instance of the function (warm) or starts a container (cold:
 * process, enclave built or aliased, runtime attach, module load), then enters it with the request framed as
 * {@link WasmAbi} says. Each instance serves one invocation at a time; the platform keeps at most
 * {@link PlatformOptions#maxInstances()} instances and, when full, stops the least recently used idle instance of
 * another function or waits. An instance that trapped, timed out or ran out of memory is stopped (the runtime has
 * already torn its container down); the others keep serving.
 */
public final class EnclaveFunctionPlatform implements FunctionPlatform {
    /** The enclave image every instance runs on. */
    public static final String ENCLAVE_NAME = "faas-runtime";
    /** What a function may be called: it names a directory and a container. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /**
     * The largest framed request (body and parameters) one invocation carries: the container's untrusted request
     * buffer (1 MiB) less the session token and the framing.
     */
    public static final int MAX_REQUEST = ContainerManager.MAX_INVOKE_INPUT;

    /** The host services a function's code reaches by OCALL_SERVICE: its {@code fetch} and {@code teemate.kv}. */
    public static final String SERVICE_FETCH = "fetch";

    public static final String SERVICE_KV = "kv";

    private static final String MODULE_FILE = "module.wasm";
    private static final String JS_ENGINE_FILE = "jsfn.wasm";
    private static final String JS_ENGINE_RESOURCE = "/io/teemate/faas/js/jsfn.wasm";
    /** A JavaScript entry point: a name, or a dotted path into the module's exports. */
    private static final Pattern JS_MAIN = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SgxDriver driver;
    private final Mode mode;
    private final Path workDir;
    private final PlatformOptions options;
    private final SigningKey owner;
    private final EnclaveImage enclave;
    private final ContainerImage statsImage;
    private final ContainerManager manager;
    /** The host services JavaScript functions reach ({@code fetch}, {@code teemate.kv}): closed with the platform. */
    private final FetchService fetch = new FetchService();

    private final KvService kv;
    private final WatCompiler wat = new WatCompiler();
    private final AtomicInteger generation = new AtomicInteger();

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

        FunctionInstance(Deployed function, Container container) {
            this.function = function;
            this.container = container;
        }
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
        this.driver = Objects.requireNonNull(driver, "driver");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.workDir = workDir.toAbsolutePath();
        this.options = Objects.requireNonNull(options, "options");
        this.owner = options.owner() != null ? options.owner() : SigningKey.generate();
        try {
            Files.createDirectories(this.workDir.resolve("functions"));
            this.enclave = EnclaveImage.load(writeEnclaveManifest(), owner);
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

    /** A platform on an emulated machine of its own ({@link PlatformOptions#epcMiB()}, logical processors). */
    public static EnclaveFunctionPlatform create(Mode mode, Path workDir, PlatformOptions options) {
        Platform p = Platform.boot(Machine.builder()
                .epcMiB(options.epcMiB())
                .logicalProcessors(options.logicalProcessors())
                .build());
        return new EnclaveFunctionPlatform(p.kernel(), p.driver(), p.controller(), mode, workDir, options);
    }

    // ------------------------------------------------------------------ images

    private Path writeEnclaveManifest() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ENCLAVE_NAME);
        m.put("runtime", RuntimeAbi.RUNTIME_NAME);
        m.put("apps", List.of(WasmAbi.APP, JsAbi.APP, WasmAbi.STATS_APP));
        m.put("threads", options.threads() + 1); // one more TCS for the platform's own runtime-statistics container
        m.put("heap_size", options.heapSize());
        m.put("edmm", options.edmm());
        if (options.edmm()) {
            m.put("heap_initial", options.heapInitial());
        }
        Path file = workDir.resolve(ENCLAVE_NAME + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), m);
        return file;
    }

    private Path writeStatsManifest() throws IOException {
        Path dir = Files.createDirectories(workDir.resolve("stats"));
        return writeContainerManifest(dir, "faas-stats", WasmAbi.STATS_APP, List.of(), Map.of(), List.of(), 0);
    }

    /** {@code memoryLimit}: the container's memory_limit in bytes, 0 for none. */
    private Path writeContainerManifest(
            Path dir,
            String name,
            String entry,
            List<String> args,
            Map<String, String> env,
            List<Map<String, String>> files,
            long memoryLimit)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put(
                "enclave_image",
                dir.relativize(workDir.resolve(ENCLAVE_NAME + ".json"))
                        .toString()
                        .replace('\\', '/'));
        m.put("entry", entry);
        m.put("args", args);
        m.put("env", env);
        m.put("files", files);
        if (memoryLimit > 0) {
            m.put("memory_limit", Long.toString(memoryLimit));
        }
        Path file = dir.resolve("container.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), m);
        AttachKeys.provision(file, true);
        return file;
    }

    /**
     * The instance container's memory_limit: its Wasm memory limit and one Wasm page more for the app's own use of
     * its heap. The Wasm engine stops the module at its page limit first; the runtime's quota is the backstop that
     * holds even if a path of the engine did not, so one function never takes another's share of the enclave.
     */
    static long memoryLimit(int maxWasmPages) {
        return ((long) maxWasmPages + 1) * com.dylibso.chicory.runtime.Memory.PAGE_SIZE;
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
        String name = spec.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE,
                    "function name \"" + name + "\" is not "
                            + "allowed: letters, digits, '_', '.', '-', starting with a letter or digit, at most 64");
        }
        int maxPages = spec.maxMemoryPages() <= 0 ? options.defaultMaxMemoryPages() : spec.maxMemoryPages();
        if (maxPages > com.dylibso.chicory.runtime.Memory.RUNTIME_MAX_PAGES) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE,
                    "function " + name + ": a memory limit of "
                            + maxPages + " pages is more than the "
                            + com.dylibso.chicory.runtime.Memory.RUNTIME_MAX_PAGES
                            + " a Wasm instance can have");
        }
        long timeout = spec.timeoutMillis() <= 0 ? options.defaultTimeoutMillis() : spec.timeoutMillis();
        for (String key : spec.env().keySet()) {
            if (key.startsWith(WasmAbi.RESERVED_PREFIX)) {
                throw new FunctionException(
                        FunctionException.Kind.BAD_MODULE,
                        "function " + name + ": environment variable " + key + " starts with " + WasmAbi.RESERVED_PREFIX
                                + ", which is reserved for the platform");
            }
        }
        byte[] code;
        ContainerImage image;
        if (spec.runtime() == FunctionRuntime.NODEJS) {
            code = spec.module();
            image = writeJsFunction(name, code, spec, maxPages, timeout);
        } else {
            code = spec.text() ? wat.compile(spec.module()) : spec.module();
            if (check) {
                ModuleCheck.check(name, code, maxPages);
            }
            image = writeFunction(name, code, spec, maxPages, timeout);
        }
        Deployed d = new Deployed(name, image, code.length, maxPages, timeout, spec.runtime());
        List<FunctionInstance> stale;
        synchronized (lock) {
            requireOpen();
            Deployed old = functions.put(name, d);
            stale = old == null ? List.of() : retire(old);
        }
        stale.forEach(this::stop);
        return info(d);
    }

    private ContainerImage writeFunction(String name, byte[] wasm, FunctionSpec spec, int maxPages, long timeout) {
        Path dir = workDir.resolve("functions").resolve(name).resolve("v" + generation.incrementAndGet());
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(MODULE_FILE), wasm);
            List<String> args = new ArrayList<>();
            args.add(MODULE_FILE);
            args.addAll(spec.args());
            Map<String, String> env = new TreeMap<>(spec.env());
            env.put(WasmAbi.ENV_MAX_MEMORY_PAGES, Integer.toString(maxPages));
            env.put(WasmAbi.ENV_TIMEOUT_MS, Long.toString(timeout));
            env.put(WasmAbi.ENV_ENGINE, options.engine().manifestName());
            Path manifest = writeContainerManifest(
                    dir,
                    name,
                    WasmAbi.APP,
                    args,
                    env,
                    List.of(Map.of("path", MODULE_FILE, "sha256", HexFormat.of().formatHex(sha256(wasm)))),
                    memoryLimit(maxPages));
            return image(manifest);
        } catch (ManifestException e) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE, "function " + name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FunctionException(
                    FunctionException.Kind.INTERNAL,
                    "function " + name + ": writing its image under " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * A JavaScript function's image: the engine ({@value #JS_ENGINE_FILE}, the same bytes for every JavaScript
     * function, so a shared enclave loads it once) and the action as trusted files, entry {@value JsAbi#APP}.
     */
    private ContainerImage writeJsFunction(String name, byte[] code, FunctionSpec spec, int maxPages, long timeout) {
        Path dir = workDir.resolve("functions").resolve(name).resolve("v" + generation.incrementAndGet());
        String main = spec.main() == null || spec.main().isBlank() ? "main" : spec.main();
        if (!JS_MAIN.matcher(main).matches()) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE,
                    "function " + name + ": main \"" + main + "\" is not a JavaScript name (e.g. main, or "
                            + "handlers.hello for a property of the module's exports)");
        }
        if (code.length == 0 || new String(code, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new FunctionException(FunctionException.Kind.BAD_MODULE, "function " + name + ": no code to run");
        }
        boolean zip = code.length >= 4 && code[0] == 'P' && code[1] == 'K' && code[2] == 3 && code[3] == 4;
        String actionFile = zip ? "action.zip" : "action.js";
        try {
            Files.createDirectories(dir);
            byte[] engine = jsEngine();
            Files.write(dir.resolve(JS_ENGINE_FILE), engine);
            Files.write(dir.resolve(actionFile), code);
            Map<String, String> env = new TreeMap<>(spec.env());
            env.put(WasmAbi.ENV_MAX_MEMORY_PAGES, Integer.toString(maxPages));
            env.put(WasmAbi.ENV_TIMEOUT_MS, Long.toString(timeout));
            env.put(WasmAbi.ENV_ENGINE, options.engine().manifestName());
            env.put(JsAbi.ENV_MAIN, main);
            Path manifest = writeContainerManifest(
                    dir,
                    name,
                    JsAbi.APP,
                    List.of(JS_ENGINE_FILE, actionFile),
                    env,
                    List.of(
                            Map.of(
                                    "path",
                                    JS_ENGINE_FILE,
                                    "sha256",
                                    HexFormat.of().formatHex(sha256(engine))),
                            Map.of("path", actionFile, "sha256", HexFormat.of().formatHex(sha256(code)))),
                    // the isolate's pages, and as many again for the function's snapshot it starts from
                    memoryLimit(2 * maxPages));
            return image(manifest);
        } catch (ManifestException e) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE, "function " + name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FunctionException(
                    FunctionException.Kind.INTERNAL,
                    "function " + name + ": writing its image under " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    /** The JavaScript engine the faas jar carries (faas/workloads/quickjs/build.sh makes it). */
    static byte[] jsEngine() throws IOException {
        try (var in = EnclaveFunctionPlatform.class.getResourceAsStream(JS_ENGINE_RESOURCE)) {
            if (in == null) {
                throw new IOException("the JavaScript engine " + JS_ENGINE_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
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
                    d.image.manifest().memoryLimit());
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
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(params, "params");
        requireOpen();
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
        Lease lease = acquire(name);
        Deployed d = lease.function();
        FunctionInstance instance = lease.instance();
        boolean cold = instance == null;
        if (cold) {
            instance = start(d);
        }
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
        if (d.runtime == FunctionRuntime.NODEJS) {
            JsAbi.Response r = jsResponse(d, outcome.stdout());
            return new Invocation(
                    name,
                    outcome.exitCode(),
                    r.result().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    r.log(),
                    cold,
                    wall,
                    modeled);
        }
        return new Invocation(name, outcome.exitCode(), outcome.stdout(), cold, wall, modeled);
    }

    /** A JavaScript instance's response; one that does not decode is the platform's failure (the enclave wrote it). */
    private static JsAbi.Response jsResponse(Deployed d, byte[] stdout) {
        try {
            return JsAbi.decodeResponse(stdout);
        } catch (RuntimeException e) {
            throw new FunctionException(
                    FunctionException.Kind.INTERNAL,
                    ErrorReport.generic(
                            "function " + d.name + ": its response could not be read",
                            "function " + d.name + ": decoding its response: " + e,
                            e),
                    e);
        }
    }

    /** Why a JavaScript action's /init failed: the "error" of its response, as the engine said it. */
    private static String initFailure(Deployed d, byte[] stdout) {
        String result = jsResponse(d, stdout).result();
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
        long deadline = System.nanoTime() + options.tcsTimeout().toNanos();
        List<FunctionInstance> evicted = new ArrayList<>();
        try {
            synchronized (lock) {
                while (true) {
                    requireOpen();
                    Deployed d = functions.get(name);
                    if (d == null) {
                        throw new FunctionException(
                                FunctionException.Kind.NOT_FOUND, "no function named \"" + name + "\" is deployed");
                    }
                    FunctionInstance idle = d.idle.pollFirst();
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
            throw new FunctionException(FunctionException.Kind.INIT_FAILED, initFailure(d, prepared.stdout()));
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

    /** Back to the pool after a good invocation, or stopped if its function is gone. */
    private void release(FunctionInstance instance) {
        boolean stop;
        synchronized (lock) {
            Deployed d = instance.function;
            d.busy--;
            stop = d.retired || closed;
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

    @Override
    public String mode() {
        return mode.name().toLowerCase(java.util.Locale.ROOT);
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

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

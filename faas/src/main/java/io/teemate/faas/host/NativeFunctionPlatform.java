package io.teemate.faas.host;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.image.ContainerManifest;
import io.teemate.enclave.memory.EnclaveOutOfMemoryException;
import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.ContainerFaultException;
import io.teemate.enclave.runtime.ContainerTimeoutException;
import io.teemate.faas.abi.JsAbi;
import io.teemate.faas.abi.WasmAbi;
import io.teemate.faas.enclave.JsApp;
import io.teemate.faas.enclave.WasmApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The paper's Native model ({@link ServingModel#NATIVE}): the same engines as in the enclave ({@link WasmApp},
 * {@link JsApp}, unchanged) run in this process over plain memory, with no enclave, no SGX instruction and so no
 * modeled SGX time. Functions are deployed as for {@link EnclaveFunctionPlatform} (the same checks and the same
 * container image: {@link FunctionImages}); an instance is a {@link NativeContainer} that reads the function's
 * trusted files, checks them against the manifest's SHA-256, and loads the module (or runs the JavaScript action's
 * /init) once. Idle instances are reused, as OpenWhisk keeps a container warm after its activation; at most
 * {@link PlatformOptions#maxInstances()} are up, and when all are, the least recently used idle instance of another
 * function is stopped or the invocation waits up to {@link PlatformOptions#tcsTimeout()}. Phases: container
 * creation is the instance's start (files read and checked, memory set up), enclave 0, runtime init the module load,
 * execution the run.
 */
public final class NativeFunctionPlatform implements FunctionPlatform {
    /** The engines (Wasm modules, the JavaScript engine) loaded once for every container of this platform. */
    private final io.teemate.sgx.program.EnclavePrivate engines = new io.teemate.sgx.program.EnclavePrivate();

    private static final Map<String, ContainerApp> APPS = Map.of(WasmAbi.APP, new WasmApp(), JsAbi.APP, new JsApp());
    private static final Invocation.Phases ZERO = new Invocation.Phases(0, 0, 0, 0);

    private final Path workDir;
    private final PlatformOptions options;
    private final FunctionImages images;
    /** The services JavaScript functions reach (fetch, teemate.kv), as the enclave platforms serve them. */
    private final FetchService fetch = new FetchService();

    private final KvService kv;
    private final Map<String, io.teemate.host.container.HostService> services =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Guards functions, every Deployed's pool, instances and slots. */
    private final Object lock = new Object();

    private final Map<String, Deployed> functions = new TreeMap<>();
    private final List<Instance> instances = new ArrayList<>();
    private int slots;
    private boolean closed;

    private static final class Deployed {
        final String name;
        final Path manifestFile;
        final ContainerManifest manifest;
        final long codeBytes;
        final int maxMemoryPages;
        final long timeoutMillis;
        final FunctionRuntime runtime;
        final Deque<Instance> idle = new ArrayDeque<>();
        final AtomicLong invocations = new AtomicLong();
        int busy;
        boolean retired;

        Deployed(FunctionImages.Written<Path> w) {
            this.name = w.name();
            this.manifestFile = w.image();
            this.manifest = ContainerManifest.load(w.image());
            this.codeBytes = w.codeBytes();
            this.maxMemoryPages = w.maxMemoryPages();
            this.timeoutMillis = w.timeoutMillis();
            this.runtime = w.runtime();
        }
    }

    private static final class Instance {
        final Deployed function;
        final NativeContainer container;
        long lastUsed = System.nanoTime();

        Instance(Deployed function, NativeContainer container) {
            this.function = function;
            this.container = container;
        }
    }

    /** A platform keeping its functions' files under {@code workDir}. */
    public NativeFunctionPlatform(Path workDir, PlatformOptions options) {
        this.workDir = workDir.toAbsolutePath();
        this.options = Objects.requireNonNull(options, "options");
        try {
            Files.createDirectories(this.workDir.resolve("functions"));
            this.images = new FunctionImages(this.workDir, options);
            images.writeEnclaveManifest();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the platform's files under " + this.workDir, e);
        }
        this.kv = KvService.of(options.kvEndpoint());
        services.put(EnclaveFunctionPlatform.SERVICE_FETCH, fetch);
        services.put(EnclaveFunctionPlatform.SERVICE_KV, kv);
    }

    /** As {@link EnclaveFunctionPlatform#registerService}: a test's stand-in for a service; null withdraws it. */
    public void registerService(String name, io.teemate.host.container.HostService service) {
        if (service == null) {
            services.remove(name);
        } else {
            services.put(name, service);
        }
    }

    // ------------------------------------------------------------------ deploy, list, delete

    @Override
    public FunctionInfo deploy(FunctionSpec spec) {
        Objects.requireNonNull(spec, "spec");
        requireOpen();
        Deployed d = new Deployed(images.write(spec, true, manifest -> {
            ContainerManifest.load(manifest).verifyFiles(manifest);
            return manifest;
        }));
        if (d.runtime == FunctionRuntime.NODEJS) {
            initialise(d);
        }
        List<Instance> stale;
        synchronized (lock) {
            requireOpen();
            Deployed old = functions.put(d.name, d);
            stale = old == null ? List.of() : retire(old);
        }
        stale.forEach(i -> i.container.close());
        return info(d);
    }

    /**
     * OpenWhisk's /init for a JavaScript function, before it is published (as {@link EnclaveFunctionPlatform} does):
     * code that cannot be initialised is INIT_FAILED at deploy and the function stays as it was. The instance that
     * proved it is closed; the first invocation starts its own.
     */
    private void initialise(Deployed d) {
        NativeContainer c;
        try {
            c = new NativeContainer(d.manifest, d.manifestFile, heapPages(d), engines, services::get);
        } catch (NativeContainer.TrustedFileException e) {
            throw fileFailure(d.name, e);
        }
        Instance probe = new Instance(d, c);
        try {
            if (run(probe, new byte[0]) != JsAbi.EXIT_OK) {
                throw new FunctionException(
                        FunctionException.Kind.INIT_FAILED,
                        EnclaveFunctionPlatform.initFailure(d.name, probe.container.output()));
            }
        } finally {
            c.close();
        }
    }

    private List<Instance> retire(Deployed d) {
        d.retired = true;
        List<Instance> idle = new ArrayList<>(d.idle);
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
                    d.manifest.digestHex(),
                    d.codeBytes,
                    d.maxMemoryPages,
                    d.timeoutMillis,
                    d.idle.size(),
                    d.busy,
                    d.invocations.get(),
                    d.manifest.memoryLimit());
        }
    }

    @Override
    public boolean delete(String name) {
        List<Instance> stale;
        synchronized (lock) {
            Deployed d = functions.remove(name);
            if (d == null) {
                return false;
            }
            stale = retire(d);
        }
        stale.forEach(i -> i.container.close());
        return true;
    }

    // ------------------------------------------------------------------ invoke

    @Override
    public Invocation invoke(String name, byte[] body, Map<String, String> params) {
        requireOpen();
        byte[] stdin = EnclaveFunctionPlatform.request(name, body, params);
        Lease lease = acquire(name);
        Deployed d = lease.function();
        Instance instance = lease.instance();
        boolean cold = instance == null;
        long creation = 0;
        long init = 0;
        if (cold) {
            long t0 = System.nanoTime();
            NativeContainer c;
            try {
                c = new NativeContainer(d.manifest, d.manifestFile, heapPages(d), engines, services::get);
            } catch (NativeContainer.TrustedFileException e) {
                giveBackSlot(d);
                throw fileFailure(name, e);
            } catch (RuntimeException | OutOfMemoryError e) {
                giveBackSlot(d);
                throw new FunctionException(
                        FunctionException.Kind.INTERNAL,
                        ErrorReport.generic(
                                "function " + name + ": its instance did not start",
                                "function " + name + ": starting its instance: " + e,
                                e),
                        e);
            }
            long t1 = System.nanoTime();
            instance = new Instance(d, c);
            synchronized (lock) {
                instances.add(instance);
            }
            int prepared = run(instance, new byte[0]); // WasmApp loads the module, JsApp runs /init; nothing else
            if (d.runtime == FunctionRuntime.NODEJS && prepared != JsAbi.EXIT_OK) {
                discard(instance);
                throw new FunctionException(
                        FunctionException.Kind.INIT_FAILED,
                        EnclaveFunctionPlatform.initFailure(name, instance.container.output()));
            }
            creation = t1 - t0;
            init = System.nanoTime() - t1;
        }
        long t2 = System.nanoTime();
        int exit = run(instance, stdin);
        long execution = System.nanoTime() - t2;
        byte[] stdout = instance.container.output();
        d.invocations.incrementAndGet();
        release(instance);
        Invocation.Phases wall = new Invocation.Phases(creation, 0, init, execution);
        return EnclaveFunctionPlatform.invocation(name, d.runtime, exit, stdout, cold, wall, ZERO);
    }

    /** The container's heap: its memory_limit (the function's Wasm pages and one more), in 4 KiB pages. */
    private static int heapPages(Deployed d) {
        int pages = d.manifest.memoryLimitPages();
        return pages > 0 ? pages : (int) (FunctionImages.memoryLimit(d.maxMemoryPages) / 4096);
    }

    /**
     * Runs the instance's program on {@code stdin}: its exit status, or the function's error for what it threw,
     * sorted as the trusted runtime sorts it (ContainerApp#main), and the instance stopped then.
     */
    private int run(Instance instance, byte[] stdin) {
        Deployed d = instance.function;
        NativeContainer c = instance.container;
        c.input(stdin);
        long status;
        String message;
        try {
            return APPS.get(d.manifest.entry()).main(c);
        } catch (NativeContainer.TrustedFileException e) {
            status = RuntimeAbi.E_FILE;
            message = e.getMessage();
        } catch (ContainerTimeoutException e) {
            status = RuntimeAbi.E_TIMEOUT;
            message = e.getMessage();
        } catch (EnclaveOutOfMemoryException e) {
            status = RuntimeAbi.E_NO_MEMORY;
            message = e.getMessage();
        } catch (ContainerFaultException e) {
            status = RuntimeAbi.E_FAULT;
            message = e.getMessage();
        } catch (Exception | Error e) {
            // anything else the program threw (an Error too): this instance goes, the platform goes on
            status = RuntimeAbi.E_CRASHED;
            message = "container " + c.name() + " crashed: " + e;
        }
        discard(instance);
        if (status == RuntimeAbi.E_FILE) {
            throw fileFailure(d.name, new NativeContainer.TrustedFileException(message));
        }
        throw EnclaveFunctionPlatform.failure(d.name, d.timeoutMillis, status, message);
    }

    /** A function whose files changed after deploy: the platform's failure, its detail for the operator only. */
    private static FunctionException fileFailure(String name, NativeContainer.TrustedFileException e) {
        return new FunctionException(
                FunctionException.Kind.INTERNAL,
                ErrorReport.generic(
                        "function " + name + ": its files failed the trusted-file check",
                        "function " + name + ": " + e.getMessage(),
                        null));
    }

    /** What acquire hands out: an idle instance, or a slot to start one in (instance null). */
    private record Lease(Deployed function, Instance instance) {}

    /**
     * An idle instance of {@code name}, or a slot to start one in. When every slot is taken, the least recently used
     * idle instance of another function is stopped to make room; when none is idle, waits up to the TCS timeout.
     */
    private Lease acquire(String name) {
        long deadline = System.nanoTime() + options.tcsTimeout().toNanos();
        List<Instance> evicted = new ArrayList<>();
        try {
            synchronized (lock) {
                while (true) {
                    requireOpen();
                    Deployed d = functions.get(name);
                    if (d == null) {
                        throw new FunctionException(
                                FunctionException.Kind.NOT_FOUND, "no function named \"" + name + "\" is deployed");
                    }
                    Instance idle = d.idle.pollFirst();
                    if (idle != null) {
                        d.busy++;
                        return new Lease(d, idle);
                    }
                    if (slots < options.maxInstances()) {
                        slots++;
                        d.busy++;
                        return new Lease(d, null);
                    }
                    Instance victim = instances.stream()
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
                                "function " + name + ": all " + options.maxInstances()
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
            evicted.forEach(i -> i.container.close());
        }
    }

    private void giveBackSlot(Deployed d) {
        synchronized (lock) {
            slots--;
            d.busy--;
            lock.notifyAll();
        }
    }

    /** Back to the pool after a good invocation, or stopped if its function is gone. */
    private void release(Instance instance) {
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
            instance.container.close();
        }
    }

    /** Out of the pool and stopped: its program failed. */
    private void discard(Instance instance) {
        synchronized (lock) {
            instance.function.busy--;
            if (instances.remove(instance)) {
                slots--;
            }
            lock.notifyAll();
        }
        instance.container.close();
    }

    @Override
    public Map<String, Long> epcPagesByEnclave() {
        return Map.of(); // no enclave
    }

    @Override
    public String mode() {
        return ServingModel.NATIVE.apiName();
    }

    public PlatformOptions options() {
        return options;
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        List<Instance> all;
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
        all.forEach(i -> i.container.close());
        fetch.close();
        kv.close();
    }

    private void requireOpen() {
        if (closed) {
            throw new FunctionException(FunctionException.Kind.INTERNAL, "the function platform is closed");
        }
    }
}

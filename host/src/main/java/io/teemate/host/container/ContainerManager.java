package io.teemate.host.container;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;
import io.teemate.host.attest.QuotingService;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.EnclaveFile;
import io.teemate.host.driver.EpcStats;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.host.kernel.Process;
import io.teemate.host.kernel.UserContext;
import io.teemate.host.loader.EnclaveLoader;
import io.teemate.sgx.EnclaveFaultException;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.SystemCost;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.TargetInfo;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Starts, runs and stops confidential containers in either mode (DESIGN.md, "The two modes"):
 * <ul>
 *   <li><b>conventional</b>: the container process creates its own enclave from the enclave image (ECREATE, EADD
 *   and EEXTEND of every page, EINIT), then enters it through its own TCS;</li>
 *   <li><b>shared</b> (TeeMate): the first container of an enclave image creates it; later ones are aliased in by
 *   the controller and take a TCS from its table. The enclave lives while any container maps it, and for the
 *   configured warm period after the last one leaves (the manager holds it open meanwhile).</li>
 * </ul>
 * Both run the same trusted runtime; only this host side differs. Each start-up phase is timed in wall time and in
 * modeled time (the SGX leaves the phase ran, on the processor that ran them).
 */
public final class ContainerManager implements AutoCloseable {
    /** Where enclaves are placed in every container process (shared ones must be at one address in all). */
    public static final long ENCLAVE_BASE = 0x7000_0000_0000L;
    /** The most stdin an invocation carries: the request buffer less the session token and length prefix. */
    public static final int MAX_INVOKE_INPUT = RuntimeChannel.REQUEST_CAPACITY - 64;
    /** The nonce of {@link RuntimeAbi#ECALL_ATTEST}: (token, target info[512], nonce[32]). */
    public static final int ATTEST_NONCE_LENGTH = 32;

    private final Kernel kernel;
    private final SgxDriver driver;
    private final TeeMateController controller;
    private final EnclaveLoader loader;
    private final Duration tcsTimeout;
    private final Duration warmPeriod;
    /** The manager's own process: it holds shared enclaves open through their warm period. */
    private final Process keeper;

    private final Map<ByteBuffer, SharedEnclave> shared = new HashMap<>();
    /**
     * Session tokens of containers whose process died without detaching, by enclave and TCS. The runtime never
     * re-binds a live TCS, so the kernel, which can read a dead process's memory (README: it can act as any of its
     * containers), detaches such a binding with its token before it attaches the next container there.
     */
    private final Map<String, byte[]> staleBindings = new java.util.concurrent.ConcurrentHashMap<>();

    /** The platform's services for {@link RuntimeAbi#OCALL_SERVICE}, by name: every container's channel sees them. */
    private final Map<String, HostService> services = new java.util.concurrent.ConcurrentHashMap<>();

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "teemate-warm-timer");
        t.setDaemon(true);
        return t;
    });

    /** A shared enclave: its id, the containers using it, and the manager's file that keeps it alive. */
    private static final class SharedEnclave {
        final long id;
        final EnclaveFile keeperFile;
        int users;
        ScheduledFuture<?> expiry;

        SharedEnclave(long id, EnclaveFile keeperFile) {
            this.id = id;
            this.keeperFile = keeperFile;
        }
    }

    public ContainerManager(
            Kernel kernel, SgxDriver driver, TeeMateController controller, Duration tcsTimeout, Duration warmPeriod) {
        this.kernel = kernel;
        this.driver = driver;
        this.controller = controller;
        this.loader = new EnclaveLoader(driver);
        this.tcsTimeout = tcsTimeout;
        this.warmPeriod = warmPeriod;
        this.keeper = kernel.spawn("teemate-manager", java.nio.file.Path.of("/"));
    }

    /**
     * Makes {@code service} answer {@link RuntimeAbi#OCALL_SERVICE} requests for {@code name} from every container
     * of this manager, started or not (replacing one of that name). Its requests come from containers' code: see
     * {@link HostService}. A null {@code service} withdraws the name: its calls answer -ENOSYS.
     */
    public void registerService(String name, HostService service) {
        java.util.Objects.requireNonNull(name, "name");
        if (service == null) {
            services.remove(name);
        } else {
            services.put(name, service);
        }
    }

    /** The service registered for {@code name}, or null. */
    public HostService service(String name) {
        return services.get(name);
    }

    /** Spawns the container's process, gives it an enclave (built or aliased) and attaches it to the runtime. */
    public Container start(ContainerImage image, Mode mode) {
        Container c = spawn(image, mode, image.name(), null);
        try {
            timed(c, Phase.ENCLAVE, ctx -> {
                if (mode == Mode.CONVENTIONAL) {
                    buildOwnEnclave(c);
                } else {
                    joinSharedEnclave(c);
                }
                return null;
            });
            timed(c, Phase.RUNTIME_INIT, ctx -> {
                attach(c, ctx);
                return null;
            });
            return c;
        } catch (RuntimeException e) {
            stop(c);
            if (e instanceof ContainerException) {
                throw e;
            }
            throw new ContainerException(c + " did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Forks {@code parent} the TeeMate way (shared mode only): a new process, the parent's enclave aliased into it
     * at the same address and a TCS from the controller's table (phase ENCLAVE), then ECALL_FORK, entered on the
     * parent's thread, binds that TCS to a child container of the parent's identity that its app gives a
     * copy-on-write view of the parent's data (phase RUNTIME_INIT). No page is added, measured or copied. The
     * child is stopped like any container.
     */
    public Container fork(Container parent) {
        if (parent.mode != Mode.SHARED) {
            throw new IllegalArgumentException(parent + " is conventional: its enclave cannot be shared with a child; "
                    + "a conventional fork starts a new container and copies the parent's data into it");
        }
        if (parent.stopped || parent.sessionToken == null) {
            throw new IllegalStateException(parent + " is not running");
        }
        Container c = spawn(parent.image, Mode.SHARED, parent.image.name() + "-child", parent);
        try {
            timed(c, Phase.ENCLAVE, ctx -> {
                joinSharedEnclave(c);
                return null;
            });
            if (c.enclaveId != parent.enclaveId) {
                throw new ContainerException(
                        c + " joined enclave " + c.enclaveId + ", not its parent's " + parent.enclaveId, 0);
            }
            byte[] request = new Wire.Writer()
                    .bytes(parent.sessionToken)
                    .u64(c.tcs - ENCLAVE_BASE)
                    .toBytes();
            Measured<EcallReply> m = measured(parent, ctx -> ecall(parent, ctx, RuntimeAbi.ECALL_FORK, request));
            c.phases.record(Phase.RUNTIME_INIT, m.wallNanos, m.modeledNanos);
            Wire.Reader r = new Wire.Reader(m.value.orThrow(parent + ": fork"));
            c.instance = (int) r.u32("instance");
            c.sessionToken = r.fixed(32, "session token");
            rememberIfItDies(c);
            return c;
        } catch (RuntimeException e) {
            stop(c);
            if (e instanceof ContainerException) {
                throw e;
            }
            throw new ContainerException(parent + " could not fork: " + e.getMessage(), e);
        }
    }

    /**
     * The container's process with its untrusted call buffers mapped, timed as phase PROCESS. A new container costs
     * the runtime's setup and a fork+exec; a fork child ({@code forkedFrom}) costs fork(2) and the copy of every
     * page-table entry of its parent (docs/cost-model.md, "System costs").
     */
    private Container spawn(ContainerImage image, Mode mode, String processName, Container forkedFrom) {
        long t0 = System.nanoTime();
        Process process = kernel.spawn(processName, image.root());
        Container c;
        try {
            c = new Container(image, mode, process, new RuntimeChannel(process, image.name(), services));
        } catch (RuntimeException e) {
            process.exit();
            throw e;
        }
        Measured<Void> m = measured(c, ctx -> {
            if (forkedFrom == null) {
                ctx.lp().charge(SystemCost.CONTAINER_CREATE);
                ctx.lp().charge(SystemCost.PROCESS_CREATE);
            } else {
                ctx.lp().charge(SystemCost.PROCESS_FORK);
                ctx.lp()
                        .charge(
                                SystemCost.PTE_MAP,
                                forkedFrom.process.addressSpace().mappedPages());
            }
            return null;
        });
        c.phases.record(Phase.PROCESS, System.nanoTime() - t0, m.modeledNanos);
        return c;
    }

    /** Runs the container's entry (its first entry); the container stays attached until {@link #stop}. */
    public Container.Outcome run(Container c) {
        return enter(c, Phase.FIRST_ENTRY, RuntimeAbi.ECALL_RUN, token(c));
    }

    /**
     * Runs the container's entry again with {@code stdin} as its standard input (ECALL_INVOKE): a serverless
     * invocation of an instance that is already up. The outcome's output is this invocation's only.
     */
    public Container.Outcome invoke(Container c, byte[] stdin) {
        byte[] request = new Wire.Writer().bytes(c.sessionToken).blob(stdin).toBytes();
        return enter(c, c.entered ? null : Phase.FIRST_ENTRY, RuntimeAbi.ECALL_INVOKE, request);
    }

    private Container.Outcome enter(Container c, Phase phase, long ecall, byte[] request) {
        c.channel.takeStdout();
        Measured<EcallReply> m;
        try {
            m = measured(c, ctx -> ecall(c, ctx, ecall, request));
        } catch (EnclaveFaultException e) {
            return new Container.Outcome(
                    -1,
                    c.channel.takeStdout(),
                    "the enclave thread was abandoned: " + e.getMessage(),
                    "the enclave thread was abandoned: " + e.getMessage(),
                    RuntimeAbi.E_CRASHED,
                    0,
                    0);
        } finally {
            c.entered = true;
        }
        if (phase != null) {
            c.phases.record(phase, m.wallNanos, m.modeledNanos);
        }
        EcallReply reply = m.value;
        if (!reply.ok()) {
            return new Container.Outcome(
                    -1,
                    c.channel.takeStdout(),
                    RuntimeAbi.statusName(reply.status()) + ": " + reply.message(),
                    reply.message(),
                    reply.status(),
                    m.wallNanos,
                    m.modeledNanos);
        }
        Wire.Reader r = new Wire.Reader(reply.body());
        return new Container.Outcome(
                (int) r.u32("exit code"),
                c.channel.takeStdout(),
                null,
                null,
                RuntimeAbi.OK,
                m.wallNanos,
                m.modeledNanos);
    }

    /** One more ecall for {@code c} (seal, unseal, attest, read a file), with its session token prepended. */
    public EcallReply call(Container c, long ecall, byte[] arguments) {
        byte[] request =
                new Wire.Writer().bytes(c.sessionToken).bytes(arguments).toBytes();
        return c.process.run(ctx -> ecall(c, ctx, ecall, request));
    }

    /**
     * Remote attestation of {@code c} (RuntimeAbi.ECALL_ATTEST, then the platform's quoting enclave): the trusted
     * runtime EREPORTs for {@code qs}'s QE with REPORTDATA = the container's identity (its manifest digest) ||
     * SHA-256({@code nonce}), and the QE turns that REPORT into an ECDSA quote v3. {@code nonce} is the verifier's
     * 32-byte challenge.
     */
    public byte[] attest(Container c, QuotingService qs, byte[] nonce) {
        return qs.quote(report(c, qs.qeTargetInfo(), nonce));
    }

    /**
     * RuntimeAbi.ECALL_ATTEST alone: {@code c}'s REPORT (432 bytes) for {@code target}, binding its identity and
     * {@code nonce} (32 bytes). Only the enclave {@code target} names can verify its MAC (local attestation).
     */
    public byte[] report(Container c, TargetInfo target, byte[] nonce) {
        java.util.Objects.requireNonNull(target, "target info");
        java.util.Objects.requireNonNull(nonce, "nonce");
        if (nonce.length != ATTEST_NONCE_LENGTH) {
            throw new IllegalArgumentException(
                    "an attestation nonce is " + ATTEST_NONCE_LENGTH + " bytes (ECALL_ATTEST), got " + nonce.length);
        }
        byte[] args = ByteBuffer.allocate(TargetInfo.SIZE + nonce.length)
                .put(target.toBytes())
                .put(nonce)
                .array();
        byte[] report = call(c, RuntimeAbi.ECALL_ATTEST, args).orThrow(c + ": attest");
        if (report.length != Report.SIZE) {
            throw new ContainerException(
                    c + ": attest: the runtime answered " + report.length + " bytes, not a " + Report.SIZE
                            + "-byte REPORT",
                    0);
        }
        return report;
    }

    /** Detaches from the runtime (best effort), gives back the TCS and ends the process. */
    public void stop(Container c) {
        if (c.stopped) {
            return;
        }
        c.stopped = true;
        boolean detached = c.sessionToken == null;
        if (!detached && !c.process.exiting()) {
            try {
                EcallReply r = c.process.run(ctx -> ecall(c, ctx, RuntimeAbi.ECALL_DETACH, token(c)));
                detached = r.ok() || r.status() == RuntimeAbi.E_NOT_ATTACHED; // E_NOT_ATTACHED: ended already (a crash)
            } catch (RuntimeException ignored) {
                // the process exits regardless; the binding is detached when its TCS is next used
            }
        }
        if (!detached && c.mode == Mode.SHARED) {
            staleBindings.put(bindingKey(c.enclaveId, c.tcs), c.sessionToken);
        }
        if (c.lease != null && !c.process.exiting()) { // a dead process's TCS went back to the table with it
            c.lease.close();
        }
        c.process.exit();
        if (c.mode == Mode.SHARED && c.enclaveId != 0) {
            leaveSharedEnclave(c);
        }
    }

    /** The container's share of its enclave's heap, asked of the trusted runtime with the container's session. */
    public HeapShare heapShare(Container c) {
        Wire.Reader r =
                new Wire.Reader(call(c, RuntimeAbi.ECALL_STATS, new byte[0]).orThrow(c + ": stats"));
        HeapShare share = new HeapShare((int) r.u32("pages held"), (int) r.u32("limit pages"));
        r.u32("pages committed");
        return share;
    }

    /** The container's EPC memory from the driver's statistics. */
    public EpcUsage epcUsage(Container c) {
        EpcStats.PerEnclave e = driver.stats().enclaves().get(c.enclaveId);
        if (e == null) {
            return new EpcUsage(0, 0, 0);
        }
        if (c.mode == Mode.CONVENTIONAL) {
            return new EpcUsage(e.residentPages() + e.evictedPages(), 0, 1);
        }
        long own = e.augmentedPagesByPid().getOrDefault(c.process.pid(), 0);
        return new EpcUsage(own, e.sharedPages(), Math.max(1, e.pids().size()));
    }

    /** EPC pages (resident or evicted) of every enclave on the machine. */
    public long totalEnclavePages() {
        return driver.stats().enclaves().values().stream()
                .mapToLong(e -> e.residentPages() + e.evictedPages())
                .sum();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        synchronized (shared) {
            for (SharedEnclave s : shared.values()) {
                s.keeperFile.close();
            }
            shared.clear();
        }
        keeper.exit();
    }

    // ------------------------------------------------------------------ the enclave phase

    private void buildOwnEnclave(Container c) {
        EnclaveImage e = c.image.enclave();
        EnclaveLoader.Loaded loaded = loader.load(c.process, e.layout().layout(), e.sigStruct(), ENCLAVE_BASE);
        mapHeapGrowth(c, loaded.file());
        c.ownEnclave = loaded.file();
        c.enclaveId = loaded.id();
        c.tcs = driver.tcsAddresses(loaded.id()).get(0);
    }

    private void joinSharedEnclave(Container c) {
        EnclaveImage e = c.image.enclave();
        ByteBuffer key = ByteBuffer.wrap(e.mrEnclave());
        SharedEnclave s;
        synchronized (shared) {
            s = shared.get(key);
            if (s != null && !driver.alive(s.id)) {
                shared.remove(key);
                s = null;
            }
            if (s == null) {
                EnclaveLoader.Loaded loaded = loader.load(c.process, e.layout().layout(), e.sigStruct(), ENCLAVE_BASE);
                mapHeapGrowth(c, loaded.file());
                s = new SharedEnclave(loaded.id(), driver.openById(keeper, loaded.id()));
                shared.put(key, s);
            } else {
                mapHeapGrowth(c, controller.alias(c.process, s.id));
            }
            s.users++;
            if (s.expiry != null) {
                s.expiry.cancel(false);
                s.expiry = null;
            }
        }
        c.enclaveId = s.id;
        c.lease = controller.acquireTcs(c.process, s.id, tcsTimeout);
        c.tcs = c.lease.tcsAddress();
    }

    /**
     * With EDMM, the heap's room beyond its EADDed pages is mapped too (RW), so the runtime's EACCEPT of a page
     * not yet there faults into the driver, which EAUGs it (as Gramine maps all of ELRANGE).
     */
    private void mapHeapGrowth(Container c, EnclaveFile file) {
        var heap = c.image.enclave().layout().heap();
        if (heap.growable()) {
            driver.mmap(
                    file,
                    c.process,
                    ENCLAVE_BASE + heap.committedEnd(),
                    heap.end() - heap.committedEnd(),
                    io.teemate.sgx.struct.PagePermissions.RW);
        }
    }

    private void leaveSharedEnclave(Container c) {
        synchronized (shared) {
            for (var entry : shared.entrySet()) {
                SharedEnclave s = entry.getValue();
                if (s.id != c.enclaveId) {
                    continue;
                }
                if (--s.users == 0) {
                    if (warmPeriod.isZero()) {
                        retire(entry.getKey(), s);
                    } else {
                        s.expiry = timers.schedule(
                                () -> {
                                    synchronized (shared) {
                                        if (s.users == 0) {
                                            retire(entry.getKey(), s);
                                        }
                                    }
                                },
                                warmPeriod.toMillis(),
                                TimeUnit.MILLISECONDS);
                    }
                }
                return;
            }
        }
    }

    private void retire(ByteBuffer key, SharedEnclave s) {
        shared.remove(key, s);
        s.keeperFile.close();
    }

    // ------------------------------------------------------------------ the runtime's attach

    private static String bindingKey(long enclaveId, long tcs) {
        return enclaveId + "@" + Long.toHexString(tcs);
    }

    private void attach(Container c, UserContext ctx) {
        byte[] stale = c.mode == Mode.SHARED ? staleBindings.remove(bindingKey(c.enclaveId, c.tcs)) : null;
        if (stale != null) {
            ecall(c, ctx, RuntimeAbi.ECALL_DETACH, stale); // best effort: the runtime may have ended it already
        }
        byte[] nonce = ecall(c, ctx, RuntimeAbi.ECALL_CHALLENGE, new byte[0]).orThrow(c + ": challenge");
        byte[] manifest = c.image.manifest().canonicalBytes();
        byte[] statement = RuntimeAbi.attachStatement(
                nonce, c.tcs - ENCLAVE_BASE, c.image.manifest().digest());
        byte[] request = new Wire.Writer()
                .blob(c.image.policy())
                .blob(manifest)
                .blob(sign(c.image, statement))
                .toBytes();
        Wire.Reader r =
                new Wire.Reader(ecall(c, ctx, RuntimeAbi.ECALL_ATTACH, request).orThrow(c + ": attach"));
        c.instance = (int) r.u32("instance");
        c.sessionToken = r.fixed(32, "session token");
        rememberIfItDies(c);
    }

    /** If c's process dies before {@link #stop} detaches it, its binding is detached when its TCS is next used. */
    private void rememberIfItDies(Container c) {
        if (c.mode == Mode.SHARED) {
            c.process.onExit(p -> {
                if (!c.stopped) {
                    staleBindings.put(bindingKey(c.enclaveId, c.tcs), c.sessionToken);
                }
            });
        }
    }

    private static byte[] sign(ContainerImage image, byte[] statement) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(image.attachKey());
            s.update(statement);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new ContainerException(
                    "signing the attach challenge with " + image.name() + "'s attach key: " + e.getMessage(), e);
        }
    }

    private static byte[] token(Container c) {
        return c.sessionToken;
    }

    private EcallReply ecall(Container c, UserContext ctx, long number, byte[] request) {
        return c.channel.ecall(
                ctx,
                number,
                request,
                c.lease != null ? c.lease::enter : (t, aep, exits) -> t.eenter(c.tcs, aep, exits));
    }

    /** Runs {@code body} on a thread of the container's process and books its wall and modeled time to {@code phase}. */
    private <T> T timed(Container c, Phase phase, Function<UserContext, T> body) {
        Measured<T> m = measured(c, body);
        c.phases.record(phase, m.wallNanos, m.modeledNanos);
        return m.value;
    }

    /** What the machine's processors have been charged so far (docs/cost-model.md): for a caller's own deltas. */
    public InstructionCounters.Snapshot counters() {
        return kernel.machine().counters();
    }

    /** A result with the wall time it took and the modeled time of the SGX leaves its processor ran meanwhile. */
    private record Measured<T>(T value, long wallNanos, double modeledNanos) {}

    private <T> Measured<T> measured(Container c, Function<UserContext, T> body) {
        return c.process.run(ctx -> {
            LogicalProcessor lp = ctx.lp();
            var model = kernel.machine().costModel();
            InstructionCounters.Snapshot before = InstructionCounters.sum(List.of(lp.counters()), model);
            long t0 = System.nanoTime();
            T value = body.apply(ctx);
            long wall = System.nanoTime() - t0;
            return new Measured<>(
                    value,
                    wall,
                    InstructionCounters.sum(List.of(lp.counters()), model)
                            .minus(before)
                            .modeledNanos());
        });
    }
}

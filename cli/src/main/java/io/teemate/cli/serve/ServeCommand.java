package io.teemate.cli.serve;

import io.teemate.abi.image.SecretFiles;
import io.teemate.cli.EpcOption;
import io.teemate.cli.OptionChecks;
import io.teemate.cli.PlatformOption;
import io.teemate.cli.PortOption;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.Gateway;
import io.teemate.faas.host.GatewayConfig;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.faas.host.ServingModel;
import io.teemate.host.container.Mode;
import io.teemate.kv.host.KvDatabase;
import io.teemate.kv.host.KvOptions;
import io.teemate.kv.host.KvServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code teemate serve --port P [--mode native|cold|warm|shared] [--warm-pool N] [--epc-mib N] [--work-dir DIR]
 * [--deploy NAME=FILE]...}: the FaaS gateway on 127.0.0.1:P in front of a function platform (WebAssembly and
 * JavaScript functions, served as one of the TeeMate paper's four models: {@link ServingModel}). {@code --deploy}
 * deploys functions from files before it serves ({@link FunctionFile}: the runtime by the extension, a .js or .zip
 * is nodejs). Prints the URL and the mode, then serves until Ctrl-C; a shutdown hook stops the server and closes the
 * platform. The routes are in docs/faas-openapi.yaml.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve WebAssembly and JavaScript functions over HTTP on 127.0.0.1: a REST API (/v1/functions),"
                    + " the OpenWhisk action protocol (/init, /run), Prometheus /metrics and /healthz.",
            "--mode picks one of the TeeMate paper's four serving models: shared (one enclave for all instances),"
                    + " cold (a new enclave per invocation), warm (a pool of ready enclaves per function) or native"
                    + " (no enclave).",
            "Runs until interrupted (Ctrl-C). The API is documented in docs/faas-openapi.yaml."
        },
        exitCodeOnInvalidInput = 2)
public final class ServeCommand implements Callable<Integer> {
    /**
     * Wasm functions in enclaves on an emulated machine of {@code --epc-mib}; the platform's files (container
     * images with their private attach keys) go to the work directory {@link #call} gives it.
     */
    static final FunctionPlatformFactory PLATFORM = platform(null);

    /** {@link #PLATFORM} whose JavaScript functions' {@code teemate.kv} reaches the store at {@code kvEndpoint}. */
    static FunctionPlatformFactory platform(String kvEndpoint) {
        return (model, epcMiB, warmPool, platform, workDir) -> model.platform(
                workDir,
                PlatformOptions.defaults()
                        .withMachine(epcMiB, PlatformOptions.defaults().logicalProcessors())
                        .withPlatform(platform)
                        .withWarmPool(warmPool)
                        .withKvEndpoint(kvEndpoint));
    }

    @CommandLine.Mixin
    PortOption portOption = new PortOption(8080);

    @CommandLine.Mixin
    ServingModelOption mode = new ServingModelOption();

    @Option(
            names = "--warm-pool",
            defaultValue = "4",
            paramLabel = "N",
            description = "--mode warm: instances of each function made at deploy (container, enclave, module loaded)"
                    + " and kept ready (default: ${DEFAULT-VALUE})")
    int warmPool;

    @CommandLine.Mixin
    EpcOption epc = new EpcOption(128, 1);

    /** Prices the modeled phases (X-Teemate-Modeled-* headers, /metrics) and the database's modeled fork. */
    @CommandLine.Mixin
    PlatformOption platformOption = new PlatformOption();

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "where the platform keeps its files, private"
                    + " keys among them (made owner-only if missing, and kept; default: an owner-only temporary directory,"
                    + " removed at exit)")
    Path workDir;

    @Option(
            names = "--threads",
            defaultValue = "16",
            paramLabel = "N",
            description = "HTTP worker threads; each running invocation holds one (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(
            names = "--deploy",
            paramLabel = "NAME=FILE[#MAIN]",
            description = "deploy a function from FILE before serving (repeatable); the runtime is told by the"
                    + " extension: " + FunctionFile.EXTENSIONS + "; #MAIN is a JavaScript action's entry point"
                    + " (default main; file.fn in a zip)")
    java.util.List<String> deploy = new java.util.ArrayList<>();

    @Option(
            names = "--kv-port",
            defaultValue = "-1",
            paramLabel = "P",
            description = "also serve the confidential database (RESP, as teemate kv serve) on 127.0.0.1:P, in the"
                    + " same enclave mode (shared, or an enclave of its own for cold and warm; not with --mode native);"
                    + " 0 picks a free port (default: no database)")
    int kvPort;

    @Option(
            names = "--kv-dir",
            defaultValue = "teemate-kv",
            paramLabel = "DIR",
            description = "the database's data directory with --kv-port (default: ${DEFAULT-VALUE})")
    Path kvDir;

    @Option(
            names = "--kv",
            paramLabel = "HOST:PORT",
            description = "the key-value store (Redis's protocol: teemate kv serve, or a Redis) that JavaScript"
                    + " functions reach as teemate.kv; with --kv-port P, 127.0.0.1:P is this command's own database"
                    + " (default: none, and teemate.kv says so)")
    String kvEndpoint;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The checked --port and --epc-mib, set at the start of {@link #call}. */
    private int port;

    private int epcMiB;

    private java.util.List<FunctionFile> files = java.util.List.of();

    private final FunctionPlatformFactory factory;
    private final CompletableFuture<URI> started = new CompletableFuture<>();
    private final CompletableFuture<Integer> kvStarted = new CompletableFuture<>();
    private final CountDownLatch stop = new CountDownLatch(1);

    public ServeCommand() {
        this(PLATFORM);
    }

    /** For tests and embedders: serve in front of platforms made by {@code factory}. */
    public ServeCommand(FunctionPlatformFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServingModel m = mode.model();
        port = portOption.port(spec);
        if (kvPort != -1) {
            OptionChecks.port(spec, "--kv-port", kvPort);
            if (m == ServingModel.NATIVE) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--kv-port: the database runs in an enclave, and --mode native has none;"
                                + " use --mode shared, cold or warm with it");
            }
        }
        if (warmPool < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--warm-pool " + warmPool + " must be at least 1 (for no pool, use --mode cold)");
        }
        epcMiB = epc.mib(spec);
        if (kvEndpoint != null) {
            try {
                PlatformOptions.defaults().withKvEndpoint(kvEndpoint);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--kv: " + e.getMessage());
            }
        }
        java.util.List<FunctionFile> files = new java.util.ArrayList<>();
        for (String d : deploy) {
            try {
                FunctionFile f = FunctionFile.parse(d);
                FunctionFile.runtimeOf(f.file());
                files.add(f);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        this.files = files;
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads " + threads + " must be positive");
        }
        // The platform writes container images and their private attach keys here: an owner-only directory, and
        // without --work-dir a temporary one that goes at exit, whichever way the command ends.
        Path scratch = null;
        Path dir;
        try {
            if (workDir != null) {
                dir = SecretFiles.directory(workDir);
            } else {
                scratch = SecretFiles.tempDirectory("teemate-serve");
                dir = scratch;
            }
        } catch (IOException e) {
            err.println("teemate serve: cannot make the work directory: " + e);
            err.flush();
            started.completeExceptionally(e);
            return 1;
        }
        Path removeAtExit = scratch;
        try {
            return serve(m, dir, removeAtExit, out, err);
        } finally {
            SecretFiles.deleteTree(removeAtExit);
        }
    }

    private int serve(ServingModel m, Path dir, Path removeAtExit, PrintWriter out, PrintWriter err) {
        FunctionPlatform platform;
        try {
            // --kv goes to the built-in platform; a test's or embedder's factory makes its own choice
            platform = (factory == PLATFORM && kvEndpoint != null ? platform(kvEndpoint) : factory)
                    .create(m, epcMiB, warmPool, platformOption.platform(), dir);
        } catch (RuntimeException e) {
            err.println("teemate serve: cannot start the function platform: " + e.getMessage());
            err.flush();
            started.completeExceptionally(e);
            return 1;
        }
        GatewayConfig defaults = GatewayConfig.defaults();
        for (FunctionFile f : files) {
            try {
                // a JavaScript function is initialised here, so a broken action stops the start, said at once
                platform.deploy(f.spec(defaults.defaultMaxMemoryPages(), defaults.defaultTimeoutMillis()));
                out.printf("  deployed %s from %s (%s)%n", f.name(), f.file(), FunctionFile.runtimeOf(f.file()));
            } catch (IOException | RuntimeException e) {
                platform.close();
                err.println("teemate serve: --deploy " + f.name() + "=" + f.file() + ": " + e.getMessage());
                err.flush();
                started.completeExceptionally(e);
                return 1;
            }
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(
                    platform,
                    GatewayConfig.defaults()
                            .withPort(port)
                            .withThreads(threads)
                            .withOpenWhiskLogs(System.out, System.err));
        } catch (IOException e) {
            platform.close();
            err.println("teemate serve: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            err.flush();
            started.completeExceptionally(e);
            return 1;
        }
        AutoCloseable database;
        try {
            database = kvPort >= 0 ? startDatabase(m.containerMode(), out) : () -> {};
        } catch (IOException | RuntimeException e) {
            shutdown(gateway, platform, () -> {});
            err.println("teemate serve: cannot start the database: " + e.getMessage());
            err.flush();
            started.completeExceptionally(e);
            return 1;
        }
        out.printf(
                "TeeMate FaaS gateway on %s (mode %s)%n",
                gateway.uri(), platform.mode().toLowerCase(Locale.ROOT));
        platform.modeledPlatform()
                .ifPresent(p -> out.printf(
                        "  modeled time (X-Teemate-Modeled-* headers, /metrics) priced on %s (%s)%n",
                        p.id(), p.description()));
        out.printf(
                "  REST %s/v1/functions, OpenWhisk %s/init and /run, metrics %s/metrics; Ctrl-C stops%n",
                gateway.uri(), gateway.uri(), gateway.uri());
        out.flush();
        Thread hook = new Thread(
                () -> {
                    try {
                        shutdown(gateway, platform, database);
                    } finally {
                        SecretFiles.deleteTree(removeAtExit); // Ctrl-C: call() does not return
                    }
                },
                "teemate-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        started.complete(gateway.uri());
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Reached when stopped from inside the JVM (requestStop, an interrupt), not on Ctrl-C: the hook runs then.
        Runtime.getRuntime().removeShutdownHook(hook);
        shutdown(gateway, platform, database);
        out.println("teemate serve: stopped");
        out.flush();
        return 0;
    }

    /** The database beside the gateway (--kv-port): its RESP server and the database, closed together. */
    private AutoCloseable startDatabase(Mode m, PrintWriter out) throws IOException {
        KvDatabase db = KvDatabase.open(KvOptions.defaults(kvDir).withMode(m).withPlatform(platformOption.platform()));
        KvServer server;
        try {
            server = KvServer.start(db, kvPort);
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
        kvStarted.complete(server.port());
        out.printf(
                "TeeMate database on 127.0.0.1:%d (RESP, mode %s, data in %s, %d keys loaded, modeled time on %s)%n",
                server.port(),
                m.name().toLowerCase(Locale.ROOT),
                db.dir(),
                db.keysLoaded(),
                db.options().platform().id());
        return () -> {
            try {
                server.close();
            } finally {
                db.close();
            }
        };
    }

    private static void shutdown(Gateway gateway, FunctionPlatform platform, AutoCloseable database) {
        try {
            gateway.close();
        } finally {
            try {
                platform.close();
            } finally {
                try {
                    database.close();
                } catch (Exception e) {
                    System.err.println("teemate serve: closing the database: " + e.getMessage());
                }
            }
        }
    }

    /** Completes with the database's port once it serves (with --kv-port). */
    CompletableFuture<Integer> kvStarted() {
        return kvStarted;
    }

    /** Completes with the gateway's URL once it serves (exceptionally when it could not start). */
    CompletableFuture<URI> started() {
        return started;
    }

    /** Stops the server and the platform as Ctrl-C would, and lets {@link #call()} return 0. */
    void requestStop() {
        stop.countDown();
    }
}

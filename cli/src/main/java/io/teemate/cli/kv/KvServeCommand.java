package io.teemate.cli.kv;

import io.teemate.abi.image.ManifestException;
import io.teemate.abi.image.Sizes;
import io.teemate.cli.CliErrors;
import io.teemate.cli.EpcOption;
import io.teemate.cli.ModeOption;
import io.teemate.cli.PlatformOption;
import io.teemate.cli.PortOption;
import io.teemate.kv.host.KvConfig;
import io.teemate.kv.host.KvConfigException;
import io.teemate.kv.host.KvDatabase;
import io.teemate.kv.host.KvException;
import io.teemate.kv.host.KvOptions;
import io.teemate.kv.host.KvServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code teemate kv serve --port P --mode shared|conventional --dir DIR}: the database on 127.0.0.1:P, speaking
 * RESP2 to unchanged Redis clients, until Ctrl-C. Loads DIR's snapshot at start.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the confidential database on 127.0.0.1 to Redis clients (RESP2): redis-cli,"
                    + " redis-benchmark and client libraries work unchanged.",
            "The dataset and every command run inside an enclave; BGSAVE forks (shared: into the same enclave;"
                    + " conventional: a new enclave) and writes a sealed snapshot to DIR, loaded at the next start."
        })
public final class KvServeCommand implements java.util.concurrent.Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(KvServeCommand.class);

    @CommandLine.Mixin
    PortOption port = new PortOption(6379);

    /** How BGSAVE forks: shared, the child joins the enclave; conventional, a new enclave and a copy of the heap. */
    @CommandLine.Mixin
    ModeOption mode = new ModeOption();

    @Option(
            names = "--dir",
            defaultValue = "teemate-kv",
            paramLabel = "DIR",
            description =
                    "data directory: the database's keys and images, and its sealed snapshot (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(
            names = "--heap",
            paramLabel = "SIZE",
            description = "enclave heap for a new data directory, e.g. 1G (default: the directory's, 1G for a new one)")
    String heap;

    @CommandLine.Mixin
    EpcOption epc = new EpcOption(1024, 8);

    /** Prices the modeled fork time (the log's BGSAVE line, INFO's teemate_latest_fork_modeled_usec). */
    @CommandLine.Mixin
    PlatformOption platform = new PlatformOption();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "a redis.conf: Redis 7.0's directives (save, appendonly, appendfsync, dir, port, ...) and"
                    + " TeeMate's (teemate-mode, teemate-heap, teemate-epc-mib); options on this line override it")
    Path configFile;

    /** Any redis.conf directive as an option, after the file, as redis-server takes them: --appendonly yes. */
    @CommandLine.Unmatched
    List<String> directives = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private volatile KvServer server;
    private final java.util.concurrent.CompletableFuture<Integer> started =
            new java.util.concurrent.CompletableFuture<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KvConfig config;
        try {
            config = KvConfig.load(configFile, overrides());
        } catch (KvConfigException e) {
            started.completeExceptionally(e);
            if (e.file() == null) { // an option of this command line: a usage error
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            err.println("teemate kv serve: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            started.completeExceptionally(e);
            err.println("teemate kv serve: " + CliErrors.describe(e));
            err.flush();
            return 1;
        }
        KvOptions options = config.options().withPlatform(platform.platform());
        KvDatabase db;
        KvServer server;
        try {
            out.printf(
                    "teemate kv: starting the database in %s (mode %s, modeled time on %s)...%n",
                    options.dir().toAbsolutePath(),
                    options.mode().name().toLowerCase(Locale.ROOT),
                    options.platform().id());
            out.flush();
            db = KvDatabase.open(options);
        } catch (ManifestException e) {
            started.completeExceptionally(e);
            // the manifest is the data directory's own (teemate-kv.json), not one the user wrote: name the option
            throw e.field().equals("heap_size")
                    ? new IllegalArgumentException("--heap " + options.heap() + ": " + e.problem(), e)
                    : e;
        } catch (IOException | KvException | IllegalArgumentException e) {
            err.println("teemate kv serve: " + (e instanceof IOException io ? CliErrors.describe(io) : e.getMessage()));
            err.flush();
            started.completeExceptionally(e);
            return 1;
        }
        // appendfsync always and a write the AOF could not keep: exit now, before any reply, as Redis exits
        db.onFatal(reason -> {
            err.println("teemate kv serve: " + reason);
            err.flush();
            Runtime.getRuntime().halt(1);
        });
        try {
            server = KvServer.start(db, config);
        } catch (IOException e) {
            db.close();
            err.println("teemate kv serve: " + e.getMessage());
            err.flush();
            started.completeExceptionally(e);
            return 1;
        }
        out.printf(
                "teemate kv: %d keys loaded; serving RESP on 127.0.0.1:%d (try: redis-cli -p %d ping); Ctrl-C stops%n",
                db.keysLoaded(), server.port(), server.port());
        out.flush();
        // SIGINT and SIGTERM shut down as Redis does (a final save when save points are configured, exit status
        // 0); the JVM's default for them is to run the shutdown hooks and exit 130 or 143 without a word
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (String name : List.of("INT", "TERM")) {
            Signal sig = new Signal(name);
            previous.put(
                    sig,
                    Signal.handle(sig, s -> server.requestShutdown("Received SIG" + name + " scheduling shutdown...")));
        }
        // any other exit of the JVM (SIGHUP, System.exit) still saves before the process ends
        Thread hook = new Thread(
                () -> {
                    if (!server.exited().isDone()) {
                        server.requestShutdown("The JVM is exiting: shutting down...");
                        server.exited().join();
                    }
                },
                "teemate-kv-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        this.server = server;
        started.complete(server.port());
        server.exited().join();
        Runtime.getRuntime().removeShutdownHook(hook);
        previous.forEach(Signal::handle);
        server.close();
        db.close();
        LOG.warn("teemate kv is now ready to exit, bye bye...");
        return 0;
    }

    /**
     * The directives this command line sets, in its order, for {@link KvConfig#load}: the named options when given
     * (a default is the file's or Redis's, never an override), then every {@code --directive value...} as
     * redis-server reads its own command line.
     */
    private Map<String, List<String>> overrides() {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        Map<String, List<String>> o = new LinkedHashMap<>();
        if (given.hasMatchedOption("--port")) {
            o.put("port", List.of(Integer.toString(port.port(spec))));
        }
        if (given.hasMatchedOption("--dir")) {
            o.put("dir", List.of(dir.toString()));
        }
        if (given.hasMatchedOption("--mode")) {
            o.put("teemate-mode", List.of(mode.mode().name().toLowerCase(Locale.ROOT)));
        }
        if (heap != null) {
            try {
                Sizes.parse(heap);
            } catch (IllegalArgumentException e) {
                started.completeExceptionally(e);
                throw new IllegalArgumentException("--heap " + e.getMessage(), e); // one line, as every bad size
            }
            o.put("teemate-heap", List.of(heap));
        }
        if (given.hasMatchedOption("--epc-mib")) {
            o.put("teemate-epc-mib", List.of(Integer.toString(epc.mib(spec))));
        }
        String name = null;
        for (String word : directives) {
            if (word.startsWith("--") && word.length() > 2) {
                name = word.substring(2);
                o.put(name, new ArrayList<>());
            } else if (name == null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "unexpected argument '" + word
                                + "': directives are given as --name value, e.g. --appendonly yes");
            } else {
                o.get(name).add(word);
            }
        }
        return o;
    }

    /** Completes with the port once the database serves (exceptionally if it could not start). */
    java.util.concurrent.CompletableFuture<Integer> started() {
        return started;
    }

    /** For tests: stops as Ctrl-C would. */
    void requestStop() {
        started.thenRun(() -> server.requestShutdown("Received SIGINT scheduling shutdown..."));
    }
}

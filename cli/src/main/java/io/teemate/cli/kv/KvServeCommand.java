package io.teemate.cli.kv;

import io.teemate.abi.image.ManifestException;
import io.teemate.abi.image.Sizes;
import io.teemate.cli.CliErrors;
import io.teemate.cli.EpcOption;
import io.teemate.cli.ModeOption;
import io.teemate.cli.PortOption;
import io.teemate.host.container.Mode;
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private volatile KvServer server;
    private final java.util.concurrent.CompletableFuture<Integer> started =
            new java.util.concurrent.CompletableFuture<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Mode m = mode.mode();
        int port = this.port.port(spec);
        int epcMiB = epc.mib(spec);
        if (heap != null) {
            try {
                Sizes.parse(heap);
            } catch (IllegalArgumentException e) {
                started.completeExceptionally(e);
                throw new IllegalArgumentException("--heap " + e.getMessage(), e);
            }
        }
        KvOptions options = new KvOptions(dir, m, heap, epcMiB);
        KvDatabase db;
        KvServer server;
        try {
            out.printf(
                    "teemate kv: starting the database in %s (mode %s)...%n",
                    options.dir().toAbsolutePath(), options.mode().name().toLowerCase(Locale.ROOT));
            out.flush();
            db = KvDatabase.open(options);
        } catch (ManifestException e) {
            started.completeExceptionally(e);
            // the manifest is the data directory's own (teemate-kv.json), not one the user wrote: name the option
            throw e.field().equals("heap_size")
                    ? new IllegalArgumentException("--heap " + heap + ": " + e.problem(), e)
                    : e;
        } catch (IOException | KvException | IllegalArgumentException e) {
            err.println("teemate kv serve: " + (e instanceof IOException io ? CliErrors.describe(io) : e.getMessage()));
            err.flush();
            started.completeExceptionally(e);
            return 1;
        }
        try {
            server = KvServer.start(db, port);
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
        Map<String, Signal> signals = new java.util.LinkedHashMap<>();
        List<SignalHandler> previous = new java.util.ArrayList<>();
        for (String name : List.of("INT", "TERM")) {
            Signal sig = new Signal(name);
            previous.add(
                    Signal.handle(sig, s -> server.requestShutdown("Received SIG" + name + " scheduling shutdown...")));
            signals.put(name, sig);
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
        int i = 0;
        for (Signal sig : signals.values()) {
            Signal.handle(sig, previous.get(i++));
        }
        server.close();
        db.close();
        LOG.warn("teemate kv is now ready to exit, bye bye...");
        return 0;
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

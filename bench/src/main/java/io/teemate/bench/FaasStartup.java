package io.teemate.bench;

import io.teemate.faas.abi.WasmEngine;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.sgx.sign.SigningKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The serverless issue's numbers: for each mode, {@code n} functions (the same echo module deployed under {@code n}
 * names) invoked once each (cold: the first builds the enclave, the later ones build their own in conventional mode
 * or alias the shared one) and then again (warm: an idle instance reused), with the paper's phases (container
 * creation, enclave creation or aliasing, runtime init with the module load, execution), wall and modeled, and the
 * EPC the platform's enclaves hold with all {@code n} instances idle. By default conventional against shared;
 * {@code --models} takes the paper's serving models ({@link Serving}: native, cold, warm with one instance per
 * function made at deploy, shared), whose rows keep the same names by position (in the cold model every one of
 * them is a cold start, in the warm model none is).
 * Run from the repository root: {@code java -cp bench/target/benchmarks.jar io.teemate.bench.FaasStartup [--heap 64M] [--engine compiler] [--models conventional,shared] [n]}.
 * Writes results/faas-startup.csv. From code: {@link #run(Config, Path, Progress)}.
 */
public final class FaasStartup {
    /** Warm invocations measured after as many unmeasured ones. */
    private static final int STEADY = 500;

    /** The echo workload (faas/workloads/src/echo.wat): stdin to stdout. */
    static final Path ECHO = Path.of("faas/workloads/wasm/echo.wasm");

    /**
     * One kind of start ("first cold", "later cold", "warm", "warm steady") in one mode: how many, and the mean of
     * each phase (ms: container creation, enclave, runtime init, execution, total), wall and modeled.
     */
    public record Row(Serving mode, String start, int count, double[] wallMs, double[] modeledMs, long epcPages) {}

    public static void main(String[] args) throws IOException {
        String heap = "64M";
        WasmEngine engine = WasmEngine.COMPILER;
        int n = 8;
        List<Serving> servings = Serving.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--heap" -> heap = args[++i];
                case "--models" -> servings = Serving.parseList(args[++i]);
                case "--engine" -> engine = WasmEngine.parse(args[++i]);
                default -> n = Integer.parseInt(args[i]);
            }
        }
        run(new Config(n, heap, engine, ECHO, servings), Path.of("results"), Progress.STDOUT);
    }

    /**
     * How many functions, the enclave heap, the Wasm engine, the echo module to deploy under each name, and the
     * servings compared, in order.
     */
    public record Config(int functions, String heap, WasmEngine engine, Path echoWasm, List<Serving> servings) {
        public Config {
            if (functions < 1) {
                throw new IllegalArgumentException("the number of functions must be positive, got " + functions);
            }
            servings = List.copyOf(servings);
        }

        /** Conventional against shared ({@link Serving#DEFAULT}). */
        public Config(int functions, String heap, WasmEngine engine, Path echoWasm) {
            this(functions, heap, engine, echoWasm, Serving.DEFAULT);
        }

        /** The harness's defaults: 8 functions, 64 MiB heap, the compiler engine, faas/workloads/wasm/echo.wasm. */
        public static Config defaults() {
            return new Config(8, "64M", WasmEngine.COMPILER, ECHO);
        }
    }

    /** The rows (per mode: first cold, later cold, warm, warm steady) and the CSV written. */
    public record Result(List<Row> rows, Path csv) {}

    /** Runs each serving of the config and writes {@code out}/faas-startup.csv. */
    public static Result run(Config config, Path out, Progress progress) throws IOException {
        int n = config.functions();
        String heap = config.heap();
        WasmEngine engine = config.engine();
        byte[] wasm = Files.readAllBytes(config.echoWasm());
        SigningKey owner = SigningKey.generate();
        List<Row> rows = new ArrayList<>();
        for (Serving mode : config.servings()) {
            PlatformOptions options = PlatformOptions.defaults()
                    .withHeap(heap, false)
                    .withThreads(n + 2)
                    .withMachine(Math.max(256, (n + 1) * (parseMiB(heap) + 2)), 4)
                    .withEngine(engine)
                    .withWarmPool(1) // warm: the one instance each function's sequential invocations need
                    .withOwner(owner);
            Path work = Files.createTempDirectory("teemate-faas-startup");
            try (FunctionPlatform p = mode.platform(work, options)) {
                for (int f = 0; f < n; f++) {
                    p.deploy(new FunctionSpec("f" + f, wasm, false, List.of(), Map.of(), 4, 10_000));
                }
                List<Invocation> cold = new ArrayList<>();
                List<Invocation> warm = new ArrayList<>();
                for (int f = 0; f < n; f++) {
                    cold.add(p.invoke("f" + f, "ping".getBytes(StandardCharsets.UTF_8), Map.of()));
                    progress.step(
                            "%s cold %d: %.1f ms wall",
                            mode, f, cold.get(f).wall().total() / 1e6);
                }
                for (int f = 0; f < n; f++) {
                    warm.add(p.invoke("f" + f, "ping".getBytes(StandardCharsets.UTF_8), Map.of()));
                }
                // Steady state of a warm instance: many invocations of one function, after the JIT has seen it.
                List<Invocation> steady = new ArrayList<>();
                long[] clientNanos = new long[STEADY];
                for (int i = 0; i < 2 * STEADY; i++) {
                    long t0 = System.nanoTime();
                    Invocation inv = p.invoke("f0", "ping".getBytes(StandardCharsets.UTF_8), Map.of());
                    if (i >= STEADY) {
                        clientNanos[i - STEADY] = System.nanoTime() - t0;
                        steady.add(inv);
                    }
                }
                java.util.Arrays.sort(clientNanos);
                progress.step(
                        "%s warm steady state over %d invocations: median %.3f ms, p90 %.3f ms, "
                                + "p99 %.3f ms wall (the caller's view)",
                        mode,
                        STEADY,
                        clientNanos[STEADY / 2] / 1e6,
                        clientNanos[STEADY * 9 / 10] / 1e6,
                        clientNanos[STEADY * 99 / 100] / 1e6);
                long epc = p.epcPagesByEnclave().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                rows.add(row(mode, "first cold", cold.subList(0, 1), epc));
                if (n > 1) {
                    rows.add(row(mode, "later cold", cold.subList(1, n), epc));
                }
                rows.add(row(mode, "warm", warm, epc));
                rows.add(row(mode, "warm steady", steady, epc));
            } finally {
                TempDirs.delete(work);
            }
        }
        return new Result(rows, write(rows, out.resolve("faas-startup.csv")));
    }

    private static int parseMiB(String size) {
        String s = size.trim().toUpperCase(Locale.ROOT);
        long v = Long.parseLong(s.replaceAll("[KMG]$", ""));
        return (int) Math.max(1, s.endsWith("G") ? v << 10 : s.endsWith("K") ? v >> 10 : v);
    }

    private static Row row(Serving mode, String start, List<Invocation> invocations, long epc) {
        double[] wall = new double[5];
        double[] modeled = new double[5];
        for (Invocation i : invocations) {
            add(wall, i.wall());
            add(modeled, i.modeled());
        }
        for (int k = 0; k < 5; k++) {
            wall[k] /= invocations.size() * 1e6;
            modeled[k] /= invocations.size() * 1e6;
        }
        return new Row(mode, start, invocations.size(), wall, modeled, epc);
    }

    private static void add(double[] sum, Invocation.Phases p) {
        sum[0] += p.containerCreation();
        sum[1] += p.enclave();
        sum[2] += p.runtimeInit();
        sum[3] += p.execution();
        sum[4] += p.total();
    }

    private static Path write(List<Row> rows, Path csv) throws IOException {
        StringBuilder out = new StringBuilder("mode,start,count,container_wall_ms,enclave_wall_ms,runtime_init_wall_ms,"
                + "execution_wall_ms,total_wall_ms,container_modeled_ms,enclave_modeled_ms,runtime_init_modeled_ms,"
                + "execution_modeled_ms,total_modeled_ms,epc_pages_all_idle\n");
        System.out.printf(
                Locale.ROOT,
                "%-13s %-11s %5s %12s %12s %12s %12s %12s %14s %10s%n",
                "mode",
                "start",
                "n",
                "container",
                "enclave",
                "runtime",
                "execution",
                "total wall",
                "total modeled",
                "EPC MiB");
        for (Row r : rows) {
            out.append(r.mode().name())
                    .append(',')
                    .append(r.start())
                    .append(',')
                    .append(r.count());
            for (double v : r.wallMs()) {
                out.append(',').append(String.format(Locale.ROOT, "%.3f", v));
            }
            for (double v : r.modeledMs()) {
                out.append(',').append(String.format(Locale.ROOT, "%.3f", v));
            }
            out.append(',').append(r.epcPages()).append('\n');
            System.out.printf(
                    Locale.ROOT,
                    "%-13s %-11s %5d %10.2fms %10.2fms %10.2fms %10.2fms %10.2fms %12.2fms %10.1f%n",
                    r.mode().name(),
                    r.start(),
                    r.count(),
                    r.wallMs()[0],
                    r.wallMs()[1],
                    r.wallMs()[2],
                    r.wallMs()[3],
                    r.wallMs()[4],
                    r.modeledMs()[4],
                    r.epcPages() * 4096.0 / (1 << 20));
        }
        return Results.write(csv, out);
    }
}

package io.teemate.cli.demo;

import io.teemate.bench.KvFork;
import io.teemate.bench.Plots;
import io.teemate.bench.Progress;
import io.teemate.bench.Serving;
import io.teemate.host.container.Mode;
import io.teemate.sgx.cost.PlatformProfile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's second half: the paper's two experiments in short, conventional then shared, with a progress line per
 * step, one closing table (latency and EPC, wall and modeled apart, ratios, and the paper's reported figures beside
 * them) and two plots.
 */
final class DemoExperiments {
    /** The paper's reported ranges (TeeMate, arXiv 2411.11423), to read ours against; never used to make ours. */
    private static final String PAPER_SERVERLESS = "4.54-6.98x lower latency, 2.8-5x less memory";

    private static final String PAPER_DATABASE = "277.6-1046.6x faster fork, 41% less memory";
    private static final double PAPER_SERVERLESS_LATENCY = 4.54;
    private static final double PAPER_SERVERLESS_MEMORY = 2.8;
    private static final double PAPER_FORK = 277.6;
    private static final double PAPER_FORK_MEMORY_SAVED = 0.41;

    private final PrintWriter out;
    private final int functions;
    private final int keys;
    private final int reps;
    private final Path dir;
    /** The part whose clock prices every modeled figure ({@code --platform}). */
    private final PlatformProfile platform;

    private final long start = System.nanoTime();
    /** What the database experiment wrote (its CSV and plots). */
    private List<Path> kvFiles = List.of();

    DemoExperiments(PrintWriter out, int functions, int keys, int reps, Path dir, PlatformProfile platform) {
        this.platform = platform;
        this.out = out;
        this.functions = functions;
        this.keys = keys;
        this.reps = reps;
        this.dir = dir;
    }

    int run() throws Exception {
        int steps = (functions > 0 ? 3 : 0) + (keys > 0 ? 1 : 0);
        int step = 0;
        out.println(
                "The paper's experiments in short, each conventional (an enclave per container) then shared (TeeMate):");
        ServerlessExperiment.Result fc = null;
        ServerlessExperiment.Result fs = null;
        if (functions > 0) {
            fc = progress(
                    ++step,
                    steps,
                    functions + " cold starts of a Wasm function, conventional",
                    () -> ServerlessExperiment.run(Serving.CONVENTIONAL, functions, "32M", platform));
            fs = progress(
                    ++step,
                    steps,
                    functions + " cold starts of a Wasm function, shared",
                    () -> ServerlessExperiment.run(Serving.SHARED, functions, "32M", platform));
            JsFunctionDemo.Result js = progress(
                    ++step,
                    steps,
                    "a JavaScript function in the shared enclave (the paper's auth.js on QuickJS, OpenWhisk's"
                            + " main(params))",
                    JsFunctionDemo::run);
            out.printf(
                    Locale.ROOT,
                    "        deployed auth.js (%,d bytes; /init: an instance started, QuickJS initialised, its snapshot"
                            + " kept) in %.0f ms%n"
                            + "        invoked twice, each a new isolate from the snapshot: %.0f ms, %.0f ms ->"
                            + " %s%n",
                    js.actionBytes(),
                    js.deployMs(),
                    js.firstMs(),
                    js.secondMs(),
                    js.output().length() > 110 ? js.output().substring(0, 107) + "..." : js.output());
        }
        Fork dc = null;
        Fork ds = null;
        if (keys > 0) {
            Files.createDirectories(dir);
            KvFork.Result kv = progress(
                    ++step,
                    steps,
                    String.format(
                            Locale.ROOT,
                            "database of %,d keys, %d BGSAVEs in each mode (KvFork, as teemate bench runs it)",
                            keys,
                            reps),
                    () -> KvFork.run(
                            new KvFork.Config(List.of((long) keys), reps, "256M", 1024, false).withPlatform(platform),
                            dir,
                            indented()));
            kvFiles = kv.files();
            dc = Fork.of(kv, keys, Mode.CONVENTIONAL);
            ds = Fork.of(kv, keys, Mode.SHARED);
        }
        out.println();
        table(fc, fs, dc, ds);
        plots(fc, fs, dc, ds);
        out.flush();
        return 0;
    }

    /** A harness's own progress lines, indented under the demo's step. */
    private Progress indented() {
        return line -> {
            out.println("        " + line);
            out.flush();
        };
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T progress(int step, int steps, String what, Step<T> body) throws Exception {
        out.printf(Locale.ROOT, "  [%d/%d] %s ...%n", step, steps, what);
        out.flush();
        long t0 = System.nanoTime();
        T result = body.run();
        out.printf(
                Locale.ROOT,
                "        done in %.1f s (%.0f s since the experiments began)%n",
                (System.nanoTime() - t0) / 1e9,
                (System.nanoTime() - start) / 1e9);
        out.flush();
        return result;
    }

    /** The median BGSAVE of one mode: the server's wait (wall, modeled) and the EPC at the snapshot's end. */
    private record Fork(double forkWallMs, double forkModeledMs, double epcMiB) {
        static Fork of(KvFork.Result r, long keys, Mode mode) {
            String setup = mode.name().toLowerCase(Locale.ROOT);
            return new Fork(
                    r.median(keys, setup, KvFork.Row::forkWallMs),
                    r.median(keys, setup, KvFork.Row::forkModeledMs),
                    r.median(keys, setup, KvFork.Row::memDuringSnapshotMib));
        }
    }

    private void table(ServerlessExperiment.Result fc, ServerlessExperiment.Result fs, Fork dc, Fork ds) {
        out.println("Measured in this run (wall = this JVM on this machine; modeled = the work counted, priced as "
                + platform.id() + " would do it by docs/cost-model.md):");
        String rule = "  " + "-".repeat(44) + "+" + "-".repeat(14) + "+" + "-".repeat(15) + "+" + "-".repeat(20) + "+"
                + "-".repeat(12);
        out.printf(
                Locale.ROOT,
                "  %-44s| %-13s| %13s | %18s | %10s%n",
                "experiment",
                "mode",
                "latency wall",
                "modeled " + platform.id(),
                "EPC");
        out.println(rule);
        if (fc != null) {
            String name = "serverless: " + functions + " cold starts, mean";
            row(name, "conventional", fc.wallMs(), fc.modeledMs(), fc.epcMiB());
            row("", "shared", fs.wallMs(), fs.modeledMs(), fs.epcMiB());
            ratios("", fc.wallMs() / fs.wallMs(), fc.modeledMs() / fs.modeledMs(), fc.epcMiB() / fs.epcMiB());
            out.println(rule);
        }
        if (dc != null) {
            String name = String.format(Locale.ROOT, "database: BGSAVE fork, %,d keys, median", keys);
            row(name, "conventional", dc.forkWallMs(), dc.forkModeledMs(), dc.epcMiB());
            row(
                    "  (EPC: all enclaves at the snapshot's end)",
                    "shared",
                    ds.forkWallMs(),
                    ds.forkModeledMs(),
                    ds.epcMiB());
            ratios(
                    "",
                    dc.forkWallMs() / ds.forkWallMs(),
                    dc.forkModeledMs() / ds.forkModeledMs(),
                    dc.epcMiB() / ds.epcMiB());
            out.println(rule);
        }
        out.println();
        out.println(
                "The paper (TeeMate, arXiv 2411.11423) reports, on SGX hardware against one enclave per container:");
        if (fc != null) {
            out.printf(
                    Locale.ROOT,
                    "  serverless: %s%n    here: %.1fx wall and %.1fx modeled (%s) lower latency, %.1fx less EPC: %s%n",
                    PAPER_SERVERLESS,
                    fc.wallMs() / fs.wallMs(),
                    fc.modeledMs() / fs.modeledMs(),
                    platform.id(),
                    fc.epcMiB() / fs.epcMiB(),
                    verdict(
                            fc.wallMs() / fs.wallMs(),
                            fc.modeledMs() / fs.modeledMs(),
                            PAPER_SERVERLESS_LATENCY,
                            fc.epcMiB() / fs.epcMiB() >= PAPER_SERVERLESS_MEMORY));
        }
        if (dc != null) {
            double saved = 1 - ds.epcMiB() / dc.epcMiB();
            out.printf(
                    Locale.ROOT,
                    "  database:   %s%n    here: %.0fx wall and %.0fx modeled (%s) faster fork, %.0f%% less EPC: %s%n",
                    PAPER_DATABASE,
                    dc.forkWallMs() / ds.forkWallMs(),
                    dc.forkModeledMs() / ds.forkModeledMs(),
                    platform.id(),
                    100 * saved,
                    verdict(
                            dc.forkWallMs() / ds.forkWallMs(),
                            dc.forkModeledMs() / ds.forkModeledMs(),
                            PAPER_FORK,
                            saved >= PAPER_FORK_MEMORY_SAVED));
        }
        out.println(
                "  (a short run: the shared mean includes the shared enclave's one build, so its ratio grows with the number of"
                        + " instances; `teemate bench` runs the full experiments)");
    }

    /** Whether our ratios reach the low end of the paper's range, said per clock. */
    private static String verdict(double wall, double modeled, double paperLow, boolean memoryMet) {
        String latency = modeled >= paperLow && wall >= paperLow
                ? "latency claim reproduced on both clocks"
                : modeled >= paperLow
                        ? "latency claim reproduced in modeled time, not in wall time"
                        : wall >= paperLow
                                ? "latency claim reproduced in wall time, not in modeled time"
                                : "latency claim NOT reproduced at this size";
        return latency + (memoryMet ? ", memory claim reproduced" : ", memory claim NOT reproduced");
    }

    private void row(String experiment, String mode, double wallMs, double modeledMs, double epcMiB) {
        out.printf(
                Locale.ROOT,
                "  %-44s| %-13s| %10.3f ms | %15.4f ms | %6.1f MiB%n",
                experiment,
                mode,
                wallMs,
                modeledMs,
                epcMiB);
    }

    private void ratios(String experiment, double wall, double modeled, double epc) {
        out.printf(
                Locale.ROOT,
                "  %-44s| %-13s| %12.1fx | %17.1fx | %9.1fx%n",
                experiment,
                "conv./shared",
                wall,
                modeled,
                epc);
    }

    private void plots(ServerlessExperiment.Result fc, ServerlessExperiment.Result fs, Fork dc, Fork ds)
            throws IOException {
        Files.createDirectories(dir);
        out.println();
        if (fc != null) {
            Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
            bars.put("conventional, wall", phases(fc.phaseWallMs()));
            bars.put("shared, wall", phases(fs.phaseWallMs()));
            bars.put("conventional, modeled (" + platform.id() + ")", phases(fc.phaseModeledMs()));
            bars.put("shared, modeled (" + platform.id() + ")", phases(fs.phaseModeledMs()));
            Path p = Plots.stackedBars(
                    "Serverless cold start by phase, mean of " + functions,
                    "",
                    "ms",
                    bars,
                    List.of(ServerlessExperiment.PHASES),
                    dir.resolve("demo-serverless-phases.png"));
            out.println("Plot: " + p.toAbsolutePath());
        }
        Map<String, Map<String, Double>> memory = new LinkedHashMap<>();
        if (fc != null) {
            memory.put("serverless, conventional", Map.of("EPC", fc.epcMiB()));
            memory.put("serverless, shared", Map.of("EPC", fs.epcMiB()));
        }
        if (dc != null) {
            memory.put("database, conventional", Map.of("EPC", dc.epcMiB()));
            memory.put("database, shared", Map.of("EPC", ds.epcMiB()));
        }
        if (!memory.isEmpty()) {
            Path p = Plots.stackedBars(
                    "EPC memory, conventional against shared",
                    "",
                    "MiB",
                    memory,
                    List.of("EPC"),
                    dir.resolve("demo-epc.png"));
            out.println("Plot: " + p.toAbsolutePath());
        }
        for (Path f : kvFiles) {
            out.println((f.toString().endsWith(".png") ? "Plot: " : "Data: ") + f.toAbsolutePath());
        }
    }

    private static Map<String, Double> phases(double[] ms) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < ms.length; i++) {
            m.put(ServerlessExperiment.PHASES[i], ms[i]);
        }
        return m;
    }
}

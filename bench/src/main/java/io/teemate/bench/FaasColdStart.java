package io.teemate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.host.container.Mode;
import io.teemate.sgx.cost.PlatformProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The serverless figure: for each workload of faas/workloads and for 1 to 16 concurrent instances, the end-to-end
 * cold-start latency (wall, as the client sees it, and modeled, the SGX leaves of all four phases) and the total EPC
 * memory with the instances up, conventional (an enclave per instance) against shared (TeeMate), with the ratios; or
 * any of the paper's serving models with {@code --models} ({@link Serving}: native, cold, warm, shared, conventional).
 * Each (workload, mode, N) gets a fresh emulated machine; the N first invocations run at once, so each is cold (but
 * in the warm model, whose pool holds N instances made at deploy: the paper's CC-Warm assumes every request
 * predicted). Run: {@code java -cp bench/target/benchmarks.jar io.teemate.bench.FaasColdStart [--heap 64M] [--edmm]
 * [--workloads a,b] [--models conventional,shared] [counts...]}. Writes results/faas.csv and PNG plots beside it.
 */
public final class FaasColdStart {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORKLOADS = Path.of("faas/workloads");

    record Workload(String name, byte[] wasm, String stdin, Map<String, String> env) {}

    /**
     * One (workload, mode, N): the mean cold start of the N concurrent instances, per phase ({@link #PHASE_NAMES} order),
     * wall and modeled ms, and the EPC pages of all enclaves with them up. With several repetitions each number is
     * the median over them. {@code mode} is how the instances got their enclave (null for native), {@code serving}
     * the serving compared (the CSV's mode column).
     */
    public record Row(
            String workload,
            Mode mode,
            Serving serving,
            int instances,
            double meanWallMs,
            double meanModeledMs,
            double[] phaseModeledMs,
            double[] phaseWallMs,
            long epcPages) {
        public double epcMiB() {
            return epcPages * 4096.0 / (1 << 20);
        }
    }

    /**
     * What to run: the workloads by name (empty: every one under {@code workloads}/expected), the instance counts,
     * the enclave heap (SGX1, or EDMM), repetitions per (workload, mode, N) (the rows hold the medians), and the
     * directory of the committed workloads (faas/workloads), and the servings compared, in order.
     */
    public record Config(
            List<String> workloads,
            List<Integer> counts,
            String heap,
            boolean edmm,
            int reps,
            Path workloadsDir,
            List<Serving> servings,
            PlatformProfile platform) {
        public Config {
            java.util.Objects.requireNonNull(platform, "platform");
            workloads = List.copyOf(workloads);
            counts = List.copyOf(counts);
            servings = List.copyOf(servings);
            if (servings.isEmpty()) {
                throw new IllegalArgumentException("at least one serving model to measure");
            }
            if (counts.isEmpty() || counts.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException(
                        "instance counts must be one or more positive numbers, got " + counts);
            }
            if (reps < 1) {
                throw new IllegalArgumentException("repetitions must be at least 1, got " + reps);
            }
        }

        /** Modeled time priced on the paper's machine ({@link PlatformProfile#DEFAULT}). */
        public Config(
                List<String> workloads,
                List<Integer> counts,
                String heap,
                boolean edmm,
                int reps,
                Path workloadsDir,
                List<Serving> servings) {
            this(workloads, counts, heap, edmm, reps, workloadsDir, servings, PlatformProfile.DEFAULT);
        }

        /** Conventional against shared ({@link Serving#DEFAULT}). */
        public Config(
                List<String> workloads, List<Integer> counts, String heap, boolean edmm, int reps, Path workloadsDir) {
            this(workloads, counts, heap, edmm, reps, workloadsDir, Serving.DEFAULT);
        }

        /**
         * The harness's defaults: every workload, 1, 2, 4, 8, 16 instances, 64 MiB SGX1 heap, one repetition,
         * conventional against shared.
         */
        public static Config defaults() {
            return new Config(List.of(), List.of(1, 2, 4, 8, 16), "64M", false, 1, WORKLOADS);
        }
    }

    /** The rows (for each workload, each N: each serving in the config's order) and the files written. */
    public record Result(List<Row> rows, List<Path> files) {}

    public static void main(String[] args) throws Exception {
        Config d = Config.defaults();
        String heap = d.heap();
        boolean edmm = false;
        List<String> only = List.of();
        List<Serving> servings = d.servings();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--heap" -> heap = args[++i];
                case "--edmm" -> edmm = true;
                case "--workloads" -> only = List.of(args[++i].split(","));
                case "--models" -> servings = Serving.parseList(args[++i]);
                case "--replot" -> {
                    List<Row> rows = read(Path.of("results/faas.csv"));
                    List<Integer> ns = rows.stream()
                            .map(Row::instances)
                            .distinct()
                            .sorted()
                            .toList();
                    plot(rows, ns, rows.stream().map(Row::serving).distinct().toList(), Path.of("results"), "modeled");
                    return;
                }
                default -> counts.add(Integer.parseInt(args[i]));
            }
        }
        Config config =
                new Config(only, counts.isEmpty() ? d.counts() : counts, heap, edmm, 1, d.workloadsDir(), servings);
        Result r = run(config, Path.of("results"), Progress.STDOUT);
        if (config.servings().equals(Serving.DEFAULT)) {
            summary(r.rows());
        }
    }

    /**
     * Runs the experiment and writes {@code out}/faas.csv and its plots (faas-latency.png, faas-epc.png,
     * faas-phases.png (wall) and faas-phases-modeled.png, the phases at the largest N).
     */
    public static Result run(Config config, Path out, Progress progress) throws Exception {
        List<Integer> counts = config.counts();
        int most = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
        List<Workload> workloads = workloads(config.workloadsDir(), config.workloads());
        PlatformOptions options = PlatformOptions.defaults()
                .withHeap(config.heap(), config.edmm())
                .withThreads(Math.max(most, 2))
                .withPlatform(config.platform())
                .withOwner(io.teemate.sgx.sign.SigningKey.generate());
        progress.step(
                "%d workloads, heap %s %s, instances %s, modeled on %s",
                workloads.size(),
                config.heap(),
                config.edmm() ? "EDMM" : "SGX1",
                counts,
                config.platform().id());
        progress.step("warming up the JIT (not reported)...");
        for (Serving serving : config.servings()) {
            measure(workloads.get(0), serving, 2, options);
        }
        List<Row> rows = new ArrayList<>();
        for (Workload w : workloads) {
            for (int n : counts) {
                for (Serving serving : config.servings()) {
                    List<Row> reps = new ArrayList<>();
                    for (int rep = 0; rep < config.reps(); rep++) {
                        reps.add(measure(w, serving, n, options));
                    }
                    Row r = median(reps);
                    progress.step(
                            "%-16s %2d %-12s %9.2f ms wall %9.3f ms modeled (%s) %8.1f MiB EPC%s",
                            w.name,
                            n,
                            serving.name(),
                            r.meanWallMs,
                            r.meanModeledMs,
                            config.platform().id(),
                            r.epcMiB(),
                            config.reps() > 1 ? " (median of " + config.reps() + ")" : "");
                    rows.add(r);
                }
            }
        }
        List<Path> files = new ArrayList<>();
        files.add(write(rows, out.resolve("faas.csv"), config.platform()));
        files.addAll(plot(
                rows,
                counts,
                config.servings(),
                out,
                "modeled (" + config.platform().id() + ")"));
        return new Result(rows, files);
    }

    /** Each number the median of the repetitions'. */
    private static Row median(List<Row> reps) {
        Row first = reps.get(0);
        double[] modeled = new double[PHASES.length];
        double[] wall = new double[PHASES.length];
        for (int i = 0; i < PHASES.length; i++) {
            int k = i;
            modeled[i] = Stats.median(reps.stream().mapToDouble(r -> r.phaseModeledMs[k]));
            wall[i] = Stats.median(reps.stream().mapToDouble(r -> r.phaseWallMs[k]));
        }
        return new Row(
                first.workload,
                first.mode,
                first.serving,
                first.instances,
                Stats.median(reps.stream().mapToDouble(Row::meanWallMs)),
                Stats.median(reps.stream().mapToDouble(Row::meanModeledMs)),
                modeled,
                wall,
                Math.round(Stats.median(reps.stream().mapToDouble(r -> r.epcPages))));
    }

    private static Row measure(Workload w, Serving serving, int n, PlatformOptions options) throws Exception {
        Path work = Files.createTempDirectory("teemate-faas-bench");
        long epcBytesNeeded =
                (serving.enclavePerInstance() ? n : 1) * (sizeOf(options.heapSize()) + (8L << 20)) + (64L << 20);
        PlatformOptions sized = options.withMachine((int) (epcBytesNeeded >> 20), options.logicalProcessors())
                .withWarmPool(n);
        try (FunctionPlatform platform = serving.platform(work, sized)) {
            platform.deploy(new FunctionSpec(w.name, w.wasm, false, List.of(), w.env, 64, 60_000));
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<double[]>> calls = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    calls.add(pool.submit(() -> {
                        long t0 = System.nanoTime();
                        Invocation inv = platform.invoke(w.name, w.stdin.getBytes(StandardCharsets.UTF_8), Map.of());
                        double wall = (System.nanoTime() - t0) / 1e6;
                        if (inv.exitCode() != 0) {
                            throw new IllegalStateException(w.name + " exited with " + inv.exitCode());
                        }
                        return new double[] {
                            wall,
                            inv.modeled().total() / 1e6,
                            inv.modeled().containerCreation() / 1e6,
                            inv.modeled().enclave() / 1e6,
                            inv.modeled().runtimeInit() / 1e6,
                            inv.modeled().execution() / 1e6,
                            inv.wall().containerCreation() / 1e6,
                            inv.wall().enclave() / 1e6,
                            inv.wall().runtimeInit() / 1e6,
                            inv.wall().execution() / 1e6
                        };
                    }));
                }
                double[] sum = new double[10];
                for (Future<double[]> f : calls) {
                    double[] v = f.get();
                    for (int i = 0; i < v.length; i++) {
                        sum[i] += v[i] / n;
                    }
                }
                long epc = platform.epcPagesByEnclave().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                return new Row(
                        w.name,
                        serving.mode(),
                        serving,
                        n,
                        sum[0],
                        sum[1],
                        new double[] {sum[2], sum[3], sum[4], sum[5]},
                        new double[] {sum[6], sum[7], sum[8], sum[9]},
                        epc);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            TempDirs.delete(work);
        }
    }

    private static long sizeOf(String size) {
        return io.teemate.abi.image.Sizes.parse(size);
    }

    /** Every committed workload with its default case (faas/workloads/expected/NAME.json). */
    private static List<Workload> workloads(Path dir, List<String> only) throws IOException {
        List<Workload> out = new ArrayList<>();
        try (var files = Files.list(dir.resolve("expected"))) {
            for (Path f : files.sorted().toList()) {
                JsonNode doc = JSON.readTree(f.toFile());
                String name = doc.get("function").asText();
                if (!only.isEmpty() && !only.contains(name)) {
                    continue;
                }
                for (JsonNode c : doc.get("cases")) {
                    if (c.get("name").asText().equals("default")) {
                        Map<String, String> env = new LinkedHashMap<>();
                        c.get("env")
                                .properties()
                                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
                        out.add(new Workload(
                                name,
                                Files.readAllBytes(dir.resolve(doc.get("wasm").asText())),
                                c.get("stdin").asText(),
                                env));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no workload " + (only.isEmpty() ? "" : "named " + only + " ") + "under "
                    + dir.resolve("expected"));
        }
        return out;
    }

    /** The paper's four phases of a cold start, in order (the index of {@link Row#phaseWallMs()}). */
    public static final List<String> PHASE_NAMES =
            List.of("container creation", "enclave", "runtime init", "execution");

    private static final String[] PHASES = PHASE_NAMES.toArray(String[]::new);

    /** The rows with a trailing platform column: the part whose clock priced the *_modeled_ms columns. */
    private static Path write(List<Row> rows, Path csv, PlatformProfile platform) {
        StringBuilder out = new StringBuilder("workload,mode,instances,mean_cold_wall_ms,mean_cold_modeled_ms");
        for (String p : PHASES) {
            String k = p.replace(' ', '_');
            out.append(',').append(k).append("_modeled_ms,").append(k).append("_wall_ms");
        }
        out.append(",epc_pages,epc_mib,platform\n");
        for (Row r : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%d,%.3f,%.4f",
                    r.workload,
                    r.serving.name(),
                    r.instances,
                    r.meanWallMs,
                    r.meanModeledMs));
            for (int i = 0; i < PHASES.length; i++) {
                out.append(String.format(Locale.ROOT, ",%.4f,%.3f", r.phaseModeledMs[i], r.phaseWallMs[i]));
            }
            out.append(String.format(Locale.ROOT, ",%d,%.2f,%s%n", r.epcPages, r.epcMiB(), platform.id()));
        }
        return Results.write(csv, out);
    }

    /** Rows back from a CSV this harness wrote (for --replot). */
    private static List<Row> read(Path csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line :
                Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            double[] modeled = new double[PHASES.length];
            double[] wall = new double[PHASES.length];
            for (int i = 0; i < PHASES.length; i++) {
                modeled[i] = Double.parseDouble(f[5 + 2 * i]);
                wall[i] = Double.parseDouble(f[6 + 2 * i]);
            }
            Serving serving = Serving.parse(f[1]);
            rows.add(new Row(
                    f[0],
                    serving.mode(),
                    serving,
                    Integer.parseInt(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]),
                    modeled,
                    wall,
                    Long.parseLong(f[5 + 2 * PHASES.length])));
        }
        return rows;
    }

    /** @param modeledLabel what the modeled series and bars are called: "modeled (PLATFORM)" */
    private static List<Path> plot(
            List<Row> rows, List<Integer> counts, List<Serving> servings, Path out, String modeledLabel) {
        int most = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
        List<Path> files = new ArrayList<>();
        for (boolean wallTime : new boolean[] {true, false}) {
            Map<String, Map<String, Double>> phases = new LinkedHashMap<>();
            for (Row r : rows) {
                if (r.instances == most) {
                    Map<String, Double> bar = new LinkedHashMap<>();
                    for (int i = 0; i < PHASES.length; i++) {
                        bar.put(PHASES[i], (wallTime ? r.phaseWallMs : r.phaseModeledMs)[i]);
                    }
                    phases.put(r.workload.replace('_', '-') + " " + r.serving.shortName(), bar);
                }
            }
            String kind = wallTime ? "wall" : modeledLabel;
            Path png = Plots.stackedBars(
                    "Cold start by phase with " + most + " concurrent instances, mean, " + kind + "; "
                            + legend(servings),
                    "workload and mode",
                    "ms (" + kind + ")",
                    phases,
                    List.of(PHASES),
                    out.resolve(wallTime ? "faas-phases.png" : "faas-phases-modeled.png"));
            System.out.println("wrote " + png);
            files.add(png);
        }
        List<Plots.Series> latency = new ArrayList<>();
        List<Plots.Series> memory = new ArrayList<>();
        for (Serving serving : servings) {
            double[] x = counts.stream().mapToDouble(Integer::doubleValue).toArray();
            double[] modeled = new double[x.length];
            double[] wall = new double[x.length];
            double[] mib = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                int n = counts.get(i);
                List<Row> at = rows.stream()
                        .filter(r -> r.serving.equals(serving) && r.instances == n)
                        .toList();
                modeled[i] =
                        at.stream().mapToDouble(Row::meanModeledMs).average().orElse(0);
                wall[i] = at.stream().mapToDouble(Row::meanWallMs).average().orElse(0);
                mib[i] = at.stream().mapToDouble(Row::epcMiB).average().orElse(0);
            }
            String name = serving.name();
            latency.add(new Plots.Series(name + ", " + modeledLabel, x, modeled));
            latency.add(new Plots.Series(name + ", wall", x, wall));
            memory.add(new Plots.Series(name, x, mib));
        }
        files.add(Plots.lines(
                "Cold-start latency, mean over workloads",
                "concurrent instances",
                "ms (log)",
                latency,
                true,
                out.resolve("faas-latency.png")));
        files.add(Plots.lines(
                "EPC memory with N instances up, mean over workloads",
                "concurrent instances",
                "MiB",
                memory,
                false,
                out.resolve("faas-epc.png")));
        files.subList(2, files.size()).forEach(f -> System.out.println("wrote " + f));
        return files;
    }

    /** "C = conventional, S = shared" for the servings plotted. */
    private static String legend(List<Serving> servings) {
        return servings.stream()
                .map(s -> s.shortName() + " = " + s.name())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The conventional-against-shared table; the rows must be the default servings' (pairs in that order). */
    static void summary(List<Row> rows) {
        System.out.println();
        System.out.println(
                "| workload | N | cold start, conventional (wall / modeled ms) | shared | ratio (wall / modeled) "
                        + "| EPC conventional MiB | shared | ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            Row c = rows.get(i);
            Row s = rows.get(i + 1);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.1f / %.2f | %.1f / %.3f | %.1fx / %.0fx | %.1f | %.1f | %.1fx |%n",
                    c.workload,
                    c.instances,
                    c.meanWallMs,
                    c.meanModeledMs,
                    s.meanWallMs,
                    s.meanModeledMs,
                    c.meanWallMs / s.meanWallMs,
                    c.meanModeledMs / s.meanModeledMs,
                    c.epcMiB(),
                    s.epcMiB(),
                    (double) c.epcPages / s.epcPages);
        }
    }
}

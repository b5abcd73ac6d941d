package io.teemate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.sgx.cost.PlatformProfile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The paper's four serverless experiments on its JavaScript workloads (faas/workloads/js), shaped as the artifact's
 * scripts (jakdurider/teemate-scripts, automated_scripts/) run them, once per serving model:
 * <ul>
 * <li><b>latency</b> ({@code check-latency-*.sh}): every workload, {@code reps} invocations, each a new function
 * instance (the paper measures the start of an instance per request; a warm model takes a pre-created one), with
 * its phases: container creation, enclave creation or aliasing, runtime init, execution;</li>
 * <li><b>memory</b> ({@code check-memory-*.sh}): N concurrent instances of the sleep workload, the EPC in use sampled
 * over the run (the artifact's {@code SGX_IOC_ENCLAVE_GET_STAT} every second);</li>
 * <li><b>throughput</b> ({@code throughput.py}): N invocations at once of one workload, requests per second;</li>
 * <li><b>macro</b> ({@code check-macro-*.sh}, {@code poisson.py}): uploader requests with exponential inter-arrival
 * times of the given mean for the given duration, the mean latency and the EPC in use.</li>
 * </ul>
 * Wall time is this machine's; modeled time is the SGX leaves the platform counted. Nothing here knows an expected
 * result: every number comes from the run.
 */
public final class ServerlessExperiments {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A serving model under test: its name and a fresh platform of it in {@code dir}. */
    public interface Model {
        String name();

        /**
         * A fresh platform of this model in {@code dir}, with enclave heap for {@code instances} instances at once of
         * {@code instanceMiB} each (the isolate and the function's snapshot beside it).
         */
        FunctionPlatform open(Path dir, int instances, int instanceMiB) throws Exception;

        /** Whether an idle instance is reused; if so, latency deploys a new function per invocation to start one. */
        boolean reusesInstances();
    }

    /** A workload: its action and the parameters of its first recorded case. */
    record Workload(String name, byte[] code, byte[] params) {}

    /**
     * What to run: the workloads (empty: all but the uploader, which the macro experiment runs), latency invocations
     * per workload, the memory experiment's instance counts, the throughput experiment's parallel invocations, the
     * macro experiment's duration and mean inter-arrival time, the seed of its arrivals, the committed workloads, and
     * the uploader's environment (the file server's URL, set by the caller).
     */
    public record Config(
            List<String> workloads,
            int latencyReps,
            List<Integer> memoryCounts,
            List<Integer> throughputCounts,
            double macroSeconds,
            double macroMeanSeconds,
            long seed,
            Path workloadsDir,
            int maxMemoryPages,
            PlatformProfile platform) {
        public Config {
            java.util.Objects.requireNonNull(platform, "platform");
            workloads = List.copyOf(workloads);
            memoryCounts = List.copyOf(memoryCounts);
            throughputCounts = List.copyOf(throughputCounts);
            if (latencyReps < 1) {
                throw new IllegalArgumentException("latency repetitions must be at least 1, got " + latencyReps);
            }
        }

        /** Modeled time priced on the paper's machine ({@link PlatformProfile#DEFAULT}). */
        public Config(
                List<String> workloads,
                int latencyReps,
                List<Integer> memoryCounts,
                List<Integer> throughputCounts,
                double macroSeconds,
                double macroMeanSeconds,
                long seed,
                Path workloadsDir,
                int maxMemoryPages) {
            this(
                    workloads,
                    latencyReps,
                    memoryCounts,
                    throughputCounts,
                    macroSeconds,
                    macroMeanSeconds,
                    seed,
                    workloadsDir,
                    maxMemoryPages,
                    PlatformProfile.DEFAULT);
        }
    }

    public record LatencyRow(
            String workload, String model, int reps, double[] wallMs, double[] modeledMs, double totalWallMs) {}

    public record MemoryRow(String model, int instances, double peakEpcMiB, double meanEpcMiB) {}

    public record ThroughputRow(String model, int parallel, double seconds, double requestsPerSecond, int failed) {}

    public record MacroRow(
            String model,
            int requests,
            int failed,
            double meanLatencyMs,
            double medianLatencyMs,
            double meanEpcMiB,
            double peakEpcMiB) {}

    public record Result(
            List<LatencyRow> latency,
            List<MemoryRow> memory,
            List<ThroughputRow> throughput,
            List<MacroRow> macro,
            List<Path> files) {}

    /**
     * Enclave heap an instance takes, its isolate and its function's snapshot: the small workloads (sleep, auth, the
     * uploader) about 2 x 1.3 MiB, face-detection about 2 x 8.4 MiB (132 Wasm pages after /init).
     */
    static final int SMALL_INSTANCE_MIB = 4;

    static final int LARGE_INSTANCE_MIB = 20;

    /** The phases of {@link Invocation.Phases}, in order. */
    static final String[] PHASES = {"container creation", "enclave", "runtime init", "execution"};

    private ServerlessExperiments() {}

    static List<Workload> workloads(Path dir, List<String> only) throws IOException {
        List<Workload> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("expected"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString().replace(".json", "");
                if (!only.isEmpty() ? !only.contains(name) : name.equals("uploader")) {
                    continue;
                }
                JsonNode e = JSON.readTree(f.toFile());
                out.add(new Workload(
                        name,
                        Files.readAllBytes(dir.resolve(e.get("action").asText())),
                        JSON.writeValueAsBytes(e.get("cases").get(0).get("params"))));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no JavaScript workload named " + only + " under " + dir);
        }
        return out;
    }

    private static FunctionSpec spec(Workload w, String name, Config c) {
        return FunctionSpec.nodejs(name, w.code(), null, Map.of(), c.maxMemoryPages(), 600_000);
    }

    private static void check(Invocation i, String what) {
        if (i.exitCode() != 0) {
            throw new IllegalStateException(
                    what + " failed: " + new String(i.output(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- latency

    static List<LatencyRow> latency(Config c, List<Model> models, Path work, Progress p) throws Exception {
        List<LatencyRow> rows = new ArrayList<>();
        for (Model m : models) {
            try (FunctionPlatform platform =
                    m.open(Files.createDirectories(work.resolve("latency-" + m.name())), 2, LARGE_INSTANCE_MIB)) {
                // "TeeMate creates an initial container and an enclave in advance" (the paper's setup): the shared
                // enclave and the engine's module exist before anything is timed, in every model alike
                Workload first = workloads(c.workloadsDir(), c.workloads()).get(0);
                platform.deploy(spec(first, "warm-up", c));
                check(platform.invoke("warm-up", first.params(), Map.of()), "warm-up");
                for (Workload w : workloads(c.workloadsDir(), c.workloads())) {
                    double[][] wall = new double[PHASES.length][c.latencyReps()];
                    double[][] modeled = new double[PHASES.length][c.latencyReps()];
                    double[] total = new double[c.latencyReps()];
                    if (!m.reusesInstances()) {
                        platform.deploy(spec(w, w.name(), c));
                    }
                    for (int i = 0; i < c.latencyReps(); i++) {
                        String name = w.name();
                        long t0 = System.nanoTime();
                        if (m.reusesInstances()) {
                            // a new function: its instance starts at deploy (OpenWhisk's /init, JavaScript's
                            // initialisation) and serves this first invocation, which reports that start's phases;
                            // the latency is deploy and invocation together, as the paper's is the request's
                            name = w.name() + "-" + i;
                            platform.deploy(spec(w, name, c));
                        }
                        Invocation inv = platform.invoke(name, w.params(), Map.of());
                        total[i] = (System.nanoTime() - t0) / 1e6;
                        check(inv, w.name());
                        double[] pw = phases(inv.wall());
                        double[] pm = phases(inv.modeled());
                        for (int k = 0; k < PHASES.length; k++) {
                            wall[k][i] = pw[k] / 1e6;
                            modeled[k][i] = pm[k] / 1e6;
                        }
                        if (m.reusesInstances()) {
                            platform.delete(name);
                        }
                    }
                    double[] mw = new double[PHASES.length];
                    double[] mm = new double[PHASES.length];
                    for (int k = 0; k < PHASES.length; k++) {
                        mw[k] = Stats.median(java.util.Arrays.stream(wall[k]));
                        mm[k] = Stats.median(java.util.Arrays.stream(modeled[k]));
                    }
                    LatencyRow r = new LatencyRow(
                            w.name(), m.name(), c.latencyReps(), mw, mm, Stats.median(java.util.Arrays.stream(total)));
                    p.step(
                            "latency %-22s %-7s %9.1f ms wall (%s) %8.3f ms modeled (%s)",
                            w.name(),
                            m.name(),
                            r.totalWallMs(),
                            phasesText(mw),
                            java.util.Arrays.stream(mm).sum(),
                            c.platform().id());
                    rows.add(r);
                }
            }
        }
        return rows;
    }

    private static double[] phases(Invocation.Phases ph) {
        return new double[] {ph.containerCreation(), ph.enclave(), ph.runtimeInit(), ph.execution()};
    }

    private static String phasesText(double[] ms) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < ms.length; k++) {
            b.append(k == 0 ? "" : ", ")
                    .append(PHASES[k])
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.1f", ms[k]));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- memory

    /** The EPC in use, sampled every {@code periodMs} while {@link #close} has not been called. */
    static final class EpcSampler implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "epc-sampler");
            t.setDaemon(true);
            return t;
        });
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong sum = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();

        EpcSampler(FunctionPlatform platform, long periodMs) {
            timer.scheduleAtFixedRate(
                    () -> {
                        long pages = platform.epcPagesByEnclave().values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                        peak.accumulateAndGet(pages, Math::max);
                        sum.addAndGet(pages);
                        samples.incrementAndGet();
                    },
                    0,
                    periodMs,
                    TimeUnit.MILLISECONDS);
        }

        double peakMiB() {
            return peak.get() * 4096.0 / (1 << 20);
        }

        double meanMiB() {
            return samples.get() == 0 ? 0 : sum.get() * 4096.0 / (1 << 20) / samples.get();
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    static List<MemoryRow> memory(Config c, List<Model> models, Path work, Progress p) throws Exception {
        Workload sleep = workloads(c.workloadsDir(), List.of("sleep")).get(0);
        List<MemoryRow> rows = new ArrayList<>();
        for (Model m : models) {
            for (int n : c.memoryCounts()) {
                Path dir = Files.createDirectories(work.resolve("memory-" + m.name() + "-" + n));
                try (FunctionPlatform platform = m.open(dir, n, SMALL_INSTANCE_MIB)) {
                    platform.deploy(spec(sleep, "sleep", c));
                    byte[] params = "{\"sleep\":1000}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    ExecutorService pool = Executors.newFixedThreadPool(n);
                    try (EpcSampler epc = new EpcSampler(platform, 50)) {
                        List<Future<Invocation>> calls = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            calls.add(pool.submit(() -> platform.invoke("sleep", params, Map.of())));
                        }
                        for (Future<Invocation> f : calls) {
                            check(f.get(), "sleep");
                        }
                        MemoryRow r = new MemoryRow(m.name(), n, epc.peakMiB(), epc.meanMiB());
                        p.step(
                                "memory %-7s %3d instances: EPC peak %8.1f MiB, mean %8.1f MiB",
                                m.name(), n, r.peakEpcMiB(), r.meanEpcMiB());
                        rows.add(r);
                    } finally {
                        pool.shutdownNow();
                    }
                }
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- throughput

    static List<ThroughputRow> throughput(Config c, List<Model> models, Path work, Progress p) throws Exception {
        Workload auth = workloads(c.workloadsDir(), List.of("auth")).get(0);
        List<ThroughputRow> rows = new ArrayList<>();
        for (Model m : models) {
            for (int n : c.throughputCounts()) {
                Path dir = Files.createDirectories(work.resolve("throughput-" + m.name() + "-" + n));
                try (FunctionPlatform platform = m.open(dir, n, SMALL_INSTANCE_MIB)) {
                    platform.deploy(spec(auth, "auth", c));
                    ExecutorService pool = Executors.newFixedThreadPool(n);
                    try {
                        long t0 = System.nanoTime();
                        List<Future<Invocation>> calls = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            calls.add(pool.submit(() -> platform.invoke("auth", auth.params(), Map.of())));
                        }
                        int failed = 0;
                        for (Future<Invocation> f : calls) {
                            try {
                                if (f.get().exitCode() != 0) {
                                    failed++;
                                }
                            } catch (java.util.concurrent.ExecutionException e) {
                                failed++;
                            }
                        }
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        ThroughputRow r = new ThroughputRow(m.name(), n, seconds, (n - failed) / seconds, failed);
                        p.step(
                                "throughput %-7s %3d at once: %6.2f s, %7.2f requests/s, %d failed",
                                m.name(), n, seconds, r.requestsPerSecond(), failed);
                        rows.add(r);
                    } finally {
                        pool.shutdownNow();
                    }
                }
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- macro

    /**
     * Uploader requests with exponential inter-arrival times (mean {@code macroMeanSeconds}, seeded: every model gets
     * the same arrivals) for {@code macroSeconds}; {@code uploaderParams} points the uploader at the caller's file.
     */
    static List<MacroRow> macro(Config c, List<Model> models, Path work, byte[] uploaderParams, Progress p)
            throws Exception {
        Workload up = workloads(c.workloadsDir(), List.of("uploader")).get(0);
        List<Double> arrivals = new ArrayList<>();
        Random random = new Random(c.seed());
        for (double t = 0; ; ) {
            t += -Math.log(1 - random.nextDouble()) * c.macroMeanSeconds();
            if (t > c.macroSeconds()) {
                break;
            }
            arrivals.add(t);
        }
        List<MacroRow> rows = new ArrayList<>();
        for (Model m : models) {
            Path dir = Files.createDirectories(work.resolve("macro-" + m.name()));
            try (FunctionPlatform platform = m.open(dir, 16, SMALL_INSTANCE_MIB)) {
                platform.deploy(spec(up, "uploader", c));
                ExecutorService pool = Executors.newCachedThreadPool();
                try (EpcSampler epc = new EpcSampler(platform, 100)) {
                    long start = System.nanoTime();
                    List<Future<Double>> calls = new ArrayList<>();
                    for (double at : arrivals) {
                        long wait = start + (long) (at * 1e9) - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait); // the arrival process itself, not a stand-in for work
                        }
                        calls.add(pool.submit(() -> {
                            long t0 = System.nanoTime();
                            Invocation inv = platform.invoke("uploader", uploaderParams, Map.of());
                            check(inv, "uploader");
                            return (System.nanoTime() - t0) / 1e6;
                        }));
                    }
                    List<Double> latencies = new ArrayList<>();
                    int failed = 0;
                    for (Future<Double> f : calls) {
                        try {
                            latencies.add(f.get());
                        } catch (java.util.concurrent.ExecutionException e) {
                            failed++;
                        }
                    }
                    MacroRow r = new MacroRow(
                            m.name(),
                            calls.size(),
                            failed,
                            Stats.mean(latencies.stream().mapToDouble(Double::doubleValue)),
                            Stats.median(latencies.stream().mapToDouble(Double::doubleValue)),
                            epc.meanMiB(),
                            epc.peakMiB());
                    p.step(
                            "macro %-7s %d requests (%d failed): mean %.1f ms, median %.1f ms; EPC mean %.1f MiB, peak %.1f MiB",
                            m.name(),
                            r.requests(),
                            failed,
                            r.meanLatencyMs(),
                            r.medianLatencyMs(),
                            r.meanEpcMiB(),
                            r.peakEpcMiB());
                    rows.add(r);
                } finally {
                    pool.shutdownNow();
                }
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- the run

    /** The parts of the experiment, in the order they run. */
    public enum Part {
        LATENCY,
        MEMORY,
        THROUGHPUT,
        MACRO
    }

    /**
     * Runs {@code parts} in every model and writes serverless-latency.csv, serverless-memory.csv,
     * serverless-throughput.csv and serverless-macro.csv into {@code out}. The macro experiment's uploader fetches a
     * file of {@code uploadBytes} bytes from a local HTTP server this method starts.
     */
    public static Result run(
            Config c, List<Model> models, java.util.Set<Part> parts, int uploadBytes, Path out, Progress p)
            throws Exception {
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("teemate-serverless");
        List<LatencyRow> latency = List.of();
        List<MemoryRow> memory = List.of();
        List<ThroughputRow> throughput = List.of();
        List<MacroRow> macro = List.of();
        List<Path> files = new ArrayList<>();
        try {
            if (parts.contains(Part.LATENCY)) {
                latency = latency(c, models, work, p);
                files.add(writeLatency(latency, out.resolve("serverless-latency.csv"), c.platform()));
            }
            if (parts.contains(Part.MEMORY)) {
                memory = memory(c, models, work, p);
                files.add(writeMemory(memory, out.resolve("serverless-memory.csv")));
            }
            if (parts.contains(Part.THROUGHPUT)) {
                throughput = throughput(c, models, work, p);
                files.add(writeThroughput(throughput, out.resolve("serverless-throughput.csv")));
            }
            if (parts.contains(Part.MACRO)) {
                byte[] file = new byte[uploadBytes];
                new Random(c.seed()).nextBytes(file);
                com.sun.net.httpserver.HttpServer server =
                        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/upload.bin", x -> {
                    x.sendResponseHeaders(200, file.length);
                    try (var body = x.getResponseBody()) {
                        body.write(file);
                    }
                });
                server.setExecutor(Executors.newFixedThreadPool(4));
                server.start();
                try {
                    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/upload.bin";
                    byte[] params = JSON.writeValueAsBytes(Map.of("url", url, "key", "macro/upload.bin"));
                    macro = macro(c, models, work, params, p);
                    files.add(writeMacro(macro, out.resolve("serverless-macro.csv")));
                } finally {
                    server.stop(0);
                }
            }
        } finally {
            TempDirs.delete(work);
        }
        return new Result(latency, memory, throughput, macro, files);
    }

    // ---------------------------------------------------------------- report

    /**
     * The artifact's macro-benchmark figures (jakdurider/teemate-scripts automated_scripts/macro, derived in
     * ../shared/reference/anchors.md §1): mean latency in seconds and mean EPC in use in GB, by model. The paper's
     * hardware numbers, set beside ours; never used to compute anything.
     */
    static final Map<String, double[]> ARTIFACT_MACRO = Map.of(
            "cold", new double[] {21.0, 14.685}, "warm", new double[] {2.79, 4.142}, "shared", new double[] {3.35, 1.335
            });

    /** The report's section: every table from {@code r}, the artifact's figures beside the macro benchmark. */
    static String report(Result r, List<String> models, Config c) {
        StringBuilder md =
                new StringBuilder("## Serverless: the paper's four experiments on its JavaScript workloads\n\n");
        md.append("Models: ")
                .append(String.join(", ", models))
                .append(
                        ". Wall time is this machine's, modeled time the SGX leaves the emulator counted; they are never mixed. "
                                + "cold = a new conventional enclave per instance (CC-Cold), warm = pre-created conventional "
                                + "instances (CC-Warm), shared = TeeMate, native = the same engine with no enclave.\n\n");
        if (!r.latency().isEmpty()) {
            md.append("### Latency: median of ")
                    .append(c.latencyReps())
                    .append(" invocations, each a new instance (warm: a pre-created one), wall ms\n\n");
            List<String> header = new ArrayList<>(List.of("workload"));
            header.addAll(models);
            if (models.contains("cold") && models.contains("shared")) {
                header.add("cold / shared, wall");
                header.add("cold / shared, modeled");
            }
            Evaluation.Table t = new Evaluation.Table(header.toArray(String[]::new));
            for (String w :
                    r.latency().stream().map(LatencyRow::workload).distinct().toList()) {
                List<Object> row = new ArrayList<>(List.of(w));
                for (String m : models) {
                    row.add(r.latency().stream()
                            .filter(x -> x.workload().equals(w) && x.model().equals(m))
                            .findFirst()
                            .map(x -> Evaluation.ms(x.totalWallMs()))
                            .orElse("-"));
                }
                if (models.contains("cold") && models.contains("shared")) {
                    LatencyRow cold = latencyRow(r, w, "cold");
                    LatencyRow shared = latencyRow(r, w, "shared");
                    row.add(Evaluation.x(cold.totalWallMs() / shared.totalWallMs()));
                    row.add(Evaluation.x(sum(cold.modeledMs()) / sum(shared.modeledMs())));
                }
                t.row(row.toArray());
            }
            md.append(t)
                    .append("\nThe paper: CC-Cold / TeeMate ")
                    .append(Evaluation.SERVERLESS_LATENCY.text())
                    .append(".\n\n");
            md.append(
                    "Phases (median ms, wall | modeled): container creation, enclave creation or aliasing, runtime init, execution\n\n");
            Evaluation.Table ph = new Evaluation.Table("workload", "model", "wall", "modeled").text(2);
            for (LatencyRow x : r.latency()) {
                ph.row(x.workload(), x.model(), phaseCells(x.wallMs()), phaseCells(x.modeledMs()));
            }
            md.append(ph).append('\n');
        }
        if (!r.memory().isEmpty()) {
            md.append("### Memory: EPC in use with N sleeping instances (peak MiB, sampled every 50 ms)\n\n");
            List<String> header = new ArrayList<>(List.of("N"));
            header.addAll(models);
            if (models.contains("cold") && models.contains("shared")) {
                header.add("cold / shared");
            }
            Evaluation.Table t = new Evaluation.Table(header.toArray(String[]::new));
            for (int n :
                    r.memory().stream().map(MemoryRow::instances).distinct().toList()) {
                List<Object> row = new ArrayList<>(List.of(n));
                for (String m : models) {
                    row.add(r.memory().stream()
                            .filter(x -> x.instances() == n && x.model().equals(m))
                            .findFirst()
                            .map(x -> Evaluation.mib(x.peakEpcMiB()))
                            .orElse("-"));
                }
                if (models.contains("cold") && models.contains("shared")) {
                    double cold = memoryRow(r, n, "cold").peakEpcMiB();
                    double shared = memoryRow(r, n, "shared").peakEpcMiB();
                    row.add(Evaluation.x(cold / shared));
                }
                t.row(row.toArray());
            }
            md.append(t)
                    .append("\nThe paper: CC-Cold / TeeMate memory ")
                    .append(Evaluation.SERVERLESS_MEMORY.text())
                    .append(".\n\n");
        }
        if (!r.throughput().isEmpty()) {
            md.append("### Throughput: N invocations of auth at once (requests/s, wall)\n\n");
            List<String> header = new ArrayList<>(List.of("N"));
            header.addAll(models);
            Evaluation.Table t = new Evaluation.Table(header.toArray(String[]::new));
            for (int n : r.throughput().stream()
                    .map(ThroughputRow::parallel)
                    .distinct()
                    .toList()) {
                List<Object> row = new ArrayList<>(List.of(n));
                for (String m : models) {
                    row.add(r.throughput().stream()
                            .filter(x -> x.parallel() == n && x.model().equals(m))
                            .findFirst()
                            .map(x -> String.format(
                                    Locale.ROOT,
                                    "%.2f%s",
                                    x.requestsPerSecond(),
                                    x.failed() > 0 ? " (" + x.failed() + " failed)" : ""))
                            .orElse("-"));
                }
                t.row(row.toArray());
            }
            md.append(t).append('\n');
        }
        if (!r.macro().isEmpty()) {
            md.append(String.format(
                    Locale.ROOT,
                    "### Macro: uploader requests, Poisson arrivals (mean %.1f s) for %.0f s\n\n",
                    c.macroMeanSeconds(),
                    c.macroSeconds()));
            Evaluation.Table t = new Evaluation.Table(
                            "model",
                            "requests",
                            "mean latency ms",
                            "median ms",
                            "EPC mean MiB",
                            "EPC peak MiB",
                            "artifact: mean latency s",
                            "artifact: EPC mean GB")
                    .text(1);
            for (MacroRow x : r.macro()) {
                double[] a = ARTIFACT_MACRO.get(x.model());
                t.row(
                        x.model(),
                        x.requests() + (x.failed() > 0 ? " (" + x.failed() + " failed)" : ""),
                        Evaluation.ms(x.meanLatencyMs()),
                        Evaluation.ms(x.medianLatencyMs()),
                        Evaluation.mib(x.meanEpcMiB()),
                        Evaluation.mib(x.peakEpcMiB()),
                        a == null ? "-" : String.format(Locale.ROOT, "%.2f", a[0]),
                        a == null ? "-" : String.format(Locale.ROOT, "%.2f", a[1]));
            }
            md.append(t)
                    .append("\nThe artifact ran 600 s on a Xeon Gold 6348 (SGX2) under OpenWhisk, latency measured "
                            + "around the wsk CLI (client and controller included); ours runs in one JVM on the emulator, so "
                            + "its absolute numbers are not the hardware's: compare the models' order and ratios.\n\n");
        }
        return md.toString();
    }

    private static LatencyRow latencyRow(Result r, String workload, String model) {
        return r.latency().stream()
                .filter(x -> x.workload().equals(workload) && x.model().equals(model))
                .findFirst()
                .orElseThrow();
    }

    private static MemoryRow memoryRow(Result r, int n, String model) {
        return r.memory().stream()
                .filter(x -> x.instances() == n && x.model().equals(model))
                .findFirst()
                .orElseThrow();
    }

    private static double sum(double[] v) {
        return java.util.Arrays.stream(v).sum();
    }

    private static String phaseCells(double[] ms) {
        return java.util.Arrays.stream(ms).mapToObj(Evaluation::ms).collect(java.util.stream.Collectors.joining(" / "));
    }

    // ---------------------------------------------------------------- CSV

    /** The rows with a trailing platform column: the part whose clock priced the *_modeled_ms columns. */
    static Path writeLatency(List<LatencyRow> rows, Path file, PlatformProfile platform) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("workload,model,reps,total_wall_ms,"
                    + "container_wall_ms,enclave_wall_ms,runtime_init_wall_ms,execution_wall_ms,"
                    + "container_modeled_ms,enclave_modeled_ms,runtime_init_modeled_ms,execution_modeled_ms,platform");
            for (LatencyRow r : rows) {
                w.printf(
                        Locale.ROOT,
                        "%s,%s,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,%s%n",
                        r.workload(),
                        r.model(),
                        r.reps(),
                        r.totalWallMs(),
                        r.wallMs()[0],
                        r.wallMs()[1],
                        r.wallMs()[2],
                        r.wallMs()[3],
                        r.modeledMs()[0],
                        r.modeledMs()[1],
                        r.modeledMs()[2],
                        r.modeledMs()[3],
                        platform.id());
            }
        }
        return file;
    }

    static Path writeMemory(List<MemoryRow> rows, Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("model,instances,epc_peak_mib,epc_mean_mib");
            rows.forEach(r -> w.printf(
                    Locale.ROOT, "%s,%d,%.2f,%.2f%n", r.model(), r.instances(), r.peakEpcMiB(), r.meanEpcMiB()));
        }
        return file;
    }

    static Path writeThroughput(List<ThroughputRow> rows, Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("model,parallel,seconds,requests_per_second,failed");
            rows.forEach(r -> w.printf(
                    Locale.ROOT,
                    "%s,%d,%.3f,%.3f,%d%n",
                    r.model(),
                    r.parallel(),
                    r.seconds(),
                    r.requestsPerSecond(),
                    r.failed()));
        }
        return file;
    }

    static Path writeMacro(List<MacroRow> rows, Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("model,requests,failed,mean_latency_ms,median_latency_ms,epc_mean_mib,epc_peak_mib");
            rows.forEach(r -> w.printf(
                    Locale.ROOT,
                    "%s,%d,%d,%.2f,%.2f,%.2f,%.2f%n",
                    r.model(),
                    r.requests(),
                    r.failed(),
                    r.meanLatencyMs(),
                    r.medianLatencyMs(),
                    r.meanEpcMiB(),
                    r.peakEpcMiB()));
        }
        return file;
    }
}

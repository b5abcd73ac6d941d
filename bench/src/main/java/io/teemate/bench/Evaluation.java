package io.teemate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teemate.host.container.Mode;
import io.teemate.host.container.Phase;
import io.teemate.sgx.cost.PlatformProfile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The paper's evaluation in one run ({@code teemate bench}): the container start-up and EPC experiment
 * ({@link ContainerStartup}), the serverless cold starts ({@link FaasColdStart}) and the database's BGSAVE fork
 * ({@link KvFork}), each conventional (an enclave per container) against shared (TeeMate), and the database's
 * persistence (kv-aof: the BGREWRITEAOF fork, and SET throughput with the append-only file against redis-server,
 * {@link KvThroughput}). Writes into one
 * directory every harness's CSVs and PNG plots, {@code results.json} (the machine, the configuration and every
 * measured number) and {@code report.md} (per experiment, ours beside the paper's reported figure, wall and modeled
 * kept apart, and whether the paper's figure is reached), all generated from the numbers of this run.
 */
public final class Evaluation {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The experiments, in the order they run. */
    public enum Experiment {
        CONTAINERS,
        FAAS,
        KV,
        /** The persistence benchmark of issue 13: BGREWRITEAOF's fork, SET throughput with appendfsync always/everysec. */
        KV_AOF,
        /** The paper's four serverless experiments (latency, memory, throughput, macro) on its JavaScript workloads. */
        SERVERLESS,
        /** Issue 16: the modeled clock beside every published hardware figure measured on --platform's family. */
        CALIBRATION;

        /** "containers", "faas", "kv" or "kv-aof" (any case), with a message naming the choices otherwise. */
        public static Experiment parse(String name) {
            for (Experiment e : values()) {
                if (e.key().equalsIgnoreCase(name.trim())) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown experiment '" + name
                    + "'; choose from containers, faas, kv, kv-aof, serverless, calibration");
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A figure the paper reports (TeeMate against one enclave per container): a range of ratios, or for the
     * database's memory a reduction (a fraction). {@code low} is the goal: a result at or above it reaches the paper.
     */
    public record PaperFigure(String what, double low, double high, boolean reduction) {
        String text() {
            return reduction
                    ? String.format(Locale.ROOT, "%.0f%% less", low * 100)
                    : String.format(Locale.ROOT, "%sx to %sx", trim(low), trim(high));
        }

        String verdict(double ours) {
            if (Double.isNaN(ours)) {
                return "not measured";
            }
            if (ours < low) {
                return "**not met**";
            }
            return !reduction && ours > high ? "met (above the range)" : "met";
        }
    }

    /**
     * The figures of TeeMate (arXiv 2411.11423) as the project's mission states them; the stored copies of the paper
     * here hold only its abstract ("at least 4.5 times lower latency and 2.8 times lower memory usage"), which agrees
     * with the lower bounds. These are the paper's numbers, not ours: nothing measured here is a constant.
     */
    public static final PaperFigure SERVERLESS_LATENCY =
            new PaperFigure("serverless cold-start latency, conventional / TeeMate", 4.54, 6.98, false);

    public static final PaperFigure SERVERLESS_MEMORY =
            new PaperFigure("serverless memory, conventional / TeeMate", 2.8, 5.0, false);
    public static final PaperFigure REDIS_FORK =
            new PaperFigure("Redis BGSAVE fork latency, Gramine / TeeMate", 277.6, 1046.6, false);
    public static final PaperFigure REDIS_MEMORY =
            new PaperFigure("Redis memory during the snapshot, TeeMate against Gramine", 0.41, 0.41, true);

    /**
     * What to run. {@code instances} serve the containers and the serverless experiments, {@code keys} the
     * database's; {@code reps} repetitions of each point (containers and serverless report medians, the database
     * every BGSAVE and their medians); {@code heap} the container and function enclaves' heap; {@code workloads} the
     * serverless workloads (empty: all); {@code kvHeap}/{@code kvEpcMiB} the database enclave's heap and the
     * machine's EPC; {@code nativeRedis} also forks a real redis-server; {@code root} the repository (examples/,
     * faas/workloads); {@code commandLine} how the run was asked for (recorded as is, may be empty).
     */
    public record Config(
            Set<Experiment> experiments,
            List<Integer> instances,
            List<Long> keys,
            int reps,
            boolean quick,
            String heap,
            List<String> workloads,
            String kvHeap,
            int kvEpcMiB,
            boolean nativeRedis,
            Path root,
            String commandLine,
            PlatformProfile platform) {
        public Config {
            java.util.Objects.requireNonNull(platform, "platform");
            if (experiments.isEmpty()) {
                throw new IllegalArgumentException(
                        "choose at least one experiment (containers, faas, kv, kv-aof, serverless, calibration)");
            }
            experiments = Set.copyOf(EnumSet.copyOf(experiments));
            instances = List.copyOf(instances);
            keys = List.copyOf(keys);
            workloads = List.copyOf(workloads);
            if (instances.isEmpty() || instances.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("--instances takes positive counts, got " + instances);
            }
            if (keys.isEmpty() || keys.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("--keys takes positive key counts, got " + keys);
            }
            if (reps < 1) {
                throw new IllegalArgumentException("--reps takes a positive number, got " + reps);
            }
            if (commandLine == null) {
                commandLine = "";
            }
        }

        /** The full evaluation: 1, 2, 4, 8, 16 instances, 10^4, 10^5, 10^6 keys, 3 repetitions, the harnesses' sizes. */
        public static Config full(Path root) {
            return new Config(
                    EnumSet.allOf(Experiment.class),
                    List.of(1, 2, 4, 8, 16),
                    List.of(10_000L, 100_000L, 1_000_000L),
                    3,
                    false,
                    "64M",
                    List.of(),
                    "1G",
                    2048,
                    KvFork.nativeRedisAvailable(),
                    root,
                    "",
                    PlatformProfile.DEFAULT);
        }

        /** A smoke run in seconds: 1 and 2 instances of small enclaves, one workload, 1,000 and 5,000 keys, once each. */
        public static Config quick(Path root) {
            return new Config(
                    EnumSet.allOf(Experiment.class),
                    List.of(1, 2),
                    List.of(1_000L, 5_000L),
                    1,
                    true,
                    "16M",
                    List.of("echo"),
                    "64M",
                    256,
                    false,
                    root,
                    "",
                    PlatformProfile.DEFAULT);
        }

        public Config withExperiments(Set<Experiment> e) {
            return new Config(
                    e,
                    instances,
                    keys,
                    reps,
                    quick,
                    heap,
                    workloads,
                    kvHeap,
                    kvEpcMiB,
                    nativeRedis,
                    root,
                    commandLine,
                    platform);
        }

        public Config withInstances(List<Integer> n) {
            return new Config(
                    experiments,
                    n,
                    keys,
                    reps,
                    quick,
                    heap,
                    workloads,
                    kvHeap,
                    kvEpcMiB,
                    nativeRedis,
                    root,
                    commandLine,
                    platform);
        }

        public Config withKeys(List<Long> k) {
            return new Config(
                    experiments,
                    instances,
                    k,
                    reps,
                    quick,
                    heap,
                    workloads,
                    kvHeap,
                    kvEpcMiB,
                    nativeRedis,
                    root,
                    commandLine,
                    platform);
        }

        public Config withReps(int r) {
            return new Config(
                    experiments,
                    instances,
                    keys,
                    r,
                    quick,
                    heap,
                    workloads,
                    kvHeap,
                    kvEpcMiB,
                    nativeRedis,
                    root,
                    commandLine,
                    platform);
        }

        public Config withHeap(String h) {
            return new Config(
                    experiments,
                    instances,
                    keys,
                    reps,
                    quick,
                    h,
                    workloads,
                    kvHeap,
                    kvEpcMiB,
                    nativeRedis,
                    root,
                    commandLine,
                    platform);
        }

        public Config withWorkloads(List<String> w) {
            return new Config(
                    experiments,
                    instances,
                    keys,
                    reps,
                    quick,
                    heap,
                    w,
                    kvHeap,
                    kvEpcMiB,
                    nativeRedis,
                    root,
                    commandLine,
                    platform);
        }

        public Config withKv(String heap, int epcMiB) {
            return new Config(
                    experiments,
                    instances,
                    keys,
                    reps,
                    quick,
                    this.heap,
                    workloads,
                    heap,
                    epcMiB,
                    nativeRedis,
                    root,
                    commandLine,
                    platform);
        }

        public Config withNativeRedis(boolean n) {
            return new Config(
                    experiments,
                    instances,
                    keys,
                    reps,
                    quick,
                    heap,
                    workloads,
                    kvHeap,
                    kvEpcMiB,
                    n,
                    root,
                    commandLine,
                    platform);
        }

        public Config withCommandLine(String c) {
            return new Config(
                    experiments,
                    instances,
                    keys,
                    reps,
                    quick,
                    heap,
                    workloads,
                    kvHeap,
                    kvEpcMiB,
                    nativeRedis,
                    root,
                    c,
                    platform);
        }

        /** The same run with modeled time priced as {@code platform} would ({@code --platform}). */
        public Config withPlatform(PlatformProfile platform) {
            return new Config(
                    experiments,
                    instances,
                    keys,
                    reps,
                    quick,
                    heap,
                    workloads,
                    kvHeap,
                    kvEpcMiB,
                    nativeRedis,
                    root,
                    commandLine,
                    platform);
        }
    }

    /** What a run wrote: its directory, results.json, report.md, every file, and the JSON document itself. */
    public record Outcome(Path dir, Path resultsJson, Path report, List<Path> files, JsonNode results) {}

    private Evaluation() {}

    /** Runs the chosen experiments into {@code out} (created if need be) and writes results.json and report.md. */
    public static Outcome run(Config config, Path out, Progress progress) throws Exception {
        Files.createDirectories(out);
        Instant started = Instant.now();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("tool", "teemate bench");
        doc.put("started", started.toString());
        doc.set("machine", machine(config.root()));
        doc.set("config", configJson(config, out));
        doc.set("paper", paperJson());
        List<Path> files = new ArrayList<>();
        StringBuilder sections = new StringBuilder();
        List<String[]> summary = new ArrayList<>();
        for (Experiment e : EnumSet.copyOf(config.experiments())) {
            long t0 = System.nanoTime();
            progress.step("== %s ==", e.key());
            Progress p = progress.prefixed("[" + e.key() + "] ");
            ObjectNode node = switch (e) {
                case CONTAINERS -> containers(config, out, p, files, sections, summary);
                case FAAS -> faas(config, out, p, files, sections, summary);
                case KV -> kv(config, out, p, files, sections, summary);
                case KV_AOF -> kvAof(config, out, p, files, sections, summary);
                case SERVERLESS -> serverless(config, out, p, files, sections);
                case CALIBRATION -> calibration(config, out, p, files, sections);
            };
            double seconds = (System.nanoTime() - t0) / 1e9;
            node.put("duration_seconds", Math.round(seconds * 10) / 10.0);
            doc.set(e.key(), node);
            progress.step("== %s done in %.0f s ==", e.key(), seconds);
        }
        Instant finished = Instant.now();
        doc.put("finished", finished.toString());
        doc.put("duration_seconds", Duration.between(started, finished).toMillis() / 1000.0);
        Path json = out.resolve("results.json");
        Files.writeString(json, JSON.writeValueAsString(clean(doc)));
        Path report = out.resolve("report.md");
        Files.writeString(report, namePlatform(report(doc, config, summary, sections), config.platform()));
        files.add(json);
        files.add(report);
        progress.step("wrote %s and %s", json, report);
        return new Outcome(out, json, report, List.copyOf(files), doc);
    }

    // ---------------------------------------------------------------- the experiments

    private static ObjectNode containers(
            Config c, Path out, Progress p, List<Path> files, StringBuilder md, List<String[]> summary)
            throws IOException {
        ContainerStartup.Result r = ContainerStartup.run(
                new ContainerStartup.Config(
                        c.instances(), c.heap(), c.reps(), c.root().resolve("examples/images/hello"), c.platform()),
                out,
                p);
        files.addAll(r.files());
        ObjectNode node = JSON.createObjectNode();
        node.set("rows", JSON.valueToTree(r.rows()));
        ArrayNode cmp = node.putArray("comparison");
        Table wall = new Table("N", "conventional ms", "shared ms", "conventional / shared", "paper", "goal");
        Table modeled = new Table("N", "conventional ms", "shared ms", "conventional / shared", "paper", "goal");
        Table later = new Table(
                "N",
                "conventional, wall ms",
                "shared, wall ms",
                "ratio, wall",
                "conventional, modeled ms",
                "shared, modeled ms",
                "ratio, modeled");
        Table memory = new Table("N", "conventional MiB", "shared MiB", "conventional / shared", "paper", "goal");
        for (int n : c.instances()) {
            ContainerStartup.Row conv = pick(r.rows(), x -> x.containers() == n && x.mode() == Mode.CONVENTIONAL);
            ContainerStartup.Row sh = pick(r.rows(), x -> x.containers() == n && x.mode() == Mode.SHARED);
            ObjectNode o = cmp.addObject();
            o.put("instances", n);
            double rw = conv.meanWallMs() / sh.meanWallMs();
            double rm = conv.meanModeledMs() / sh.meanModeledMs();
            double rl = conv.laterWallMs() / sh.laterWallMs();
            double rlm = conv.laterModeledMs() / sh.laterModeledMs();
            double rmem = (double) conv.epcPages() / sh.epcPages();
            o.put("latency_ratio_wall", rw);
            o.put("latency_ratio_modeled", rm);
            o.put("joining_latency_ratio_wall", rl);
            o.put("joining_latency_ratio_modeled", rlm);
            o.put("memory_ratio", rmem);
            o.put("latency_goal_wall", SERVERLESS_LATENCY.verdict(rw));
            o.put("latency_goal_modeled", SERVERLESS_LATENCY.verdict(rm));
            o.put("memory_goal", SERVERLESS_MEMORY.verdict(rmem));
            wall.row(
                    n,
                    ms(conv.meanWallMs()),
                    ms(sh.meanWallMs()),
                    x(rw),
                    SERVERLESS_LATENCY.text(),
                    SERVERLESS_LATENCY.verdict(rw));
            modeled.row(
                    n,
                    ms(conv.meanModeledMs()),
                    ms(sh.meanModeledMs()),
                    x(rm),
                    SERVERLESS_LATENCY.text(),
                    SERVERLESS_LATENCY.verdict(rm));
            if (n > 1) {
                later.row(
                        n,
                        ms(conv.laterWallMs()),
                        ms(sh.laterWallMs()),
                        x(rl),
                        ms(conv.laterModeledMs()),
                        ms(sh.laterModeledMs()),
                        x(rlm));
            }
            memory.row(
                    n,
                    mib(conv.epcMiB()),
                    mib(sh.epcMiB()),
                    x(rmem),
                    SERVERLESS_MEMORY.text(),
                    SERVERLESS_MEMORY.verdict(rmem));
        }
        int most = c.instances().stream().mapToInt(Integer::intValue).max().orElseThrow();
        ContainerStartup.Row conv = pick(r.rows(), x -> x.containers() == most && x.mode() == Mode.CONVENTIONAL);
        ContainerStartup.Row sh = pick(r.rows(), x -> x.containers() == most && x.mode() == Mode.SHARED);
        Table phases = new Table(
                "phase", "conventional, wall ms", "shared, wall ms", "conventional, modeled ms", "shared, modeled ms");
        for (Phase ph : Phase.values()) {
            phases.row(
                    ContainerStartup.phaseName(ph),
                    ms(conv.phaseWallMs()[ph.ordinal()]),
                    ms(sh.phaseWallMs()[ph.ordinal()]),
                    ms(conv.phaseModeledMs()[ph.ordinal()]),
                    ms(sh.phaseModeledMs()[ph.ordinal()]));
        }
        summary.add(new String[] {
            "containers",
            "mean start-up of " + most + ", conventional / shared",
            x(conv.meanWallMs() / sh.meanWallMs()),
            x(conv.meanModeledMs() / sh.meanModeledMs()),
            SERVERLESS_LATENCY.text(),
            SERVERLESS_LATENCY.verdict(conv.meanWallMs() / sh.meanWallMs()) + " (wall), "
                    + SERVERLESS_LATENCY.verdict(conv.meanModeledMs() / sh.meanModeledMs()) + " (modeled)"
        });
        if (most > 1) {
            double jw = conv.laterWallMs() / sh.laterWallMs();
            double jm = conv.laterModeledMs() / sh.laterModeledMs();
            summary.add(new String[] {
                "containers",
                "start-up of a container joining while others run (the " + (most - 1)
                        + " after the first), conventional / shared",
                x(jw),
                x(jm),
                SERVERLESS_LATENCY.text(),
                SERVERLESS_LATENCY.verdict(jw) + " (wall), " + SERVERLESS_LATENCY.verdict(jm) + " (modeled)"
            });
        }
        double memRatio = (double) conv.epcPages() / sh.epcPages();
        summary.add(new String[] {
            "containers",
            "EPC with " + most + " up, conventional / shared",
            x(memRatio),
            "n/a (memory)",
            SERVERLESS_MEMORY.text(),
            SERVERLESS_MEMORY.verdict(memRatio)
        });

        md.append("## Containers: start-up and EPC memory\n\n");
        md.append(String.format(
                Locale.ROOT,
                "`ContainerStartup` (docs/containers.md): containers of `examples/images/hello` (enclave heap %s) "
                        + "started one after another on a fresh emulated machine per (mode, N); start-up is the sum of four phases; "
                        + "EPC is all enclaves' pages with the N up. %s. The paper reports no container-only figure: its serverless "
                        + "figures are the reference.%n%n",
                c.heap(),
                medianNote(c.reps())));
        md.append("### Mean start-up of the N containers, wall\n\n")
                .append(wall)
                .append('\n');
        md.append("### Mean start-up of the N containers, modeled\n\n")
                .append(modeled)
                .append('\n');
        if (most > 1) {
            md.append("### A container that joins while the others run (the containers after the first)\n\n")
                    .append(later)
                    .append('\n');
        }
        md.append("### EPC memory with the N containers up\n\n").append(memory).append('\n');
        md.append(String.format(Locale.ROOT, "### Phases, mean of %d containers%n%n", most))
                .append(phases)
                .append('\n');
        md.append(
                        "![containers by phase, wall](containers-phases-wall.png) ![containers by phase, modeled](containers-phases-modeled.png)\n")
                .append("![EPC against N](containers-epc.png) ![start-up against N](containers-latency.png)\n\n");
        return node;
    }

    /**
     * The serverless experiments on the JavaScript workloads, in every serving model: latency with --reps
     * invocations of each workload (the paper: 25), memory and throughput at each --instances count (the paper: 1 to
     * 64, and up to the TCS table's 128), the macro benchmark for 60 s (--quick: 5 s; the paper: 600 s).
     */
    private static ObjectNode serverless(Config c, Path out, Progress p, List<Path> files, StringBuilder md)
            throws Exception {
        ServerlessExperiments.Config sc = new ServerlessExperiments.Config(
                c.quick() ? List.of("auth") : List.of(),
                c.reps(),
                c.instances(),
                c.instances(),
                c.quick() ? 5 : 60,
                1.0,
                1,
                c.root().resolve("faas/workloads/js"),
                256,
                c.platform());
        // the uploader of the macro benchmark stores into TeeMate's own database, served here as `teemate serve
        // --kv-port` serves it, in the shared mode
        Path kvDir = Files.createTempDirectory("teemate-serverless-kv");
        ServerlessExperiments.Result r;
        List<ServerlessExperiments.Model> models;
        try (io.teemate.kv.host.KvDatabase db =
                        io.teemate.kv.host.KvDatabase.open(io.teemate.kv.host.KvOptions.defaults(kvDir)
                                .withHeap("256M")
                                .withEpcMiB(512)
                                .withPlatform(c.platform()));
                io.teemate.kv.host.KvServer server = io.teemate.kv.host.KvServer.start(db, 0)) {
            models = ServerlessModels.all("127.0.0.1:" + server.port(), c.platform());
            r = ServerlessExperiments.run(
                    sc, models, EnumSet.allOf(ServerlessExperiments.Part.class), 64 << 10, out, p);
        } finally {
            TempDirs.delete(kvDir);
        }
        files.addAll(r.files());
        md.append(ServerlessExperiments.report(
                r, models.stream().map(ServerlessExperiments.Model::name).toList(), sc));
        int engineReps = c.quick() ? 2 : 10;
        JsEngineBenchmark.Result engine = JsEngineBenchmark.run(
                c.root().resolve("faas/workloads/js"),
                c.quick() ? List.of("crypto-md5") : JsEngineBenchmark.KERNELS,
                engineReps,
                out,
                p);
        files.addAll(engine.files());
        md.append(JsEngineBenchmark.report(engine, engineReps));
        ObjectNode node = JSON.createObjectNode();
        node.set("latency", JSON.valueToTree(r.latency()));
        node.set("memory", JSON.valueToTree(r.memory()));
        node.set("throughput", JSON.valueToTree(r.throughput()));
        node.set("macro", JSON.valueToTree(r.macro()));
        node.set("engine", JSON.valueToTree(engine.rows()));
        return node;
    }

    /**
     * The calibration table (docs/calibration.md): the rows measured on the platform's family, each run on the part it
     * was measured on; enclave builds up to 1 GiB (--quick: 100 MiB; the 10 GiB ones through Calibration's main).
     */
    private static ObjectNode calibration(Config c, Path out, Progress p, List<Path> files, StringBuilder md)
            throws IOException {
        Calibration.Result r =
                Calibration.run(c.platform().family(), c.quick() ? 100L << 20 : Calibration.DEFAULT_MAX_HEAP, out, p);
        files.add(r.csv());
        md.append(Calibration.report(r));
        ObjectNode node = JSON.createObjectNode();
        node.set(
                "rows",
                JSON.valueToTree(r.rows().stream()
                        .map(row -> java.util.Map.of(
                                "operation", row.operation(),
                                "platform", row.platform().id(),
                                "hardware", row.hardware(),
                                "unit", row.unit(),
                                "modeled", row.modeled(),
                                "ratio", row.ratio(),
                                "source", row.source()))
                        .toList()));
        return node;
    }

    private static ObjectNode faas(
            Config c, Path out, Progress p, List<Path> files, StringBuilder md, List<String[]> summary)
            throws Exception {
        FaasColdStart.Result r = FaasColdStart.run(
                new FaasColdStart.Config(
                        c.workloads(),
                        c.instances(),
                        c.heap(),
                        false,
                        c.reps(),
                        c.root().resolve("faas/workloads"),
                        Serving.DEFAULT,
                        c.platform()),
                out,
                p);
        files.addAll(r.files());
        List<String> names =
                r.rows().stream().map(FaasColdStart.Row::workload).distinct().toList();
        ObjectNode node = JSON.createObjectNode();
        node.set("rows", JSON.valueToTree(r.rows()));
        ArrayNode cmp = node.putArray("comparison");
        Table wall = new Table(
                "N", "conventional ms", "shared ms", "conventional / shared", "per workload", "paper", "goal");
        Table modeled = new Table(
                "N", "conventional ms", "shared ms", "conventional / shared", "per workload", "paper", "goal");
        Table memory = new Table("N", "conventional MiB", "shared MiB", "conventional / shared", "paper", "goal");
        for (int n : c.instances()) {
            List<FaasColdStart.Row> conv = r.rows().stream()
                    .filter(x -> x.instances() == n && x.mode() == Mode.CONVENTIONAL)
                    .toList();
            List<FaasColdStart.Row> sh = r.rows().stream()
                    .filter(x -> x.instances() == n && x.mode() == Mode.SHARED)
                    .toList();
            double cw = Stats.mean(conv.stream().mapToDouble(FaasColdStart.Row::meanWallMs));
            double sw = Stats.mean(sh.stream().mapToDouble(FaasColdStart.Row::meanWallMs));
            double cm = Stats.mean(conv.stream().mapToDouble(FaasColdStart.Row::meanModeledMs));
            double sm = Stats.mean(sh.stream().mapToDouble(FaasColdStart.Row::meanModeledMs));
            double ce = Stats.mean(conv.stream().mapToDouble(FaasColdStart.Row::epcMiB));
            double se = Stats.mean(sh.stream().mapToDouble(FaasColdStart.Row::epcMiB));
            double[] perWall = new double[names.size()];
            double[] perModeled = new double[names.size()];
            for (int i = 0; i < names.size(); i++) {
                String w = names.get(i);
                FaasColdStart.Row a = pick(conv, x -> x.workload().equals(w));
                FaasColdStart.Row b = pick(sh, x -> x.workload().equals(w));
                perWall[i] = a.meanWallMs() / b.meanWallMs();
                perModeled[i] = a.meanModeledMs() / b.meanModeledMs();
            }
            ObjectNode o = cmp.addObject();
            o.put("instances", n);
            o.put("conventional_wall_ms", cw);
            o.put("shared_wall_ms", sw);
            o.put("conventional_modeled_ms", cm);
            o.put("shared_modeled_ms", sm);
            o.put("latency_ratio_wall", cw / sw);
            o.put("latency_ratio_modeled", cm / sm);
            o.put(
                    "latency_ratio_wall_min_over_workloads",
                    Arrays.stream(perWall).min().orElse(Double.NaN));
            o.put(
                    "latency_ratio_wall_max_over_workloads",
                    Arrays.stream(perWall).max().orElse(Double.NaN));
            o.put("conventional_epc_mib", ce);
            o.put("shared_epc_mib", se);
            o.put("memory_ratio", ce / se);
            o.put("latency_goal_wall", SERVERLESS_LATENCY.verdict(cw / sw));
            o.put("latency_goal_modeled", SERVERLESS_LATENCY.verdict(cm / sm));
            o.put("memory_goal", SERVERLESS_MEMORY.verdict(ce / se));
            wall.row(
                    n,
                    ms(cw),
                    ms(sw),
                    x(cw / sw),
                    range(perWall),
                    SERVERLESS_LATENCY.text(),
                    SERVERLESS_LATENCY.verdict(cw / sw));
            modeled.row(
                    n,
                    ms(cm),
                    ms(sm),
                    x(cm / sm),
                    range(perModeled),
                    SERVERLESS_LATENCY.text(),
                    SERVERLESS_LATENCY.verdict(cm / sm));
            memory.row(n, mib(ce), mib(se), x(ce / se), SERVERLESS_MEMORY.text(), SERVERLESS_MEMORY.verdict(ce / se));
            if (n == c.instances().stream().mapToInt(Integer::intValue).max().orElseThrow()) {
                summary.add(new String[] {
                    "serverless",
                    "mean cold start of " + n + " concurrent, conventional / shared",
                    x(cw / sw),
                    x(cm / sm),
                    SERVERLESS_LATENCY.text(),
                    SERVERLESS_LATENCY.verdict(cw / sw) + " (wall), " + SERVERLESS_LATENCY.verdict(cm / sm)
                            + " (modeled)"
                });
                summary.add(new String[] {
                    "serverless",
                    "EPC with " + n + " up, conventional / shared",
                    x(ce / se),
                    "n/a (memory)",
                    SERVERLESS_MEMORY.text(),
                    SERVERLESS_MEMORY.verdict(ce / se)
                });
            }
        }
        int most = c.instances().stream().mapToInt(Integer::intValue).max().orElseThrow();
        Table phases = new Table(
                "phase", "conventional, wall ms", "shared, wall ms", "conventional, modeled ms", "shared, modeled ms");
        for (int i = 0; i < FaasColdStart.PHASE_NAMES.size(); i++) {
            int k = i;
            ToDoubleFunction<Mode> w = m -> Stats.mean(r.rows().stream()
                    .filter(x -> x.instances() == most && x.mode() == m)
                    .mapToDouble(x -> x.phaseWallMs()[k]));
            ToDoubleFunction<Mode> mo = m -> Stats.mean(r.rows().stream()
                    .filter(x -> x.instances() == most && x.mode() == m)
                    .mapToDouble(x -> x.phaseModeledMs()[k]));
            phases.row(
                    FaasColdStart.PHASE_NAMES.get(i),
                    ms(w.applyAsDouble(Mode.CONVENTIONAL)),
                    ms(w.applyAsDouble(Mode.SHARED)),
                    ms(mo.applyAsDouble(Mode.CONVENTIONAL)),
                    ms(mo.applyAsDouble(Mode.SHARED)));
        }
        md.append("## Confidential serverless: cold starts of N concurrent instances\n\n");
        md.append(String.format(
                Locale.ROOT,
                "`FaasColdStart` (docs/faas.md): Wasm workloads %s on Chicory inside the "
                        + "`faas-runtime` enclave (heap %s, SGX1); per (workload, mode, N) a fresh emulated machine, one deploy, then N "
                        + "invocations at once, each a cold start. Numbers are means over the workloads (%s); \"per workload\" is the "
                        + "range of the workloads' own ratios.%n%n",
                names,
                c.heap(),
                medianNote(c.reps()).toLowerCase(Locale.ROOT)));
        md.append("### Mean cold start, wall\n\n").append(wall).append('\n');
        md.append("### Mean cold start, modeled\n\n").append(modeled).append('\n');
        md.append("### EPC memory with the N instances up\n\n").append(memory).append('\n');
        md.append(String.format(
                        Locale.ROOT, "### Phases with %d concurrent instances, mean over the workloads%n%n", most))
                .append(phases)
                .append('\n');
        md.append(
                        "![cold start by phase, wall](faas-phases.png) ![cold start by phase, modeled](faas-phases-modeled.png)\n")
                .append("![EPC against N](faas-epc.png) ![cold start against N](faas-latency.png)\n\n");
        return node;
    }

    private static ObjectNode kv(
            Config c, Path out, Progress p, List<Path> files, StringBuilder md, List<String[]> summary)
            throws Exception {
        KvFork.Result r = KvFork.run(
                new KvFork.Config(c.keys(), c.reps(), c.kvHeap(), c.kvEpcMiB(), c.nativeRedis())
                        .withPlatform(c.platform()),
                out,
                p);
        files.addAll(r.files());
        ObjectNode node = JSON.createObjectNode();
        node.set("rows", JSON.valueToTree(r.rows()));
        ArrayNode cmp = node.putArray("comparison");
        Table wall = new Table(
                "keys",
                "shared (TeeMate) ms",
                "conventional (Gramine-like) ms",
                "conventional / shared",
                "native redis-server fork ms",
                "paper",
                "goal");
        Table modeled = new Table(
                "keys",
                "shared (TeeMate) ms",
                "conventional (Gramine-like) ms",
                "conventional / shared",
                "paper",
                "goal");
        Table memory = new Table(
                "keys",
                "shared EPC MiB",
                "conventional EPC MiB",
                "shared uses less by",
                "native RSS + copy-on-write MiB",
                "paper",
                "goal");
        long largest = c.keys().stream().mapToLong(Long::longValue).max().orElseThrow();
        for (long n : c.keys()) {
            double sw = r.median(n, "shared", KvFork.Row::forkWallMs);
            double cw = r.median(n, "conventional", KvFork.Row::forkWallMs);
            double nw = r.median(n, "native", KvFork.Row::forkWallMs);
            double sm = r.median(n, "shared", KvFork.Row::forkModeledMs);
            double cm = r.median(n, "conventional", KvFork.Row::forkModeledMs);
            double se = r.median(n, "shared", KvFork.Row::memDuringSnapshotMib);
            double ce = r.median(n, "conventional", KvFork.Row::memDuringSnapshotMib);
            double ne = r.median(n, "native", KvFork.Row::memDuringSnapshotMib);
            double less = 1 - se / ce;
            ObjectNode o = cmp.addObject();
            o.put("keys", n);
            o.put("shared_fork_wall_ms", sw);
            o.put("conventional_fork_wall_ms", cw);
            o.put("native_fork_wall_ms", nw);
            o.put("shared_fork_modeled_ms", sm);
            o.put("conventional_fork_modeled_ms", cm);
            o.put("fork_ratio_wall", cw / sw);
            o.put("fork_ratio_modeled", cm / sm);
            o.put("shared_memory_during_snapshot_mib", se);
            o.put("conventional_memory_during_snapshot_mib", ce);
            o.put("native_memory_during_snapshot_mib", ne);
            o.put("memory_reduction", less);
            o.put("fork_goal_wall", REDIS_FORK.verdict(cw / sw));
            o.put("fork_goal_modeled", REDIS_FORK.verdict(cm / sm));
            o.put("memory_goal", REDIS_MEMORY.verdict(less));
            wall.row(
                    String.format(Locale.ROOT, "%,d", n),
                    ms(sw),
                    ms(cw),
                    x(cw / sw),
                    Double.isNaN(nw) ? "not run" : ms(nw),
                    REDIS_FORK.text(),
                    REDIS_FORK.verdict(cw / sw));
            modeled.row(
                    String.format(Locale.ROOT, "%,d", n),
                    ms(sm),
                    ms(cm),
                    x(cm / sm),
                    REDIS_FORK.text(),
                    REDIS_FORK.verdict(cm / sm));
            memory.row(
                    String.format(Locale.ROOT, "%,d", n),
                    mib(se),
                    mib(ce),
                    pct(less),
                    Double.isNaN(ne) ? "not run" : mib(ne),
                    REDIS_MEMORY.text(),
                    REDIS_MEMORY.verdict(less));
            if (n == largest) {
                summary.add(new String[] {
                    "database",
                    String.format(Locale.ROOT, "BGSAVE fork with %,d keys, conventional / shared", n),
                    x(cw / sw),
                    x(cm / sm),
                    REDIS_FORK.text(),
                    REDIS_FORK.verdict(cw / sw) + " (wall), " + REDIS_FORK.verdict(cm / sm) + " (modeled)"
                });
                summary.add(new String[] {
                    "database",
                    String.format(
                            Locale.ROOT, "memory during the snapshot with %,d keys, shared against conventional", n),
                    pct(less) + " less",
                    "n/a (memory)",
                    REDIS_MEMORY.text(),
                    REDIS_MEMORY.verdict(less)
                });
            }
        }
        md.append("## Confidential database: the BGSAVE fork\n\n");
        md.append(String.format(
                Locale.ROOT,
                "`KvFork` (docs/kv.md): datasets of N keys (32-byte values) in the database "
                        + "enclave (heap %s, EDMM; EPC %d MiB); each BGSAVE is followed by writes while the child saves. Shared: the "
                        + "child is aliased into the enclave, copy-on-write; conventional: the child builds its own enclave and the "
                        + "parent's heap is copied in. %d BGSAVE(s) per (N, setup); the tables show medians. Native redis-server: %s.%n%n",
                c.kvHeap(),
                c.kvEpcMiB(),
                c.reps(),
                c.nativeRedis() ? "measured on this machine (its `latest_fork_usec`)" : "not run"));
        md.append("### The server's wait for the fork, wall\n\n").append(wall).append('\n');
        md.append("### The server's wait for the fork, modeled\n\n")
                .append(modeled)
                .append('\n');
        md.append("### Memory at the end of the snapshot (the peak of a BGSAVE)\n\n")
                .append(memory)
                .append('\n');
        md.append(
                "![fork latency against dataset size](kv-fork-latency.png) ![memory against dataset size](kv-fork-epc.png)\n\n");
        return node;
    }

    /**
     * Issue 13's persistence benchmark: the BGREWRITEAOF fork (KvFork with the AOF on) at the configured sizes, and
     * redis-benchmark SET with the AOF off, appendfsync always and everysec against the TeeMate server and (when
     * native Redis runs) redis-server with the same settings. Quick runs send 2,000 requests from 10 clients, -P 1.
     */
    private static ObjectNode kvAof(
            Config c, Path out, Progress p, List<Path> files, StringBuilder md, List<String[]> summary)
            throws Exception {
        KvFork.Result r = KvFork.run(
                new KvFork.Config(
                        c.keys(),
                        c.reps(),
                        c.kvHeap(),
                        c.kvEpcMiB(),
                        c.nativeRedis(),
                        List.of(KvFork.Op.BGREWRITEAOF),
                        c.platform()),
                out,
                p);
        files.addAll(r.files());
        KvFork.Op op = KvFork.Op.BGREWRITEAOF;
        ObjectNode node = JSON.createObjectNode();
        node.set("rewrite_rows", JSON.valueToTree(r.rows()));
        ArrayNode cmp = node.putArray("rewrite_comparison");
        Table fork = new Table(
                "keys",
                "shared (TeeMate) wall / modeled ms",
                "conventional (Gramine-like) wall / modeled ms",
                "conventional / shared, wall / modeled",
                "native redis-server fork ms");
        Table memory = new Table(
                "keys",
                "shared EPC MiB",
                "conventional EPC MiB",
                "shared uses less by",
                "native RSS + copy-on-write MiB",
                "rewrite wall ms, shared / conventional / native",
                "AOF base MB, emulated / native");
        long largest = c.keys().stream().mapToLong(Long::longValue).max().orElseThrow();
        for (long n : c.keys()) {
            double sw = r.median(op, n, "shared", KvFork.Row::forkWallMs);
            double cw = r.median(op, n, "conventional", KvFork.Row::forkWallMs);
            double nw = r.median(op, n, "native", KvFork.Row::forkWallMs);
            double sm = r.median(op, n, "shared", KvFork.Row::forkModeledMs);
            double cm = r.median(op, n, "conventional", KvFork.Row::forkModeledMs);
            double se = r.median(op, n, "shared", KvFork.Row::memDuringSnapshotMib);
            double ce = r.median(op, n, "conventional", KvFork.Row::memDuringSnapshotMib);
            double ne = r.median(op, n, "native", KvFork.Row::memDuringSnapshotMib);
            double sr = r.median(op, n, "shared", KvFork.Row::saveWallMs);
            double cr = r.median(op, n, "conventional", KvFork.Row::saveWallMs);
            double nr = r.median(op, n, "native", KvFork.Row::saveWallMs);
            double sb = r.median(op, n, "shared", row -> row.snapshotBytes());
            double nb = r.median(op, n, "native", row -> row.snapshotBytes());
            double less = 1 - se / ce;
            ObjectNode o = cmp.addObject();
            o.put("keys", n);
            o.put("shared_fork_wall_ms", sw);
            o.put("conventional_fork_wall_ms", cw);
            o.put("native_fork_wall_ms", nw);
            o.put("shared_fork_modeled_ms", sm);
            o.put("conventional_fork_modeled_ms", cm);
            o.put("fork_ratio_wall", cw / sw);
            o.put("fork_ratio_modeled", cm / sm);
            o.put("shared_memory_during_rewrite_mib", se);
            o.put("conventional_memory_during_rewrite_mib", ce);
            o.put("native_memory_during_rewrite_mib", ne);
            o.put("memory_reduction", less);
            o.put("shared_rewrite_wall_ms", sr);
            o.put("conventional_rewrite_wall_ms", cr);
            o.put("native_rewrite_wall_ms", nr);
            o.put("emulated_aof_base_bytes", sb);
            o.put("native_aof_base_bytes", nb);
            fork.row(
                    String.format(Locale.ROOT, "%,d", n),
                    ms(sw) + " / " + ms(sm),
                    ms(cw) + " / " + ms(cm),
                    x(cw / sw) + " / " + x(cm / sm),
                    Double.isNaN(nw) ? "not run" : ms(nw));
            memory.row(
                    String.format(Locale.ROOT, "%,d", n),
                    mib(se),
                    mib(ce),
                    pct(less),
                    Double.isNaN(ne) ? "not run" : mib(ne),
                    ms(sr) + " / " + ms(cr) + " / " + (Double.isNaN(nr) ? "-" : ms(nr)),
                    String.format(
                            Locale.ROOT,
                            "%.2f / %s",
                            sb / 1e6,
                            Double.isNaN(nb) ? "-" : String.format(Locale.ROOT, "%.2f", nb / 1e6)));
            if (n == largest) {
                summary.add(new String[] {
                    "database (AOF)",
                    String.format(Locale.ROOT, "BGREWRITEAOF fork with %,d keys, conventional / shared", n),
                    x(cw / sw),
                    x(cm / sm),
                    "not in the paper",
                    "n/a"
                });
            }
        }
        md.append("## Confidential database: persistence (BGREWRITEAOF, the append-only file)\n\n");
        md.append(String.format(
                Locale.ROOT,
                "`KvFork --ops bgrewriteaof` (docs/kv.md): datasets of N keys (32-byte values) in the database enclave "
                        + "(heap %s, EDMM; EPC %d MiB) with the AOF on (appendfsync everysec); each BGREWRITEAOF is "
                        + "followed by writes while the child writes the new base. %s per (N, setup). EPC is the "
                        + "largest sampled while the child ran. Native redis-server (`--appendonly yes "
                        + "--auto-aof-rewrite-percentage 0`): %s.%n%n",
                c.kvHeap(),
                c.kvEpcMiB(),
                medianNote(c.reps()),
                c.nativeRedis()
                        ? "measured on this machine (`latest_fork_usec`, RSS + `aof_last_cow_size`)"
                        : "not run"));
        md.append("### The server's wait for the rewrite's fork\n\n")
                .append(fork)
                .append('\n');
        md.append("### Memory while the child rewrites, the rewrite, the new base\n\n")
                .append(memory)
                .append('\n');
        md.append(
                "![rewrite fork latency](kv-rewrite-latency.png) ![memory during the rewrite](kv-rewrite-epc.png)\n\n");

        if (!KvThroughput.available()) {
            md.append("SET throughput with the AOF: not run (redis-benchmark was not found).\n\n");
            node.putNull("throughput_runs");
            return node;
        }
        List<String> aof = List.of("off", "always", "everysec");
        List<Integer> pipelines = c.quick() ? List.of(1) : List.of(1, 16);
        KvThroughput.Config tc = new KvThroughput.Config(
                c.reps(),
                c.quick() ? 2_000 : 100_000,
                c.quick() ? 10 : 50,
                pipelines,
                List.of("SET"),
                aof,
                c.nativeRedis());
        KvThroughput.Result t = KvThroughput.run(tc, out, p);
        files.add(t.csv());
        node.set("throughput_runs", JSON.valueToTree(t.runs()));
        ArrayNode tcmp = node.putArray("throughput_comparison");
        Table tt = new Table(
                        "appendfsync", "-P", "TeeMate (shared) SET/s", "native redis-server SET/s", "TeeMate / native")
                .text(1);
        for (String a : aof) {
            for (int pd : pipelines) {
                double tm = t.medianRps("teemate", a, pd, "SET");
                double nv = t.medianRps("native", a, pd, "SET");
                ObjectNode o = tcmp.addObject();
                o.put("aof", a);
                o.put("pipeline", pd);
                o.put("teemate_set_rps", tm);
                o.put("native_set_rps", nv);
                o.put("ratio", tm / nv);
                tt.row(
                        a.equals("off") ? "off (no AOF)" : a,
                        pd,
                        String.format(Locale.ROOT, "%,.0f", tm),
                        Double.isNaN(nv) ? "not run" : String.format(Locale.ROOT, "%,.0f", nv),
                        Double.isNaN(nv) ? "-" : pct(tm / nv));
            }
        }
        md.append("### SET throughput with the append-only file\n\n");
        md.append(String.format(
                Locale.ROOT,
                "`redis-benchmark -t set -n %d -c %d -P p --csv`, %s; each AOF setting on a fresh TeeMate database "
                        + "and a fresh `redis-server --appendonly yes --appendfsync <setting> --save \"\"` "
                        + "(wall: requests/s as redis-benchmark measures them).%n%n",
                tc.requests(),
                tc.clients(),
                medianNote(c.reps()).toLowerCase(Locale.ROOT)));
        md.append(tt).append('\n');
        return node;
    }

    // ---------------------------------------------------------------- results.json

    /** The machine the numbers come from: CPU, cores, memory, OS, JDK, and the repository's commit if git knows it. */
    static ObjectNode machine(Path root) {
        ObjectNode m = JSON.createObjectNode();
        m.put("cpu_model", procField("/proc/cpuinfo", "model name"));
        m.put("logical_cpus", Runtime.getRuntime().availableProcessors());
        String memTotal = procField("/proc/meminfo", "MemTotal");
        if (memTotal != null && memTotal.endsWith(" kB")) {
            m.put("memory_bytes", Long.parseLong(memTotal.replace(" kB", "").trim()) * 1024);
        } else {
            m.putNull("memory_bytes");
        }
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("jvm_max_heap_bytes", Runtime.getRuntime().maxMemory());
        m.set(
                "jvm_arguments",
                JSON.valueToTree(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        String commit = git(root, "rev-parse", "HEAD");
        m.put("git_commit", commit);
        if (commit != null) {
            String status = git(root, "status", "--porcelain", "--untracked-files=no");
            m.put("git_dirty", status != null && !status.isBlank());
        }
        return m;
    }

    private static ObjectNode configJson(Config c, Path out) {
        ObjectNode o = JSON.createObjectNode();
        o.put("command_line", c.commandLine());
        ArrayNode e = o.putArray("experiments");
        EnumSet.copyOf(c.experiments()).forEach(x -> e.add(x.key()));
        o.set("instances", JSON.valueToTree(c.instances()));
        o.set("keys", JSON.valueToTree(c.keys()));
        o.put("reps", c.reps());
        o.put("quick", c.quick());
        o.put("heap", c.heap());
        o.set("workloads", JSON.valueToTree(c.workloads()));
        o.put("kv_heap", c.kvHeap());
        o.put("kv_epc_mib", c.kvEpcMiB());
        o.put("native_redis", c.nativeRedis());
        o.put("platform", c.platform().id());
        o.put("platform_description", c.platform().description());
        o.put("root", c.root().toAbsolutePath().normalize().toString());
        o.put("out", out.toString());
        return o;
    }

    private static ObjectNode paperJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put(
                "source",
                "TeeMate, arXiv 2411.11423 (Lee, Hur, Lee, Lee); the abstract states at least 4.5x lower latency "
                        + "and 2.8x lower memory; the ranges are the project's mission's figures (docs/paper-comparison.md)");
        for (PaperFigure f : List.of(SERVERLESS_LATENCY, SERVERLESS_MEMORY, REDIS_FORK, REDIS_MEMORY)) {
            o.set(
                    f == SERVERLESS_LATENCY
                            ? "serverless_latency_ratio"
                            : f == SERVERLESS_MEMORY
                                    ? "serverless_memory_ratio"
                                    : f == REDIS_FORK ? "redis_fork_ratio" : "redis_memory_reduction",
                    JSON.valueToTree(f));
        }
        return o;
    }

    private static String procField(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(field)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String git(Path root, String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** NaN and infinities (a setup not run, a ratio over nothing) become null: JSON has no NaN. */
    private static JsonNode clean(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(clean(e.getValue()));
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, clean(a.get(i)));
            }
        } else if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
            return NullNode.getInstance();
        }
        return n;
    }

    // ---------------------------------------------------------------- report.md

    /**
     * {@code md} with the platform named on every modeled heading and column: a Markdown heading or a table's header
     * row that says "modeled" (and not already which part) gets " (PLATFORM)" after the word, so no modeled figure in
     * the report is read without the part whose clock priced it. Wall time is left as it is.
     */
    static String namePlatform(String md, PlatformProfile platform) {
        String[] lines = md.split("\n", -1);
        String tag = "modeled (" + platform.id() + ")";
        for (int i = 0; i < lines.length; i++) {
            boolean heading = lines[i].startsWith("#");
            boolean tableHeader =
                    lines[i].startsWith("|") && i + 1 < lines.length && lines[i + 1].matches("\\|[ :|-]+\\|?\\s*");
            if (heading || tableHeader) {
                lines[i] = lines[i].replaceAll("\\bmodeled\\b(?! \\()", java.util.regex.Matcher.quoteReplacement(tag));
            }
        }
        return String.join("\n", lines);
    }

    private static String report(ObjectNode doc, Config c, List<String[]> summary, CharSequence sections) {
        JsonNode m = doc.get("machine");
        StringBuilder md = new StringBuilder("# TeeMate against the paper: evaluation report\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Generated by `teemate bench` from the numbers of this run (%s to %s, %.0f s). " + "Command: `%s`.%n%n",
                doc.get("started").asText(),
                doc.get("finished").asText(),
                doc.get("duration_seconds").asDouble(),
                c.commandLine().isEmpty() ? "(from code)" : c.commandLine()));
        md.append(String.format(
                Locale.ROOT,
                "Machine: %s, %d logical CPUs, %s memory; %s; %s. Commit %s%s.%n%n",
                m.path("cpu_model").asText("unknown CPU"),
                m.path("logical_cpus").asInt(),
                m.path("memory_bytes").isNumber()
                        ? String.format(
                                Locale.ROOT, "%.1f GiB", m.get("memory_bytes").asDouble() / (1L << 30))
                        : "unknown",
                m.path("os").asText(),
                m.path("jdk").asText(),
                m.path("git_commit").asText("unknown"),
                m.path("git_dirty").asBoolean(false) ? " (with uncommitted changes)" : ""));
        md.append(String.format(
                Locale.ROOT,
                "**Wall** is this JVM's elapsed time for the emulation on this machine; **modeled** is the work the "
                        + "emulator counted (the SGX leaves and the system costs around them) priced as %s (%s) would do "
                        + "it, by docs/cost-model.md (`--platform`). ",
                c.platform().id(),
                c.platform().description()));
        md.append(
                "They are never mixed. The paper's figures are its reported results on real SGX hardware with Node.js "
                        + "functions and Redis (arXiv 2411.11423); the goal is reached when ours is at or above the paper's lower "
                        + "bound. Every number below comes from results.json of this run.\n\n");
        md.append("## Summary, at the largest size run\n\n");
        Table t = new Table("experiment", "measure", "ours, wall", "ours, modeled", "paper", "goal").text(2);
        for (String[] row : summary) {
            t.row((Object[]) row);
        }
        md.append(t).append('\n');
        md.append(sections);
        md.append(
                "Files: the harnesses' CSVs (every point), results.json (machine, config, every row and comparison), the "
                        + "PNG plots above. What the emulator can and cannot show beside the paper: docs/paper-comparison.md.\n");
        return md.toString();
    }

    /** A Markdown table, numbers right-aligned. */
    static final class Table {
        private final String[] header;
        private final List<String[]> rows = new ArrayList<>();
        private int textColumns = 1;

        Table(String... header) {
            this.header = header;
        }

        /** The first {@code n} columns hold text (left-aligned); the rest numbers. */
        Table text(int n) {
            textColumns = n;
            return this;
        }

        void row(Object... cells) {
            String[] s = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                s[i] = String.valueOf(cells[i]);
            }
            rows.add(s);
        }

        @Override
        public String toString() {
            StringBuilder b =
                    new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
            for (int i = 0; i < header.length; i++) {
                b.append(i < textColumns ? "---|" : "---:|");
            }
            b.append('\n');
            for (String[] r : rows) {
                b.append("| ").append(String.join(" | ", r)).append(" |\n");
            }
            return b.toString();
        }
    }

    private static <T> T pick(List<T> rows, java.util.function.Predicate<T> which) {
        return rows.stream()
                .filter(which)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("a result row is missing"));
    }

    private static String medianNote(int reps) {
        return reps > 1 ? "Each number is the median of " + reps + " repetitions" : "One repetition";
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%,.1f" : v >= 1 ? "%.2f" : v >= 0.01 ? "%.3f" : "%.5f", v);
    }

    static String mib(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.1f", v);
    }

    static String x(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%,.0fx" : v >= 10 ? "%.1fx" : "%.2fx", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String range(double[] ratios) {
        double lo = Arrays.stream(ratios).min().orElse(Double.NaN);
        double hi = Arrays.stream(ratios).max().orElse(Double.NaN);
        return ratios.length == 1 ? x(lo) : x(lo) + " to " + x(hi);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", v);
    }
}

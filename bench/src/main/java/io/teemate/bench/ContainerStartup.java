package io.teemate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teemate.abi.image.AttachKeys;
import io.teemate.host.Platform;
import io.teemate.host.container.Container;
import io.teemate.host.container.ContainerImage;
import io.teemate.host.container.ContainerManager;
import io.teemate.host.container.Mode;
import io.teemate.host.container.Phase;
import io.teemate.host.container.PhaseTimes;
import io.teemate.sgx.Machine;
import io.teemate.sgx.cost.PlatformProfile;
import io.teemate.sgx.sign.SigningKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The container issue's numbers: for 1, 2, 4, 8 and 16 containers of one image, the start-up latency (process,
 * enclave creation or aliasing, runtime init, first entry) and the total EPC memory, conventional against shared,
 * wall and modeled. Containers start one after another on a fresh machine per (mode, count).
 * Run: {@code java -cp bench/target/benchmarks.jar io.teemate.bench.ContainerStartup [--heap 64M] [counts...]}.
 * Writes results/containers.csv. From code: {@link #run(Config, Path, Progress)}.
 */
public final class ContainerStartup {
    /**
     * One (mode, N): mean start-up of all N containers and of those after the first, per phase (indexed by
     * {@link Phase#ordinal()}), wall and modeled ms, and the EPC pages of all enclaves with the N up. With several
     * repetitions each number is the median over them.
     */
    public record Row(
            Mode mode,
            int containers,
            double meanWallMs,
            double meanModeledMs,
            double laterWallMs,
            double laterModeledMs,
            double[] phaseWallMs,
            double[] phaseModeledMs,
            long epcPages) {
        public double epcMiB() {
            return epcPages * 4096.0 / (1 << 20);
        }
    }

    /**
     * What to run: the container counts, the enclave heap, how many times each (mode, N) is measured (the rows hold
     * the medians), and the example image to start (a directory with container.json and enclave.json).
     */
    public record Config(List<Integer> counts, String heap, int reps, Path image, PlatformProfile platform) {
        public Config {
            java.util.Objects.requireNonNull(platform, "platform");
            counts = List.copyOf(counts);
            if (counts.isEmpty() || counts.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException(
                        "container counts must be one or more positive numbers, got " + counts);
            }
            if (reps < 1) {
                throw new IllegalArgumentException("repetitions must be at least 1, got " + reps);
            }
        }

        /** Modeled time priced on the paper's machine ({@link PlatformProfile#DEFAULT}). */
        public Config(List<Integer> counts, String heap, int reps, Path image) {
            this(counts, heap, reps, image, PlatformProfile.DEFAULT);
        }

        /** The harness's defaults: 1, 2, 4, 8, 16 containers of examples/images/hello, 64 MiB heap, one repetition. */
        public static Config defaults() {
            return new Config(List.of(1, 2, 4, 8, 16), "64M", 1, Path.of("examples/images/hello"));
        }
    }

    /** The rows (conventional then shared for each N, in the order of the counts) and the files written. */
    public record Result(List<Row> rows, List<Path> files) {}

    public static void main(String[] args) throws IOException {
        Config config = Config.defaults();
        String heap = config.heap();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--heap")) {
                heap = args[++i];
            } else {
                counts.add(Integer.parseInt(args[i]));
            }
        }
        config = new Config(counts.isEmpty() ? config.counts() : counts, heap, 1, config.image());
        print(run(config, Path.of("results"), Progress.STDOUT).rows());
    }

    /**
     * Runs the experiment and writes {@code out}/containers.csv and its plots (containers-latency.png,
     * containers-epc.png, containers-phases-wall.png, containers-phases-modeled.png).
     */
    public static Result run(Config config, Path out, Progress progress) throws IOException {
        List<Integer> counts = config.counts();
        int most = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
        Path image = prepareImage(config.image(), config.heap(), most);
        try {
            return run(config, out, progress, image);
        } finally {
            TempDirs.delete(image); // the copy holds a private attach key
        }
    }

    private static Result run(Config config, Path out, Progress progress, Path image) throws IOException {
        List<Integer> counts = config.counts();
        SigningKey owner = SigningKey.generate();
        ContainerImage container = ContainerImage.load(image.resolve("container.json"), owner);
        long enclaveMiB = container.enclave().layout().layout().size() >> 20;
        progress.step(
                "image %s: enclave of %d MiB (%d pages added), heap %s, modeled on %s",
                container.name(),
                Math.max(1, enclaveMiB),
                container.enclave().layout().addedPages(),
                config.heap(),
                config.platform().id());

        progress.step("warming up the JIT (not reported)...");
        measure(container, Mode.CONVENTIONAL, 2, config.platform());
        measure(container, Mode.SHARED, 2, config.platform());
        List<Row> rows = new ArrayList<>();
        for (int n : counts) {
            for (Mode mode : Mode.values()) {
                List<Row> reps = new ArrayList<>();
                for (int rep = 1; rep <= config.reps(); rep++) {
                    progress.step(
                            "%2d container(s), %s%s...",
                            n,
                            mode.name().toLowerCase(Locale.ROOT),
                            config.reps() > 1 ? ", repetition " + rep + " of " + config.reps() : "");
                    reps.add(measure(container, mode, n, config.platform()));
                }
                rows.add(median(reps));
            }
        }
        List<Path> files = new ArrayList<>();
        files.add(write(rows, out.resolve("containers.csv"), config.platform()));
        files.addAll(plot(rows, out, "modeled (" + config.platform().id() + ")"));
        return new Result(rows, files);
    }

    /** Each number the median of the repetitions' (the EPC is the same every time: the layout is fixed). */
    private static Row median(List<Row> reps) {
        Row first = reps.get(0);
        double[] phaseWall = new double[first.phaseWallMs.length];
        double[] phaseModeled = new double[first.phaseModeledMs.length];
        for (int p = 0; p < phaseWall.length; p++) {
            int k = p;
            phaseWall[p] = Stats.median(reps.stream().mapToDouble(r -> r.phaseWallMs[k]));
            phaseModeled[p] = Stats.median(reps.stream().mapToDouble(r -> r.phaseModeledMs[k]));
        }
        return new Row(
                first.mode,
                first.containers,
                Stats.median(reps.stream().mapToDouble(Row::meanWallMs)),
                Stats.median(reps.stream().mapToDouble(Row::meanModeledMs)),
                Stats.median(reps.stream().mapToDouble(Row::laterWallMs)),
                Stats.median(reps.stream().mapToDouble(Row::laterModeledMs)),
                phaseWall,
                phaseModeled,
                Math.round(Stats.median(reps.stream().mapToDouble(r -> r.epcPages))));
    }

    private static Row measure(ContainerImage image, Mode mode, int n, PlatformProfile profile) {
        int pagesPerEnclave = image.enclave().layout().addedPages() + 64;
        long epcBytes = ((long) pagesPerEnclave * (mode == Mode.CONVENTIONAL ? n : 1) + 4096L * n + 8192) * 4096;
        Platform platform = Platform.boot(Machine.builder()
                .epcBytes(epcBytes)
                .logicalProcessors(2)
                .seed(n)
                .platform(profile)
                .build());
        double[] phaseWall = new double[Phase.values().length];
        double[] phaseModeled = new double[Phase.values().length];
        double wall = 0;
        double modeled = 0;
        double laterWall = 0;
        double laterModeled = 0;
        long epc;
        List<Container> running = new ArrayList<>();
        try (ContainerManager manager = platform.containerManager(Duration.ofSeconds(30), Duration.ZERO)) {
            for (int i = 0; i < n; i++) {
                Container c = manager.start(image, mode);
                running.add(c);
                Container.Outcome out = manager.run(c);
                if (!out.ok()) {
                    throw new IllegalStateException(c + " failed: " + out.error());
                }
                PhaseTimes t = c.phases();
                for (Phase p : Phase.values()) {
                    phaseWall[p.ordinal()] += t.wallNanos(p) / 1e6 / n;
                    phaseModeled[p.ordinal()] += t.modeledNanos(p) / 1e6 / n;
                }
                wall += t.totalWallNanos() / 1e6 / n;
                modeled += t.totalModeledNanos() / 1e6 / n;
                if (i > 0) { // a container that arrives while others run: in shared mode it joins the enclave
                    laterWall += t.totalWallNanos() / 1e6 / (n - 1);
                    laterModeled += t.totalModeledNanos() / 1e6 / (n - 1);
                }
            }
            epc = manager.totalEnclavePages();
            running.forEach(manager::stop);
        }
        return new Row(
                mode,
                n,
                wall,
                modeled,
                n > 1 ? laterWall : Double.NaN,
                n > 1 ? laterModeled : Double.NaN,
                phaseWall,
                phaseModeled,
                epc);
    }

    /** A copy of the example image with the heap set to {@code heap}, a TCS per container, and its own attach key. */
    private static Path prepareImage(Path example, String heap, int threads) throws IOException {
        Path dir = io.teemate.abi.image.SecretFiles.tempDirectory("teemate-bench-image");
        try {
            copyImage(example, heap, threads, dir);
        } catch (IOException | RuntimeException e) {
            TempDirs.delete(dir);
            throw e;
        }
        return dir;
    }

    private static void copyImage(Path example, String heap, int threads, Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(example)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(example.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().endsWith(".key.pem")) {
                    Files.copy(p, to);
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        Path enclave = dir.resolve("enclave.json");
        ObjectNode m = (ObjectNode) json.readTree(enclave.toFile());
        m.put("heap_size", heap);
        m.put("threads", Math.max(threads, m.path("threads").asInt(1)));
        json.writerWithDefaultPrettyPrinter().writeValue(enclave.toFile(), m);
        AttachKeys.provision(dir.resolve("container.json"), true);
    }

    /** The rows with a trailing platform column: the part whose clock priced the *_modeled_ms columns. */
    private static Path write(List<Row> rows, Path csv, PlatformProfile platform) {
        StringBuilder out = new StringBuilder("mode,containers,mean_startup_wall_ms,mean_startup_modeled_ms,"
                + "later_startup_wall_ms,later_startup_modeled_ms");
        for (Phase p : Phase.values()) {
            String name = p.name().toLowerCase(Locale.ROOT);
            out.append(',').append(name).append("_wall_ms,").append(name).append("_modeled_ms");
        }
        out.append(",epc_pages,epc_mib,platform\n");
        for (Row r : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "%s,%d,%.3f,%.3f,%.3f,%.3f",
                    r.mode.name().toLowerCase(Locale.ROOT),
                    r.containers,
                    r.meanWallMs,
                    r.meanModeledMs,
                    r.laterWallMs,
                    r.laterModeledMs));
            for (Phase p : Phase.values()) {
                out.append(String.format(
                        Locale.ROOT, ",%.3f,%.3f", r.phaseWallMs[p.ordinal()], r.phaseModeledMs[p.ordinal()]));
            }
            out.append(String.format(Locale.ROOT, ",%d,%.2f,%s%n", r.epcPages, r.epcMiB(), platform.id()));
        }
        return Results.write(csv, out);
    }

    /** @param modeled what the modeled series and bars are called: "modeled (PLATFORM)" */
    private static List<Path> plot(List<Row> rows, Path out, String modeled) {
        List<Plots.Series> latency = new ArrayList<>();
        List<Plots.Series> memory = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            List<Row> mine = rows.stream().filter(r -> r.mode == mode).toList();
            double[] n = mine.stream().mapToDouble(r -> r.containers).toArray();
            String name = mode.name().toLowerCase(Locale.ROOT);
            latency.add(new Plots.Series(
                    name + ", " + modeled,
                    n,
                    mine.stream().mapToDouble(r -> r.meanModeledMs).toArray()));
            latency.add(new Plots.Series(
                    name + ", wall",
                    n,
                    mine.stream().mapToDouble(r -> r.meanWallMs).toArray()));
            memory.add(new Plots.Series(
                    name, n, mine.stream().mapToDouble(Row::epcMiB).toArray()));
        }
        List<Path> files = new ArrayList<>();
        files.add(Plots.lines(
                "Container start-up, mean of N",
                "containers",
                "ms (log)",
                latency,
                true,
                out.resolve("containers-latency.png")));
        files.add(Plots.lines(
                "EPC memory with N containers up",
                "containers",
                "MiB",
                memory,
                false,
                out.resolve("containers-epc.png")));
        for (boolean wall : new boolean[] {true, false}) {
            Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
            for (Row r : rows) {
                Map<String, Double> bar = new LinkedHashMap<>();
                for (Phase p : Phase.values()) {
                    bar.put(phaseName(p), (wall ? r.phaseWallMs : r.phaseModeledMs)[p.ordinal()]);
                }
                bars.put("N=" + r.containers + (r.mode == Mode.SHARED ? " S" : " C"), bar);
            }
            String kind = wall ? "wall" : modeled;
            files.add(Plots.stackedBars(
                    "Container start-up by phase, mean of N, " + kind + "; C = conventional, S = shared",
                    "containers and mode",
                    "ms (" + kind + ")",
                    bars,
                    java.util.Arrays.stream(Phase.values())
                            .map(ContainerStartup::phaseName)
                            .toList(),
                    out.resolve(wall ? "containers-phases-wall.png" : "containers-phases-modeled.png")));
        }
        files.forEach(f -> System.out.println("wrote " + f));
        return files;
    }

    /** A phase as the reports name it ("runtime init"). */
    public static String phaseName(Phase p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static void print(List<Row> rows) {
        System.out.println();
        System.out.println(
                "Mean start-up of all N containers (the first shared one builds the enclave), then of the containers after");
        System.out.println(
                "the first (shared: they alias it); ms as wall / modeled. EPC: all enclaves' pages with the N containers up.");
        System.out.println();
        System.out.println(
                "| N | mean, conventional | mean, shared | ratio | after the first, conventional | after the first, shared "
                        + "| ratio | EPC conv. MiB | EPC shared MiB | ratio |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            Row c = rows.get(i);
            Row s = rows.get(i + 1);
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.1f / %.1f | %.1f / %.1f | %.1fx / %.1fx | %s | %s | %s | %.1f | %.1f | %.1fx |%n",
                    c.containers,
                    c.meanWallMs,
                    c.meanModeledMs,
                    s.meanWallMs,
                    s.meanModeledMs,
                    c.meanWallMs / s.meanWallMs,
                    c.meanModeledMs / s.meanModeledMs,
                    pair(c.laterWallMs, c.laterModeledMs),
                    pair(s.laterWallMs, s.laterModeledMs),
                    c.containers > 1
                            ? String.format(
                                    Locale.ROOT,
                                    "%.0fx / %.0fx",
                                    c.laterWallMs / s.laterWallMs,
                                    c.laterModeledMs / s.laterModeledMs)
                            : "-",
                    c.epcMiB(),
                    s.epcMiB(),
                    (double) c.epcPages / s.epcPages);
        }
    }

    private static String pair(double wall, double modeled) {
        return Double.isNaN(wall) ? "-" : String.format(Locale.ROOT, "%.2f / %.3f", wall, modeled);
    }
}

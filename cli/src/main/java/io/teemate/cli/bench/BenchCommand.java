package io.teemate.cli.bench;

import io.teemate.bench.Evaluation;
import io.teemate.bench.KvFork;
import io.teemate.cli.PlatformOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code teemate bench}: the paper's evaluation (containers, serverless cold starts, the database's fork), conventional
 * against shared, into one directory of CSVs, PNG plots, results.json and report.md.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the paper's experiments, conventional (an enclave per container) against shared (TeeMate), "
                    + "and writes the CSVs, PNG plots, results.json (machine, config, every number) and report.md (ours "
                    + "against the paper's figures, wall and modeled apart) into one directory.",
            "Run it from the repository (or give --root); give the JVM room: the launcher's 8 GiB of direct memory "
                    + "covers the default sizes."
        })
public final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--experiments",
            paramLabel = "LIST",
            split = ",",
            description = "which experiments: containers, faas, kv, kv-aof, serverless, calibration (the modeled clock "
                    + "beside published hardware figures of --platform's family; default: all)")
    List<String> experiments;

    @Option(
            names = "--instances",
            paramLabel = "N,...",
            split = ",",
            description = "containers and concurrent function instances (default 1,2,4,8,16; --quick 1,2)")
    List<Integer> instances;

    @Option(
            names = "--keys",
            paramLabel = "N,...",
            split = ",",
            description = "database sizes in keys, e.g. 10000,1e5 (default 10000,100000,1000000; --quick 1000,5000)")
    List<String> keys;

    @Option(names = "--reps", paramLabel = "N", description = "repetitions of each point (default 3; --quick 1)")
    Integer reps;

    @Option(
            names = "--heap",
            paramLabel = "SIZE",
            description = "container and function enclave heap (default 64M; --quick 16M)")
    String heap;

    @Option(
            names = "--workloads",
            paramLabel = "LIST",
            split = ",",
            description = "serverless workloads by name (default: all in faas/workloads; --quick echo)")
    List<String> workloads;

    @Option(names = "--kv-heap", paramLabel = "SIZE", description = "database enclave heap (default 1G; --quick 64M)")
    String kvHeap;

    @Option(
            names = "--kv-epc-mib",
            paramLabel = "MIB",
            description = "EPC of the database's machine (default 2048; --quick 256)")
    Integer kvEpcMiB;

    @Option(
            names = "--no-native",
            description = "skip the real redis-server fork (run by default when redis-server is installed)")
    boolean noNative;

    /** Prices every modeled figure of the run (report.md, results.json, the CSVs' modeled columns). */
    @CommandLine.Mixin
    PlatformOption platform = new PlatformOption();

    @Option(names = "--quick", description = "small sizes for a smoke run (seconds, not minutes)")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default bench-results/<timestamp>)")
    Path out;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description =
                    "the repository, with examples/ and faas/workloads (default: this directory or the nearest parent holding them)")
    Path root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Evaluation.Config config = config();
            Path dir = out != null
                    ? out
                    : Path.of(
                            "bench-results",
                            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            o.printf(
                    "teemate bench: %s into %s, modeled time priced as %s%n",
                    config.experiments().stream()
                            .sorted()
                            .map(Evaluation.Experiment::key)
                            .toList(),
                    dir,
                    config.platform().id());
            o.flush();
            Evaluation.Outcome result = Evaluation.run(config, dir, line -> {
                o.println(line);
                o.flush();
            });
            o.printf("report: %s%nnumbers: %s%n", result.report(), result.resultsJson());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("teemate bench: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("teemate bench: failed: " + e);
            return 1;
        } finally {
            o.flush();
            err.flush();
        }
    }

    /** The options as an evaluation configuration: --quick's sizes, then every option given on top. */
    Evaluation.Config config() {
        Path r = root != null ? root : findRoot();
        if (!Files.isDirectory(r.resolve("faas/workloads/expected"))
                || !Files.isDirectory(r.resolve("examples/images/hello"))) {
            throw new IllegalArgumentException(
                    "--root " + r + " is not the TeeMate repository (it has no faas/workloads/expected "
                            + "or examples/images/hello)");
        }
        Evaluation.Config c = quick ? Evaluation.Config.quick(r) : Evaluation.Config.full(r);
        if (experiments != null) {
            Set<Evaluation.Experiment> set = EnumSet.noneOf(Evaluation.Experiment.class);
            experiments.forEach(e -> set.add(Evaluation.Experiment.parse(e)));
            c = c.withExperiments(set);
        }
        if (instances != null) {
            c = c.withInstances(instances);
        }
        if (keys != null) {
            c = c.withKeys(keys.stream().map(BenchCommand::parseKeys).toList());
        }
        if (reps != null) {
            c = c.withReps(reps);
        }
        if (heap != null) {
            c = c.withHeap(heap);
        }
        if (workloads != null) {
            c = c.withWorkloads(workloads);
        }
        if (kvHeap != null || kvEpcMiB != null) {
            c = c.withKv(kvHeap != null ? kvHeap : c.kvHeap(), kvEpcMiB != null ? kvEpcMiB : c.kvEpcMiB());
        }
        if (noNative) {
            c = c.withNativeRedis(false);
        } else if (!quick) {
            c = c.withNativeRedis(KvFork.nativeRedisAvailable());
        }
        c = c.withPlatform(platform.platform());
        List<String> args = new ArrayList<>(List.of("teemate"));
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        return c.withCommandLine(String.join(" ", args));
    }

    static long parseKeys(String s) {
        String t = s.trim().replace("_", "");
        try {
            long v = t.matches("\\d+[eE]\\d+") ? Math.round(Double.parseDouble(t)) : Long.parseLong(t);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below names the value
        }
        throw new IllegalArgumentException(
                "--keys takes positive key counts separated by commas (e.g. 10000,1e5), got '" + s + "'");
    }

    private static Path findRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("faas/workloads/expected"))
                    && Files.isDirectory(p.resolve("examples/images/hello"))) {
                return p;
            }
        }
        return here;
    }
}

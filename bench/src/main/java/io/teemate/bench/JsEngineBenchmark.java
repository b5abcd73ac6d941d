package io.teemate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.faas.host.ServingModel;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JavaScript engine's own costs in the shared enclave, beside node on the same machine: a new function
 * instance (container, enclave aliased, QuickJS initialised and snapshotted: OpenWhisk's /init), a warm invocation of
 * a trivial function (a new isolate copied from the snapshot, then main), and the SunSpider kernels
 * (faas/workloads/js), first call and median of the later ones, against node's first call and warm median
 * ({@code tools/run_node.mjs --main-realm --time N}, node's JIT included). Wall time only: this is the engine's speed
 * on this machine, not a modeled figure. Run: {@code java -cp bench/target/benchmarks.jar
 * io.teemate.bench.JsEngineBenchmark [reps]} from the repository root, or {@code teemate bench --experiments
 * serverless}.
 */
public final class JsEngineBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> KERNELS = List.of(
            "access-binary-trees",
            "crypto-md5",
            "regexp-dna",
            "crypto-aes",
            "math-partial-sums",
            "string-validate-input");
    private static final Pattern NODE_TIME =
            Pattern.compile("time: first ([0-9.]+) ms, then \\d+ calls: median ([0-9.]+) ms");

    /** One measured item: ours (first, median of the rest) and node's (first, warm median), ms; NaN if not run. */
    public record Row(String what, double firstMs, double medianMs, double nodeFirstMs, double nodeMedianMs) {
        double ratioToNode() {
            return medianMs / nodeMedianMs;
        }
    }

    public record Result(List<Row> rows, List<Path> files) {}

    private JsEngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Result r = run(Path.of("faas/workloads/js"), KERNELS, reps, Path.of("results"), Progress.STDOUT);
        System.out.print(report(r, reps));
    }

    /** Runs the instance and invocation measurements and {@code kernels} (of {@link #KERNELS}), {@code reps} each. */
    public static Result run(Path workloads, List<String> kernels, int reps, Path out, Progress p) throws Exception {
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("teemate-js-engine");
        List<Row> rows = new ArrayList<>();
        PlatformOptions options = PlatformOptions.defaults()
                .withHeap("96M", false)
                .withThreads(4)
                .withMachine(256, 4)
                .withTcsTimeout(Duration.ofMinutes(10))
                .withDefaults(256, 600_000);
        try (EnclaveFunctionPlatform platform = EnclaveFunctionPlatform.create(ServingModel.SHARED, work, options)) {
            byte[] trivial = "function main(p) { return {sum: p.a + p.b}; }".getBytes(StandardCharsets.UTF_8);
            byte[] params = "{\"a\":1,\"b\":2}".getBytes(StandardCharsets.UTF_8);
            // the shared enclave and the engine's compiled module exist before anything is timed, as in the paper
            platform.deploy(FunctionSpec.nodejs("warm-up", trivial, null, Map.of(), 0, 0));
            platform.invoke("warm-up", params, Map.of());
            double[] starts = new double[reps];
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                platform.deploy(FunctionSpec.nodejs("new-" + i, trivial, null, Map.of(), 0, 0));
                starts[i] = (System.nanoTime() - t0) / 1e6;
                platform.delete("new-" + i);
            }
            rows.add(new Row(
                    "new instance (/init: container, aliasing, QuickJS init, snapshot)",
                    starts[0],
                    Stats.median(Arrays.stream(starts, 1, reps)),
                    Double.NaN,
                    Double.NaN));
            double[] warm = new double[Math.max(reps, 30)];
            for (int i = 0; i < warm.length; i++) {
                Invocation inv = platform.invoke("warm-up", params, Map.of());
                warm[i] = inv.wall().execution() / 1e6;
            }
            rows.add(new Row(
                    "warm invocation, trivial main (new isolate from the snapshot)",
                    warm[0],
                    Stats.median(Arrays.stream(warm, 1, warm.length)),
                    Double.NaN,
                    Double.NaN));
            p.step(
                    "new instance: median %.1f ms; warm trivial invocation: median %.2f ms",
                    rows.get(0).medianMs(), rows.get(1).medianMs());
            for (String k : kernels) {
                JsonNode e = JSON.readTree(
                        workloads.resolve("expected/" + k + ".json").toFile());
                byte[] code =
                        Files.readAllBytes(workloads.resolve(e.get("action").asText()));
                byte[] kp = JSON.writeValueAsBytes(e.get("cases").get(0).get("params"));
                platform.deploy(FunctionSpec.nodejs(k, code, null, Map.of(), 0, 0));
                double[] ms = new double[reps];
                for (int i = 0; i < reps; i++) {
                    Invocation inv = platform.invoke(k, kp, Map.of());
                    if (inv.exitCode() != 0) {
                        throw new IllegalStateException(
                                k + " failed: " + new String(inv.output(), StandardCharsets.UTF_8));
                    }
                    ms[i] = inv.wall().execution() / 1e6;
                }
                double[] node = node(workloads, e.get("action").asText(), new String(kp, StandardCharsets.UTF_8), 30);
                Row r = new Row(
                        k, ms[0], Stats.median(Arrays.stream(ms, Math.min(1, reps - 1), reps)), node[0], node[1]);
                p.step(
                        "%-22s ours first %8.1f ms, median %8.1f ms | node first %6.2f ms, median %6.3f ms | %6.0fx",
                        k, r.firstMs(), r.medianMs(), r.nodeFirstMs(), r.nodeMedianMs(), r.ratioToNode());
                rows.add(r);
                platform.delete(k);
            }
        } finally {
            TempDirs.delete(work);
        }
        Path csv = out.resolve("js-engine.csv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
            w.println("what,first_ms,median_ms,node_first_ms,node_median_ms");
            for (Row r : rows) {
                w.printf(
                        Locale.ROOT,
                        "\"%s\",%.3f,%.3f,%.3f,%.4f%n",
                        r.what(),
                        r.firstMs(),
                        r.medianMs(),
                        r.nodeFirstMs(),
                        r.nodeMedianMs());
            }
        }
        return new Result(rows, List.of(csv));
    }

    /** node's first call and warm median for {@code action} (tools/run_node.mjs); NaN, NaN without node. */
    static double[] node(Path workloads, String action, String params, int calls)
            throws IOException, InterruptedException {
        Process node;
        try {
            node = new ProcessBuilder(
                            "node",
                            "tools/run_node.mjs",
                            action,
                            params,
                            "--main-realm",
                            "--time",
                            Integer.toString(calls))
                    .directory(workloads.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return new double[] {Double.NaN, Double.NaN}; // no node on this machine
        }
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new IllegalStateException("node failed on " + action + ": " + err);
        }
        Matcher m = NODE_TIME.matcher(err);
        if (!m.find()) {
            throw new IllegalStateException("node printed no timing for " + action + ": " + err);
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    static String report(Result r, int reps) {
        Evaluation.Table t = new Evaluation.Table(
                        "",
                        "ours, first ms",
                        "ours, median ms",
                        "node, first ms",
                        "node, median ms",
                        "ours / node (medians)")
                .text(1);
        for (Row x : r.rows()) {
            t.row(
                    x.what(),
                    Evaluation.ms(x.firstMs()),
                    Evaluation.ms(x.medianMs()),
                    Evaluation.ms(x.nodeFirstMs()),
                    Evaluation.ms(x.nodeMedianMs()),
                    Evaluation.x(x.ratioToNode()));
        }
        return "### The JavaScript engine (QuickJS on Chicory in the shared enclave) beside node, wall\n\n" + t
                + "\nOurs: " + reps + " invocations each, the first and the median of the rest; node: its first call"
                + " and the median of 30 more in one process (V8's JIT warm). Each of our invocations is a new isolate"
                + " copied from the function's snapshot.\n\n";
    }
}

package io.teemate.bench;

import io.teemate.host.container.Mode;
import io.teemate.kv.host.KvDatabase;
import io.teemate.kv.host.KvOptions;
import io.teemate.kv.host.KvServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The database's throughput against a real Redis: {@code redis-benchmark -t set,get -n 200000 -c 50 -P p --csv}
 * against the TeeMate server (shared mode, a fresh database: every SET and GET runs in the enclave, a batch of
 * ready clients per ecall) and against {@code redis-server} on the same machine, {@code runs} times each per
 * pipeline depth, after one unreported warm-up run per target. Wall time only: the client sees requests per second.
 * <p>Run: {@code java -XX:MaxDirectMemorySize=8g -Xmx8g -cp bench/target/benchmarks.jar io.teemate.bench.KvThroughput
 * [--runs 3] [--requests 200000] [--clients 50] [--pipeline 1,16]}. Writes results/kv-throughput.csv. From code:
 * {@link #run(Config, Path, Progress)}.
 */
public final class KvThroughput {
    static final Path CSV = Path.of("results/kv-throughput.csv");

    /** One redis-benchmark test (SET or GET) of one run against one target ("teemate" or "native"). */
    public record Run(
            String target, int pipeline, int run, String test, double rps, double avgMs, double p50Ms, double p99Ms) {}

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int requests = 200_000;
        int clients = 50;
        List<Integer> pipelines = List.of(1, 16);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        option + " needs a value; usage: KvThroughput [--runs 3] [--requests 200000] "
                                + "[--clients 50] [--pipeline 1,16]");
            }
            String v = args[++i];
            switch (option) {
                case "--runs" -> runs = positive(v, option);
                case "--requests" -> requests = positive(v, option);
                case "--clients" -> clients = positive(v, option);
                case "--pipeline" ->
                    pipelines = Arrays.stream(v.split(","))
                            .map(s -> positive(s.trim(), option))
                            .toList();
                default ->
                    throw new IllegalArgumentException("unknown argument " + option
                            + "; usage: KvThroughput [--runs 3] [--requests 200000] [--clients 50] [--pipeline 1,16]");
            }
        }
        Result r = run(new Config(runs, requests, clients, pipelines), CSV.getParent(), Progress.STDOUT);
        summary(r.runs(), pipelines);
    }

    /** redis-benchmark's {@code -n}, {@code -c} and the {@code -P} depths, and how many runs of each. */
    public record Config(int runs, int requests, int clients, List<Integer> pipelines) {
        public Config {
            pipelines = List.copyOf(pipelines);
            if (runs < 1
                    || requests < 1
                    || clients < 1
                    || pipelines.isEmpty()
                    || pipelines.stream().anyMatch(p -> p < 1)) {
                throw new IllegalArgumentException("runs, requests, clients and pipeline depths must be positive, got "
                        + runs + ", " + requests + ", " + clients + ", " + pipelines);
            }
        }

        /** The harness's defaults: 3 runs of 200,000 requests from 50 clients, -P 1 and 16. */
        public static Config defaults() {
            return new Config(3, 200_000, 50, List.of(1, 16));
        }
    }

    /** Every run (TeeMate, then native) and the CSV written. */
    public record Result(List<Run> runs, Path csv) {
        /** The median requests/s of {@code test} ("SET", "GET") against {@code target} at pipeline depth {@code p}. */
        public double medianRps(String target, int p, String test) {
            return median(runs, target, p, test);
        }
    }

    /** Runs redis-benchmark against the TeeMate server, then a native redis-server; writes {@code out}/kv-throughput.csv. */
    public static Result run(Config config, Path out, Progress progress) throws Exception {
        Path csv = out.resolve(CSV.getFileName());
        progress.step(
                "KvThroughput: redis-benchmark -t set,get -n %d -c %d -P %s, %d runs each",
                config.requests(), config.clients(), config.pipelines(), config.runs());
        List<Run> all = new ArrayList<>();
        Path dir = Files.createTempDirectory("teemate-kvthroughput");
        try (KvDatabase db = KvDatabase.open(new KvOptions(dir, Mode.SHARED, "1G", 1024));
                KvServer server = KvServer.start(db, 0)) {
            all.addAll(target("teemate", server.port(), config, progress));
        } finally {
            TempDirs.delete(dir);
        }
        write(all, csv);
        try (KvFork.NativeRedis redis = KvFork.NativeRedis.start()) {
            all.addAll(target("native", redis.port, config, progress));
        }
        write(all, csv);
        return new Result(all, csv);
    }

    private static List<Run> target(String target, int port, Config c, Progress progress)
            throws IOException, InterruptedException {
        progress.step("%s on port %d: warm-up run (not reported)...", target, port);
        benchmark(
                target,
                port,
                0,
                Math.max(1, c.requests() / 10),
                c.clients(),
                c.pipelines().get(0));
        List<Run> out = new ArrayList<>();
        for (int p : c.pipelines()) {
            for (int run = 1; run <= c.runs(); run++) {
                for (Run r : benchmark(target, port, run, c.requests(), c.clients(), p)) {
                    progress.step(
                            "  %-8s -P %-3d run %d %-4s %,12.0f requests/s (avg %.3f ms, p50 %.3f, p99 %.3f)",
                            target, p, run, r.test, r.rps, r.avgMs, r.p50Ms, r.p99Ms);
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** One redis-benchmark run; its --csv lines: "test","rps","avg_latency_ms","min","p50","p95","p99","max". */
    private static List<Run> benchmark(String target, int port, int run, int requests, int clients, int pipeline)
            throws IOException, InterruptedException {
        List<String> cmd = List.of(
                KvFork.tool("redis-benchmark"),
                "-p",
                Integer.toString(port),
                "-t",
                "set,get",
                "-n",
                Integer.toString(requests),
                "-c",
                Integer.toString(clients),
                "-P",
                Integer.toString(pipeline),
                "--csv");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1800, TimeUnit.SECONDS)
                || p.exitValue() != 0
                || out.toLowerCase(Locale.ROOT).contains("error")) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
        }
        List<Run> runs = new ArrayList<>();
        for (String line : out.lines().toList()) {
            String[] f = line.replace("\"", "").split(",");
            if (f.length < 7 || f[0].equals("test")) {
                continue;
            }
            runs.add(new Run(
                    target,
                    pipeline,
                    run,
                    f[0],
                    Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[6])));
        }
        if (runs.size() != 2) {
            throw new IOException(String.join(" ", cmd) + " printed no SET and GET results: " + out.trim());
        }
        return runs;
    }

    private static void write(List<Run> runs, Path csv) {
        StringBuilder out = new StringBuilder(
                "target,pipeline,run,test,requests_per_s,avg_latency_ms,p50_latency_ms,p99_latency_ms\n");
        for (Run r : runs) {
            out.append(String.format(
                    Locale.ROOT,
                    "%s,%d,%d,%s,%.2f,%.3f,%.3f,%.3f%n",
                    r.target,
                    r.pipeline,
                    r.run,
                    r.test,
                    r.rps,
                    r.avgMs,
                    r.p50Ms,
                    r.p99Ms));
        }
        Results.write(csv, out);
    }

    private static double median(List<Run> runs, String target, int pipeline, String test) {
        double[] v = runs.stream()
                .filter(r -> r.target.equals(target) && r.pipeline == pipeline && r.test.equals(test))
                .mapToDouble(Run::rps)
                .sorted()
                .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void summary(List<Run> runs, List<Integer> pipelines) {
        System.out.println();
        System.out.println("Median requests/s (wall, as redis-benchmark measures them):");
        System.out.println("| test | -P | TeeMate (shared) | native redis-server | TeeMate / native |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int p : pipelines) {
            for (String test : List.of("SET", "GET")) {
                double t = median(runs, "teemate", p, test);
                double n = median(runs, "native", p, test);
                System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %.1f%% |%n", test, p, t, n, 100 * t / n);
            }
        }
    }

    private static int positive(String s, String option) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " takes positive whole numbers, got '" + s + "'");
    }

    private KvThroughput() {}
}

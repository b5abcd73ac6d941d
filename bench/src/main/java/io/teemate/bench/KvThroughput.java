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
 * <p>With the append-only file ({@code --aof always,everysec}, issue 13): for each appendfsync setting a fresh
 * TeeMate database with the AOF on and that fsync policy, and a fresh {@code redis-server --appendonly yes
 * --appendfsync <policy> --save ""}, both logging into a temporary directory on the same file system; "off" is the
 * AOF-less run above. The other AOF settings are both servers' defaults (auto-aof-rewrite-percentage 100,
 * auto-aof-rewrite-min-size 64mb; redis-benchmark's single key never grows the AOF that far).
 * <p>Run: {@code java -XX:MaxDirectMemorySize=8g -Xmx8g -cp bench/target/benchmarks.jar io.teemate.bench.KvThroughput
 * [--runs 3] [--requests 200000] [--clients 50] [--pipeline 1,16] [--tests set,get] [--aof off,always,everysec]
 * [--no-native]}. Writes results/kv-throughput.csv (AOF off alone) or results/kv-throughput-aof.csv. From code:
 * {@link #run(Config, Path, Progress)}.
 */
public final class KvThroughput {
    static final Path CSV = Path.of("results/kv-throughput.csv");

    /**
     * One redis-benchmark test (SET or GET) of one run against one target ("teemate" or "native") with the AOF
     * "off" or on with appendfsync "always" or "everysec".
     */
    public record Run(
            String target,
            String aof,
            int pipeline,
            int run,
            String test,
            double rps,
            double avgMs,
            double p50Ms,
            double p99Ms) {}

    /** The AOF settings measured: off (no AOF), or on with appendfsync always, everysec or no. */
    public static final List<String> AOF_SETTINGS = List.of("off", "always", "everysec", "no");

    private static final String USAGE = "usage: KvThroughput [--runs 3] [--requests 200000] [--clients 50] "
            + "[--pipeline 1,16] [--tests set,get] [--aof off,always,everysec] [--no-native]";

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int requests = 200_000;
        int clients = 50;
        List<Integer> pipelines = List.of(1, 16);
        List<String> tests = List.of("SET", "GET");
        List<String> aof = List.of("off");
        boolean nativeToo = true;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-native")) {
                nativeToo = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
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
                case "--tests" ->
                    tests = Arrays.stream(v.split(","))
                            .map(s -> s.trim().toUpperCase(Locale.ROOT))
                            .toList();
                case "--aof" ->
                    aof = Arrays.stream(v.split(","))
                            .map(s -> s.trim().toLowerCase(Locale.ROOT))
                            .toList();
                default -> throw new IllegalArgumentException("unknown argument " + option + "; " + USAGE);
            }
        }
        Config config = new Config(runs, requests, clients, pipelines, tests, aof, nativeToo);
        Result r = run(config, CSV.getParent(), Progress.STDOUT);
        summary(r.runs(), config);
    }

    /**
     * redis-benchmark's {@code -n}, {@code -c}, the {@code -P} depths and the tests ({@code -t}: SET, GET), how many
     * runs of each, the AOF settings (each a fresh database and redis-server: "off", "always", "everysec", "no") and
     * whether to measure a native redis-server too.
     */
    public record Config(
            int runs,
            int requests,
            int clients,
            List<Integer> pipelines,
            List<String> tests,
            List<String> aof,
            boolean nativeRedis) {
        public Config {
            pipelines = List.copyOf(pipelines);
            tests = List.copyOf(tests);
            aof = List.copyOf(aof);
            if (runs < 1
                    || requests < 1
                    || clients < 1
                    || pipelines.isEmpty()
                    || pipelines.stream().anyMatch(p -> p < 1)) {
                throw new IllegalArgumentException("runs, requests, clients and pipeline depths must be positive, got "
                        + runs + ", " + requests + ", " + clients + ", " + pipelines);
            }
            if (tests.isEmpty() || !List.of("SET", "GET").containsAll(tests)) {
                throw new IllegalArgumentException("--tests takes SET and/or GET, got " + tests);
            }
            if (aof.isEmpty()
                    || !AOF_SETTINGS.containsAll(aof)
                    || aof.size() != aof.stream().distinct().count()) {
                throw new IllegalArgumentException("--aof takes " + AOF_SETTINGS + " once each, got " + aof);
            }
        }

        /** SET and GET without the AOF, against native redis-server too, as the throughput run always was. */
        public Config(int runs, int requests, int clients, List<Integer> pipelines) {
            this(runs, requests, clients, pipelines, List.of("SET", "GET"), List.of("off"), true);
        }

        /** The results file: kv-throughput.csv with the AOF off alone, kv-throughput-aof.csv otherwise. */
        public String csvName() {
            return aof.equals(List.of("off")) ? "kv-throughput.csv" : "kv-throughput-aof.csv";
        }

        /** The harness's defaults: 3 runs of 200,000 requests from 50 clients, -P 1 and 16. */
        public static Config defaults() {
            return new Config(3, 200_000, 50, List.of(1, 16));
        }
    }

    /** Every run (for each AOF setting: TeeMate, then native) and the CSV written. */
    public record Result(List<Run> runs, Path csv) {
        /** The median requests/s of {@code test} ("SET", "GET") against {@code target} at depth {@code p}, AOF off. */
        public double medianRps(String target, int p, String test) {
            return median(runs, target, "off", p, test);
        }

        /** The same with the AOF setting {@code aof} ("off", "always", "everysec", "no"). */
        public double medianRps(String target, String aof, int p, String test) {
            return median(runs, target, aof, p, test);
        }
    }

    /** Whether redis-benchmark is on the PATH or in /usr/bin. */
    public static boolean available() {
        try {
            KvFork.tool("redis-benchmark");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * For each AOF setting, runs redis-benchmark against the TeeMate server, then a native redis-server with the
     * same setting; writes {@code out}/{@link Config#csvName()}.
     */
    public static Result run(Config config, Path out, Progress progress) throws Exception {
        Path csv = out.resolve(config.csvName());
        progress.step(
                "KvThroughput: redis-benchmark -t %s -n %d -c %d -P %s, %d runs each, AOF %s, native redis-server %s",
                String.join(",", config.tests()).toLowerCase(Locale.ROOT),
                config.requests(),
                config.clients(),
                config.pipelines(),
                config.runs(),
                config.aof(),
                config.nativeRedis() ? "too" : "skipped");
        List<Run> all = new ArrayList<>();
        for (String aof : config.aof()) {
            Path dir = Files.createTempDirectory("teemate-kvthroughput");
            KvOptions.Aof options = aof.equals("off")
                    ? KvOptions.Aof.DEFAULTS
                    : KvOptions.Aof.DEFAULTS.withEnabled(true).withFsync(KvOptions.Aof.Fsync.parse(aof));
            try (KvDatabase db = KvDatabase.open(new KvOptions(dir, Mode.SHARED, "1G", 1024, options));
                    KvServer server = KvServer.start(db, 0)) {
                all.addAll(target("teemate", aof, server.port(), config, progress));
            } finally {
                TempDirs.delete(dir);
            }
            write(all, csv);
            if (config.nativeRedis()) {
                List<String> nativeAof = aof.equals("off")
                        ? List.of("--appendonly", "no")
                        : List.of("--appendonly", "yes", "--appendfsync", aof);
                try (KvFork.NativeRedis redis = KvFork.NativeRedis.start(nativeAof)) {
                    all.addAll(target("native", aof, redis.port, config, progress));
                }
                write(all, csv);
            }
        }
        return new Result(all, csv);
    }

    private static List<Run> target(String target, String aof, int port, Config c, Progress progress)
            throws IOException, InterruptedException {
        progress.step("%s, AOF %s, on port %d: warm-up run (not reported)...", target, aof, port);
        benchmark(
                target,
                aof,
                c.tests(),
                port,
                0,
                Math.max(1, c.requests() / 10),
                c.clients(),
                c.pipelines().get(0));
        List<Run> out = new ArrayList<>();
        for (int p : c.pipelines()) {
            for (int run = 1; run <= c.runs(); run++) {
                for (Run r : benchmark(target, aof, c.tests(), port, run, c.requests(), c.clients(), p)) {
                    progress.step(
                            "  %-8s AOF %-8s -P %-3d run %d %-4s %,12.0f requests/s (avg %.3f ms, p50 %.3f, p99 %.3f)",
                            target, aof, p, run, r.test, r.rps, r.avgMs, r.p50Ms, r.p99Ms);
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** One redis-benchmark run; its --csv lines: "test","rps","avg_latency_ms","min","p50","p95","p99","max". */
    private static List<Run> benchmark(
            String target, String aof, List<String> tests, int port, int run, int requests, int clients, int pipeline)
            throws IOException, InterruptedException {
        List<String> cmd = List.of(
                KvFork.tool("redis-benchmark"),
                "-p",
                Integer.toString(port),
                "-t",
                String.join(",", tests).toLowerCase(Locale.ROOT),
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
                    aof,
                    pipeline,
                    run,
                    f[0],
                    Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[6])));
        }
        if (runs.size() != tests.size()) {
            throw new IOException(String.join(" ", cmd) + " printed no " + tests + " results: " + out.trim());
        }
        return runs;
    }

    private static void write(List<Run> runs, Path csv) {
        StringBuilder out = new StringBuilder(
                "target,aof,pipeline,run,test,requests_per_s,avg_latency_ms,p50_latency_ms,p99_latency_ms\n");
        for (Run r : runs) {
            out.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%d,%d,%s,%.2f,%.3f,%.3f,%.3f%n",
                    r.target,
                    r.aof,
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

    private static double median(List<Run> runs, String target, String aof, int pipeline, String test) {
        double[] v = runs.stream()
                .filter(r ->
                        r.target.equals(target) && r.aof.equals(aof) && r.pipeline == pipeline && r.test.equals(test))
                .mapToDouble(Run::rps)
                .sorted()
                .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void summary(List<Run> runs, Config c) {
        System.out.println();
        System.out.println("Median requests/s (wall, as redis-benchmark measures them):");
        System.out.println(
                "| AOF (appendfsync) | test | -P | TeeMate (shared) | native redis-server | TeeMate / native |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (String aof : c.aof()) {
            for (int p : c.pipelines()) {
                for (String test : c.tests()) {
                    double t = median(runs, "teemate", aof, p, test);
                    double n = median(runs, "native", aof, p, test);
                    System.out.printf(
                            Locale.ROOT,
                            "| %s | %s | %d | %,.0f | %,.0f | %.1f%% |%n",
                            aof,
                            test,
                            p,
                            t,
                            n,
                            100 * t / n);
                }
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

package io.teemate.bench;

import io.teemate.host.container.Mode;
import io.teemate.kv.host.KvDatabase;
import io.teemate.kv.host.KvOptions;
import io.teemate.kv.host.RespClient;
import io.teemate.sgx.cost.PlatformProfile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The database's fork figure (the paper's Redis BGSAVE): for datasets of N keys ({@code key:<i>} to a 32-byte
 * value), how long the server waits for a BGSAVE fork and how much memory the snapshot takes, in three setups:
 * <ul>
 * <li><b>shared</b> (TeeMate): the child is aliased into the database's enclave, copy-on-write;</li>
 * <li><b>conventional</b> (Gramine): the child builds its own enclave and the parent's heap pages are copied into it,
 *     sealed;</li>
 * <li><b>native</b>: a real {@code redis-server} on this machine, its {@code fork(2)} ({@code latest_fork_usec}).</li>
 * </ul>
 * Each (N, setup) gets a fresh database; each BGSAVE is followed by a handful of writes while the child saves, so
 * copy-on-write happens, and is awaited before the next. Every number is measured: wall time on this machine, and
 * for the emulated setups also modeled time (the SGX leaves the fork ran, priced by docs/cost-model.md).
 * <p>The same for BGREWRITEAOF ({@code --ops bgrewriteaof}, issue 13): a fresh database with the append-only file on
 * (appendfsync everysec) per (N, setup), the same load (logged to the AOF), then each rewrite's fork, the same writes
 * while the child writes the new base, and the rewrite awaited; native: redis-server with {@code --appendonly yes
 * --appendfsync everysec --auto-aof-rewrite-percentage 0}, {@code latest_fork_usec} once
 * {@code aof_rewrite_in_progress:0}, RSS plus {@code aof_last_cow_size}.
 * <p>Run: {@code java -XX:MaxDirectMemorySize=8g -Xmx8g -cp bench/target/benchmarks.jar io.teemate.bench.KvFork
 * [--keys 10000,100000,1000000] [--reps 3] [--heap 1G] [--epc 2048] [--ops bgsave,bgrewriteaof] [--no-native]
 * [--replot]}. Writes results/kv-fork.csv, results/kv-fork-latency.png and results/kv-fork-epc.png (BGSAVE alone;
 * BGREWRITEAOF alone: kv-rewrite.*, both: kv-persistence.*, see {@link #csvName}). From code:
 * {@link #run(Config, Path, Progress)}.
 */
public final class KvFork {
    static final Path CSV = Path.of("results/kv-fork.csv");
    /** SETs per db.execute call while loading (the call splits them further to fit the request buffer). */
    private static final int LOAD_BATCH = 10_000;
    /** Writes between a fork and the end of its snapshot, spread over the keyspace: each copies a page. */
    private static final int WRITES_DURING_SAVE = 16;

    private static final double MIB = 1 << 20;
    /** BGSAVEs per mode on a small database before measuring, so that the first measured forks run compiled code. */
    private static final int WARMUP_BGSAVES = 5;

    /**
     * One BGSAVE or BGREWRITEAOF ({@code op}: "bgsave" or "bgrewriteaof"). For a rewrite the "snapshot" columns are
     * the new AOF base: {@code snapshotBytes} its size ({@code aofBaseSize()}, native {@code aof_base_size}),
     * {@code saveWallMs} the time from the fork's return to the rewrite's end, and for the emulated setups
     * {@code memDuringSnapshotMib} the largest EPC of all enclaves seen while the child ran (after the fork, after the
     * writes, then polled every few milliseconds until the rewrite was done; the child is gone when the database
     * reports the rewrite finished, so there is no exact end-of-rewrite figure as a BGSAVE has). Memory columns: EPC of all enclaves for the emulated setups; for native, {@code memBeforeMib} is the
     * server's RSS before the fork and {@code memDuringSnapshotMib} that RSS plus the child's copy-on-write bytes
     * ({@code rdb_last_cow_size}), the physical memory while the child ran. NaN where a setup has no such number.
     */
    public record Row(
            long keys,
            String op,
            String setup,
            int rep,
            double forkWallMs,
            double forkModeledMs,
            double memBeforeMib,
            double memAfterForkMib,
            double memDuringSnapshotMib,
            long snapshotBytes,
            double saveWallMs,
            double loadWallMs,
            double nativeUsedMemoryMib,
            double nativeCowMib) {}

    public static void main(String[] args) throws Exception {
        List<Long> sizes = List.of(10_000L, 100_000L, 1_000_000L);
        int reps = 3;
        String heap = "1G";
        int epcMiB = 2048;
        boolean nativeToo = true;
        List<Op> ops = List.of(Op.BGSAVE);
        boolean replot = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keys" ->
                    sizes = Arrays.stream(arg(args, ++i, "--keys").split(","))
                            .map(String::trim)
                            .map(KvFork::parseCount)
                            .toList();
                case "--reps" -> reps = positive(arg(args, ++i, "--reps"), "--reps");
                case "--heap" -> heap = arg(args, ++i, "--heap");
                case "--epc" -> epcMiB = positive(arg(args, ++i, "--epc"), "--epc");
                case "--no-native" -> nativeToo = false;
                case "--ops" ->
                    ops = Arrays.stream(arg(args, ++i, "--ops").split(","))
                            .map(Op::parse)
                            .distinct()
                            .toList();
                case "--replot" -> replot = true;
                default ->
                    throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: KvFork " + USAGE);
            }
        }
        if (replot) {
            Path csv = CSV.resolveSibling(csvName(ops));
            List<Row> rows = read(csv);
            plot(rows, csv, "modeled");
            summary(rows);
            return;
        }
        Result r = run(new Config(sizes, reps, heap, epcMiB, nativeToo, ops), CSV.getParent(), Progress.STDOUT);
        summary(r.rows());
    }

    private static final String USAGE = "[--keys 10000,100000,1000000] [--reps 3] [--heap 1G] [--epc 2048] "
            + "[--ops bgsave,bgrewriteaof] [--no-native] [--replot]";

    /** What forks: BGSAVE (the snapshot) or BGREWRITEAOF (the append-only file's new base). */
    public enum Op {
        BGSAVE,
        BGREWRITEAOF;

        /** "bgsave" or "bgrewriteaof", as the CSV's op column and the Redis command. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** From "bgsave" or "bgrewriteaof" (any case). */
        public static Op parse(String s) {
            for (Op o : values()) {
                if (o.key().equalsIgnoreCase(s.trim())) {
                    return o;
                }
            }
            throw new IllegalArgumentException("--ops takes bgsave and/or bgrewriteaof, got '" + s + "'");
        }
    }

    /**
     * The results file of a run of {@code ops}: kv-fork.csv for BGSAVE alone (as it always was), kv-rewrite.csv for
     * BGREWRITEAOF alone, kv-persistence.csv for both; the plots are named after it (-latency.png, -epc.png).
     */
    public static String csvName(List<Op> ops) {
        if (ops.equals(List.of(Op.BGSAVE))) {
            return "kv-fork.csv";
        }
        return ops.equals(List.of(Op.BGREWRITEAOF)) ? "kv-rewrite.csv" : "kv-persistence.csv";
    }

    /**
     * What to run: the dataset sizes (keys), forks per (size, setup, op), the database enclave's heap (EDMM) and the
     * machine's EPC, whether to measure a real redis-server too (it must be on the PATH), and which operations fork
     * (each on a fresh database per size and setup; BGREWRITEAOF's with the append-only file on, appendfsync
     * everysec).
     */
    public record Config(
            List<Long> sizes,
            int reps,
            String heap,
            int epcMiB,
            boolean nativeRedis,
            List<Op> ops,
            PlatformProfile platform) {
        public Config {
            Objects.requireNonNull(platform, "platform");
            sizes = List.copyOf(sizes);
            ops = List.copyOf(ops);
            if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException(
                        "dataset sizes must be one or more positive key counts, got " + sizes);
            }
            if (reps < 1) {
                throw new IllegalArgumentException("forks per size must be at least 1, got " + reps);
            }
            if (ops.isEmpty() || ops.size() != ops.stream().distinct().count()) {
                throw new IllegalArgumentException("choose bgsave and/or bgrewriteaof once each, got " + ops);
            }
        }

        /** Modeled time priced on the paper's machine ({@link PlatformProfile#DEFAULT}). */
        public Config(List<Long> sizes, int reps, String heap, int epcMiB, boolean nativeRedis, List<Op> ops) {
            this(sizes, reps, heap, epcMiB, nativeRedis, ops, PlatformProfile.DEFAULT);
        }

        /** The same run with modeled time priced as {@code platform} would. */
        public Config withPlatform(PlatformProfile platform) {
            return new Config(sizes, reps, heap, epcMiB, nativeRedis, ops, platform);
        }

        /** BGSAVE only, as the fork figure always ran. */
        public Config(List<Long> sizes, int reps, String heap, int epcMiB, boolean nativeRedis) {
            this(sizes, reps, heap, epcMiB, nativeRedis, List.of(Op.BGSAVE));
        }

        /** The harness's defaults: 10^4, 10^5, 10^6 keys, 3 BGSAVEs, 1 GiB heap, 2 GiB EPC, native redis-server too. */
        public static Config defaults() {
            return new Config(List.of(10_000L, 100_000L, 1_000_000L), 3, "1G", 2048, true);
        }
    }

    /** Every fork measured (for each op and size: shared, conventional, then native) and the files written. */
    public record Result(List<Row> rows, List<Path> files) {
        /** The median of {@code f} over the BGSAVEs of (keys, setup), NaN where there are none. */
        public double median(long keys, String setup, java.util.function.ToDoubleFunction<Row> f) {
            return median(Op.BGSAVE, keys, setup, f);
        }

        /** The median of {@code f} over the forks of {@code op} of (keys, setup), NaN where there are none. */
        public double median(Op op, long keys, String setup, java.util.function.ToDoubleFunction<Row> f) {
            return KvFork.median(rows, op.key(), keys, setup, f);
        }
    }

    /** Whether the native comparison can run here (redis-server and redis-cli on the PATH or in /usr/bin). */
    public static boolean nativeRedisAvailable() {
        try {
            tool("redis-server");
            tool("redis-cli");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Runs the experiment and writes {@code out}/{@link #csvName}(ops) and its two plots (kv-fork.csv,
     * kv-fork-latency.png and kv-fork-epc.png for BGSAVE alone).
     */
    public static Result run(Config config, Path out, Progress progress) throws IOException, InterruptedException {
        Path csv = out.resolve(csvName(config.ops()));
        progress.step(
                "KvFork: %s, keys %s, %d each, heap %s (EDMM), EPC %d MiB, modeled on %s, native redis-server %s",
                config.ops().stream().map(Op::key).toList(),
                config.sizes(),
                config.reps(),
                config.heap(),
                config.epcMiB(),
                config.platform().id(),
                config.nativeRedis() ? "too" : "skipped");
        progress.step("warming up the JIT (2,000 keys, %d forks per mode and op; not reported)...", WARMUP_BGSAVES);
        for (Op op : config.ops()) {
            for (Mode mode : Mode.values()) {
                measure(2_000, mode, op, WARMUP_BGSAVES, config, true, progress);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Op op : config.ops()) {
            for (long n : config.sizes()) {
                for (Mode mode : List.of(Mode.SHARED, Mode.CONVENTIONAL)) {
                    rows.addAll(measure(n, mode, op, config.reps(), config, false, progress));
                    write(rows, csv, config.platform());
                }
                if (config.nativeRedis()) {
                    rows.addAll(measureNative(n, op, config.reps(), progress));
                    write(rows, csv, config.platform());
                }
            }
        }
        List<Path> files = new ArrayList<>();
        files.add(csv);
        files.addAll(plot(rows, csv, "modeled (" + config.platform().id() + ")"));
        return new Result(rows, files);
    }

    // ---------------------------------------------------------------- the emulated database

    private static List<Row> measure(
            long n, Mode mode, Op op, int reps, Config config, boolean quiet, Progress progress) throws IOException {
        String setup = mode.name().toLowerCase(Locale.ROOT);
        Path dir = Files.createTempDirectory("teemate-kvfork");
        List<Row> rows = new ArrayList<>();
        KvOptions.Aof aof = KvOptions.Aof.DEFAULTS.withEnabled(op == Op.BGREWRITEAOF);
        KvOptions options =
                new KvOptions(dir, mode, config.heap(), config.epcMiB(), aof).withPlatform(config.platform());
        try (KvDatabase db = KvDatabase.open(options)) {
            if (!quiet) {
                progress.step("%,d keys, %s, %s: loading...", n, setup, op.key());
            }
            long t0 = System.nanoTime();
            for (long from = 0; from < n; from += LOAD_BATCH) {
                long to = Math.min(n, from + LOAD_BATCH);
                List<List<byte[]>> batch = new ArrayList<>((int) (to - from));
                for (long i = from; i < to; i++) {
                    batch.add(List.of(bytes("SET"), key(i), value(i, 0)));
                }
                expectOk(db.execute(batch), "SET");
                if (!quiet && progress(from, to, n)) {
                    progress.step("  %,d / %,d keys (%.1f s)", to, n, (System.nanoTime() - t0) / 1e9);
                }
            }
            double loadMs = (System.nanoTime() - t0) / 1e6;
            KvDatabase.Stats stats = db.stats();
            if (stats.keys() != n) {
                throw new IllegalStateException("loaded " + n + " keys but the database holds " + stats.keys());
            }
            if (!quiet) {
                progress.step(
                        "  loaded in %.1f s: %,d bytes allocated, %,d private pages, EPC %.1f MiB%s",
                        loadMs / 1e3,
                        stats.allocatedBytes(),
                        stats.privatePages(),
                        db.enclavePages() * 4096 / MIB,
                        op == Op.BGREWRITEAOF
                                ? String.format(Locale.ROOT, ", AOF %,d bytes", db.aofCurrentSize())
                                : "");
            }
            for (int rep = 1; rep <= reps; rep++) {
                Row r = op == Op.BGSAVE ? bgsave(db, n, setup, rep, loadMs) : bgrewriteaof(db, n, setup, rep, loadMs);
                rows.add(r);
                if (!quiet) {
                    print(r, config.platform(), progress);
                }
            }
        } finally {
            TempDirs.delete(dir);
        }
        return rows;
    }

    /** The parent writes while the child saves or rewrites: each write lands on a page the child still reads. */
    private static void writeDuringFork(KvDatabase db, long n, int rep) {
        List<List<byte[]>> writes = new ArrayList<>();
        for (int w = 0; w < WRITES_DURING_SAVE; w++) {
            writes.add(List.of(bytes("SET"), key(w * n / WRITES_DURING_SAVE), value(w, rep)));
        }
        expectOk(db.execute(writes), "SET during the fork's child");
    }

    private static Row bgsave(KvDatabase db, long n, String setup, int rep, double loadMs) {
        KvDatabase.Fork f = db.bgsave();
        writeDuringFork(db, n, rep);
        KvDatabase.Save s = db.awaitBackgroundSave();
        if (f.keys() != n) {
            throw new IllegalStateException("the fork saw " + f.keys() + " keys, not " + n);
        }
        return new Row(
                n,
                Op.BGSAVE.key(),
                setup,
                rep,
                f.wallNanos() / 1e6,
                f.modeledNanos() / 1e6,
                f.epcPagesBefore() * 4096 / MIB,
                f.epcPagesAfter() * 4096 / MIB,
                s.epcPagesAtEnd() * 4096 / MIB,
                s.bytes(),
                s.wallNanos() / 1e6,
                loadMs,
                Double.NaN,
                Double.NaN);
    }

    /** How often the EPC is sampled while a rewrite's child runs. */
    private static final long EPC_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private static Row bgrewriteaof(KvDatabase db, long n, String setup, int rep, double loadMs) throws IOException {
        KvDatabase.RewriteStart start = db.bgrewriteaof();
        long r0 = System.nanoTime();
        if (start != KvDatabase.RewriteStart.STARTED) {
            throw new IllegalStateException("BGREWRITEAOF was " + start + ", not started at once");
        }
        KvDatabase.Fork f = db.lastFork();
        writeDuringFork(db, n, rep);
        long peak = Math.max(f.epcPagesAfter(), db.enclavePages());
        while (db.aofRewriteInProgress()) {
            peak = Math.max(peak, db.enclavePages());
            java.util.concurrent.locks.LockSupport.parkNanos(EPC_POLL_NANOS);
        }
        db.awaitBackgroundRewrite();
        double rewriteMs = (System.nanoTime() - r0) / 1e6;
        if (!db.lastBgrewriteOk()) {
            throw new IllegalStateException("the rewrite " + rep + " failed");
        }
        if (f.keys() != n) {
            throw new IllegalStateException("the fork saw " + f.keys() + " keys, not " + n);
        }
        return new Row(
                n,
                Op.BGREWRITEAOF.key(),
                setup,
                rep,
                f.wallNanos() / 1e6,
                f.modeledNanos() / 1e6,
                f.epcPagesBefore() * 4096 / MIB,
                f.epcPagesAfter() * 4096 / MIB,
                peak * 4096 / MIB,
                db.aofBaseSize(),
                rewriteMs,
                loadMs,
                Double.NaN,
                Double.NaN);
    }

    private static void expectOk(List<byte[]> replies, String what) {
        for (byte[] r : replies) {
            if (!Arrays.equals(r, OK)) {
                throw new IllegalStateException(what + " answered " + new String(r, StandardCharsets.UTF_8).trim());
            }
        }
    }

    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);

    static byte[] key(long i) {
        return bytes("key:" + i);
    }

    /** 32 bytes: "v", the write's generation and the key's number, zero-padded (never an integer to Redis). */
    static byte[] value(long i, int generation) {
        String v = String.format(Locale.ROOT, "v%02d%029d", generation % 100, i);
        return bytes(v);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean progress(long from, long to, long n) {
        long step = Math.max(LOAD_BATCH, n / 10);
        return to == n || from / step != to / step;
    }

    // ---------------------------------------------------------------- native redis-server

    /**
     * The AOF settings of the native rewrite: on, fsync once a second (Redis's default, as the emulated database's),
     * no automatic rewrite (the AOF of 10^6 loaded keys passes auto-aof-rewrite-min-size), RDB preamble (the default).
     */
    static final List<String> NATIVE_AOF =
            List.of("--appendonly", "yes", "--appendfsync", "everysec", "--auto-aof-rewrite-percentage", "0");

    private static List<Row> measureNative(long n, Op op, int reps, Progress progress)
            throws IOException, InterruptedException {
        progress.step("%,d keys, native redis-server, %s: loading with redis-cli --pipe...", n, op.key());
        List<Row> rows = new ArrayList<>();
        try (NativeRedis redis = op == Op.BGSAVE ? NativeRedis.start() : NativeRedis.start(NATIVE_AOF)) {
            long t0 = System.nanoTime();
            redis.pipe(n);
            double loadMs = (System.nanoTime() - t0) / 1e6;
            long size = (Long) redis.call("DBSIZE");
            if (size != n) {
                throw new IllegalStateException("loaded " + n + " keys but redis-server holds " + size);
            }
            progress.step("  loaded in %.1f s", loadMs / 1e3);
            long forksBefore = Long.parseLong(redis.info("stats").get("total_forks"));
            for (int rep = 1; rep <= reps; rep++) {
                Row r = op == Op.BGSAVE
                        ? redis.bgsave(n, rep, loadMs, forksBefore)
                        : redis.bgrewriteaof(n, rep, loadMs, forksBefore);
                rows.add(r);
                print(r, PlatformProfile.DEFAULT, progress); // a real fork: nothing modeled, no platform printed
            }
        }
        return rows;
    }

    /**
     * A real redis-server child process on a free loopback port with persistence off but for BGSAVE, in a temporary
     * directory removed on close; one RESP connection to it.
     */
    static final class NativeRedis implements AutoCloseable {
        final Process process;
        final int port;
        final Path dir;
        private final RespClient conn;

        private NativeRedis(Process process, int port, Path dir, RespClient conn) {
            this.process = process;
            this.port = port;
            this.dir = dir;
            this.conn = conn;
        }

        static NativeRedis start() throws IOException, InterruptedException {
            return start(List.of("--appendonly", "no"));
        }

        /**
         * A redis-server with {@code --save ""} and the AOF settings {@code aof} (e.g. {@code --appendonly yes
         * --appendfsync always}); without any, the AOF is off.
         */
        static NativeRedis start(List<String> aof) throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("teemate-kvfork-redis");
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of(
                    tool("redis-server"),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--dir",
                    dir.toString(),
                    "--dbfilename",
                    "dump.rdb",
                    "--logfile",
                    dir.resolve("redis-server.log").toString()));
            cmd.addAll(aof);
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                try {
                    RespClient c = new RespClient(port);
                    if (!"PONG".equals(c.call("PING"))) {
                        throw new IOException("redis-server on port " + port + " did not answer PONG");
                    }
                    return new NativeRedis(p, port, dir, c);
                } catch (ConnectException e) {
                    if (!p.isAlive() || System.nanoTime() > deadline) {
                        p.destroyForcibly();
                        throw new IOException(
                                "redis-server did not start on port " + port + "; its log: "
                                        + readQuietly(dir.resolve("redis-server.log"))
                                        + readQuietly(dir.resolve("stdout.log")),
                                e);
                    }
                    Thread.sleep(20);
                }
            }
        }

        /** One command's reply; an error reply is an exception naming the command. */
        Object call(String... argv) throws IOException {
            Object r = conn.call(argv);
            if (r instanceof RespClient.Err e) {
                throw new IOException(String.join(" ", argv) + " answered " + e.message());
            }
            return r;
        }

        /** Loads key:0 .. key:n-1 (the same values as the emulated database) with {@code redis-cli --pipe}. */
        void pipe(long n) throws IOException, InterruptedException {
            Path input = dir.resolve("load.resp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(input), 1 << 20)) {
                for (long i = 0; i < n; i++) {
                    out.write(RespClient.encode(bytes("SET"), key(i), value(i, 0)));
                }
            }
            Process cli = new ProcessBuilder(tool("redis-cli"), "-p", Integer.toString(port), "--pipe")
                    .redirectInput(input.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cli.waitFor(600, TimeUnit.SECONDS)
                    || cli.exitValue() != 0
                    || !out.contains("errors: 0, replies: " + n)) {
                throw new IOException("redis-cli --pipe failed: " + out.trim());
            }
            Files.delete(input);
        }

        /** INFO {@code section} as a map of its fields. */
        Map<String, String> info(String section) throws IOException {
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : ((String) call("INFO", section)).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("#")) {
                    m.put(line.substring(0, colon), line.substring(colon + 1));
                }
            }
            return m;
        }

        /** One BGSAVE, {@link #WRITES_DURING_SAVE} SETs while its child runs, awaited; {@code forks} before the first. */
        Row bgsave(long n, int rep, double loadMs, long forksBefore) throws IOException, InterruptedException {
            Map<String, String> mem = info("memory");
            double rss = Long.parseLong(mem.get("used_memory_rss")) / MIB;
            double used = Long.parseLong(mem.get("used_memory")) / MIB;
            Object started = call("BGSAVE");
            if (!"Background saving started".equals(started)) {
                throw new IllegalStateException("BGSAVE answered " + started);
            }
            long s0 = System.nanoTime();
            writeDuringFork(n, rep);
            Map<String, String> p = awaitBgsave();
            double saveMs = (System.nanoTime() - s0) / 1e6;
            if (!"ok".equals(p.get("rdb_last_bgsave_status"))
                    || !Integer.toString(rep).equals(p.get("rdb_saves"))) {
                throw new IllegalStateException("redis-server's BGSAVE " + rep + " failed: " + p);
            }
            double forkMs = forkMs(forksBefore, rep, "BGSAVE");
            double cow = Long.parseLong(p.getOrDefault("rdb_last_cow_size", "0")) / MIB;
            return new Row(
                    n,
                    Op.BGSAVE.key(),
                    "native",
                    rep,
                    forkMs,
                    Double.NaN,
                    rss,
                    Double.NaN,
                    rss + cow,
                    Files.size(dir.resolve("dump.rdb")),
                    saveMs,
                    loadMs,
                    used,
                    cow);
        }

        /**
         * One BGREWRITEAOF, the same writes while its child runs, awaited (aof_rewrite_in_progress:0, which Redis
         * reports once the parent has installed the new base); its size is {@code aof_base_size}, the copy-on-write
         * {@code aof_last_cow_size}.
         */
        Row bgrewriteaof(long n, int rep, double loadMs, long forksBefore) throws IOException, InterruptedException {
            Map<String, String> mem = info("memory");
            double rss = Long.parseLong(mem.get("used_memory_rss")) / MIB;
            double used = Long.parseLong(mem.get("used_memory")) / MIB;
            Object started = call("BGREWRITEAOF");
            if (!"Background append only file rewriting started".equals(started)) {
                throw new IllegalStateException("BGREWRITEAOF answered " + started);
            }
            long s0 = System.nanoTime();
            writeDuringFork(n, rep);
            Map<String, String> p;
            while (true) {
                p = info("persistence");
                if ("0".equals(p.get("aof_rewrite_in_progress")) && "0".equals(p.get("aof_rewrite_scheduled"))) {
                    break;
                }
                Thread.sleep(1);
            }
            double rewriteMs = (System.nanoTime() - s0) / 1e6;
            if (!"ok".equals(p.get("aof_last_bgrewrite_status"))) {
                throw new IllegalStateException("redis-server's BGREWRITEAOF " + rep + " failed: " + p);
            }
            double forkMs = forkMs(forksBefore, rep, "BGREWRITEAOF");
            double cow = Long.parseLong(p.getOrDefault("aof_last_cow_size", "0")) / MIB;
            return new Row(
                    n,
                    Op.BGREWRITEAOF.key(),
                    "native",
                    rep,
                    forkMs,
                    Double.NaN,
                    rss,
                    Double.NaN,
                    rss + cow,
                    Long.parseLong(p.get("aof_base_size")),
                    rewriteMs,
                    loadMs,
                    used,
                    cow);
        }

        private void writeDuringFork(long n, int rep) throws IOException {
            for (int w = 0; w < WRITES_DURING_SAVE; w++) {
                call(
                        "SET",
                        "key:" + (w * n / WRITES_DURING_SAVE),
                        new String(value(w, rep), StandardCharsets.US_ASCII));
            }
        }

        /** latest_fork_usec in ms, once the server has forked exactly {@code rep} times since {@code forksBefore}. */
        private double forkMs(long forksBefore, int rep, String what) throws IOException {
            Map<String, String> stats = info("stats");
            long forks = Long.parseLong(stats.get("total_forks")) - forksBefore;
            if (forks != rep) {
                throw new IllegalStateException(
                        "redis-server forked " + forks + " times for " + rep + " " + what + "s");
            }
            return Long.parseLong(stats.get("latest_fork_usec")) / 1e3;
        }

        /** Polls INFO persistence until no BGSAVE runs; returns its fields then. */
        Map<String, String> awaitBgsave() throws IOException, InterruptedException {
            while (true) {
                Map<String, String> p = info("persistence");
                if ("0".equals(p.get("rdb_bgsave_in_progress"))) {
                    return p;
                }
                Thread.sleep(1);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                conn.send(RespClient.encode(bytes("SHUTDOWN"), bytes("NOSAVE")));
            } catch (IOException ignored) {
                // it goes down anyway below
            }
            conn.close();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            TempDirs.delete(dir);
        }
    }

    static String tool(String name) {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        throw new IllegalStateException(
                name + " was not found on the PATH or in /usr/bin: the native comparison runs the "
                        + "real Redis 7 tools (apt-get install redis-server redis-tools), or pass --no-native");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    // ---------------------------------------------------------------- results

    private static void print(Row r, PlatformProfile platform, Progress progress) {
        boolean save = r.op.equals(Op.BGSAVE.key());
        progress.step(
                "  %-12s %s %d: fork %10.3f ms wall %s; memory %8.1f MiB before, %s after the fork, "
                        + "%8.1f MiB during the %s; %s %,d bytes in %.1f ms",
                r.setup,
                r.op.toUpperCase(Locale.ROOT),
                r.rep,
                r.forkWallMs,
                Double.isNaN(r.forkModeledMs)
                        ? "                   "
                        : String.format(Locale.ROOT, "%10.4f ms modeled (%s)", r.forkModeledMs, platform.id()),
                r.memBeforeMib,
                Double.isNaN(r.memAfterForkMib) ? "     -  " : String.format(Locale.ROOT, "%8.1f", r.memAfterForkMib),
                r.memDuringSnapshotMib,
                save ? "snapshot" : "rewrite",
                save ? "snapshot" : "AOF base",
                r.snapshotBytes,
                r.saveWallMs);
    }

    /** The header before the op column (files written before BGREWRITEAOF was measured: all BGSAVEs). */
    private static final String HEADER_BGSAVE_ONLY =
            "keys,setup,rep,fork_wall_ms,fork_modeled_ms,mem_before_mib,mem_after_fork_mib,"
                    + "mem_during_snapshot_mib,snapshot_bytes,save_wall_ms,load_wall_ms,native_used_memory_mib,native_cow_mib";

    private static final String HEADER =
            "keys,op,setup,rep,fork_wall_ms,fork_modeled_ms,mem_before_mib,mem_after_fork_mib,"
                    + "mem_during_snapshot_mib,snapshot_bytes,save_wall_ms,load_wall_ms,native_used_memory_mib,native_cow_mib";

    /**
     * The rows with a trailing platform column: the part whose clock priced fork_modeled_ms (empty where nothing is
     * modeled, the real redis-server's rows).
     */
    private static void write(List<Row> rows, Path csv, PlatformProfile platform) {
        StringBuilder out = new StringBuilder(HEADER).append(",platform\n");
        for (Row r : rows) {
            out.append(r.keys)
                    .append(',')
                    .append(r.op)
                    .append(',')
                    .append(r.setup)
                    .append(',')
                    .append(r.rep);
            for (double d : new double[] {
                r.forkWallMs, r.forkModeledMs, r.memBeforeMib, r.memAfterForkMib, r.memDuringSnapshotMib
            }) {
                out.append(',').append(cell(d));
            }
            out.append(',').append(r.snapshotBytes);
            for (double d : new double[] {r.saveWallMs, r.loadWallMs, r.nativeUsedMemoryMib, r.nativeCowMib}) {
                out.append(',').append(cell(d));
            }
            out.append(',').append(Double.isNaN(r.forkModeledMs) ? "" : platform.id());
            out.append('\n');
        }
        Results.write(csv, out);
    }

    private static String cell(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.6f", d);
    }

    static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        // files from before the platform column was written have no trailing platform; it is not read back
        boolean withOp =
                !lines.isEmpty() && (lines.get(0).equals(HEADER) || lines.get(0).equals(HEADER + ",platform"));
        if (!withOp && (lines.isEmpty() || !lines.get(0).equals(HEADER_BGSAVE_ONLY))) {
            throw new IOException(csv + " is not a KvFork results file (its header is not " + HEADER + ")");
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            int o = withOp ? 1 : 0;
            rows.add(new Row(
                    Long.parseLong(f[0]),
                    withOp ? f[1] : Op.BGSAVE.key(),
                    f[1 + o],
                    Integer.parseInt(f[2 + o]),
                    num(f[3 + o]),
                    num(f[4 + o]),
                    num(f[5 + o]),
                    num(f[6 + o]),
                    num(f[7 + o]),
                    Long.parseLong(f[8 + o]),
                    num(f[9 + o]),
                    num(f[10 + o]),
                    num(f[11 + o]),
                    num(f[12 + o])));
        }
        return rows;
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static final List<String> SETUPS = List.of("shared", "conventional", "native");

    /** The median of {@code f} over the rows of (op, keys, setup); NaN if there are none. */
    private static double median(
            List<Row> rows, String op, long keys, String setup, java.util.function.ToDoubleFunction<Row> f) {
        double[] v = rows.stream()
                .filter(r -> r.op.equals(op) && r.keys == keys && r.setup.equals(setup))
                .mapToDouble(f)
                .filter(d -> !Double.isNaN(d))
                .sorted()
                .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static List<Long> sizes(List<Row> rows) {
        return rows.stream()
                .map(Row::keys)
                .distinct()
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private static List<String> ops(List<Row> rows) {
        return rows.stream().map(Row::op).distinct().toList();
    }

    /** The two plots of {@code csv}'s rows, named after it: -latency.png and -epc.png. */
    /** @param modeledLabel what the modeled series are called: "modeled (PLATFORM)" */
    private static List<Path> plot(List<Row> rows, Path csv, String modeledLabel) {
        String stem = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        Path out = csv.toAbsolutePath().getParent();
        List<Long> sizes = sizes(rows);
        List<String> ops = ops(rows);
        double[] x = sizes.stream().mapToDouble(Long::doubleValue).toArray();
        List<Plots.Series> latency = new ArrayList<>();
        List<Plots.Series> memory = new ArrayList<>();
        for (String op : ops) {
            // BGSAVE alone keeps the labels it always had
            String prefix = ops.equals(List.of(Op.BGSAVE.key())) ? "" : op.toUpperCase(Locale.ROOT) + " ";
            for (String setup : SETUPS) {
                double[] wall = sizes.stream()
                        .mapToDouble(n -> median(rows, op, n, setup, Row::forkWallMs))
                        .toArray();
                double[] modeled = sizes.stream()
                        .mapToDouble(n -> median(rows, op, n, setup, Row::forkModeledMs))
                        .toArray();
                double[] mem = sizes.stream()
                        .mapToDouble(n -> median(rows, op, n, setup, Row::memDuringSnapshotMib))
                        .toArray();
                if (Arrays.stream(wall).allMatch(Double::isNaN)) {
                    continue;
                }
                if (setup.equals("native")) {
                    latency.add(new Plots.Series(prefix + "native redis-server fork (latest_fork_usec)", x, wall));
                    memory.add(new Plots.Series(prefix + "native redis-server: RSS + child's copy-on-write", x, mem));
                } else {
                    latency.add(new Plots.Series(prefix + setup + ", wall", x, wall));
                    latency.add(new Plots.Series(prefix + setup + ", " + modeledLabel, x, modeled));
                    memory.add(new Plots.Series(prefix + setup + ": EPC of all enclaves", x, mem));
                }
            }
        }
        String what = String.join(
                " and ", ops.stream().map(o -> o.toUpperCase(Locale.ROOT)).toList());
        List<Path> files = List.of(
                Plots.lines(
                        what + ": the server's wait for the fork, median",
                        "keys (log)",
                        "ms (log)",
                        latency,
                        true,
                        true,
                        out.resolve(stem + "-latency.png")),
                Plots.lines(
                        ops.equals(List.of(Op.BGSAVE.key()))
                                ? "Memory at the end of the snapshot (the peak of a BGSAVE), median"
                                : "Memory while the child runs (BGSAVE: at its end; rewrite: the largest sampled), median",
                        "keys (log)",
                        "MiB (log)",
                        memory,
                        true,
                        true,
                        out.resolve(stem + "-epc.png")));
        files.forEach(f -> System.out.println("wrote " + f));
        return files;
    }

    static void summary(List<Row> rows) {
        for (String op : ops(rows)) {
            System.out.println();
            System.out.println(op.toUpperCase(Locale.ROOT)
                    + ": medians per dataset size. Fork = the server's wait; memory = EPC of all enclaves "
                    + (op.equals(Op.BGSAVE.key())
                            ? "at the end of the snapshot"
                            : "at the largest sampled while the child rewrote")
                    + " (native: RSS + the child's copy-on-write).");
            System.out.println(
                    "| keys | shared fork wall / modeled ms | conventional fork wall / modeled ms | native fork ms "
                            + "| conventional / shared (wall / modeled) | shared / native (wall) | EPC shared / conventional MiB "
                            + "| native MiB | child's work wall ms shared / conventional / native | file bytes shared / conventional / native |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (long n : sizes(rows)) {
                double sw = median(rows, op, n, "shared", Row::forkWallMs);
                double sm = median(rows, op, n, "shared", Row::forkModeledMs);
                double cw = median(rows, op, n, "conventional", Row::forkWallMs);
                double cm = median(rows, op, n, "conventional", Row::forkModeledMs);
                double nw = median(rows, op, n, "native", Row::forkWallMs);
                double se = median(rows, op, n, "shared", Row::memDuringSnapshotMib);
                double ce = median(rows, op, n, "conventional", Row::memDuringSnapshotMib);
                double ne = median(rows, op, n, "native", Row::memDuringSnapshotMib);
                System.out.printf(
                        Locale.ROOT,
                        "| %,d | %.3f / %.4f | %.1f / %.2f | %.3f | %.0fx / %.0fx | %.1fx | %.1f / %.1f | %.1f "
                                + "| %.1f / %.1f / %.1f | %,.0f / %,.0f / %,.0f |%n",
                        n,
                        sw,
                        sm,
                        cw,
                        cm,
                        nw,
                        cw / sw,
                        cm / sm,
                        sw / nw,
                        se,
                        ce,
                        ne,
                        median(rows, op, n, "shared", Row::saveWallMs),
                        median(rows, op, n, "conventional", Row::saveWallMs),
                        median(rows, op, n, "native", Row::saveWallMs),
                        median(rows, op, n, "shared", r -> r.snapshotBytes),
                        median(rows, op, n, "conventional", r -> r.snapshotBytes),
                        median(rows, op, n, "native", r -> r.snapshotBytes));
            }
        }
    }

    private static String arg(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String s, String option) {
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a positive whole number, got '" + s + "'");
        }
        if (v <= 0) {
            throw new IllegalArgumentException(option + " takes a positive whole number, got " + v);
        }
        return v;
    }

    private static long parseCount(String s) {
        try {
            long v = s.matches("\\d+[eE]\\d+") ? Math.round(Double.parseDouble(s)) : Long.parseLong(s.replace("_", ""));
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--keys takes positive key counts separated by commas (e.g. 10000,1e5), got '" + s + "'");
        }
    }

    private KvFork() {}
}

package io.teemate.kv.host;

import io.teemate.abi.Wire;
import io.teemate.host.FileErrors;
import io.teemate.host.Platform;
import io.teemate.host.container.Container;
import io.teemate.host.container.ContainerImage;
import io.teemate.host.container.ContainerManager;
import io.teemate.host.container.EnclaveImage;
import io.teemate.host.container.Mode;
import io.teemate.host.container.Phase;
import io.teemate.kv.abi.KvAbi;
import io.teemate.sgx.Machine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The confidential database's host side: an emulated machine, the database container (the {@code kv} app in the
 * {@code teemate-kv} enclave image) and its snapshots. Commands go into the enclave in batches
 * ({@link KvAbi#EXEC}); only RESP replies come out. Snapshots:
 * <ul>
 * <li>{@link #save()} (SAVE): the database container seals its own dataset, the server waits;</li>
 * <li>{@link #bgsave()} (BGSAVE): a fork. <b>Shared</b> (TeeMate): the child process is aliased into the same
 *     enclave and bound to a TCS by ECALL_FORK, with a copy-on-write view of the dataset; <b>conventional</b>
 *     (Gramine): the child builds an enclave of its own and the parent's heap pages are copied into it, sealed on
 *     the way. The parent waits only for the fork; the child writes the snapshot in the background while the
 *     parent serves.</li>
 * </ul>
 * Snapshots replace {@link KvOptions#dbfilename} ({@link #SNAPSHOT} by default) atomically; the database loads it
 * at start and refuses to start on one that does not unseal, overwriting nothing.
 * <p>The append-only file ({@link KvOptions#aof}, Redis 7's multi-part AOF, {@link AppendOnlyFile}): every write that
 * changed the dataset is logged, sealed in the enclave, one record per batch, before {@link #execute} returns
 * (forced to the disk first with appendfsync always). At start the AOF loads instead of the snapshot; with the AOF
 * on and no manifest yet, the snapshot loads and becomes the AOF's first base at once, so turning the AOF on loses
 * nothing. {@link #bgrewriteaof} rewrites it by fork, in both modes, as BGSAVE forks.
 * <p>For the server's persistence policy: {@link #changesSinceLastSave} (Redis's server.dirty), {@link #denyWrites}
 * (MISCONF after a failed background save), the AOF's state ({@link #aofLastWriteOk}, {@link #aofFatalError},
 * {@link #aofCurrentSize}, {@link #aofBaseSize}). While the AOF cannot be written (everysec or no), writes answer
 * Redis's {@code -MISCONF Errors writing to the AOF file: <reason>} by themselves, unless {@link #denyWrites} set
 * another error, which comes first (as Redis checks the RDB error before the AOF's).
 * <p>Thread-safety: calls into the database container are serialized (its one TCS), and {@link #execute} with the
 * AOF append is one step under this object's lock; a background save or rewrite runs in the child's container on
 * another thread.
 */
public final class KvDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KvDatabase.class);
    /** The sealed snapshot's default file name in the data directory (dbfilename). */
    public static final String SNAPSHOT = "dump.sealed";
    /**
     * The largest batch of commands one invocation carries: 1 MiB less framing. The container's request buffer is
     * larger now (2 MiB, for OpenWhisk's 1 MiB payloads); the database keeps its batches as they were measured: with
     * 2 MiB pieces LargeCommandsTest's 8 MiB SET timed out once on a loaded machine (not investigated further).
     */
    static final int MAX_BATCH_BYTES = Math.min(ContainerManager.MAX_INVOKE_INPUT, (1 << 20) - 64) - 64;

    private static final Duration TCS_TIMEOUT = Duration.ofSeconds(30);

    /** What a fork cost: the parent's wait in wall and modeled time, and the EPC pages of all enclaves after it. */
    public record Fork(
            Mode mode, long wallNanos, double modeledNanos, long keys, long epcPagesBefore, long epcPagesAfter) {}

    /** A finished snapshot: its size and the EPC pages of all enclaves at its end (the peak of a BGSAVE). */
    public record Save(long bytes, long wallNanos, long epcPagesAtEnd) {}

    /**
     * A command the engine in the enclave implements, as COMMAND describes it: its lower-case name, Redis arity (n:
     * exactly n arguments with the name; -n: at least n) and legacy key positions (first, last, step; 0 0 0 for
     * none, a negative last key counts from the end).
     */
    public record Command(String name, int arity, int firstKey, int lastKey, int step, int flags) {
        /** KvAbi.COMMANDS' flag bit of CMD_WRITE (the engine's CommandSpec.Flag.WRITE, ordinal 0). */
        public static final int WRITE = 1;

        /** Whether the command may modify the dataset (CLIENT PAUSE WRITE holds it back). */
        public boolean write() {
            return (flags & WRITE) != 0;
        }
    }

    /**
     * The dataset's statistics, from inside the enclave: {@code keys} and {@code expires} of every database, and
     * per database that holds keys its own figures ({@code perDb}, by database index ascending); {@code expiredKeys}:
     * keys deleted because their deadline passed since the database opened (Redis's stat_expiredkeys).
     */
    public record Stats(
            long keys,
            long expires,
            long allocatedBytes,
            long privatePages,
            long sharedPages,
            long pagesCopied,
            List<DbStats> perDb,
            long expiredKeys,
            Expiry expiry) {
        public Stats {
            perDb = List.copyOf(perDb);
        }
    }

    /**
     * One database's line of INFO keyspace: its index, its keys, how many of them have a deadline, and the active
     * expiry's estimate of their average time to live (ms, 0 before it sampled them).
     */
    public record DbStats(int db, long keys, long expires, long avgTtl) {}

    /**
     * The active expiry cycle's figures (INFO stats): its running estimate of the share of keys with a deadline that
     * are past it (0..1), the cycles that ran out of time, and the time the cycles took (µs).
     */
    public record Expiry(double stalePerc, long timeCapReached, long cycleMicros) {}

    private final KvOptions options;
    private final KvDataDir data;
    private final ContainerManager manager;
    private final ContainerImage image;
    private final Container server;
    private final long keysLoaded;
    /** The append-only file; null when appendonly is no. Changed only under this object's lock ({@link #appendonly}). */
    private volatile AppendOnlyFile aof;
    /** The AOF's settings: the options' at start, appendfsync as CONFIG SET changed it since. */
    private volatile KvOptions.Aof aofOptions;
    /** Redis's server.dirty: changes since the last successful save. */
    private final java.util.concurrent.atomic.AtomicLong dirty = new java.util.concurrent.atomic.AtomicLong();
    /** The error line the host's policy has writes answer (MISCONF), null for none. */
    private volatile String deniedWrites;

    private volatile CompletableFuture<Void> rewrite;
    private volatile boolean rewriteScheduled;
    private volatile boolean lastBgrewriteOk = true;
    /** Set (under the lock) when closing: no scheduled rewrite starts after it. */
    private boolean closing;
    /** Told (once) why the server must exit: the AOF could not be written with appendfsync always. */
    private volatile java.util.function.Consumer<String> fatalHandler;
    /** Tests: runs with a rewrite's child before it writes the base (a test stops it to make the rewrite fail). */
    volatile java.util.function.Consumer<Container> beforeRewriteChildWrites;
    /** Tests: runs with a BGSAVE's child before it writes the snapshot. */
    volatile java.util.function.Consumer<Container> beforeSaveChildWrites;

    private volatile CompletableFuture<Save> background;
    private volatile Fork lastFork;
    private volatile long lastSaveSeconds;
    private volatile boolean lastBgsaveOk = true;
    private volatile Save lastSave;
    /** The engine's commands, asked of the enclave on first use ({@link #commands}); null before. */
    private volatile Map<String, Command> commands;

    private KvDatabase(
            KvOptions options,
            KvDataDir data,
            ContainerManager manager,
            ContainerImage image,
            Container server,
            long keysLoaded,
            AppendOnlyFile aof) {
        this.options = options;
        this.data = data;
        this.manager = manager;
        this.image = image;
        this.server = server;
        this.keysLoaded = keysLoaded;
        this.aof = aof;
        this.aofOptions = options.aof();
        this.lastSaveSeconds = System.currentTimeMillis() / 1000;
    }

    /**
     * Opens the data directory (making it on first use), boots the emulated machine, starts the database container
     * and loads the dataset: the append-only file if it is on and has a manifest, else the latest snapshot (which,
     * with the AOF on, becomes its first base at once).
     *
     * @throws KvException if the snapshot does not unseal (another container, enclave image or platform, or a
     *                     changed file) or the AOF does not load (a part changed, reordered, foreign, out of chain,
     *                     or cut with aof-load-truncated no; the message names the file and record): the database
     *                     does not start and the files are left as they are
     */
    public static KvDatabase open(KvOptions options) throws IOException {
        KvDataDir data = KvDataDir.open(options.dir(), options.heap());
        ContainerManager manager;
        try {
            manager = bootPlatform(
                    data,
                    options.epcMiB(),
                    Math.max(4, Runtime.getRuntime().availableProcessors()),
                    options.platform());
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
        Container server = null;
        AppendOnlyFile aof = null;
        try {
            ContainerImage image = image(data);
            EnclaveImage enclave = image.enclave();
            server = manager.start(image, options.mode());
            long keys;
            if (options.aof().enabled()) {
                aof = AppendOnlyFile.open(data.dir, options.aof());
            }
            if (aof != null && aof.hasChain()) {
                aof.deleteHistory();
                keys = loadAof(
                        manager,
                        server,
                        spaceBytes(enclave),
                        options.databases(),
                        aof,
                        options.aof().loadTruncated());
            } else {
                Path snapshot = data.dir.resolve(options.dbfilename());
                byte[] open = new Wire.Writer()
                        .u32(KvAbi.OPEN)
                        .u64(spaceBytes(enclave))
                        .u32(options.databases())
                        .string(Files.exists(snapshot) ? options.dbfilename() : "")
                        .toBytes();
                long t0 = System.nanoTime();
                Container.Outcome o = manager.invoke(server, open);
                if (o.error() == null && o.exitCode() == KvAbi.EXIT_BAD_SNAPSHOT) {
                    throw new KvException(
                            "refusing to start: snapshot " + snapshot + ": " + reason(o) + "; it was left untouched");
                }
                keys = new Wire.Reader(ok(o, "open the database")).u64("keys loaded");
                if (Files.exists(snapshot)) {
                    LOG.info(
                            "DB loaded from disk: {} keys from {} in {} ms",
                            keys,
                            snapshot,
                            (System.nanoTime() - t0) / 1_000_000);
                }
                if (aof != null) {
                    // the AOF is on and has no manifest: the dataset (the snapshot's, if any) is its first base now
                    AppendOnlyFile.Entry base = aof.createBase(ok(
                            manager.invoke(
                                    server,
                                    new Wire.Writer().u32(KvAbi.AOF_BASE).toBytes()),
                            "write the AOF base"));
                    LOG.info("Creating AOF base file {} on server start ({} keys)", base.name(), keys);
                }
            }
            if (aof != null) {
                openIncr(manager, server, aof);
                aof.startCron();
            }
            return new KvDatabase(options, data, manager, image, server, keys, aof);
        } catch (IOException | RuntimeException e) {
            if (aof != null) {
                aof.close();
            }
            if (server != null) {
                manager.stop(server);
            }
            manager.close();
            data.close();
            throw e;
        }
    }

    /**
     * Loads the AOF's chain in the enclave (AOF_LOAD); cuts a torn tail off the last file if the enclave loaded up
     * to it (aof-load-truncated yes) and says so; drops a last incremental file that holds no record.
     */
    private static long loadAof(
            ContainerManager manager,
            Container server,
            long spaceBytes,
            int databases,
            AppendOnlyFile aof,
            boolean loadTruncated)
            throws IOException {
        List<AppendOnlyFile.Entry> chain = aof.chain();
        Wire.Writer w = new Wire.Writer()
                .u32(KvAbi.AOF_LOAD)
                .u64(spaceBytes)
                .u32(databases)
                .u32(loadTruncated ? 1 : 0)
                .u32(chain.size());
        for (AppendOnlyFile.Entry e : chain) {
            w.u32(e.type() == 'b' ? KvAbi.AOF_PART_BASE : KvAbi.AOF_PART_INCR).string(aof.enclavePath(e));
        }
        long t0 = System.nanoTime();
        Container.Outcome o = manager.invoke(server, w.toBytes());
        if (o.error() == null && o.exitCode() == KvAbi.EXIT_BAD_AOF) {
            throw new KvException("refusing to start: the append-only file in " + aof.dir() + " does not load: "
                    + reason(o) + "; its files were left untouched");
        }
        Wire.Reader r = new Wire.Reader(ok(o, "load the append-only file"));
        long keys = r.u64("keys");
        r.u64("next sequence number");
        int n = (int) r.u32("parts");
        if (n != chain.size()) {
            throw new KvException("the database answered for " + n + " AOF parts, " + chain.size() + " were named");
        }
        long[] records = new long[n];
        long[] valid = new long[n];
        for (int i = 0; i < n; i++) {
            records[i] = r.u64("records");
            valid[i] = r.u64("valid bytes");
        }
        long cut = r.u32("truncated part");
        String warning = r.string("truncation");
        r.end();
        if (cut != KvAbi.NO_PART) {
            if (cut != n - 1 || chain.get((int) cut).type() != 'i' || !loadTruncated) {
                throw new KvException("the database cut AOF part " + cut + " of " + n + ", which it may not");
            }
            AppendOnlyFile.Entry last = chain.get((int) cut);
            aof.truncate(last, valid[(int) cut]);
            LOG.warn(warning);
        }
        AppendOnlyFile.Entry last = chain.get(n - 1);
        if (n > 1 && records[n - 1] == 0) {
            aof.dropEmptyIncr(last); // holds no record: the next file continues the chain at the same number
        }
        aof.measure();
        LOG.info(
                "DB loaded from append only file {}: {} keys, {} records in {} incremental files, {} ms",
                aof.dir(),
                keys,
                java.util.Arrays.stream(records).sum(),
                n - 1,
                (System.nanoTime() - t0) / 1_000_000);
        return keys;
    }

    /** Opens a new incremental file: the enclave makes its header (AOF_INCR), the host writes it and the manifest. */
    private static AppendOnlyFile.Entry openIncr(ContainerManager manager, Container server, AppendOnlyFile aof)
            throws IOException {
        Wire.Reader r = new Wire.Reader(
                ok(manager.invoke(server, new Wire.Writer().u32(KvAbi.AOF_INCR).toBytes()), "open an AOF file"));
        byte[] header = r.blob("header");
        r.u64("first sequence number");
        r.end();
        return aof.openIncr(header);
    }

    /**
     * The emulated platform of {@code data}: a machine whose fuse keys come from the directory's platform seed (so
     * its sealing keys are the same after a restart), its kernel, SGX driver and TeeMate controller, and a container
     * manager on them.
     */
    private static ContainerManager bootPlatform(
            KvDataDir data, int epcMiB, int logicalProcessors, io.teemate.sgx.cost.PlatformProfile platform) {
        return Platform.boot(Machine.builder()
                        .epcMiB(epcMiB)
                        .logicalProcessors(logicalProcessors)
                        .platform(platform)
                        .seed(data.platformSeed)
                        .build())
                .containerManager(TCS_TIMEOUT, Duration.ZERO);
    }

    /** The database's container image on its enclave image (the kv app compiled in), signed by the owner. */
    private static ContainerImage image(KvDataDir data) {
        EnclaveImage enclave = EnclaveImage.load(data.enclaveManifest, data.owner);
        return ContainerImage.of(
                data.containerManifest,
                io.teemate.abi.image.ContainerManifest.load(data.containerManifest),
                enclave,
                data.owner);
    }

    /** The copy-on-write space of the dataset: the whole heap but for the pages the runtime keeps. */
    private static long spaceBytes(EnclaveImage enclave) {
        long heap = enclave.manifest().heapSize();
        return Math.max(2 * 4096, heap - heap / 16) & ~4095L;
    }

    public KvOptions options() {
        return options;
    }

    public Path dir() {
        return data.dir;
    }

    public Mode mode() {
        return options.mode();
    }

    /** Keys the snapshot held at start (0 without one). */
    public long keysLoaded() {
        return keysLoaded;
    }

    /**
     * Runs commands in the enclave, in order, and returns their RESP2 replies. Batches are split to fit the
     * request buffer; a single command larger than that is staged into the enclave in pieces and runs alone.
     */
    public synchronized List<byte[]> execute(List<List<byte[]>> commands) {
        return execute(commands, new int[commands.size()]);
    }

    /**
     * As {@link #execute(List)}, command {@code i} in database {@code dbs[i]} (its client's SELECTed database; each
     * must be below {@link KvOptions#databases}, which the enclave checks too).
     */
    public synchronized List<byte[]> execute(List<List<byte[]>> commands, int[] dbs) {
        if (dbs.length != commands.size()) {
            throw new IllegalArgumentException(dbs.length + " databases for " + commands.size() + " commands");
        }
        List<byte[]> replies = new ArrayList<>(commands.size());
        List<List<byte[]>> batch = new ArrayList<>();
        List<Integer> batchDbs = new ArrayList<>();
        long batchBytes = 16;
        for (int c = 0; c < commands.size(); c++) {
            List<byte[]> argv = commands.get(c);
            if (dbs[c] < 0 || dbs[c] >= options.databases()) {
                throw new IllegalArgumentException(
                        "database " + dbs[c] + " does not exist (databases " + options.databases() + ")");
            }
            long size = 8;
            for (byte[] a : argv) {
                size += 8 + a.length;
            }
            if (size + 16 > MAX_BATCH_BYTES) {
                replies.addAll(run(batch, batchDbs, false));
                batch.clear();
                batchDbs.clear();
                batchBytes = 16;
                stage(argv);
                replies.addAll(run(List.of(argv), List.of(dbs[c]), true));
                continue;
            }
            if (batchBytes + size > MAX_BATCH_BYTES) {
                replies.addAll(run(batch, batchDbs, false));
                batch.clear();
                batchDbs.clear();
                batchBytes = 16;
            }
            batch.add(argv);
            batchDbs.add(dbs[c]);
            batchBytes += size;
        }
        replies.addAll(run(batch, batchDbs, false));
        return replies;
    }

    /**
     * Copies a command too large for one request into the enclave ({@link KvAbi#STAGE}): its arguments in order,
     * cut into pieces where one does not fit, as many pieces per request as the request buffer takes. Redis takes a
     * big argument the same way, a read at a time.
     */
    private void stage(List<byte[]> argv) {
        int room = MAX_BATCH_BYTES - 64; // the request's own words
        int pieceWords = 8 + 8 + 4; // argument length, offset, the piece's length
        Wire.Writer pieces = new Wire.Writer();
        int count = 0;
        int used = 0;
        for (byte[] a : argv) {
            int at = 0;
            do {
                if (room - used <= pieceWords) {
                    stageRequest(count, pieces);
                    pieces = new Wire.Writer();
                    count = 0;
                    used = 0;
                }
                int n = Math.min(room - used - pieceWords, a.length - at);
                pieces.u64(a.length).u64(at).blob(java.util.Arrays.copyOfRange(a, at, at + n));
                count++;
                used += pieceWords + n;
                at += n;
            } while (at < a.length);
        }
        stageRequest(count, pieces);
    }

    /** One STAGE request: {@code count} pieces, already written into {@code pieces}. */
    private void stageRequest(int count, Wire.Writer pieces) {
        if (count > 0) {
            byte[] request = new Wire.Writer()
                    .u32(KvAbi.STAGE)
                    .u32(count)
                    .bytes(pieces.toBytes())
                    .toBytes();
            ok(invoke(server, request), "stage a large command");
        }
    }

    /** Runs {@code batch}; {@code staged}: its one command was {@link #stage}d and is sent as {@link KvAbi#ARGC_STAGED}. */
    private List<byte[]> run(List<List<byte[]>> batch, List<Integer> dbs, boolean staged) {
        if (batch.isEmpty()) {
            return List.of();
        }
        String fatal = aofFatalError();
        if (fatal != null) {
            throw new KvException(fatal);
        }
        String deny = writesDeniedBy();
        Wire.Writer w = new Wire.Writer()
                .u32(KvAbi.EXEC)
                .string(deny == null ? "" : deny)
                .u32(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            List<byte[]> argv = batch.get(i);
            if (staged) {
                w.u32(dbs.get(i)).u32(KvAbi.ARGC_STAGED);
                continue;
            }
            w.u32(dbs.get(i)).u32(argv.size());
            for (byte[] a : argv) {
                w.blob(a);
            }
        }
        Wire.Reader r = new Wire.Reader(ok(invoke(server, w.toBytes()), "execute commands"));
        int n = (int) r.u32("replies");
        if (n != batch.size()) {
            throw new KvException("the database answered " + n + " replies to " + batch.size() + " commands");
        }
        List<byte[]> replies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            replies.add(r.blob("reply"));
        }
        for (long e = r.u32("internal errors"); e > 0; e--) {
            long id = r.u64("error id");
            LOG.error("internal error in the enclave (id {}): {}", id, r.string("detail"));
        }
        dirty.addAndGet(r.u64("dirty"));
        byte[] record = r.blob("AOF record");
        r.end();
        appendRecord(record);
        return replies;
    }

    /** Appends a record the enclave sealed (none if empty) to the AOF; a failure to write it is fatal. */
    private void appendRecord(byte[] record) {
        if (record.length > 0) {
            if (aof == null) {
                throw new KvException("the database sealed an AOF record while the AOF is off");
            }
            try {
                aof.append(record); // written (and with appendfsync always forced) before any reply goes out
            } catch (KvException e) {
                fatal(e.getMessage());
                throw e;
            }
        }
    }

    /**
     * Puts encoding thresholds into effect in the enclave ({@link KvAbi#CONFIG}): names as redis.conf spells them
     * ({@link KvConfig#ENCODING_THRESHOLDS}), values 0..LONG_MAX. A sorted set keeps its encoding until a write
     * converts it, as in Redis; a set's or hash's is decided by the thresholds in effect when OBJECT ENCODING asks
     * (Redis: when it was last written).
     */
    public synchronized void encodingThresholds(Map<String, Long> thresholds) {
        Wire.Writer w = new Wire.Writer().u32(KvAbi.CONFIG).u32(thresholds.size());
        thresholds.forEach((name, value) -> w.string(name).u64(value));
        ok(invoke(server, w.toBytes()), "set the encoding thresholds");
    }

    /** The error writes answer now: the host policy's ({@link #denyWrites}) first, then the AOF's; null if none. */
    private String writesDeniedBy() {
        String denied = deniedWrites;
        if (denied != null) {
            return denied;
        }
        AppendOnlyFile a = aof;
        return a == null ? null : a.denyLine();
    }

    private void fatal(String reason) {
        LOG.error(reason);
        java.util.function.Consumer<String> h = fatalHandler;
        if (h != null) {
            h.accept(reason);
        }
    }

    /**
     * Refuses every write (and PING, as Redis's MISCONF) with {@code errorLine} (without its leading '-' and CRLF,
     * e.g. Redis's {@code MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to
     * disk...}) until called with null. Reads go on. Comes before the AOF's own MISCONF.
     */
    public void denyWrites(String errorLineOrNull) {
        if (errorLineOrNull != null
                && (errorLineOrNull.isEmpty()
                        || errorLineOrNull.indexOf('\r') >= 0
                        || errorLineOrNull.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("an error line is not empty and holds no CR or LF");
        }
        deniedWrites = errorLineOrNull;
    }

    /** The error writes answer now (the host policy's or the AOF's MISCONF), null if they run. */
    public String writesDenied() {
        return writesDeniedBy();
    }

    /**
     * Redis's rdb_changes_since_last_save (server.dirty): the changes the dataset's commands made since the last
     * successful SAVE or BGSAVE (a BGSAVE takes off the changes there were at its fork, as Redis does).
     */
    public long changesSinceLastSave() {
        return dirty.get();
    }

    /** Who is told, once, that the server must exit: the AOF could not be written or forced with appendfsync always. */
    public void onFatal(java.util.function.Consumer<String> handler) {
        this.fatalHandler = handler;
    }

    public boolean aofEnabled() {
        return aof != null;
    }

    /** CONFIG SET appendfsync: from the next write on, and for an AOF turned on later. */
    public synchronized void appendfsync(KvOptions.Aof.Fsync fsync) {
        aofOptions = aofOptions.withFsync(fsync);
        AppendOnlyFile a = aof;
        if (a != null) {
            a.fsync(fsync);
        }
    }

    /**
     * CONFIG SET appendonly, as Redis's startAppendOnly / stopAppendOnly. On: the dataset as it is now becomes a new
     * base (the files of an earlier AOF in the directory become history and are deleted) and a new incremental file
     * is opened, both before the next command runs; Redis does the base by a rewrite in the background, here it is
     * written under the lock, so the first write after it is already logged. Off: the enclave stops sealing records,
     * the AOF is forced to the disk and closed; its files stay. Refused while a rewrite runs (Redis kills the child).
     */
    public synchronized void appendonly(boolean on) throws IOException {
        AppendOnlyFile current = aof;
        if (on == (current != null)) {
            return;
        }
        if (!on) {
            if (aofRewriteInProgress()) {
                throw new KvBusyException("ERR Background append only file rewriting in progress: turn the AOF off"
                        + " when it is done (INFO persistence, aof_rewrite_in_progress:0)");
            }
            ok(invoke(server, new Wire.Writer().u32(KvAbi.AOF_OFF).toBytes()), "stop the append-only file");
            aof = null;
            rewriteScheduled = false;
            current.close();
            LOG.info("Append only file turned off: {} is kept as it is", current.dir());
            return;
        }
        AppendOnlyFile opened = AppendOnlyFile.open(data.dir, aofOptions);
        try {
            AppendOnlyFile.Entry base = opened.createBase(
                    ok(invoke(server, new Wire.Writer().u32(KvAbi.AOF_BASE).toBytes()), "write the AOF base"));
            openIncr(manager, server, opened);
            opened.deleteHistory();
            opened.startCron();
            LOG.info("Append only file turned on: base {} written in {}", base.name(), opened.dir());
        } catch (IOException | RuntimeException e) {
            invoke(server, new Wire.Writer().u32(KvAbi.AOF_OFF).toBytes()); // whatever it opened, it seals nothing
            opened.close();
            LOG.warn("Turning the append only file on failed: {}", FileErrors.describe(e));
            throw e;
        }
        aof = opened;
    }

    /** aof_last_write_status: false while the AOF's last write (or background fsync) failed. */
    public boolean aofLastWriteOk() {
        return aof == null || aof.lastWriteOk();
    }

    /** The reason of the AOF's last failed write or fsync, null if none failed. */
    public String aofLastWriteError() {
        AppendOnlyFile a = aof;
        return a == null ? null : a.lastWriteError();
    }

    /**
     * Why the server must exit (Redis's "Can't recover from AOF write error when the AOF fsync policy is 'always'.
     * Exiting..."), null if it need not. Once set, {@link #execute} refuses every batch.
     */
    public String aofFatalError() {
        AppendOnlyFile a = aof;
        return a == null ? null : a.fatalError();
    }

    /** aof_current_size: the AOF's base and incremental files (0 when the AOF is off). */
    public long aofCurrentSize() {
        AppendOnlyFile a = aof;
        return a == null ? 0 : a.currentSize();
    }

    /** aof_base_size: the base's size at the last rewrite or start (0 when the AOF is off). */
    public long aofBaseSize() {
        AppendOnlyFile a = aof;
        return a == null ? 0 : a.baseSize();
    }

    /** The append-only file itself, for tests (fault injection, the once-a-second tick); null when off. */
    AppendOnlyFile aofFile() {
        return aof;
    }

    /** The AOF's directory, null when the AOF is off. */
    public Path aofDir() {
        AppendOnlyFile a = aof;
        return a == null ? null : a.dir();
    }

    /** DBSIZE, from inside the enclave. */
    private long dbsize() {
        byte[] reply = execute(List.of(List.of("DBSIZE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                .get(0);
        return Long.parseLong(new String(reply, 1, reply.length - 3, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * Every command the engine in the enclave implements, by lower-case name in name order: asked of the database
     * container ({@link KvAbi#COMMANDS}) the first time and kept, since the table is the enclave program's code and
     * does not change while it runs. Not asked at open, so a database whose clients never send COMMAND makes no
     * extra ecall.
     */
    public Map<String, Command> commands() {
        Map<String, Command> known = commands;
        if (known == null) {
            Wire.Reader r = new Wire.Reader(
                    ok(invoke(server, new Wire.Writer().u32(KvAbi.COMMANDS).toBytes()), "list its commands"));
            Map<String, Command> table = new TreeMap<>();
            for (long n = r.u32("commands"); n > 0; n--) {
                Command c = new Command(
                        r.string("name"),
                        (int) r.u32("arity"),
                        (int) r.u32("first key"),
                        (int) r.u32("last key"),
                        (int) r.u32("step"),
                        (int) r.u32("flags"));
                table.put(c.name(), c);
            }
            r.end();
            known = Collections.unmodifiableMap(table);
            commands = known; // two first callers may both ask: the same answer
        }
        return known;
    }

    /** The dataset's statistics, from inside the enclave (counting the keys with a deadline visits every key). */
    public Stats stats() {
        Wire.Reader r = new Wire.Reader(
                ok(invoke(server, new Wire.Writer().u32(KvAbi.STATS).toBytes()), "read statistics"));
        long keys = r.u64("keys");
        long expires = r.u64("expires");
        long allocated = r.u64("allocated");
        long privatePages = r.u64("private pages");
        long sharedPages = r.u64("shared pages");
        long copied = r.u64("pages copied");
        long n = r.u32("databases with keys");
        if (n > options.databases()) {
            throw new KvException("the database reported " + n + " databases, it has " + options.databases());
        }
        List<DbStats> perDb = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            perDb.add(new DbStats(
                    (int) r.u32("database"),
                    r.u64("database keys"),
                    r.u64("database expires"),
                    r.u64("database avg ttl")));
        }
        long expired = r.u64("expired keys");
        Expiry expiry = new Expiry(
                Math.min(1.0, r.u64("stale millionths") / 1e6), r.u64("time cap reached"), r.u64("cycle micros"));
        r.end();
        return new Stats(keys, expires, allocated, privatePages, sharedPages, copied, perDb, expired, expiry);
    }

    /**
     * One cycle of the enclave's active expiry (expire.c activeExpireCycle) within {@code budgetMicros}, for the
     * server's cron; the DELs it propagates go to the AOF as a batch's do. Returns the keys it deleted.
     */
    public synchronized long activeExpireCycle(long budgetMicros) {
        String fatal = aofFatalError();
        if (fatal != null) {
            return 0; // the server is going down: nothing more is written
        }
        Wire.Reader r = new Wire.Reader(ok(
                invoke(
                        server,
                        new Wire.Writer()
                                .u32(KvAbi.ACTIVE_EXPIRE)
                                .u64(budgetMicros)
                                .toBytes()),
                "expire keys"));
        long deleted = r.u64("deleted");
        byte[] record = r.blob("AOF record");
        r.end();
        appendRecord(record);
        return deleted;
    }

    /** What the database's machine has been charged so far on the modeled clock (docs/cost-model.md). */
    public io.teemate.sgx.cost.InstructionCounters.Snapshot modeledCounters() {
        return manager.counters();
    }

    /** EPC pages of every enclave on the machine (resident or evicted). */
    public long enclavePages() {
        return manager.totalEnclavePages();
    }

    /** SAVE: the database container seals its dataset into the snapshot (dbfilename); refused during a BGSAVE. */
    public synchronized Save save() throws IOException {
        if (bgsaveInProgress()) {
            throw new KvBusyException("ERR Background save already in progress");
        }
        long t0 = System.nanoTime();
        long bytes;
        try {
            bytes = writeSnapshot(server);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Failed saving the DB: {}", FileErrors.describe(e));
            throw e;
        }
        Save s = new Save(bytes, System.nanoTime() - t0, enclavePages());
        lastSave = s;
        lastSaveSeconds = System.currentTimeMillis() / 1000;
        LOG.info("DB saved on disk ({} bytes)", bytes);
        dirty.set(0); // nothing ran meanwhile: execute waits for this lock
        return s;
    }

    /**
     * BGSAVE: forks the database as its mode says and returns once the child has the dataset, while the child
     * seals it into the snapshot (dbfilename) in the background ({@link #awaitBackgroundSave}).
     *
     * @throws KvBusyException if a background save is running
     */
    public synchronized Fork bgsave() {
        if (bgsaveInProgress()) {
            throw new KvBusyException("ERR Background save already in progress");
        }
        if (aofRewriteInProgress()) {
            throw new KvBusyException("ERR Another child process is active (AOF?): can't BGSAVE right now. "
                    + "Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
        }
        Forked forked;
        try {
            forked = fork("Background saving");
        } catch (RuntimeException e) {
            lastBgsaveOk = false; // rdbSaveBackground: a fork that fails is a failed save (lastbgsave_status:err)
            throw e;
        }
        Container child = forked.child();
        Fork f = forked.fork();
        long changesAtFork = dirty.get();
        CompletableFuture<Save> started = CompletableFuture.supplyAsync(
                () -> {
                    long s0 = System.nanoTime();
                    try {
                        java.util.function.Consumer<Container> hook = beforeSaveChildWrites;
                        if (hook != null) {
                            hook.accept(child);
                        }
                        long bytes = writeSnapshot(child);
                        Save s = new Save(bytes, System.nanoTime() - s0, enclavePages());
                        lastSave = s;
                        lastSaveSeconds = System.currentTimeMillis() / 1000;
                        lastBgsaveOk = true;
                        dirty.addAndGet(-changesAtFork); // server.dirty - server.dirty_before_bgsave
                        LOG.info("Background saving terminated with success ({} bytes)", bytes);
                        return s;
                    } catch (IOException | RuntimeException e) {
                        lastBgsaveOk = false;
                        LOG.warn("Background saving error: {}", FileErrors.describe(e));
                        throw new KvException("background save failed: " + FileErrors.describe(e), e);
                    } finally {
                        manager.stop(child);
                    }
                },
                runnable -> {
                    Thread t = new Thread(runnable, "teemate-kv-bgsave");
                    t.setDaemon(true);
                    t.start();
                });
        background = started;
        // a BGREWRITEAOF asked for during the save starts once it is done, as Redis's serverCron does
        started.whenComplete((s, e) -> startScheduledRewrite());
        return f;
    }

    private record Forked(Container child, Fork fork) {}

    /**
     * Forks the database as its mode says (shared: ECALL_FORK into the same enclave; conventional: checkpoint and
     * restore into a new one) and returns the child, which has the dataset (and its AOF position) as it is now.
     * Logs "{@code what} started" with the fork's cost, as Redis logs its fork.
     */
    private Forked fork(String what) {
        long before = enclavePages();
        long keys = dbsize();
        long t0 = System.nanoTime();
        Container child;
        double modeled;
        if (options.mode() == Mode.SHARED) {
            child = manager.fork(server);
            modeled = child.phases().totalModeledNanos();
        } else {
            Checkpoint cp = conventionalFork();
            child = cp.child;
            modeled = cp.modeledNanos;
        }
        long wall = System.nanoTime() - t0;
        Fork f = new Fork(options.mode(), wall, modeled, keys, before, enclavePages());
        lastFork = f;
        LOG.info(
                "{} started ({} fork of {} keys: {} us wall, {} us modeled ({}))",
                what,
                f.mode().name().toLowerCase(Locale.ROOT),
                keys,
                wall / 1000,
                Math.round(modeled / 1000),
                options.platform().id());
        return new Forked(child, f);
    }

    /** How {@link #bgrewriteaof} went: started now, or scheduled after the running BGSAVE (Redis's replies). */
    public enum RewriteStart {
        /** "Background append only file rewriting started". */
        STARTED,
        /** "Background append only file rewriting scheduled": a BGSAVE runs; the rewrite starts when it ends. */
        SCHEDULED
    }

    /**
     * BGREWRITEAOF, in Redis 7's order: a new incremental file is opened and named in the manifest (so a rewrite
     * that fails or is killed leaves a valid base and chain of incremental files), then the database forks as
     * BGSAVE does (shared: the child shares the enclave; conventional: a new enclave, the AOF position inside the
     * sealed checkpoint), and returns; the child writes the new base in the background
     * ({@link #awaitBackgroundRewrite}), then the manifest switches to the new base and the incremental files from
     * the one opened here, and the old files are deleted. The parent serves and logs meanwhile, into the new file.
     *
     * @throws KvBusyException if a rewrite runs already (Redis's error), or the AOF is off
     */
    public synchronized RewriteStart bgrewriteaof() throws IOException {
        if (aof == null) {
            throw new KvBusyException(
                    "ERR Background append only file rewriting needs the append-only file on (appendonly yes)");
        }
        if (aofRewriteInProgress()) {
            throw new KvBusyException("ERR Background append only file rewriting already in progress");
        }
        if (bgsaveInProgress()) {
            rewriteScheduled = true;
            return RewriteStart.SCHEDULED;
        }
        startRewrite();
        return RewriteStart.STARTED;
    }

    private synchronized void startScheduledRewrite() {
        if (closing || !rewriteScheduled || aofRewriteInProgress() || bgsaveInProgress()) {
            return;
        }
        try {
            startRewrite();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Background append only file rewriting could not start: {}", FileErrors.describe(e));
        }
    }

    private void startRewrite() throws IOException {
        AppendOnlyFile.Entry keepFrom;
        Forked forked;
        try {
            keepFrom = openIncr(manager, server, aof);
            forked = fork("Background append only file rewriting");
        } catch (IOException | RuntimeException e) {
            lastBgrewriteOk = false;
            rewriteScheduled = false;
            throw e;
        }
        Container child = forked.child();
        rewrite = CompletableFuture.runAsync(
                () -> {
                    try {
                        java.util.function.Consumer<Container> hook = beforeRewriteChildWrites;
                        if (hook != null) {
                            hook.accept(child);
                        }
                        byte[] base = ok(
                                invoke(
                                        child,
                                        new Wire.Writer().u32(KvAbi.AOF_BASE).toBytes()),
                                "write the AOF base");
                        Path temp = aof.writeRewriteTemp(base); // the server goes on meanwhile
                        synchronized (KvDatabase.this) { // then, between batches: rename, manifest, old files gone
                            aof.installBase(temp, keepFrom);
                        }
                        lastBgrewriteOk = true;
                        LOG.info("Background AOF rewrite finished successfully");
                    } catch (IOException | RuntimeException e) {
                        lastBgrewriteOk = false;
                        LOG.warn(
                                "Background AOF rewrite failed: {} (the previous base and the incremental files after"
                                        + " it stay)",
                                FileErrors.describe(e));
                        throw new KvException("background AOF rewrite failed: " + FileErrors.describe(e), e);
                    } finally {
                        manager.stop(child);
                    }
                },
                runnable -> {
                    Thread t = new Thread(runnable, "teemate-kv-bgrewriteaof");
                    t.setDaemon(true);
                    t.start();
                });
        rewriteScheduled = false; // after the rewrite is in place: who sees it unscheduled sees it running
    }

    /** True while a background AOF rewrite runs. */
    public boolean aofRewriteInProgress() {
        CompletableFuture<Void> r = rewrite;
        return r != null && !r.isDone();
    }

    /** aof_rewrite_scheduled: a BGREWRITEAOF waits for the running BGSAVE. */
    public boolean aofRewriteScheduled() {
        return rewriteScheduled;
    }

    /** aof_last_bgrewrite_status. */
    public boolean lastBgrewriteOk() {
        return lastBgrewriteOk;
    }

    /** Waits for the running (or last) background rewrite; rethrows its failure. */
    public void awaitBackgroundRewrite() {
        CompletableFuture<Void> r = rewrite;
        if (r == null) {
            return;
        }
        try {
            r.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private record Checkpoint(Container child, double modeledNanos) {}

    /**
     * The conventional fork (Gramine's): the parent seals its heap pages into checkpoint records, a new process
     * builds its own enclave and attaches, and the records are restored into it. The parent waits for all of it.
     */
    private Checkpoint conventionalFork() {
        Container.Outcome cp =
                invoke(server, new Wire.Writer().u32(KvAbi.CHECKPOINT).toBytes());
        Wire.Reader records = new Wire.Reader(ok(cp, "checkpoint the heap"));
        double modeled = cp.modeledNanos();
        Container child = manager.start(image, Mode.CONVENTIONAL);
        try {
            for (Phase p : Phase.values()) {
                modeled += child.phases().modeledNanos(p);
            }
            boolean done = false;
            while (!done) {
                byte[] record = records.blob("checkpoint record");
                Container.Outcome o = invoke(
                        child, new Wire.Writer().u32(KvAbi.RESTORE).blob(record).toBytes());
                modeled += o.modeledNanos();
                done = new Wire.Reader(ok(o, "restore the checkpoint")).u32("done") == 1;
            }
            records.end();
            return new Checkpoint(child, modeled);
        } catch (RuntimeException e) {
            manager.stop(child);
            throw e;
        }
    }

    /** True while a background save runs. */
    public boolean bgsaveInProgress() {
        CompletableFuture<Save> b = background;
        return b != null && !b.isDone();
    }

    /** Waits for the running background save (if any) and returns it; null if none was started. */
    public Save awaitBackgroundSave() {
        CompletableFuture<Save> b = background;
        if (b == null) {
            return null;
        }
        try {
            return b.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public Fork lastFork() {
        return lastFork;
    }

    public Save lastSave() {
        return lastSave;
    }

    /** Unix time of the last successful save (or of the start), as LASTSAVE. */
    public long lastSaveSeconds() {
        return lastSaveSeconds;
    }

    public boolean lastBgsaveOk() {
        return lastBgsaveOk;
    }

    private long writeSnapshot(Container c) throws IOException {
        Container.Outcome o = invoke(c, new Wire.Writer().u32(KvAbi.SAVE).toBytes());
        byte[] sealed = ok(o, "seal the snapshot");
        return SnapshotFiles.replace(data.dir.resolve(options.dbfilename()), out -> out.write(sealed));
    }

    /**
     * {@code teemate kv export}: unseals {@code snapshot} inside an enclave of the data directory that holds it (its
     * container, enclave image and platform) and writes the plain RDB stream to {@code out}, atomically.
     *
     * @return the RDB file's size
     */
    public static long export(Path snapshot, Path out) throws IOException {
        Path file = snapshot.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IOException("no snapshot file " + snapshot);
        }
        KvDataDir data = KvDataDir.existing(file.getParent());
        try (ContainerManager manager = bootPlatform(data, 64, 2, io.teemate.sgx.cost.PlatformProfile.DEFAULT)) {
            ContainerImage image = image(data);
            Container c = manager.start(image, Mode.SHARED);
            try {
                Container.Outcome o = manager.invoke(
                        c,
                        new Wire.Writer()
                                .u32(KvAbi.EXPORT)
                                .string(file.getFileName().toString())
                                .toBytes());
                if (o.error() == null && o.exitCode() == KvAbi.EXIT_BAD_SNAPSHOT) {
                    throw new KvException("cannot export " + snapshot + ": " + reason(o) + "; no output was written");
                }
                if (o.error() != null || o.exitCode() != 0) {
                    // never the output: it may hold plaintext
                    throw new KvException("cannot export " + snapshot + ": the database container failed ("
                            + (o.error() != null ? o.error() : "exit " + o.exitCode()) + "); no output was written");
                }
                byte[] rdb = o.stdout();
                return SnapshotFiles.replace(out.toAbsolutePath(), s -> s.write(rdb));
            } finally {
                manager.stop(c);
            }
        }
    }

    /** What {@link #exportAof} wrote: the RDB file's size, and Redis's warning if the AOF's last file was torn. */
    public record AofExport(long bytes, String warning) {}

    /**
     * {@code teemate kv export --from aof}: loads the append-only file named by {@code manifest} (its
     * {@code <appendfilename>.manifest}, or a data directory, for the default appendonlydir/appendonly.aof.manifest)
     * inside an enclave of the data directory that holds it, and writes the recovered dataset as a plain RDB stream
     * to {@code out}, atomically. Nothing is unsealed outside the enclave, and nothing leaves it before every part
     * authenticated; a torn tail of the last file loads as aof-load-truncated yes has it, and the file is not cut.
     */
    public static AofExport exportAof(Path manifest, Path out) throws IOException {
        return exportAof(manifest, out, KvOptions.DEFAULT_DATABASES);
    }

    /**
     * As {@link #exportAof(Path, Path)}, into a keyspace of {@code databases} databases (the server's
     * {@code databases}: an AOF that SELECTs a database past it does not load, as in Redis).
     */
    public static AofExport exportAof(Path manifest, Path out, int databases) throws IOException {
        Path given = manifest.toAbsolutePath().normalize();
        Path aofDir;
        String fileName;
        if (Files.isDirectory(given)) {
            aofDir = given.resolve(KvOptions.Aof.DEFAULTS.dirName());
            fileName = KvOptions.Aof.DEFAULTS.fileName();
        } else if (given.getFileName().toString().endsWith(".manifest") && Files.isRegularFile(given)) {
            aofDir = given.getParent();
            String name = given.getFileName().toString();
            fileName = name.substring(0, name.length() - ".manifest".length());
        } else {
            throw new IOException("no AOF manifest " + manifest
                    + " (an <appendfilename>.manifest, e.g. teemate-kv/appendonlydir/appendonly.aof.manifest)");
        }
        AppendOnlyFile.Manifest m = AppendOnlyFile.readManifest(aofDir, fileName);
        if (m == null || m.chain().isEmpty()) {
            throw new IOException("no AOF in " + aofDir + " (no " + fileName + ".manifest naming its files)");
        }
        Path dataDir = aofDir.getParent();
        KvDataDir data = KvDataDir.existing(dataDir);
        String dirName = aofDir.getFileName().toString();
        try (ContainerManager manager = bootPlatform(data, 128, 2, io.teemate.sgx.cost.PlatformProfile.DEFAULT)) {
            ContainerImage image = image(data);
            Container c = manager.start(image, Mode.SHARED);
            try {
                List<AppendOnlyFile.Entry> chain = m.chain();
                Wire.Writer w = new Wire.Writer()
                        .u32(KvAbi.EXPORT_AOF)
                        .u64(spaceBytes(image.enclave()))
                        .u32(databases)
                        .u32(chain.size());
                for (AppendOnlyFile.Entry e : chain) {
                    w.u32(e.type() == 'b' ? KvAbi.AOF_PART_BASE : KvAbi.AOF_PART_INCR)
                            .string(dirName + "/" + e.name());
                }
                Container.Outcome o = manager.invoke(c, w.toBytes());
                if (o.error() == null && o.exitCode() == KvAbi.EXIT_BAD_AOF) {
                    throw new KvException(
                            "cannot export the AOF in " + aofDir + ": " + reason(o) + "; no output was written");
                }
                if (o.error() != null || o.exitCode() != 0) {
                    throw new KvException("cannot export the AOF in " + aofDir + ": the database container failed ("
                            + (o.error() != null ? o.error() : "exit " + o.exitCode()) + "); no output was written");
                }
                byte[] all = o.stdout();
                Wire.Reader r = new Wire.Reader(all);
                String warning = r.string("warning");
                int from = 4 + warning.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                long bytes = SnapshotFiles.replace(out.toAbsolutePath(), s -> s.write(all, from, all.length - from));
                return new AofExport(bytes, warning);
            } finally {
                manager.stop(c);
            }
        }
    }

    /**
     * The reason the database container gave for refusing a snapshot, which is all its output then: a short line of
     * text. Anything else (a stream cut off part-way, should the file change between the passes of an export) is
     * not shown, since it may be plaintext.
     */
    private static String reason(Container.Outcome o) {
        String text = o.stdoutText();
        if (text.isEmpty() || text.length() > 512 || !text.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
            return "it does not unseal (the enclave's message is not shown: it is not a short line of text)";
        }
        return text;
    }

    private Container.Outcome invoke(Container c, byte[] request) {
        return manager.invoke(c, request);
    }

    /** The outcome's output if it succeeded; else a {@link KvException} with the runtime's or the app's message. */
    private static byte[] ok(Container.Outcome o, String what) {
        if (o.error() != null) {
            throw new KvException("the database container could not " + what + ": " + o.error());
        }
        if (o.exitCode() != 0) {
            throw new KvException(
                    "the database container could not " + what + " (exit " + o.exitCode() + "): " + o.stdoutText());
        }
        return o.stdout();
    }

    /**
     * Redis's prepareForShutdown: waits for a running background save or AOF rewrite (Redis kills its child instead;
     * here the child is a container in this process, and what it writes is good), then saves the dataset if
     * {@code save}. The AOF is forced to the disk by {@link #close}.
     *
     * @return null when the database may exit; the reason it may not (the final save failed) otherwise, unless
     *         {@code force}, which exits anyway
     */
    public synchronized String prepareForShutdown(boolean save, boolean force) {
        if (bgsaveInProgress()) {
            LOG.warn("There is a background save in progress: waiting for it before exiting");
            try {
                awaitBackgroundSave();
            } catch (RuntimeException e) {
                // logged by the save itself; the final save below is the one that counts
            }
        }
        if (aofRewriteInProgress()) {
            LOG.warn("There is a background AOF rewrite in progress: waiting for it before exiting");
            try {
                awaitBackgroundRewrite();
            } catch (RuntimeException e) {
                // logged by the rewrite; the base and incremental files it would have replaced stay good
            }
        }
        if (!save) {
            return null;
        }
        LOG.info("Saving the final RDB snapshot before exiting.");
        try {
            save();
            return null;
        } catch (IOException | RuntimeException e) {
            String why = FileErrors.describe(e);
            if (force) {
                LOG.warn("Error trying to save the DB, exiting anyway (FORCE): {}", why);
                return null;
            }
            LOG.warn("Error trying to save the DB, can't exit: {}", why);
            return why;
        }
    }

    @Override
    public void close() {
        try {
            CompletableFuture<Save> b = background;
            if (b != null) {
                try {
                    b.join();
                } catch (RuntimeException ignored) {
                    // reported to whoever waited for it; closing goes on
                }
            }
            synchronized (this) {
                closing = true; // a rewrite scheduled after that save has started by now, or never will
            }
            CompletableFuture<Void> r = rewrite;
            if (r != null) {
                try {
                    r.join();
                } catch (RuntimeException ignored) {
                    // logged; closing goes on
                }
            }
        } finally {
            try {
                if (aof != null) {
                    aof.close();
                }
            } finally {
                try {
                    manager.stop(server);
                    manager.close();
                } finally {
                    data.close(); // the directory's lock, last: nothing of this server touches it after
                }
            }
        }
    }
}

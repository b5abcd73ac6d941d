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
 * Snapshots replace {@link #SNAPSHOT} atomically; the database loads it at start and refuses to start on one
 * that does not unseal, overwriting nothing.
 * <p>Thread-safety: calls into the database container are serialized (its one TCS); a background save runs in
 * the child's container on another thread.
 */
public final class KvDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KvDatabase.class);
    /** The sealed snapshot's file name in the data directory. */
    public static final String SNAPSHOT = "dump.sealed";
    /** The largest batch of commands one invocation carries (the container's request buffer, less framing). */
    static final int MAX_BATCH_BYTES = ContainerManager.MAX_INVOKE_INPUT - 64;

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
    public record Command(String name, int arity, int firstKey, int lastKey, int step) {}

    /** The dataset's statistics, from inside the enclave. */
    public record Stats(
            long keys, long expires, long allocatedBytes, long privatePages, long sharedPages, long pagesCopied) {}

    private final KvOptions options;
    private final KvDataDir data;
    private final ContainerManager manager;
    private final ContainerImage image;
    private final Container server;
    private final long keysLoaded;
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
            long keysLoaded) {
        this.options = options;
        this.data = data;
        this.manager = manager;
        this.image = image;
        this.server = server;
        this.keysLoaded = keysLoaded;
        this.lastSaveSeconds = System.currentTimeMillis() / 1000;
    }

    /**
     * Opens the data directory (making it on first use), boots the emulated machine, starts the database container
     * and loads the latest snapshot.
     *
     * @throws KvException if the snapshot does not unseal (another container, enclave image or platform, or a
     *                     changed file): the database does not start and the file is left as it is
     */
    public static KvDatabase open(KvOptions options) throws IOException {
        KvDataDir data = KvDataDir.open(options.dir(), options.heap());
        ContainerManager manager;
        try {
            manager = bootPlatform(
                    data, options.epcMiB(), Math.max(4, Runtime.getRuntime().availableProcessors()));
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
        Container server = null;
        try {
            ContainerImage image = image(data);
            EnclaveImage enclave = image.enclave();
            server = manager.start(image, options.mode());
            Path snapshot = data.dir.resolve(SNAPSHOT);
            byte[] open = new Wire.Writer()
                    .u32(KvAbi.OPEN)
                    .u64(spaceBytes(enclave))
                    .string(Files.exists(snapshot) ? SNAPSHOT : "")
                    .toBytes();
            long t0 = System.nanoTime();
            Container.Outcome o = manager.invoke(server, open);
            if (o.error() == null && o.exitCode() == KvAbi.EXIT_BAD_SNAPSHOT) {
                throw new KvException(
                        "refusing to start: snapshot " + snapshot + ": " + reason(o) + "; it was left untouched");
            }
            long keys = new Wire.Reader(ok(o, "open the database")).u64("keys loaded");
            if (Files.exists(snapshot)) {
                LOG.info(
                        "DB loaded from disk: {} keys from {} in {} ms",
                        keys,
                        snapshot,
                        (System.nanoTime() - t0) / 1_000_000);
            }
            return new KvDatabase(options, data, manager, image, server, keys);
        } catch (RuntimeException e) {
            if (server != null) {
                manager.stop(server);
            }
            manager.close();
            data.close();
            throw e;
        }
    }

    /**
     * The emulated platform of {@code data}: a machine whose fuse keys come from the directory's platform seed (so
     * its sealing keys are the same after a restart), its kernel, SGX driver and TeeMate controller, and a container
     * manager on them.
     */
    private static ContainerManager bootPlatform(KvDataDir data, int epcMiB, int logicalProcessors) {
        return Platform.boot(Machine.builder()
                        .epcMiB(epcMiB)
                        .logicalProcessors(logicalProcessors)
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
     * request buffer; a single command larger than that gets an error reply without entering the enclave.
     */
    public List<byte[]> execute(List<List<byte[]>> commands) {
        List<byte[]> replies = new ArrayList<>(commands.size());
        List<List<byte[]>> batch = new ArrayList<>();
        long batchBytes = 16;
        for (List<byte[]> argv : commands) {
            long size = 8;
            for (byte[] a : argv) {
                size += 8 + a.length;
            }
            if (size + 16 > MAX_BATCH_BYTES) {
                replies.addAll(run(batch));
                batch.clear();
                batchBytes = 16;
                replies.add(("-ERR the command is " + size + " bytes; the enclave's request buffer takes "
                                + MAX_BATCH_BYTES + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                continue;
            }
            if (batchBytes + size > MAX_BATCH_BYTES) {
                replies.addAll(run(batch));
                batch.clear();
                batchBytes = 16;
            }
            batch.add(argv);
            batchBytes += size;
        }
        replies.addAll(run(batch));
        return replies;
    }

    private List<byte[]> run(List<List<byte[]>> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Wire.Writer w = new Wire.Writer().u32(KvAbi.EXEC).u32(batch.size());
        for (List<byte[]> argv : batch) {
            w.u32(argv.size());
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
        r.end();
        return replies;
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
                        r.string("name"), (int) r.u32("arity"), (int) r.u32("first key"), (int) r.u32("last key"), (int)
                                r.u32("step"));
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
        return new Stats(
                r.u64("keys"),
                r.u64("expires"),
                r.u64("allocated"),
                r.u64("private pages"),
                r.u64("shared pages"),
                r.u64("pages copied"));
    }

    /** EPC pages of every enclave on the machine (resident or evicted). */
    public long enclavePages() {
        return manager.totalEnclavePages();
    }

    /** SAVE: the database container seals its dataset into {@link #SNAPSHOT}; refused during a BGSAVE, as Redis does. */
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
        return s;
    }

    /**
     * BGSAVE: forks the database as its mode says and returns once the child has the dataset, while the child
     * seals it into {@link #SNAPSHOT} in the background ({@link #awaitBackgroundSave}).
     *
     * @throws KvBusyException if a background save is running
     */
    public synchronized Fork bgsave() {
        if (bgsaveInProgress()) {
            throw new KvBusyException("ERR Background save already in progress");
        }
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
                "Background saving started ({} fork of {} keys: {} us wall, {} us modeled)",
                options.mode().name().toLowerCase(java.util.Locale.ROOT),
                keys,
                wall / 1000,
                Math.round(modeled / 1000));
        background = CompletableFuture.supplyAsync(
                () -> {
                    long s0 = System.nanoTime();
                    try {
                        long bytes = writeSnapshot(child);
                        Save s = new Save(bytes, System.nanoTime() - s0, enclavePages());
                        lastSave = s;
                        lastSaveSeconds = System.currentTimeMillis() / 1000;
                        lastBgsaveOk = true;
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
        return f;
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
        return SnapshotFiles.replace(data.dir.resolve(SNAPSHOT), out -> out.write(sealed));
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
        try (ContainerManager manager = bootPlatform(data, 64, 2)) {
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
     * Redis's prepareForShutdown: waits for a running background save (Redis kills its child instead; here the
     * child is a container in this process, and its snapshot is good), then saves the dataset if {@code save}.
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

package io.teemate.kv.host;

import io.teemate.host.FileErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The append-only file on the host side, as Redis 7.0's aof.c keeps it: the multi-part layout in
 * {@code <dir>/<appenddirname>} (one base {@code <appendfilename>.<n>.base.rdb}, incremental files
 * {@code <appendfilename>.<n>.incr.aof}, and the manifest {@code <appendfilename>.manifest} in Redis's own text
 * format, replaced atomically: temp file, fsync, rename, fsync of the directory), the appends, and the fsync policy.
 * Every byte of the files is sealed in the enclave ({@code kv.enclave.SealedAof}); this side only stores them, in
 * order, and says when that failed.
 * <p>Writes, as Redis's flushAppendOnlyFile: each batch's record is written before {@link KvDatabase#execute}
 * returns, so before the server replies; with {@code appendfsync always} it is also forced to the disk then, and a
 * write or fsync that fails is fatal ({@link #fatalError}: the server must exit, as Redis does). With everysec a
 * background thread forces the file once a second; with no, never. With everysec or no, a failed write keeps the
 * unwritten bytes (after cutting off a partial write, if it can), reports {@code aof_last_write_status:err} and
 * {@link #denyLine} Redis's MISCONF error, and retries once a second and at the next batch until a write succeeds.
 * <p>Thread-safety: every method is synchronized, but the everysec fsync runs outside the lock, beside appends.
 */
final class AppendOnlyFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyFile.class);
    /** Redis's "Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...". */
    static final String FATAL_WRITE =
            "Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...";

    /** One line of the manifest: a file, its sequence number, its type ('b' base, 'h' history, 'i' incremental). */
    record Entry(String name, long seq, char type) {
        Entry {
            if (!isBaseName(name)) {
                throw new IllegalArgumentException("File can't be a path, just a filename");
            }
        }

        Entry as(char newType) {
            return new Entry(name, seq, newType);
        }
    }

    /** The manifest: at most one base, history files, then incremental files in order (aof.c aofManifest). */
    static final class Manifest {
        Entry base;
        final List<Entry> history = new ArrayList<>();
        final List<Entry> incr = new ArrayList<>();
        long baseSeq;
        long incrSeq;

        Manifest copy() {
            Manifest m = new Manifest();
            m.base = base;
            m.history.addAll(history);
            m.incr.addAll(incr);
            m.baseSeq = baseSeq;
            m.incrSeq = incrSeq;
            return m;
        }

        /** The chain to load: the base (if any), then the incremental files. */
        List<Entry> chain() {
            List<Entry> out = new ArrayList<>();
            if (base != null) {
                out.add(base);
            }
            out.addAll(incr);
            return out;
        }

        /** aof.c getAofManifestAsString: the base first, then history, then incremental files. */
        String format() {
            StringBuilder b = new StringBuilder();
            if (base != null) {
                line(b, base);
            }
            history.forEach(e -> line(b, e));
            incr.forEach(e -> line(b, e));
            return b.toString();
        }

        private static void line(StringBuilder b, Entry e) {
            b.append("file ")
                    .append(needsRepr(e.name()) ? repr(e.name()) : e.name())
                    .append(" seq ")
                    .append(e.seq())
                    .append(" type ")
                    .append(e.type())
                    .append('\n');
        }

        /**
         * aof.c aofLoadManifestFromFile: lines of "file NAME seq N type T" (more pairs allowed, unknown keys
         * ignored), '#' comments; its errors, with the line.
         */
        static Manifest parse(String text, String fileName) {
            Manifest m = new Manifest();
            long maxSeq = 0;
            int lineNumber = 0;
            if (text.isEmpty()) {
                throw new KvException(manifestError(fileName, 0, null, "Found an empty AOF manifest"));
            }
            int at = 0;
            while (at < text.length()) {
                int nl = text.indexOf('\n', at);
                lineNumber++;
                String raw = nl < 0 ? text.substring(at) : text.substring(at, nl);
                at = nl < 0 ? text.length() : nl + 1;
                if (raw.startsWith("#")) {
                    continue;
                }
                if (nl < 0 || raw.length() > 1024) {
                    throw new KvException(
                            manifestError(fileName, lineNumber, raw, "The AOF manifest file contains too long line"));
                }
                String line = raw.strip();
                List<String> argv = line.isEmpty() ? null : splitArgs(line);
                if (argv == null || argv.size() < 6 || argv.size() % 2 != 0) {
                    throw new KvException(
                            manifestError(fileName, lineNumber, line, "Invalid AOF manifest file format"));
                }
                String name = null;
                long seq = 0;
                char type = 0;
                for (int i = 0; i < argv.size(); i += 2) {
                    String key = argv.get(i).toLowerCase(Locale.ROOT);
                    String value = argv.get(i + 1);
                    switch (key) {
                        case "file" -> {
                            if (!isBaseName(value)) {
                                throw new KvException(manifestError(
                                        fileName, lineNumber, line, "File can't be a path, just a filename"));
                            }
                            name = value;
                        }
                        case "seq" -> seq = atoll(value);
                        case "type" -> type = value.isEmpty() ? 0 : value.charAt(0);
                        default -> {
                            // forward compatibility, as Redis
                        }
                    }
                }
                if (name == null || seq == 0 || type == 0) {
                    throw new KvException(
                            manifestError(fileName, lineNumber, line, "Invalid AOF manifest file format"));
                }
                Entry e = new Entry(name, seq, type);
                switch (type) {
                    case 'b' -> {
                        if (m.base != null) {
                            throw new KvException(
                                    manifestError(fileName, lineNumber, line, "Found duplicate base file information"));
                        }
                        m.base = e;
                        m.baseSeq = seq;
                    }
                    case 'h' -> m.history.add(e);
                    case 'i' -> {
                        if (seq <= maxSeq) {
                            throw new KvException(
                                    manifestError(fileName, lineNumber, line, "Found a non-monotonic sequence number"));
                        }
                        m.incr.add(e);
                        m.incrSeq = seq;
                        maxSeq = seq;
                    }
                    default ->
                        throw new KvException(manifestError(fileName, lineNumber, line, "Unknown AOF file type"));
                }
            }
            return m;
        }

        private static String manifestError(String file, int line, String text, String error) {
            return "FATAL AOF MANIFEST FILE ERROR in " + file
                    + (text == null ? "" : ", at line " + line + " ('" + text + "')") + ": " + error;
        }
    }

    private final Path dir;
    private final String dirName;
    /** Its settings; appendfsync changes with CONFIG SET ({@link #fsync}). */
    private volatile KvOptions.Aof options;

    private Manifest manifest;
    /** The incremental file being appended to, and its manifest entry; null before {@link #openIncr}. */
    private FileChannel incr;

    private Entry incrEntry;
    /** Bytes in the current incremental file. */
    private long incrSize;
    /** Bytes of the files of the chain other than the current incremental file (base included). */
    private long otherSize;

    private long baseSize;
    /** Sealed records not yet written (Redis's aof_buf): kept after a failed write, retried. */
    private byte[] pending = new byte[0];

    private boolean lastWriteOk = true;
    private String lastWriteError;
    /** The last background fsync's failure (Redis's aof_bio_fsync_status), null if it succeeded. */
    private volatile String fsyncError;
    /** Written since the last fsync. */
    private volatile boolean unsynced;
    /** Why the server must exit (appendfsync always and a failed write or fsync), null if it need not. */
    private volatile String fatal;

    private Thread cron;
    private volatile boolean closed;

    /** Tests: the next write (or fsync) fails with this, while it is set. */
    volatile IOException injectedWriteError;

    volatile IOException injectedFsyncError;

    private AppendOnlyFile(Path dir, String dirName, KvOptions.Aof options, Manifest manifest) {
        this.dir = dir;
        this.dirName = dirName;
        this.options = options;
        this.manifest = manifest;
    }

    /**
     * The AOF of data directory {@code dataDir}: makes {@code appenddirname} if it is missing and reads the manifest
     * if there is one (a bad manifest is a {@link KvException} with Redis's message and the line).
     */
    static AppendOnlyFile open(Path dataDir, KvOptions.Aof options) throws IOException {
        Path dir = dataDir.resolve(options.dirName());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("Can't open or create append-only dir " + dir + ": it is not a directory");
        }
        Files.createDirectories(dir);
        return new AppendOnlyFile(dir, options.dirName(), options, readManifest(dir, options.fileName()));
    }

    /** The manifest in {@code dir}, null if there is none. */
    static Manifest readManifest(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName + ".manifest");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return Manifest.parse(Files.readString(file, StandardCharsets.ISO_8859_1), file.toString());
    }

    Path dir() {
        return dir;
    }

    /** True if the manifest names files to load (a base or incremental files). */
    synchronized boolean hasChain() {
        return manifest != null && !manifest.chain().isEmpty();
    }

    /** The base, then the incremental files, as the manifest lists them. */
    synchronized List<Entry> chain() {
        return manifest == null ? List.of() : manifest.chain();
    }

    synchronized Manifest manifest() {
        return manifest == null ? null : manifest.copy();
    }

    /** A file's path for the enclave: under the container's root, which is the data directory. */
    String enclavePath(Entry e) {
        return dirName + "/" + e.name();
    }

    /** Deletes the history files the manifest still names (a crash after a rewrite), as Redis does at start. */
    synchronized void deleteHistory() throws IOException {
        if (manifest == null || manifest.history.isEmpty()) {
            return;
        }
        Manifest m = manifest.copy();
        for (Entry e : m.history) {
            LOG.info("Removing the history file " + e.name());
            Files.deleteIfExists(dir.resolve(e.name()));
        }
        m.history.clear();
        persist(m);
        manifest = m;
    }

    /** Counts the sizes of the chain's files (after loading; before any incremental file is opened). */
    synchronized void measure() throws IOException {
        baseSize = manifest.base == null ? 0 : Files.size(dir.resolve(manifest.base.name()));
        otherSize = 0;
        for (Entry e : manifest.chain()) {
            otherSize += Files.size(dir.resolve(e.name()));
        }
    }

    /** Cuts {@code e} to {@code length} bytes (a torn tail after aof-load-truncated yes) and forces it. */
    synchronized void truncate(Entry e, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve(e.name()), StandardOpenOption.WRITE)) {
            ch.truncate(length);
            ch.force(true);
        }
    }

    /** Takes an incremental file that holds no record out of the chain, and deletes it. */
    synchronized void dropEmptyIncr(Entry e) throws IOException {
        Manifest m = manifest.copy();
        if (!m.incr.remove(e)) {
            throw new IllegalArgumentException(e.name() + " is not an incremental file of the manifest");
        }
        persist(m);
        manifest = m;
        Files.deleteIfExists(dir.resolve(e.name()));
    }

    /**
     * The first base of a new AOF ({@code sealed}, from the enclave), when the AOF is turned on with no manifest:
     * {@code <appendfilename>.1.base.rdb}, written atomically. The manifest that names it is written by
     * {@link #openIncr} with the first incremental file.
     */
    synchronized Entry createBase(byte[] sealed) throws IOException {
        Manifest m = manifest == null ? new Manifest() : manifest.copy();
        if (m.base != null) {
            m.history.add(0, m.base.as('h'));
        }
        m.history.addAll(m.incr.stream().map(e -> e.as('h')).toList());
        m.incr.clear();
        Entry base = new Entry(options.fileName() + "." + (++m.baseSeq) + ".base.rdb", m.baseSeq, 'b');
        baseSize = SnapshotFiles.replace(dir.resolve(base.name()), out -> out.write(sealed));
        m.base = base;
        manifest = m;
        otherSize = baseSize;
        return base;
    }

    /**
     * Opens a new incremental file whose first bytes are {@code header} (from the enclave), forced to the disk, then
     * names it in the manifest (persisted), then appends go there: Redis's openNewIncrAofForAppend. The previous
     * file is written out (anything pending) and forced first; if anything fails, nothing changed.
     */
    synchronized Entry openIncr(byte[] header) throws IOException {
        if (!flushPending()) {
            throw new IOException(
                    "cannot open a new AOF file while the current one cannot be written: " + lastWriteError);
        }
        Manifest m = manifest == null ? new Manifest() : manifest.copy();
        long seq = m.incrSeq + 1;
        Entry e = new Entry(options.fileName() + "." + seq + ".incr.aof", seq, 'i');
        Path file = dir.resolve(e.name());
        FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            ByteBuffer b = ByteBuffer.wrap(header);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
            m.incr.add(e);
            m.incrSeq = seq;
            persist(m);
        } catch (IOException | RuntimeException failed) {
            ch.close();
            Files.deleteIfExists(file);
            throw failed;
        }
        FileChannel old = incr;
        if (old != null) {
            try {
                old.force(false);
            } finally {
                old.close();
            }
            otherSize += incrSize;
        }
        manifest = m;
        incr = ch;
        incrEntry = e;
        incrSize = header.length;
        LOG.info("Creating AOF incr file " + e.name());
        return e;
    }

    /** The incremental file being appended to. */
    synchronized Entry currentIncr() {
        return incrEntry;
    }

    /**
     * A rewrite's new base ({@code sealed}, from the child) in a temporary file of the AOF directory, forced to the
     * disk: Redis's child writes {@code temp-rewriteaof-bg-<pid>.aof}. Needs no lock: the server goes on meanwhile.
     */
    Path writeRewriteTemp(byte[] sealed) throws IOException {
        Path temp = dir.resolve("temp-rewriteaof-bg-" + ProcessHandle.current().pid() + ".aof");
        boolean done = false;
        try (FileChannel ch = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(sealed);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        return temp;
    }

    /**
     * After a rewrite: {@code temp} (the child's base, {@link #writeRewriteTemp}) becomes the new base, the
     * incremental files from {@code keepFrom} on stay, and the old base and the incremental files before
     * {@code keepFrom} are deleted (aof.c backgroundRewriteDoneHandler: rename, manifest with the old files as
     * history, then the history removed).
     */
    synchronized void installBase(Path temp, Entry keepFrom) throws IOException {
        Manifest m = manifest.copy();
        int from = m.incr.indexOf(keepFrom);
        if (from < 0) {
            Files.deleteIfExists(temp);
            throw new IllegalStateException(keepFrom.name() + " is no longer in the manifest");
        }
        Entry base = new Entry(options.fileName() + "." + (m.baseSeq + 1) + ".base.rdb", m.baseSeq + 1, 'b');
        long size = Files.size(temp);
        try {
            Files.move(
                    temp,
                    dir.resolve(base.name()),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        List<Entry> history = new ArrayList<>();
        if (m.base != null) {
            history.add(m.base.as('h'));
        }
        for (Entry e : m.incr.subList(0, from)) {
            history.add(e.as('h'));
        }
        m.base = base;
        m.baseSeq = base.seq();
        m.history.addAll(0, history);
        List<Entry> kept = new ArrayList<>(m.incr.subList(from, m.incr.size()));
        m.incr.clear();
        m.incr.addAll(kept);
        try {
            persist(m);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(dir.resolve(base.name()));
            throw e;
        }
        manifest = m;
        baseSize = size;
        otherSize = size;
        for (Entry e : kept) {
            if (!e.equals(incrEntry)) {
                otherSize += Files.size(dir.resolve(e.name()));
            }
        }
        deleteHistory();
    }

    /**
     * Appends one sealed record: writes it (and anything still pending) before returning, and with appendfsync
     * always forces it too.
     *
     * @throws KvException with {@link #FATAL_WRITE} if that failed under appendfsync always: the server must exit
     */
    synchronized void append(byte[] record) {
        if (fatal != null) {
            throw new KvException(fatal);
        }
        if (incr == null) {
            throw new IllegalStateException("no incremental AOF file is open");
        }
        byte[] all = Arrays.copyOf(pending, pending.length + record.length);
        System.arraycopy(record, 0, all, pending.length, record.length);
        pending = all;
        flushPending();
        if (fatal != null) {
            throw new KvException(fatal);
        }
    }

    /** Writes what is pending (aof.c flushAppendOnlyFile); true if nothing is left pending. */
    private boolean flushPending() {
        if (pending.length == 0 || incr == null) {
            return true;
        }
        int written = 0;
        try {
            IOException injected = injectedWriteError;
            if (injected != null) {
                throw injected;
            }
            ByteBuffer b = ByteBuffer.wrap(pending);
            while (b.hasRemaining()) {
                written += incr.write(b);
            }
        } catch (IOException e) {
            writeFailed(e, written);
            return false;
        }
        incrSize += pending.length;
        pending = new byte[0];
        if (options.fsync() == KvOptions.Aof.Fsync.ALWAYS) {
            try {
                IOException injected = injectedFsyncError;
                if (injected != null) {
                    throw injected;
                }
                incr.force(false);
            } catch (IOException e) {
                fatal = "Can't persist AOF for fsync error when the AOF fsync policy is 'always': "
                        + FileErrors.describe(e) + ". Exiting...";
                LOG.warn(fatal);
                return false;
            }
        } else {
            unsynced = true;
        }
        if (!lastWriteOk) {
            LOG.warn("AOF write error looks solved, Redis can write again.");
            lastWriteOk = true;
            lastWriteError = null;
        }
        return true;
    }

    private void writeFailed(IOException e, int written) {
        if (options.fsync() == KvOptions.Aof.Fsync.ALWAYS) {
            fatal = FATAL_WRITE;
            LOG.warn("Error writing to the AOF file: " + FileErrors.describe(e) + ". " + FATAL_WRITE);
            return;
        }
        if (written > 0) {
            try {
                incr.truncate(incrSize); // "Trying to remove the partially written data"
            } catch (IOException t) {
                // the partial write stays in the file: go on from where it ended
                incrSize += written;
                pending = Arrays.copyOfRange(pending, written, pending.length);
            }
        }
        if (lastWriteOk) {
            LOG.warn("Error writing to the AOF file: " + FileErrors.describe(e));
        }
        lastWriteOk = false;
        lastWriteError = FileErrors.describe(e);
    }

    /** Redis's strerror: the operating system's reason, without Java's decoration. */

    /** CONFIG SET appendfsync: the next write follows the new policy (Redis reads server.aof_fsync per write). */
    synchronized void fsync(KvOptions.Aof.Fsync fsync) {
        options = options.withFsync(fsync);
    }

    /** Starts the once-a-second thread: background fsync (everysec) and retries of a failed write. */
    synchronized void startCron() {
        if (cron != null) {
            return;
        }
        cron = new Thread(this::cronLoop, "teemate-kv-aof");
        cron.setDaemon(true);
        cron.start();
    }

    private void cronLoop() {
        while (!closed) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            tick();
        }
    }

    /** One second's work: retry a failed write, then the everysec fsync (outside the lock, beside appends). */
    void tick() {
        FileChannel ch;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (pending.length > 0 && fatal == null) {
                flushPending();
            }
            if (options.fsync() != KvOptions.Aof.Fsync.EVERYSEC || !unsynced) {
                return;
            }
            unsynced = false;
            ch = incr;
        }
        if (ch == null) {
            return;
        }
        try {
            IOException injected = injectedFsyncError;
            if (injected != null) {
                throw injected;
            }
            ch.force(false);
            if (fsyncError != null) {
                LOG.warn("AOF fsync error looks solved, Redis can write again.");
                fsyncError = null;
            }
        } catch (ClosedChannelException e) {
            // switched to a new file meanwhile: the old one was forced when it was closed
        } catch (IOException e) {
            unsynced = true;
            if (fsyncError == null) {
                LOG.warn("Error syncing the AOF file: " + FileErrors.describe(e));
            }
            fsyncError = FileErrors.describe(e);
        }
    }

    /** aof_last_write_status: ok unless the last write, or the last background fsync, failed. */
    synchronized boolean lastWriteOk() {
        return lastWriteOk && fsyncError == null;
    }

    /** Why the last write (or background fsync) failed; null if it did not. */
    synchronized String lastWriteError() {
        return !lastWriteOk ? lastWriteError : fsyncError;
    }

    /**
     * The error writes must answer while the AOF cannot be written (Redis's
     * {@code -MISCONF Errors writing to the AOF file: <reason>}, without its '-'), null while it can.
     */
    synchronized String denyLine() {
        String error = lastWriteError();
        return error == null ? null : "MISCONF Errors writing to the AOF file: " + error.replaceAll("[\\r\\n]", " ");
    }

    /** Why the server must exit now (appendfsync always could not write or fsync); null if it need not. */
    String fatalError() {
        return fatal;
    }

    /** aof_current_size: the base and every incremental file of the chain, what is written so far. */
    synchronized long currentSize() {
        return otherSize + (incr == null ? 0 : incrSize);
    }

    /** aof_base_size: the base's size when it was written or loaded. */
    synchronized long baseSize() {
        return baseSize;
    }

    /** Writes what is pending, forces the file and closes it (a clean stop; nothing is lost by not calling it). */
    @Override
    public void close() {
        Thread c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            c = cron;
        }
        if (c != null) {
            c.interrupt();
            try {
                c.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (incr != null) {
                try {
                    if (fatal == null) {
                        flushPending();
                        incr.force(false);
                    }
                } catch (IOException e) {
                    LOG.warn("Error syncing the AOF file at close: " + FileErrors.describe(e));
                } finally {
                    try {
                        incr.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        }
    }

    /** Writes {@code m} as the manifest: temp file, fsync, rename, fsync of the directory (aof.c writeAofManifestFile). */
    private void persist(Manifest m) throws IOException {
        String name = options.fileName() + ".manifest";
        Path temp = dir.resolve("temp-" + name);
        try (FileChannel ch = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(m.format().getBytes(StandardCharsets.ISO_8859_1));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException(
                    "Error trying to rename the temporary AOF manifest file " + temp.getFileName() + " into " + name
                            + ": " + FileErrors.describe(e),
                    e);
        }
        forceDirectory(dir);
    }

    static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (NoSuchFileException e) {
            // nothing to force
        } catch (IOException ignored) {
            // some file systems cannot open a directory for reading; the rename is still atomic
        }
    }

    static boolean isBaseName(String name) {
        return name != null
                && !name.isEmpty()
                && !name.equals(".")
                && !name.equals("..")
                && name.indexOf('/') < 0
                && name.indexOf('\0') < 0;
    }

    /** sds.c sdsneedsrepr: a name with a space, quote, backslash or non-printable byte is written quoted. */
    private static boolean needsRepr(String s) {
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '"' || c == '\'' || c <= ' ' || c >= 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** sds.c sdscatrepr. */
    private static String repr(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                default -> {
                    if (c > ' ' && c < 0x7f || c == ' ') {
                        b.append(c);
                    } else {
                        b.append(String.format("\\x%02x", (int) c & 0xff));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** sds.c sdssplitargs: words, "double quoted" with escapes, 'single quoted'; null if unbalanced. */
    static List<String> splitArgs(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            StringBuilder cur = new StringBuilder();
            boolean inDq = false;
            boolean inSq = false;
            boolean done = false;
            while (!done) {
                if (inDq) {
                    if (i >= n) {
                        return null;
                    }
                    char c = line.charAt(i);
                    if (c == '\\'
                            && i + 3 < n
                            && line.charAt(i + 1) == 'x'
                            && isHex(line.charAt(i + 2))
                            && isHex(line.charAt(i + 3))) {
                        cur.append((char) Integer.parseInt(line.substring(i + 2, i + 4), 16));
                        i += 3;
                    } else if (c == '\\' && i + 1 < n) {
                        i++;
                        char e = line.charAt(i);
                        cur.append(
                                switch (e) {
                                    case 'n' -> '\n';
                                    case 'r' -> '\r';
                                    case 't' -> '\t';
                                    case 'b' -> '\b';
                                    case 'a' -> (char) 7;
                                    default -> e;
                                });
                    } else if (c == '"') {
                        if (i + 1 < n && !Character.isWhitespace(line.charAt(i + 1))) {
                            return null;
                        }
                        done = true;
                    } else {
                        cur.append(c);
                    }
                } else if (inSq) {
                    if (i >= n) {
                        return null;
                    }
                    char c = line.charAt(i);
                    if (c == '\\' && i + 1 < n && line.charAt(i + 1) == '\'') {
                        i++;
                        cur.append('\'');
                    } else if (c == '\'') {
                        if (i + 1 < n && !Character.isWhitespace(line.charAt(i + 1))) {
                            return null;
                        }
                        done = true;
                    } else {
                        cur.append(c);
                    }
                } else {
                    if (i >= n) {
                        done = true;
                        break;
                    }
                    char c = line.charAt(i);
                    if (Character.isWhitespace(c)) {
                        done = true;
                    } else if (c == '"') {
                        inDq = true;
                    } else if (c == '\'') {
                        inSq = true;
                    } else {
                        cur.append(c);
                    }
                }
                if (i < n) {
                    i++;
                }
            }
            out.add(cur.toString());
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** C's atoll: leading digits (with a sign), 0 if none. */
    private static long atoll(String s) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && v < Long.MAX_VALUE / 10) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return negative ? -v : v;
    }
}

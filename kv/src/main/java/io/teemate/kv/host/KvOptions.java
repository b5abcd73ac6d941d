package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import io.teemate.sgx.cost.PlatformProfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link KvDatabase} runs.
 *
 * @param dir     the data directory: the database's images and keys (made on first use, then reused, so that the
 *                container's identity and hence its sealing key stay the same across restarts), the emulated
 *                platform's seed, the sealed snapshot ({@code dbfilename}) and the AOF's directory
 * @param mode    shared: BGSAVE forks into the same enclave (TeeMate); conventional: the child builds its own
 *                enclave and the parent's heap is copied into it, sealed
 * @param heap    the enclave heap (manifest {@code heap_size}, e.g. "1G"): room for the dataset and, during a
 *                BGSAVE, its copy-on-write copies; SGX2 (EDMM), so only pages in use take EPC. Null: the data
 *                directory's (1G for a new one); it is fixed when the directory is made
 * @param epcMiB  the EPC of the emulated machine
 * @param aof     the append-only file: Redis 7.0's appendonly, appenddirname, appendfilename, appendfsync and
 *                aof-load-truncated ({@link Aof#DEFAULTS}: off)
 * @param dbfilename Redis's dbfilename: the sealed snapshot's name in {@code dir} ({@link KvDatabase#SNAPSHOT} by
 *                default)
 * @param databases Redis's databases: how many numbered databases the keyspace holds (16 by default), fixed when
 *                the database opens
 * @param platform the SGX part whose clock and costs price the emulated machine's modeled time (BGSAVE's fork,
 *                INFO's figures); its EPC size stays {@code epcMiB}
 */
public record KvOptions(
        Path dir,
        Mode mode,
        String heap,
        int epcMiB,
        Aof aof,
        String dbfilename,
        int databases,
        PlatformProfile platform) {
    /** Redis's default {@code databases}. */
    public static final int DEFAULT_DATABASES = 16;

    public KvOptions {
        Objects.requireNonNull(dir, "dir");
        if (databases < 1) {
            throw new IllegalArgumentException("databases must be at least 1, got " + databases);
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(aof, "aof");
        Objects.requireNonNull(platform, "platform");
        baseName("dbfilename", dbfilename);
        if (epcMiB < 8) {
            throw new IllegalArgumentException("the EPC must be at least 8 MiB, got " + epcMiB);
        }
    }

    /** Modeled time priced on {@link PlatformProfile#DEFAULT}, the paper's machine. */
    public KvOptions(Path dir, Mode mode, String heap, int epcMiB, Aof aof, String dbfilename, int databases) {
        this(dir, mode, heap, epcMiB, aof, dbfilename, databases, PlatformProfile.DEFAULT);
    }

    /** Redis's default 16 databases. */
    public KvOptions(Path dir, Mode mode, String heap, int epcMiB, Aof aof, String dbfilename) {
        this(dir, mode, heap, epcMiB, aof, dbfilename, DEFAULT_DATABASES);
    }

    /** The snapshot named {@link KvDatabase#SNAPSHOT}. */
    public KvOptions(Path dir, Mode mode, String heap, int epcMiB, Aof aof) {
        this(dir, mode, heap, epcMiB, aof, KvDatabase.SNAPSHOT);
    }

    /** Without an append-only file (Redis's default, appendonly no). */
    public KvOptions(Path dir, Mode mode, String heap, int epcMiB) {
        this(dir, mode, heap, epcMiB, Aof.DEFAULTS);
    }

    /** Shared mode, the directory's heap (1 GiB EDMM for a new one), 1 GiB of EPC, no AOF. */
    public static KvOptions defaults(Path dir) {
        return new KvOptions(dir, Mode.SHARED, null, 1024);
    }

    public KvOptions withMode(Mode mode) {
        return new KvOptions(dir, mode, heap, epcMiB, aof, dbfilename, databases, platform);
    }

    public KvOptions withHeap(String heap) {
        return new KvOptions(dir, mode, heap, epcMiB, aof, dbfilename, databases, platform);
    }

    public KvOptions withEpcMiB(int epcMiB) {
        return new KvOptions(dir, mode, heap, epcMiB, aof, dbfilename, databases, platform);
    }

    public KvOptions withDatabases(int databases) {
        return new KvOptions(dir, mode, heap, epcMiB, aof, dbfilename, databases, platform);
    }

    public KvOptions withAof(Aof aof) {
        return new KvOptions(dir, mode, heap, epcMiB, aof, dbfilename, databases, platform);
    }

    /** Prices the machine's modeled time as {@code platform} would. */
    public KvOptions withPlatform(PlatformProfile platform) {
        return new KvOptions(dir, mode, heap, epcMiB, aof, dbfilename, databases, platform);
    }

    /**
     * The append-only file's settings, as Redis 7.0's directives.
     *
     * @param enabled       appendonly: log every write, and load the AOF (not the snapshot) at start
     * @param dirName       appenddirname: the directory of the AOF's files in the data directory (a name, not a path)
     * @param fileName      appendfilename: the prefix of the files' names (a name, not a path)
     * @param fsync         appendfsync
     * @param loadTruncated aof-load-truncated: load an AOF whose last file ends inside a record up to it, cutting the
     *                      file there (yes), or refuse to start (no)
     */
    public record Aof(boolean enabled, String dirName, String fileName, Fsync fsync, boolean loadTruncated) {
        /** Redis 7.0's defaults: appendonly no, appendonlydir, appendonly.aof, everysec, aof-load-truncated yes. */
        public static final Aof DEFAULTS = new Aof(false, "appendonlydir", "appendonly.aof", Fsync.EVERYSEC, true);

        /** appendfsync: when the AOF reaches the disk. */
        public enum Fsync {
            /** fsync after every batch's write, before its replies go out. */
            ALWAYS,
            /** fsync in the background once a second: a crash loses at most the last second or so. */
            EVERYSEC,
            /** never fsync: the operating system writes the file out when it likes. */
            NO;

            /** The redis.conf spelling: always, everysec, no. */
            public String configName() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }

            /** From the redis.conf spelling (any case). */
            public static Fsync parse(String s) {
                for (Fsync f : values()) {
                    if (f.configName().equalsIgnoreCase(s)) {
                        return f;
                    }
                }
                throw new IllegalArgumentException("appendfsync must be always, everysec or no, not " + s);
            }
        }

        public Aof {
            Objects.requireNonNull(fsync, "fsync");
            baseName("appenddirname", dirName);
            baseName("appendfilename", fileName);
        }

        public Aof withEnabled(boolean enabled) {
            return new Aof(enabled, dirName, fileName, fsync, loadTruncated);
        }

        public Aof withFsync(Fsync fsync) {
            return new Aof(enabled, dirName, fileName, fsync, loadTruncated);
        }

        public Aof withLoadTruncated(boolean loadTruncated) {
            return new Aof(enabled, dirName, fileName, fsync, loadTruncated);
        }
    }

    /** Redis's check (config.c isValidAOFfilename/dirname, and dbfilename's): a file name, not a path. */
    private static void baseName(String directive, String name) {
        Objects.requireNonNull(name, directive);
        if (name.isEmpty()
                || name.equals(".")
                || name.equals("..")
                || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(directive + " can't be a path, just a filename: " + name);
        }
    }
}

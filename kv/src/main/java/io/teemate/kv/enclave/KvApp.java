package io.teemate.kv.enclave;

import io.teemate.abi.Wire;
import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.kv.abi.KvAbi;
import io.teemate.sgx.cost.SystemCost;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The database as a container program: the whole dataset and every command run inside the enclave, and only
 * RESP replies, sealed snapshots and sealed checkpoint records leave it. The host side (network, files) talks to
 * it in {@link KvAbi}'s protocol. Like every container program it keeps no state in fields: the open dataset is
 * the container's local {@link KvState}.
 * <p>Fork: {@link #fork} gives a forked child (ECALL_FORK, shared mode) a read-only copy-on-write view of the
 * parent's dataset, which the child then {@link KvAbi#SAVE}s while the parent goes on writing. A conventional fork
 * instead copies the pages ({@link KvAbi#CHECKPOINT} in the parent, {@link KvAbi#RESTORE} in the child's enclave).
 */
public final class KvApp implements ContainerApp {
    /** Standard output goes out in pieces of this size (one ocall each). */
    private static final int OUT_BUFFER = 128 << 10;

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The sealing purposes of the database's own secrets ({@link ContainerEnv#sealPrivate}): keys no ecall hands to
     * the host, so the container's untrusted process can neither open a snapshot's data key or a checkpoint record
     * through ECALL_UNSEAL nor make ones the database accepts through ECALL_SEAL (security review, finding 7).
     */
    static final String SNAPSHOT_PURPOSE = "kv-snapshot";

    static final String CHECKPOINT_PURPOSE = "kv-checkpoint";

    /** The data keys of the append-only file's incremental files ({@link SealedAof}). */
    static final String AOF_PURPOSE = "kv-aof";

    /** The most parts an AOF chain may name (a base and incremental files). */
    static final int MAX_AOF_PARTS = 100_000;
    /** The most settings one CONFIG request may carry (there are five). */
    static final int MAX_SETTINGS = 64;

    /**
     * The longest active expiry cycle a host may ask for: Redis's longest (active-expire-effort 10 gives 43% of a
     * tick, hz 1 gives 1 s ticks: 430 ms), rounded up.
     */
    static final long MAX_EXPIRE_BUDGET_MICROS = 500_000;

    @Override
    public String name() {
        return KvAbi.APP;
    }

    @Override
    public int main(ContainerEnv env) throws IOException {
        Wire.Reader in = new Wire.Reader(env.stdin());
        int op = (int) in.u32("operation");
        switch (op) {
            case KvAbi.OPEN -> {
                return open(env, in);
            }
            case KvAbi.EXEC -> {
                return exec(env, in);
            }
            case KvAbi.STAGE -> {
                KvState s = state(env);
                if (s == null) {
                    return refuse(env, "the database is not open");
                }
                // read whole before any piece is staged: a malformed request stages nothing
                long n = in.u32("pieces");
                List<long[]> at = new ArrayList<>();
                List<byte[]> pieces = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    at.add(new long[] {in.u64("argument length"), in.u64("offset")});
                    pieces.add(in.blob("piece"));
                }
                in.end();
                try {
                    for (int i = 0; i < pieces.size(); i++) {
                        s.staged.append(at.get(i)[0], at.get(i)[1], pieces.get(i));
                    }
                } catch (Wire.MalformedException e) {
                    return refuse(env, e.getMessage());
                }
                return 0;
            }
            case KvAbi.CONFIG -> {
                KvState s = state(env);
                if (s == null) {
                    return refuse(env, "the database is not open");
                }
                long n = in.u32("settings");
                if (n > MAX_SETTINGS) {
                    return refuse(env, "settings: " + n + " is more than " + MAX_SETTINGS);
                }
                List<String> names = new ArrayList<>();
                List<Long> values = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    names.add(in.string("name"));
                    values.add(in.u64("value"));
                }
                in.end();
                // checked whole first: a refused request changes nothing
                Encodings check = new Encodings();
                try {
                    for (int i = 0; i < names.size(); i++) {
                        check.set(names.get(i), values.get(i));
                    }
                } catch (IllegalArgumentException e) {
                    return refuse(env, e.getMessage());
                }
                for (int i = 0; i < names.size(); i++) {
                    s.keyspace.encodings().set(names.get(i), values.get(i));
                }
                return 0;
            }
            case KvAbi.STATS -> {
                in.end();
                KvState s = state(env);
                if (s == null) {
                    return refuse(env, "the database is not open");
                }
                Wire.Writer stats = new Wire.Writer()
                        .u64(s.keyspace.totalSize())
                        .u64(s.keyspace.totalExpires())
                        .u64(s.keyspace.usedBytes())
                        .u64(s.space.privatePages())
                        .u64(s.space.sharedPages())
                        .u64(s.space.pagesCopied());
                // INFO keyspace's lines: every database that holds keys (server.c genRedisInfoString)
                List<Integer> nonEmpty = new ArrayList<>();
                for (int db = 0; db < s.keyspace.databases(); db++) {
                    if (s.keyspace.size(db) > 0) {
                        nonEmpty.add(db);
                    }
                }
                stats.u32(nonEmpty.size());
                for (int db : nonEmpty) {
                    stats.u32(db)
                            .u64(s.keyspace.size(db))
                            .u64(s.keyspace.expiresCount(db))
                            .u64(s.engine.activeExpiry().avgTtl(db));
                }
                ActiveExpiry cycle = s.engine.activeExpiry();
                stats.u64(s.engine.expiredKeys())
                        .u64(Math.round(cycle.stalePerc() * 1_000_000))
                        .u64(cycle.timeCapReached())
                        .u64(cycle.timeUsedMicros());
                env.stdout(stats.toBytes());
                return 0;
            }
            case KvAbi.SAVE -> {
                in.end();
                KvState s = state(env);
                if (s == null) {
                    return refuse(env, "the database is not open");
                }
                try (OutputStream sealed =
                        SealedSnapshot.writer(b -> env.sealPrivate(SNAPSHOT_PURPOSE, b), stdout(env), RANDOM)) {
                    RdbWriter.write(s.keyspace, sealed);
                }
                return 0;
            }
            case KvAbi.CHECKPOINT -> {
                in.end();
                KvState s = state(env);
                if (s == null) {
                    return refuse(env, "the database is not open");
                }
                if (!s.keyspace.readOnly()) {
                    // the AOF position travels inside the sealed checkpoint (the keyspace header's page), so that a
                    // conventional fork's child writes its AOF base at the right place in the chain
                    s.keyspace.writeAofPosition(s.aofLineage, s.aofNextSeq);
                }
                try (OutputStream out = stdout(env)) {
                    HeapCheckpoint.write(
                            s.space,
                            b -> env.sealPrivate(CHECKPOINT_PURPOSE, b),
                            record -> {
                                try {
                                    out.write(new Wire.Writer().blob(record).toBytes());
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            },
                            RANDOM);
                }
                return 0;
            }
            case KvAbi.RESTORE -> {
                byte[] record = in.blob("checkpoint record");
                in.end();
                if (state(env) != null) {
                    return refuse(env, "the database is open already: a checkpoint restores only into a new container");
                }
                HeapCheckpoint.Restore restore = env.local(
                        HeapCheckpoint.Restore.class,
                        () -> new HeapCheckpoint.Restore(b -> unsealOrNull(env, CHECKPOINT_PURPOSE, b), env::cowSpace));
                try {
                    if (restore.accept(record)) {
                        env.local(KvState.class, () -> KvState.open(restore.take(), RANDOM.nextLong()));
                        env.stdout(new Wire.Writer().u32(1).toBytes());
                    } else {
                        env.stdout(new Wire.Writer().u32(0).toBytes());
                    }
                } catch (SnapshotException e) {
                    return refuse(env, e.getMessage());
                }
                return 0;
            }
            case KvAbi.EXPORT -> {
                String path = in.string("snapshot path");
                in.end();
                // Two passes: nothing of the snapshot leaves the enclave before all of it authenticated (every
                // record's tag and the last record's marker); the second pass must then read the same records.
                java.util.function.UnaryOperator<byte[]> unseal = b -> unsealOrNull(env, SNAPSHOT_PURPOSE, b);
                SealedSnapshot.Verified verified;
                try (InputStream sealed = env.openHostFile(path)) {
                    verified = SealedSnapshot.verify(unseal, sealed);
                } catch (SnapshotException e) {
                    env.print(e.getMessage());
                    return KvAbi.EXIT_BAD_SNAPSHOT;
                }
                try (InputStream plain = SealedSnapshot.reader(unseal, env.openHostFile(path), verified);
                        OutputStream out = stdout(env)) {
                    plain.transferTo(out);
                } catch (SnapshotException e) {
                    env.print(e.getMessage());
                    return KvAbi.EXIT_BAD_SNAPSHOT;
                }
                return 0;
            }
            case KvAbi.ACTIVE_EXPIRE -> {
                return activeExpire(env, in);
            }
            case KvAbi.COMMANDS -> {
                in.end();
                env.stdout(commands());
                return 0;
            }
            case KvAbi.AOF_LOAD -> {
                return aofLoad(env, in);
            }
            case KvAbi.AOF_BASE -> {
                in.end();
                KvState s = state(env);
                if (s == null) {
                    return refuse(env, "the database is not open");
                }
                if (s.aofLineage == null) {
                    if (s.keyspace.readOnly()) {
                        return refuse(
                                env,
                                "the dataset has no AOF lineage: a fork's child writes the base of its "
                                        + "parent's AOF only");
                    }
                    s.startAofLineage(RANDOM);
                }
                try (OutputStream sealed =
                        SealedSnapshot.writer(b -> env.sealPrivate(SNAPSHOT_PURPOSE, b), stdout(env), RANDOM)) {
                    RdbWriter.write(s.keyspace, sealed, SealedAof.baseAux(s.aofLineage, s.aofNextSeq), true);
                }
                return 0;
            }
            case KvAbi.AOF_INCR -> {
                in.end();
                KvState s = state(env);
                if (s == null) {
                    return refuse(env, "the database is not open");
                }
                if (s.keyspace.readOnly()) {
                    return refuse(env, "a fork's child logs no commands");
                }
                if (s.aofLineage == null) {
                    return refuse(env, "the dataset has no AOF base yet: write one (AOF_BASE) or load the AOF first");
                }
                SealedAof.Incr incr =
                        SealedAof.newIncr(b -> env.sealPrivate(AOF_PURPOSE, b), s.aofLineage, s.aofNextSeq, RANDOM);
                if (s.aofIncr != null) {
                    s.aofIncr.close();
                }
                s.aofIncr = incr;
                s.engine.resetPropagatedDb(); // the new file's replay starts in database 0
                env.stdout(new Wire.Writer()
                        .blob(incr.header())
                        .u64(incr.firstSeq())
                        .toBytes());
                return 0;
            }
            case KvAbi.AOF_OFF -> {
                in.end();
                KvState s = state(env);
                if (s == null) {
                    return refuse(env, "the database is not open");
                }
                if (s.aofIncr != null) {
                    s.aofIncr.close();
                    s.aofIncr = null;
                }
                return 0;
            }
            case KvAbi.EXPORT_AOF -> {
                return exportAof(env, in);
            }
            default -> {
                return refuse(env, "unknown operation " + op);
            }
        }
    }

    @Override
    public void fork(ContainerEnv parent, ContainerEnv child) {
        KvState s = state(parent);
        if (s == null) {
            throw new IllegalStateException("the database is not open: nothing to fork");
        }
        child.local(KvState.class, () -> s.fork(RANDOM.nextLong()));
    }

    private static int open(ContainerEnv env, Wire.Reader in) throws IOException {
        long spaceBytes = in.u64("space bytes");
        long databases = in.u32("databases");
        String snapshot = in.string("snapshot path");
        in.end();
        if (state(env) != null) {
            return refuse(env, "the database is open already");
        }
        String bad = badDatabases(databases, spaceBytes);
        if (bad != null) {
            return refuse(env, bad);
        }
        KvState s = KvState.create(env.cowSpace(spaceBytes), RANDOM.nextLong(), (int) databases);
        if (!snapshot.isEmpty()) {
            try (InputStream plain =
                    SealedSnapshot.reader(b -> unsealOrNull(env, SNAPSHOT_PURPOSE, b), env.openHostFile(snapshot))) {
                RdbReader.read(plain, s.keyspace);
            } catch (SnapshotException | RdbFormatException e) {
                s.close();
                env.print(e.getMessage());
                return KvAbi.EXIT_BAD_SNAPSHOT;
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        }
        env.local(KvState.class, () -> s);
        env.stdout(new Wire.Writer().u64(s.keyspace.totalSize()).toBytes());
        return 0;
    }

    /**
     * Why {@code databases} (from the host) cannot be the number of databases in a space of {@code spaceBytes}, or
     * null: at least 1 (Redis's config.c bounds are 1..INT_MAX) and a db table that takes at most an eighth of the
     * space (32 bytes a database).
     */
    static String badDatabases(long databases, long spaceBytes) {
        if (databases < 1 || databases > Keyspace.MAX_DATABASES) {
            return "databases: " + databases + " is not between 1 and " + Keyspace.MAX_DATABASES;
        }
        if (databases * 32 > spaceBytes / 8) {
            return "databases: " + databases + " databases do not fit a space of " + spaceBytes + " bytes";
        }
        return null;
    }

    private static int exec(ContainerEnv env, Wire.Reader in) {
        KvState s = state(env);
        if (s == null) {
            return refuse(env, "the database is not open");
        }
        String deny = in.string("deny writes");
        try {
            s.engine.denyWrites(deny.isEmpty() ? null : deny);
        } catch (IllegalArgumentException e) {
            return refuse(env, "deny writes: " + e.getMessage());
        }
        long dirtyBefore = s.engine.dirty();
        int n = (int) in.u32("commands");
        // the whole request is read and checked before any command runs: a refused batch changed nothing
        int[] dbs = new int[Math.max(0, Math.min(n, 1 << 16))];
        List<List<byte[]>> commands = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long db = in.u32("database");
            if (db >= s.engine.databases()) { // the host's word
                return refuse(
                        env,
                        "command " + i + ": database " + db + " does not exist (there are " + s.engine.databases()
                                + ")");
            }
            if (i == dbs.length) {
                dbs = java.util.Arrays.copyOf(dbs, dbs.length * 2);
            }
            dbs[i] = (int) db;
            long argc = in.u32("argc");
            if (argc == KvAbi.ARGC_STAGED) {
                try {
                    commands.add(s.staged.take());
                } catch (Wire.MalformedException e) {
                    return refuse(env, "command " + i + ": " + e.getMessage());
                }
                continue;
            }
            List<byte[]> argv = new ArrayList<>((int) Math.min(argc, 1024));
            for (long j = 0; j < argc; j++) {
                argv.add(in.blob("argument"));
            }
            commands.add(argv);
        }
        in.end();
        s.staged.clear(); // a staged command no EXEC took is dropped, so staging can never pile up
        Wire.Writer out = new Wire.Writer().u32(n);
        for (int i = 0; i < n; i++) {
            out.blob(s.engine.execute(dbs[i], commands.get(i)));
            env.charge(commandCost(commands.get(i)), 1);
        }
        // Commands that failed inside the engine: their clients got "internal error (id N)" only; the operator's
        // log gets what failed (command name and exception, never arguments) under the same id.
        List<CommandEngine.InternalError> errors = s.engine.takeInternalErrors();
        out.u32(errors.size());
        for (CommandEngine.InternalError e : errors) {
            out.u64(e.id()).string(e.detail());
        }
        // Redis's server.dirty of the batch, then the batch's AOF record: one AES-GCM for all its propagated writes
        out.u64(s.engine.dirty() - dirtyBefore);
        out.blob(sealPropagated(s));
        env.stdout(out.toBytes());
        return 0;
    }

    /**
     * What the modeled clock charges for one command, by Redis's flags (docs/cost-model.md): a write (CMD_WRITE) as
     * redis-server's SET, anything else as its GET (an unknown name is refused no slower than a GET is answered).
     */
    private static SystemCost commandCost(List<byte[]> argv) {
        CommandSpec spec = argv.isEmpty()
                ? null
                : CommandTable.REDIS.lookup(
                        new String(argv.get(0), StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT));
        return spec != null && spec.has(CommandSpec.Flag.WRITE) ? SystemCost.KV_WRITE : SystemCost.KV_READ;
    }

    /** What the engine propagated since the last call, sealed as one record of the open incremental AOF file. */
    private static byte[] sealPropagated(KvState s) {
        List<List<byte[]>> propagated = s.engine.takePropagated();
        byte[] record = new byte[0];
        if (s.aofIncr != null && !propagated.isEmpty()) {
            record = s.aofIncr.seal(s.aofNextSeq, SealedAof.encode(propagated));
            s.aofNextSeq++;
        }
        return record;
    }

    /**
     * {@link KvAbi#ACTIVE_EXPIRE}: one active expiry cycle (expire.c activeExpireCycle) within the host's budget,
     * which is only a hint: it is cut to {@link #MAX_EXPIRE_BUDGET_MICROS}, so a host cannot hold the enclave in
     * one cycle for longer than that (and the cycle stops anyway once it walked every table).
     */
    private static int activeExpire(ContainerEnv env, Wire.Reader in) {
        long budget = in.u64("budget micros");
        in.end();
        KvState s = state(env);
        if (s == null) {
            return refuse(env, "the database is not open");
        }
        if (s.keyspace.readOnly()) {
            return refuse(env, "a fork's child expires nothing");
        }
        long deleted = s.engine.activeExpireCycle(Math.min(Math.max(budget, 0), MAX_EXPIRE_BUDGET_MICROS));
        env.stdout(new Wire.Writer().u64(deleted).blob(sealPropagated(s)).toBytes());
        return 0;
    }

    /** The parts an AOF request names: n u32, then per part kind u32 (1 base, 2 incremental) and name string. */
    private static List<SealedAof.Part> parts(Wire.Reader in) {
        long n = in.u32("parts");
        if (n > MAX_AOF_PARTS) {
            throw new Wire.MalformedException("parts: " + n + " is more than " + MAX_AOF_PARTS);
        }
        List<SealedAof.Part> parts = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            long kind = in.u32("part kind");
            String name = in.string("part name");
            if (kind != KvAbi.AOF_PART_BASE && kind != KvAbi.AOF_PART_INCR) {
                throw new Wire.MalformedException("part kind: " + kind + " is neither base (1) nor incremental (2)");
            }
            parts.add(
                    new SealedAof.Part(kind == KvAbi.AOF_PART_BASE ? SealedAof.Kind.BASE : SealedAof.Kind.INCR, name));
        }
        return parts;
    }

    /** Loads the chain into a new dataset in a space of {@code spaceBytes}; the caller owns (closes) the state. */
    private static SealedAof.Loaded loadChain(
            ContainerEnv env, KvState s, List<SealedAof.Part> parts, boolean loadTruncated) throws IOException {
        try {
            return SealedAof.load(
                    parts,
                    env::openHostFile,
                    b -> unsealOrNull(env, SNAPSHOT_PURPOSE, b),
                    b -> unsealOrNull(env, AOF_PURPOSE, b),
                    s.keyspace,
                    s.engine,
                    loadTruncated);
        } catch (AofException e) {
            throw e;
        } catch (IOException e) {
            // a part the host cannot read (missing, unreadable): the load is refused as Redis refuses it
            throw new AofException("cannot read the AOF: " + e.getMessage());
        }
    }

    private static int aofLoad(ContainerEnv env, Wire.Reader in) throws IOException {
        long spaceBytes = in.u64("space bytes");
        long databases = in.u32("databases");
        boolean loadTruncated = in.u32("load truncated") != 0;
        List<SealedAof.Part> parts = parts(in);
        in.end();
        if (state(env) != null) {
            return refuse(env, "the database is open already");
        }
        String bad = badDatabases(databases, spaceBytes);
        if (bad != null) {
            return refuse(env, bad);
        }
        KvState s = KvState.create(env.cowSpace(spaceBytes), RANDOM.nextLong(), (int) databases);
        SealedAof.Loaded loaded;
        try {
            loaded = loadChain(env, s, parts, loadTruncated);
        } catch (AofException e) {
            s.close();
            env.print(e.getMessage());
            return KvAbi.EXIT_BAD_AOF;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        s.aofLineage = loaded.lineage();
        s.aofNextSeq = loaded.nextSeq();
        env.local(KvState.class, () -> s);
        Wire.Writer out =
                new Wire.Writer().u64(loaded.keys()).u64(loaded.nextSeq()).u32(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            out.u64(loaded.records().get(i)).u64(loaded.validBytes().get(i));
        }
        out.u32(loaded.truncatedPart() < 0 ? KvAbi.NO_PART : loaded.truncatedPart())
                .string(loaded.truncation());
        env.stdout(out.toBytes());
        return 0;
    }

    /**
     * The AOF-recovered dataset as a plain RDB stream: the chain loads into a dataset of its own (a torn tail
     * loads as aof-load-truncated yes has it, the file untouched), and only once all of it authenticated does any
     * plaintext leave the enclave.
     */
    private static int exportAof(ContainerEnv env, Wire.Reader in) throws IOException {
        long spaceBytes = in.u64("space bytes");
        long databases = in.u32("databases");
        List<SealedAof.Part> parts = parts(in);
        in.end();
        String bad = badDatabases(databases, spaceBytes);
        if (bad != null) {
            return refuse(env, bad);
        }
        try (KvState s = KvState.create(env.cowSpace(spaceBytes), RANDOM.nextLong(), (int) databases)) {
            SealedAof.Loaded loaded;
            try {
                loaded = loadChain(env, s, parts, true);
            } catch (AofException e) {
                env.print(e.getMessage());
                return KvAbi.EXIT_BAD_AOF;
            }
            try (OutputStream out = stdout(env)) {
                out.write(new Wire.Writer().string(loaded.truncation()).toBytes());
                RdbWriter.write(s.keyspace, out);
            }
        }
        return 0;
    }

    /** {@link KvAbi#COMMANDS}' reply: every command the engine declares, for the host's COMMAND. */
    static byte[] commands() {
        Wire.Writer out = new Wire.Writer().u32(CommandTable.REDIS.all().size());
        CommandTable.REDIS
                .all()
                .values()
                .forEach(s -> out.string(s.name())
                        .u32(s.arity())
                        .u32(s.firstKey())
                        .u32(s.lastKey())
                        .u32(s.step())
                        .u32(flagBits(s)));
        return out.toBytes();
    }

    /** A command's flags as {@link KvAbi#COMMANDS} sends them: bit i for {@link CommandSpec.Flag} ordinal i. */
    static int flagBits(CommandSpec s) {
        int bits = 0;
        for (CommandSpec.Flag f : s.flags()) {
            bits |= 1 << f.ordinal();
        }
        return bits;
    }

    private static KvState state(ContainerEnv env) {
        return env.local(KvState.class, () -> null);
    }

    private static byte[] unsealOrNull(ContainerEnv env, String purpose, byte[] blob) {
        try {
            return env.unsealPrivate(purpose, blob);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int refuse(ContainerEnv env, String message) {
        env.print(message);
        return KvAbi.EXIT_BAD_REQUEST;
    }

    /** The container's standard output as a stream, in pieces of {@link #OUT_BUFFER} bytes. */
    private static OutputStream stdout(ContainerEnv env) {
        return new BufferedOutputStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        env.stdout(new byte[] {(byte) b});
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        env.stdout(java.util.Arrays.copyOfRange(b, off, off + len));
                    }
                },
                OUT_BUFFER);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}

package io.teemate.kv.enclave;

import io.teemate.enclave.memory.CowSpace;

/**
 * One database container's open dataset inside the enclave: its copy-on-write space, the keyspace laid out in
 * it and the command engine over that, and its place in the append-only file. Kept as the container's local object
 * between invocations, and closed (its pages returned, zeroed) when the container leaves.
 * <p>The AOF position (lineage and next sequence number) is enclave state, never the host's word: a shared fork's
 * child gets it here ({@link #fork}), a conventional fork's child from the keyspace header inside the sealed
 * checkpoint ({@link #open}).
 */
final class KvState implements AutoCloseable {
    final CowSpace space;
    final Keyspace keyspace;
    final CommandEngine engine;
    /** The dataset's AOF lineage; null while its AOF never started. */
    byte[] aofLineage;
    /** The sequence number the next AOF record gets. */
    long aofNextSeq;
    /** The incremental file EXEC's records are sealed for; null: the AOF is off, no records. */
    SealedAof.Incr aofIncr;
    /** The arguments of the next command too large for one request ({@code KvAbi.STAGE}). */
    final StagedArguments staged = new StagedArguments();

    private KvState(CowSpace space, Keyspace keyspace, long seed) {
        this.space = space;
        this.keyspace = keyspace;
        this.engine = new CommandEngine(keyspace, seed);
    }

    /** An empty dataset of 16 databases (Redis's default) in {@code space} (new, all zeros). */
    static KvState create(CowSpace space, long seed) {
        return create(space, seed, 16);
    }

    /** An empty dataset of {@code databases} databases in {@code space} (new, all zeros). */
    static KvState create(CowSpace space, long seed, int databases) {
        try {
            return new KvState(space, Keyspace.create(space, System::currentTimeMillis, seed, databases), seed);
        } catch (RuntimeException e) {
            space.close();
            throw e;
        }
    }

    /** The dataset already laid out in {@code space} (a restored checkpoint), writable. */
    static KvState open(CowSpace space, long seed) {
        try {
            KvState s = new KvState(space, Keyspace.open(space, System::currentTimeMillis), seed);
            s.aofLineage = s.keyspace.aofLineage(); // carried in the checkpoint, written by the parent at the fork
            s.aofNextSeq = s.keyspace.aofNextSeq();
            return s;
        } catch (RuntimeException e) {
            space.close();
            throw e;
        }
    }

    /** A read-only view of the dataset as it is now, over a fork of the space: a forked child's snapshot. */
    KvState fork(long seed) {
        CowSpace child = space.fork();
        try {
            KvState s = new KvState(child, Keyspace.attach(child, System::currentTimeMillis), seed);
            s.aofLineage = aofLineage == null ? null : aofLineage.clone();
            s.aofNextSeq = aofNextSeq;
            return s;
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /** Starts the dataset's AOF lineage if it has none: a new random lineage, first record number 1. */
    void startAofLineage(java.security.SecureRandom random) {
        if (aofLineage == null) {
            aofLineage = new byte[SealedAof.LINEAGE_BYTES];
            random.nextBytes(aofLineage);
            aofNextSeq = 1;
        }
    }

    @Override
    public void close() {
        if (aofIncr != null) {
            aofIncr.close();
            aofIncr = null;
        }
        space.close();
    }
}

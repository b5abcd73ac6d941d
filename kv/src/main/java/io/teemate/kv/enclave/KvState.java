package io.teemate.kv.enclave;

import io.teemate.enclave.memory.CowSpace;

/**
 * One database container's open dataset inside the enclave: its copy-on-write space, the keyspace laid out in
 * it and the command engine over that. Kept as the container's local object between invocations, and closed
 * (its pages returned, zeroed) when the container leaves.
 */
final class KvState implements AutoCloseable {
    final CowSpace space;
    final Keyspace keyspace;
    final CommandEngine engine;

    private KvState(CowSpace space, Keyspace keyspace, long seed) {
        this.space = space;
        this.keyspace = keyspace;
        this.engine = new CommandEngine(keyspace, seed);
    }

    /** An empty dataset in {@code space} (new, all zeros). */
    static KvState create(CowSpace space, long seed) {
        try {
            return new KvState(space, Keyspace.create(space, System::currentTimeMillis, seed), seed);
        } catch (RuntimeException e) {
            space.close();
            throw e;
        }
    }

    /** The dataset already laid out in {@code space} (a restored checkpoint), writable. */
    static KvState open(CowSpace space, long seed) {
        try {
            return new KvState(space, Keyspace.open(space, System::currentTimeMillis), seed);
        } catch (RuntimeException e) {
            space.close();
            throw e;
        }
    }

    /** A read-only view of the dataset as it is now, over a fork of the space: a forked child's snapshot. */
    KvState fork(long seed) {
        CowSpace child = space.fork();
        try {
            return new KvState(child, Keyspace.attach(child, System::currentTimeMillis), seed);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    @Override
    public void close() {
        space.close();
    }
}

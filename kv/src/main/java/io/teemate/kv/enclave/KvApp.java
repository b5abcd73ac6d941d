package io.teemate.kv.enclave;

import io.teemate.abi.Wire;
import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.kv.abi.KvAbi;

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
            case KvAbi.STATS -> {
                in.end();
                KvState s = state(env);
                if (s == null) {
                    return refuse(env, "the database is not open");
                }
                env.stdout(new Wire.Writer()
                        .u64(s.keyspace.size())
                        .u64(s.keyspace.expiresCount())
                        .u64(s.keyspace.usedBytes())
                        .u64(s.space.privatePages())
                        .u64(s.space.sharedPages())
                        .u64(s.space.pagesCopied())
                        .toBytes());
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
            case KvAbi.COMMANDS -> {
                in.end();
                env.stdout(commands());
                return 0;
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
        String snapshot = in.string("snapshot path");
        in.end();
        if (state(env) != null) {
            return refuse(env, "the database is open already");
        }
        KvState s = KvState.create(env.cowSpace(spaceBytes), RANDOM.nextLong());
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
        env.stdout(new Wire.Writer().u64(s.keyspace.size()).toBytes());
        return 0;
    }

    private static int exec(ContainerEnv env, Wire.Reader in) {
        KvState s = state(env);
        if (s == null) {
            return refuse(env, "the database is not open");
        }
        int n = (int) in.u32("commands");
        Wire.Writer out = new Wire.Writer().u32(n);
        for (int i = 0; i < n; i++) {
            int argc = (int) in.u32("argc");
            List<byte[]> argv = new ArrayList<>(argc);
            for (int j = 0; j < argc; j++) {
                argv.add(in.blob("argument"));
            }
            out.blob(s.engine.execute(argv));
        }
        in.end();
        // Commands that failed inside the engine: their clients got "internal error (id N)" only; the operator's
        // log gets what failed (command name and exception, never arguments) under the same id.
        List<CommandEngine.InternalError> errors = s.engine.takeInternalErrors();
        out.u32(errors.size());
        for (CommandEngine.InternalError e : errors) {
            out.u64(e.id()).string(e.detail());
        }
        env.stdout(out.toBytes());
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
                        .u32(s.step()));
        return out.toBytes();
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

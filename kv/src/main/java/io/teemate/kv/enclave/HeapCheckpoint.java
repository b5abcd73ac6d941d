package io.teemate.kv.enclave;

import io.teemate.enclave.memory.CowSpace;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * A conventional confidential fork's copy of the parent's heap (Gramine's checkpoint and restore): the parent
 * sends every backed page of its dataset's space to the child's new enclave, sealed on the way, and the child
 * writes them into a space of its own. The two enclaves share no memory; the untrusted host carries the records.
 * <pre>
 * record plaintext: checkpoint id[16] | index u32 | last u8 | space bytes u64 | pages u32 | (vpn u32 | page[4096])*
 * record on the wire: sealPrivate("kv-checkpoint", plaintext), a key of the container that no ecall hands to the
 * host: parent and child are the same container in the same enclave image, so both derive the key (EGETKEY
 * MRENCLAVE policy), and nothing else, the host's seal/unseal ecalls included, can read or forge it
 * </pre>
 * The child checks that records come in order, all from one checkpoint, and end with the last one.
 */
public final class HeapCheckpoint {
    /** Pages per record: a record must fit one invocation's request buffer (1 MiB) with room to spare. */
    public static final int PAGES_PER_RECORD = 192;

    private static final int PAGE = 4096;
    private static final int HEADER = 16 + 4 + 1 + 8 + 4;

    private HeapCheckpoint() {}

    /** Seals every backed page of {@code space} into records passed to {@code out}, in order; returns the count. */
    public static int write(CowSpace space, UnaryOperator<byte[]> seal, Consumer<byte[]> out, SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        int[] vpns = space.backedPages();
        int records = Math.max(1, (vpns.length + PAGES_PER_RECORD - 1) / PAGES_PER_RECORD);
        byte[] page = new byte[PAGE];
        for (int r = 0; r < records; r++) {
            int from = r * PAGES_PER_RECORD;
            int count = Math.min(PAGES_PER_RECORD, vpns.length - from);
            ByteBuffer b = ByteBuffer.allocate(HEADER + count * (4 + PAGE));
            b.put(id)
                    .putInt(r)
                    .put((byte) (r == records - 1 ? 1 : 0))
                    .putLong(space.sizeBytes())
                    .putInt(count);
            for (int i = from; i < from + count; i++) {
                space.read((long) vpns[i] * PAGE, page, 0, PAGE);
                b.putInt(vpns[i]).put(page);
            }
            byte[] plain = b.array();
            out.accept(seal.apply(plain));
            java.util.Arrays.fill(plain, (byte) 0);
        }
        java.util.Arrays.fill(page, (byte) 0);
        return records;
    }

    /** The child's side: takes records in order and rebuilds the space in its own enclave. */
    public static final class Restore implements AutoCloseable {
        private final UnaryOperator<byte[]> unseal;
        private final LongFunction<CowSpace> newSpace;
        private byte[] id;
        private int next;
        private CowSpace space;
        private boolean done;

        /** {@code unseal} returns null for a blob this container did not seal; {@code newSpace} makes the child's space. */
        public Restore(UnaryOperator<byte[]> unseal, LongFunction<CowSpace> newSpace) {
            this.unseal = unseal;
            this.newSpace = newSpace;
        }

        /** Applies the next record; true once the last one is in. */
        public boolean accept(byte[] sealed) throws SnapshotException {
            if (done) {
                throw new SnapshotException("checkpoint record after the last one");
            }
            byte[] plain = unseal.apply(sealed);
            if (plain == null || plain.length < HEADER) {
                throw new SnapshotException(
                        "checkpoint record " + next + " was not sealed by this container or was changed");
            }
            ByteBuffer b = ByteBuffer.wrap(plain);
            byte[] recordId = new byte[16];
            b.get(recordId);
            int index = b.getInt();
            boolean last = b.get() == 1;
            long sizeBytes = b.getLong();
            int count = b.getInt();
            if (id == null) {
                id = recordId;
            } else if (!MessageDigest.isEqual(id, recordId)) {
                throw new SnapshotException("checkpoint record " + next + " belongs to another checkpoint");
            }
            if (index != next) {
                throw new SnapshotException(
                        "checkpoint record " + index + " arrived where record " + next + " was due");
            }
            if (count < 0 || b.remaining() != (long) count * (4 + PAGE)) {
                throw new SnapshotException("checkpoint record " + index + " is malformed");
            }
            if (space == null) {
                space = newSpace.apply(sizeBytes);
            } else if (space.sizeBytes() != sizeBytes) {
                throw new SnapshotException("checkpoint record " + index + " names another space size");
            }
            byte[] page = new byte[PAGE];
            for (int i = 0; i < count; i++) {
                long vpn = Integer.toUnsignedLong(b.getInt());
                b.get(page);
                if ((vpn + 1) * PAGE > sizeBytes) {
                    throw new SnapshotException(
                            "checkpoint record " + index + " holds page " + vpn + " outside the space");
                }
                space.write(vpn * PAGE, page);
            }
            java.util.Arrays.fill(plain, (byte) 0);
            next++;
            done = last;
            return last;
        }

        /** The rebuilt space, once the last record is in; the caller owns it from then on. */
        public CowSpace take() {
            if (!done) {
                throw new IllegalStateException("the checkpoint is incomplete: " + next + " records in");
            }
            CowSpace s = space;
            space = null;
            return s;
        }

        @Override
        public void close() {
            if (space != null) {
                space.close();
                space = null;
            }
        }
    }
}

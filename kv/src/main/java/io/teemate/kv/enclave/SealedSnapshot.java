package io.teemate.kv.enclave;

import io.teemate.enclave.runtime.ChunkedInputStream;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The sealed snapshot format: a stream of any length (an RDB stream here) encrypted and authenticated in
 * records, so that neither side ever holds the whole dataset in one buffer.
 * <pre>
 * header:  "TMKVSEAL" | version u32 (2) | key blob length u32 | key blob = seal(data key[32] || snapshot id[16])
 * record:  flags u8 (1 = last) | ciphertext length u32 | AES-256-GCM(data key, IV = 0[4] || index u64,
 *          AAD = SHA-256(header) || index u64 || flags) of at most {@link #RECORD_SIZE} plaintext bytes
 * </pre>
 * The data key is fresh per snapshot and sealed with the container's private "kv-snapshot" sealing key (EGETKEY,
 * MRENCLAVE policy, bound to the container identity and the purpose), which no ecall hands to the host, so only the
 * same container in the same enclave image on the same platform reads it, and the host cannot make one. Version 1
 * sealed the data key with the key ECALL_SEAL/ECALL_UNSEAL serve to the container's host process, so the host
 * could open or forge it: version 1 snapshots are refused. A changed byte anywhere fails a tag; records cannot be dropped, reordered or moved between snapshots
 * (the index and header digest are authenticated), and a stream cut short lacks its last record. This is the
 * shape of Gramine's protected files, with one record sequence instead of a Merkle tree, since a snapshot is
 * written and read whole.
 */
public final class SealedSnapshot {
    static final byte[] MAGIC = "TMKVSEAL".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    /** Plaintext bytes per record. */
    public static final int RECORD_SIZE = 1 << 20;

    private static final int TAG_BITS = 128;
    private static final int MAX_KEY_BLOB = 4096;

    private SealedSnapshot() {}

    /**
     * A stream that seals what is written to it into {@code sink}; {@code seal} seals the data key (the container's
     * sealing). Closing it writes the last record and closes {@code sink}.
     */
    public static OutputStream writer(UnaryOperator<byte[]> seal, OutputStream sink, SecureRandom random)
            throws IOException {
        byte[] secret = new byte[48];
        random.nextBytes(secret);
        byte[] keyBlob = seal.apply(secret);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(MAGIC);
        header.write(
                ByteBuffer.allocate(8).putInt(VERSION).putInt(keyBlob.length).array());
        header.write(keyBlob);
        byte[] headerBytes = header.toByteArray();
        sink.write(headerBytes);
        byte[] key = Arrays.copyOf(secret, 32);
        Arrays.fill(secret, (byte) 0);
        return new RecordWriter(key, sha256(headerBytes), sink);
    }

    /**
     * The plaintext of the sealed stream {@code source}; {@code unseal} opens the key blob and returns null if it
     * was not sealed by this container in this enclave image. Every failure is a {@link SnapshotException} saying
     * what was wrong; no plaintext of a record is returned before its tag verified.
     */
    public static InputStream reader(UnaryOperator<byte[]> unseal, InputStream source) throws IOException {
        return open(unseal, source, null, null);
    }

    /**
     * What {@link #verify} saw of a snapshot that authenticated whole: its header's digest and every record's tag,
     * in order. Holds no key and no plaintext.
     */
    public static final class Verified {
        private final byte[] headerDigest;
        private final List<byte[]> tags;

        private Verified(byte[] headerDigest, List<byte[]> tags) {
            this.headerDigest = headerDigest;
            this.tags = List.copyOf(tags);
        }

        /** Records in the snapshot, the last one included. */
        public int records() {
            return tags.size();
        }
    }

    /**
     * Reads the whole sealed stream {@code source} and checks every record's tag, their order and the last
     * record's marker, releasing nothing: the first pass of an export, so that no plaintext of a snapshot leaves
     * the enclave before the whole snapshot authenticated.
     *
     * @throws SnapshotException saying what was wrong, as {@link #reader} does
     */
    public static Verified verify(UnaryOperator<byte[]> unseal, InputStream source) throws IOException {
        List<byte[]> tags = new ArrayList<>();
        byte[][] digest = new byte[1][];
        try (InputStream r = open(unseal, source, null, new Collector(tags, digest))) {
            byte[] skip = new byte[8192];
            while (r.read(skip) >= 0) {
                // each record is decrypted and authenticated, and its plaintext dropped
            }
        }
        return new Verified(digest[0], tags);
    }

    /**
     * The plaintext of {@code source}, which must be the very snapshot {@code verified} saw: the same header and
     * the same records (tag for tag), as the second pass of an export. A stream that differs in any record (the
     * host changed the file between the passes) fails at that record.
     */
    public static InputStream reader(UnaryOperator<byte[]> unseal, InputStream source, Verified verified)
            throws IOException {
        return open(unseal, source, verified, null);
    }

    private record Collector(List<byte[]> tags, byte[][] headerDigest) {}

    private static InputStream open(
            UnaryOperator<byte[]> unseal, InputStream source, Verified expected, Collector collector)
            throws IOException {
        DataInputStream in = new DataInputStream(source);
        byte[] magic = new byte[MAGIC.length];
        int version;
        byte[] keyBlob;
        try {
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new SnapshotException("not a sealed snapshot (no TMKVSEAL header)");
            }
            version = in.readInt();
            if (version == 1) {
                throw new SnapshotException("sealed snapshot version 1 is refused: its key was sealed with the key the "
                        + "seal/unseal ecalls serve to the host, so the host could have made it; to recover its data, "
                        + "export it with the TeeMate version that wrote it (teemate kv export)");
            }
            if (version != VERSION) {
                throw new SnapshotException(
                        "sealed snapshot version " + version + " is not supported (only " + VERSION + ")");
            }
            int keyLength = in.readInt();
            if (keyLength < 1 || keyLength > MAX_KEY_BLOB) {
                throw new SnapshotException("sealed snapshot header is corrupt (key blob of " + keyLength + " bytes)");
            }
            keyBlob = in.readNBytes(keyLength);
            if (keyBlob.length != keyLength) {
                throw new SnapshotException("sealed snapshot is cut short inside its header");
            }
        } catch (EOFException e) {
            throw new SnapshotException("sealed snapshot is cut short inside its header");
        }
        byte[] secret = unseal.apply(keyBlob);
        if (secret == null || secret.length != 48) {
            throw new SnapshotException("the snapshot was not sealed by this container in this enclave image on this "
                    + "platform (or was made outside the enclave), or its header was changed");
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(MAGIC);
        header.write(
                ByteBuffer.allocate(8).putInt(version).putInt(keyBlob.length).array());
        header.write(keyBlob);
        byte[] key = Arrays.copyOf(secret, 32);
        Arrays.fill(secret, (byte) 0);
        byte[] digest = sha256(header.toByteArray());
        if (expected != null && !MessageDigest.isEqual(digest, expected.headerDigest)) {
            Arrays.fill(key, (byte) 0);
            throw new SnapshotException("the sealed snapshot changed while it was read (another header)");
        }
        if (collector != null) {
            collector.headerDigest()[0] = digest;
        }
        return new RecordReader(
                key, digest, in, expected == null ? null : expected.tags, collector == null ? null : collector.tags());
    }

    private static Cipher cipher(int mode, byte[] key, byte[] headerDigest, long index, int flags) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] iv = ByteBuffer.allocate(12).putInt(0).putLong(index).array();
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(ByteBuffer.allocate(headerDigest.length + 9)
                    .put(headerDigest)
                    .putLong(index)
                    .put((byte) flags)
                    .array());
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class RecordWriter extends OutputStream {
        private final byte[] key;
        private final byte[] headerDigest;
        private final OutputStream sink;
        private final byte[] buffer = new byte[RECORD_SIZE];
        private int filled;
        private long index;
        private boolean closed;

        RecordWriter(byte[] key, byte[] headerDigest, OutputStream sink) {
            this.key = key;
            this.headerDigest = headerDigest;
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("the sealed snapshot is closed");
            }
            while (len > 0) {
                if (filled == buffer.length) {
                    emit(0);
                }
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void emit(int flags) throws IOException {
            byte[] sealed;
            try {
                sealed = cipher(Cipher.ENCRYPT_MODE, key, headerDigest, index, flags)
                        .doFinal(buffer, 0, filled);
            } catch (GeneralSecurityException e) {
                throw new IOException("sealing record " + index + ": " + e.getMessage(), e);
            }
            sink.write(ByteBuffer.allocate(5)
                    .put((byte) flags)
                    .putInt(sealed.length)
                    .array());
            sink.write(sealed);
            Arrays.fill(buffer, 0, filled, (byte) 0);
            filled = 0;
            index++;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            emit(1);
            closed = true;
            Arrays.fill(key, (byte) 0);
            sink.close();
        }
    }

    private static final class RecordReader extends ChunkedInputStream {
        private final byte[] key;
        private final byte[] headerDigest;
        private final DataInputStream in;
        /** The tags a verifying first pass saw (null: no such check); every record must carry the same. */
        private final List<byte[]> expectedTags;
        /** Where a verifying first pass keeps the tags (null: none kept). */
        private final List<byte[]> seenTags;

        private long index;
        private boolean last;

        RecordReader(
                byte[] key, byte[] headerDigest, DataInputStream in, List<byte[]> expectedTags, List<byte[]> seenTags) {
            this.key = key;
            this.headerDigest = headerDigest;
            this.in = in;
            this.expectedTags = expectedTags;
            this.seenTags = seenTags;
        }

        @Override
        protected byte[] nextChunk() throws IOException {
            return last ? null : next();
        }

        /** The next record's plaintext, once its tag verified. */
        private byte[] next() throws IOException {
            int flags;
            int length;
            try {
                flags = in.readUnsignedByte();
                length = in.readInt();
            } catch (EOFException e) {
                throw new SnapshotException("sealed snapshot is cut short: record " + index + " is missing");
            }
            if ((flags & ~1) != 0 || length < TAG_BITS / 8 || length > RECORD_SIZE + TAG_BITS / 8) {
                throw new SnapshotException("sealed snapshot record " + index + " has a corrupt header");
            }
            byte[] sealed = in.readNBytes(length);
            if (sealed.length != length) {
                throw new SnapshotException("sealed snapshot is cut short inside record " + index);
            }
            byte[] tag = Arrays.copyOfRange(sealed, sealed.length - TAG_BITS / 8, sealed.length);
            if (expectedTags != null
                    && (index >= expectedTags.size() || !MessageDigest.isEqual(tag, expectedTags.get((int) index)))) {
                throw new SnapshotException("the sealed snapshot changed while it was read (record " + index + ")");
            }
            byte[] plain;
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, headerDigest, index, flags)
                        .doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw new SnapshotException("sealed snapshot record " + index
                        + " fails authentication: it was changed, " + "moved or belongs to another snapshot");
            } catch (GeneralSecurityException e) {
                throw new SnapshotException("sealed snapshot record " + index + ": " + e.getMessage());
            }
            if (seenTags != null) {
                seenTags.add(tag);
            }
            index++;
            if (flags == 1) {
                last = true;
                if (in.read() >= 0) {
                    throw new SnapshotException("sealed snapshot has bytes after its last record");
                }
                Arrays.fill(key, (byte) 0);
            }
            return plain;
        }
    }
}

package io.teemate.kv.enclave;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The sealed append-only file: Redis 7's multi-part AOF (one base, then incremental files, in the order of a
 * manifest the host keeps in {@code appenddirname}), every part sealed inside the enclave.
 * <pre>
 * base:         a sealed snapshot ({@link SealedSnapshot}, data key sealed for "kv-snapshot") of an RDB stream whose
 *               AUX fields carry the AOF position: "aof-base" "1" (as Redis marks its bases),
 *               "teemate-aof-lineage" (32 hex digits) and "teemate-aof-seq" (the sequence number of the first record
 *               after the base, decimal); keys past their deadline are kept, as Redis keeps them in an AOF base
 * incremental:  header "TMKVAOFI" | version u32 (1) | key blob length u32 |
 *                      key blob = sealPrivate("kv-aof", data key[32] || lineage[16] || first sequence number u64)
 *               then records: length u32 | AES-256-GCM(data key, IV = 0[4] || seq u64,
 *                                                   AAD = SHA-256(header) || seq u64)
 *               of one EXEC batch's propagated commands as RESP multibulk ("*N\r\n$len\r\narg\r\n..." per command)
 * </pre>
 * Integers are big-endian. The data key is fresh per incremental file, sealed with the container's private
 * "kv-aof" key (EGETKEY, MRENCLAVE policy, container identity, purpose label), which no ecall hands to the host, so
 * the host can neither read a record nor make one. Records carry no sequence number: the reader knows which one is
 * due (the file's first, plus the records before it), and a record authenticates only at its own place, so a
 * changed, reordered or dropped record, a record from another file, or an incremental file that does not continue
 * the chain (other lineage, other first number) is refused, naming the file and the record.
 * <p>A file is written with one key by one enclave only: after a start the database never appends to an old file
 * (a host that cut records off the end would otherwise make it seal new records under a used IV), it opens a new
 * incremental file with a new key.
 * <p>What it cannot tell: a host that drops whole records at the end of the last file, or whole last files, or
 * presents an older manifest with its files, rolls the database back to an earlier state that authenticates
 * (SGX here has no trusted monotonic counter to say how far the log went).
 */
public final class SealedAof {
    static final byte[] MAGIC = "TMKVAOFI".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** The AUX fields of a base that carry the AOF position. */
    static final String AUX_BASE = "aof-base";

    static final String AUX_LINEAGE = "teemate-aof-lineage";
    static final String AUX_SEQ = "teemate-aof-seq";
    /** A lineage: random, made when the AOF of a database starts, kept by every rewrite. */
    public static final int LINEAGE_BYTES = 16;
    /**
     * The largest record accepted: a batch is at most 1 MiB of commands, or one staged command of at most the query
     * buffer limit (StagedArguments.MAX_TOTAL), propagated with a few words of its own (SET's PXAT ...).
     */
    static final int MAX_RECORD = (int) StagedArguments.MAX_TOTAL + (64 << 20);

    private static final int TAG_BYTES = 16;
    private static final int KEY_SECRET = 32 + LINEAGE_BYTES + 8;
    private static final int MAX_KEY_BLOB = 4096;

    /** A part of the AOF, in manifest order. */
    public enum Kind {
        BASE,
        INCR
    }

    /** One file of the chain: its kind and the name the host reads it under (messages name it). */
    public record Part(Kind kind, String name) {}

    private SealedAof() {}

    // ------------------------------------------------------------------ writing

    /** The writer of one incremental file: its header and its data key. One record per EXEC batch. */
    static final class Incr implements AutoCloseable {
        private final byte[] key;
        private final byte[] header;
        private final byte[] headerDigest;
        private final byte[] lineage;
        private final long firstSeq;

        private Incr(byte[] key, byte[] header, byte[] lineage, long firstSeq) {
            this.key = key;
            this.header = header;
            this.headerDigest = sha256(header);
            this.lineage = lineage.clone();
            this.firstSeq = firstSeq;
        }

        /** The file's header, its first bytes. */
        byte[] header() {
            return header.clone();
        }

        long firstSeq() {
            return firstSeq;
        }

        /** Seals record {@code seq} (at or after the file's first) of {@code plain}: length, then ciphertext. */
        byte[] seal(long seq, byte[] plain) {
            if (seq < firstSeq) {
                throw new IllegalArgumentException("record " + seq + " comes before the file's first, " + firstSeq);
            }
            try {
                byte[] sealed =
                        cipher(Cipher.ENCRYPT_MODE, key, headerDigest, seq).doFinal(plain);
                return ByteBuffer.allocate(4 + sealed.length)
                        .putInt(sealed.length)
                        .put(sealed)
                        .array();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sealing AOF record " + seq + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * A new incremental file of {@code lineage} whose first record will be {@code firstSeq}: a fresh data key,
     * sealed by {@code seal} (the container's "kv-aof" sealing) with the lineage and the first number.
     */
    static Incr newIncr(UnaryOperator<byte[]> seal, byte[] lineage, long firstSeq, SecureRandom random) {
        if (lineage.length != LINEAGE_BYTES) {
            throw new IllegalArgumentException("a lineage is " + LINEAGE_BYTES + " bytes");
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] secret = ByteBuffer.allocate(KEY_SECRET)
                .put(key)
                .put(lineage)
                .putLong(firstSeq)
                .array();
        byte[] blob = seal.apply(secret);
        Arrays.fill(secret, (byte) 0);
        byte[] header = ByteBuffer.allocate(MAGIC.length + 8 + blob.length)
                .put(MAGIC)
                .putInt(VERSION)
                .putInt(blob.length)
                .put(blob)
                .array();
        return new Incr(key, header, lineage, firstSeq);
    }

    /** The AUX fields a base carries: its lineage and the sequence number of the first record after it. */
    static Map<String, String> baseAux(byte[] lineage, long nextSeq) {
        Map<String, String> aux = new LinkedHashMap<>();
        aux.put(AUX_BASE, "1");
        aux.put(AUX_LINEAGE, HexFormat.of().formatHex(lineage));
        aux.put(AUX_SEQ, Long.toString(nextSeq));
        return aux;
    }

    /** Commands as RESP multibulk, one after the other (Redis's catAppendOnlyGenericCommand). */
    static byte[] encode(List<List<byte[]>> commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (List<byte[]> argv : commands) {
            out.writeBytes(("*" + argv.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (byte[] a : argv) {
                out.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(a);
                out.writeBytes(new byte[] {'\r', '\n'});
            }
        }
        return out.toByteArray();
    }

    /** The commands of a record's plaintext; null if it is not RESP multibulk (it authenticated, so: a bug). */
    static List<List<byte[]>> decode(byte[] plain) {
        List<List<byte[]>> out = new ArrayList<>();
        int[] at = {0};
        while (at[0] < plain.length) {
            long argc = header(plain, at, (byte) '*');
            if (argc < 1) {
                return null;
            }
            List<byte[]> argv = new ArrayList<>();
            for (long i = 0; i < argc; i++) {
                long len = header(plain, at, (byte) '$');
                if (len < 0 || len > plain.length - at[0] - 2L) {
                    return null;
                }
                int from = at[0];
                int to = from + (int) len;
                if (plain[to] != '\r' || plain[to + 1] != '\n') {
                    return null;
                }
                argv.add(Arrays.copyOfRange(plain, from, to));
                at[0] = to + 2;
            }
            out.add(argv);
        }
        return out;
    }

    /** Reads "{@code kind}digits\r\n" at {@code at}; -1 if malformed. */
    private static long header(byte[] b, int[] at, byte kind) {
        int i = at[0];
        if (i >= b.length || b[i] != kind) {
            return -1;
        }
        i++;
        long v = 0;
        int digits = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9' && digits < 12) {
            v = v * 10 + (b[i] - '0');
            i++;
            digits++;
        }
        if (digits == 0 || i + 1 >= b.length || b[i] != '\r' || b[i + 1] != '\n') {
            return -1;
        }
        at[0] = i + 2;
        return v;
    }

    // ------------------------------------------------------------------ reading

    /** Gets a record's plaintext once it authenticated, with its sequence number and its place in the file (1-based). */
    @FunctionalInterface
    interface RecordSink {
        void accept(long seq, int record, byte[] plain) throws IOException;
    }

    /**
     * What reading an incremental file found: its whole records, the bytes they end at (header included), and
     * whether it ended inside a record (a torn tail).
     */
    record IncrRead(long records, long validBytes, boolean torn) {}

    /**
     * Reads incremental file {@code name}: checks its header (this container's "kv-aof" key via {@code unseal},
     * {@code lineage}, first sequence number {@code firstSeq}) and authenticates every record in order, passing each
     * one's plaintext to {@code sink} before the next is read. An incomplete last record (a torn tail) ends the read
     * with {@link IncrRead#torn}; anything else wrong is an {@link AofException} naming the file and the record.
     */
    static IncrRead readIncr(
            UnaryOperator<byte[]> unseal,
            InputStream source,
            String name,
            byte[] lineage,
            long firstSeq,
            RecordSink sink)
            throws IOException {
        DataInputStream in = new DataInputStream(source);
        byte[] blob;
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (magic.length < MAGIC.length) {
                throw new AofException(name + " is cut short inside its header");
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw new AofException(name + " is not a sealed incremental AOF file (no TMKVAOFI header)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new AofException(
                        name + ": incremental AOF version " + version + " is not supported (only " + VERSION + ")");
            }
            int blobLength = in.readInt();
            if (blobLength < 1 || blobLength > MAX_KEY_BLOB) {
                throw new AofException(name + ": its header is corrupt (key blob of " + blobLength + " bytes)");
            }
            blob = in.readNBytes(blobLength);
            if (blob.length != blobLength) {
                throw new AofException(name + " is cut short inside its header");
            }
        } catch (EOFException e) {
            throw new AofException(name + " is cut short inside its header");
        }
        byte[] header = ByteBuffer.allocate(MAGIC.length + 8 + blob.length)
                .put(MAGIC)
                .putInt(VERSION)
                .putInt(blob.length)
                .put(blob)
                .array();
        byte[] secret = unseal.apply(blob);
        if (secret == null || secret.length != KEY_SECRET) {
            throw new AofException(name + " was not sealed by this database's container in this enclave image on this "
                    + "platform (or was made outside the enclave), or its header was changed");
        }
        ByteBuffer s = ByteBuffer.wrap(secret);
        byte[] key = new byte[32];
        byte[] fileLineage = new byte[LINEAGE_BYTES];
        s.get(key).get(fileLineage);
        long fileFirst = s.getLong();
        Arrays.fill(secret, (byte) 0);
        try {
            if (!MessageDigest.isEqual(fileLineage, lineage)) {
                throw new AofException(
                        name + " belongs to another AOF (lineage " + hex(fileLineage) + ", the base's is "
                                + hex(lineage) + "): a file of another database or of an AOF started anew");
            }
            if (fileFirst != firstSeq) {
                throw new AofException(name + " does not continue the chain: its first record is number " + fileFirst
                        + ", number " + firstSeq + " was due (a file before it in the manifest is missing, extra or "
                        + "out of order)");
            }
            byte[] digest = sha256(header);
            long valid = header.length;
            int record = 0;
            while (true) {
                byte[] len = in.readNBytes(4);
                if (len.length == 0) {
                    return new IncrRead(record, valid, false);
                }
                if (len.length < 4) {
                    return new IncrRead(record, valid, true);
                }
                int length = ByteBuffer.wrap(len).getInt();
                long seq = firstSeq + record;
                String which = name + ": record " + (record + 1) + " (sequence number " + seq + ")";
                if (length < TAG_BYTES || length > MAX_RECORD) {
                    throw new AofException(which + " has a corrupt length (" + Integer.toUnsignedString(length) + ")");
                }
                byte[] sealed = in.readNBytes(length);
                if (sealed.length < length) {
                    return new IncrRead(record, valid, true);
                }
                byte[] plain;
                try {
                    plain = cipher(Cipher.DECRYPT_MODE, key, digest, seq).doFinal(sealed);
                } catch (AEADBadTagException e) {
                    throw new AofException(which + " fails authentication: it was changed, moved from another place or"
                            + " file, or a record before it was dropped");
                } catch (GeneralSecurityException e) {
                    throw new AofException(which + ": " + e.getMessage());
                }
                record++;
                sink.accept(seq, record, plain);
                Arrays.fill(plain, (byte) 0);
                valid += 4L + length;
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Opens a part of the chain for reading (through the host: the bytes are untrusted). */
    @FunctionalInterface
    interface Opener {
        InputStream open(String name) throws IOException;
    }

    /**
     * A chain that loaded: its lineage, the sequence number its next record gets, per part the records replayed
     * (0 for the base) and the bytes that hold them, and the torn tail cut off the last file, if any.
     *
     * @param truncatedPart the index of the part that ended in a torn record, -1 if none (only the last can)
     * @param truncation    Redis's words for it, for the host's log ("" if none)
     */
    record Loaded(
            byte[] lineage,
            long nextSeq,
            long keys,
            List<Long> records,
            List<Long> validBytes,
            int truncatedPart,
            String truncation) {}

    /**
     * Loads the chain {@code parts} (a base, then incremental files, in manifest order) into the empty keyspace
     * {@code ks} through {@code engine}, with the keyspace {@link Keyspace#loading} (nothing expires until the end):
     * the base's RDB stream, then every record's commands in order. {@code loadTruncated} is Redis's
     * aof-load-truncated: if the last file ends inside a record, yes loads the whole records before it (the host
     * then cuts the file there), no refuses. Every other fault is an {@link AofException} naming the file (and the
     * record); a refused load may leave part of the chain in {@code ks}, which the caller then discards.
     */
    static Loaded load(
            List<Part> parts,
            Opener opener,
            UnaryOperator<byte[]> unsealSnapshot,
            UnaryOperator<byte[]> unsealAof,
            Keyspace ks,
            CommandEngine engine,
            boolean loadTruncated)
            throws IOException {
        if (parts.isEmpty() || parts.get(0).kind() != Kind.BASE) {
            throw new AofException("the AOF manifest names no base file first: a chain starts with its base");
        }
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i).kind() != Kind.INCR) {
                throw new AofException("the AOF manifest names a second base file, "
                        + parts.get(i).name());
            }
        }
        List<Long> records = new ArrayList<>();
        List<Long> valid = new ArrayList<>();
        int truncatedPart = -1;
        String truncation = "";
        boolean wasLoading = ks.loading();
        ks.loading(true);
        try {
            Part base = parts.get(0);
            Map<String, String> aux;
            try (InputStream plain = SealedSnapshot.reader(unsealSnapshot, opener.open(base.name()))) {
                aux = RdbReader.read(plain, ks).aux();
            } catch (SnapshotException | RdbFormatException e) {
                throw new AofException(base.name() + ": " + e.getMessage());
            }
            byte[] lineage = parseLineage(aux.get(AUX_LINEAGE));
            Long first = aux.get(AUX_SEQ) == null ? null : RedisNumbers.parseLong(ascii(aux.get(AUX_SEQ)));
            if (!"1".equals(aux.get(AUX_BASE)) || lineage == null || first == null || first < 1) {
                throw new AofException(base.name() + " is not an AOF base (it carries no AOF position): a snapshot of "
                        + "this database, not the base of its append-only file");
            }
            records.add(0L);
            valid.add(-1L);
            long next = first;
            for (int i = 1; i < parts.size(); i++) {
                Part p = parts.get(i);
                boolean last = i == parts.size() - 1;
                ks.select(0); // every incremental file's commands start in database 0 (a SELECT says otherwise)
                IncrRead r;
                try (InputStream in = opener.open(p.name())) {
                    r = readIncr(
                            unsealAof,
                            in,
                            p.name(),
                            lineage,
                            next,
                            (seq, record, plain) -> replay(engine, p.name(), record, seq, plain));
                }
                if (r.torn()) {
                    String where = p.name() + " ends inside record " + (r.records() + 1) + " (sequence number "
                            + (next + r.records()) + ")";
                    if (!last) {
                        throw new AofException(
                                where + ", and it is not the last file: only the last file may have a torn tail");
                    }
                    if (!loadTruncated) {
                        throw new AofException("Unexpected end of file reading the append only file " + p.name()
                                + ": " + where + ". Set 'aof-load-truncated yes' to load the " + r.records()
                                + " whole records before it and cut the file there");
                    }
                    truncatedPart = i;
                    truncation = "!!! Warning: short read while loading the AOF file " + p.name() + "!!! "
                            + "!!! Truncating the AOF " + p.name() + " at offset " + r.validBytes() + " !!! (" + where
                            + "; its " + r.records()
                            + " whole records loaded) AOF loaded anyway because aof-load-truncated is enabled";
                }
                records.add(r.records());
                valid.add(r.validBytes());
                next += r.records();
            }
            return new Loaded(lineage, next, ks.totalSize(), records, valid, truncatedPart, truncation);
        } finally {
            ks.loading(wasLoading);
            ks.select(0);
            engine.takePropagated(); // a replay propagates nothing
            engine.resetPropagatedDb();
        }
    }

    /** Runs a record's commands (their replies are dropped, as Redis's AOF client gets none). */
    private static void replay(CommandEngine engine, String name, int record, long seq, byte[] plain)
            throws AofException {
        List<List<byte[]>> commands = decode(plain);
        if (commands == null) {
            throw new AofException(name + ": record " + record + " (sequence number " + seq
                    + ") authenticates but holds no RESP commands");
        }
        for (List<byte[]> argv : commands) {
            String cmd = new String(argv.get(0), StandardCharsets.ISO_8859_1);
            if (!CommandEngine.knows(cmd)) {
                throw new AofException("Unknown command '" + cmd.substring(0, Math.min(cmd.length(), 32))
                        + "' reading the append only file " + name + ", record " + record);
            }
            engine.execute(argv);
        }
        engine.takePropagated();
    }

    private static byte[] parseLineage(String hex) {
        if (hex == null || hex.length() != 2 * LINEAGE_BYTES) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] headerDigest, long seq) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] iv = ByteBuffer.allocate(12).putInt(0).putLong(seq).array();
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(8 * TAG_BYTES, iv));
            c.updateAAD(ByteBuffer.allocate(headerDigest.length + 8)
                    .put(headerDigest)
                    .putLong(seq)
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
}

package io.teemate.kv.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.abi.image.AttachKeys;
import io.teemate.abi.image.EnclaveManifest;
import io.teemate.abi.image.SecretFiles;
import io.teemate.abi.image.SigningKeys;
import io.teemate.kv.abi.KvAbi;
import io.teemate.sgx.sign.SigningKey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database's data directory. Made on first use and reused after, because a sealed snapshot opens only for the
 * same container (its manifest's digest, which includes its attach key) in the same enclave image (MRENCLAVE,
 * which includes the heap size) on the same platform (the fuse keys):
 * <pre>
 * teemate-kv.json     the enclave image (runtime + the kv app, threads, heap)
 * kv.json, kv.key.pem the database's container manifest and its attach key
 * owner.pem           the enclave owner's RSA-3072 signing key (SIGSTRUCT, container policy)
 * platform.seed       the emulated platform's fuse-key seed: the emulator's stand-in for one CPU's fuses
 * dump.sealed         the latest sealed snapshot
 * kv.lock             locked while a server uses the directory ({@link DataDirLock})
 * </pre>
 * The secrets (the keys and the seed) are created readable by their owner only (0600), and the directory, when
 * made here, is 0700. Beyond that the emulator does not protect these files: whoever reads {@code platform.seed} can derive every key of the
 * emulated platform (README, "What it does not protect").
 */
final class KvDataDir implements AutoCloseable {
    static final String ENCLAVE_MANIFEST = "teemate-kv.json";
    static final String CONTAINER_MANIFEST = "kv.json";
    static final String OWNER_KEY = "owner.pem";
    static final String PLATFORM_SEED = "platform.seed";
    /** The default heap of a new data directory. */
    static final String DEFAULT_HEAP = "1G";
    /** TCS pages: the server, a forked child, and room for an export and a spare. */
    static final int THREADS = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final long platformSeed;
    final SigningKey owner;
    final Path enclaveManifest;
    final Path containerManifest;
    /** The server's lock on the directory; null for a directory opened to read a snapshot (an export). */
    private final DataDirLock lock;

    private KvDataDir(Path dir, long platformSeed, SigningKey owner, DataDirLock lock) {
        this.dir = dir;
        this.lock = lock;
        this.platformSeed = platformSeed;
        this.owner = owner;
        this.enclaveManifest = dir.resolve(ENCLAVE_MANIFEST);
        this.containerManifest = dir.resolve(CONTAINER_MANIFEST);
    }

    /**
     * Opens {@code dir}, making what is missing. {@code heap} null keeps the directory's heap (1G for a new one);
     * another heap than the directory's is refused, since it would change MRENCLAVE and lock its snapshots away.
     */
    static KvDataDir open(Path dir, String heap) throws IOException {
        return open(dir, heap, true);
    }

    /**
     * As {@link #open(Path, String)}; {@code serve} takes the directory's lock first, before anything in it is read
     * or made, and keeps it until {@link #close}.
     */
    private static KvDataDir open(Path dir, String heap, boolean serve) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        SecretFiles.directory(dir); // 0700 when made here; a directory the user made keeps its mode
        DataDirLock lock = serve ? DataDirLock.acquire(dir) : null;
        try {
            return populate(dir, heap, lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private static KvDataDir populate(Path dir, String heap, DataDirLock lock) throws IOException {
        long seed = platformSeed(dir.resolve(PLATFORM_SEED));
        Path ownerFile = dir.resolve(OWNER_KEY);
        SigningKey owner;
        if (Files.exists(ownerFile)) {
            owner = SigningKeys.read(ownerFile);
        } else {
            owner = SigningKey.generate();
            SigningKeys.write(ownerFile, owner);
        }
        KvDataDir d = new KvDataDir(dir, seed, owner, lock);
        d.writeEnclaveManifest(heap);
        if (!Files.exists(d.containerManifest)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "kv");
            m.put("enclave_image", ENCLAVE_MANIFEST);
            m.put("entry", KvAbi.APP);
            m.put("args", List.of());
            m.put("env", Map.of());
            m.put("files", List.of());
            JSON.writerWithDefaultPrettyPrinter().writeValue(d.containerManifest.toFile(), m);
        }
        AttachKeys.provision(d.containerManifest, false);
        return d;
    }

    /** Opens a directory that must exist already (an export). */
    static KvDataDir existing(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(CONTAINER_MANIFEST)) || !Files.isRegularFile(dir.resolve(PLATFORM_SEED))) {
            throw new IOException(dir.toAbsolutePath() + " is not a kv data directory (no " + CONTAINER_MANIFEST
                    + " and " + PLATFORM_SEED + "): a snapshot is read in the directory of the database that wrote it");
        }
        return open(dir, null, false);
    }

    /** Releases the server's lock, if this is a server's directory. */
    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }

    long heapBytes() {
        return EnclaveManifest.load(enclaveManifest).heapSize();
    }

    private void writeEnclaveManifest(String heap) throws IOException {
        if (Files.exists(enclaveManifest)) {
            EnclaveManifest existing = EnclaveManifest.load(enclaveManifest);
            if (heap != null && io.teemate.abi.image.Sizes.parse(heap) != existing.heapSize()) {
                throw new IOException(
                        dir + " holds a database with a " + io.teemate.abi.image.Sizes.format(existing.heapSize())
                                + " heap; another heap would be another enclave (MRENCLAVE) that cannot unseal its snapshots: "
                                + "leave --heap out or use a new directory");
            }
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "teemate-kv");
        m.put("runtime", io.teemate.abi.RuntimeAbi.RUNTIME_NAME);
        m.put("apps", List.of(KvAbi.APP));
        m.put("threads", THREADS);
        m.put("heap_size", heap == null ? DEFAULT_HEAP : heap);
        m.put("edmm", true);
        m.put("heap_initial", "256K");
        JSON.writerWithDefaultPrettyPrinter().writeValue(enclaveManifest.toFile(), m);
        try {
            EnclaveManifest.load(enclaveManifest); // a bad --heap is refused now, naming the field
        } catch (RuntimeException e) {
            Files.deleteIfExists(enclaveManifest);
            throw e;
        }
    }

    private static long platformSeed(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] b = Files.readAllBytes(file);
            if (b.length != 8) {
                throw new IOException(file + " is not a platform seed (8 bytes), it has " + b.length);
            }
            return ByteBuffer.wrap(b).getLong();
        }
        long seed = new SecureRandom().nextLong();
        SecretFiles.write(file, ByteBuffer.allocate(8).putLong(seed).array());
        return seed;
    }
}

package io.teemate.enclave.runtime;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;
import io.teemate.abi.image.TrustedFile;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's trusted files, read through ocalls and checked against the hashes in its manifest, the way
 * Gramine checks trusted files: the first open streams the whole file in chunks, compares its SHA-256 with the
 * manifest and keeps each chunk's SHA-256 inside the enclave; every later read fetches chunks again and checks
 * them against those, so a file changed after the open fails the read instead of returning other bytes.
 */
final class TrustedFiles {
    static final int CHUNK = 64 * 1024;

    /** A trusted file that is missing, not in the manifest, or does not match its hash. */
    static final class TrustedFileException extends RuntimeException {
        TrustedFileException(String message) {
            super(message);
        }
    }

    private record Verified(long size, List<byte[]> chunkHashes) {}

    private final String container;
    private final Map<String, byte[]> expected = new HashMap<>();
    private final Map<String, Verified> verified = new HashMap<>();

    TrustedFiles(String container, List<TrustedFile> files) {
        this.container = container;
        for (TrustedFile f : files) {
            expected.put(f.path(), f.sha256());
        }
    }

    /** A stream over a trusted file's bytes; each chunk is checked as it arrives. */
    InputStream open(HostCalls host, String path) {
        Verified v = verify(host, path);
        return new ChunkedInputStream() {
            private int index;

            @Override
            protected byte[] nextChunk() {
                if ((long) index * CHUNK >= v.size) {
                    return null;
                }
                return fetch(host, path, index++, v);
            }
        };
    }

    /** The whole file, checked. */
    byte[] read(HostCalls host, String path) {
        Verified v = verify(host, path);
        if (v.size > Integer.MAX_VALUE - 8) {
            throw new TrustedFileException(path + " is too large to read whole; stream it");
        }
        byte[] out = new byte[(int) v.size];
        for (int i = 0; i < v.chunkHashes.size(); i++) {
            byte[] c = fetch(host, path, i, v);
            System.arraycopy(c, 0, out, i * CHUNK, c.length);
        }
        return out;
    }

    private Verified verify(HostCalls host, String path) {
        Verified done = verified.get(path);
        if (done != null) {
            return done;
        }
        byte[] want = expected.get(path);
        if (want == null) {
            throw new TrustedFileException(path + " is not a trusted file of container " + container);
        }
        long size = fileSize(host, path);
        MessageDigest whole = sha256();
        List<byte[]> chunks = new ArrayList<>();
        for (long at = 0; at < size; at += CHUNK) {
            byte[] c = readChunk(host, path, at, (int) Math.min(CHUNK, size - at));
            whole.update(c);
            chunks.add(sha256().digest(c));
        }
        if (!MessageDigest.isEqual(whole.digest(), want)) {
            throw new TrustedFileException(path + " does not match the SHA-256 in the manifest of container "
                    + container + ": the file was changed");
        }
        Verified v = new Verified(size, List.copyOf(chunks));
        verified.put(path, v);
        return v;
    }

    private byte[] fetch(HostCalls host, String path, int index, Verified v) {
        long at = (long) index * CHUNK;
        byte[] c = readChunk(host, path, at, (int) Math.min(CHUNK, v.size - at));
        if (!MessageDigest.isEqual(sha256().digest(c), v.chunkHashes.get(index))) {
            throw new TrustedFileException(path + ": chunk " + index + " changed after the file was verified");
        }
        return c;
    }

    private long fileSize(HostCalls host, String path) {
        try {
            Wire.Reader r = new Wire.Reader(host.call(
                    RuntimeAbi.OCALL_FILE_SIZE, new Wire.Writer().string(path).toBytes()));
            long size = r.u64("file size");
            r.end();
            if (size < 0) {
                throw new TrustedFileException(path + ": the host reported a negative size");
            }
            return size;
        } catch (HostCalls.OcallException e) {
            throw new TrustedFileException(path + ": cannot open (" + e.getMessage() + ")");
        }
    }

    private byte[] readChunk(HostCalls host, String path, long offset, int length) {
        if (length > host.capacity()) {
            throw new TrustedFileException(
                    "the ocall buffer (" + host.capacity() + " B) is smaller than a " + length + "-byte chunk");
        }
        byte[] c;
        try {
            c = host.call(
                    RuntimeAbi.OCALL_FILE_READ,
                    new Wire.Writer().string(path).u64(offset).u32(length).toBytes());
        } catch (HostCalls.OcallException e) {
            throw new TrustedFileException(path + ": read at " + offset + " failed (" + e.getMessage() + ")");
        }
        if (c.length != length) {
            throw new TrustedFileException(
                    path + ": the host returned " + c.length + " bytes at offset " + offset + ", expected " + length);
        }
        return c;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

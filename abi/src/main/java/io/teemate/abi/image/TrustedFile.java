package io.teemate.abi.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * A file the enclave may read only if its bytes hash to {@code sha256}, as Gramine's {@code sgx.trusted_files}
 * entries (path + SHA-256). The path is relative to the manifest's directory, written with '/', and stays
 * inside it (no "..", ".", empty or absolute segments): it is also the name the trusted runtime knows the file by.
 * In JSON: {@code {"path": "data/words.txt", "sha256": "<64 hex digits>"}}.
 */
public record TrustedFile(String path, byte[] sha256) {
    public static final int SHA256_BYTES = 32;
    static final Set<String> FIELDS = Set.of("path", "sha256");

    public TrustedFile {
        String problem = pathProblem(path);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (sha256.length != SHA256_BYTES) {
            throw new IllegalArgumentException("a SHA-256 is 32 bytes, got " + sha256.length);
        }
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** The hash as 64 lowercase hex digits, as manifests write it. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** Hashes the file at {@code base/relativePath} now: what a "hash the files" step writes into a manifest. */
    public static TrustedFile hash(Path base, String relativePath) {
        String problem = pathProblem(relativePath);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        try {
            return new TrustedFile(relativePath, sha256Of(base.resolve(relativePath)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base.resolve(relativePath), e);
        }
    }

    /**
     * Checks that the file exists under {@code base} and hashes to {@link #sha256}; {@code field} is this entry's
     * JSON path (e.g. {@code trusted_files[0]}), so the error names both the manifest field and the file.
     */
    public void check(Path base, String source, String field) {
        Path file = base.resolve(path);
        byte[] actual;
        try {
            actual = sha256Of(file);
        } catch (NoSuchFileException e) {
            throw new ManifestException(source, field + ".path", "file " + file + " does not exist");
        } catch (IOException e) {
            throw new ManifestException(source, field + ".path", "cannot read " + file + ": " + e.getMessage());
        }
        if (!MessageDigest.isEqual(actual, sha256)) {
            throw new ManifestException(
                    source,
                    field + ".sha256",
                    path + " has SHA-256 " + HexFormat.of().formatHex(actual) + ", the manifest says " + sha256Hex());
        }
    }

    /** Why {@code path} cannot name a trusted file, or null if it can. */
    public static String pathProblem(String path) {
        if (path == null || path.isEmpty()) {
            return "a trusted file needs a path";
        }
        if (path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0 || path.matches("^[A-Za-z]:.*")) {
            return "\"" + path + "\" must be a relative path written with '/'";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "\"" + path + "\" must stay inside the manifest's directory (no empty, \".\" or \"..\" parts)";
            }
        }
        return null;
    }

    /** Reads one {path, sha256} entry of a manifest. */
    static TrustedFile read(JsonFields f) {
        String path = f.string("path");
        String problem = pathProblem(path);
        if (problem != null) {
            throw f.error("path", problem);
        }
        String hex = f.string("sha256");
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw f.error(
                    "sha256",
                    "\"" + (hex.length() > 70 ? hex.substring(0, 67) + "..." : hex)
                            + "\" is not a SHA-256 (64 hex digits, got " + hex.length() + " characters)");
        }
        return new TrustedFile(path, HexFormat.of().parseHex(hex));
    }

    static byte[] sha256Of(Path file) throws IOException {
        MessageDigest md = newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedFile t && path.equals(t.path) && Arrays.equals(sha256, t.sha256);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "TrustedFile[" + path + " sha256 " + sha256Hex() + "]";
    }
}

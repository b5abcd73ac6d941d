package io.teemate.abi.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and directories for secrets the tools write (private keys, the platform seed, plain data): files are
 * created 0600 and directories 0700 by the creating call itself (a permission attribute, which the umask can only
 * narrow), never made wider and fixed with chmod after, so there is no moment when another user can open them. A
 * directory that exists already keeps its mode (the user chose it); its new secret files are 0600 all the same.
 * On a file system without POSIX permissions the files are created without them.
 */
public final class SecretFiles {
    private static final String FILE_MODE = "rw-------";
    private static final String DIR_MODE = "rwx------";

    private SecretFiles() {}

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] mode(Path p, String mode) {
        return posix(p)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }

    /**
     * Makes {@code dir} owner-only (0700) if it does not exist (its missing parents are made as usual); an existing
     * directory is kept as it is. Returns {@code dir}.
     */
    public static Path directory(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return dir;
        }
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        try {
            Files.createDirectory(abs, mode(abs, DIR_MODE));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            }
        }
        return dir;
    }

    /** A new owner-only (0700) temporary directory; the caller removes it with {@link #deleteTree}. */
    public static Path tempDirectory(String prefix) throws IOException {
        Path probe = Path.of(System.getProperty("java.io.tmpdir"));
        return Files.createTempDirectory(prefix, mode(probe, DIR_MODE));
    }

    /**
     * Opens a NEW file {@code file}, created owner-only (0600) in one step, for writing; fails with
     * {@link FileAlreadyExistsException} if it exists. Its directory must exist.
     */
    public static FileChannel createNew(Path file) throws IOException {
        Set<OpenOption> options = Set.copyOf(EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        return FileChannel.open(file, options, mode(file, FILE_MODE));
    }

    /**
     * Writes {@code content} to a NEW owner-only (0600) file {@code file} and forces it to disk, making its directory
     * owner-only (0700) if it is missing; an existing file is never overwritten ({@link FileAlreadyExistsException}),
     * and a failed write removes what it created.
     */
    public static void write(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            directory(parent);
        }
        boolean done = false;
        try (FileChannel ch = createNew(file)) {
            try {
                OutputStream out = Channels.newOutputStream(ch);
                out.write(content);
                ch.force(true);
                done = true;
            } finally {
                if (!done) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Deletes {@code dir} and everything under it, best effort (a temporary directory at exit). */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: what is left is in an owner-only directory
        }
    }
}

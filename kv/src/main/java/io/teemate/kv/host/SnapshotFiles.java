package io.teemate.kv.host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Atomic file replacement, as Redis writes its RDB (rdbSave: temp-PID.rdb, fsync, rename): the new file is
 * written beside the target, forced to disk and renamed over it, then the directory is forced. A failure or a
 * crash at any point leaves the previous file whole; a failed write removes its temporary file. The file is created
 * readable by its owner only (0600): an exported RDB is the whole dataset in plain.
 */
final class SnapshotFiles {
    /** Writes what {@code content} produces. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private SnapshotFiles() {}

    /** Replaces {@code target} with what {@code content} writes; returns the bytes written. */
    static long replace(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("temp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId() + "-" + target.getFileName());
        boolean done = false;
        Files.deleteIfExists(temp); // left by a crash: made anew, so it is 0600 whatever it was
        try (FileChannel ch = io.teemate.abi.image.SecretFiles.createNew(temp)) {
            OutputStream out = new java.io.BufferedOutputStream(new NonClosing(Channels.newOutputStream(ch)), 1 << 16);
            content.writeTo(out);
            out.flush();
            ch.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        long size = Files.size(temp);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot replace " + target + ": " + e, e);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // the rename itself reaches the disk
        } catch (IOException ignored) {
            // some file systems cannot open a directory for reading; the rename is still atomic
        }
        return size;
    }

    /** Keeps a content writer that closes its stream from closing the file before it is forced. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

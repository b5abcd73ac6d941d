package io.teemate.kv.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One database server per data directory: an exclusive OS lock (fcntl, through {@link FileChannel#tryLock}) on
 * {@value #FILE} in the directory, held while the server runs. The kernel drops it when the process ends however it
 * ends (exit, crash, {@code kill -9}), so a stale lock never keeps a directory locked; the pid written in the file
 * is only there to name the holder in the refusal. Redis itself has no such lock: two servers on one directory
 * would overwrite each other's snapshots and logs.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE = "kv.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir} (which exists).
     *
     * @throws KvException if another process, or another database in this one, holds it
     */
    static DataDirLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already: another database of this process serves the directory
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(file);
            ch.close();
            throw new KvException(dir + " is in use by another database server" + holder + " (it holds the lock on "
                    + file + "); stop that server or use another data directory");
        }
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        } catch (IOException e) {
            lock.release();
            ch.close();
            throw e;
        }
        return new DataDirLock(ch, lock);
    }

    /** " (pid N)" from the lock file, or "" if it names no process. */
    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]{1,10}") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}

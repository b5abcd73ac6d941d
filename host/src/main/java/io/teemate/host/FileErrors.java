package io.teemate.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** File errors in the words an operator reads: the path, then what went wrong, as strerror(3) would say it. */
public final class FileErrors {
    private FileErrors() {}

    /** A file error as "PATH: no such file", "PATH: permission denied", or the exception's own words. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * {@link #describe(IOException)} for the file error anywhere in {@code t}'s causes (a save that failed inside a
     * background task, say), else {@code t}'s own message.
     */
    public static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return describe(io);
            }
            if (c instanceof UncheckedIOException u && u.getCause() != null) {
                return describe(u.getCause());
            }
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}

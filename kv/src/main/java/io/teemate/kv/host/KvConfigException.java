package io.teemate.kv.host;

import java.nio.file.Path;

/**
 * A configuration was refused. Loading: the message names the file, the line number and the line, then Redis's
 * reason ("bad config file /x/redis.conf line 3: 'appendfsync sometimes': argument(s) must be one of the following:
 * everysec, always, no"), or the command-line option. CONFIG SET and CONFIG REWRITE: the message is the RESP error
 * Redis replies, e.g. "ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into
 * an integer", ready for the server to send as it is.
 */
public final class KvConfigException extends KvException {
    private final Path file;
    private final int line;

    KvConfigException(String message) {
        this(message, null, 0, null);
    }

    KvConfigException(String message, Throwable cause) {
        this(message, null, 0, cause);
    }

    private KvConfigException(String message, Path file, int line, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    /** A line of a configuration file was refused. */
    static KvConfigException badLine(Path file, int line, String text, String reason) {
        return new KvConfigException(
                "bad config file " + file + " line " + line + ": '" + text + "': " + reason, file, line, null);
    }

    /**
     * For a {@link KvConfig.Applier} that cannot put a new value into effect: CONFIG SET then restores the previous
     * values and replies {@code ERR CONFIG SET failed (possibly related to argument 'name') - reason}, as Redis does
     * when an apply function fails (e.g. "Unable to listen on this port. Check server logs.").
     */
    public static KvConfigException setFailed(String name, String reason) {
        return new KvConfigException("ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + reason);
    }

    /** The configuration file a refused line is in, or null when the problem is not a file's line. */
    public Path file() {
        return file;
    }

    /** The refused line's number (from 1), or 0 when the problem is not a file's line. */
    public int line() {
        return line;
    }
}

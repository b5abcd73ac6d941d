package io.teemate.kv.host;

/** The database could not do what was asked; the message says why. */
public class KvException extends RuntimeException {
    public KvException(String message) {
        super(message);
    }

    public KvException(String message, Throwable cause) {
        super(message, cause);
    }
}

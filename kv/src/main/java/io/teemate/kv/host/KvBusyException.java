package io.teemate.kv.host;

/** A save was asked for while a background save runs; the message is Redis's error reply. */
public final class KvBusyException extends KvException {
    public KvBusyException(String message) {
        super(message);
    }
}

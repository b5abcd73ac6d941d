package io.teemate.kv.host;

/**
 * A client sent bytes that are not RESP. The message is Redis's own ("Protocol error: ..."); the server answers
 * {@code -ERR <message>} and closes the connection, as Redis does (networking.c setProtocolError).
 */
public final class RespProtocolException extends Exception {
    public RespProtocolException(String message) {
        super(message);
    }

    /** The error reply Redis sends before closing: {@code -ERR Protocol error: ...\r\n}. */
    public byte[] reply() {
        return Resp.error("ERR " + getMessage());
    }
}

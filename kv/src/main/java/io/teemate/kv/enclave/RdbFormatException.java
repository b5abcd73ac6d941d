package io.teemate.kv.enclave;

import java.io.IOException;

/**
 * An RDB stream that {@link RdbReader} refuses: malformed, truncated, with a bad checksum, or using an encoding
 * TeeMate does not load. The message names what was wrong; {@link #offset()} is the byte offset in the stream of
 * the item at fault (0 = the first byte of the magic).
 */
public final class RdbFormatException extends IOException {
    private final long offset;

    public RdbFormatException(String what, long offset) {
        super(what + " at byte offset " + offset);
        this.offset = offset;
    }

    /** Byte offset, from the start of the stream, of the item at fault. */
    public long offset() {
        return offset;
    }
}

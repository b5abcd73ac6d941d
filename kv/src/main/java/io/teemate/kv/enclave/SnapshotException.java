package io.teemate.kv.enclave;

import java.io.IOException;

/** A sealed snapshot or checkpoint that is not this container's, was changed, or is cut short. */
public final class SnapshotException extends IOException {
    public SnapshotException(String message) {
        super(message);
    }
}

package io.teemate.kv.enclave;

import java.io.IOException;

/**
 * An append-only file that does not load: a part that is not this database's, was changed, reordered, cut short
 * or does not continue the chain. The message names the file and, for a record, its number.
 */
public final class AofException extends IOException {
    public AofException(String message) {
        super(message);
    }
}

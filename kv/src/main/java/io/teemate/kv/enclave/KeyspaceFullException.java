package io.teemate.kv.enclave;

/** The keyspace's address space has no room left for an allocation (Redis: used memory above maxmemory). */
public final class KeyspaceFullException extends RuntimeException {
    public KeyspaceFullException(String message) {
        super(message);
    }
}

package io.teemate.faas.enclave;

/**
 * A module asked for more linear memory than its function may have, or than the enclave heap can give, at
 * instantiation (a failing {@code memory.grow} just returns -1). The runtime tears the container down; the host
 * reports the function's MEMORY_LIMIT.
 */
public final class WasmMemoryLimitException extends RuntimeException {
    public WasmMemoryLimitException(String message) {
        super(message);
    }
}

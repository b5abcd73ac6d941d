package io.teemate.faas.enclave;

import io.teemate.enclave.memory.ContainerMemoryLimitException;

/**
 * A module asked for more linear memory than its function may have, or than the enclave heap can give, at
 * instantiation (a failing {@code memory.grow} just returns -1). The runtime tears the container down and answers
 * E_NO_MEMORY with this message; the host reports the function's MEMORY_LIMIT.
 */
public final class WasmMemoryLimitException extends ContainerMemoryLimitException {
    public WasmMemoryLimitException(String message) {
        super(message);
    }
}

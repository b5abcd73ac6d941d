package io.teemate.faas.enclave;

import io.teemate.enclave.runtime.ContainerFaultException;

/**
 * The module trapped (unreachable, an out-of-bounds access, a division by zero, call stack exhaustion...) or could
 * not be instantiated: the function's own error, in Wasm's words. The runtime tears the container down and answers
 * E_FAULT with this message, which the host reports as the function's TRAP.
 */
public final class WasmTrapException extends ContainerFaultException {
    public WasmTrapException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.teemate.faas.enclave;

/**
 * The module trapped (unreachable, an out-of-bounds access, a division by zero, call stack exhaustion...) or could
 * not be instantiated. The runtime tears the container down (E_CRASHED); the host reports the function's TRAP with
 * this message.
 */
public final class WasmTrapException extends RuntimeException {
    public WasmTrapException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.teemate.faas.enclave;

/**
 * The runtime, not the module, failed during an invocation: an {@link Error} (other than running out of memory) or
 * an exception Chicory or the WASI layer was not meant to throw. The runtime tears the container down like a trap,
 * and the other containers go on; unlike a {@link WasmTrapException} (E_FAULT), it is a crash (E_CRASHED) and its
 * message is an internal detail, which the host keeps for its operator's log and does not send to the caller.
 */
public final class WasmCrashException extends RuntimeException {
    public WasmCrashException(String message, Throwable cause) {
        super(message, cause);
    }
}

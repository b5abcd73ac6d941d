package io.teemate.enclave.runtime;

/**
 * Thrown by a container's code when it failed with an error of its own that its user is meant to read: a Wasm
 * trap (an out-of-bounds access, {@code unreachable}, a division by zero), or any app's equivalent. The runtime
 * tears that container down and answers {@code E_FAULT} with the message alone, so the message must be written for
 * the container's user: no class names, no runtime state. Anything else the code throws (a bug, an {@link Error})
 * is a crash ({@code E_CRASHED}), whose text is for the operator. Apps subclass it for their own kind of fault.
 */
public class ContainerFaultException extends RuntimeException {
    public ContainerFaultException(String message) {
        super(message);
    }

    public ContainerFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}

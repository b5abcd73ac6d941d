package io.teemate.enclave.runtime;

/**
 * Thrown by a container's code that needs more memory than it may have (its own limit, or the enclave heap is
 * full): the runtime tears that container down and answers E_NO_MEMORY, so the host can tell it from a crash.
 */
public class ContainerMemoryLimitException extends RuntimeException {
    public ContainerMemoryLimitException(String message) {
        super(message);
    }
}

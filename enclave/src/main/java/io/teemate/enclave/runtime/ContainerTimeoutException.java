package io.teemate.enclave.runtime;

/** Thrown by a container's code when it ran past its time limit: the runtime tears that container down (E_TIMEOUT). */
public final class ContainerTimeoutException extends RuntimeException {
    public ContainerTimeoutException(String message) {
        super(message);
    }
}

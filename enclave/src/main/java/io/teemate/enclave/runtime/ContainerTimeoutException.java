package io.teemate.enclave.runtime;

/**
 * Thrown by a container's code when it ran past its time limit: the runtime tears that container down and answers
 * E_TIMEOUT with the message alone, so the message is written for the container's user (which limit, how long).
 */
public final class ContainerTimeoutException extends RuntimeException {
    public ContainerTimeoutException(String message) {
        super(message);
    }
}

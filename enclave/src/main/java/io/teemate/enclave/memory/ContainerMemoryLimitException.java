package io.teemate.enclave.memory;

/**
 * A container needs more enclave memory than it may have (its {@link PageQuota}, or an app's own limit such as a
 * Wasm function's pages). It is an {@link EnclaveOutOfMemoryException}, so code that copes with a full heap (a
 * Wasm memory.grow answering -1, a database answering Redis's OOM error) copes with it the same way; if it reaches
 * the runtime, the runtime tears that container down and answers E_NO_MEMORY with the message alone: it names the
 * limit in words meant for the container's user.
 */
public class ContainerMemoryLimitException extends EnclaveOutOfMemoryException {
    public ContainerMemoryLimitException(String message) {
        super(message);
    }
}

package io.teemate.enclave.memory;

/** The enclave heap cannot satisfy a request: every page is in use and the heap may not (or could not) grow. */
public class EnclaveOutOfMemoryException extends RuntimeException {
    public EnclaveOutOfMemoryException(String message) {
        super(message);
    }

    public EnclaveOutOfMemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.teemate.host.kernel;

/**
 * A system call's error: the errno it returns and a message saying what was wrong. Callers get this, never an
 * exception from the machine underneath.
 */
public class KernelException extends RuntimeException {
    private final Errno errno;

    public KernelException(Errno errno, String message) {
        super(errno + ": " + message);
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }
}

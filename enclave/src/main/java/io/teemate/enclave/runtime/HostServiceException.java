package io.teemate.enclave.runtime;

/**
 * A host service call ({@link ContainerEnv#hostService}) that failed: the host answered a negative errno (ENOSYS: no
 * such service, EIO: the service failed, EINVAL: it refused the request, E2BIG: its reply did not fit), or an
 * impossible length, or the request was too large to send.
 */
public final class HostServiceException extends RuntimeException {
    /** Linux's errno for an argument list too long: a request larger than the ocall buffer. */
    public static final int E2BIG = 7;

    private final int errno;

    public HostServiceException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    /** The positive errno: what the host answered, or {@link #E2BIG} for a request that was never sent. */
    public int errno() {
        return errno;
    }
}

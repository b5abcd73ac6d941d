package io.teemate.host.container;

/** A container could not start or run: the message says which step failed and why; the status is the runtime's. */
public final class ContainerException extends RuntimeException {
    private final long status;

    public ContainerException(String message, long status) {
        super(message);
        this.status = status;
    }

    public ContainerException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The runtime's status ({@link io.teemate.abi.RuntimeAbi}), or 0 if the host side failed. */
    public long status() {
        return status;
    }
}

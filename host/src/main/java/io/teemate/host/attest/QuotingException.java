package io.teemate.host.attest;

/**
 * The platform's quoting stack could not start or could not quote: the message says which step failed and why;
 * {@link #qeStatus()} is the quoting enclave's error code ({@code QuotingEnclaveAbi.Status}) when it refused, else 0.
 */
public final class QuotingException extends RuntimeException {
    private final long qeStatus;

    public QuotingException(String message, long qeStatus) {
        super(message);
        this.qeStatus = qeStatus;
    }

    public QuotingException(String message, Throwable cause) {
        super(message, cause);
        this.qeStatus = 0;
    }

    /** The quoting enclave's negative RAX ({@code QuotingEnclaveAbi.ERROR_*}), or 0 if the host side failed. */
    public long qeStatus() {
        return qeStatus;
    }
}

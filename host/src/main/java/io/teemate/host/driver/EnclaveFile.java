package io.teemate.host.driver;

/** An open {@code /dev/sgx_enclave}: one file, one enclave (created by the first ioctl, or attached by id). */
public final class EnclaveFile {
    private final SgxDriver driver;
    private final int ownerPid;
    /**
     * Set once by ENCLAVE_CREATE or OPEN_REMAP under the driver's lock; {@link #enclaveId()} reads it without the
     * lock, so callers ask for the id after the call that set it has returned.
     */
    SgxEnclave enclave;
    /** Guarded by the driver's lock. */
    boolean closed;

    EnclaveFile(SgxDriver driver, int ownerPid) {
        this.driver = driver;
        this.ownerPid = ownerPid;
    }

    public int ownerPid() {
        return ownerPid;
    }

    /** The enclave's id (TeeMate's {@code SGX_IOC_ENCLAVE_GET_ID}); -1 before ENCLAVE_CREATE. */
    public long enclaveId() {
        return enclave == null ? -1 : enclave.id;
    }

    public void close() {
        driver.close(this);
    }
}

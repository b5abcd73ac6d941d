package io.teemate.sgx.loader;

import io.teemate.sgx.SgxStatus;

/** EINIT refused the enclave; the status is the SGX error code it returned in RAX. */
public final class EinitException extends RuntimeException {
    private final SgxStatus status;

    public EinitException(SgxStatus status) {
        super("EINIT failed with SGX_" + status + " (" + status.code() + ")");
        this.status = status;
    }

    public SgxStatus status() {
        return status;
    }
}

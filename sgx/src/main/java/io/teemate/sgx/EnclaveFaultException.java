package io.teemate.sgx;

/**
 * EENTER's caller learns that the enclave thread was abandoned after an AEX the host did not resume
 * (the vDSO's -EFAULT with the exception in {@code struct sgx_enclave_run}). The TCS keeps CSSA raised.
 */
public final class EnclaveFaultException extends RuntimeException {
    private final AexEvent event;

    EnclaveFaultException(AexEvent event, Throwable cause) {
        super(describe(event), cause);
        this.event = event;
    }

    public AexEvent event() {
        return event;
    }

    private static String describe(AexEvent e) {
        if (e.isInterrupt()) {
            return "enclave thread abandoned after an interrupt";
        }
        return String.format(
                "enclave thread aborted by vector %d (error code 0x%x) at page 0x%x: %s",
                e.vector(), e.errorCode(), e.pageAddress(), e.cause().getMessage());
    }

    /**
     * True if {@code t} is the emulator unwinding an enclave thread the host gave up on (an AEX it did not resume):
     * enclave code that catches every Throwable must let this one pass, as no code of an abandoned thread runs.
     */
    public static boolean unwindsAbandonedThread(Throwable t) {
        return t instanceof EnclaveEntry.ThreadAbandoned;
    }
}

package io.teemate.sgx;

/**
 * The host side of an enclave entry: the code at the AEP and the untrusted runtime behind it (what the
 * Linux vDSO's {@code __vdso_sgx_enter_enclave} and its user handler do). It runs on the same logical
 * processor, outside enclave mode.
 */
public interface ExitHandler {
    /**
     * After an asynchronous exit (an exception or interrupt in enclave mode, SDM Vol.3D "Enclave Exiting
     * Events"). The host may fix the cause (map a page, EAUG, ELDU), may even EENTER the same TCS to let the
     * enclave handle the exception, and answers whether to ERESUME.
     */
    AexAction onAex(LogicalProcessor lp, AexEvent event);

    /**
     * A #PF raised by the ERESUME after an AEX, or the EENTER after an ocall, before it entered: its TCS or SSA
     * page is not mapped (say, evicted meanwhile). Return true once the page is mapped to execute the leaf
     * again; false abandons the enclave thread.
     */
    default boolean onEntryFault(LogicalProcessor lp, PageFault fault) {
        return false;
    }

    /**
     * An ocall: the enclave executed EEXIT and expects to be re-entered through the same TCS when this
     * returns. Arguments and results travel in the registers and in untrusted memory.
     */
    default void onOcall(LogicalProcessor lp) {
        throw new UnsupportedOperationException("this host handles no ocalls");
    }

    /** The host's answer to an AEX. */
    enum AexAction {
        /** Execute ERESUME: the interrupted enclave code continues where it stopped. */
        ERESUME,
        /** Give up: the enclave thread is abandoned and EENTER's caller gets an {@link EnclaveFaultException}. */
        ABORT
    }

    /** ExitHandler that resumes after interrupts and aborts on exceptions: the default for simple hosts. */
    ExitHandler RESUME_INTERRUPTS = (lp, event) -> event.isInterrupt() ? AexAction.ERESUME : AexAction.ABORT;
}

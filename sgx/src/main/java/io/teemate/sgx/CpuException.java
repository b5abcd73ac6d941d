package io.teemate.sgx;

/**
 * An exception the processor raises while executing an instruction or an access (SDM Vol.3A ch.6).
 * Closed set: the SGX instructions raise only #GP, #PF and, for a jump into unbound code, #UD.
 */
public abstract sealed class CpuException extends RuntimeException
        permits GeneralProtectionFault, PageFault, InvalidOpcodeFault {

    protected CpuException(String message) {
        super(message, null, false, false);
    }

    /** The IDT vector: 13 for #GP, 14 for #PF, 6 for #UD. */
    public abstract int vector();

    /** The error code pushed with the exception (0 where the exception has none). */
    public abstract int errorCode();

    /** The faulting linear address (CR2 for #PF), or 0. */
    public long address() {
        return 0;
    }
}

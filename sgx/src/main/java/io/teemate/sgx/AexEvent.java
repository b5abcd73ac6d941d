package io.teemate.sgx;

/**
 * What the host learns from an asynchronous exit: the vector and error code, the faulting address with its
 * low 12 bits cleared (CR2 is page-granular after an AEX; SDM Vol.3D "Synthetic State on Asynchronous Enclave
 * Exit"), the TCS, and CSSA after the AEX.
 *
 * @param cause the exception, or null for an external interrupt
 */
public record AexEvent(CpuException cause, int vector, int errorCode, long pageAddress, long tcsAddress, int cssa) {
    /** Vector used for an external interrupt (the emulator's local APIC timer). */
    public static final int INTERRUPT_VECTOR = 0x20;

    public boolean isInterrupt() {
        return cause == null;
    }
}

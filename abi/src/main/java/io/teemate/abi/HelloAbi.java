package io.teemate.abi;

/**
 * The demo enclave's call interface ({@code hello}, the smallest useful enclave: it makes local-attestation reports
 * and verifies them). Ecall number in RDI, pointers to untrusted buffers in RSI, RDX and R8, result in RAX.
 */
public final class HelloAbi {
    private HelloAbi() {}

    /** Its name as an enclave binary. */
    public static final String NAME = "hello";
    /** RSI: TARGETINFO (512 B), RDX: REPORTDATA (64 B), R8: where to put the REPORT (432 B); all untrusted. */
    public static final long ECALL_REPORT = 1;
    /** RSI: a REPORT (432 B) in untrusted memory; RAX = 1 if it was made on this machine for this enclave. */
    public static final long ECALL_VERIFY_REPORT = 2;
    /** Does nothing: the cost of an enclave round trip. */
    public static final long ECALL_NOP = 3;
}

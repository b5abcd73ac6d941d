package io.teemate.sgx;

/**
 * #UD: execution reached enclave code whose bytes are no enclave program of this machine, so there is
 * nothing the emulated processor could run (see {@link io.teemate.sgx.program.CodeImage}).
 */
public final class InvalidOpcodeFault extends CpuException {
    public static final int VECTOR = 6;
    private final long address;

    public InvalidOpcodeFault(long address, String reason) {
        super(String.format("#UD at 0x%x: %s", address, reason));
        this.address = address;
    }

    @Override
    public int vector() {
        return VECTOR;
    }

    @Override
    public int errorCode() {
        return 0;
    }

    @Override
    public long address() {
        return address;
    }
}

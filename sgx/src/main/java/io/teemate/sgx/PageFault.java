package io.teemate.sgx;

/**
 * #PF with the architectural error code (SDM Vol.3A 4.7): P, W/R, U/S, I/D, and bit 15 (SGX) when the
 * fault comes from an EPCM check rather than the page tables.
 */
public final class PageFault extends CpuException {
    public static final int VECTOR = 14;
    public static final int PRESENT = 1;
    public static final int WRITE = 1 << 1;
    public static final int USER = 1 << 2;
    public static final int INSTRUCTION = 1 << 4;
    public static final int SGX = 1 << 15;

    private final long address;
    private final int errorCode;

    public PageFault(long address, int errorCode, String reason) {
        super(String.format(
                "#PF at 0x%x (error code 0x%x%s): %s",
                address, errorCode, (errorCode & SGX) != 0 ? ", SGX" : "", reason));
        this.address = address;
        this.errorCode = errorCode;
    }

    @Override
    public int vector() {
        return VECTOR;
    }

    @Override
    public int errorCode() {
        return errorCode;
    }

    @Override
    public long address() {
        return address;
    }

    /** True when the EPCM (not the page tables) refused the access: PFEC.SGX. */
    public boolean isSgx() {
        return (errorCode & SGX) != 0;
    }
}

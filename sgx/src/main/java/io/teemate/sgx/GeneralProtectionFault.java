package io.teemate.sgx;

/** #GP(0): an SGX instruction's operand or state check failed (SDM Vol.3D, each leaf's "Protected Mode Exceptions"). */
public final class GeneralProtectionFault extends CpuException {
    public static final int VECTOR = 13;

    public GeneralProtectionFault(String reason) {
        super("#GP(0): " + reason);
    }

    @Override
    public int vector() {
        return VECTOR;
    }

    @Override
    public int errorCode() {
        return 0;
    }
}

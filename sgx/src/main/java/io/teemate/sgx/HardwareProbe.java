package io.teemate.sgx;

/**
 * An emulator-only window into state real hardware hides, the way a hardware debugger attached to a part
 * could read it. It is not an SGX feature and no enclave or host code path uses it; tools do
 * ({@code teemate sgx measure} reads the running measurement of an enclave it built with the real leaves).
 */
public final class HardwareProbe {
    private final Machine machine;

    HardwareProbe(Machine machine) {
        this.machine = machine;
    }

    /** The MRENCLAVE EINIT would compute for the enclave whose SECS is at {@code secsPage}, without finalizing it. */
    public byte[] pendingMrEnclave(long secsPage) {
        SecsState s = EnclaveBuild.requireSecs(machine, secsPage, "probe");
        synchronized (s) {
            return s.initialized ? s.mrEnclave.clone() : s.measurement.peek();
        }
    }

    /** EPC pages that hold a valid EPCM entry. */
    public int epcPagesInUse() {
        return machine.epcm().validCount();
    }
}

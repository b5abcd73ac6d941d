package io.teemate.sgx;

import io.teemate.sgx.struct.Attributes;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processor's view of one enclave: the SECS fields it enforces and the hidden ones real hardware keeps
 * in the SECS page's reserved area at implementation-specific offsets (EID, the running measurement,
 * the child count, the ETRACK epoch; SDM Vol.3D 37.7). Software never reads this object.
 */
public final class SecsState {
    final int secsFrame;
    final long eid;
    final long baseAddress;
    final long size;
    final int ssaFrameSize;
    final int miscSelect;
    volatile Attributes attributes;
    final Measurement measurement = new Measurement();
    volatile boolean initialized;
    byte[] mrEnclave;
    byte[] mrSigner;
    short isvProdId;
    short isvSvn;
    int childCount;
    /** Logical processors executing inside this enclave now. */
    final Set<LogicalProcessor> threadsInside = ConcurrentHashMap.newKeySet();
    /** Bumped on every EPCM change of a page of this enclave; cached code bindings check it. */
    private volatile long epcmGeneration;
    /** The verified binding of code to a program, valid while {@link #epcmGeneration} is unchanged. */
    volatile CodeBinding codeBinding;

    SecsState(int secsFrame, long eid, long baseAddress, long size, int ssaFrameSize, int miscSelect, Attributes attributes) {
        this.secsFrame = secsFrame;
        this.eid = eid;
        this.baseAddress = baseAddress;
        this.size = size;
        this.ssaFrameSize = ssaFrameSize;
        this.miscSelect = miscSelect;
        this.attributes = attributes;
    }

    /** The enclave identifier ECREATE assigned (CR_NEXT_EID). */
    public long eid() {
        return eid;
    }

    public long baseAddress() {
        return baseAddress;
    }

    public long size() {
        return size;
    }

    public boolean initialized() {
        return initialized;
    }

    boolean inElrange(long linearAddress) {
        return linearAddress >= baseAddress && linearAddress - baseAddress < size;
    }

    void epcmChanged() {
        epcmGeneration++;
    }

    long epcmGeneration() {
        return epcmGeneration;
    }

    /** A program found bound to the code at {@code oentry}; reusable while the EPCM generation holds. */
    record CodeBinding(long oentry, long epcmGeneration, io.teemate.sgx.program.EnclaveProgram program) {
    }

    @Override
    public String toString() {
        return String.format("enclave[eid=%d, base=0x%x, size=0x%x%s]", eid, baseAddress, size, initialized ? ", initialized" : "");
    }
}

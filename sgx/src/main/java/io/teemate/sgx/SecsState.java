package io.teemate.sgx;

import io.teemate.sgx.program.EnclavePrivate;
import io.teemate.sgx.struct.Attributes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processor's view of one enclave: the SECS fields it enforces and the hidden ones real hardware keeps
 * in the SECS page's reserved area at implementation-specific offsets (EID, the running measurement,
 * the child count, the ETRACK epoch; SDM Vol.3D "SGX Enclave Control Structure (SECS)"). Software never reads
 * this object.
 *
 * <p>Locking: this object's monitor ({@code synchronized (enclave)} in the leaf implementations) guards its
 * mutable state; each field below says what it needs and which reads are deliberately made without it.
 */
public final class SecsState {
    /**
     * The EPC frame the SECS occupies; changes when EWB evicts it and ELDU loads it elsewhere. Written under
     * this object's monitor (ELD of the SECS); volatile for readers outside it.
     */
    volatile int secsFrame;

    final long eid;
    final long baseAddress;
    final long size;
    final int ssaFrameSize;
    final int miscSelect;
    /** Written under this object's monitor (EINIT sets INIT); read without it by EREPORT and EGETKEY. */
    volatile Attributes attributes;
    /** Guarded by this object's monitor (EADD, EEXTEND, EINIT); ECREATE starts it before the SECS is published. */
    final Measurement measurement = new Measurement();
    /**
     * Written once, under this object's monitor, by EINIT after the identity fields below; read under it by
     * the leaves and without it by {@link #initialized()}.
     */
    volatile boolean initialized;
    /*
     * The identity EINIT records: written once under this object's monitor before {@link #initialized} is set,
     * then only read, without the lock, by EREPORT and EGETKEY from inside the enclave (EENTER took the monitor
     * and saw initialized, so the writes are visible).
     */
    byte[] mrEnclave;
    byte[] mrSigner;
    short isvProdId;
    short isvSvn;
    /** Valid EPC pages of this enclave other than the SECS. Guarded by this object's monitor. */
    int childCount;
    /**
     * Logical processors executing inside this enclave now. Added to under this object's monitor (EENTER,
     * ERESUME) but removed without it on EEXIT and AEX, hence a concurrent set.
     */
    final Set<LogicalProcessor> threadsInside = ConcurrentHashMap.newKeySet();
    /** The enclave's ETRACK epoch, bumped by each successful ETRACK (SDM Vol.3D ETRACK); guarded by this. */
    long trackingEpoch;
    /** (processor, entry generation) of every thread that was inside at the last ETRACK; guarded by this. */
    private Map<LogicalProcessor, Long> trackedThreads = Map.of();
    /**
     * Bumped on every EPCM change of a page of this enclave; cached code bindings check it. Written under this
     * object's monitor (every {@code Epcm.set} of one of its pages runs inside it); read without it by EENTER.
     */
    private volatile long epcmGeneration;
    /**
     * The verified binding of code to a program, valid while {@link #epcmGeneration} is unchanged. A cache
     * read and written by EENTER without any lock: a racing write only replaces one valid binding by another.
     */
    volatile CodeBinding codeBinding;
    /** The Java objects this enclave's code keeps between entries; dropped with the SECS. */
    final EnclavePrivate enclavePrivate = new EnclavePrivate();

    SecsState(
            int secsFrame,
            long eid,
            long baseAddress,
            long size,
            int ssaFrameSize,
            int miscSelect,
            Attributes attributes) {
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

    /**
     * ETRACK (SDM Vol.3D ETRACK): a new epoch begins, and the processors inside now must all leave before it is
     * complete. The caller has checked that the previous one is complete and holds this object's lock.
     */
    void startTrackingEpoch() {
        Map<LogicalProcessor, Long> inside = new HashMap<>();
        for (LogicalProcessor lp : threadsInside) {
            inside.put(lp, lp.entryGeneration());
        }
        trackedThreads = inside;
        trackingEpoch++;
    }

    /**
     * True when every processor that was inside at the last ETRACK has left since (EEXIT or AEX, which flush
     * its TLB): it is no longer inside, or it entered again after (SDM Vol.3D ETRACK "SGX_PREV_TRK_INCMPL").
     */
    boolean trackingComplete() {
        for (Map.Entry<LogicalProcessor, Long> t : trackedThreads.entrySet()) {
            LogicalProcessor lp = t.getKey();
            if (threadsInside.contains(lp) && lp.entryGeneration() == t.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when an ETRACK issued after epoch {@code epoch} (recorded by EBLOCK, EMODPR or EMODT) has completed,
     * so no processor can still hold a TLB entry from before the change (SDM Vol.3D EWB, EACCEPT "Tracking not
     * correct"). An ETRACK only succeeds once the one before it is complete, so any later one proves it.
     */
    boolean trackedSince(long epoch) {
        return trackingEpoch > epoch + 1 || (trackingEpoch == epoch + 1 && trackingComplete());
    }

    void epcmChanged() {
        epcmGeneration++;
    }

    long epcmGeneration() {
        return epcmGeneration;
    }

    /** A program found bound to the code at {@code oentry}; reusable while the EPCM generation holds. */
    record CodeBinding(long oentry, long epcmGeneration, io.teemate.sgx.program.EnclaveProgram program) {}

    @Override
    public String toString() {
        return String.format(
                "enclave[eid=%d, base=0x%x, size=0x%x%s]", eid, baseAddress, size, initialized ? ", initialized" : "");
    }
}

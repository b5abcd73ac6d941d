package io.teemate.host.driver;

import io.teemate.host.kernel.Errno;
import io.teemate.host.kernel.KernelException;
import io.teemate.sgx.Epc;
import io.teemate.sgx.LogicalProcessor;

import java.util.BitSet;

/**
 * The driver's EPC page allocator (Linux {@code sgx_alloc_epc_page}): free frames, and direct reclaim when
 * none is left. Guarded by the driver's lock.
 */
final class EpcPool {
    private final Epc epc;
    private final BitSet used = new BitSet();
    private final Reclaimer reclaimer;

    EpcPool(Epc epc, Reclaimer reclaimer) {
        this.epc = epc;
        this.reclaimer = reclaimer;
    }

    /** A free EPC page, evicting enclave pages first if the EPC is full. */
    long allocate(LogicalProcessor lp) {
        int frame = used.nextClearBit(0);
        if (frame >= epc.frameCount()) {
            reclaimer.reclaim(lp);
            frame = used.nextClearBit(0);
            if (frame >= epc.frameCount()) {
                throw new KernelException(
                        Errno.ENOMEM,
                        "EPC exhausted: all " + epc.frameCount() + " pages are in use and none could be evicted");
            }
        }
        used.set(frame);
        return epc.address(frame);
    }

    void free(long epcPage) {
        used.clear(epc.frameOf(epcPage));
    }

    int inUse() {
        return used.cardinality();
    }

    int total() {
        return epc.frameCount();
    }
}

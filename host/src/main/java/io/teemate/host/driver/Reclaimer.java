package io.teemate.host.driver;

import io.teemate.host.kernel.AddressSpace;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.EvictedPage;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.cost.SystemCost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * EPC reclaim, as Linux's {@code sgx_reclaim_pages}: take a batch of resident pages in FIFO order, zap their
 * page-table entries in every address space that maps the enclave (every alias), EBLOCK them, ETRACK, then EWB
 * each into untrusted memory. When EWB finds threads still inside that may cache a translation, the processors
 * running those address spaces are interrupted (the IPI) so they exit, and EWB is retried.
 */
final class Reclaimer {
    static final int BATCH = 16;
    private static final long TRACK_TIMEOUT_NANOS = 500_000_000L;

    private final Kernel kernel;
    /** Resident pages in the order they became resident. Guarded by the driver's lock. */
    private final ArrayDeque<SgxEnclavePage> fifo = new ArrayDeque<>();
    /** Set once by {@link #attach}, in the driver's constructor, before the reclaimer is used. */
    private SgxDriver driver;

    Reclaimer(Kernel kernel) {
        this.kernel = kernel;
    }

    void attach(SgxDriver d) {
        this.driver = d;
    }

    /** A page became resident: it may be chosen later. Call only when holding the driver's lock. */
    void track(SgxEnclavePage page) {
        fifo.addLast(page);
    }

    /** Evicts up to {@link #BATCH} pages; returns how many left the EPC. Call only when holding the driver's lock. */
    int reclaim(LogicalProcessor lp) {
        List<SgxEnclavePage> victims = new ArrayList<>();
        int scanned = 0;
        int limit = fifo.size();
        while (victims.size() < BATCH && scanned++ < limit && !fifo.isEmpty()) {
            SgxEnclavePage p = fifo.pollFirst();
            if (p.reclaimable() && !driver.enclaveOf(p).released) {
                victims.add(p);
            }
        }
        Set<SgxEnclave> enclaves = new LinkedHashSet<>();
        for (SgxEnclavePage p : victims) {
            SgxEnclave e = driver.enclaveOf(p);
            for (AddressSpace mm : e.mms) {
                mm.zap(p.linearAddress);
            }
            SgxStatus s = lp.eblock(p.epcPage);
            if (s.ok() || s == SgxStatus.BLKSTATE) {
                p.blocked = true;
                enclaves.add(e);
            }
        }
        for (SgxEnclave e : enclaves) {
            etrack(lp, e);
        }
        int evicted = 0;
        for (SgxEnclavePage p : victims) {
            if (p.blocked && writeBack(lp, driver.enclaveOf(p), p)) {
                evicted++;
            } else if (p.resident()) {
                fifo.addLast(p); // could not be evicted now; try it again later
            }
        }
        return evicted;
    }

    /** ETRACK, interrupting threads still inside until the previous epoch is complete. */
    void etrack(LogicalProcessor lp, SgxEnclave e) {
        long deadline = System.nanoTime() + TRACK_TIMEOUT_NANOS;
        while (lp.etrack(e.secsPage) == SgxStatus.PREV_TRK_INCMPL && System.nanoTime() < deadline) {
            kick(e);
        }
    }

    /**
     * EWB of a blocked page into a fresh VA slot. Returns false (the page stays blocked and resident) if the
     * threads that may hold its translation did not leave the enclave in time.
     */
    boolean writeBack(LogicalProcessor lp, SgxEnclave e, SgxEnclavePage p) {
        long slot = e.vaSlots.take();
        EvictedPage out = new EvictedPage();
        long deadline = System.nanoTime() + TRACK_TIMEOUT_NANOS;
        SgxStatus s = lp.ewb(p.epcPage, slot, out);
        while (s == SgxStatus.NOT_TRACKED && System.nanoTime() < deadline) {
            lp.etrack(e.secsPage);
            kick(e);
            s = lp.ewb(p.epcPage, slot, out);
        }
        if (!s.ok()) {
            e.vaSlots.release(slot);
            return false;
        }
        lp.charge(SystemCost.RECLAIM_PAGE);
        driver.pool().free(p.epcPage);
        p.epcPage = -1;
        p.blocked = false;
        p.evicted = out;
        p.vaSlot = slot;
        return true;
    }

    /** The IPI: processors running any address space that maps the enclave take an interrupt (an AEX if inside). */
    private void kick(SgxEnclave e) {
        for (AddressSpace mm : e.mms) {
            kernel.interruptProcessors(mm);
        }
        Thread.onSpinWait();
        Thread.yield();
    }
}

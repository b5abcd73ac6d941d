package io.teemate.host.driver;

import io.teemate.host.kernel.AddressSpace;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.PagePermissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver's state for one enclave (Linux {@code struct sgx_encl}): its SECS page, its pages by offset, the
 * address spaces that map it ({@code mm_list}), its VA slots, and how many files and mappings keep it alive.
 * Everything mutable here is guarded by the driver's lock ({@code SgxDriver.lock}); the methods below must be
 * called with it held.
 */
final class SgxEnclave {
    final long id;
    final long secsPage;
    final long base;
    final long size;
    /** Guarded by the driver's lock. */
    final TreeMap<Long, SgxEnclavePage> pages = new TreeMap<>();
    /** Guarded by the driver's lock. */
    final List<Long> tcsAddresses = new ArrayList<>();
    /**
     * The address spaces mapping the enclave. Written under the driver's lock (mmap, unmap) and, today, only
     * read under it too (zaps, IPIs, statistics); the concurrent set is not relied on.
     */
    final Set<AddressSpace> mms = ConcurrentHashMap.newKeySet();
    /** Guarded by the driver's lock. */
    final VaSlots vaSlots = new VaSlots();
    /** Set by ENCLAVE_INIT. Guarded by the driver's lock. */
    boolean initialized;
    /** SECS.ATTRIBUTES.FLAGS from ENCLAVE_CREATE. Guarded by the driver's lock. */
    long attributes;
    /**
     * The attributes EINIT may grant (Linux {@code encl->attributes_mask}): the unprivileged ones (SGX_ATTR_UNPRIV_MASK:
     * DEBUG, MODE64BIT, KSS), plus PROVISIONKEY after SGX_IOC_ENCLAVE_PROVISION. Guarded by the driver's lock.
     */
    long attributesMask = Attributes.DEBUG | Attributes.MODE64BIT | Attributes.KSS;
    /**
     * Set once, under the driver's lock, when the last reference goes. Volatile because {@code SgxDriver.alive},
     * {@code location} and their {@code enclave(id)} lookup read it without the lock.
     */
    volatile boolean released;
    /** Open files plus mappings; at zero the enclave's EPC is given back. Guarded by the driver's lock. */
    int references;
    /**
     * Runs of pages with equal maximum permissions, computed at EINIT: what an alias maps. Guarded by the
     * driver's lock.
     */
    List<Segment> segments = List.of();

    SgxEnclave(long id, long secsPage, long base, long size) {
        this.id = id;
        this.secsPage = secsPage;
        this.base = base;
        this.size = size;
    }

    /** A page-aligned range [start, end) of the enclave whose pages share one maximum protection. */
    record Segment(long start, long end, PagePermissions protection) {}

    boolean contains(long address) {
        return address >= base && address - base < size;
    }

    /** The added pages as maximal runs of equal protection (TCS pages count as RW, as Linux maps them). */
    List<Segment> computeSegments() {
        List<Segment> out = new ArrayList<>();
        long start = -1;
        long end = -1;
        PagePermissions prot = null;
        for (SgxEnclavePage p : pages.values()) {
            PagePermissions pp = p.type == io.teemate.sgx.struct.PageType.TCS ? PagePermissions.RW : p.maxPermissions;
            if (prot != null && pp.equals(prot) && p.linearAddress == end) {
                end += Memory.PAGE_SIZE;
                continue;
            }
            if (prot != null) {
                out.add(new Segment(start, end, prot));
            }
            start = p.linearAddress;
            end = start + Memory.PAGE_SIZE;
            prot = pp;
        }
        if (prot != null) {
            out.add(new Segment(start, end, prot));
        }
        return List.copyOf(out);
    }

    int residentPages() {
        int n = 1 + vaSlots.pages().size(); // SECS and VA pages
        for (SgxEnclavePage p : pages.values()) {
            if (p.resident()) {
                n++;
            }
        }
        return n;
    }

    /** Pages added by EAUG on a process's fault, by that process (resident or evicted). */
    java.util.Map<Integer, Integer> augmentedPagesByPid() {
        java.util.Map<Integer, Integer> out = new java.util.TreeMap<>();
        for (SgxEnclavePage p : pages.values()) {
            if (p.augmentedBy >= 0) {
                out.merge(p.augmentedBy, 1, Integer::sum);
            }
        }
        return out;
    }

    int evictedPages() {
        int n = 0;
        for (SgxEnclavePage p : pages.values()) {
            if (!p.resident()) {
                n++;
            }
        }
        return n;
    }
}

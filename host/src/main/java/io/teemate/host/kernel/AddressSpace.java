package io.teemate.host.kernel;

import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.cost.SystemCost;
import io.teemate.sgx.mmu.AccessType;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.mmu.PageTable;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.struct.PagePermissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process's address space (Linux {@code struct mm_struct}): VMAs, and a page table whose entries are
 * filled on fault from each VMA's backing. Private to its process: nothing another process maps shows here.
 */
public final class AddressSpace implements PageTable {
    private final Kernel kernel;
    private final int pid;
    private final ConcurrentHashMap<Long, Pte> ptes = new ConcurrentHashMap<>();
    private final TreeMap<Long, Vma> vmas = new TreeMap<>();
    /** Logical processors that have this page table loaded now: the targets of a TLB shootdown. */
    final Set<LogicalProcessor> activeOn = ConcurrentHashMap.newKeySet();

    AddressSpace(Kernel kernel, int pid) {
        this.kernel = kernel;
        this.pid = pid;
    }

    public int pid() {
        return pid;
    }

    @Override
    public Pte lookup(long linearAddress) {
        return ptes.get(linearAddress >>> Memory.PAGE_SHIFT);
    }

    /** mmap(MAP_FIXED_NOREPLACE): a new VMA; fails if the range overlaps an existing one. */
    public synchronized Vma mmap(long start, long length, PagePermissions protection, VmaBacking backing) {
        if (!Memory.pageAligned(start) || length <= 0 || !Memory.pageAligned(length)) {
            throw new KernelException(
                    Errno.EINVAL,
                    String.format("mmap(0x%x, 0x%x): start and length must be page aligned", start, length));
        }
        long end = start + length;
        Map.Entry<Long, Vma> before = vmas.floorEntry(end - 1);
        if (before != null && before.getValue().end() > start) {
            throw new KernelException(
                    Errno.EEXIST,
                    String.format(
                            "mmap(0x%x, 0x%x) overlaps [0x%x, 0x%x) in pid %d",
                            start,
                            length,
                            before.getValue().start(),
                            before.getValue().end(),
                            pid));
        }
        Vma vma = new Vma(start, end, protection, backing);
        vmas.put(start, vma);
        kernel.charge(SystemCost.SYSCALL, 1);
        return vma;
    }

    /** munmap of whole VMAs in the range: removes them, zaps their entries and shoots down the TLBs. */
    public void munmap(long start, long length) {
        kernel.charge(SystemCost.SYSCALL, 1);
        List<Vma> removed = new ArrayList<>();
        synchronized (this) {
            for (Vma v : new ArrayList<>(
                    vmas.subMap(start, true, start + length, false).values())) {
                vmas.remove(v.start());
                removed.add(v);
            }
        }
        for (Vma v : removed) {
            for (long la = v.start(); la < v.end(); la += Memory.PAGE_SIZE) {
                ptes.remove(la >>> Memory.PAGE_SHIFT);
            }
        }
        kernel.shootdown(this);
        for (Vma v : removed) {
            v.backing().unmapped(this, v);
        }
    }

    /** The VMA containing {@code address}, or null. */
    public synchronized Vma vmaAt(long address) {
        Map.Entry<Long, Vma> e = vmas.floorEntry(address);
        return e != null && e.getValue().contains(address) ? e.getValue() : null;
    }

    public synchronized List<Vma> vmas() {
        return List.copyOf(vmas.values());
    }

    /** Removes the entry for one page (the reclaimer's zap) and flushes every TLB that may cache it. */
    public void zap(long address) {
        if (ptes.remove(address >>> Memory.PAGE_SHIFT) != null) {
            kernel.shootdown(this);
        }
    }

    /**
     * The page-fault handler: resolves a fault at {@code address} through the VMA's backing. Returns false
     * when no VMA allows the access (SIGSEGV) or the backing cannot supply the page (SIGBUS).
     */
    public boolean handleFault(long address, AccessType access, LogicalProcessor lp) {
        Vma vma = vmaAt(address);
        if (vma == null) {
            return false;
        }
        PagePermissions p = vma.protection();
        boolean allowed = switch (access) {
            case READ -> p.read();
            case WRITE -> p.write();
            case EXECUTE -> p.execute();
        };
        if (!allowed) {
            return false;
        }
        lp.charge(SystemCost.PAGE_FAULT);
        return vma.backing().fault(this, vma, Memory.pageBase(address), access, lp);
    }

    /**
     * Installs the entry for one page (Linux {@code vmf_insert_pfn}); called by a backing from its fault handler.
     * Returns false, installing nothing, when the page itself may not be accessed the way that faulted: that
     * access gets SIGSEGV rather than a retry.
     */
    public boolean insertPfn(long page, Pte pte, AccessType access) {
        if ((access == AccessType.WRITE && !pte.writable()) || (access == AccessType.EXECUTE && !pte.executable())) {
            return false;
        }
        ptes.put(page >>> Memory.PAGE_SHIFT, pte);
        kernel.charge(SystemCost.PTE_MAP, 1);
        return true;
    }

    /** Tears everything down (process exit). */
    void destroy() {
        List<Vma> all;
        synchronized (this) {
            all = new ArrayList<>(vmas.values());
        }
        for (Vma v : all) {
            munmap(v.start(), v.length());
        }
        ptes.clear();
    }

    public int mappedPages() {
        return ptes.size();
    }
}

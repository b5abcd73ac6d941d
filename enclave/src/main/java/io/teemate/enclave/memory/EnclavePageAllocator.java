package io.teemate.enclave.memory;

import java.util.BitSet;
import java.util.Objects;

/**
 * Hands out whole 4 KiB enclave pages from the heap region {@code [heapBase, heapBase + maxPages * 4096)}.
 * <p>The first {@code committedPages} were EADDed when the enclave was built (SGX1: measured, zeroed RW pages). When
 * they are all in use and {@code maxPages > committedPages} (the manifest asked for EDMM), the heap grows at its top,
 * one page at a time, through the {@link PageAccepter} (ENCLU[EACCEPT] of a page the host EAUGs on the fault;
 * SDM Vol.3D EAUG/EACCEPT). Growth is monotonic: a page once accepted stays committed and is reused after a free,
 * so no page is ever accepted twice. Without EDMM, running out throws {@link EnclaveOutOfMemoryException}.
 * <p>A freed page is zeroed through {@link EnclaveMemory} before anyone can get it again, so no container sees
 * another's bytes. New pages are zero already: EADDed heap pages are measured zeros, EAUG clears its page.
 * <p>The free map is a Java {@link BitSet}; it stands for the allocator's own bookkeeping pages inside the enclave
 * (the data pages it hands out are real enclave pages). All methods are thread-safe: several enclave threads
 * allocate at once.
 */
public final class EnclavePageAllocator implements PageSource {
    public static final int PAGE_SIZE = EnclaveMemory.PAGE_SIZE;

    private final EnclaveMemory memory;
    private final long heapBase;
    private final int maxPages;
    private final int committedAtBuild;
    private final PageAccepter growth;
    /** Bit i set: page i is allocated. Guarded by {@code this}. */
    private final BitSet used = new BitSet();
    /** Pages [0, committed) exist in the enclave. Guarded by {@code this}; read racily by {@link #pagesCommitted}. */
    private volatile int committed;

    private volatile int inUse;
    /** No page below this is free (first-fit scans start here). */
    private int firstFree;

    /**
     * @param memory         how this allocator reaches its pages (zeroing on free)
     * @param heapBase       linear address of the first heap page, 4 KiB aligned
     * @param committedPages pages that exist from the build (EADDed)
     * @param maxPages       the heap's reserved size in pages; above committedPages only with EDMM
     * @param growth         how a page above the committed ones is added (EACCEPT); may be null when
     *                       {@code maxPages == committedPages}
     */
    public EnclavePageAllocator(
            EnclaveMemory memory, long heapBase, int committedPages, int maxPages, PageAccepter growth) {
        this.memory = Objects.requireNonNull(memory, "memory");
        if ((heapBase & (PAGE_SIZE - 1)) != 0 || heapBase <= 0) {
            throw new IllegalArgumentException(
                    String.format("heap base 0x%x must be a positive, 4 KiB aligned address", heapBase));
        }
        if (committedPages < 0 || maxPages < committedPages) {
            throw new IllegalArgumentException(
                    "heap of " + committedPages + " committed pages cannot have a maximum of " + maxPages
                            + " pages: need 0 <= committedPages <= maxPages");
        }
        if (heapBase + (long) maxPages * PAGE_SIZE < heapBase) {
            throw new IllegalArgumentException(
                    String.format("heap of %d pages at 0x%x overflows the address space", maxPages, heapBase));
        }
        if (maxPages > committedPages && growth == null) {
            throw new IllegalArgumentException("a heap that may grow from " + committedPages + " to " + maxPages
                    + " pages (EDMM) needs a PageAccepter");
        }
        this.heapBase = heapBase;
        this.committed = committedPages;
        this.committedAtBuild = committedPages;
        this.maxPages = maxPages;
        this.growth = growth == null ? PageAccepter.NONE : growth;
    }

    /** One free page, zeroed. */
    public long allocatePage() {
        return allocatePages(1);
    }

    /**
     * {@code count} contiguous free pages, zeroed; returns the address of the first. First fit over the committed
     * pages; a run that does not fit there ends at the top of the heap and grows it (EDMM).
     *
     * @throws EnclaveOutOfMemoryException if no such run exists and the heap may not grow enough
     */
    public synchronized long allocatePages(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("page count must be at least 1, got " + count);
        }
        int c = committed;
        int start = firstFree;
        while (true) {
            start = used.nextClearBit(start);
            if (start >= c) {
                break;
            }
            int end = used.nextSetBit(start);
            if (end < 0 || end >= c) {
                break; // the free run reaches the top of the committed heap
            }
            if (end - start >= count) {
                return take(start, count);
            }
            start = end;
        }
        // The run starts at the first free page of the tail [start, committed) and may need growth.
        start = Math.min(start, c);
        if (start + count <= c) {
            return take(start, count);
        }
        if ((long) start + count > maxPages) {
            throw outOfMemory(count);
        }
        for (int page = c; page < start + count; page++) {
            growth.accept(address(page)); // EACCEPT: throws if the host did not provide the page
            committed = page + 1;
        }
        return take(start, count);
    }

    private long take(int start, int count) {
        used.set(start, start + count);
        inUse += count;
        if (start == firstFree) {
            firstFree = used.nextClearBit(start + count);
        }
        return address(start);
    }

    /** Returns the page at {@code address}; it is zeroed before it can be handed out again. */
    public void freePage(long address) {
        freePages(address, 1);
    }

    /** Returns {@code count} pages from {@code address}, each allocated; they are zeroed before reuse. */
    public synchronized void freePages(long address, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("page count must be at least 1, got " + count);
        }
        int first = pageIndex(address);
        if ((long) first + count > committed) {
            throw new IllegalArgumentException(String.format(
                    "pages 0x%x..0x%x are beyond the heap's %d committed pages",
                    address, address + (long) count * PAGE_SIZE, committed));
        }
        int notUsed = used.nextClearBit(first);
        if (notUsed < first + count) {
            throw new IllegalArgumentException(
                    String.format("page 0x%x is not allocated (double free or foreign pointer)", address(notUsed)));
        }
        for (int i = 0; i < count; i++) {
            memory.zero(address + (long) i * PAGE_SIZE, PAGE_SIZE); // no bytes of one owner reach the next
        }
        used.clear(first, first + count);
        inUse -= count;
        firstFree = Math.min(firstFree, first);
    }

    /** True if the page at {@code address} is a heap page that is allocated now. */
    public synchronized boolean isAllocated(long address) {
        if (address < heapBase || address >= heapBase + (long) maxPages * PAGE_SIZE) {
            return false;
        }
        return used.get((int) ((address - heapBase) / PAGE_SIZE));
    }

    private int pageIndex(long address) {
        if ((address & (PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException(
                    String.format("0x%x is not a page address (not 4 KiB aligned)", address));
        }
        if (address < heapBase || address >= heapBase + (long) maxPages * PAGE_SIZE) {
            throw new IllegalArgumentException(String.format(
                    "page 0x%x is outside the enclave heap [0x%x, 0x%x)",
                    address, heapBase, heapBase + (long) maxPages * PAGE_SIZE));
        }
        return (int) ((address - heapBase) / PAGE_SIZE);
    }

    private long address(int page) {
        return heapBase + (long) page * PAGE_SIZE;
    }

    private EnclaveOutOfMemoryException outOfMemory(int count) {
        int c = committed;
        String request = count == 1 ? "a page" : count + " contiguous pages (" + kib(count) + ")";
        if (maxPages == committedAtBuild) {
            return new EnclaveOutOfMemoryException(String.format(
                    "enclave heap exhausted: cannot allocate %s; %d of %d pages (%s) in use, and the heap cannot grow "
                            + "(built without EDMM: maximum = committed = %s)",
                    request, inUse, c, kib(c), kib(maxPages)));
        }
        return new EnclaveOutOfMemoryException(String.format(
                "enclave heap exhausted: cannot allocate %s; %d of %d committed pages in use, and growing (EDMM) "
                        + "would pass the heap's maximum of %d pages (%s)",
                request, inUse, c, maxPages, kib(maxPages)));
    }

    private static String kib(long pages) {
        return pages * PAGE_SIZE / 1024 + " KiB";
    }

    /** Pages allocated now. */
    public int pagesInUse() {
        return inUse;
    }

    /** Pages that exist in the enclave: the EADDed ones plus those accepted since (EDMM). */
    public int pagesCommitted() {
        return committed;
    }

    /** The heap's reserved size in pages. */
    public int maxPages() {
        return maxPages;
    }

    /** Linear address of the first heap page. */
    public long heapBase() {
        return heapBase;
    }

    /** True if the heap may grow beyond its build-time pages (EDMM). */
    public boolean growable() {
        return maxPages > committedAtBuild;
    }

    /** The memory the pages are reached through. */
    public EnclaveMemory memory() {
        return memory;
    }

    @Override
    public String toString() {
        return String.format(
                "EnclavePageAllocator[heap 0x%x, %d in use, %d committed, max %d]",
                heapBase, inUse, committed, maxPages);
    }
}

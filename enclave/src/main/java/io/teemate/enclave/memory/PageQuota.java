package io.teemate.enclave.memory;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One container's share of the shared enclave heap: every page its arena and its copy-on-write spaces take is
 * charged here first, and a page past {@link #limitPages()} is refused with {@link ContainerMemoryLimitException}
 * before the heap is touched. Without it one tenant can fill the heap that every other container of the enclave
 * allocates from (the EPC limit a Kubernetes pod gets from the SGX device plugin is per enclave, not per container).
 * The quota is enclave-internal state: the host cannot see or change it.
 */
public final class PageQuota implements PageSource {
    /** No limit but the heap's own size. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final EnclavePageAllocator heap;
    private final int limitPages;
    private final String owner;
    private final AtomicInteger charged = new AtomicInteger();

    /**
     * @param heap       the enclave's page allocator
     * @param limitPages the most pages the owner may hold at once ({@link #UNLIMITED} for none)
     * @param owner      who the quota is for, for the error message
     */
    public PageQuota(EnclavePageAllocator heap, int limitPages, String owner) {
        this.heap = Objects.requireNonNull(heap, "heap");
        if (limitPages < 1) {
            throw new IllegalArgumentException("a page quota needs at least 1 page, got " + limitPages);
        }
        this.limitPages = limitPages;
        this.owner = owner;
    }

    @Override
    public long allocatePage() {
        return allocatePages(1);
    }

    @Override
    public long allocatePages(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("page count must be at least 1, got " + count);
        }
        charge(count);
        try {
            return heap.allocatePages(count);
        } catch (RuntimeException | Error e) {
            charged.addAndGet(-count);
            throw e;
        }
    }

    private void charge(int count) {
        while (true) {
            int now = charged.get();
            if ((long) now + count > limitPages) {
                throw new ContainerMemoryLimitException(String.format(
                        "%s is over its memory limit: %d more page%s on top of the %d it holds would pass its limit of "
                                + "%d pages (%d KiB); raise memory_limit in its manifest",
                        owner,
                        count,
                        count == 1 ? "" : "s",
                        now,
                        limitPages,
                        (long) limitPages * EnclaveMemory.PAGE_SIZE / 1024));
            }
            if (charged.compareAndSet(now, now + count)) {
                return;
            }
        }
    }

    @Override
    public void freePage(long address) {
        freePages(address, 1);
    }

    @Override
    public void freePages(long address, int count) {
        heap.freePages(address, count); // throws on a foreign or double free, before the credit
        charged.addAndGet(-count);
    }

    /** Pages charged now. */
    public int pagesCharged() {
        return charged.get();
    }

    public int limitPages() {
        return limitPages;
    }

    @Override
    public int maxPages() {
        return heap.maxPages();
    }

    @Override
    public long heapBase() {
        return heap.heapBase();
    }

    @Override
    public EnclaveMemory memory() {
        return heap.memory();
    }

    @Override
    public String toString() {
        return "PageQuota[" + owner + ": " + charged.get() + " of "
                + (limitPages == UNLIMITED ? "unlimited" : limitPages) + " pages]";
    }
}

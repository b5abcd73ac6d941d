package io.teemate.enclave.memory;

/**
 * Where whole enclave heap pages come from: the enclave's {@link EnclavePageAllocator} itself, or one container's
 * {@link PageQuota} of it. {@link Arena} and {@link CowSpace} take their pages through this, so a container's
 * malloc and its copy-on-write spaces are charged to the same quota.
 */
public interface PageSource {
    /** One free page, zeroed. */
    long allocatePage();

    /** {@code count} contiguous free pages, zeroed; the address of the first. */
    long allocatePages(int count);

    /** Returns the page at {@code address}; it is zeroed before anyone gets it again. */
    void freePage(long address);

    /** Returns {@code count} pages from {@code address}. */
    void freePages(long address, int count);

    /** The heap's reserved size in pages. */
    int maxPages();

    /** Linear address of the first heap page. */
    long heapBase();

    /** The memory the pages are reached through. */
    EnclaveMemory memory();
}

package io.teemate.sgx.cost;

/**
 * The work around the SGX leaves that real hardware pays for and the emulator does as plain Java: the host kernel's
 * paths, the memory-encryption engine, and the container runtime. Each is charged where the emulated code does that
 * work, once per event (or per page where the name says so); a {@link PlatformProfile} prices it. Figures and
 * sources: docs/cost-model.md.
 */
public enum SystemCost {
    /** A system call's entry and exit (SYSCALL/SYSRET with the kernel's entry code): mmap, munmap, an ioctl. */
    SYSCALL,
    /** A host page fault's exception entry, VMA lookup and return; the page's own work is charged on its own. */
    PAGE_FAULT,
    /** Installing one page-table entry (the fault's vmf_insert_pfn, or fork(2)'s copy of a mapped page's PTE). */
    PTE_MAP,
    /** The driver's per-page work in SGX_IOC_ENCLAVE_ADD_PAGES besides EADD: copy from user, EPC page, xarray. */
    DRIVER_PAGE_ADD,
    /** The reclaimer's per-page work besides EBLOCK/ETRACK/EWB: the LRU scan, zap, and the backing-store write. */
    RECLAIM_PAGE,
    /** A context switch: a process thread put on or taken off a logical processor. */
    CONTEXT_SWITCH,
    /** One IPI to another logical processor (TLB shootdown, or the kick that completes an ETRACK). */
    IPI,
    /** A new process: fork(2) and execve(2) of its program, the address space and its first thread. */
    PROCESS_CREATE,
    /** fork(2) alone, of a small process; the copy of a bigger one's page tables is {@link #PTE_MAP} per page. */
    PROCESS_FORK,
    /** The container runtime's work for a new container (namespaces, cgroups, root filesystem mount). */
    CONTAINER_CREATE,
    /** One command of the database that is not a write (Redis's flags: not CMD_WRITE), priced as redis-server's GET. */
    KV_READ,
    /** One command of the database that may write (CMD_WRITE), priced as redis-server's SET. */
    KV_WRITE,
    /** One bytecode of the JavaScript engine (QuickJS's interpreter), as its native build runs it on the part. */
    JS_BYTECODE,
    /**
     * The first access to an EPC page since the processor's translations were flushed: the page walk, the EPCM
     * check and the memory-encryption engine's fetch of the line. A later access to a page in the
     * {@link io.teemate.sgx.LogicalProcessor}'s cache model is free.
     */
    EPC_PAGE_MISS
}

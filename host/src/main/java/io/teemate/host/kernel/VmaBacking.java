package io.teemate.host.kernel;

import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.mmu.AccessType;

/** What a VMA's page faults are resolved from: anonymous memory, or an enclave (Linux {@code vm_operations_struct}). */
public interface VmaBacking {
    /**
     * Resolves a fault at the page {@code address} by inserting its entry with
     * {@link AddressSpace#insertPfn} (Linux {@code vmf_insert_pfn}) while still holding whatever lock keeps the
     * frame valid, so a concurrent reclaim cannot free the frame between the lookup and the insert. Returns
     * false when the fault cannot be resolved (the access gets SIGSEGV/SIGBUS). {@code lp} is the processor
     * handling the fault, outside enclave mode: the one privileged instructions (ELDU, EAUG) run on.
     */
    boolean fault(AddressSpace space, Vma vma, long address, AccessType access, LogicalProcessor lp);

    /** The VMA was unmapped (munmap, or the process exited). */
    default void unmapped(AddressSpace space, Vma vma) {}
}

package io.teemate.host.kernel;

import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.mmu.AccessType;
import io.teemate.sgx.mmu.Pte;

/** What a VMA's page faults are resolved from: anonymous memory, or an enclave (Linux {@code vm_operations_struct}). */
public interface VmaBacking {
    /**
     * The entry to install for the page at {@code address}, or null when the fault cannot be resolved
     * (the access gets SIGSEGV/SIGBUS). {@code lp} is the processor handling the fault, outside enclave mode:
     * the one privileged instructions (ELDU, EAUG) run on.
     */
    Pte fault(AddressSpace space, Vma vma, long address, AccessType access, LogicalProcessor lp);

    /** The VMA was unmapped (munmap, or the process exited). */
    default void unmapped(AddressSpace space, Vma vma) {
    }
}

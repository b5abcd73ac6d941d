package io.teemate.enclave.memory;

import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;

/**
 * How the enclave heap gains a page under SGX2 dynamic memory management (EDMM): the enclave asks for the page
 * at a linear address and returns only once it is an accepted, zeroed, RW regular page of this enclave.
 */
@FunctionalInterface
public interface PageAccepter {
    /**
     * Makes the enclave page at {@code pageAddress} usable (4 KiB aligned, inside the heap region).
     *
     * @throws EnclaveOutOfMemoryException if the page cannot be had
     */
    void accept(long pageAddress);

    /** For an SGX1 enclave (no EDMM): the heap is exactly what was EADDed at build time. */
    PageAccepter NONE = page -> {
        throw new EnclaveOutOfMemoryException(String.format(
                "cannot add heap page 0x%x: the enclave was built without EDMM (SGX1), its heap cannot grow", page));
    };

    /** SECINFO for a page that EAUG added: PT_REG, RW, PENDING (SDM Vol.3D EAUG, EACCEPT). */
    long EAUG_SECINFO_FLAGS = SecInfo.of(PageType.REG, PagePermissions.RW).flags() | SecInfo.FLAG_PENDING;

    /**
     * EDMM growth the way Linux and Gramine do it: ENCLU[EACCEPT] with SECINFO{PT_REG, RW, PENDING} on the page
     * (SDM Vol.3D EACCEPT). The page is not there yet, so the access faults; the host's fault handler EAUGs a
     * fresh EPC page at that address and ERESUMEs, and the EACCEPT executes again and succeeds. Anything else
     * (a host that mapped some other page there, or EAUGed it with other attributes) fails the EACCEPT, and the
     * enclave refuses the page.
     *
     * @param threads      the enclave's thread-bound memory: EACCEPT runs on the current thread's context
     * @param secInfoSlot  offset in the thread-local page (FS base) of 64 bytes the accepter may use for SECINFO;
     *                     64-byte aligned (SDM Vol.3D EACCEPT: #GP otherwise)
     */
    static PageAccepter eaccept(ThreadBoundMemory threads, int secInfoSlot) {
        if (secInfoSlot < 0
                || secInfoSlot > EnclaveMemory.PAGE_SIZE - SecInfo.SIZE
                || secInfoSlot % SecInfo.SIZE != 0) {
            throw new IllegalArgumentException("SECINFO slot offset " + secInfoSlot
                    + " must be a multiple of 64 inside the 4 KiB thread-local page");
        }
        byte[] secInfo = new SecInfo(EAUG_SECINFO_FLAGS).toBytes();
        return page -> {
            EnclaveContext ctx = threads.context();
            long slot = ctx.threadLocalBase() + secInfoSlot;
            ctx.write(slot, secInfo);
            SgxStatus status = ctx.eaccept(slot, page);
            if (status != SgxStatus.SUCCESS) {
                throw new EnclaveOutOfMemoryException(String.format(
                        "EACCEPT of heap page 0x%x returned %s: the host did not EAUG a fresh PENDING RW page there",
                        page, status));
            }
        };
    }
}

package io.teemate.host.driver;

import io.teemate.sgx.EvictedPage;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;

/**
 * The driver's record of one enclave page (Linux {@code struct sgx_encl_page}): where it lives now, in an EPC
 * frame or evicted to untrusted memory, and the most permissive mapping it may ever get (from its SECINFO).
 * Every mutable field is guarded by the driver's lock ({@code SgxDriver.lock}), which the reclaimer holds too.
 */
final class SgxEnclavePage {
    final long offset;
    final long linearAddress;
    /** Changed by MODIFY_TYPES. Guarded by the driver's lock. */
    PageType type;
    /** Lowered by RESTRICT_PERMISSIONS. Guarded by the driver's lock. */
    PagePermissions maxPermissions;
    /** The EPC page holding it, or -1 while evicted. Guarded by the driver's lock. */
    long epcPage = -1;
    /** Ciphertext, PCMD and address from EWB while evicted (untrusted memory). Guarded by the driver's lock. */
    EvictedPage evicted;
    /** The VA slot holding its version while evicted. Guarded by the driver's lock. */
    long vaSlot;
    /** EBLOCKed by the reclaimer whose EWB has not happened yet. Guarded by the driver's lock. */
    boolean blocked;
    /**
     * The process whose fault EAUGed this page (SGX2), or -1: such a page counts as that process's own. Set
     * before the page is published; guarded by the driver's lock.
     */
    int augmentedBy = -1;

    SgxEnclavePage(long offset, long linearAddress, PageType type, PagePermissions maxPermissions) {
        this.offset = offset;
        this.linearAddress = linearAddress;
        this.type = type;
        this.maxPermissions = maxPermissions;
    }

    boolean resident() {
        return epcPage >= 0;
    }

    /** Reclaimable: resident ordinary data (the driver keeps TCS, SECS and VA pages in the EPC). */
    boolean reclaimable() {
        return resident() && type == PageType.REG;
    }
}

package io.teemate.sgx;

import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;

/**
 * One Enclave Page Cache Map entry: the security attributes of one EPC frame (SDM Vol.3D 37.19, table 37-28).
 * Not software-visible; the processor consults it on every enclave access and every ENCLS leaf.
 *
 * @param enclave        the owning SECS (ENCLAVESECS), or null for a SECS or VA page
 * @param linearAddress  ENCLAVEADDRESS: the only linear address the page may be reached at
 */
public record EpcmEntry(boolean valid, PageType type, PagePermissions permissions, SecsState enclave,
                        long linearAddress, boolean blocked, boolean pending, boolean modified, boolean pr) {

    public static final EpcmEntry INVALID = new EpcmEntry(false, PageType.REG, PagePermissions.NONE, null, 0, false, false, false, false);

    static EpcmEntry of(PageType type, PagePermissions permissions, SecsState enclave, long linearAddress) {
        return new EpcmEntry(true, type, permissions, enclave, linearAddress, false, false, false, false);
    }

    EpcmEntry withBlocked(boolean b) {
        return new EpcmEntry(valid, type, permissions, enclave, linearAddress, b, pending, modified, pr);
    }

    EpcmEntry withPermissions(PagePermissions p) {
        return new EpcmEntry(valid, type, p, enclave, linearAddress, blocked, pending, modified, pr);
    }

    EpcmEntry withStates(boolean newPending, boolean newModified, boolean newPr) {
        return new EpcmEntry(valid, type, permissions, enclave, linearAddress, blocked, newPending, newModified, newPr);
    }

    EpcmEntry withType(PageType t) {
        return new EpcmEntry(valid, t, permissions, enclave, linearAddress, blocked, pending, modified, pr);
    }
}

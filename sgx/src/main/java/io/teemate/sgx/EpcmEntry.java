package io.teemate.sgx;

import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;

/**
 * One Enclave Page Cache Map entry: the security attributes of one EPC frame (SDM Vol.3D "Enclave Page Cache Map
 * (EPCM)", table "Content of an Enclave Page Cache Map Entry").
 * Not software-visible; the processor consults it on every enclave access and every ENCLS leaf.
 *
 * @param enclave        the owning enclave (for a PT_SECS page, the enclave it describes), or null for a VA page
 * @param linearAddress  ENCLAVEADDRESS: the only linear address the page may be reached at
 * @param trackingEpoch  the owning enclave's ETRACK epoch when this page was last EBLOCKed, EMODPRed or EMODTed
 *                       (the SDM's blocking epoch); EWB of a blocked page and EACCEPT of a PR/MODIFIED page need
 *                       a completed ETRACK after it. {@link #NO_EPOCH} when nothing is waiting for a shootdown.
 */
public record EpcmEntry(
        boolean valid,
        PageType type,
        PagePermissions permissions,
        SecsState enclave,
        long linearAddress,
        boolean blocked,
        boolean pending,
        boolean modified,
        boolean pr,
        long trackingEpoch) {

    /** An epoch every enclave has tracked past from the start: nothing to wait for. */
    public static final long NO_EPOCH = -2;

    public static final EpcmEntry INVALID =
            new EpcmEntry(false, PageType.REG, PagePermissions.NONE, null, 0, false, false, false, false, NO_EPOCH);

    static EpcmEntry of(PageType type, PagePermissions permissions, SecsState enclave, long linearAddress) {
        return new EpcmEntry(true, type, permissions, enclave, linearAddress, false, false, false, false, NO_EPOCH);
    }

    /** EPA: a Version Array page belongs to no enclave, has no linear address and no permissions (SDM Vol.3D EPA). */
    static EpcmEntry versionArray() {
        return of(PageType.VA, PagePermissions.NONE, null, 0);
    }

    EpcmEntry withBlocked(boolean b) {
        return new EpcmEntry(valid, type, permissions, enclave, linearAddress, b, pending, modified, pr, trackingEpoch);
    }

    EpcmEntry withPermissions(PagePermissions p) {
        return new EpcmEntry(valid, type, p, enclave, linearAddress, blocked, pending, modified, pr, trackingEpoch);
    }

    EpcmEntry withStates(boolean newPending, boolean newModified, boolean newPr) {
        return new EpcmEntry(
                valid,
                type,
                permissions,
                enclave,
                linearAddress,
                blocked,
                newPending,
                newModified,
                newPr,
                trackingEpoch);
    }

    EpcmEntry withType(PageType t) {
        return new EpcmEntry(
                valid, t, permissions, enclave, linearAddress, blocked, pending, modified, pr, trackingEpoch);
    }

    EpcmEntry withTrackingEpoch(long epoch) {
        return new EpcmEntry(valid, type, permissions, enclave, linearAddress, blocked, pending, modified, pr, epoch);
    }
}

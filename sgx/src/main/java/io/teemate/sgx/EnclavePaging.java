package io.teemate.sgx;

import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.Pcmd;
import io.teemate.sgx.struct.SecInfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The ENCLS leaves that move enclave pages out of the EPC and back: EPA, EBLOCK, ETRACK, EWB, ELDB and ELDU
 * (SDM Vol.3D ch.40 leaf pages; sgx.md section 5). An evicted page is AES-GCM ciphertext under the machine's
 * paging key, bound by the MAC to its linear address, EPCM attributes, enclave and a fresh version that only
 * its VA slot remembers: the host can store it but not read, change or replay it.
 * <p>
 * Locks: an enclave's {@link SecsState} first, then {@link Machine#vaSlotLock}.
 */
final class EnclavePaging {
    private static final int VA_SLOT_SIZE = 8;
    private static final int HEADER_SIZE = 3 * Long.BYTES;

    private EnclavePaging() {}

    static void epa(LogicalProcessor lp, long epcPage) {
        lp.charge(SgxLeaf.EPA);
        EnclaveBuild.requireOutsideEnclave(lp, SgxLeaf.EPA);
        Machine m = lp.machine();
        int frame = EnclaveBuild.requireEpcPage(m, epcPage, "EPA target");
        synchronized (m.vaSlotLock) {
            if (m.epcm().get(frame).valid()) {
                // SDM Vol.3D EPA: "IF (EPCM(DS:RCX).VALID ≠ 0) THEN #PF(DS:RCX)".
                throw EnclaveBuild.sgxPageFault(epcPage, "EPA target EPC page is already valid");
            }
            m.epc().zero(frame); // SDM Vol.3D EPA: the page is cleared, every slot empty
            m.epcm().set(frame, EpcmEntry.versionArray());
        }
    }

    static SgxStatus eblock(LogicalProcessor lp, long epcPage) {
        lp.charge(SgxLeaf.EBLOCK);
        EnclaveBuild.requireOutsideEnclave(lp, SgxLeaf.EBLOCK);
        Machine m = lp.machine();
        int frame = EnclaveBuild.requireEpcPage(m, epcPage, "EBLOCK target");
        EpcmEntry e = m.epcm().get(frame);
        if (!e.valid()) {
            return SgxStatus.PG_INVLD; // SDM Vol.3D EBLOCK: invalid page
        }
        if (e.type() == PageType.SECS) {
            return SgxStatus.PG_IS_SECS; // SDM Vol.3D EBLOCK: a SECS is paged without blocking
        }
        if (!blockable(e.type())) {
            return SgxStatus.NOTBLOCKABLE; // SDM Vol.3D EBLOCK: only REG, TCS and TRIM pages
        }
        SecsState enclave = e.enclave();
        synchronized (enclave) {
            e = m.epcm().get(frame);
            if (!e.valid() || e.enclave() != enclave) {
                return SgxStatus.PG_INVLD;
            }
            if (e.blocked()) {
                return SgxStatus.BLKSTATE; // SDM Vol.3D EBLOCK: already blocked (CF=1), nothing changes
            }
            // SDM Vol.3D EBLOCK: BLOCKED ← 1 and the page remembers the enclave's current epoch (BEPOCH).
            m.epcm().set(frame, e.withBlocked(true).withTrackingEpoch(enclave.trackingEpoch));
        }
        return SgxStatus.SUCCESS;
    }

    static SgxStatus etrack(LogicalProcessor lp, long secsPage) {
        lp.charge(SgxLeaf.ETRACK);
        EnclaveBuild.requireOutsideEnclave(lp, SgxLeaf.ETRACK);
        SecsState enclave = EnclaveBuild.requireSecs(lp.machine(), secsPage, "ETRACK");
        synchronized (enclave) {
            if (!enclave.trackingComplete()) {
                return SgxStatus.PREV_TRK_INCMPL; // SDM Vol.3D ETRACK: a thread inside at the last ETRACK has not left
            }
            enclave.startTrackingEpoch();
        }
        return SgxStatus.SUCCESS;
    }

    static SgxStatus ewb(LogicalProcessor lp, long epcPage, long vaSlot, EvictedPage out) {
        lp.charge(SgxLeaf.EWB);
        EnclaveBuild.requireOutsideEnclave(lp, SgxLeaf.EWB);
        Objects.requireNonNull(out, "EWB output buffer");
        Machine m = lp.machine();
        int frame = EnclaveBuild.requireEpcPage(m, epcPage, "EWB source");
        int vaFrame = vaSlotFrame(m, vaSlot, SgxLeaf.EWB);
        if (vaFrame == frame) {
            throw new GeneralProtectionFault("EWB: the EPC page and the VA slot resolve to the same EPC page");
        }
        EpcmEntry e = m.epcm().get(frame);
        if (!e.valid()) {
            throw EnclaveBuild.sgxPageFault(epcPage, "EWB source EPC page is not valid"); // SDM Vol.3D EWB
        }
        requireVaPage(m, vaFrame, vaSlot, SgxLeaf.EWB);
        SecsState enclave = e.enclave();
        if (enclave == null) {
            // A VA page: no owner, no blocking, no tracking, no enclave binding (SDM Vol.3D EWB: EID ← 0).
            synchronized (m.vaSlotLock) {
                e = m.epcm().get(frame);
                if (!e.valid()) {
                    throw EnclaveBuild.sgxPageFault(epcPage, "EWB source EPC page is not valid");
                }
                return writeOut(m, frame, e, 0, 0, null, vaFrame, vaSlot, out)
                        ? SgxStatus.SUCCESS
                        : SgxStatus.VA_SLOT_OCCUPIED;
            }
        }
        synchronized (enclave) {
            e = m.epcm().get(frame);
            if (!e.valid() || e.enclave() != enclave) {
                throw EnclaveBuild.sgxPageFault(epcPage, "EWB source EPC page is not valid");
            }
            long headerEid;
            SecsState parked = null;
            if (e.type() == PageType.SECS) {
                if (enclave.childCount > 0) {
                    return SgxStatus.CHILD_PRESENT; // SDM Vol.3D EWB: a SECS goes last
                }
                headerEid = 0; // SDM Vol.3D EWB: a SECS has no parent, so no EID binding; PCMD.ENCLAVEID is its own EID
                parked = enclave;
            } else {
                if (!e.blocked()) {
                    return SgxStatus.PAGE_NOT_BLOCKED; // SDM Vol.3D EWB
                }
                if (!enclave.trackedSince(e.trackingEpoch())) {
                    return SgxStatus.NOT_TRACKED; // SDM Vol.3D EWB: no completed ETRACK since the EBLOCK
                }
                headerEid = enclave.eid;
            }
            boolean written;
            synchronized (m.vaSlotLock) {
                written = writeOut(m, frame, e, headerEid, enclave.eid, parked, vaFrame, vaSlot, out);
            }
            if (!written) {
                // The SDM's EWB writes the page out anyway with CF=1 and the old slot overwritten; this
                // emulator fails closed instead, so a driver bug cannot lose the page the slot still protects.
                return SgxStatus.VA_SLOT_OCCUPIED;
            }
            if (parked == null) {
                enclave.childCount--;
            }
        }
        return SgxStatus.SUCCESS;
    }

    /**
     * The write-out itself (caller holds the page owner's lock and {@link Machine#vaSlotLock}): encrypt under a
     * fresh version, fill {@code out}, record the version in the VA slot, invalidate and clear the EPC page.
     * False, with nothing changed, when the VA slot is occupied.
     */
    private static boolean writeOut(
            Machine m,
            int frame,
            EpcmEntry e,
            long headerEid,
            long pcmdEid,
            SecsState parkSecs,
            int vaFrame,
            long vaSlot,
            EvictedPage out) {
        requireVaPage(m, vaFrame, vaSlot, SgxLeaf.EWB);
        int slot = slotOffset(vaSlot);
        if (m.epc().readLong(vaFrame, slot) != 0) {
            return false; // SDM Vol.3D EWB: SGX_VA_SLOT_OCCUPIED
        }
        PageCrypto crypto = m.pageCrypto();
        long version = crypto.freshVersion();
        long flags = secInfoFlags(e);
        byte[] sealed = crypto.seal(
                version, header(e.linearAddress(), flags, headerEid), m.epc().readPage(frame));
        byte[] tag = Arrays.copyOfRange(sealed, Memory.PAGE_SIZE, Memory.PAGE_SIZE + PageCrypto.TAG_LENGTH);
        // SDM Vol.3D EWB: PCMD.SECINFO from the EPCM, reserved bytes zero, ENCLAVEID, MAC; LINADDR into PAGEINFO.
        out.fill(sealed, new Pcmd(new SecInfo(flags), pcmdEid, tag).toBytes(), e.linearAddress());
        if (parkSecs != null) {
            m.evictedSecs.put(version, parkSecs);
        }
        m.epc().writeLong(vaFrame, slot, version);
        m.epc().zero(frame);
        m.epcm().set(frame, EpcmEntry.INVALID);
        return true;
    }

    static SgxStatus eld(
            LogicalProcessor lp, EvictedPage in, long secsPage, long epcPage, long vaSlot, boolean blocked) {
        SgxLeaf leaf = blocked ? SgxLeaf.ELDB : SgxLeaf.ELDU;
        lp.charge(leaf);
        EnclaveBuild.requireOutsideEnclave(lp, leaf);
        Objects.requireNonNull(in, leaf + " input page");
        Machine m = lp.machine();
        int frame = EnclaveBuild.requireEpcPage(m, epcPage, leaf + " target");
        int vaFrame = vaSlotFrame(m, vaSlot, leaf);
        if (m.epcm().get(frame).valid()) {
            throw EnclaveBuild.sgxPageFault(
                    epcPage, leaf + " target EPC page is already valid"); // SDM Vol.3D ELDB/ELDU
        }
        requireVaPage(m, vaFrame, vaSlot, leaf);
        // Untrusted memory is read once into scratch copies (SDM: SCRATCH_PCMD), so later host writes cannot race.
        byte[] rawPcmd = in.pcmd().clone();
        byte[] ciphertext = in.contents().clone();
        long linearAddress = in.linearAddress();
        Pcmd pcmd = Pcmd.fromBytes(rawPcmd);
        SecInfo secInfo = pcmd.secInfo();
        // EWB writes no reserved bits and a known type, and the MAC header covers them: anything else fails the MAC.
        PageType type = reservedBytesZero(rawPcmd) ? EnclaveBuild.pageType(secInfo) : null;
        if (type == null) {
            return SgxStatus.MAC_COMPARE_FAIL;
        }
        boolean child = blockable(type);
        SecsState enclave = null;
        long headerEid = 0; // SDM Vol.3D ELDB/ELDU: SECS and VA pages have no parent, hence no EID binding
        if (child) {
            enclave = EnclaveBuild.requireSecs(m, secsPage, leaf.name());
            headerEid = enclave.eid;
            if (pcmd.enclaveId() != enclave.eid) {
                return SgxStatus.MAC_COMPARE_FAIL; // the page belongs to another enclave
            }
        } else if (type == PageType.VA && pcmd.enclaveId() != 0) {
            return SgxStatus.MAC_COMPARE_FAIL;
        }
        long version;
        synchronized (m.vaSlotLock) {
            requireVaPage(m, vaFrame, vaSlot, leaf);
            version = m.epc().readLong(vaFrame, slotOffset(vaSlot));
        }
        byte[] plain =
                m.pageCrypto().open(version, header(linearAddress, secInfo.flags(), headerEid), ciphertext, pcmd.mac());
        if (plain == null) {
            return SgxStatus.MAC_COMPARE_FAIL; // SDM Vol.3D ELDB/ELDU: nothing is committed
        }
        SecsState owner = enclave;
        if (type == PageType.SECS) {
            owner = m.evictedSecs.get(version); // the hidden SECS fields that travelled with this version
            if (owner == null || owner.eid != pcmd.enclaveId()) {
                return SgxStatus.MAC_COMPARE_FAIL;
            }
        }
        // SDM Vol.3D ELDB/ELDU: EPCM from the PCMD's SECINFO and LINADDR; BLOCKED ← 1 only for ELDB of a
        // REG/TCS/TRIM page. No TLB can hold the page, so it needs no further ETRACK (NO_EPOCH).
        EpcmEntry entry = new EpcmEntry(
                true,
                type,
                secInfo.permissions(),
                owner,
                linearAddress,
                blocked && child,
                secInfo.pending(),
                secInfo.modified(),
                secInfo.pr(),
                EpcmEntry.NO_EPOCH);
        synchronized (owner != null ? owner : m.vaSlotLock) {
            synchronized (m.vaSlotLock) {
                if (m.epcm().get(frame).valid()) {
                    throw EnclaveBuild.sgxPageFault(epcPage, leaf + " target EPC page is already valid");
                }
                requireVaPage(m, vaFrame, vaSlot, leaf);
                if (m.epc().readLong(vaFrame, slotOffset(vaSlot)) != version) {
                    return SgxStatus.MAC_COMPARE_FAIL; // another load consumed or replaced this version meanwhile
                }
                m.epc().writeLong(vaFrame, slotOffset(vaSlot), 0); // the version is spent: no replay
                if (type == PageType.SECS) {
                    m.evictedSecs.remove(version);
                    owner.secsFrame = frame;
                }
                m.epc().write(frame, 0, plain, 0, Memory.PAGE_SIZE);
                m.epcm().set(frame, entry);
                if (child) {
                    owner.childCount++;
                }
            }
        }
        return SgxStatus.SUCCESS;
    }

    /** REG, TCS and TRIM pages belong to an enclave's ELRANGE: they can be blocked and are children of a SECS. */
    static boolean blockable(PageType type) {
        return type == PageType.REG || type == PageType.TCS || type == PageType.TRIM;
    }

    /** SECINFO.FLAGS as EWB records them: PT, RWX, PENDING, MODIFIED, PR (SDM Vol.3D EWB, TMP_HEADER.SECINFO). */
    static long secInfoFlags(EpcmEntry e) {
        return SecInfo.of(e.type(), e.permissions()).flags()
                | (e.pending() ? SecInfo.FLAG_PENDING : 0)
                | (e.modified() ? SecInfo.FLAG_MODIFIED : 0)
                | (e.pr() ? SecInfo.FLAG_PR : 0);
    }

    /** The MAC header (AES-GCM AAD): LINADDR ‖ SECINFO.FLAGS ‖ EID, each u64 little-endian (SDM TMP_HEADER). */
    static byte[] header(long linearAddress, long secInfoFlags, long eid) {
        return ByteBuffer.allocate(HEADER_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(linearAddress)
                .putLong(secInfoFlags)
                .putLong(eid)
                .array();
    }

    /** SECINFO's 56 reserved bytes and the PCMD's 40 reserved bytes are zero, and FLAGS has no reserved bit. */
    private static boolean reservedBytesZero(byte[] pcmd) {
        for (int i = Pcmd.OFFSET_SECINFO + Long.BYTES; i < Pcmd.OFFSET_SECINFO + SecInfo.SIZE; i++) {
            if (pcmd[i] != 0) {
                return false;
            }
        }
        for (int i = Pcmd.OFFSET_ENCLAVEID + Long.BYTES; i < Pcmd.OFFSET_MAC; i++) {
            if (pcmd[i] != 0) {
                return false;
            }
        }
        return !Pcmd.fromBytes(pcmd).secInfo().reservedBitsSet();
    }

    /** The EPC frame of a VA slot operand: 8-byte aligned (#GP) and inside the EPC (#PF), SDM Vol.3D EWB/ELDU. */
    private static int vaSlotFrame(Machine m, long vaSlot, SgxLeaf leaf) {
        if ((vaSlot & (VA_SLOT_SIZE - 1)) != 0) {
            throw new GeneralProtectionFault(String.format("%s: VA slot 0x%x is not 8-byte aligned", leaf, vaSlot));
        }
        if (!m.epc().contains(vaSlot)) {
            throw new PageFault(vaSlot, PageFault.PRESENT, leaf + ": VA slot does not resolve within the EPC");
        }
        return m.epc().frameOf(vaSlot);
    }

    /** The VA slot's page must be a valid PT_VA page (SDM Vol.3D EWB/ELDU: else #PF(DS:RDX)). */
    private static void requireVaPage(Machine m, int vaFrame, long vaSlot, SgxLeaf leaf) {
        EpcmEntry va = m.epcm().get(vaFrame);
        if (!va.valid() || va.type() != PageType.VA) {
            throw EnclaveBuild.sgxPageFault(vaSlot, leaf + ": VA slot is not in a valid PT_VA page");
        }
    }

    private static int slotOffset(long vaSlot) {
        return (int) (vaSlot & (Memory.PAGE_SIZE - 1));
    }
}

package io.teemate.sgx;

import io.teemate.sgx.LogicalProcessor.EnclaveMode;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Tcs;

/**
 * SGX2 dynamic memory management (EDMM): the ENCLS leaves EAUG, EMODPR and EMODT the kernel issues, and the
 * ENCLU leaves EACCEPT, EACCEPTCOPY and EMODPE the enclave issues (SDM Vol.3D ch.40 leaf pages; sgx.md
 * section 6). The OS proposes (a new page, fewer permissions, another type) and the enclave accepts; only
 * permission extension needs no OS step. Every leaf requires an initialized enclave.
 */
final class DynamicMemory {
    private static final int SECINFO_ALIGN = 64;

    private DynamicMemory() {}

    // ---------------------------------------------------------------- ENCLS (ring 0)

    static void eaug(LogicalProcessor lp, long linearAddress, long secsPage, long epcPage) {
        lp.charge(SgxLeaf.EAUG);
        EnclaveBuild.requireOutsideEnclave(lp, SgxLeaf.EAUG);
        Machine m = lp.machine();
        int frame = EnclaveBuild.requireEpcPage(m, epcPage, "EAUG target");
        if (!Memory.pageAligned(linearAddress)) {
            throw new GeneralProtectionFault(
                    "EAUG: PAGEINFO.LINADDR 0x" + Long.toHexString(linearAddress) + " is not 4 KiB aligned");
        }
        if (m.epcm().get(frame).valid()) {
            throw EnclaveBuild.sgxPageFault(epcPage, "EAUG target EPC page is already valid"); // SDM Vol.3D EAUG
        }
        SecsState enclave = EnclaveBuild.requireSecs(m, secsPage, "EAUG");
        synchronized (enclave) {
            if (!enclave.initialized) {
                throw new GeneralProtectionFault("EAUG to an enclave that is not initialized"); // SDM Vol.3D EAUG
            }
            if (!enclave.inElrange(linearAddress)) {
                throw new GeneralProtectionFault(
                        String.format("EAUG: LINADDR 0x%x is outside ELRANGE of %s", linearAddress, enclave));
            }
            if (m.epcm().get(frame).valid()) {
                throw EnclaveBuild.sgxPageFault(epcPage, "EAUG target EPC page is already valid");
            }
            m.epc().zero(frame); // SDM Vol.3D EAUG: cleared, unmeasured
            enclave.childCount++;
            // SDM Vol.3D EAUG: PT_REG, R=1 W=1 X=0, PENDING=1 until the enclave EACCEPTs it.
            m.epcm()
                    .set(
                            frame,
                            EpcmEntry.of(PageType.REG, PagePermissions.RW, enclave, linearAddress)
                                    .withStates(true, false, false));
        }
    }

    static SgxStatus emodpr(LogicalProcessor lp, SecInfo secInfo, long epcPage) {
        lp.charge(SgxLeaf.EMODPR);
        EnclaveBuild.requireOutsideEnclave(lp, SgxLeaf.EMODPR);
        Machine m = lp.machine();
        int frame = EnclaveBuild.requireEpcPage(m, epcPage, "EMODPR target");
        PagePermissions restrict = secInfo.permissions();
        if (secInfo.reservedBitsSet() || (restrict.write() && !restrict.read())) {
            throw new GeneralProtectionFault(
                    "EMODPR: SECINFO has reserved bits set or grants W without R"); // SDM Vol.3D EMODPR
        }
        EpcmEntry e = m.epcm().get(frame);
        if (!e.valid()) {
            throw EnclaveBuild.sgxPageFault(epcPage, "EMODPR target EPC page is not valid");
        }
        SecsState enclave = e.enclave();
        synchronized (enclave) {
            e = m.epcm().get(frame);
            if (!e.valid() || e.enclave() != enclave) {
                throw EnclaveBuild.sgxPageFault(epcPage, "EMODPR target EPC page is not valid");
            }
            // SDM Vol.3D EMODPR checks PENDING/MODIFIED before the type, so an unaccepted trimmed page answers
            // SGX_PAGE_NOT_MODIFIABLE and an accepted one #PF (Linux sgx_encl_remove_pages relies on this).
            if (e.pending() || e.modified()) {
                return SgxStatus.PAGE_NOT_MODIFIABLE;
            }
            if (e.type() != PageType.REG) {
                throw EnclaveBuild.sgxPageFault(epcPage, "EMODPR target is a " + e.type() + " page, not PT_REG");
            }
            if (!enclave.initialized) {
                throw new GeneralProtectionFault("EMODPR: the enclave is not initialized");
            }
            // SDM Vol.3D EMODPR: PR ← 1, RWX ← RWX ∧ SECINFO.RWX; the epoch marks when the restriction began.
            m.epcm()
                    .set(
                            frame,
                            e.withPermissions(e.permissions().and(restrict))
                                    .withStates(false, false, true)
                                    .withTrackingEpoch(enclave.trackingEpoch));
        }
        return SgxStatus.SUCCESS;
    }

    static SgxStatus emodt(LogicalProcessor lp, SecInfo secInfo, long epcPage) {
        lp.charge(SgxLeaf.EMODT);
        EnclaveBuild.requireOutsideEnclave(lp, SgxLeaf.EMODT);
        Machine m = lp.machine();
        int frame = EnclaveBuild.requireEpcPage(m, epcPage, "EMODT target");
        PageType target = EnclaveBuild.pageType(secInfo);
        if (target != PageType.TCS && target != PageType.TRIM) {
            // SDM Vol.3D EMODT: reserved bits, or a type other than PT_TCS / PT_TRIM.
            throw new GeneralProtectionFault(
                    "EMODT needs SECINFO.PT = PT_TCS or PT_TRIM with no reserved bits, got flags 0x"
                            + Long.toHexString(secInfo.flags()));
        }
        EpcmEntry e = m.epcm().get(frame);
        if (!e.valid()) {
            throw EnclaveBuild.sgxPageFault(epcPage, "EMODT target EPC page is not valid");
        }
        SecsState enclave = e.enclave();
        synchronized (enclave) {
            e = m.epcm().get(frame);
            if (!e.valid() || e.enclave() != enclave) {
                throw EnclaveBuild.sgxPageFault(epcPage, "EMODT target EPC page is not valid");
            }
            if (!(e.type() == PageType.REG || (e.type() == PageType.TCS && target == PageType.TRIM))) {
                throw EnclaveBuild.sgxPageFault(epcPage, "EMODT cannot change a " + e.type() + " page to " + target);
            }
            if (e.pending() || e.modified()) {
                return SgxStatus.PAGE_NOT_MODIFIABLE; // SDM Vol.3D EMODT
            }
            if (!enclave.initialized) {
                throw new GeneralProtectionFault("EMODT: the enclave is not initialized");
            }
            // SDM Vol.3D EMODT: PR ← 0, MODIFIED ← 1, R=W=X=0, PT ← SECINFO.PT.
            m.epcm()
                    .set(
                            frame,
                            e.withType(target)
                                    .withPermissions(PagePermissions.NONE)
                                    .withStates(false, true, false)
                                    .withTrackingEpoch(enclave.trackingEpoch));
        }
        return SgxStatus.SUCCESS;
    }

    // ---------------------------------------------------------------- ENCLU (enclave mode)

    static SgxStatus eaccept(LogicalProcessor lp, long secInfoAddress, long pageAddress) {
        lp.charge(SgxLeaf.EACCEPT);
        EnclaveMode mode = EnclaveEntry.requireEnclaveMode(lp, "EACCEPT");
        SecsState enclave = mode.enclave;
        SecInfo si = readSecInfo(lp, enclave, secInfoAddress, "EACCEPT");
        requirePageOperand(enclave, pageAddress, "EACCEPT page");
        PageType type = EnclaveBuild.pageType(si);
        // SDM Vol.3D EACCEPT: the only legal requests are PT_REG with PENDING or PR (not MODIFIED), and
        // PT_TCS/PT_TRIM with MODIFIED only.
        boolean legal = (type == PageType.REG && (si.pr() || si.pending()) && !si.modified())
                || ((type == PageType.TCS || type == PageType.TRIM) && !si.pr() && !si.pending() && si.modified());
        if (!legal) {
            throw new GeneralProtectionFault(
                    "EACCEPT: SECINFO flags 0x" + Long.toHexString(si.flags()) + " are no legal request");
        }
        Machine m = lp.machine();
        int frame = enclaveFrame(lp, pageAddress, false, "EACCEPT");
        synchronized (enclave) {
            EpcmEntry e = m.epcm().get(frame);
            // SDM Vol.3D EACCEPT: a valid, unblocked REG/TCS/TRIM page of this enclave, else #PF. The SDM reports a
            // wrong ENCLAVEADDRESS as SGX_PAGE_ATTRIBUTES_MISMATCH; here it is #PF like any access at a wrong
            // address, so the host can repair the mapping and ERESUME.
            if (!e.valid()
                    || e.blocked()
                    || !EnclavePaging.blockable(e.type())
                    || e.enclave() != enclave
                    || e.linearAddress() != pageAddress) {
                throw sgxFault(
                        pageAddress,
                        false,
                        "EACCEPT: not a valid, unblocked REG/TCS/TRIM page of this enclave at this address");
            }
            // SDM Vol.3D EACCEPT: the request must describe the EPCM exactly (PENDING, MODIFIED, RWX, PT; not PR).
            if (e.pending() != si.pending()
                    || e.modified() != si.modified()
                    || !e.permissions().equals(si.permissions())
                    || e.type() != type) {
                return SgxStatus.PAGE_ATTRIBUTES_MISMATCH;
            }
            // SDM Vol.3D EACCEPT "Tracking not correct": an EMODPR/EMODT needs a completed ETRACK since.
            if ((e.pr() || e.modified()) && !enclave.trackedSince(e.trackingEpoch())) {
                return SgxStatus.NOT_TRACKED;
            }
            if (type == PageType.TCS) {
                checkNewTcs(m.epc().readPage(frame));
            }
            m.epcm().set(frame, e.withStates(false, false, false)); // SDM Vol.3D EACCEPT: PENDING, MODIFIED, PR ← 0
        }
        return SgxStatus.SUCCESS;
    }

    static SgxStatus eacceptcopy(
            LogicalProcessor lp, long secInfoAddress, long destinationAddress, long sourceAddress) {
        lp.charge(SgxLeaf.EACCEPTCOPY);
        EnclaveMode mode = EnclaveEntry.requireEnclaveMode(lp, "EACCEPTCOPY");
        SecsState enclave = mode.enclave;
        requirePageOperand(enclave, destinationAddress, "EACCEPTCOPY destination");
        requirePageOperand(enclave, sourceAddress, "EACCEPTCOPY source");
        SecInfo si = readSecInfo(lp, enclave, secInfoAddress, "EACCEPTCOPY");
        PagePermissions perms = si.permissions();
        if (EnclaveBuild.pageType(si) != PageType.REG || (perms.write() && !perms.read())) {
            throw new GeneralProtectionFault(
                    "EACCEPTCOPY: SECINFO must be PT_REG without W-only permissions"); // SDM Vol.3D EACCEPTCOPY
        }
        // SDM Vol.3D EACCEPTCOPY: the source must be a readable, accepted, unblocked REG page of this enclave at
        // that address; the normal enclave read path enforces exactly that (faults become an AEX).
        byte[] content = lp.read(sourceAddress, Memory.PAGE_SIZE);
        Machine m = lp.machine();
        int frame = enclaveFrame(lp, destinationAddress, true, "EACCEPTCOPY");
        synchronized (enclave) {
            EpcmEntry e = m.epcm().get(frame);
            // SDM Vol.3D EACCEPTCOPY: the destination must still be exactly as EAUG left it.
            if (!e.valid()
                    || !e.pending()
                    || e.modified()
                    || e.blocked()
                    || e.type() != PageType.REG
                    || e.enclave() != enclave
                    || e.linearAddress() != destinationAddress
                    || !e.permissions().equals(PagePermissions.RW)) {
                return SgxStatus.PAGE_ATTRIBUTES_MISMATCH;
            }
            m.epc().write(frame, 0, content, 0, Memory.PAGE_SIZE);
            m.epcm().set(frame, e.withPermissions(perms).withStates(false, e.modified(), e.pr()));
        }
        return SgxStatus.SUCCESS;
    }

    static void emodpe(LogicalProcessor lp, long secInfoAddress, long pageAddress) {
        lp.charge(SgxLeaf.EMODPE);
        EnclaveMode mode = EnclaveEntry.requireEnclaveMode(lp, "EMODPE");
        SecsState enclave = mode.enclave;
        requirePageOperand(enclave, pageAddress, "EMODPE page");
        SecInfo si = readSecInfo(lp, enclave, secInfoAddress, "EMODPE");
        Machine m = lp.machine();
        int frame = enclaveFrame(lp, pageAddress, false, "EMODPE");
        synchronized (enclave) {
            EpcmEntry e = m.epcm().get(frame);
            // SDM Vol.3D EMODPE: a valid, accepted, unblocked REG page of this enclave at that address, else #PF.
            if (!e.valid()
                    || e.pending()
                    || e.modified()
                    || e.blocked()
                    || e.type() != PageType.REG
                    || e.enclave() != enclave
                    || e.linearAddress() != pageAddress) {
                throw sgxFault(
                        pageAddress,
                        false,
                        "EMODPE: not an accepted, unblocked REG page of this enclave at this address");
            }
            PagePermissions extend = si.permissions();
            if (!e.permissions().read() && !extend.read() && extend.write()) {
                throw new GeneralProtectionFault("EMODPE would grant W without R"); // SDM Vol.3D EMODPE
            }
            m.epcm()
                    .set(
                            frame,
                            e.withPermissions(
                                    e.permissions().or(extend))); // SDM Vol.3D EMODPE: RWX ← RWX ∨ SECINFO.RWX
        }
    }

    // ---------------------------------------------------------------- operands

    /** SECINFO operand: 64-byte aligned inside ELRANGE (#GP), read through the enclave's own access checks. */
    private static SecInfo readSecInfo(LogicalProcessor lp, SecsState enclave, long address, String leaf) {
        requireSecInfoOperand(enclave, address, leaf);
        byte[] raw = lp.read(address, SecInfo.SIZE);
        SecInfo si = SecInfo.fromBytes(raw);
        boolean reservedZero = !si.reservedBitsSet();
        for (int i = Long.BYTES; i < SecInfo.SIZE && reservedZero; i++) {
            reservedZero = raw[i] == 0;
        }
        if (!reservedZero) {
            throw new GeneralProtectionFault(
                    leaf + ": SECINFO has reserved bits or bytes set"); // SDM Vol.3D EACCEPT et al.
        }
        return si;
    }

    private static void requireSecInfoOperand(SecsState enclave, long address, String leaf) {
        if ((address & (SECINFO_ALIGN - 1)) != 0 || !enclave.inElrange(address)) {
            throw new GeneralProtectionFault(
                    String.format("%s: SECINFO at 0x%x must be 64-byte aligned and inside ELRANGE", leaf, address));
        }
    }

    private static void requirePageOperand(SecsState enclave, long address, String what) {
        if (!Memory.pageAligned(address) || !enclave.inElrange(address)) {
            throw new GeneralProtectionFault(
                    String.format("%s 0x%x must be 4 KiB aligned and inside ELRANGE", what, address));
        }
    }

    /**
     * The EPC frame behind an enclave page operand, found by walking CR3 directly: the normal access path
     * refuses PENDING and MODIFIED pages, which are exactly what these leaves operate on. Not present (or
     * read-only, for a write) is an ordinary #PF; a translation outside the EPC is #PF with PFEC.SGX.
     */
    private static int enclaveFrame(LogicalProcessor lp, long la, boolean write, String leaf) {
        int pfec = PageFault.USER | (write ? PageFault.WRITE : 0);
        Pte pte = lp.cr3() == null ? null : lp.cr3().lookup(la);
        if (pte == null) {
            throw new PageFault(la, pfec, leaf + ": page not present");
        }
        if (write && !pte.writable()) {
            throw new PageFault(la, pfec | PageFault.PRESENT, leaf + ": page table entry is read-only");
        }
        Epc epc = lp.machine().epc();
        if (!epc.contains(pte.physicalAddress())) {
            throw sgxFault(la, write, leaf + ": page does not resolve within the EPC");
        }
        return epc.frameOf(pte.physicalAddress());
    }

    private static PageFault sgxFault(long la, boolean write, String reason) {
        return new PageFault(
                la, PageFault.PRESENT | PageFault.USER | PageFault.SGX | (write ? PageFault.WRITE : 0), reason);
    }

    /**
     * SDM Vol.3D EACCEPT for PT_TCS: the page must be a fresh TCS (reserved bytes zero, DBGOPTIN clear, CSSA below
     * NSSA, no AEP, not busy); else #GP.
     */
    private static void checkNewTcs(byte[] page) {
        for (int i = Tcs.OFFSET_GSLIMIT + Integer.BYTES; i < Memory.PAGE_SIZE; i++) {
            if (page[i] != 0) {
                throw new GeneralProtectionFault("EACCEPT: the new TCS has non-zero reserved bytes");
            }
        }
        Tcs tcs = Tcs.fromBytes(page);
        if ((tcs.flags() & Tcs.FLAG_DBGOPTIN) != 0
                || Integer.compareUnsigned(tcs.cssa(), tcs.nssa()) >= 0
                || tcs.aep() != 0
                || tcs.state() != 0) {
            throw new GeneralProtectionFault("EACCEPT: the new TCS is not in its initial state");
        }
    }
}

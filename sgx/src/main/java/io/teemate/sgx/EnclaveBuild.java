package io.teemate.sgx;

import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Secs;
import io.teemate.sgx.struct.SigStruct;
import io.teemate.sgx.struct.Tcs;

import java.security.MessageDigest;

/** The ENCLS leaves that build an enclave: ECREATE, EADD, EEXTEND, EINIT, EREMOVE (SDM Vol.3D ch.40). */
final class EnclaveBuild {
    /** MISCSELECT bits this processor supports: bit 0, EXINFO (SDM Vol.3D "SGX Enclave Control Structure (SECS)"). */
    static final int MISCSELECT_SUPPORTED = 0x1;

    private static final long TCS_FLAGS_SUPPORTED = 0x1; // DBGOPTIN

    private EnclaveBuild() {}

    static void ecreate(LogicalProcessor lp, SecInfo secInfo, Secs secs, long epcPage) {
        lp.charge(SgxLeaf.ECREATE);
        Machine m = lp.machine();
        int frame = requireEpcPage(m, epcPage, "ECREATE target");
        if (pageType(secInfo) != PageType.SECS) {
            throw new GeneralProtectionFault("ECREATE needs SECINFO.PT = PT_SECS with no reserved bits, got flags 0x"
                    + Long.toHexString(secInfo.flags()));
        }
        long size = secs.size();
        if (size < 2L * Memory.PAGE_SIZE || Long.bitCount(size) != 1) {
            throw new GeneralProtectionFault(
                    "SECS.SIZE 0x" + Long.toHexString(size) + " is not a power of two of at least 2 pages");
        }
        if ((secs.baseAddress() & (size - 1)) != 0) {
            throw new GeneralProtectionFault(String.format(
                    "SECS.BASEADDR 0x%x is not naturally aligned to SIZE 0x%x", secs.baseAddress(), size));
        }
        Attributes a = secs.attributes();
        if ((a.flags() & Attributes.RESERVED_FLAGS) != 0) {
            throw new GeneralProtectionFault("SECS.ATTRIBUTES has reserved bits set: 0x" + Long.toHexString(a.flags()));
        }
        if (a.has(Attributes.INIT)) {
            throw new GeneralProtectionFault("SECS.ATTRIBUTES.INIT must be 0 at ECREATE");
        }
        if (!a.has(Attributes.MODE64BIT)) {
            throw new GeneralProtectionFault(
                    "SECS.ATTRIBUTES.MODE64BIT is clear: this processor runs 64-bit enclaves only");
        }
        if ((a.xfrm() & 0x3) != 0x3) {
            throw new GeneralProtectionFault("SECS.ATTRIBUTES.XFRM must enable x87 and SSE (bits 0 and 1)");
        }
        if ((secs.miscSelect() & ~MISCSELECT_SUPPORTED) != 0) {
            throw new GeneralProtectionFault(
                    "SECS.MISCSELECT asks for unsupported bits 0x" + Integer.toHexString(secs.miscSelect()));
        }
        if (secs.ssaFrameSize() < 1) {
            throw new GeneralProtectionFault("SECS.SSAFRAMESIZE must be at least 1 page");
        }
        if (m.epcm().get(frame).valid()) {
            throw sgxPageFault(epcPage, "ECREATE target EPC page is already valid");
        }
        SecsState state =
                new SecsState(frame, m.nextEid(), secs.baseAddress(), size, secs.ssaFrameSize(), secs.miscSelect(), a);
        state.measurement.ecreate(secs.ssaFrameSize(), size);
        byte[] page = new Secs(
                        size,
                        secs.baseAddress(),
                        secs.ssaFrameSize(),
                        secs.miscSelect(),
                        a,
                        new byte[32],
                        new byte[32],
                        secs.configId(),
                        (short) 0,
                        (short) 0,
                        secs.configSvn())
                .toBytes();
        m.epc().write(frame, 0, page, 0, page.length);
        m.epcm().set(frame, EpcmEntry.of(PageType.SECS, PagePermissions.NONE, state, 0));
    }

    static void eadd(
            LogicalProcessor lp, long linearAddress, byte[] source, SecInfo secInfo, long secsPage, long epcPage) {
        lp.charge(SgxLeaf.EADD);
        Machine m = lp.machine();
        if (source.length != Memory.PAGE_SIZE) {
            throw new IllegalArgumentException("EADD source page must be 4096 bytes, got " + source.length);
        }
        int frame = requireEpcPage(m, epcPage, "EADD target");
        SecsState enclave = requireSecs(m, secsPage, "EADD");
        if (!Memory.pageAligned(linearAddress)) {
            throw new GeneralProtectionFault(
                    "PAGEINFO.LINADDR 0x" + Long.toHexString(linearAddress) + " is not 4 KiB aligned");
        }
        PageType type = pageType(secInfo);
        if (type != PageType.REG && type != PageType.TCS) {
            throw new GeneralProtectionFault(
                    "EADD needs SECINFO.PT = PT_REG or PT_TCS with no reserved bits, got flags 0x"
                            + Long.toHexString(secInfo.flags()));
        }
        if (secInfo.pending() || secInfo.modified() || secInfo.pr()) {
            throw new GeneralProtectionFault("EADD SECINFO may not set PENDING, MODIFIED or PR");
        }
        PagePermissions perms = secInfo.permissions();
        if (perms.write() && !perms.read()) {
            throw new GeneralProtectionFault("EADD SECINFO grants W without R");
        }
        if (m.epcm().get(frame).valid()) {
            throw sgxPageFault(epcPage, "EADD target EPC page is already valid");
        }
        byte[] content = source;
        long measuredFlags = secInfo.flags();
        synchronized (enclave) {
            if (enclave.initialized) {
                throw new GeneralProtectionFault("EADD to an initialized enclave");
            }
            if (!enclave.inElrange(linearAddress)) {
                throw new GeneralProtectionFault(
                        String.format("PAGEINFO.LINADDR 0x%x is outside ELRANGE of %s", linearAddress, enclave));
            }
            if (type == PageType.TCS) {
                content = checkedTcsContent(source);
                perms = PagePermissions.NONE; // the processor zeroes TCS permissions before measuring
                measuredFlags = SecInfo.of(PageType.TCS, PagePermissions.NONE).flags();
            }
            m.epc().write(frame, 0, content, 0, content.length);
            enclave.measurement.eadd(linearAddress - enclave.baseAddress, measuredFlags);
            enclave.childCount++;
            m.epcm().set(frame, EpcmEntry.of(type, perms, enclave, linearAddress));
        }
    }

    /** TCS checks of EADD, and the fields EADD clears (Linux asm/sgx.h struct sgx_tcs: FLAGS and CSSA). */
    private static byte[] checkedTcsContent(byte[] source) {
        Tcs tcs = Tcs.fromBytes(source);
        if ((tcs.flags() & ~TCS_FLAGS_SUPPORTED) != 0) {
            throw new GeneralProtectionFault("TCS.FLAGS has reserved bits set: 0x" + Long.toHexString(tcs.flags()));
        }
        if (!Memory.pageAligned(tcs.ossa())
                || !Memory.pageAligned(tcs.ofsBase())
                || !Memory.pageAligned(tcs.ogsBase())) {
            throw new GeneralProtectionFault("TCS.OSSA, OFSBASE and OGSBASE must be 4 KiB aligned");
        }
        if (tcs.nssa() < 1) {
            throw new GeneralProtectionFault("TCS.NSSA must be at least 1");
        }
        byte[] content = source.clone();
        java.util.Arrays.fill(content, Tcs.OFFSET_STATE, Tcs.OFFSET_STATE + 16, (byte) 0); // STATE and FLAGS
        java.util.Arrays.fill(content, Tcs.OFFSET_CSSA, Tcs.OFFSET_CSSA + 4, (byte) 0);
        return content;
    }

    static void eextend(LogicalProcessor lp, long secsPage, long chunk) {
        lp.charge(SgxLeaf.EEXTEND);
        Machine m = lp.machine();
        if ((chunk & (Measurement.EEXTEND_CHUNK - 1)) != 0) {
            throw new GeneralProtectionFault(
                    "EEXTEND address 0x" + Long.toHexString(chunk) + " is not 256-byte aligned");
        }
        int frame = requireEpcPage(m, Memory.pageBase(chunk), "EEXTEND chunk");
        SecsState enclave = requireSecs(m, secsPage, "EEXTEND");
        EpcmEntry e = m.epcm().get(frame);
        if (!e.valid() || e.enclave() != enclave || (e.type() != PageType.REG && e.type() != PageType.TCS)) {
            throw sgxPageFault(chunk, "EEXTEND chunk is not a REG or TCS page of this enclave");
        }
        int inPage = (int) (chunk & (Memory.PAGE_SIZE - 1));
        synchronized (enclave) {
            if (enclave.initialized) {
                throw new GeneralProtectionFault("EEXTEND of an initialized enclave");
            }
            enclave.measurement.eextend(
                    e.linearAddress() - enclave.baseAddress + inPage,
                    m.epc().chunk(frame),
                    Epc.offsetInChunk(frame) + inPage);
        }
    }

    static SgxStatus einit(LogicalProcessor lp, SigStruct sig, long secsPage) {
        lp.charge(SgxLeaf.EINIT);
        Machine m = lp.machine();
        SecsState enclave = requireSecs(m, secsPage, "EINIT");
        synchronized (enclave) {
            if (enclave.initialized) {
                throw new GeneralProtectionFault("EINIT of an enclave that is already initialized");
            }
            SgxStatus verdict = SigStructVerifier.verify(sig);
            if (!verdict.ok()) {
                return verdict;
            }
            Attributes mask = sig.attributeMask();
            if ((sig.attributes().flags() & Attributes.RESERVED_FLAGS) != 0
                    || (mask.flags() & Attributes.RESERVED_FLAGS) != Attributes.RESERVED_FLAGS) {
                return SgxStatus.INVALID_ATTRIBUTE;
            }
            Attributes mine = enclave.attributes;
            if ((sig.attributes().flags() & mask.flags()) != (mine.flags() & mask.flags())
                    || (sig.attributes().xfrm() & mask.xfrm()) != (mine.xfrm() & mask.xfrm())
                    || (sig.miscSelect() & sig.miscMask()) != (enclave.miscSelect & sig.miscMask())) {
                return SgxStatus.INVALID_ATTRIBUTE;
            }
            byte[] signer = sig.mrSigner();
            if (!MessageDigest.isEqual(signer, lp.lePubKeyHash())) {
                // No EINITTOKEN: launch control accepts only the key IA32_SGXLEPUBKEYHASH names (SDM Vol.3D EINIT).
                return SgxStatus.INVALID_EINITTOKEN;
            }
            byte[] measured = enclave.measurement.peek();
            if (!MessageDigest.isEqual(measured, sig.enclaveHash())) {
                return SgxStatus.INVALID_MEASUREMENT;
            }
            enclave.measurement.finish();
            enclave.mrEnclave = measured;
            enclave.mrSigner = signer;
            enclave.isvProdId = sig.isvProdId();
            enclave.isvSvn = sig.isvSvn();
            enclave.attributes = mine.with(Attributes.INIT);
            byte[] page = new Secs(
                            enclave.size,
                            enclave.baseAddress,
                            enclave.ssaFrameSize,
                            enclave.miscSelect,
                            enclave.attributes,
                            measured,
                            signer,
                            new byte[64],
                            sig.isvProdId(),
                            sig.isvSvn(),
                            (short) 0)
                    .toBytes();
            m.epc().write(enclave.secsFrame, 0, page, 0, page.length);
            enclave.initialized = true;
            return SgxStatus.SUCCESS;
        }
    }

    static SgxStatus eremove(LogicalProcessor lp, long epcPage) {
        lp.charge(SgxLeaf.EREMOVE);
        Machine m = lp.machine();
        int frame = requireEpcPage(m, epcPage, "EREMOVE target");
        EpcmEntry e = m.epcm().get(frame);
        if (!e.valid()) {
            return SgxStatus.SUCCESS;
        }
        SecsState enclave = e.enclave();
        if (enclave != null) {
            synchronized (enclave) {
                if (e.type() == PageType.SECS) {
                    if (enclave.childCount > 0) {
                        return SgxStatus.CHILD_PRESENT;
                    }
                } else {
                    if (!enclave.threadsInside.isEmpty()) {
                        return SgxStatus.ENCLAVE_ACT;
                    }
                    enclave.childCount--;
                }
                m.epcm().set(frame, EpcmEntry.INVALID);
            }
        } else {
            m.epcm().set(frame, EpcmEntry.INVALID);
        }
        m.epc().zero(frame);
        return SgxStatus.SUCCESS;
    }

    /** SECINFO's page type, or null when it has reserved bits set or names no page type (both #GP). */
    static PageType pageType(SecInfo secInfo) {
        if (secInfo.reservedBitsSet()) {
            return null;
        }
        try {
            return secInfo.pageType();
        } catch (IllegalArgumentException unknownType) {
            return null;
        }
    }

    /** ENCLS leaves run at ring 0, so never in enclave mode (reported as #GP(0) by this emulator). */
    static void requireOutsideEnclave(LogicalProcessor lp, SgxLeaf leaf) {
        if (lp.inEnclaveMode()) {
            throw new GeneralProtectionFault("ENCLS[" + leaf + "] in enclave mode");
        }
    }

    /** The EPC frame of a 4 KiB-aligned EPC operand; anything else is #GP. */
    static int requireEpcPage(Machine m, long pa, String what) {
        if (!Memory.pageAligned(pa) || !m.epc().contains(pa)) {
            throw new GeneralProtectionFault(String.format("%s 0x%x is not a 4 KiB-aligned EPC page", what, pa));
        }
        return m.epc().frameOf(pa);
    }

    /** The enclave of a SECS operand: it must be a valid PT_SECS page (else #PF). */
    static SecsState requireSecs(Machine m, long secsPage, String leaf) {
        requireEpcPage(m, secsPage, leaf + " SECS");
        SecsState s = m.secsAt(secsPage);
        if (s == null) {
            throw sgxPageFault(secsPage, leaf + " operand is not a valid SECS page");
        }
        return s;
    }

    static PageFault sgxPageFault(long address, String reason) {
        return new PageFault(address, PageFault.PRESENT | PageFault.SGX, reason);
    }
}

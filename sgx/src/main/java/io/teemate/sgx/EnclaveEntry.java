package io.teemate.sgx;

import io.teemate.sgx.LogicalProcessor.EnclaveMode;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.ExInfo;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.Tcs;

/**
 * Entering and leaving enclave mode: EENTER, EEXIT, AEX and ERESUME (SDM Vol.3D "Enclave Operation",
 * "Enclave Exiting Events" and the ENCLU leaf pages). The TCS busy flag, CSSA and the SSA frame live in EPC
 * pages and are read and written there.
 */
final class EnclaveEntry {
    private static final int GPRSGX_SIZE = 184;
    private static final int EXINFO_SIZE = 16;
    /** Faults one re-entry may take before the thread is given up (each must make progress). */
    private static final int MAX_ENTRY_FAULTS = 64;

    private static final long TCS_FLAGS_SUPPORTED = 0x1;

    private EnclaveEntry() {}

    /** Thrown through enclave code to unwind an abandoned enclave thread; enclave code must not catch it. */
    static final class ThreadAbandoned extends Error {
        final AexEvent event;

        ThreadAbandoned(AexEvent event, Throwable cause) {
            super(null, cause, false, false);
            this.event = event;
        }
    }

    static void eenterAndRun(LogicalProcessor lp, long tcsAddress, long aep, ExitHandler exits) {
        if (lp.mode != null) {
            throw new GeneralProtectionFault("EENTER in enclave mode");
        }
        EnclaveMode m = enter(lp, tcsAddress, aep, exits, false, SgxLeaf.EENTER);
        try {
            m.program = bind(lp, m);
            m.program.enter(new EnclaveContext(
                    lp, m.enclave.baseAddress, m.enclave.size, tcsAddress, m.enclave.enclavePrivate));
            eexit(lp);
        } catch (ThreadAbandoned abandoned) {
            throw new EnclaveFaultException(abandoned.event, abandoned.getCause());
        } catch (RuntimeException | Error crash) {
            if (lp.mode == null) {
                throw crash; // raised outside enclave mode, e.g. by the host's own ocall handler
            }
            // Enclave code cannot go on (unbound code, or a bug in the program): an exception in enclave
            // mode, so an AEX; nothing can be resumed, so the thread is abandoned.
            CpuException ud = crash instanceof InvalidOpcodeFault u
                    ? u
                    : new InvalidOpcodeFault(lp.registers().rip(), "enclave code failed: " + crash);
            AexEvent event = aex(lp, ud, ud.vector(), 0, ud.address());
            throw new EnclaveFaultException(event, crash);
        }
    }

    /**
     * Runs an ENCLU leaf in enclave mode: a fault it raises itself (alignment, ELRANGE) is an exception in
     * enclave mode, so an AEX; after ERESUME the leaf executes again.
     */
    static <T> T enclaveInstruction(LogicalProcessor lp, java.util.function.Supplier<T> leaf) {
        while (true) {
            try {
                return leaf.get();
            } catch (CpuException fault) {
                if (lp.mode == null) {
                    throw fault;
                }
                asyncExit(lp, fault);
            }
        }
    }

    /**
     * Fetches the code image at OENTRY through the execute checks and finds the program registered for its
     * SHA-256. Unbound bytes raise #UD. The binding is cached until the enclave's EPCM changes, unless a
     * code page is writable (then every entry fetches and hashes again).
     */
    private static EnclaveProgram bind(LogicalProcessor lp, EnclaveMode m) {
        long entry = lp.registers().rip();
        long oentry = entry - m.enclave.baseAddress;
        long generation = m.enclave.epcmGeneration();
        SecsState.CodeBinding cached = m.enclave.codeBinding;
        if (cached != null && cached.oentry() == oentry && cached.epcmGeneration() == generation) {
            return cached.program();
        }
        int length = CodeImage.imageLength(lp.fetch(entry, CodeImage.HEADER_SIZE));
        if (length < CodeImage.HEADER_SIZE || length > m.enclave.size - oentry) {
            throw new InvalidOpcodeFault(entry, "no enclave program code image at OENTRY");
        }
        byte[] image = lp.fetch(entry, length);
        EnclaveProgram program = lp.machine().programs().lookup(image);
        if (program == null) {
            throw new InvalidOpcodeFault(entry, "the code at OENTRY is no enclave program of this machine");
        }
        if (!anyPageWritable(lp, entry, length)) {
            m.enclave.codeBinding = new SecsState.CodeBinding(oentry, generation, program);
        }
        return program;
    }

    /** True if a code page is writable, or its mapping changed meanwhile (then the binding is not cached). */
    private static boolean anyPageWritable(LogicalProcessor lp, long from, int length) {
        Epc epc = lp.machine().epc();
        for (long la = Memory.pageBase(from); la < from + length; la += Memory.PAGE_SIZE) {
            Pte pte = lp.cr3().lookup(la);
            if (pte == null
                    || !epc.contains(pte.physicalAddress())
                    || lp.machine()
                            .epcm()
                            .get(epc.frameOf(pte.physicalAddress()))
                            .permissions()
                            .write()) {
                return true;
            }
        }
        return false;
    }

    /** EENTER or ERESUME's checks and state change; returns the new enclave mode. */
    private static EnclaveMode enter(
            LogicalProcessor lp, long tcsAddress, long aep, ExitHandler exits, boolean resume, SgxLeaf leaf) {
        lp.charge(leaf);
        Machine machine = lp.machine();
        if (!Memory.pageAligned(tcsAddress)) {
            throw new GeneralProtectionFault(
                    leaf + ": TCS address 0x" + Long.toHexString(tcsAddress) + " is not 4 KiB aligned");
        }
        int tcsFrame = tcsFrame(lp, tcsAddress, leaf);
        EpcmEntry tcsEntry = machine.epcm().get(tcsFrame);
        SecsState enclave = tcsEntry.enclave();
        Epc epc = machine.epc();
        synchronized (enclave) {
            if (!enclave.initialized) {
                throw new GeneralProtectionFault(leaf + ": enclave is not initialized");
            }
            if (epc.readLong(tcsFrame, Tcs.OFFSET_STATE) != 0) {
                throw new GeneralProtectionFault(leaf + ": TCS at 0x" + Long.toHexString(tcsAddress) + " is busy");
            }
            Tcs tcs = Tcs.fromBytes(epc.readPage(tcsFrame));
            if ((tcs.flags() & ~TCS_FLAGS_SUPPORTED) != 0) {
                throw new GeneralProtectionFault(leaf + ": TCS.FLAGS has reserved bits set");
            }
            if (!Memory.pageAligned(tcs.ossa())
                    || !Memory.pageAligned(tcs.ofsBase())
                    || !Memory.pageAligned(tcs.ogsBase())) {
                throw new GeneralProtectionFault(leaf + ": TCS.OSSA/OFSBASE/OGSBASE not 4 KiB aligned");
            }
            int cssa = tcs.cssa();
            int frameIndex;
            if (resume) {
                if (cssa == 0) {
                    throw new GeneralProtectionFault("ERESUME: TCS.CSSA is 0, there is no state to resume");
                }
                frameIndex = cssa - 1;
            } else {
                if (cssa >= tcs.nssa()) {
                    throw new GeneralProtectionFault(
                            String.format("EENTER: TCS.CSSA %d >= NSSA %d, no free SSA frame", cssa, tcs.nssa()));
                }
                frameIndex = cssa;
            }
            int[] ssaFrames = ssaFrames(lp, enclave, tcs, frameIndex, leaf);
            Registers regs = lp.registers();
            epc.writeLong(tcsFrame, Tcs.OFFSET_STATE, 1);
            epc.writeLong(tcsFrame, Tcs.OFFSET_AEP, aep);
            long gprBase = (long) enclave.ssaFrameSize * Memory.PAGE_SIZE - GPRSGX_SIZE;
            if (resume) {
                regs.load(GprSgx.fromBytes(readSsa(epc, ssaFrames, gprBase, GPRSGX_SIZE)));
                epc.writeInt(tcsFrame, Tcs.OFFSET_CSSA, cssa - 1);
            } else {
                // Save the untrusted stack (URSP, URBP) in the SSA frame, then jump to OENTRY with RAX = CSSA.
                GprSgx saved = regs.toGprSgx(regs.get(GprSgx.RSP), regs.get(GprSgx.RBP), 0);
                writeSsa(epc, ssaFrames, gprBase, saved.toBytes());
                regs.segmentBases(enclave.baseAddress + tcs.ofsBase(), enclave.baseAddress + tcs.ogsBase());
                regs.set(GprSgx.RAX, cssa);
                regs.set(GprSgx.RCX, regs.rip());
                regs.rip(enclave.baseAddress + tcs.oentry());
            }
            lp.enteredEnclave(); // a new entry generation: ETRACK can tell this entry from an earlier one
            enclave.threadsInside.add(lp);
            EnclaveMode m = new EnclaveMode(enclave, tcsAddress, tcsFrame, aep, ssaFrames, exits);
            lp.mode = m;
            lp.flushTlb();
            return m;
        }
    }

    /** The TCS operand must be a valid PT_TCS page at exactly this linear address (else #PF with the SGX bit). */
    private static int tcsFrame(LogicalProcessor lp, long tcsAddress, SgxLeaf leaf) {
        Pte pte = lp.cr3() == null ? null : lp.cr3().lookup(tcsAddress);
        if (pte == null) {
            throw new PageFault(tcsAddress, PageFault.USER, leaf + ": TCS page not present");
        }
        Epc epc = lp.machine().epc();
        if (!epc.contains(pte.physicalAddress())) {
            throw new PageFault(
                    tcsAddress,
                    PageFault.PRESENT | PageFault.USER | PageFault.SGX,
                    leaf + ": TCS address does not map to EPC");
        }
        int frame = epc.frameOf(pte.physicalAddress());
        EpcmEntry e = lp.machine().epcm().get(frame);
        if (!e.valid()
                || e.type() != PageType.TCS
                || e.linearAddress() != tcsAddress
                || e.blocked()
                || e.pending()
                || e.modified()) {
            throw new PageFault(
                    tcsAddress,
                    PageFault.PRESENT | PageFault.USER | PageFault.SGX,
                    leaf + ": not a valid, unblocked PT_TCS page at this linear address");
        }
        return frame;
    }

    /** Every page of SSA frame {@code index} must be a valid, writable REG page of this enclave (else #PF). */
    private static int[] ssaFrames(LogicalProcessor lp, SecsState enclave, Tcs tcs, int index, SgxLeaf leaf) {
        int[] frames = new int[enclave.ssaFrameSize];
        long first = enclave.baseAddress + tcs.ossa() + (long) index * enclave.ssaFrameSize * Memory.PAGE_SIZE;
        Epc epc = lp.machine().epc();
        for (int i = 0; i < frames.length; i++) {
            long la = first + (long) i * Memory.PAGE_SIZE;
            Pte pte = lp.cr3().lookup(la);
            int pfec = PageFault.WRITE | PageFault.USER;
            if (pte == null || !pte.writable()) {
                throw new PageFault(
                        la, pfec | (pte == null ? 0 : PageFault.PRESENT), leaf + ": SSA page not mapped writable");
            }
            if (!enclave.inElrange(la) || !epc.contains(pte.physicalAddress())) {
                throw new PageFault(
                        la,
                        pfec | PageFault.PRESENT | PageFault.SGX,
                        leaf + ": SSA page is not an EPC page in ELRANGE");
            }
            int frame = epc.frameOf(pte.physicalAddress());
            String why = LogicalProcessor.enclaveAccessDenial(
                    lp.machine().epcm().get(frame), enclave, la, io.teemate.sgx.mmu.AccessType.WRITE);
            if (why != null) {
                throw new PageFault(la, pfec | PageFault.PRESENT | PageFault.SGX, leaf + ": SSA page: " + why);
            }
            frames[i] = frame;
        }
        return frames;
    }

    /** EEXIT: leave enclave mode; the TCS becomes free; registers are not scrubbed (SDM Vol.3D EEXIT). */
    static void eexit(LogicalProcessor lp) {
        EnclaveMode m = requireEnclaveMode(lp, "EEXIT");
        lp.charge(SgxLeaf.EEXIT);
        Registers regs = lp.registers();
        regs.set(GprSgx.RCX, m.aep);
        regs.rip(regs.get(GprSgx.RBX));
        leave(lp, m);
    }

    /** An ocall: EEXIT, the host's handler, then EENTER through the same TCS, continuing the enclave code. */
    static void ocall(LogicalProcessor lp) {
        EnclaveMode m = requireEnclaveMode(lp, "an ocall");
        eexit(lp);
        m.exits.onOcall(lp);
        reenter(lp, m, false);
    }

    /**
     * EENTER (after an ocall) or ERESUME (after an AEX) back into the thread {@code m} describes. A #PF the
     * leaf itself raises (its TCS or SSA page not mapped, e.g. evicted meanwhile) goes to the host, which maps
     * the page, and the leaf is executed again, as the kernel restarts a faulting ENCLU.
     */
    private static void reenter(LogicalProcessor lp, EnclaveMode m, boolean resume) {
        for (int attempt = 0; ; attempt++) {
            try {
                EnclaveMode back =
                        enter(lp, m.tcsAddress, m.aep, m.exits, resume, resume ? SgxLeaf.ERESUME : SgxLeaf.EENTER);
                back.program = m.program;
                return;
            } catch (PageFault pf) {
                if (attempt >= MAX_ENTRY_FAULTS || !m.exits.onEntryFault(lp, pf)) {
                    throw pf;
                }
            }
        }
    }

    /**
     * AEX, then the host's handler, then ERESUME if the host asks for it (SDM Vol.3D "Enclave Exiting Events").
     * Returns in enclave mode after ERESUME; throws {@link ThreadAbandoned} if the host gives up or ERESUME
     * itself faults.
     *
     * @param fault the exception that caused the exit, or null for an interrupt
     */
    static void asyncExit(LogicalProcessor lp, CpuException fault) {
        EnclaveMode m = lp.mode;
        AexEvent event = fault == null
                ? aex(lp, null, AexEvent.INTERRUPT_VECTOR, 0, 0)
                : aex(lp, fault, fault.vector(), fault.errorCode(), fault.address());
        if (m.exits.onAex(lp, event) != ExitHandler.AexAction.ERESUME) {
            throw new ThreadAbandoned(event, fault);
        }
        try {
            reenter(lp, m, true);
        } catch (CpuException resumeFault) {
            throw new ThreadAbandoned(event, resumeFault);
        }
    }

    /** The AEX itself: save state to SSA[CSSA], CSSA += 1, synthetic state, leave enclave mode. */
    private static AexEvent aex(LogicalProcessor lp, CpuException cause, int vector, int errorCode, long address) {
        EnclaveMode m = lp.mode;
        lp.charge(SgxLeaf.AEX);
        SecsState enclave = m.enclave;
        Epc epc = lp.machine().epc();
        Registers regs = lp.registers();
        long frameBytes = (long) enclave.ssaFrameSize * Memory.PAGE_SIZE;
        long gprBase = frameBytes - GPRSGX_SIZE;
        GprSgx entry = GprSgx.fromBytes(readSsa(epc, m.ssaFrames, gprBase, GPRSGX_SIZE));
        boolean exinfo = (enclave.miscSelect & 1) != 0;
        boolean pfOrGp = vector == PageFault.VECTOR || vector == GeneralProtectionFault.VECTOR;
        int exitInfo = cause == null || (pfOrGp && !exinfo) ? 0 : GprSgx.exitInfo(vector, GprSgx.EXIT_TYPE_HARDWARE);
        writeSsa(
                epc,
                m.ssaFrames,
                gprBase,
                regs.toGprSgx(entry.ursp(), entry.urbp(), exitInfo).toBytes());
        if (cause != null && pfOrGp && exinfo) {
            writeSsa(epc, m.ssaFrames, gprBase - EXINFO_SIZE, new ExInfo(address, errorCode).toBytes());
        }
        int cssa;
        synchronized (enclave) {
            cssa = epc.readInt(m.tcsFrame, Tcs.OFFSET_CSSA) + 1;
            epc.writeInt(m.tcsFrame, Tcs.OFFSET_CSSA, cssa);
        }
        // Synthetic state: RAX = ERESUME, RBX = TCS, RCX = AEP, other GPRs cleared, untrusted stack back.
        regs.clearGprs();
        regs.set(GprSgx.RAX, 3);
        regs.set(GprSgx.RBX, m.tcsAddress);
        regs.set(GprSgx.RCX, m.aep);
        regs.set(GprSgx.RSP, entry.ursp());
        regs.set(GprSgx.RBP, entry.urbp());
        regs.rip(m.aep);
        leave(lp, m);
        return new AexEvent(cause, vector, errorCode, Memory.pageBase(address), m.tcsAddress, cssa);
    }

    private static void leave(LogicalProcessor lp, EnclaveMode m) {
        Epc epc = lp.machine().epc();
        synchronized (m.enclave) {
            epc.writeLong(m.tcsFrame, Tcs.OFFSET_STATE, 0);
        }
        m.enclave.threadsInside.remove(lp);
        lp.mode = null;
        lp.flushTlb();
    }

    static EnclaveMode requireEnclaveMode(LogicalProcessor lp, String what) {
        EnclaveMode m = lp.mode;
        if (m == null) {
            throw new InvalidOpcodeFault(lp.registers().rip(), what + " outside enclave mode");
        }
        return m;
    }

    private static byte[] readSsa(Epc epc, int[] frames, long offset, int length) {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long at = offset + done;
            int page = (int) (at / Memory.PAGE_SIZE);
            int in = (int) (at % Memory.PAGE_SIZE);
            int n = Math.min(length - done, Memory.PAGE_SIZE - in);
            epc.read(frames[page], in, out, done, n);
            done += n;
        }
        return out;
    }

    private static void writeSsa(Epc epc, int[] frames, long offset, byte[] data) {
        int done = 0;
        while (done < data.length) {
            long at = offset + done;
            int page = (int) (at / Memory.PAGE_SIZE);
            int in = (int) (at % Memory.PAGE_SIZE);
            int n = Math.min(data.length - done, Memory.PAGE_SIZE - in);
            epc.write(frames[page], in, data, done, n);
            done += n;
        }
    }
}

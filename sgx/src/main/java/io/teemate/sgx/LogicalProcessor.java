package io.teemate.sgx;

import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.cost.SystemCost;
import io.teemate.sgx.mmu.AccessType;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.mmu.PageTable;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Secs;
import io.teemate.sgx.struct.SigStruct;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * One hardware thread. Host code runs on it in normal mode; after EENTER enclave code runs on it in
 * enclave mode. Every memory access goes through {@link #translate}, which applies the page tables and,
 * in enclave mode, the EPCM checks of SDM Vol.3D "Enclave Access Control and Data Structures" (ELRANGE, owner, linear
 * address, type, permissions);
 * a non-enclave access to the EPC gets abort-page semantics (reads all ones, writes dropped).
 * <p>
 * One Java thread drives a processor at a time (the host's scheduler decides which); nothing here is
 * safe to call from two threads at once, except {@link #raiseInterrupt}, {@link #requestTlbShootdown} and
 * the counters.
 */
public final class LogicalProcessor {
    private static final int TLB_SETS = 64;
    private static final int EVENT_INTERRUPT = 1;
    private static final int EVENT_TLB_SHOOTDOWN = 2;
    private static final VarHandle PENDING_EVENTS;

    static {
        try {
            PENDING_EVENTS = MethodHandles.lookup().findVarHandle(LogicalProcessor.class, "pendingEvents", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Machine machine;
    private final int id;
    private final InstructionCounters counters;
    private final Registers registers = new Registers();

    private PageTable cr3;
    /** IA32_SGXLEPUBKEYHASH0..3: with Flexible Launch Control the kernel writes the signer's hash before EINIT. */
    private byte[] lePubKeyHash = new byte[32];
    /** EVENT_* bits other threads post; handled at the next access or poll (one volatile read on the hot path). */
    private volatile int pendingEvents;
    /** Bumped on every EENTER/ERESUME of this processor; ETRACK records it to tell who has left since. */
    private volatile long entryGeneration;

    /** Enclave mode: the enclave, TCS and exit plumbing of the current entry, or null outside. */
    EnclaveMode mode;

    // Direct-mapped software TLB, flushed wherever hardware flushes its linear-address context.
    private final long[] tlbTag = new long[TLB_SETS];
    private final TlbEntry[] tlbEntry = new TlbEntry[TLB_SETS];

    /** False on a machine built without the software TLB: every access walks and checks again. */
    private final boolean tlbEnabled;

    /**
     * The cost model's cache of EPC pages (not the software TLB, which a machine may run without): the linear pages
     * of EPC accessed since the last flush, direct-mapped like a 64-entry L1 DTLB and flushed where the TLB is. The
     * first access to a page misses and is charged {@link SystemCost#EPC_PAGE_MISS}; later ones are free.
     */
    private final long[] epcPageTag = new long[TLB_SETS];

    LogicalProcessor(Machine machine, int id) {
        this.machine = machine;
        this.id = id;
        this.counters = new InstructionCounters(machine.costModel());
        this.tlbEnabled = machine.softwareTlb();
        java.util.Arrays.fill(epcPageTag, -1L);
    }

    public int id() {
        return id;
    }

    public Machine machine() {
        return machine;
    }

    public Registers registers() {
        return registers;
    }

    public InstructionCounters counters() {
        return counters;
    }

    /** MOV CR3: switch to another address space; flushes the TLB. */
    public void loadCr3(PageTable pageTable) {
        if (mode != null) {
            throw new GeneralProtectionFault("MOV CR3 is not allowed in enclave mode");
        }
        this.cr3 = pageTable;
        flushTlb();
    }

    public PageTable cr3() {
        return cr3;
    }

    /** WRMSR IA32_SGXLEPUBKEYHASH0..3: the signer hash EINIT accepts without a token (SDM Vol.3D EINIT). */
    public void writeLePubKeyHash(byte[] sha256OfModulus) {
        if (sha256OfModulus.length != 32) {
            throw new IllegalArgumentException("IA32_SGXLEPUBKEYHASH is 32 bytes");
        }
        lePubKeyHash = sha256OfModulus.clone();
    }

    byte[] lePubKeyHash() {
        return lePubKeyHash;
    }

    /** True while enclave code runs on this processor. */
    public boolean inEnclaveMode() {
        return mode != null;
    }

    /** Invalidates every cached translation (INVLPG of everything / the IPI a shootdown sends). */
    public void flushTlb() {
        java.util.Arrays.fill(tlbTag, -1L);
        java.util.Arrays.fill(epcPageTag, -1L);
    }

    /** An external interrupt: delivered at the next access or poll; in enclave mode it causes an AEX. */
    public void raiseInterrupt() {
        PENDING_EVENTS.getAndBitwiseOr(this, EVENT_INTERRUPT);
    }

    /**
     * A TLB-shootdown IPI (SDM Vol.3A 4.10.5), sent after a page-table change: at its next access or poll this
     * processor flushes its TLB. Unlike {@link #raiseInterrupt} it causes no AEX, so it does not make a processor
     * inside an enclave leave it and does not complete an ETRACK; Linux's post-ETRACK IPI ({@code sgx_ipi_cb},
     * an empty handler) works through the AEX, i.e. {@link #raiseInterrupt}. Safe to call from any thread.
     */
    public void requestTlbShootdown() {
        PENDING_EVENTS.getAndBitwiseOr(this, EVENT_TLB_SHOOTDOWN);
    }

    /** EENTER/ERESUME start a new entry generation (read by ETRACK from other threads). */
    void enteredEnclave() {
        entryGeneration++; // only the thread driving this processor writes it
    }

    long entryGeneration() {
        return entryGeneration;
    }

    void charge(SgxLeaf leaf) {
        counters.charge(leaf);
    }

    /** Charges the host's or the runtime's work done on this processor (docs/cost-model.md, "System costs"). */
    public void charge(SystemCost cost) {
        counters.charge(cost, 1);
    }

    /** Charges {@code units} of a per-page (or per-event) system cost. */
    public void charge(SystemCost cost, long units) {
        counters.charge(cost, units);
    }

    /** The memory-encryption cost model: a miss in the EPC page cache is charged, a hit is free. */
    private void touchEpcPage(long la) {
        long tag = la >>> Memory.PAGE_SHIFT;
        int set = (int) (tag & (TLB_SETS - 1));
        if (epcPageTag[set] != tag) {
            epcPageTag[set] = tag;
            counters.charge(SystemCost.EPC_PAGE_MISS, 1);
        }
    }

    // ---------------------------------------------------------------- ENCLS (ring 0)

    /** ECREATE: make {@code epcPage} the SECS of a new enclave (SDM Vol.3D ECREATE). */
    public void ecreate(SecInfo secInfo, Secs secs, long epcPage) {
        EnclaveBuild.ecreate(this, secInfo, secs, epcPage);
    }

    /** EADD: copy {@code source} (4096 bytes of ordinary memory) to {@code epcPage} at {@code linearAddress}. */
    public void eadd(long linearAddress, byte[] source, SecInfo secInfo, long secsPage, long epcPage) {
        EnclaveBuild.eadd(this, linearAddress, source, secInfo, secsPage, epcPage);
    }

    /** EEXTEND: measure the 256 bytes at EPC physical address {@code chunk} into the SECS's MRENCLAVE. */
    public void eextend(long secsPage, long chunk) {
        EnclaveBuild.eextend(this, secsPage, chunk);
    }

    /** EINIT: verify SIGSTRUCT against the measurement and mark the enclave initialized. */
    public SgxStatus einit(SigStruct sigStruct, long secsPage) {
        return EnclaveBuild.einit(this, sigStruct, secsPage);
    }

    /** EREMOVE: return an EPC page to the invalid state. */
    public SgxStatus eremove(long epcPage) {
        return EnclaveBuild.eremove(this, epcPage);
    }

    /** EPA: make the free EPC page {@code epcPage} a zeroed Version Array page of 512 eight-byte slots. */
    public void epa(long epcPage) {
        EnclavePaging.epa(this, epcPage);
    }

    /** EBLOCK: mark a REG, TCS or TRIM page BLOCKED, so no new TLB entry can be made for it. */
    public SgxStatus eblock(long epcPage) {
        return EnclavePaging.eblock(this, epcPage);
    }

    /** ETRACK: start a new tracking epoch for the enclave whose SECS is at {@code secsPage}. */
    public SgxStatus etrack(long secsPage) {
        return EnclavePaging.etrack(this, secsPage);
    }

    /**
     * EWB: encrypt the blocked and tracked page at {@code epcPage} into {@code out}, record its version in the VA
     * slot at EPC physical address {@code vaSlot}, and free the EPC page.
     */
    public SgxStatus ewb(long epcPage, long vaSlot, EvictedPage out) {
        return EnclavePaging.ewb(this, epcPage, vaSlot, out);
    }

    /** ELDU: verify and decrypt {@code in} into the free EPC page {@code epcPage}, unblocked. */
    public SgxStatus eldu(EvictedPage in, long secsPage, long epcPage, long vaSlot) {
        return EnclavePaging.eld(this, in, secsPage, epcPage, vaSlot, false);
    }

    /** ELDB: as {@link #eldu}, but the loaded page is BLOCKED. */
    public SgxStatus eldb(EvictedPage in, long secsPage, long epcPage, long vaSlot) {
        return EnclavePaging.eld(this, in, secsPage, epcPage, vaSlot, true);
    }

    /** EAUG (SGX2): add a zeroed PENDING RW page at {@code linearAddress} to an initialized enclave. */
    public void eaug(long linearAddress, long secsPage, long epcPage) {
        DynamicMemory.eaug(this, linearAddress, secsPage, epcPage);
    }

    /** EMODPR (SGX2): restrict a REG page's EPCM permissions to those in {@code secInfo}; the enclave EACCEPTs. */
    public SgxStatus emodpr(SecInfo secInfo, long epcPage) {
        return DynamicMemory.emodpr(this, secInfo, epcPage);
    }

    /** EMODT (SGX2): change a page's type to {@code secInfo}'s PT_TCS or PT_TRIM; the enclave EACCEPTs. */
    public SgxStatus emodt(SecInfo secInfo, long epcPage) {
        return DynamicMemory.emodt(this, secInfo, epcPage);
    }

    // ---------------------------------------------------------------- ENCLU (ring 3)

    /**
     * EENTER through the TCS at {@code tcsAddress}, run the enclave program bound to the code at OENTRY, and
     * EEXIT when it returns. {@code exits} is the host side of the AEP: it handles AEXs and ocalls.
     *
     * @throws EnclaveFaultException when the enclave thread was aborted after an AEX (the vDSO's -EFAULT)
     */
    public void eenter(long tcsAddress, long aep, ExitHandler exits) {
        EnclaveEntry.eenterAndRun(this, tcsAddress, aep, exits);
    }

    /** EREPORT (in enclave mode): a REPORT for {@code targetInfo}'s enclave with the 64 bytes at {@code reportData}. */
    public void ereport(long targetInfo, long reportData, long output) {
        EnclaveEntry.enclaveInstruction(this, () -> {
            EnclaveKeys.ereport(this, targetInfo, reportData, output);
            return null;
        });
    }

    /** EGETKEY (in enclave mode): derive the key the KEYREQUEST at {@code keyRequest} names into {@code output}. */
    public SgxStatus egetkey(long keyRequest, long output) {
        return EnclaveEntry.enclaveInstruction(this, () -> EnclaveKeys.egetkey(this, keyRequest, output));
    }

    /**
     * EACCEPT (in enclave mode): accept the EAUG, EMODPR or EMODT of the page at {@code pageAddress} if the
     * SECINFO at {@code secInfoAddress} describes its EPCM state exactly.
     */
    public SgxStatus eaccept(long secInfoAddress, long pageAddress) {
        return EnclaveEntry.enclaveInstruction(this, () -> DynamicMemory.eaccept(this, secInfoAddress, pageAddress));
    }

    /**
     * EACCEPTCOPY (in enclave mode): copy the page at {@code sourceAddress} into the PENDING page at
     * {@code destinationAddress} and give it the permissions of the SECINFO at {@code secInfoAddress}.
     */
    public SgxStatus eacceptcopy(long secInfoAddress, long destinationAddress, long sourceAddress) {
        return EnclaveEntry.enclaveInstruction(
                this, () -> DynamicMemory.eacceptcopy(this, secInfoAddress, destinationAddress, sourceAddress));
    }

    /** EMODPE (in enclave mode): extend the EPCM permissions of the page at {@code pageAddress}. */
    public void emodpe(long secInfoAddress, long pageAddress) {
        EnclaveEntry.enclaveInstruction(this, () -> {
            DynamicMemory.emodpe(this, secInfoAddress, pageAddress);
            return null;
        });
    }

    /** An ocall: EEXIT to the {@link ExitHandler}'s ocall handler, then EENTER back through the same TCS. */
    public void ocall() {
        EnclaveEntry.ocall(this);
    }

    // ---------------------------------------------------------------- memory access

    public byte readByte(long la) {
        TlbEntry t = access(la, AccessType.READ);
        return t.abort ? (byte) 0xFF : t.buffer.get(t.base + offset(la));
    }

    public void writeByte(long la, byte value) {
        TlbEntry t = access(la, AccessType.WRITE);
        if (!t.abort) {
            t.buffer.put(t.base + offset(la), value);
        }
    }

    public long readLong(long la) {
        int off = offset(la);
        if (off > Memory.PAGE_SIZE - Long.BYTES) {
            byte[] b = read(la, Long.BYTES);
            return ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        }
        TlbEntry t = access(la, AccessType.READ);
        return t.abort ? -1L : t.buffer.getLong(t.base + off);
    }

    public void writeLong(long la, long value) {
        int off = offset(la);
        if (off > Memory.PAGE_SIZE - Long.BYTES) {
            byte[] b = new byte[Long.BYTES];
            ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(value);
            write(la, b, 0, b.length);
            return;
        }
        TlbEntry t = access(la, AccessType.WRITE);
        if (!t.abort) {
            t.buffer.putLong(t.base + off, value);
        }
    }

    public int readInt(long la) {
        int off = offset(la);
        if (off > Memory.PAGE_SIZE - Integer.BYTES) {
            byte[] b = read(la, Integer.BYTES);
            return ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        }
        TlbEntry t = access(la, AccessType.READ);
        return t.abort ? -1 : t.buffer.getInt(t.base + off);
    }

    public void writeInt(long la, int value) {
        int off = offset(la);
        if (off > Memory.PAGE_SIZE - Integer.BYTES) {
            byte[] b = new byte[Integer.BYTES];
            ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(value);
            write(la, b, 0, b.length);
            return;
        }
        TlbEntry t = access(la, AccessType.WRITE);
        if (!t.abort) {
            t.buffer.putInt(t.base + off, value);
        }
    }

    public byte[] read(long la, int length) {
        byte[] out = new byte[length];
        read(la, out, 0, length);
        return out;
    }

    public void read(long la, byte[] dst, int dstOffset, int length) {
        copy(la, dst, dstOffset, length, AccessType.READ);
    }

    public void write(long la, byte[] src, int srcOffset, int length) {
        copy(la, src, srcOffset, length, AccessType.WRITE);
    }

    /** Instruction fetch: reads with execute permission checked (code fetch outside ELRANGE in enclave mode is #GP). */
    byte[] fetch(long la, int length) {
        byte[] out = new byte[length];
        copy(la, out, 0, length, AccessType.EXECUTE);
        return out;
    }

    private void copy(long la, byte[] buf, int bufOffset, int length, AccessType type) {
        java.util.Objects.checkFromIndexSize(bufOffset, length, buf.length);
        while (length > 0) {
            int off = offset(la);
            int n = Math.min(length, Memory.PAGE_SIZE - off);
            TlbEntry t = access(la, type);
            if (type == AccessType.WRITE) {
                if (!t.abort) {
                    t.buffer.put(t.base + off, buf, bufOffset, n);
                }
            } else if (t.abort) {
                java.util.Arrays.fill(buf, bufOffset, bufOffset + n, (byte) 0xFF);
            } else {
                t.buffer.get(t.base + off, buf, bufOffset, n);
            }
            la += n;
            bufOffset += n;
            length -= n;
        }
    }

    private static int offset(long la) {
        return (int) (la & (Memory.PAGE_SIZE - 1));
    }

    /**
     * The translation for one access, from the TLB or a page walk. In enclave mode a fault becomes an AEX:
     * the host's handler runs, and if it answers ERESUME the access is retried (the faulting instruction
     * re-executes, SDM Vol.3D "Enclave Exiting Events").
     */
    private TlbEntry access(long la, AccessType type) {
        if (pendingEvents != 0) {
            handleEvents();
        }
        int set = (int) ((la >>> Memory.PAGE_SHIFT) & (TLB_SETS - 1));
        long tag = la >>> Memory.PAGE_SHIFT;
        TlbEntry t = tlbEntry[set];
        if (tlbTag[set] == tag && t.allows(type)) {
            return t;
        }
        while (true) {
            try {
                t = translate(la, type);
                if (tlbEnabled) {
                    tlbTag[set] = tag;
                    tlbEntry[set] = t;
                }
                return t;
            } catch (CpuException fault) {
                if (mode == null) {
                    throw fault;
                }
                EnclaveEntry.asyncExit(this, fault); // returns after ERESUME, or throws to abort the thread
            }
        }
    }

    /** Polls for pending interrupts: enclave code calls this in long loops so an interrupt can cause an AEX. */
    public void poll() {
        if (pendingEvents != 0) {
            handleEvents();
        }
    }

    /** Takes every posted event: a shootdown flushes the TLB; an interrupt in enclave mode is an AEX. */
    private void handleEvents() {
        int events = (int) PENDING_EVENTS.getAndSet(this, 0);
        if ((events & EVENT_TLB_SHOOTDOWN) != 0) {
            flushTlb();
        }
        if ((events & EVENT_INTERRUPT) != 0 && mode != null) {
            EnclaveEntry.asyncExit(this, null);
        }
    }

    /** The page walk plus the SGX access-control checks (SDM Vol.3D "Enclave Access Control and Data Structures"). */
    private TlbEntry translate(long la, AccessType type) {
        if (cr3 == null) {
            throw new PageFault(la, 0, "no address space loaded (CR3 unset)");
        }
        int pfec = (type == AccessType.WRITE ? PageFault.WRITE : 0)
                | PageFault.USER
                | (type == AccessType.EXECUTE ? PageFault.INSTRUCTION : 0);
        Pte pte = cr3.lookup(la);
        if (pte == null) {
            throw new PageFault(la, pfec, "page not present");
        }
        if (type == AccessType.WRITE && !pte.writable()) {
            throw new PageFault(la, pfec | PageFault.PRESENT, "page table entry is read-only");
        }
        if (type == AccessType.EXECUTE && !pte.executable()) {
            throw new PageFault(la, pfec | PageFault.PRESENT, "page table entry is no-execute");
        }
        long pa = pte.physicalAddress();
        Epc epc = machine.epc();
        EnclaveMode m = mode;
        if (m != null && m.enclave.inElrange(la)) {
            if (!epc.contains(pa)) {
                throw new PageFault(
                        la, pfec | PageFault.PRESENT | PageFault.SGX, "ELRANGE address maps to non-EPC memory");
            }
            int frame = epc.frameOf(pa);
            EpcmEntry e = machine.epcm().get(frame);
            String why = enclaveAccessDenial(e, m.enclave, Memory.pageBase(la), type);
            if (why != null) {
                throw new PageFault(la, pfec | PageFault.PRESENT | PageFault.SGX, why);
            }
            PagePermissions p = e.permissions();
            touchEpcPage(la);
            return new TlbEntry(
                    epc.chunk(frame),
                    Epc.offsetInChunk(frame),
                    false,
                    p.read(),
                    p.write() && pte.writable(),
                    p.execute() && pte.executable());
        }
        if (m != null && type == AccessType.EXECUTE) {
            throw new GeneralProtectionFault(String.format("code fetch at 0x%x outside ELRANGE in enclave mode", la));
        }
        if (epc.contains(pa)) {
            // Abort-page semantics for a non-enclave (or out-of-ELRANGE) reference to the EPC.
            return new TlbEntry(null, 0, true, true, pte.writable(), pte.executable());
        }
        return new TlbEntry(machine.dram().frame(pa), 0, false, true, pte.writable(), pte.executable());
    }

    /** Null when the EPCM allows this enclave access, else the rule it breaks. */
    static String enclaveAccessDenial(EpcmEntry e, SecsState enclave, long pageLa, AccessType type) {
        if (!e.valid()) {
            return "EPCM entry is not valid";
        }
        if (e.enclave() != enclave) {
            return "EPC page belongs to another enclave";
        }
        if (e.linearAddress() != pageLa) {
            return String.format("EPCM records linear address 0x%x for this page", e.linearAddress());
        }
        if (e.type() != PageType.REG) {
            return "page type " + e.type() + " is not accessible";
        }
        if (e.blocked()) {
            return "page is BLOCKED";
        }
        if (e.pending()) {
            return "page is PENDING (not yet EACCEPTed)";
        }
        if (e.modified()) {
            return "page is MODIFIED (not yet EACCEPTed)";
        }
        PagePermissions p = e.permissions();
        boolean ok = switch (type) {
            case READ -> p.read();
            case WRITE -> p.write();
            case EXECUTE -> p.execute();
        };
        return ok ? null : "EPCM permissions " + p + " deny " + type;
    }

    /** A cached translation; {@code base} is the frame's offset inside {@code buffer}. */
    private record TlbEntry(ByteBuffer buffer, int base, boolean abort, boolean read, boolean write, boolean execute) {
        boolean allows(AccessType type) {
            return switch (type) {
                case READ -> read;
                case WRITE -> write;
                case EXECUTE -> execute;
            };
        }
    }

    /** What EENTER/ERESUME establish and EEXIT/AEX tear down. */
    static final class EnclaveMode {
        final SecsState enclave;
        final long tcsAddress;
        final int tcsFrame;
        final long aep;
        final int[] ssaFrames;
        final ExitHandler exits;
        EnclaveProgram program;

        EnclaveMode(SecsState enclave, long tcsAddress, int tcsFrame, long aep, int[] ssaFrames, ExitHandler exits) {
            this.enclave = enclave;
            this.tcsAddress = tcsAddress;
            this.tcsFrame = tcsFrame;
            this.aep = aep;
            this.ssaFrames = ssaFrames;
            this.exits = exits;
        }
    }

    @Override
    public String toString() {
        return "LP" + id + (mode != null ? " in " + mode.enclave : "");
    }
}

package io.teemate.sgx.loader;

import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.Measurement;
import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Secs;
import io.teemate.sgx.struct.SigStruct;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Builds enclaves on a machine with no operating system: one page table, EPC frames handed out in order.
 * It issues exactly what Linux's driver issues (ECREATE, EADD + 16 EEXTEND per measured page, the launch-key
 * MSR write, EINIT), so tests, the demo and {@code teemate sgx measure} exercise the real instruction path.
 * The host module's SGX driver is the full version of this, with reclaim and several processes.
 */
public final class BareMetalLoader {
    private final Machine machine;
    private final BitSet usedFrames = new BitSet();
    /** No frame below this is free: allocation scans from here, not from frame 0. */
    private int firstFree;

    public BareMetalLoader(Machine machine) {
        this.machine = machine;
    }

    /** What {@link #create} built: where the enclave is, its SECS, TCSs and EPC pages. */
    public record LoadedEnclave(
            long base,
            long size,
            long secsPage,
            List<Long> tcsAddresses,
            List<MappedPage> pages,
            MapPageTable pageTable) {}

    /** An enclave page: its linear address and the EPC page behind it. */
    public record MappedPage(long linearAddress, long epcPage) {}

    /** ECREATE and EADD/EEXTEND of every page, mapped into {@code pageTable}; EINIT is left to the caller. */
    public LoadedEnclave create(
            LogicalProcessor lp,
            EnclaveLayout layout,
            Attributes attributes,
            int miscSelect,
            long base,
            MapPageTable pageTable) {
        if ((base & (layout.size() - 1)) != 0) {
            throw new IllegalArgumentException(
                    String.format("base 0x%x is not aligned to the enclave size 0x%x", base, layout.size()));
        }
        long secsPage = allocate();
        List<MappedPage> pages = new ArrayList<>();
        List<Long> tcs = new ArrayList<>();
        boolean done = false;
        try {
            lp.ecreate(
                    SecInfo.of(PageType.SECS, io.teemate.sgx.struct.PagePermissions.NONE),
                    new Secs(
                            layout.size(),
                            base,
                            layout.ssaFrameSize(),
                            miscSelect,
                            attributes,
                            new byte[32],
                            new byte[32],
                            new byte[64],
                            (short) 0,
                            (short) 0,
                            (short) 0),
                    secsPage);
            for (EnclavePage p : layout.pages()) {
                long epc = allocate();
                long la = base + p.offset();
                pages.add(new MappedPage(la, epc));
                lp.eadd(la, p.contentUnsafe(), p.secInfo(), secsPage, epc);
                if (p.measured()) {
                    for (int i = 0; i < Memory.PAGE_SIZE; i += Measurement.EEXTEND_CHUNK) {
                        lp.eextend(secsPage, epc + i);
                    }
                }
                boolean isTcs = p.type() == PageType.TCS;
                if (isTcs) {
                    tcs.add(la);
                }
                pageTable.map(
                        la,
                        new Pte(
                                epc,
                                isTcs || p.permissions().write(),
                                !isTcs && p.permissions().execute()));
            }
            done = true;
            return new LoadedEnclave(base, layout.size(), secsPage, List.copyOf(tcs), List.copyOf(pages), pageTable);
        } finally {
            if (!done) {
                for (MappedPage page : pages) {
                    lp.eremove(page.epcPage());
                    pageTable.unmap(page.linearAddress());
                    free(page.epcPage());
                }
                lp.eremove(secsPage);
                free(secsPage);
            }
        }
    }

    /**
     * EINIT, after writing IA32_SGXLEPUBKEYHASH with the signer's hash as Linux does on a machine with Flexible
     * Launch Control. A refusal tears the enclave down and is reported with the SGX error code.
     */
    public void init(LogicalProcessor lp, LoadedEnclave enclave, SigStruct sigStruct) {
        lp.writeLePubKeyHash(sigStruct.mrSigner());
        SgxStatus status = lp.einit(sigStruct, enclave.secsPage());
        if (!status.ok()) {
            destroy(lp, enclave);
            throw new EinitException(status);
        }
    }

    /** create + init. */
    public LoadedEnclave load(
            LogicalProcessor lp, EnclaveLayout layout, SigStruct sigStruct, long base, MapPageTable pageTable) {
        LoadedEnclave e = create(lp, layout, sigStruct.attributes(), sigStruct.miscSelect(), base, pageTable);
        init(lp, e, sigStruct);
        return e;
    }

    /** EREMOVE of every page, then the SECS; unmaps and frees the frames. */
    public void destroy(LogicalProcessor lp, LoadedEnclave enclave) {
        for (MappedPage page : enclave.pages()) {
            SgxStatus s = lp.eremove(page.epcPage());
            if (!s.ok()) {
                throw new IllegalStateException("EREMOVE of an enclave page failed: " + s);
            }
            enclave.pageTable().unmap(page.linearAddress());
            free(page.epcPage());
        }
        SgxStatus s = lp.eremove(enclave.secsPage());
        if (!s.ok()) {
            throw new IllegalStateException("EREMOVE of the SECS failed: " + s);
        }
        free(enclave.secsPage());
        lp.flushTlb();
    }

    /** EPC frames this loader has handed out and not freed. */
    public int framesInUse() {
        return usedFrames.cardinality();
    }

    private long allocate() {
        int frame = usedFrames.nextClearBit(firstFree);
        if (frame >= machine.epc().frameCount()) {
            throw new IllegalStateException(
                    "EPC exhausted: all " + machine.epc().frameCount()
                            + " frames in use (this loader does not page; the host's SGX driver does)");
        }
        usedFrames.set(frame);
        firstFree = frame + 1;
        return machine.epc().address(frame);
    }

    private void free(long epcPage) {
        int frame = machine.epc().frameOf(epcPage);
        usedFrames.clear(frame);
        firstFree = Math.min(firstFree, frame);
    }
}

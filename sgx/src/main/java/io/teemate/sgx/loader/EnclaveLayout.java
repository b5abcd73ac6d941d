package io.teemate.sgx.loader;

import io.teemate.sgx.Measurement;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.Tcs;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that determines an enclave's MRENCLAVE: ELRANGE size, SSA frame size and the pages in the order
 * they are added (sgx.md section 1). Validated on construction, so a bad layout never reaches the machine.
 */
public record EnclaveLayout(long size, int ssaFrameSize, List<EnclavePage> pages) {
    public EnclaveLayout {
        pages = List.copyOf(pages);
        if (size < 2L * Memory.PAGE_SIZE || Long.bitCount(size) != 1) {
            throw new LayoutException("size " + size + " is not a power of two of at least 8192 bytes");
        }
        if (ssaFrameSize < 1) {
            throw new LayoutException("ssaFrameSize " + ssaFrameSize + " must be at least 1 page");
        }
        java.util.Map<Long, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            EnclavePage p = pages.get(i);
            String why = p.violation();
            if (why == null && p.offset() >= size) {
                why = String.format("offset 0x%x is outside the enclave (size 0x%x)", p.offset(), size);
            }
            Integer earlier = seen.putIfAbsent(p.offset(), i);
            if (why == null && earlier != null) {
                why = String.format("offset 0x%x overlaps page %d", p.offset(), earlier);
            }
            if (why != null) {
                throw new LayoutException("page " + i + ": " + why);
            }
        }
    }

    /** MRENCLAVE as a signing tool predicts it, with the same {@link Measurement} the processor runs. */
    public byte[] mrEnclave() {
        Measurement m = new Measurement();
        m.ecreate(ssaFrameSize, size);
        for (EnclavePage p : pages) {
            m.eadd(p.offset(), p.secInfo().flags());
            if (p.measured()) {
                byte[] c = p.contentUnsafe();
                for (int i = 0; i < Memory.PAGE_SIZE; i += Measurement.EEXTEND_CHUNK) {
                    m.eextend(p.offset() + i, c, i);
                }
            }
        }
        return m.finish();
    }

    /** Offsets of the TCS pages, in order. */
    public List<Long> tcsOffsets() {
        List<Long> out = new ArrayList<>();
        for (EnclavePage p : pages) {
            if (p.type() == PageType.TCS) {
                out.add(p.offset());
            }
        }
        return out;
    }

    /**
     * The usual shape for one enclave program: its code image at offset 0 (RX, OENTRY = 0); then per thread a
     * TCS, {@code nssa} SSA frames and one thread-local page that the TCS's OFSBASE and OGSBASE point at (the
     * way enclave runtimes find per-thread data after EENTER); then {@code heapPages} of measured zeroed RW heap.
     * The size is the smallest power of two that holds it all.
     */
    public static EnclaveLayout forProgram(CodeImage code, int threads, int nssa, int ssaFrameSize, int heapPages) {
        if (threads < 1 || nssa < 1) {
            throw new LayoutException("an enclave needs at least one thread and one SSA frame per thread");
        }
        List<EnclavePage> pages = new ArrayList<>();
        byte[] image = code.pages();
        long offset = 0;
        for (int i = 0; i < image.length; i += Memory.PAGE_SIZE) {
            pages.add(new EnclavePage(
                    offset,
                    PageType.REG,
                    PagePermissions.RX,
                    true,
                    java.util.Arrays.copyOfRange(image, i, i + Memory.PAGE_SIZE)));
            offset += Memory.PAGE_SIZE;
        }
        byte[] zero = new byte[Memory.PAGE_SIZE];
        for (int t = 0; t < threads; t++) {
            offset = addThread(pages, offset, nssa, ssaFrameSize);
        }
        for (int h = 0; h < heapPages; h++) {
            pages.add(new EnclavePage(offset, PageType.REG, PagePermissions.RW, true, zero));
            offset += Memory.PAGE_SIZE;
        }
        long size = Long.highestOneBit(Math.max(offset, 2L * Memory.PAGE_SIZE) - 1) << 1;
        return new EnclaveLayout(size, ssaFrameSize, pages);
    }

    /**
     * Adds one thread's pages at {@code tcsOffset}: its TCS, {@code nssa} SSA frames of {@code ssaFrameSize} pages,
     * and one thread-local page that OFSBASE and OGSBASE point at. Returns the offset after them.
     * SDM Vol.3D "Thread Control Structure (TCS)": OSSA, OENTRY, OFSBASE/OGSBASE are offsets from the enclave
     * base; FLAGS and CSSA must be 0 as EADD clears them; FS/GS limits as the Intel SDK sets them.
     */
    public static long addThread(List<EnclavePage> pages, long tcsOffset, int nssa, int ssaFrameSize) {
        byte[] zero = new byte[Memory.PAGE_SIZE];
        long ossa = tcsOffset + Memory.PAGE_SIZE;
        long tls = ossa + (long) nssa * ssaFrameSize * Memory.PAGE_SIZE;
        Tcs tcs = new Tcs(0, 0, ossa, 0, nssa, 0, 0, tls, tls, 0xFFFFFFFF, 0xFFFFFFFF);
        pages.add(new EnclavePage(tcsOffset, PageType.TCS, PagePermissions.NONE, true, tcs.toBytes()));
        long offset;
        for (offset = ossa; offset <= tls; offset += Memory.PAGE_SIZE) {
            pages.add(new EnclavePage(offset, PageType.REG, PagePermissions.RW, true, zero));
        }
        return offset;
    }

    /** Offset of the first page after the layout's last page: where free space starts. */
    public long end() {
        long end = 0;
        for (EnclavePage p : pages) {
            end = Math.max(end, p.offset() + Memory.PAGE_SIZE);
        }
        return end;
    }

    /** Attributes an enclave of this emulator gets by default: 64-bit, x87+SSE, optionally DEBUG. */
    public static Attributes defaultAttributes(boolean debug) {
        return new Attributes(Attributes.MODE64BIT | (debug ? Attributes.DEBUG : 0), 0x3);
    }
}

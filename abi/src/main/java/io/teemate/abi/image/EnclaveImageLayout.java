package io.teemate.abi.image;

import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.loader.EnclavePage;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The enclave an {@link EnclaveManifest} describes, page by page, in the order a loader adds them:
 * <ol>
 *   <li>the code image at offset 0 (RX, measured; OENTRY = 0);</li>
 *   <li>the {@link EnclaveConfig} (R, measured) right after it, so the runtime finds it from the code header;</li>
 *   <li>per thread a TCS, {@code nssa * ssa_frame_size} SSA pages and one thread-local page that OFSBASE and
 *       OGSBASE point at (the shape of {@link EnclaveLayout#forProgram});</li>
 *   <li>the heap: {@code heap_initial} pages (all of {@code heap_size} for SGX1) EADDed, zeroed and measured; with
 *       EDMM the rest of {@code heap_size} is left unmapped inside ELRANGE for EAUG at run time. EAUG'd pages are
 *       never measured (SDM Vol.3D EAUG), so only the committed part and the config's heap limit reach MRENCLAVE.</li>
 * </ol>
 * ELRANGE is {@code enclave_size}, or the smallest power of two that holds code, config, threads and the whole heap.
 */
public record EnclaveImageLayout(EnclaveLayout layout, long configOffset, int configLength, HeapRegion heap) {

    /** Lays out the enclave of {@code m} around {@code code}; a too-small {@code enclave_size} names that field. */
    public static EnclaveImageLayout build(EnclaveManifest m, CodeImage code) {
        List<EnclavePage> pages = new ArrayList<>();
        long offset = addPages(pages, 0, code.pages(), PagePermissions.RX);
        long configOffset = offset;
        long threadsOffset = configOffset + configPages(m) * Memory.PAGE_SIZE;
        long ssaPages = (long) m.nssa() * m.ssaFrameSize();
        long heapOffset = threadsOffset + m.threads() * (2 + ssaPages) * Memory.PAGE_SIZE;
        HeapRegion heap = new HeapRegion(heapOffset, m.heapInitialPages(), m.heapMaxPages());
        byte[] config = new EnclaveConfig(heap, m).toBytes();
        offset = addPages(pages, configOffset, config, PagePermissions.R);
        byte[] zero = new byte[Memory.PAGE_SIZE];
        for (int t = 0; t < m.threads(); t++) {
            offset = EnclaveLayout.addThread(pages, offset, m.nssa(), m.ssaFrameSize());
        }
        if (offset != heapOffset) {
            throw new IllegalStateException("thread area ends at 0x" + Long.toHexString(offset) + ", expected 0x"
                    + Long.toHexString(heapOffset));
        }
        for (long h = 0; h < heap.committedPages(); h++) {
            pages.add(new EnclavePage(offset, PageType.REG, PagePermissions.RW, true, zero));
            offset += Memory.PAGE_SIZE;
        }
        long needed = heap.end();
        long size;
        if (m.enclaveSize() == 0) {
            size = Long.highestOneBit(Math.max(needed, 2L * Memory.PAGE_SIZE) - 1) << 1;
        } else if (m.enclaveSize() < needed) {
            throw new ManifestException(
                    sourceOf(m),
                    "enclave_size",
                    Sizes.format(m.enclaveSize())
                            + " is too small: code, config, " + m.threads() + " thread(s) and a "
                            + Sizes.format(m.heapSize())
                            + " heap need " + Sizes.format(needed)
                            + " (leave it out to get the smallest power of two that fits)");
        } else {
            size = m.enclaveSize();
        }
        return new EnclaveImageLayout(
                new EnclaveLayout(size, m.ssaFrameSize(), pages), configOffset, config.length, heap);
    }

    /** Where the config starts for a code image of {@code codeImageLength} bytes: the next page boundary. */
    public static long configOffset(int codeImageLength) {
        return ((long) codeImageLength + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE * Memory.PAGE_SIZE;
    }

    /** MRENCLAVE of this image, as EINIT will find it. */
    public byte[] mrEnclave() {
        return layout.mrEnclave();
    }

    public long heapOffset() {
        return heap.offset();
    }

    public long heapCommittedPages() {
        return heap.committedPages();
    }

    public long heapMaxPages() {
        return heap.maxPages();
    }

    /** Pages EADDed before EINIT. */
    public int addedPages() {
        return layout.pages().size();
    }

    /** The name errors use for a manifest that was not read from a file (callers relabel with the file name). */
    public static String sourceOf(EnclaveManifest m) {
        return "enclave manifest \"" + m.name() + "\"";
    }

    private static long configPages(EnclaveManifest m) {
        // The config's length does not depend on the heap numbers in it (fixed-width fields).
        int length = new EnclaveConfig(new HeapRegion(0, 0, 0), m).toBytes().length;
        return (length + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE;
    }

    private static long addPages(List<EnclavePage> pages, long offset, byte[] content, PagePermissions perms) {
        for (int i = 0; i < content.length; i += Memory.PAGE_SIZE) {
            byte[] page = Arrays.copyOfRange(content, i, i + Memory.PAGE_SIZE);
            pages.add(new EnclavePage(offset, PageType.REG, perms, true, page));
            offset += Memory.PAGE_SIZE;
        }
        return offset;
    }
}

package io.teemate.abi.image;

import io.teemate.sgx.mmu.Memory;

/**
 * Where the trusted runtime's heap is: {@code offset} from the enclave base, {@code committedPages} there before
 * EINIT (EADDed and measured), and room for {@code maxPages} in all. With SGX1 the two counts are equal; with
 * EDMM the pages in between are added at run time (EAUG by the driver, EACCEPT by the enclave; SDM Vol.3D EAUG,
 * EACCEPT).
 */
public record HeapRegion(long offset, long committedPages, long maxPages) {
    public HeapRegion {
        if (offset < 0 || !Memory.pageAligned(offset) || committedPages < 0 || maxPages < committedPages) {
            throw new IllegalArgumentException("heap region at 0x" + Long.toHexString(offset) + " with "
                    + committedPages + " of " + maxPages + " pages is not a heap region");
        }
    }

    /** Offset of the first page the heap may never reach. */
    public long end() {
        return offset + maxPages * Memory.PAGE_SIZE;
    }

    /** Offset of the first page added at run time (= {@link #end()} when nothing is). */
    public long committedEnd() {
        return offset + committedPages * Memory.PAGE_SIZE;
    }

    /** True if the heap can grow at run time (EDMM). */
    public boolean growable() {
        return maxPages > committedPages;
    }
}

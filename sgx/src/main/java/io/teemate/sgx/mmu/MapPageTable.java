package io.teemate.sgx.mmu;

import java.util.concurrent.ConcurrentHashMap;

/** A page table kept as a map from linear page to entry: enough structure for an emulated MMU. */
public final class MapPageTable implements PageTable {
    private final ConcurrentHashMap<Long, Pte> entries = new ConcurrentHashMap<>();

    @Override
    public Pte lookup(long linearAddress) {
        return entries.get(linearAddress >>> Memory.PAGE_SHIFT);
    }

    /** Maps the page at {@code linearAddress} (4 KiB aligned) to {@code pte}, replacing any mapping. */
    public void map(long linearAddress, Pte pte) {
        requireAligned(linearAddress);
        entries.put(linearAddress >>> Memory.PAGE_SHIFT, pte);
    }

    /** Removes the mapping; returns what was mapped, or null. The caller flushes TLBs. */
    public Pte unmap(long linearAddress) {
        requireAligned(linearAddress);
        return entries.remove(linearAddress >>> Memory.PAGE_SHIFT);
    }

    public int size() {
        return entries.size();
    }

    private static void requireAligned(long linearAddress) {
        if ((linearAddress & (Memory.PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException(
                    "linear address 0x" + Long.toHexString(linearAddress) + " is not 4 KiB aligned");
        }
    }
}

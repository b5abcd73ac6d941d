package io.teemate.sgx.mmu;

/** A present page-table entry: the 4 KiB physical frame and the R/W and NX bits (SDM Vol.3A 4.5, table 4-19). */
public record Pte(long physicalAddress, boolean writable, boolean executable) {
    public Pte {
        if ((physicalAddress & (Memory.PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException(
                    "PTE frame address 0x" + Long.toHexString(physicalAddress) + " is not 4 KiB aligned");
        }
    }
}

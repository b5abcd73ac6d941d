package io.teemate.sgx.mmu;

/**
 * What the processor walks to translate a linear address (the structure CR3 points at, SDM Vol.3A 4.5).
 * The host kernel owns and fills it; the processor only reads it.
 */
public interface PageTable {
    /** The entry for the 4 KiB page containing {@code linearAddress}, or null when not present. */
    Pte lookup(long linearAddress);
}

package io.teemate.sgx.mmu;

/** The three kinds of memory access the MMU and the EPCM check separately. */
public enum AccessType {
    READ,
    WRITE,
    EXECUTE
}

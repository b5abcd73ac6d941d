package io.teemate.sgx.mmu;

/** Page geometry shared by every part of the machine. */
public final class Memory {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;

    private Memory() {}

    public static boolean pageAligned(long address) {
        return (address & (PAGE_SIZE - 1)) == 0;
    }

    public static long pageBase(long address) {
        return address & ~(long) (PAGE_SIZE - 1);
    }
}

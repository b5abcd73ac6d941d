package io.teemate.enclave.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A byte-granular allocator for one container, over whole pages from the {@link EnclavePageAllocator}: the
 * container's malloc. Every address it returns is 8-byte aligned and points at zeroed enclave memory.
 * <ul>
 * <li>Sizes up to {@link #MAX_SMALL} bytes go to a slab: a page dedicated to one size class (8, 16, 24, 32, 48,
 *     ... 2048 bytes: powers of two and the 1.5x steps between), cut into equal slots.</li>
 * <li>Larger sizes get their own run of contiguous pages ({@link EnclavePageAllocator#allocatePages}), up to
 *     {@link Integer#MAX_VALUE} bytes and the heap's free space.</li>
 * </ul>
 * A freed slot is zeroed at once; a page whose last slot is freed, and every page of a freed large allocation,
 * goes straight back to the page allocator (which zeroes it), so {@link #pages()} always matches the live
 * allocations. {@link #destroy()} returns every page, so when a container ends nothing of it stays behind.
 * <p>The metadata (slab bitmaps, the list of large runs) lives in Java objects here; they stand for the arena's own
 * bookkeeping pages inside the enclave. The bytes it hands out are enclave pages, reached through
 * {@link EnclaveMemory}. All methods are thread-safe (a container's threads share its arena).
 */
public final class Arena {
    /** Largest allocation served from a slab; larger ones get whole pages. */
    public static final int MAX_SMALL = 2048;
    /** Every address {@link #allocate} returns is a multiple of this. */
    public static final int ALIGNMENT = 8;

    private static final int PAGE_SIZE = EnclaveMemory.PAGE_SIZE;
    private static final int[] CLASS_SIZES = {8, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048
    };

    private final PageSource pages;
    private final EnclaveMemory memory;
    /** Slab page address to its slab. */
    private final Map<Long, Slab> slabs = new HashMap<>();
    /** Per size class, the slabs with at least one free slot (first one is used first). */
    private final List<LinkedHashSet<Slab>> partial = new ArrayList<>();
    /** Large allocation base address to its run. */
    private final java.util.TreeMap<Long, LargeRun> large = new java.util.TreeMap<>();

    private long bytesInUse;
    private int pageCount;
    private int allocations;
    private boolean destroyed;

    private static final class Slab {
        final long page;
        final int sizeClass;
        final int slotSize;
        final int slots;
        final long[] used;
        final int[] sizes;
        int live;

        Slab(long page, int sizeClass) {
            this.page = page;
            this.sizeClass = sizeClass;
            this.slotSize = CLASS_SIZES[sizeClass];
            this.slots = PAGE_SIZE / slotSize;
            this.used = new long[(slots + 63) / 64];
            this.sizes = new int[slots];
        }

        int firstFreeSlot() {
            for (int w = 0; w < used.length; w++) {
                long free = ~used[w];
                if (free != 0) {
                    int slot = w * 64 + Long.numberOfTrailingZeros(free);
                    return slot < slots ? slot : -1;
                }
            }
            return -1;
        }

        boolean isUsed(int slot) {
            return (used[slot >>> 6] & (1L << slot)) != 0;
        }

        void mark(int slot, boolean inUse) {
            if (inUse) {
                used[slot >>> 6] |= 1L << slot;
            } else {
                used[slot >>> 6] &= ~(1L << slot);
            }
        }
    }

    private record LargeRun(long base, int pages, int size) {}

    /** Blocks handed out by {@link #allocateBlock}, by base address, so that a free or a destroy ends them. */
    private final Map<Long, Block> blocks = new HashMap<>();

    /**
     * A large allocation whose address is never handed out raw: code reaches its bytes only through
     * {@link #address}, which checks that the block is still live and the offset inside it. When the block is freed
     * or its arena destroyed (the container left), every later access fails instead of reaching pages that the
     * allocator may already have given to another container. A Wasm instance's linear memory is made of these.
     */
    public static final class Block {
        private final long base;
        private final int size;
        /** Cleared under the arena's lock; read on every access without it (a plain load on x86). */
        private volatile boolean live = true;

        private Block(long base, int size) {
            this.base = base;
            this.size = size;
        }

        /**
         * The enclave address of byte {@code offset} of this block.
         *
         * @throws IllegalStateException     if the block was freed or its arena destroyed
         * @throws IndexOutOfBoundsException if {@code offset} is not inside the block
         */
        public long address(int offset) {
            if (!live) {
                throw new IllegalStateException("enclave memory block at 0x" + Long.toHexString(base)
                        + " was freed: its pages went back to the enclave heap");
            }
            return base + java.util.Objects.checkIndex(offset, size);
        }

        public int size() {
            return size;
        }

        public boolean live() {
            return live;
        }
    }

    public Arena(PageSource pages) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.memory = pages.memory();
        for (int i = 0; i < CLASS_SIZES.length; i++) {
            partial.add(new LinkedHashSet<>());
        }
    }

    /**
     * {@code size} bytes of zeroed enclave memory, 8-byte aligned.
     *
     * @throws IllegalArgumentException    if {@code size} is not positive
     * @throws EnclaveOutOfMemoryException if the heap has no room
     */
    public synchronized long allocate(int size) {
        requireLive();
        if (size < 1) {
            throw new IllegalArgumentException("allocation size must be at least 1 byte, got " + size);
        }
        long address = size <= MAX_SMALL ? allocateSmall(size) : allocateLarge(size);
        bytesInUse += size;
        allocations++;
        return address;
    }

    private long allocateSmall(int size) {
        int sizeClass = sizeClass(size);
        LinkedHashSet<Slab> candidates = partial.get(sizeClass);
        Slab slab;
        if (candidates.isEmpty()) {
            slab = new Slab(pages.allocatePage(), sizeClass);
            slabs.put(slab.page, slab);
            candidates.add(slab);
            pageCount++;
        } else {
            slab = candidates.iterator().next();
        }
        int slot = slab.firstFreeSlot();
        slab.mark(slot, true);
        slab.sizes[slot] = size;
        if (++slab.live == slab.slots) {
            candidates.remove(slab);
        }
        return slab.page + (long) slot * slab.slotSize;
    }

    private long allocateLarge(int size) {
        int n = (int) (((long) size + PAGE_SIZE - 1) / PAGE_SIZE);
        long base = pages.allocatePages(n);
        large.put(base, new LargeRun(base, n, size));
        pageCount += n;
        return base;
    }

    private static int sizeClass(int size) {
        for (int i = 0; i < CLASS_SIZES.length; i++) {
            if (size <= CLASS_SIZES[i]) {
                return i;
            }
        }
        throw new AssertionError("size " + size + " is not small");
    }

    /**
     * {@code size} bytes of zeroed enclave memory as a {@link Block}, reached only through its checked
     * {@link Block#address}. Always whole pages of its own, so freeing it returns exactly its pages.
     *
     * @throws IllegalArgumentException    if {@code size} is not positive
     * @throws EnclaveOutOfMemoryException if the heap (or the container's quota) has no room
     */
    public synchronized Block allocateBlock(int size) {
        requireLive();
        if (size < 1) {
            throw new IllegalArgumentException("allocation size must be at least 1 byte, got " + size);
        }
        long base = allocateLarge(size);
        bytesInUse += size;
        allocations++;
        Block b = new Block(base, size);
        blocks.put(base, b);
        return b;
    }

    /** Frees a block of this arena; every later access through it fails. */
    public synchronized void free(Block block) {
        requireLive();
        if (blocks.get(block.base) != block) {
            throw new IllegalArgumentException(
                    String.format("free(block 0x%x): not a live block of this arena", block.base));
        }
        block.live = false;
        blocks.remove(block.base);
        free(block.base);
    }

    /**
     * Frees the allocation that starts at {@code address}; its bytes are zeroed.
     *
     * @throws IllegalArgumentException if {@code address} is not a live allocation of this arena (a double free,
     *                                  a pointer into the middle of an allocation, or one this arena never returned)
     */
    public synchronized void free(long address) {
        requireLive();
        long page = address & -PAGE_SIZE;
        Slab slab = slabs.get(page);
        if (slab != null) {
            long offset = address - page;
            if (offset % slab.slotSize != 0) {
                throw new IllegalArgumentException(String.format(
                        "free(0x%x): not the start of an allocation (inside a %d-byte slot of this arena)",
                        address, slab.slotSize));
            }
            int slot = (int) (offset / slab.slotSize);
            if (slot >= slab.slots || !slab.isUsed(slot)) {
                throw new IllegalArgumentException(
                        String.format("free(0x%x): not a live allocation of this arena (double free)", address));
            }
            freeSlot(slab, slot);
            return;
        }
        if (blocks.containsKey(address)) {
            throw new IllegalArgumentException(
                    String.format("free(0x%x): a block is freed as a block, not by address", address));
        }
        LargeRun run = large.remove(address);
        if (run == null) {
            throw new IllegalArgumentException(String.format(
                    "free(0x%x): not a live allocation of this arena (double free, or a pointer it never returned)",
                    address));
        }
        pages.freePages(run.base(), run.pages());
        pageCount -= run.pages();
        bytesInUse -= run.size();
        allocations--;
    }

    private void freeSlot(Slab slab, int slot) {
        long address = slab.page + (long) slot * slab.slotSize;
        bytesInUse -= slab.sizes[slot];
        allocations--;
        slab.sizes[slot] = 0;
        slab.mark(slot, false);
        boolean wasFull = slab.live == slab.slots;
        slab.live--;
        if (slab.live == 0) {
            partial.get(slab.sizeClass).remove(slab);
            slabs.remove(slab.page);
            pages.freePage(slab.page); // zeroes the whole page
            pageCount--;
            return;
        }
        memory.zero(address, slab.slotSize); // so the next allocate of this slot returns zeros
        if (wasFull) {
            partial.get(slab.sizeClass).add(slab);
        }
    }

    /**
     * The size asked for when the live allocation at {@code address} was made.
     *
     * @throws IllegalArgumentException if {@code address} is not a live allocation of this arena
     */
    public synchronized int sizeOf(long address) {
        requireLive();
        Slab slab = slabs.get(address & -PAGE_SIZE);
        if (slab != null) {
            long offset = address - slab.page;
            int slot = (int) (offset / slab.slotSize);
            if (offset % slab.slotSize == 0 && slot < slab.slots && slab.isUsed(slot)) {
                return slab.sizes[slot];
            }
        } else {
            LargeRun run = large.get(address);
            if (run != null) {
                return run.size();
            }
        }
        throw new IllegalArgumentException(String.format("0x%x is not a live allocation of this arena", address));
    }

    /** Bytes asked for by the live allocations (not counting slot rounding or page tails). */
    /**
     * True if every byte of [address, address + length) lies in a page this arena holds now: what a container's
     * checked view of enclave memory allows, so its code cannot reach another container's pages.
     */
    public synchronized boolean owns(long address, int length) {
        if (length < 0 || address + length < address) {
            return false;
        }
        long end = address + Math.max(length, 1);
        for (long page = address & -PAGE_SIZE; page < end; page += PAGE_SIZE) {
            if (slabs.containsKey(page)) {
                continue;
            }
            Map.Entry<Long, LargeRun> run = large.floorEntry(page);
            if (run == null || page >= run.getKey() + (long) run.getValue().pages() * PAGE_SIZE) {
                return false;
            }
        }
        return true;
    }

    public synchronized long bytesInUse() {
        return bytesInUse;
    }

    /** Live allocations. */
    public synchronized int allocations() {
        return allocations;
    }

    /** Enclave pages this arena holds now. */
    public synchronized int pages() {
        return pageCount;
    }

    /** The memory its allocations are reached through. */
    public EnclaveMemory memory() {
        return memory;
    }

    /** Returns every page to the page allocator (which zeroes them); the arena cannot be used afterwards. */
    public synchronized void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        for (Block b : blocks.values()) {
            b.live = false; // before any page goes back: no access through a block reaches a freed page
        }
        blocks.clear();
        for (Slab slab : slabs.values()) {
            pages.freePage(slab.page);
        }
        for (LargeRun run : large.values()) {
            pages.freePages(run.base(), run.pages());
        }
        slabs.clear();
        large.clear();
        partial.forEach(LinkedHashSet::clear);
        pageCount = 0;
        bytesInUse = 0;
        allocations = 0;
    }

    /** True once {@link #destroy()} ran. */
    public synchronized boolean destroyed() {
        return destroyed;
    }

    private void requireLive() {
        if (destroyed) {
            throw new IllegalStateException("this arena was destroyed: its pages went back to the enclave heap");
        }
    }

    @Override
    public synchronized String toString() {
        return "Arena[" + allocations + " allocations, " + bytesInUse + " bytes, " + pageCount + " pages"
                + (destroyed ? ", destroyed" : "") + "]";
    }
}

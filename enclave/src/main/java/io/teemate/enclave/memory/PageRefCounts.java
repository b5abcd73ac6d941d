package io.teemate.enclave.memory;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * How many {@link CowSpace} page tables of one fork family point at each heap page: the enclave's equivalent of
 * the kernel's per-page map count. Shared by every view of the family and updated atomically, since parent and
 * child run on different enclave threads. Indexed by the page's position in the heap; kept in chunks made on
 * first use, so a large reserved heap costs nothing until its pages are shared.
 */
final class PageRefCounts {
    private static final int CHUNK_SHIFT = 10;
    private static final int CHUNK = 1 << CHUNK_SHIFT;

    private final long heapBase;
    private final AtomicReferenceArray<AtomicIntegerArray> chunks;

    PageRefCounts(PageSource allocator) {
        this.heapBase = allocator.heapBase();
        this.chunks = new AtomicReferenceArray<>((allocator.maxPages() + CHUNK - 1) >>> CHUNK_SHIFT);
    }

    private int index(long page) {
        return (int) ((page - heapBase) >>> 12);
    }

    private AtomicIntegerArray chunk(int index) {
        int c = index >>> CHUNK_SHIFT;
        AtomicIntegerArray a = chunks.get(c);
        if (a == null) {
            chunks.compareAndSet(c, null, new AtomicIntegerArray(CHUNK));
            a = chunks.get(c);
        }
        return a;
    }

    int get(long page) {
        int i = index(page);
        return chunk(i).get(i & (CHUNK - 1));
    }

    /** A page just taken from the allocator: one reference. */
    void setOne(long page) {
        int i = index(page);
        chunk(i).set(i & (CHUNK - 1), 1);
    }

    void increment(long page) {
        int i = index(page);
        chunk(i).incrementAndGet(i & (CHUNK - 1));
    }

    /** Drops one reference; returns the references left. */
    int decrement(long page) {
        int i = index(page);
        int left = chunk(i).decrementAndGet(i & (CHUNK - 1));
        if (left < 0) {
            throw new IllegalStateException(String.format("page 0x%x lost more references than it had", page));
        }
        return left;
    }
}

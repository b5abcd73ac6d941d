package io.teemate.enclave.memory;

import java.util.Arrays;
import java.util.Objects;

/**
 * A copy-on-write address space with software address translation: {@code sizeBytes} virtual bytes
 * {@code [0, size)} backed by enclave heap pages, through a page table kept by enclave code (virtual page to
 * enclave page address; 0 = not backed yet, which reads as zeros). This is how the paper gives an in-enclave
 * database cheap snapshots: SGX has no fork, and enclave code cannot use the host's page tables (the host controls
 * them), so the enclave translates its own addresses.
 * <ul>
 * <li>{@link #fork()} copies the page table and adds a reference to every page it names; it copies no data, so it
 *     takes time proportional to the page table, not to the bytes.</li>
 * <li>A write to a page another view also references first copies that one page (4 KiB through
 *     {@link EnclaveMemory}) into a fresh page of this view; a write that covers a whole page takes a fresh page
 *     without copying. Each view always reads its own consistent bytes.</li>
 * <li>A page whose last reference goes ({@link #free}, {@link #close}, or a copy) returns to the allocator, which
 *     zeroes it.</li>
 * </ul>
 * <p>Concurrency: each view is used by one thread at a time, but views of one family (a parent and its forks) may
 * run on different enclave threads at once, e.g. a database that keeps writing while a forked child reads its
 * snapshot. The reference counts they share are atomic; a view's own page table is touched only by its thread.
 * A failed write or free (the heap ran out) leaves the view as it was.
 * <p>The page table and reference counts are Java objects standing for the enclave's own bookkeeping pages; the
 * bytes are enclave pages.
 */
public final class CowSpace implements AutoCloseable {
    private static final int PAGE_SIZE = EnclaveMemory.PAGE_SIZE;
    private static final int PAGE_SHIFT = 12;

    private final PageSource pages;
    private final EnclaveMemory memory;
    private final PageRefCounts refs;
    private final long sizeBytes;
    /** Virtual page number to enclave page address; 0 = not backed. Touched only by the owning thread. */
    private final long[] table;

    private volatile long pagesCopied;
    private volatile boolean closed;

    /** A new, all-zero space of {@code sizeBytes} bytes; pages are taken from {@code pages} when first written. */
    public CowSpace(PageSource pages, long sizeBytes) {
        this.pages = Objects.requireNonNull(pages, "pages");
        if (sizeBytes < 1 || (sizeBytes + PAGE_SIZE - 1) / PAGE_SIZE > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a CowSpace needs between 1 byte and "
                    + (long) (Integer.MAX_VALUE - 8) * PAGE_SIZE + " bytes, got " + sizeBytes);
        }
        this.memory = pages.memory();
        this.refs = new PageRefCounts(pages);
        this.sizeBytes = sizeBytes;
        this.table = new long[(int) ((sizeBytes + PAGE_SIZE - 1) / PAGE_SIZE)];
    }

    private CowSpace(CowSpace parent) {
        this.pages = parent.pages;
        this.memory = parent.memory;
        this.refs = parent.refs;
        this.sizeBytes = parent.sizeBytes;
        this.table = parent.table.clone();
        for (long page : table) {
            if (page != 0) {
                refs.increment(page);
            }
        }
    }

    /**
     * A new view with this view's current contents. Copies the page table and takes a reference to each backed
     * page; no data is copied until one of the views writes.
     */
    public CowSpace fork() {
        requireOpen();
        return new CowSpace(this);
    }

    public void read(long va, byte[] dst, int off, int len) {
        requireOpen();
        Objects.checkFromIndexSize(off, len, dst.length);
        checkRange(va, len);
        while (len > 0) {
            int vpn = (int) (va >>> PAGE_SHIFT);
            int inPage = (int) (va & (PAGE_SIZE - 1));
            int n = Math.min(len, PAGE_SIZE - inPage);
            long page = table[vpn];
            if (page == 0) {
                Arrays.fill(dst, off, off + n, (byte) 0);
            } else {
                memory.read(page + inPage, dst, off, n);
            }
            va += n;
            off += n;
            len -= n;
        }
    }

    public byte[] read(long va, int len) {
        byte[] out = new byte[len];
        read(va, out, 0, len);
        return out;
    }

    public void write(long va, byte[] src, int off, int len) {
        requireOpen();
        Objects.checkFromIndexSize(off, len, src.length);
        checkRange(va, len);
        if (len == 0) {
            return;
        }
        int first = (int) (va >>> PAGE_SHIFT);
        int last = (int) ((va + len - 1) >>> PAGE_SHIFT);
        long[] fresh = reserve(first, last);
        while (len > 0) {
            int vpn = (int) (va >>> PAGE_SHIFT);
            int inPage = (int) (va & (PAGE_SIZE - 1));
            int n = Math.min(len, PAGE_SIZE - inPage);
            long page = install(vpn, fresh[vpn - first], coversPage(vpn, inPage, n));
            memory.write(page + inPage, src, off, n);
            va += n;
            off += n;
            len -= n;
        }
    }

    public void write(long va, byte[] src) {
        write(va, src, 0, src.length);
    }

    /** The little-endian 8 bytes at {@code va}. */
    public long readLong(long va) {
        requireOpen();
        checkRange(va, Long.BYTES);
        int inPage = (int) (va & (PAGE_SIZE - 1));
        if (inPage <= PAGE_SIZE - Long.BYTES) {
            long page = table[(int) (va >>> PAGE_SHIFT)];
            return page == 0 ? 0 : memory.readLong(page + inPage);
        }
        byte[] b = read(va, Long.BYTES);
        long v = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    /** Writes {@code v} little-endian at {@code va}. */
    public void writeLong(long va, long v) {
        requireOpen();
        checkRange(va, Long.BYTES);
        int inPage = (int) (va & (PAGE_SIZE - 1));
        if (inPage <= PAGE_SIZE - Long.BYTES) {
            int vpn = (int) (va >>> PAGE_SHIFT);
            long page = install(vpn, reserve(vpn, vpn)[0], false);
            memory.writeLong(page + inPage, v);
            return;
        }
        byte[] b = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        write(va, b, 0, b.length);
    }

    /**
     * Frees {@code [va, va + len)}: it reads as zeros afterwards. Whole pages in the range lose their backing
     * (their last reference returns them to the heap); the parts of pages at either end are zeroed in place,
     * after a copy if another view shares that page.
     */
    public void free(long va, long len) {
        requireOpen();
        if (len < 0) {
            throw new IllegalArgumentException("cannot free a negative length " + len);
        }
        checkRange(va, len);
        if (len == 0) {
            return;
        }
        long end = va + len;
        int first = (int) (va >>> PAGE_SHIFT);
        int last = (int) ((end - 1) >>> PAGE_SHIFT);
        // At most two pages are only partly freed; if shared, they need a copy: take those pages first, so that
        // running out of heap changes nothing.
        int head = partial(first, va, end) ? first : -1;
        int tail = last != first && partial(last, va, end) ? last : -1;
        long freshHead = head >= 0 ? reserveShared(head) : 0;
        long freshTail;
        try {
            freshTail = tail >= 0 ? reserveShared(tail) : 0;
        } catch (RuntimeException e) {
            if (freshHead != 0) {
                pages.freePage(freshHead);
            }
            throw e;
        }
        for (int vpn = first; vpn <= last; vpn++) {
            if (table[vpn] == 0) {
                continue; // reads as zeros already
            }
            if (vpn == head || vpn == tail) {
                long pageStart = (long) vpn << PAGE_SHIFT;
                long from = Math.max(va, pageStart);
                long to = Math.min(end, pageStart + PAGE_SIZE);
                long page = install(vpn, vpn == head ? freshHead : freshTail, false);
                memory.zero(page + (from - pageStart), (int) (to - from));
            } else {
                long page = table[vpn];
                table[vpn] = 0;
                release(page);
            }
        }
    }

    /** A fresh page if page {@code vpn} is backed and shared (zeroing part of it needs a private copy), else 0. */
    private long reserveShared(int vpn) {
        long page = table[vpn];
        return page != 0 && refs.get(page) > 1 ? pages.allocatePage() : 0;
    }

    /** True if {@code [va, end)} covers only part of the addressable bytes of page {@code vpn}. */
    private boolean partial(int vpn, long va, long end) {
        long pageStart = (long) vpn << PAGE_SHIFT;
        long pageEnd = Math.min(pageStart + PAGE_SIZE, sizeBytes);
        return va > pageStart || end < pageEnd;
    }

    private boolean coversPage(int vpn, int inPage, int n) {
        long pageStart = (long) vpn << PAGE_SHIFT;
        return inPage == 0 && (n == PAGE_SIZE || pageStart + n == sizeBytes);
    }

    /**
     * Fresh pages for every page in {@code [first, last]} that a write must not touch in place (not backed, or
     * shared with another view); 0 for the others. All or nothing: if the heap runs out, the ones taken go back.
     */
    private long[] reserve(int first, int last) {
        long[] fresh = new long[last - first + 1];
        try {
            for (int vpn = first; vpn <= last; vpn++) {
                long page = table[vpn];
                if (page == 0 || refs.get(page) > 1) {
                    fresh[vpn - first] = pages.allocatePage();
                }
            }
        } catch (RuntimeException e) {
            for (long p : fresh) {
                if (p != 0) {
                    pages.freePage(p);
                }
            }
            throw e;
        }
        return fresh;
    }

    /**
     * Makes page {@code vpn} private to this view and returns it. {@code fresh} is the page {@link #reserve} took
     * for it (0 if it needed none); the old contents are copied into it unless {@code overwrite} says the caller
     * replaces the whole page.
     */
    private long install(int vpn, long fresh, boolean overwrite) {
        long old = table[vpn];
        if (fresh == 0) {
            return old; // already private
        }
        refs.setOne(fresh);
        if (old != 0) {
            if (!overwrite) {
                memory.copy(old, fresh, PAGE_SIZE); // the copy in copy-on-write: one page
                pagesCopied++;
            }
            release(old);
        }
        table[vpn] = fresh;
        return fresh;
    }

    private void release(long page) {
        if (refs.decrement(page) == 0) {
            pages.freePage(page);
        }
    }

    /** Drops every page reference; pages no other view references go back to the heap, zeroed. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int vpn = 0; vpn < table.length; vpn++) {
            long page = table[vpn];
            if (page != 0) {
                table[vpn] = 0;
                release(page);
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Virtual size in bytes. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** Backed pages that no other view references. */
    public int privatePages() {
        int n = 0;
        for (long page : table) {
            if (page != 0 && refs.get(page) == 1) {
                n++;
            }
        }
        return n;
    }

    /** The virtual page numbers this view has backed by an enclave page, in ascending order. */
    public int[] backedPages() {
        requireOpen();
        int n = 0;
        for (long page : table) {
            if (page != 0) {
                n++;
            }
        }
        int[] out = new int[n];
        for (int vpn = 0, i = 0; vpn < table.length; vpn++) {
            if (table[vpn] != 0) {
                out[i++] = vpn;
            }
        }
        return out;
    }

    /** Backed pages that another view references too. */
    public int sharedPages() {
        int n = 0;
        for (long page : table) {
            if (page != 0 && refs.get(page) > 1) {
                n++;
            }
        }
        return n;
    }

    /** Copy-on-write copies this view has made (pages copied because they were shared when written). */
    public long pagesCopied() {
        return pagesCopied;
    }

    /** The enclave page behind virtual page {@code vpn}, or 0 (for tests). */
    long backingPage(int vpn) {
        return table[vpn];
    }

    /** Number of virtual pages (page table entries). */
    public int pageTableEntries() {
        return table.length;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this CowSpace is closed: its pages went back to the enclave heap");
        }
    }

    private void checkRange(long va, long len) {
        if (va < 0 || len < 0 || va > sizeBytes - len) {
            throw new IndexOutOfBoundsException(
                    String.format("range [0x%x, +%d) is outside the space [0, 0x%x)", va, len, sizeBytes));
        }
    }

    @Override
    public String toString() {
        return "CowSpace[" + sizeBytes + " bytes, "
                + (closed ? "closed" : privatePages() + " private, " + sharedPages() + " shared") + ", " + pagesCopied
                + " copied]";
    }
}

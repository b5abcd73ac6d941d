package io.teemate.faas.enclave;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.EnclaveMemory;
import io.teemate.enclave.memory.EnclaveOutOfMemoryException;
import io.teemate.enclave.memory.ThreadBoundMemory;
import io.teemate.sgx.program.EnclaveContext;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A WebAssembly instance's linear memory in enclave pages: the isolate's memory. Each 64 KiB Wasm page is one
 * contiguous run of sixteen 4 KiB enclave pages from the container's heap ({@link Arena}), so the enclave's EPC
 * accounting counts every byte an instance uses, and every access goes through the logical processor's SGX checks.
 * <p><b>Isolation.</b> A Wasm address is an offset into this memory, never an enclave address: every access is
 * bounds-checked against the current size ({@link #pages()} x 64 KiB) <em>before</em> it is translated to the
 * enclave page that holds it, and an access outside traps ("out of bounds memory access", the Wasm semantics). An
 * instance can name no byte outside its own pages, so the other instances sharing the enclave (other functions,
 * other containers) are out of its reach. Freed pages are zeroed by the page allocator before reuse.
 * <p>Growth follows the Wasm rules: {@link #grow} returns -1 when the new size would pass the maximum (the lesser
 * of the module's own maximum and the platform's limit) or when the enclave heap has no room. One instance, one
 * thread: the memory is not shared (Wasm threads are refused).
 */
public final class EnclaveLinearMemory implements Memory {
    /** Enclave pages backing one Wasm page. */
    public static final int ENCLAVE_PAGES_PER_WASM_PAGE = PAGE_SIZE / EnclaveMemory.PAGE_SIZE;

    private static final int SHIFT = 16;
    private static final int MASK = PAGE_SIZE - 1;

    private final Arena heap;
    private final Cells cells;
    private final int initialPages;
    private final int maximumPages;
    /** Called with the change in Wasm pages on every allocation and free (statistics). */
    private final IntConsumer pageDelta;
    /**
     * Each Wasm page's 64 KiB of enclave memory. Never a raw address: every access asks its block, which fails once
     * the block is freed or the container's arena destroyed, so no access can reach a page handed on meanwhile.
     */
    private Arena.Block[] chunks;

    private int pages;
    private DataSegment[] dataSegments;
    /** Filled from a snapshot ({@link #restore}), whose bytes include the data segments: initialize skips them. */
    private boolean fromSnapshot;

    private boolean freed;
    /** Whether anything was written since the pages were allocated (every write path sets it). */
    private boolean dirty;

    /**
     * Allocates the initial pages of a memory with the module's {@code limits}, capped at {@code allowedPages}.
     *
     * @throws WasmMemoryLimitException if the module asks for more initial pages than allowed, or the enclave heap
     *                                  has no room for them
     */
    public EnclaveLinearMemory(Arena heap, MemoryLimits limits, int allowedPages, IntConsumer pageDelta) {
        this(heap, cellsFor(heap.memory()), limits, allowedPages, pageDelta);
    }

    EnclaveLinearMemory(Arena heap, Cells cells, MemoryLimits limits, int allowedPages, IntConsumer pageDelta) {
        if (limits.shared()) {
            throw new UnsupportedOperationException(
                    "a shared linear memory (the Wasm threads proposal) is not supported");
        }
        if (limits.initialPages() > allowedPages) {
            throw new WasmMemoryLimitException("the module's memory starts at " + limits.initialPages()
                    + " Wasm pages (64 KiB each), more than the function's limit of " + allowedPages + " pages");
        }
        this.heap = heap;
        this.cells = cells;
        this.pageDelta = pageDelta;
        this.initialPages = limits.initialPages();
        this.maximumPages = Math.min(Math.min(limits.maximumPages(), allowedPages), RUNTIME_MAX_PAGES);
        this.chunks = new Arena.Block[Math.max(4, initialPages)];
        if (addPages(initialPages) < 0) {
            throw new WasmMemoryLimitException("the enclave heap has no room for the module's " + initialPages
                    + " initial Wasm pages (" + initialPages * ENCLAVE_PAGES_PER_WASM_PAGE + " enclave pages)");
        }
    }

    /**
     * How this memory reaches enclave pages: through the processor of the enclave thread running now (the entry
     * that made the instance), or through {@code memory} if none is bound (tests).
     */
    private static Cells cellsFor(EnclaveMemory memory) {
        if (memory instanceof ThreadBoundMemory bound && bound.isBound()) {
            return new ContextCells(bound.context());
        }
        return new MemoryCells(memory);
    }

    /** Gives every page back to the container's heap (zeroed by the allocator); the memory is unusable after. */
    public void free() {
        if (freed) {
            return;
        }
        freed = true;
        int n = pages;
        for (int i = 0; i < n; i++) {
            if (chunks[i].live()) { // not if the container's arena is gone already: its pages went back with it
                heap.free(chunks[i]);
            }
        }
        pages = 0;
        pageDelta.accept(-n);
    }

    /** Enclave pages this memory holds now. */
    public int enclavePages() {
        return pages * ENCLAVE_PAGES_PER_WASM_PAGE;
    }

    /** Adds {@code n} pages; returns the previous size, or -1 (nothing added) if they do not fit. */
    private int addPages(int n) {
        int before = pages;
        if (n < 0 || (long) before + n > maximumPages || freed) {
            return -1;
        }
        if (before + n > chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.min(Math.max(chunks.length * 2, before + n), RUNTIME_MAX_PAGES));
        }
        int added = 0;
        try {
            for (; added < n; added++) {
                chunks[before + added] = heap.allocateBlock(PAGE_SIZE); // zeroed, 16 contiguous enclave pages
            }
        } catch (EnclaveOutOfMemoryException e) {
            for (int i = 0; i < added; i++) {
                heap.free(chunks[before + i]);
            }
            return -1;
        }
        pages = before + n;
        pageDelta.accept(n);
        return before;
    }

    // ------------------------------------------------------------------ size

    @Override
    public int pages() {
        return pages;
    }

    /** memory.grow: the old size in pages, or -1 past the maximum or when the enclave heap is full (Wasm 4.4.7). */
    @Override
    public int grow(int size) {
        return addPages(size);
    }

    @Override
    public int initialPages() {
        return initialPages;
    }

    @Override
    public int maximumPages() {
        return maximumPages;
    }

    @Override
    public boolean shared() {
        return false;
    }

    // ------------------------------------------------------------------ the bounds check: the isolate's isolation

    private long sizeInBytes() {
        return (long) pages << SHIFT;
    }

    private WasmRuntimeException outOfBounds(long addr, long len) {
        return new WasmRuntimeException("out of bounds memory access: attempted to access address: " + addr
                + " but limit is: " + sizeInBytes() + " and size: " + len);
    }

    /** Checks [addr, addr + len) lies inside this memory. */
    private void check(int addr, int len) {
        if (addr < 0 || len < 0 || (long) addr + len > sizeInBytes()) {
            throw outOfBounds(addr, len);
        }
    }

    /** The enclave address of a checked access of {@code len} bytes that stays inside one Wasm page. */
    private long enclaveAddress(int addr) {
        return chunks[addr >>> SHIFT].address(addr & MASK);
    }

    private static boolean withinOnePage(int addr, int len) {
        return (addr & MASK) + len <= PAGE_SIZE;
    }

    // ------------------------------------------------------------------ bulk

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        if (offset < 0 || size < 0 || (long) offset + size > data.length) {
            throw new WasmRuntimeException("out of bounds memory access: source range [" + offset + ", +" + size
                    + ") of a " + data.length + "-byte buffer");
        }
        check(addr, size);
        dirty = true;
        while (size > 0) {
            int n = Math.min(size, PAGE_SIZE - (addr & MASK));
            cells.write(enclaveAddress(addr), data, offset, n);
            addr += n;
            offset += n;
            size -= n;
        }
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        check(addr, len);
        byte[] out = new byte[len];
        int at = 0;
        while (at < len) {
            int n = Math.min(len - at, PAGE_SIZE - (addr & MASK));
            cells.read(enclaveAddress(addr), out, at, n);
            addr += n;
            at += n;
        }
        return out;
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        int len = toIndex - fromIndex;
        check(fromIndex, len);
        dirty = true;
        byte[] block = new byte[Math.min(len, EnclaveMemory.PAGE_SIZE)];
        Arrays.fill(block, value);
        int addr = fromIndex;
        while (len > 0) {
            int n = Math.min(Math.min(len, block.length), PAGE_SIZE - (addr & MASK));
            cells.write(enclaveAddress(addr), block, 0, n);
            addr += n;
            len -= n;
        }
    }

    /** memory.copy; overlapping ranges copy as if through a temporary buffer (Wasm 4.4.7). */
    @Override
    public void copy(int dest, int src, int size) {
        check(dest, size);
        check(src, size);
        write(dest, readBytes(src, size));
    }

    /** Zeroes the whole memory. Pages fresh from the allocator are zero already, so a new instance skips it. */
    @Override
    public void zero() {
        if (!dirty) {
            return;
        }
        for (int i = 0; i < pages; i++) {
            heap.memory().zero(chunks[i].address(0), PAGE_SIZE);
        }
    }

    // ------------------------------------------------------------------ snapshots

    /** Marks a new memory as one {@link #restore} will fill, before its instance is built. */
    void fillFromSnapshot() {
        fromSnapshot = true;
    }

    /**
     * Grows this memory to {@code template}'s size and copies {@code template}'s pages listed in {@code pages} (the
     * others are zero there, and fresh pages are zero here).
     *
     * @throws WasmMemoryLimitException if the template's size is more than this memory may have
     */
    void restore(EnclaveLinearMemory template, int[] pages) {
        if (template.pages > maximumPages) {
            throw new WasmMemoryLimitException("the function's snapshot holds " + template.pages
                    + " Wasm pages, more than this instance may have (" + maximumPages + ")");
        }
        if (template.pages > this.pages && addPages(template.pages - this.pages) < 0) {
            throw new WasmMemoryLimitException("the enclave heap has no room for a copy of the function's snapshot ("
                    + template.pages + " Wasm pages, " + template.pages * ENCLAVE_PAGES_PER_WASM_PAGE
                    + " enclave pages)");
        }
        // Through this memory's cells: the template's were bound to the entry that made it, which has ended.
        byte[] buffer = new byte[PAGE_SIZE];
        dirty = true;
        for (int page : pages) {
            if (page < 0 || page >= template.pages) {
                throw new IllegalArgumentException("page " + page + " is not in the template");
            }
            cells.read(template.chunks[page].address(0), buffer, 0, PAGE_SIZE);
            cells.write(chunks[page].address(0), buffer, 0, PAGE_SIZE);
        }
    }

    /** The pages of this memory that hold a non-zero byte, in order. */
    int[] nonZeroPages() {
        int[] out = new int[pages];
        int n = 0;
        for (int page = 0; page < pages; page++) {
            byte[] b = readBytes(page * PAGE_SIZE, PAGE_SIZE);
            for (byte x : b) {
                if (x != 0) {
                    out[n++] = page;
                    break;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    // ------------------------------------------------------------------ data segments

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        initialize(instance, dataSegments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        this.dataSegments = dataSegments;
        if (dataSegments == null || fromSnapshot) {
            return;
        }
        for (DataSegment s : dataSegments) {
            if (s instanceof ActiveDataSegment segment) {
                if (segment.index() != memoryIndex) {
                    continue;
                }
                int offset = (int) ConstantEvaluators.computeConstantValue(instance, segment.offsetInstructions())[0];
                byte[] data = segment.data();
                if (offset < 0 || (long) offset + data.length > sizeInBytes()) {
                    throw new UninstantiableException("out of bounds memory access: data segment of " + data.length
                            + " bytes at " + Integer.toUnsignedString(offset) + " does not fit in " + sizeInBytes()
                            + " bytes");
                }
                write(offset, data, 0, data.length);
            } else if (!(s instanceof PassiveDataSegment)) {
                throw new ChicoryException("Data segment should be active or passive: " + s);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, dataSegments[segmentId].data(), offset, size);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    // ------------------------------------------------------------------ scalars

    @Override
    public byte read(int addr) {
        check(addr, 1);
        return cells.readByte(enclaveAddress(addr));
    }

    @Override
    public void writeByte(int addr, byte data) {
        check(addr, 1);
        dirty = true;
        cells.writeByte(enclaveAddress(addr), data);
    }

    @Override
    public short readShort(int addr) {
        check(addr, 2);
        if (withinOnePage(addr, 2)) {
            return cells.readShort(enclaveAddress(addr));
        }
        return (short) (readSpanning(addr, 2));
    }

    @Override
    public void writeShort(int addr, short data) {
        check(addr, 2);
        dirty = true;
        if (withinOnePage(addr, 2)) {
            cells.writeShort(enclaveAddress(addr), data);
        } else {
            writeSpanning(addr, 2, data);
        }
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public int readInt(int addr) {
        check(addr, 4);
        if (withinOnePage(addr, 4)) {
            return cells.readInt(enclaveAddress(addr));
        }
        return (int) readSpanning(addr, 4);
    }

    @Override
    public void writeI32(int addr, int data) {
        check(addr, 4);
        dirty = true;
        if (withinOnePage(addr, 4)) {
            cells.writeInt(enclaveAddress(addr), data);
        } else {
            writeSpanning(addr, 4, data);
        }
    }

    @Override
    public long readLong(int addr) {
        check(addr, 8);
        if (withinOnePage(addr, 8)) {
            return cells.readLong(enclaveAddress(addr));
        }
        return readSpanning(addr, 8);
    }

    @Override
    public void writeLong(int addr, long data) {
        check(addr, 8);
        dirty = true;
        if (withinOnePage(addr, 8)) {
            cells.writeLong(enclaveAddress(addr), data);
        } else {
            writeSpanning(addr, 8, data);
        }
    }

    @Override
    public void writeF32(int addr, float data) {
        writeI32(addr, Float.floatToRawIntBits(data));
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public float readFloat(int addr) {
        return Float.intBitsToFloat(readInt(addr));
    }

    @Override
    public void writeF64(int addr, double data) {
        writeLong(addr, Double.doubleToRawLongBits(data));
    }

    @Override
    public double readDouble(int addr) {
        return Double.longBitsToDouble(readLong(addr));
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    /** A little-endian value whose bytes lie in two Wasm pages (so in two enclave allocations). */
    private long readSpanning(int addr, int len) {
        long v = 0;
        for (int i = 0; i < len; i++) {
            v |= (cells.readByte(enclaveAddress(addr + i)) & 0xFFL) << (8 * i);
        }
        return v;
    }

    private void writeSpanning(int addr, int len, long v) {
        for (int i = 0; i < len; i++) {
            cells.writeByte(enclaveAddress(addr + i), (byte) (v >>> (8 * i)));
        }
    }

    @Override
    public void write(int addr, byte[] data) {
        write(addr, data, 0, data.length);
    }

    // ------------------------------------------------------------------ atomics: one thread per instance

    /** The memory is never shared, so the atomic defaults of {@link Memory} may lock on the memory itself. */
    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        return this;
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return 0;
    }

    @Override
    public String toString() {
        return "EnclaveLinearMemory[" + pages + " of at most " + maximumPages + " Wasm pages, " + enclavePages()
                + " enclave pages" + (freed ? ", freed" : "") + "]";
    }

    // ------------------------------------------------------------------ how enclave pages are reached

    /** Loads and stores of enclave linear addresses; every one goes through the SGX access checks. */
    interface Cells {
        byte readByte(long la);

        void writeByte(long la, byte v);

        short readShort(long la);

        void writeShort(long la, short v);

        int readInt(long la);

        void writeInt(long la, int v);

        long readLong(long la);

        void writeLong(long la, long v);

        void read(long la, byte[] dst, int off, int len);

        void write(long la, byte[] src, int off, int len);
    }

    /** Through the enclave thread's own processor: a load or store is one checked access, as on hardware. */
    record ContextCells(EnclaveContext ctx) implements Cells {
        @Override
        public byte readByte(long la) {
            return ctx.readByte(la);
        }

        @Override
        public void writeByte(long la, byte v) {
            ctx.writeByte(la, v);
        }

        @Override
        public short readShort(long la) {
            return (short) ((ctx.readByte(la) & 0xFF) | (ctx.readByte(la + 1) << 8));
        }

        @Override
        public void writeShort(long la, short v) {
            ctx.writeByte(la, (byte) v);
            ctx.writeByte(la + 1, (byte) (v >>> 8));
        }

        @Override
        public int readInt(long la) {
            return ctx.readInt(la);
        }

        @Override
        public void writeInt(long la, int v) {
            ctx.writeInt(la, v);
        }

        @Override
        public long readLong(long la) {
            return ctx.readLong(la);
        }

        @Override
        public void writeLong(long la, long v) {
            ctx.writeLong(la, v);
        }

        @Override
        public void read(long la, byte[] dst, int off, int len) {
            ctx.read(la, dst, off, len);
        }

        @Override
        public void write(long la, byte[] src, int off, int len) {
            ctx.write(la, src, off, len);
        }
    }

    /** Through an {@link EnclaveMemory} (bytes and longs only): used when no enclave thread is bound. */
    record MemoryCells(EnclaveMemory memory) implements Cells {
        private long load(long la, int len) {
            byte[] b = memory.read(la, len);
            long v = 0;
            for (int i = 0; i < len; i++) {
                v |= (b[i] & 0xFFL) << (8 * i);
            }
            return v;
        }

        private void store(long la, int len, long v) {
            byte[] b = new byte[len];
            for (int i = 0; i < len; i++) {
                b[i] = (byte) (v >>> (8 * i));
            }
            memory.write(la, b, 0, len);
        }

        @Override
        public byte readByte(long la) {
            return (byte) load(la, 1);
        }

        @Override
        public void writeByte(long la, byte v) {
            store(la, 1, v);
        }

        @Override
        public short readShort(long la) {
            return (short) load(la, 2);
        }

        @Override
        public void writeShort(long la, short v) {
            store(la, 2, v);
        }

        @Override
        public int readInt(long la) {
            return (int) load(la, 4);
        }

        @Override
        public void writeInt(long la, int v) {
            store(la, 4, v);
        }

        @Override
        public long readLong(long la) {
            return memory.readLong(la);
        }

        @Override
        public void writeLong(long la, long v) {
            memory.writeLong(la, v);
        }

        @Override
        public void read(long la, byte[] dst, int off, int len) {
            memory.read(la, dst, off, len);
        }

        @Override
        public void write(long la, byte[] src, int off, int len) {
            memory.write(la, src, off, len);
        }
    }
}

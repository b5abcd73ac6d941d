package io.teemate.faas.abi;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.Table;

/**
 * What a module may ask the runtime to allocate for it, checked on a parsed module before any instance of it is
 * built: by the host at deploy ({@code ModuleCheck}, to answer with a clear error) and again by the enclave when it
 * loads the module (the host is not trusted to have checked). Chicory allocates an instance's tables, globals and
 * segments on the Java heap, eagerly and outside the function's linear-memory limit: a module of a few hundred
 * bytes can declare forty tables of ten million elements (security review finding 3) and the enclave runs out of
 * Java heap for every tenant. These limits keep one instance's runtime-side allocations small, and the table
 * memory that remains is charged to the function's memory limit ({@link Footprint#tablePages()}).
 * <p>Every committed workload (C compiled with wasi-sdk) has one table of 6 or 7 elements with a fixed maximum, one
 * global, one memory, two data segments of under 13 KB, one element segment of 5 or 6 entries and about 100
 * functions; the limits are orders of magnitude above that and far below what hurts the shared enclave.
 */
public final class ModuleLimits {
    /** The most tables a module may define (LLVM emits one; the reference-types proposal allows more). */
    public static final int MAX_TABLES = 64;
    /**
     * The most table elements, summed over the module's tables, an instance may ever hold: each table's minimum,
     * or its maximum when the module's code uses {@code table.grow} (a table without a declared maximum can then
     * grow to Chicory's own cap of ten million). 2^20 elements are 16 MiB at {@link #TABLE_BYTES_PER_ELEMENT}.
     */
    public static final long MAX_TABLE_ELEMENTS = 1L << 20;
    /**
     * What one table element costs on the Java heap, charged to the function's memory limit. Chicory 1.7 keeps two
     * parallel arrays per table, an {@code int[]} of function references (4 bytes) and an {@code Instance[]} (4 bytes
     * with compressed references, 8 without), so 12 bytes at worst; rounded up to 16 for the array headers and for
     * the copy {@code table.grow} makes while it replaces both arrays.
     */
    public static final int TABLE_BYTES_PER_ELEMENT = 16;
    /** The most globals a module may define (wasi-sdk output has one or two). */
    public static final int MAX_GLOBALS = 10_000;
    /** The most linear memories: the runtime gives an instance one (multi-memory is not supported). */
    public static final int MAX_MEMORIES = 1;
    /** The most functions a module may define (compiled ones become JVM methods in the enclave's metaspace). */
    public static final int MAX_FUNCTIONS = 100_000;
    /** The most instructions in all function bodies together (each is a Java object while the module is loaded). */
    public static final long MAX_INSTRUCTIONS = 4_000_000;
    /** The most data segments. */
    public static final int MAX_DATA_SEGMENTS = 10_000;
    /** The most bytes in all data segments together (copied into linear memory at every instantiation). */
    public static final long MAX_DATA_BYTES = 16L << 20;
    /** The most element segments. */
    public static final int MAX_ELEMENT_SEGMENTS = 10_000;
    /** The most entries in all element segments together. */
    public static final long MAX_ELEMENT_ENTRIES = MAX_TABLE_ELEMENTS;
    /** The largest module binary: parsed, it takes many times its size on the Java heap. */
    public static final int MAX_MODULE_BYTES = 32 << 20;

    private static final long WASM_PAGE_BYTES = 65_536;

    private ModuleLimits() {}

    /** A module over one of the limits; the message names the limit. */
    public static final class ExceededException extends RuntimeException {
        public ExceededException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What the runtime allocates for one instance beyond its linear memory.
     *
     * @param tableElements the most table elements an instance can hold (see {@link #MAX_TABLE_ELEMENTS})
     * @param tablePages    their cost in 64 KiB Wasm pages, charged to the function's memory limit
     */
    public record Footprint(long tableElements, int tablePages) {}

    /** Refuses a module binary larger than {@link #MAX_MODULE_BYTES} before it is parsed. */
    public static void checkSize(long bytes) {
        if (bytes > MAX_MODULE_BYTES) {
            throw new ExceededException(
                    "the module is " + bytes + " bytes, more than the limit of " + MAX_MODULE_BYTES);
        }
    }

    /** Checks a parsed module against every limit; returns what an instance of it costs beside its linear memory. */
    public static Footprint check(WasmModule module) {
        int tables = module.tableSection().tableCount();
        limit("tables", tables, MAX_TABLES);
        limit("globals", module.globalSection().globalCount(), MAX_GLOBALS);
        limit("memories", module.memorySection().map(s -> s.memoryCount()).orElse(0), MAX_MEMORIES);
        limit("functions", module.functionSection().functionCount(), MAX_FUNCTIONS);
        boolean grows = false;
        long instructions = 0;
        for (FunctionBody body : module.codeSection().functionBodies()) {
            instructions += body.instructions().size();
            for (AnnotatedInstruction in : body.instructions()) {
                grows |= in.opcode() == OpCode.TABLE_GROW;
            }
        }
        limit("instructions", instructions, MAX_INSTRUCTIONS);
        long elements = 0;
        for (int i = 0; i < tables; i++) {
            Table t = module.tableSection().getTable(i);
            elements += grows
                    ? Math.max(t.limits().min(), t.limits().max())
                    : t.limits().min();
        }
        if (elements > MAX_TABLE_ELEMENTS) {
            throw new ExceededException("the module's " + tables + " tables hold " + elements + " elements"
                    + (grows ? " (their maxima: its code uses table.grow)" : "") + ", more than the limit of "
                    + MAX_TABLE_ELEMENTS);
        }
        DataSegment[] data = module.dataSection().dataSegments();
        limit("data segments", data.length, MAX_DATA_SEGMENTS);
        long dataBytes = 0;
        for (DataSegment d : data) {
            dataBytes += d.data().length;
        }
        limit("bytes of data segments", dataBytes, MAX_DATA_BYTES);
        Element[] elems = module.elementSection().elements();
        limit("element segments", elems.length, MAX_ELEMENT_SEGMENTS);
        long entries = 0;
        for (Element e : elems) {
            entries += e.elementCount();
        }
        limit("element segment entries", entries, MAX_ELEMENT_ENTRIES);
        long tableBytes = elements * TABLE_BYTES_PER_ELEMENT;
        return new Footprint(elements, (int) ((tableBytes + WASM_PAGE_BYTES - 1) / WASM_PAGE_BYTES));
    }

    private static void limit(String what, long count, long max) {
        if (count > max) {
            throw new ExceededException("the module has " + count + " " + what + ", more than the limit of " + max);
        }
    }
}

package io.teemate.faas.host;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.teemate.faas.abi.ModuleLimits;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * What the platform checks before it deploys a module, on the host, with Chicory's parser and validator: that it is
 * a WebAssembly binary at all, that it validates, that it is a WASI preview 1 command (exports {@code _start}, imports
 * only WASI functions the runtime provides), that it stays within {@link ModuleLimits} (tables, globals, segments,
 * functions, size), and that its memory and its tables (charged at {@link ModuleLimits#TABLE_BYTES_PER_ELEMENT}
 * bytes an element) fit the function's limit. The enclave checks the limits again when it loads and instantiates
 * the module: the host is not trusted to have done this.
 */
final class ModuleCheck {
    static final String WASI_MODULE = "wasi_snapshot_preview1";
    private static final byte[] WASM_MAGIC = {0, 'a', 's', 'm'};
    private static final Set<String> WASI_FUNCTIONS = wasiFunctions();

    private ModuleCheck() {}

    /** What deploy learns of a valid module. */
    record Summary(int initialMemoryPages, int declaredMaxMemoryPages) {}

    static Summary check(String function, byte[] wasm, int maxMemoryPages) {
        if (wasm.length < 8 || !Arrays.equals(wasm, 0, 4, WASM_MAGIC, 0, 4)) {
            throw bad(
                    function,
                    "not a WebAssembly binary (it does not start with \\0asm); send WebAssembly text as text");
        }
        WasmModule module;
        try {
            ModuleLimits.checkSize(wasm.length);
        } catch (ModuleLimits.ExceededException e) {
            throw bad(function, e.getMessage());
        }
        try {
            module = Parser.parse(wasm);
        } catch (ChicoryException e) {
            throw bad(function, "not a valid WebAssembly module: " + e.getMessage());
        } catch (RuntimeException e) {
            // the parser meets bytes no valid module has: say so, with what it tripped on
            throw bad(function, "not a valid WebAssembly module: " + e);
        }
        var start = module.exportSection();
        boolean hasStart = false;
        for (int i = 0; i < start.exportCount(); i++) {
            var e = start.getExport(i);
            if (e.name().equals("_start") && e.exportType() == ExternalType.FUNCTION) {
                hasStart = true;
            }
        }
        if (!hasStart) {
            throw bad(function, "the module exports no _start function: it is not a WASI command module");
        }
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import im = module.importSection().getImport(i);
            if (im.importType() != ExternalType.FUNCTION) {
                throw bad(
                        function,
                        "the module imports " + im.importType().name().toLowerCase() + " " + im.module() + "."
                                + im.name() + ": the platform provides only " + WASI_MODULE + " functions");
            }
            if (!im.module().equals(WASI_MODULE) || !WASI_FUNCTIONS.contains(im.name())) {
                throw bad(
                        function,
                        "the module imports " + im.module() + "." + im.name()
                                + ", which the platform does not provide (only " + WASI_MODULE + " functions)");
            }
        }
        ModuleLimits.Footprint footprint;
        try {
            footprint = ModuleLimits.check(module);
        } catch (ModuleLimits.ExceededException e) {
            throw bad(function, e.getMessage());
        }
        int initial = 0;
        int max = MemoryLimits.MAX_PAGES;
        var memories = module.memorySection();
        if (memories.isPresent() && memories.get().memoryCount() > 0) {
            MemoryLimits limits = memories.get().getMemory(0).limits();
            if (limits.shared()) {
                throw bad(function, "the module's memory is shared (Wasm threads), which the platform does not run");
            }
            initial = limits.initialPages();
            max = limits.maximumPages();
        }
        if (initial > maxMemoryPages) {
            throw new FunctionException(
                    FunctionException.Kind.MEMORY_LIMIT,
                    "function " + function + ": the module's memory " + "starts at " + initial
                            + " Wasm pages (64 KiB each), more than the limit of " + maxMemoryPages + " pages");
        }
        if ((long) initial + footprint.tablePages() > maxMemoryPages) {
            throw new FunctionException(
                    FunctionException.Kind.MEMORY_LIMIT,
                    "function " + function + ": the module's "
                            + "tables (" + footprint.tableElements() + " elements, " + footprint.tablePages()
                            + " Wasm pages at "
                            + ModuleLimits.TABLE_BYTES_PER_ELEMENT + " bytes each) and its memory (" + initial
                            + " pages) "
                            + "are more than the limit of " + maxMemoryPages + " pages");
        }
        return new Summary(initial, max);
    }

    private static FunctionException bad(String function, String problem) {
        return new FunctionException(FunctionException.Kind.BAD_MODULE, "function " + function + ": " + problem);
    }

    private static Set<String> wasiFunctions() {
        Set<String> names = new HashSet<>();
        try (WasiPreview1 wasi = WasiPreview1.builder().build()) {
            for (HostFunction f : wasi.toHostFunctions()) {
                names.add(f.name());
            }
        }
        return Set.copyOf(names);
    }
}

package io.teemate.faas.enclave;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import io.teemate.faas.abi.ModuleLimits;
import io.teemate.faas.abi.WasmEngine;

import java.util.HexFormat;
import java.util.function.Function;

/**
 * A module as the enclave keeps it once loaded: parsed and validated, and for {@link WasmEngine#COMPILER} compiled
 * to JVM bytecode. Immutable and shared by every instance of the module in this enclave; an instance adds only its
 * own linear memory, globals and tables.
 *
 * @param sha256         SHA-256 of the module's bytes, checked against the container manifest when it was read
 * @param module         the parsed module
 * @param engine         how instances run
 * @param machineFactory the compiled code's machine factory, or null for the interpreter
 * @param loadNanos      how long parsing (and compiling) took, wall clock
 * @param footprint      what an instance costs beside its linear memory, checked against {@link ModuleLimits}
 * @param sizeBytes      the module binary's size
 */
public record LoadedModule(
        byte[] sha256,
        WasmModule module,
        WasmEngine engine,
        Function<Instance, Machine> machineFactory,
        long loadNanos,
        ModuleLimits.Footprint footprint,
        long sizeBytes) {
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }
}

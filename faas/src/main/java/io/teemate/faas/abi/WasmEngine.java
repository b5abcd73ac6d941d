package io.teemate.faas.abi;

import java.util.Locale;

/**
 * How the enclave's Wasm runtime executes a module (Chicory's two machines): the host chooses it per platform and
 * writes {@link #manifestName()} into a function's manifest ({@link WasmAbi#ENV_ENGINE}); the enclave parses it back.
 */
public enum WasmEngine {
    /** Chicory's interpreter: no start-up cost beyond parsing, slowest execution. */
    INTERPRETER,
    /** Chicory's compiler: the module is translated to JVM bytecode once per enclave, then runs as Java code. */
    COMPILER;

    /** The manifest's spelling: "interpreter" or "compiler". */
    public String manifestName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "interpreter" or "compiler" (any case); the error names the accepted values. */
    public static WasmEngine parse(String s) {
        for (WasmEngine e : values()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Wasm engine \"" + s + "\" is not one of: interpreter, compiler");
    }
}

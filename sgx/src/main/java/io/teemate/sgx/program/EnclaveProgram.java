package io.teemate.sgx.program;

import java.util.List;

/**
 * Java code that runs inside an enclave. The processor runs it only when EENTER lands on a {@link CodeImage}
 * of exactly this program's classes, measured into the enclave like any other code (DESIGN.md, "Rules of the
 * emulated machine"). Returning from {@link #enter} executes EEXIT.
 */
public interface EnclaveProgram {
    /** The entry point at OENTRY; {@code ctx.cssa()} is RAX on entry (0 for a normal call, above 0 for an exception). */
    void enter(EnclaveContext ctx);

    /** The classes whose bytecode is this program's code image; by default the program's own class. */
    default List<Class<?>> codeClasses() {
        return List.of(getClass());
    }
}

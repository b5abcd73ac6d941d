package io.teemate.abi.image;

import java.util.List;

/**
 * One enclave binary this build ships, by the name manifests use: the emulator's stand-in for a file on disk such
 * as Gramine's {@code libpal.so} or an SGX SDK enclave {@code .so}. Its code is the class files of
 * {@code codeClasses}; a toolchain reads them into a code image ({@link EnclaveBinaries}) and the processor decodes
 * the image at EENTER, so whoever loads an enclave handles bytes and names only, never the program's objects.
 *
 * @param name        what a manifest calls it ({@code runtime}, an entry of {@code apps}, a program's name)
 * @param kind        what it can be linked as
 * @param codeClasses its classes in image order; for a program or runtime the first is the entry point
 */
public record EnclaveBinary(String name, Kind kind, List<Class<?>> codeClasses) {
    /** What a binary is linked as. */
    public enum Kind {
        /** A whole enclave program at OENTRY that takes no apps (a quoting enclave, a demo enclave). */
        PROGRAM,
        /** A trusted runtime at OENTRY; an enclave manifest's {@code apps} are linked after it. */
        RUNTIME,
        /** A container program, linked into a runtime's image. */
        APP
    }

    public EnclaveBinary {
        if (codeClasses.isEmpty()) {
            throw new IllegalArgumentException("enclave binary " + name + " has no code");
        }
        codeClasses = List.copyOf(codeClasses);
    }

    /**
     * The binaries one module ships, found through {@link java.util.ServiceLoader} (listed in
     * {@code META-INF/services/io.teemate.abi.image.EnclaveBinary$Library}): the module's side of the toolchain.
     */
    public interface Library {
        List<EnclaveBinary> binaries();
    }
}

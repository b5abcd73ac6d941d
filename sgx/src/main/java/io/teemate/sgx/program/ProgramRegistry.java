package io.teemate.sgx.program;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Java program each code image stands for, on one machine: the emulator's stand-in for the processor
 * decoding instructions. The program is whatever the image's bytes say: its first class is the entry point, and
 * every class must be this machine's class with exactly the image's bytecode ({@link CodeImage#decode}). Nothing
 * outside the image chooses what runs, and only an EENTER that fetches the exact image from measured enclave pages
 * runs it. Decoded programs are kept by digest, so every enclave of one image on this machine runs one instance
 * (the same code; per-enclave state lives in enclave memory).
 */
public final class ProgramRegistry {
    private final ConcurrentHashMap<ByteBuffer, EnclaveProgram> byDigest = new ConcurrentHashMap<>();

    /**
     * Registers an instance made outside the enclave (benchmarks and tests that build their own programs) and
     * returns the image a loader must place at OENTRY. Images made by a toolchain need no registration: they are
     * decoded at their first EENTER.
     */
    public CodeImage register(EnclaveProgram program) {
        CodeImage image = CodeImage.of(program);
        EnclaveProgram previous = byDigest.putIfAbsent(ByteBuffer.wrap(image.digest()), program);
        if (previous != null && previous.getClass() != program.getClass()) {
            throw new IllegalStateException(
                    "code image of " + program.getClass().getName() + " collides with "
                            + previous.getClass().getName());
        }
        return image;
    }

    /** The program the code image {@code image} stands for, or null if its bytes are not exactly a program's code. */
    public EnclaveProgram lookup(byte[] image) {
        ByteBuffer digest = ByteBuffer.wrap(CodeImage.sha256(image));
        EnclaveProgram known = byDigest.get(digest);
        if (known != null) {
            return known;
        }
        EnclaveProgram decoded = decode(image);
        if (decoded == null) {
            return null;
        }
        EnclaveProgram previous = byDigest.putIfAbsent(digest, decoded);
        return previous != null ? previous : decoded;
    }

    /**
     * Makes the program an image stands for: its entry class (the first) must be an {@link EnclaveProgram} with a
     * public constructor taking the image's classes ({@link CodeImage.Contents}) or none, and the program made must
     * declare exactly the image's classes again, so no byte of the image goes unaccounted for.
     */
    private static EnclaveProgram decode(byte[] image) {
        List<Class<?>> classes = CodeImage.decode(image, ProgramRegistry.class.getClassLoader());
        if (classes == null || !EnclaveProgram.class.isAssignableFrom(classes.get(0))) {
            return null;
        }
        try {
            EnclaveProgram program = construct(classes.get(0).asSubclass(EnclaveProgram.class), classes);
            return program != null && Arrays.equals(CodeImage.of(program).digest(), CodeImage.sha256(image))
                    ? program
                    : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the bytes name a program that cannot be made or cannot say what its code is: nothing runs (#UD)
            return null;
        }
    }

    private static EnclaveProgram construct(Class<? extends EnclaveProgram> entry, List<Class<?>> classes)
            throws ReflectiveOperationException {
        try {
            Constructor<? extends EnclaveProgram> c = entry.getConstructor(CodeImage.Contents.class);
            return c.newInstance(new CodeImage.Contents(classes));
        } catch (NoSuchMethodException e) {
            return entry.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            // the image names a program its own constructor refuses (e.g. an app that is not one): no program
            return null;
        }
    }
}

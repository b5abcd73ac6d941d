package io.teemate.sgx.program;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Java program each code image stands for, on one machine: the emulator's stand-in for the processor
 * decoding instructions. Registering a program does not let it run anywhere: only an EENTER that fetches its
 * exact image from measured enclave pages runs it.
 */
public final class ProgramRegistry {
    private final ConcurrentHashMap<ByteBuffer, EnclaveProgram> byDigest = new ConcurrentHashMap<>();

    /** Registers {@code program} and returns the image a loader must place at OENTRY. */
    public CodeImage register(EnclaveProgram program) {
        CodeImage image = CodeImage.of(program);
        EnclaveProgram previous = byDigest.putIfAbsent(ByteBuffer.wrap(image.digest()), program);
        if (previous != null && previous.getClass() != program.getClass()) {
            throw new IllegalStateException("code image of " + program.getClass().getName()
                    + " collides with " + previous.getClass().getName());
        }
        return image;
    }

    /** The program whose image hashes to {@code digest}, or null. */
    public EnclaveProgram lookup(byte[] digest) {
        return byDigest.get(ByteBuffer.wrap(digest));
    }
}

package io.teemate.abi.image;

import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.EnclaveProgram;

/**
 * Turns an enclave manifest's {@code runtime} (and the {@code apps} compiled into it) into the code image that a
 * loader adds at offset 0 and MRENCLAVE measures. An unknown runtime is a {@link ManifestException} naming
 * {@code runtime}.
 */
@FunctionalInterface
public interface CodeResolver {
    CodeImage resolve(EnclaveManifest manifest);

    /** A resolver that knows one runtime: {@code runtimeName} is the code of {@code program}. */
    static CodeResolver runtime(String runtimeName, EnclaveProgram program) {
        return m -> {
            if (!m.runtime().equals(runtimeName)) {
                throw new ManifestException(
                        EnclaveImageLayout.sourceOf(m),
                        "runtime",
                        "unknown runtime \"" + m.runtime() + "\" (known: " + runtimeName + ")");
            }
            return CodeImage.of(program);
        };
    }
}

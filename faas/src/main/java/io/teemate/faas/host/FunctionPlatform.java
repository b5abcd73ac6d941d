package io.teemate.faas.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the serverless gateway drives: deploy WebAssembly and JavaScript functions, invoke them, list and delete them.
 * The implementations run each function instance as a container in an enclave ({@link EnclaveFunctionPlatform}:
 * shared, cold, warm, or conventional) or natively ({@link NativeFunctionPlatform}), as a {@link ServingModel} says;
 * the gateway only speaks HTTP. Every method is safe to call from many threads at once.
 */
public interface FunctionPlatform extends AutoCloseable {
    /**
     * Deploys (or replaces) a function; a module that is not valid Wasm/WAT is a {@link FunctionException}
     * BAD_MODULE. A JavaScript function is initialised here (OpenWhisk's /init: its code evaluated, its main
     * found), so code that cannot be is INIT_FAILED at deploy and the function is left as it was before the call.
     */
    FunctionInfo deploy(FunctionSpec spec);

    List<FunctionInfo> list();

    Optional<FunctionInfo> get(String name);

    /**
     * Invokes {@code name} with {@code body} as its standard input and {@code params} as extra environment
     * variables; reuses an idle instance (warm) or starts one (cold). A trap, timeout, memory limit or unknown
     * function is a {@link FunctionException} of that kind, and the platform keeps serving.
     */
    Invocation invoke(String name, byte[] body, Map<String, String> params);

    /** Deletes {@code name} and stops its instances; false if there was none. */
    boolean delete(String name);

    /** EPC pages in use by each enclave the platform runs (resident and evicted), by a readable enclave label. */
    Map<String, Long> epcPagesByEnclave();

    /**
     * The Wasm runtime's counters of the one enclave all instances share (its module cache among them), or empty
     * where there is no such enclave (conventional mode, or none started yet).
     */
    default Optional<RuntimeStats> sharedRuntimeStats() {
        return Optional.empty();
    }

    /**
     * The SGX part whose clock and costs price {@link Invocation#modeled()} ({@code --platform}), or empty where
     * nothing is modeled (no enclave).
     */
    default Optional<io.teemate.sgx.cost.PlatformProfile> modeledPlatform() {
        return Optional.empty();
    }

    /**
     * How functions are served: a {@link ServingModel}'s name ("native", "cold", "warm", "shared"), or
     * "conventional" for the two-mode platform's enclave per instance with idle instances reused.
     */
    String mode();

    @Override
    void close();
}

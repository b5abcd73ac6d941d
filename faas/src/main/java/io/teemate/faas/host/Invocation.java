package io.teemate.faas.host;

/**
 * One invocation's result: the function's exit status and standard output (a JavaScript function's: its result as
 * JSON, exit 1 when it is the action's {@code {"error": ...}}), its activation log (a JavaScript function's
 * {@code console} output; empty for Wasm), whether it started a new instance (cold) or reused an idle one (warm),
 * its phases in wall and modeled nanoseconds (modeled: the modeled clock of docs/cost-model.md), and the runtime that
 * ran it (how the gateway answers: a JavaScript result is JSON). For a warm invocation only {@code execution} is
 * non-zero.
 */
public record Invocation(
        String function,
        int exitCode,
        byte[] output,
        String log,
        boolean cold,
        Phases wall,
        Phases modeled,
        FunctionRuntime runtime) {
    public Invocation {
        log = log == null ? "" : log;
        runtime = runtime == null ? FunctionRuntime.WASM : runtime;
    }

    /** A WebAssembly function's invocation. */
    public Invocation(String function, int exitCode, byte[] output, boolean cold, Phases wall, Phases modeled) {
        this(function, exitCode, output, "", cold, wall, modeled, FunctionRuntime.WASM);
    }

    /** The paper's phases of a serverless cold start. */
    public record Phases(double containerCreation, double enclave, double runtimeInit, double execution) {
        public double total() {
            return containerCreation + enclave + runtimeInit + execution;
        }
    }
}

package io.teemate.faas.host;

/**
 * One invocation's result: the function's exit status and standard output, whether it started a new instance
 * (cold) or reused an idle one (warm), and its phases in wall and modeled nanoseconds (modeled = SGX leaves priced
 * by the cost model). For a warm invocation only {@code execution} is non-zero.
 */
public record Invocation(String function, int exitCode, byte[] output, boolean cold, Phases wall, Phases modeled) {
    /** The paper's phases of a serverless cold start. */
    public record Phases(double containerCreation, double enclave, double runtimeInit, double execution) {
        public double total() {
            return containerCreation + enclave + runtimeInit + execution;
        }
    }
}

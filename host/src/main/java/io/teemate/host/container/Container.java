package io.teemate.host.container;

import io.teemate.host.controller.TcsLease;
import io.teemate.host.kernel.Process;

/**
 * A started container: its process, the enclave it uses, the TCS it entered through and the session the trusted
 * runtime bound to that TCS at attach. Made by {@link ContainerManager#start}.
 */
public final class Container {
    final ContainerImage image;
    final Mode mode;
    final Process process;
    final RuntimeChannel channel;
    final PhaseTimes phases = new PhaseTimes();
    long enclaveId;
    long tcs;
    /** Shared mode: the TCS lease from the TeeMate controller's table. */
    TcsLease lease;
    /** Conventional mode: the file of the container's own enclave. */
    io.teemate.host.driver.EnclaveFile ownEnclave;

    int instance;
    byte[] sessionToken;
    boolean stopped;
    /** True once the container's entry has run (its first entry is timed as a start-up phase). */
    boolean entered;

    Container(ContainerImage image, Mode mode, Process process, RuntimeChannel channel) {
        this.image = image;
        this.mode = mode;
        this.process = process;
        this.channel = channel;
    }

    /**
     * What one entry into the container's code produced: its exit status and output, or the error that ended it
     * (with the runtime's status), and the entry's wall and modeled time. {@code error} is for logs (the status's
     * name, then the runtime's message); {@code message} is the runtime's message alone, which for E_FAULT,
     * E_TIMEOUT and E_NO_MEMORY is written for the container's user ({@code RuntimeAbi.Status}).
     */
    public record Outcome(
            int exitCode,
            byte[] stdout,
            String error,
            String message,
            long status,
            long wallNanos,
            double modeledNanos) {
        public boolean ok() {
            return error == null && exitCode == 0;
        }

        public String stdoutText() {
            return new String(stdout, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public ContainerImage image() {
        return image;
    }

    public Mode mode() {
        return mode;
    }

    public Process process() {
        return process;
    }

    public long enclaveId() {
        return enclaveId;
    }

    public long tcsAddress() {
        return tcs;
    }

    /** The trusted runtime's number for this container inside its enclave. */
    public int instance() {
        return instance;
    }

    public PhaseTimes phases() {
        return phases;
    }

    @Override
    public String toString() {
        return image.name() + "[" + mode.name().toLowerCase() + ", pid " + process.pid() + "]";
    }
}

package io.teemate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --epc-mib MiB}: the EPC size of the emulated machine a command builds. The default and the smallest size
 * are the command's ({@code new EpcOption(128, 1)}).
 */
public final class EpcOption {
    @Option(
            names = "--epc-mib",
            paramLabel = "MiB",
            description = "EPC size of the emulated machine (default: ${DEFAULT-VALUE})")
    int epcMiB;

    private final int min;

    /** For picocli; commands give their default and minimum. */
    public EpcOption() {
        this(128, 1);
    }

    /**
     * @param defaultMiB the size without the option
     * @param min        the smallest size the command accepts
     */
    public EpcOption(int defaultMiB, int min) {
        this.epcMiB = defaultMiB;
        this.min = min;
    }

    /** The size given, or a usage error (exit 2) naming the option when it is below the minimum. */
    public int mib(CommandLine.Model.CommandSpec spec) {
        String problem = problem();
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        return epcMiB;
    }

    /** The size given, or an {@link IllegalArgumentException} naming the option when it is below the minimum. */
    public int mib() {
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return epcMiB;
    }

    private String problem() {
        if (epcMiB >= min) {
            return null;
        }
        return "--epc-mib " + epcMiB + (min == 1 ? " must be positive" : " must be at least " + min);
    }
}

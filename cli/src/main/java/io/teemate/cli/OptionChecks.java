package io.teemate.cli;

import picocli.CommandLine;

/** Checks of options several commands share; a bad value is a usage error (exit 2) that names the option. */
public final class OptionChecks {
    private OptionChecks() {}

    /** {@code port} as a TCP port to listen on, 0 for any free one. */
    public static int port(CommandLine.Model.CommandSpec spec, String option, int port) {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + port + " must be 0..65535");
        }
        return port;
    }
}

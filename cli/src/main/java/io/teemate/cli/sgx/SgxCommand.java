package io.teemate.cli.sgx;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code teemate sgx}: tools that work on the emulated SGX machine directly. */
@Command(
        name = "sgx",
        mixinStandardHelpOptions = true,
        description = "Tools for the emulated SGX machine.",
        subcommands = {MeasureCommand.class})
public final class SgxCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package io.teemate.cli.kv;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code teemate kv}: the confidential Redis-compatible database. */
@Command(
        name = "kv",
        mixinStandardHelpOptions = true,
        description = "The confidential database: a Redis-compatible server whose dataset lives in an enclave.",
        subcommands = {KvServeCommand.class, KvExportCommand.class})
public final class KvCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package io.teemate.cli;

import io.teemate.cli.attest.AttestCommand;
import io.teemate.cli.demo.DemoCommand;
import io.teemate.cli.run.KeygenCommand;
import io.teemate.cli.run.RunCommand;
import io.teemate.cli.serve.ServeCommand;
import io.teemate.cli.sgx.SgxCommand;
import io.teemate.cli.sign.SignCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code teemate} command. */
@Command(
        name = "teemate",
        mixinStandardHelpOptions = true,
        version = "teemate 0.1.0",
        description = "Confidential containers that share one (emulated) SGX enclave.",
        footer = {
            "",
            "Exit status: 0 done; 1 the input could not be used (the message says why); 2 a usage error"
                    + " (an unknown option, a bad value); 70 an internal error (a bug). Some commands list their own.",
            "Environment: TEEMATE_DEBUG=1 prints the stack trace of an internal error."
        },
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            SignCommand.class,
            KeygenCommand.class,
            AttestCommand.class,
            SgxCommand.class,
            ServeCommand.class,
            io.teemate.cli.kv.KvCommand.class,
            io.teemate.cli.bench.BenchCommand.class
        })
public final class Teemate implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests that run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Teemate())
                .setExecutionStrategy(CliErrors::executeLast)
                .setExecutionExceptionHandler(CliErrors.fromEnvironment());
    }
}

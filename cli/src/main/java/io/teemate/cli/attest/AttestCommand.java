package io.teemate.cli.attest;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code teemate attest}: remote attestation of containers (quotes shaped like SGX DCAP ECDSA quotes v3). */
@Command(
        name = "attest",
        mixinStandardHelpOptions = true,
        description = "Remote attestation: check quotes of TeeMate containers.",
        subcommands = {VerifyCommand.class})
public final class AttestCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package io.teemate.cli.run;

import io.teemate.abi.image.AttachKeys;
import io.teemate.abi.image.ManifestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code teemate keygen}: gives a container image its attach key (EC P-256): the private half next to the manifest,
 * the public half into the manifest's {@code attach_key}. That changes the container's identity.
 */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Give a container image an attach key: <manifest>.key.pem beside it, its public half in attach_key.",
            "This changes the container's identity (its manifest digest)."
        },
        exitCodeOnInvalidInput = 2)
public final class KeygenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONTAINER.json")
    Path manifest;

    @Option(names = "--replace", description = "replace an existing key")
    boolean replace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (AttachKeys.provision(manifest, replace)) {
                out.println("wrote " + AttachKeys.keyFileOf(manifest) + " and attach_key in " + manifest);
            } else {
                out.println(manifest + " already has an attach key (" + AttachKeys.keyFileOf(manifest)
                        + "); --replace makes a new one");
            }
            return 0;
        } catch (ManifestException e) {
            err.println("teemate keygen: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("teemate keygen: " + manifest + ": " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }
}

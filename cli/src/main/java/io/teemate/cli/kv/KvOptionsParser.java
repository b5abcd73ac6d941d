package io.teemate.cli.kv;

import io.teemate.host.container.Mode;
import io.teemate.kv.host.KvOptions;
import picocli.CommandLine;

import java.nio.file.Path;

/** The database options shared by {@code teemate kv serve} and {@code teemate serve --kv-port}, checked. */
public final class KvOptionsParser {
    private KvOptionsParser() {
    }

    public static KvOptions parse(CommandLine.Model.CommandSpec spec, Path dir, String mode, String heap, int epcMiB, int port) {
        Mode m;
        try {
            m = Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mode: " + e.getMessage());
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + " must be 0..65535");
        }
        if (epcMiB < 8) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--epc-mib " + epcMiB + " must be at least 8");
        }
        return new KvOptions(dir, m, heap, epcMiB);
    }
}

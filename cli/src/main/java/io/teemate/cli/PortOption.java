package io.teemate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --port P}: the TCP port a server command listens on at 127.0.0.1, 0 for any free one. The default is the
 * command's ({@code new PortOption(8080)}); a port outside 0..65535 is a usage error (exit 2).
 */
public final class PortOption {
    @Option(
            names = "--port",
            paramLabel = "P",
            description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    /** For picocli; commands give their default. */
    public PortOption() {
        this(0);
    }

    public PortOption(int defaultPort) {
        this.port = defaultPort;
    }

    /** The port given, checked. */
    public int port(CommandLine.Model.CommandSpec spec) {
        return OptionChecks.port(spec, "--port", port);
    }

    /** The port as given, unchecked. */
    public int value() {
        return port;
    }
}

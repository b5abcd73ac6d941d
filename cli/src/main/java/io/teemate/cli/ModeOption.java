package io.teemate.cli;

import io.teemate.host.container.Mode;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --mode shared|conventional} (any case): whether containers share one enclave (TeeMate: the kernel aliases
 * its pages into each process and hands out its TCSs) or each builds an enclave of its own (as Gramine does). A bad
 * value is a usage error (exit 2) that lists the modes.
 */
public final class ModeOption {
    @Option(
            names = "--mode",
            defaultValue = "shared",
            paramLabel = "shared|conventional",
            converter = Converter.class,
            description = "shared: containers share one enclave (TeeMate); conventional: an enclave each"
                    + " (default: ${DEFAULT-VALUE})")
    Mode mode;

    public Mode mode() {
        return mode;
    }

    /** {@link Mode#parse}, its message as picocli's usage error. */
    static final class Converter implements CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            try {
                return Mode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

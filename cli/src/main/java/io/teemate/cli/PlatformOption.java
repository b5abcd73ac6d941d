package io.teemate.cli;

import io.teemate.sgx.cost.PlatformProfile;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --platform NAME} (any case): the real SGX part whose clock and costs price the modeled time a command prints
 * ({@link PlatformProfile}; sources in docs/cost-model.md). The default is the paper's machine. It changes only the
 * prices: the EPC size stays the command's own ({@code --epc-mib}). A bad name is a usage error (exit 2) that lists
 * the names there are.
 */
public final class PlatformOption {
    @Option(
            names = "--platform",
            paramLabel = "NAME",
            converter = Converter.class,
            completionCandidates = Names.class,
            description = "price modeled time as this SGX part would (docs/cost-model.md): one of "
                    + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); the EPC size stays the command's")
    PlatformProfile platform = PlatformProfile.DEFAULT;

    public PlatformProfile platform() {
        return platform;
    }

    /** Every profile's name, for the help text. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(PlatformProfile.values())
                    .map(PlatformProfile::id)
                    .iterator();
        }
    }

    /** {@link PlatformProfile#byId}, its message as picocli's usage error. */
    static final class Converter implements CommandLine.ITypeConverter<PlatformProfile> {
        @Override
        public PlatformProfile convert(String value) {
            try {
                return PlatformProfile.byId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

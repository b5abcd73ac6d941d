package io.teemate.cli.serve;

import io.teemate.faas.host.ServingModel;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code teemate serve --mode native|cold|warm|shared} (any case; "conventional" is another name for cold): the
 * TeeMate paper's four ways of serving functions ({@link ServingModel}). A bad value is a usage error (exit 2) that
 * lists the four.
 */
public final class ServingModelOption {
    @Option(
            names = "--mode",
            defaultValue = "shared",
            paramLabel = "native|cold|warm|shared",
            converter = Converter.class,
            description = "how functions are served: shared: every instance aliases one enclave (TeeMate); cold: a new"
                    + " container and enclave for every invocation (conventional is another name for it); warm: an"
                    + " enclave per instance, --warm-pool instances per function made at deploy; native: no enclave"
                    + " at all (default: ${DEFAULT-VALUE})")
    ServingModel model;

    public ServingModel model() {
        return model;
    }

    /** {@link ServingModel#parse}, its message as picocli's usage error. */
    static final class Converter implements CommandLine.ITypeConverter<ServingModel> {
        @Override
        public ServingModel convert(String value) {
            try {
                return ServingModel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

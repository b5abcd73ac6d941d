package io.teemate.faas.host;

import io.teemate.host.container.Mode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The four ways the TeeMate paper (arXiv 2411.11423, "Evaluation Setup") serves functions, all on OpenWhisk:
 * <ul>
 *   <li>{@link #NATIVE}: no SGX at all; the same engines run over plain memory ({@link NativeFunctionPlatform});
 *   <li>{@link #COLD} (CC-Cold): a new container and a new enclave for every request, stopped after it (Li 2021,
 *       S-FaaS, AccTEE, Clemmys);
 *   <li>{@link #WARM} (CC-Warm): containers, enclaves and function instances created in advance, a pool per
 *       function ({@link PlatformOptions#warmPool()}); a request that finds the pool empty starts one cold;
 *   <li>{@link #SHARED} (TeeMate): one enclave made once; every new instance aliases it and takes a TCS.
 * </ul>
 */
public enum ServingModel {
    NATIVE,
    COLD,
    WARM,
    SHARED;

    /** The name the CLI, the harness and {@link FunctionPlatform#mode()} use: "native", "cold", "warm", "shared". */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * How this model's instances get their enclave: their own ({@link Mode#CONVENTIONAL}: COLD, WARM) or the shared
     * one ({@link Mode#SHARED}); NATIVE has none and throws.
     */
    public Mode containerMode() {
        return switch (this) {
            case COLD, WARM -> Mode.CONVENTIONAL;
            case SHARED -> Mode.SHARED;
            case NATIVE -> throw new IllegalStateException("the native model runs functions without an enclave");
        };
    }

    /**
     * Parses a model's name, any case; "conventional" is another name for cold (an enclave per instance, as the
     * earlier two-mode platform called it). The error lists the four.
     */
    public static ServingModel parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("conventional")) {
            return COLD;
        }
        for (ServingModel m : values()) {
            if (m.apiName().equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "serving model \"" + s + "\" is not one of: " + names() + " (conventional is another name for cold)");
    }

    /**
     * A platform serving this way on an emulated machine of its own: {@link NativeFunctionPlatform} for NATIVE,
     * {@link EnclaveFunctionPlatform} for the others.
     */
    public FunctionPlatform platform(java.nio.file.Path workDir, PlatformOptions options) {
        return this == NATIVE
                ? new NativeFunctionPlatform(workDir, options)
                : EnclaveFunctionPlatform.create(this, workDir, options);
    }

    /** "native, cold, warm, shared". */
    public static String names() {
        return Arrays.stream(values()).map(ServingModel::apiName).collect(Collectors.joining(", "));
    }
}

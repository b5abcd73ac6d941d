package io.teemate.bench;

import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.faas.host.ServingModel;
import io.teemate.host.container.Mode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a serverless harness compares: one of the TeeMate paper's four serving models ({@link ServingModel}: native,
 * cold, warm, shared), or "conventional", the two-mode platform's enclave per instance with idle instances kept and
 * reused, which the harnesses' default outputs (conventional against shared) are made of. In the harnesses
 * "conventional" is that mode, not another name for cold as in {@code teemate serve}: their CSV files and plots
 * keep the meaning they had.
 *
 * @param name  the harness's name for it: the CSV's mode column, the plots' legends
 * @param mode  how its instances get their enclave (null for native: none)
 * @param model the paper's model, or null for conventional
 */
public record Serving(String name, Mode mode, ServingModel model) {
    /** The two-mode platform's conventional mode: an enclave per instance, idle instances reused. */
    public static final Serving CONVENTIONAL = new Serving("conventional", Mode.CONVENTIONAL, null);
    /** TeeMate: one shared enclave, instances alias it. */
    public static final Serving SHARED = of(ServingModel.SHARED);
    /** What the harnesses compare unless told otherwise. */
    public static final List<Serving> DEFAULT = List.of(CONVENTIONAL, SHARED);

    public static Serving of(ServingModel model) {
        return new Serving(model.apiName(), model == ServingModel.NATIVE ? null : model.containerMode(), model);
    }

    /** "conventional", or a model's name (native, cold, warm, shared), any case; the error lists all five. */
    public static Serving parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (v.equals(CONVENTIONAL.name)) {
            return CONVENTIONAL;
        }
        for (ServingModel m : ServingModel.values()) {
            if (m.apiName().equals(v)) {
                return of(m);
            }
        }
        throw new IllegalArgumentException("\"" + s + "\" is not one of: conventional, " + ServingModel.names());
    }

    /** A comma-separated list of {@link #parse} names, e.g. "native,cold,warm,shared". */
    public static List<Serving> parseList(String csv) {
        List<Serving> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            Serving v = parse(s);
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /** Whether every instance builds an enclave of its own (conventional, cold, warm): the EPC to size for. */
    public boolean enclavePerInstance() {
        return mode == Mode.CONVENTIONAL;
    }

    /** A fresh platform serving this way on an emulated machine of its own. */
    public FunctionPlatform platform(Path work, PlatformOptions options) {
        return model == null ? EnclaveFunctionPlatform.create(mode, work, options) : model.platform(work, options);
    }

    /** Short for plots' bar labels: C conventional, S shared, CC cold, CW warm, N native (the paper's names). */
    public String shortName() {
        if (model == null) {
            return "C";
        }
        return switch (model) {
            case SHARED -> "S";
            case COLD -> "CC";
            case WARM -> "CW";
            case NATIVE -> "N";
        };
    }

    @Override
    public String toString() {
        return name;
    }
}

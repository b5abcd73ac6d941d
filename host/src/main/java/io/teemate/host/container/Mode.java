package io.teemate.host.container;

/** How a container gets its enclave (DESIGN.md, "The two modes, always side by side"). */
public enum Mode {
    /** Each container creates its own enclave: every page added and measured, then EINIT (Gramine, Occlum). */
    CONVENTIONAL,
    /** TeeMate: the first container of an enclave image creates it; later ones are aliased in and take a TCS. */
    SHARED;

    /** Parses "conventional" or "shared" (any case); an error names the accepted values. */
    public static Mode parse(String s) {
        for (Mode m : values()) {
            if (m.name().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode \"" + s + "\" is not one of: conventional, shared");
    }
}

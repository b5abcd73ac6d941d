package io.teemate.faas.host;

import java.util.Locale;

/** What a function's code is: a WebAssembly module, or a JavaScript action run by QuickJS in the enclave. */
public enum FunctionRuntime {
    WASM,
    NODEJS;

    /** The REST API's and the CLI's spelling: "wasm" or "nodejs". */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "wasm" or "nodejs" (any case; "nodejs:20" and "javascript" too); the error names the accepted values. */
    public static FunctionRuntime parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("wasm") || v.equals("webassembly")) {
            return WASM;
        }
        if (v.equals("nodejs") || v.startsWith("nodejs:") || v.equals("javascript") || v.equals("js")) {
            return NODEJS;
        }
        throw new IllegalArgumentException("runtime \"" + s + "\" is not one of: wasm, nodejs");
    }
}

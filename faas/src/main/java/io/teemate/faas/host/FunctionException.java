package io.teemate.faas.host;

/** A request the platform refuses or a function that failed; the kind maps to an HTTP status in the gateway. */
public final class FunctionException extends RuntimeException {
    public enum Kind {
        /** No such function (404). */
        NOT_FOUND,
        /** Not a valid WebAssembly module or text, or a bad spec (400). */
        BAD_MODULE,
        /** The module trapped or crashed (500 from the function, not the platform). */
        TRAP,
        /** The invocation ran past its time limit (504). */
        TIMEOUT,
        /** The module asked for more memory than it may have (507 / 413). */
        MEMORY_LIMIT,
        /** The platform itself failed (500). */
        INTERNAL,
        /** A JavaScript action's code could not be initialised: a syntax error, no main, a bad archive (502). */
        INIT_FAILED
    }

    private final Kind kind;

    public FunctionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FunctionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

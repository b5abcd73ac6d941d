package io.teemate.faas.host;

/**
 * A request the gateway answers with an error: its HTTP status, a kind a client can switch on, and a message for a
 * person that names what was wrong. Sent as {@code {"error":{"kind":KIND,"message":MESSAGE}}}.
 */
final class GatewayError extends RuntimeException {
    /** The kinds the gateway adds to {@link FunctionException.Kind}'s. */
    static final String BAD_REQUEST = "BAD_REQUEST";

    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    static final String NOT_FOUND = "NOT_FOUND";

    private final int status;
    private final String kind;

    GatewayError(int status, String kind, String message) {
        super(message, null, false, false);
        this.status = status;
        this.kind = kind;
    }

    static GatewayError badRequest(String message) {
        return new GatewayError(400, BAD_REQUEST, message);
    }

    static GatewayError notFound(String message) {
        return new GatewayError(404, NOT_FOUND, message);
    }

    /** The platform's refusal as the gateway answers it. */
    static GatewayError of(FunctionException e) {
        return new GatewayError(status(e.kind()), e.kind().name(), e.getMessage());
    }

    /**
     * NOT_FOUND 404; BAD_MODULE 400 (the request carried a bad module); TRAP 500 (the function failed, the platform
     * did not: the kind says which); TIMEOUT 504 (it ran past its limit); MEMORY_LIMIT 507 (it wanted more memory than
     * it may have; 413 stays "request body too large"); INTERNAL 500.
     */
    static int status(FunctionException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case BAD_MODULE -> 400;
            case TRAP, INTERNAL -> 500;
            case INIT_FAILED -> 502;
            case TIMEOUT -> 504;
            case MEMORY_LIMIT -> 507;
        };
    }

    int status() {
        return status;
    }

    String kind() {
        return kind;
    }
}

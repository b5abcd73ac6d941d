package io.teemate.faas.host;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An internal failure's detail (Java exception text from the enclave runtime or the platform: class names, paths,
 * states) is for the operator, not the caller: it is written to the server's stderr under a random error id, and
 * the caller gets only a generic message with that id, which lets the operator find the detail. There is no logging
 * framework yet; stderr is where {@code teemate serve} leaves it.
 */
final class ErrorReport {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReport() {}

    /** Writes {@code detail} (and {@code cause}'s stack, if any) to stderr under a new id; returns the id. */
    static String log(String detail, Throwable cause) {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        PrintStream err = System.err;
        synchronized (err) {
            err.println("teemate faas: error " + id + ": " + detail);
            if (cause != null) {
                cause.printStackTrace(err);
            }
        }
        return id;
    }

    /** "WHAT (error id ID)", the detail logged under ID. */
    static String generic(String what, String detail, Throwable cause) {
        return what + " (error id " + log(detail, cause) + ")";
    }
}

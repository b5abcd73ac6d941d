package io.teemate.sgx.loader;

/** An enclave layout that breaks a rule; the message names the page and the rule. */
public final class LayoutException extends RuntimeException {
    public LayoutException(String message) {
        super(message);
    }
}

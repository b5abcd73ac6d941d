package io.teemate.abi.attest;

/**
 * A quote (or a piece of one) that is not shaped like an SGX ECDSA quote v3: too short, a length field that
 * points past the end, an unsupported version or key type, trailing bytes. The message names the field and
 * its byte offset in the quote, so a user can find the bad byte with a hex dump.
 */
public final class QuoteFormatException extends IllegalArgumentException {
    private final String field;
    private final int offset;

    public QuoteFormatException(String field, int offset, String problem) {
        super(field + " at offset " + offset + ": " + problem);
        this.field = field;
        this.offset = offset;
    }

    /** The field that was wrong, named as in sgx_quote_3.h (e.g. {@code signature_data_len}). */
    public String field() {
        return field;
    }

    /** Byte offset of that field from the start of the quote. */
    public int offset() {
        return offset;
    }
}

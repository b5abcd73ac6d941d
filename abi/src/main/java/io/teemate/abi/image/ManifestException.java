package io.teemate.abi.image;

/**
 * A manifest that breaks a rule. The message is what a user reads: the manifest's file name, the JSON path of
 * the field at fault ({@code trusted_files[1].sha256}) and what is wrong with it, e.g.
 * {@code enclave.json: heap_size: "12Q" is not a size (use bytes or K/M/G)}.
 */
public final class ManifestException extends RuntimeException {
    private final String source;
    private final String field;
    private final String problem;

    /**
     * @param source the manifest's name as the user knows it (usually its file name)
     * @param field  the JSON path of the field at fault, or "" when the problem is the whole document
     * @param problem what is wrong, in words
     */
    public ManifestException(String source, String field, String problem) {
        super(source + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    /** The same problem, reported against another source (e.g. the file a manifest was read from). */
    public ManifestException withSource(String otherSource) {
        return new ManifestException(otherSource, field, problem);
    }

    /** The manifest the error is in. */
    public String source() {
        return source;
    }

    /** The JSON path of the field at fault ("" for the whole document). */
    public String field() {
        return field;
    }

    /** What is wrong, without the source and field. */
    public String problem() {
        return problem;
    }
}

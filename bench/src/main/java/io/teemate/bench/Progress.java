package io.teemate.bench;

/** Where a harness says what it is doing while it runs (one line a step): stdout for {@code main}, the CLI's writer for {@code teemate bench}. */
@FunctionalInterface
public interface Progress {
    /** Progress lines to standard output, as the harnesses' {@code main} always printed them. */
    Progress STDOUT = System.out::println;

    void step(String line);

    /** A formatted line (Locale.ROOT, so numbers read the same everywhere). */
    default void step(String format, Object... args) {
        step(String.format(java.util.Locale.ROOT, format, args));
    }

    /** The same lines with {@code prefix} in front (e.g. the experiment's name). */
    default Progress prefixed(String prefix) {
        return line -> step(prefix + line);
    }
}

package io.teemate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The harnesses' scratch directories (images, keys, snapshots, work dirs), removed when a measurement ends. */
public final class TempDirs {
    private TempDirs() {}

    /** Deletes {@code dir} and everything under it, best effort (a temporary directory). */
    public static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temporary directory
        }
    }
}

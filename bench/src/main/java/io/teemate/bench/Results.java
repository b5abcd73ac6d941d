package io.teemate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the harnesses put their numbers: one call writes a results file and says where it went. */
final class Results {
    private Results() {}

    static Path write(Path file, CharSequence text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
        System.out.println("wrote " + file);
        return file;
    }
}

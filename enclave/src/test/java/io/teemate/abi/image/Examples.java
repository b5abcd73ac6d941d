package io.teemate.abi.image;

import io.teemate.enclave.hello.HelloEnclave;
import io.teemate.sgx.program.CodeImage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The example images under examples/images, and copies of them tests can change. */
final class Examples {
    static final Path HELLO = Path.of("..", "examples", "images", "hello");
    static final Path ENCLAVE = HELLO.resolve("enclave.json");
    static final Path CONTAINER = HELLO.resolve("container.json");
    /** For the format tests any program will do as the "teemate" runtime's code: the hello enclave's is small. */
    static final CodeResolver RESOLVER = CodeResolver.runtime("teemate", new HelloEnclave());

    static final CodeImage CODE = CodeImage.of(new HelloEnclave());

    private Examples() {}

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the whole hello example into {@code dir}. */
    static void copyHello(Path dir) {
        try (Stream<Path> files = Files.walk(HELLO)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(HELLO.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.teemate.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container harness copies the example image and gives it a fresh private attach key in a temporary directory
 * (UX review: teemate-bench-image* was left behind, key and all). Run in a JVM of its own whose java.io.tmpdir is
 * a directory of the test's, so the check does not see other runs' directories.
 */
class ScratchDirectoriesTest {
    @Test
    void theContainerHarnessRemovesItsImageCopyAndKey(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path cwd = Files.createDirectory(dir.resolve("cwd"));
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        Files.createSymbolicLink(cwd.resolve("examples"), examples);
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=" + tmp,
                        "-Djava.awt.headless=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ContainerStartup.class.getName(),
                        "--heap",
                        "4M",
                        "1")
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        try (Stream<Path> left = Files.list(tmp)) {
            List<String> names = left.map(f -> f.getFileName().toString()).toList();
            assertThat(names).as("left in java.io.tmpdir").noneMatch(n -> n.startsWith("teemate-bench-image"));
        }
    }
}

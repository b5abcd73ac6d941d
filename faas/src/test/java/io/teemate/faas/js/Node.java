package io.teemate.faas.js;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real node, for what a JavaScript action is expected to answer (the tests compare the enclave to it). */
final class Node {
    private Node() {}

    /** Runs {@code script} with node in {@code cwd} and returns its standard output, trimmed. */
    static String run(Path cwd, String script) {
        try {
            Process p = new ProcessBuilder("node", "-e", script)
                    .directory(cwd.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError("node -e failed: " + out);
            }
            return out.trim();
        } catch (IOException e) {
            throw new AssertionError("running node: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

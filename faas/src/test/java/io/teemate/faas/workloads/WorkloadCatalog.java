package io.teemate.faas.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The serverless workloads under {@code faas/workloads/}: each committed {@code wasm/<name>.wasm} with the sample
 * requests and exact expected responses of {@code expected/<name>.json} (see {@code faas/workloads/README.md}).
 * Platform tests use it to run every workload end to end and check what comes back.
 */
public final class WorkloadCatalog {

    /**
     * One sample request and the response the function must give. {@code memoryPages} is the size (64 KiB Wasm
     * pages) the function's linear memory had grown to when it finished: the least a platform must allow it.
     */
    public record Case(
            String function,
            String name,
            List<String> args,
            Map<String, String> env,
            String stdin,
            int exitCode,
            String stdout,
            Pattern stdoutPattern,
            String stderr,
            int memoryPages) {
        /** Whether {@code actual} is the expected stdout: equal to it, or matching the pattern as a whole. */
        public boolean stdoutMatches(String actual) {
            return stdoutPattern != null ? stdoutPattern.matcher(actual).matches() : stdout.equals(actual);
        }

        /** What the expectation is, for assertion messages. */
        public String stdoutDescription() {
            return stdoutPattern != null ? "matching /" + stdoutPattern.pattern() + "/" : stdout;
        }

        @Override
        public String toString() {
            return function + " / " + name;
        }
    }

    /** A function: its module file, that file's SHA-256 when the expectations were recorded, and its cases. */
    public record Workload(String name, Path wasm, String sha256, List<Case> cases) {
        public byte[] wasmBytes() {
            try {
                return Files.readAllBytes(wasm);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The case named "default": the function at its default work size. */
        public Case defaultCase() {
            return cases.stream()
                    .filter(c -> c.name().equals("default"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " has no case named default"));
        }
    }

    private WorkloadCatalog() {}

    /** {@code faas/workloads}, found from the working directory (the module's, or the repository root). */
    public static Path root() {
        for (Path candidate : List.of(Path.of("workloads"), Path.of("faas", "workloads"))) {
            if (Files.isDirectory(candidate.resolve("expected"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "cannot find faas/workloads/expected from " + Path.of("").toAbsolutePath());
    }

    /** Every workload with an expected-output file, in file-name order. */
    public static List<Workload> all() {
        Path root = root();
        try (Stream<Path> files = Files.list(root.resolve("expected"))) {
            List<Workload> out = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(read(root, file));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One workload by function name, e.g. {@code "auth"}. */
    public static Workload named(String name) {
        return all().stream()
                .filter(w -> w.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workload named " + name));
    }

    private static Workload read(Path root, Path file) throws IOException {
        JsonNode doc = new ObjectMapper().readTree(file.toFile());
        String name = doc.path("function").asText();
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : doc.path("cases")) {
            List<String> args = new ArrayList<>();
            c.path("args").forEach(a -> args.add(a.asText()));
            Map<String, String> env = new LinkedHashMap<>();
            c.path("env")
                    .properties()
                    .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            Pattern pattern = c.has("stdout_regex")
                    ? Pattern.compile(c.get("stdout_regex").asText())
                    : null;
            String stdout = c.has("stdout") ? c.get("stdout").asText() : null;
            if ((pattern == null) == (stdout == null)) {
                throw new IllegalStateException(
                        file + ": case " + c.path("name").asText() + " needs exactly one of stdout and stdout_regex");
            }
            cases.add(new Case(
                    name,
                    c.path("name").asText(),
                    List.copyOf(args),
                    Map.copyOf(env),
                    c.path("stdin").asText(),
                    c.path("exit_code").asInt(),
                    stdout,
                    pattern,
                    c.path("stderr").asText(),
                    c.path("memory_pages").asInt()));
        }
        return new Workload(
                name,
                root.resolve(doc.path("wasm").asText()),
                doc.path("sha256").asText(),
                List.copyOf(cases));
    }
}

package io.teemate.faas.workloads;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the committed workload binaries: runs every case of every {@code faas/workloads/expected/*.json} on plain
 * Chicory (no enclave) and requires the recorded exit code, stdout and stderr, so a rebuilt or damaged .wasm that
 * answers differently fails here.
 */
class WorkloadExpectedOutputsTest {

    /** What one run of a WASI command gave back. */
    record Outcome(int exitCode, String stdout, String stderr, int memoryPages) {}

    static Outcome run(WasmModule module, WorkloadCatalog.Case c) {
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>();
        argv.add(c.function());
        argv.addAll(c.args());
        var options = WasiOptions.builder()
                .withStdin(new ByteArrayInputStream(c.stdin().getBytes(StandardCharsets.UTF_8)), false)
                .withStdout(stdout, false)
                .withStderr(stderr, false)
                .withArguments(argv);
        c.env().forEach(options::withEnvironment);
        int exitCode = 0;
        Instance instance;
        try (var wasi = WasiPreview1.builder().withOptions(options.build()).build()) {
            instance = Instance.builder(module)
                    .withImportValues(ImportValues.builder()
                            .addFunction(wasi.toHostFunctions())
                            .build())
                    .withStart(false)
                    .build();
            try {
                instance.export("_start").apply();
            } catch (WasiExitException e) {
                // wasi-libc's _start calls proc_exit only for a non-zero status from main (WASI preview 1 proc_exit).
                exitCode = e.exitCode();
            }
        }
        return new Outcome(
                exitCode,
                stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8),
                instance.memory().pages());
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsRecordedOutput() {
        return WorkloadCatalog.all().stream().flatMap(w -> {
            WasmModule module = Parser.parse(w.wasmBytes());
            return w.cases().stream()
                    .map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
                        Outcome got = run(module, c);
                        assertThat(got.exitCode())
                                .as("%s exit code (stderr: %s)", c, got.stderr())
                                .isEqualTo(c.exitCode());
                        assertThat(c.stdoutMatches(got.stdout()))
                                .as("%s stdout%n  got:      %s%n  expected: %s", c, got.stdout(), c.stdoutDescription())
                                .isTrue();
                        assertThat(got.stderr()).as("%s stderr", c).isEqualTo(c.stderr());
                        assertThat(got.memoryPages())
                                .as("%s linear memory pages at exit", c)
                                .isEqualTo(c.memoryPages());
                    }));
        });
    }

    @Test
    void committedBinariesAreTheOnesTheExpectationsWereRecordedFrom() throws IOException, NoSuchAlgorithmException {
        for (var w : WorkloadCatalog.all()) {
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(w.wasmBytes()));
            assertThat(sha)
                    .as("SHA-256 of %s (rerun tools/make_expected.mjs after build.sh)", w.wasm())
                    .isEqualTo(w.sha256());
        }
    }

    @Test
    void everyBinaryHasExpectationsAndADefaultCase() throws IOException {
        Path wasmDir = WorkloadCatalog.root().resolve("wasm");
        List<String> binaries;
        try (var files = Files.list(wasmDir)) {
            binaries = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".wasm"))
                    .map(n -> n.substring(0, n.length() - ".wasm".length()))
                    .sorted()
                    .toList();
        }
        var workloads = WorkloadCatalog.all();
        assertThat(workloads.stream().map(WorkloadCatalog.Workload::name).toList())
                .containsExactlyElementsOf(binaries)
                .contains("auth", "dynamic_html", "sleep", "crypto", "binary_trees", "partial_sums", "string_validate");
        for (var w : workloads) {
            assertThat(w.defaultCase().exitCode())
                    .as("%s default case exit code", w.name())
                    .isZero();
        }
    }
}

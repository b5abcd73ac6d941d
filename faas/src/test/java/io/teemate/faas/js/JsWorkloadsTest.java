package io.teemate.faas.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper's JavaScript workloads (faas/workloads/js: bundles and the results node recorded for them) give node's
 * results in the shared enclave, case by case. The bundle run is the one the expectation was recorded from (its
 * SHA-256).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsWorkloadsTest {
    static final Path WORKLOADS = Path.of("workloads/js");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Needs the platform's fetch and key-value store: JsUploaderTest runs it with both. */
    static final String UPLOADER = "uploader";

    private EnclaveFunctionPlatform p;

    @BeforeAll
    void platform(@TempDir Path dir) {
        p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, JsPlatforms.options());
    }

    @AfterAll
    void close() {
        p.close();
    }

    static List<Path> expectations() throws IOException {
        try (Stream<Path> files = Files.list(WORKLOADS.resolve("expected"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> everyWorkloadGivesNodesResult() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : expectations()) {
            JsonNode e = JSON.readTree(f.toFile());
            String name = f.getFileName().toString().replace(".json", "");
            if (name.equals(UPLOADER)) {
                continue;
            }
            byte[] code = Files.readAllBytes(WORKLOADS.resolve(e.get("action").asText()));
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertThat(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(code)))
                        .as("the bundle node's results were recorded from")
                        .isEqualTo(e.get("sha256").asText());
                p.deploy(FunctionSpec.nodejs(name, code, null, Map.of(), 256, 120_000));
                for (JsonNode c : e.get("cases")) {
                    Invocation i = p.invoke(name, JSON.writeValueAsBytes(c.get("params")), Map.of());
                    assertThat(i.exitCode())
                            .as("%s %s: exit; log %s", name, c.get("name"), i.log())
                            .isZero();
                    assertThat(JSON.readTree(i.output()))
                            .as("%s, case %s", name, c.get("name").asText())
                            .isEqualTo(c.get("result"));
                }
            }));
        }
        return tests;
    }
}

package io.teemate.faas.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.Gateway;
import io.teemate.faas.host.GatewayConfig;
import io.teemate.faas.host.ServingModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper's JavaScript workloads (faas/workloads/js: the bundles and the results node recorded for them) deployed
 * and invoked through the HTTP API on a real socket in each of the paper's four serving models: every answer is
 * node's. The bundle run is the one the expectation was recorded from (its SHA-256). Shared and native run every
 * recorded case; cold and warm, whose instances cost an enclave build each, run each workload's first case.
 */
class JsWorkloadsThroughTheGatewayTest {
    static final Path WORKLOADS = Path.of("workloads/js");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Needs the platform's fetch and key-value store, which its own tests give it. */
    static final String UPLOADER = "uploader";

    @TempDir
    Path dir;

    static List<Path> expectations() throws IOException {
        try (Stream<Path> files = Files.list(WORKLOADS.resolve("expected"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(ServingModel.class)
    void everyWorkloadGivesNodesResult(ServingModel model) throws Exception {
        boolean allCases = model == ServingModel.SHARED || model == ServingModel.NATIVE;
        try (FunctionPlatform platform =
                        model.platform(dir, JsPlatforms.options().withWarmPool(1));
                Gateway gateway =
                        Gateway.start(platform, GatewayConfig.defaults().withPort(0))) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = gateway.uri();
            for (Path f : expectations()) {
                String name = f.getFileName().toString().replace(".json", "");
                if (name.equals(UPLOADER)) {
                    continue;
                }
                JsonNode e = JSON.readTree(f.toFile());
                byte[] code =
                        Files.readAllBytes(WORKLOADS.resolve(e.get("action").asText()));
                assertThat(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(code)))
                        .as("%s: the bundle node's results were recorded from", name)
                        .isEqualTo(e.get("sha256").asText());
                String spec = JSON.writeValueAsString(Map.of(
                        "runtime",
                        "nodejs",
                        "code",
                        new String(code, java.nio.charset.StandardCharsets.UTF_8),
                        "max_memory_pages",
                        256,
                        "timeout_ms",
                        120_000));
                HttpResponse<String> deployed = http.send(
                        HttpRequest.newBuilder(base.resolve("/v1/functions/" + name))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(spec))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(deployed.statusCode())
                        .as("%s: %s", name, deployed.body())
                        .isIn(200, 201);
                for (JsonNode c : e.get("cases")) {
                    HttpResponse<String> out = http.send(
                            HttpRequest.newBuilder(base.resolve("/v1/functions/" + name + "/invoke"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(c.get("params"))))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(out.statusCode())
                            .as("%s %s: %s", name, c.get("name"), out.body())
                            .isEqualTo(200);
                    assertThat(JSON.readTree(out.body()))
                            .as("%s (%s), case %s", name, model, c.get("name").asText())
                            .isEqualTo(c.get("result"));
                    if (!allCases) {
                        break;
                    }
                }
                http.send(
                        HttpRequest.newBuilder(base.resolve("/v1/functions/" + name))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }
}

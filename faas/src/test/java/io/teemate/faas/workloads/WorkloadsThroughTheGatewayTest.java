package io.teemate.faas.workloads;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.Gateway;
import io.teemate.faas.host.GatewayConfig;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.host.container.Mode;
import io.teemate.sgx.sign.SigningKey;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every committed workload deployed and invoked through the HTTP API on a real socket, in an enclave, in both
 * modes: the response is the output recorded in faas/workloads/expected.
 */
class WorkloadsThroughTheGatewayTest {
    private static final SigningKey OWNER = SigningKey.generate();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyWorkloadAnswersAsRecorded(Mode mode) throws Exception {
        PlatformOptions options = PlatformOptions.defaults()
                .withHeap("4M", false)
                .withOwner(OWNER)
                .withMachine(256, 2);
        try (EnclaveFunctionPlatform platform = EnclaveFunctionPlatform.create(mode, dir, options);
                Gateway gateway =
                        Gateway.start(platform, GatewayConfig.defaults().withPort(0))) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = gateway.uri();
            for (WorkloadCatalog.Workload w : WorkloadCatalog.all()) {
                WorkloadCatalog.Case c = w.defaultCase();
                String spec = JSON.writeValueAsString(Map.of(
                        "module_base64",
                        Base64.getEncoder().encodeToString(w.wasmBytes()),
                        "env",
                        c.env(),
                        "args",
                        c.args()));
                HttpResponse<String> deployed = http.send(
                        HttpRequest.newBuilder(base.resolve("/v1/functions/" + w.name()))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(spec))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(deployed.statusCode())
                        .as(w.name() + ": " + deployed.body())
                        .isIn(200, 201);
                HttpResponse<String> out = http.send(
                        HttpRequest.newBuilder(base.resolve("/v1/functions/" + w.name() + "/invoke"))
                                .POST(HttpRequest.BodyPublishers.ofString(c.stdin()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(out.statusCode()).as(w.name() + ": " + out.body()).isEqualTo(200);
                assertThat(out.headers().firstValue("X-Teemate-Exit-Code"))
                        .as(w.name())
                        .contains(Integer.toString(c.exitCode()));
                assertThat(c.stdoutMatches(out.body()))
                        .as(w.name() + " printed\n" + out.body() + "\nexpected " + c.stdoutDescription())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void manyClientsAtOnceEachGetTheirOwnAnswer(Mode mode) throws Exception {
        PlatformOptions options = PlatformOptions.defaults()
                .withHeap("4M", false)
                .withOwner(OWNER)
                .withMachine(256, 2)
                .withThreads(8);
        WorkloadCatalog.Workload echo = WorkloadCatalog.named("echo");
        try (EnclaveFunctionPlatform platform = EnclaveFunctionPlatform.create(mode, dir, options);
                Gateway gateway =
                        Gateway.start(platform, GatewayConfig.defaults().withPort(0))) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = gateway.uri();
            http.send(
                    HttpRequest.newBuilder(base.resolve("/v1/functions/echo"))
                            .header("Content-Type", "application/wasm")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(echo.wasmBytes()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
            try {
                var answers = new java.util.ArrayList<java.util.concurrent.Future<String[]>>();
                for (int i = 0; i < 48; i++) {
                    String body = "client " + i + " says " + "x".repeat(i);
                    answers.add(pool.submit(() -> new String[] {
                        body,
                        http.send(
                                        HttpRequest.newBuilder(base.resolve("/v1/functions/echo/invoke"))
                                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body()
                    }));
                }
                for (var a : answers) {
                    String[] sentAndGot = a.get(120, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(sentAndGot[1]).isEqualTo(sentAndGot[0]);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

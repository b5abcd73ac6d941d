package io.teemate.faas.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security review finding 8: an invocation's parameters must not replace the environment the function was deployed
 * with (its secrets). The auth workload checks an HMAC with the deployed AUTH_KEY; a caller who MACs a token with a
 * key of its own choosing and passes that key as a parameter must still be refused. Parameters may only add names
 * the deployment does not define.
 */
class DeployedEnvironmentWinsTest {
    private static final String SECRET = "the-real-secret";
    private static final String PAYLOAD = "user=mallory;role=admin";

    @TempDir
    Path dir;

    private static FunctionSpec auth() throws Exception {
        return new FunctionSpec(
                "auth",
                Files.readAllBytes(Path.of("workloads/wasm/auth.wasm")),
                false,
                List.of(),
                Map.of("AUTH_KEY", SECRET),
                16,
                5_000);
    }

    private static String token(String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return PAYLOAD + "." + HexFormat.of().formatHex(mac.doFinal(PAYLOAD.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Invocation i) {
        return new String(i.output(), StandardCharsets.UTF_8);
    }

    @Test
    void aParameterCannotReplaceTheDeployedSecretButMayAddNewNames() throws Exception {
        try (EnclaveFunctionPlatform p =
                EnclaveFunctionPlatform.create(Mode.SHARED, dir, EnclaveFunctionPlatformTest.small())) {
            p.deploy(auth());
            byte[] forged = token("evil").getBytes(StandardCharsets.UTF_8);
            assertThat(text(p.invoke("auth", forged, Map.of()))).contains("\"valid\":false");
            assertThat(text(p.invoke("auth", forged, Map.of("AUTH_KEY", "evil"))))
                    .as("the deployed AUTH_KEY wins over the parameter")
                    .contains("\"valid\":false");
            assertThat(text(p.invoke(
                            "auth", token(SECRET).getBytes(StandardCharsets.UTF_8), Map.of("AUTH_KEY", "evil"))))
                    .as("and is the key the function checks with")
                    .contains("\"valid\":true");

            p.deploy(
                    new FunctionSpec("env", Wat.bytes(Wat.ENVIRON), true, List.of(), Map.of("KEPT", "deployed"), 0, 0));
            String env = text(p.invoke("env", new byte[0], Map.of("KEPT", "param", "EXTRA", "added")));
            assertThat(env).contains("KEPT=deployed").contains("EXTRA=added").doesNotContain("KEPT=param");
        }
    }

    @Test
    void aQueryParameterCannotReplaceTheDeployedSecretThroughTheGateway() throws Exception {
        try (EnclaveFunctionPlatform p =
                        EnclaveFunctionPlatform.create(Mode.SHARED, dir, EnclaveFunctionPlatformTest.small());
                Gateway gateway =
                        Gateway.start(p, GatewayConfig.defaults().withPort(0).withThreads(2))) {
            p.deploy(auth());
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI invoke = gateway.uri().resolve("/v1/functions/auth/invoke?AUTH_KEY=evil");
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(invoke)
                            .POST(HttpRequest.BodyPublishers.ofString(token("evil")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"valid\":false").doesNotContain("\"valid\":true");
        }
    }
}

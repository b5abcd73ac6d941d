package io.teemate.faas.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over a real socket on 127.0.0.1, against the scripted platform. */
class GatewayRestTest {
    private ScriptedFunctionPlatform platform;
    private Gateway gateway;
    private GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        platform = new ScriptedFunctionPlatform("shared");
        gateway = Gateway.start(
                platform, GatewayConfig.defaults().withPort(0).withThreads(4).withMaxBodyBytes(4096));
        client = new GatewayClient(gateway.uri());
    }

    @AfterEach
    void stop() {
        gateway.close();
        platform.close();
    }

    @Test
    void bindsLoopbackOnTheChosenPort() {
        assertThat(gateway.port()).isPositive();
        assertThat(gateway.uri().toString()).isEqualTo("http://127.0.0.1:" + gateway.port());
    }

    @Test
    void healthzReportsModeAndFunctions() {
        client.deployWat("a", "echo");
        GatewayClient.Reply r = client.get("/healthz");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("ok");
        assertThat(r.json().path("mode").asText()).isEqualTo("shared");
        assertThat(r.json().path("functions").asInt()).isEqualTo(1);
    }

    @Test
    void deployFromJsonWatCreatesThenReplaces() {
        GatewayClient.Reply created = client.putJson("/v1/functions/hello", """
                {"wat": "%s", "args": ["a", "b"], "env": {"GREETING": "hi"}, "max_memory_pages": 16, "timeout_ms": 1500}
                """.formatted(
                        ScriptedFunctionPlatform.wat("args").replace("\"", "\\\"")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/functions/hello");
        JsonNode info = created.json();
        assertThat(info.path("name").asText()).isEqualTo("hello");
        assertThat(info.path("max_memory_pages").asInt()).isEqualTo(16);
        assertThat(info.path("timeout_ms").asLong()).isEqualTo(1500);
        assertThat(info.path("module_bytes").asLong())
                .isEqualTo(ScriptedFunctionPlatform.wat("args").length());
        assertThat(info.path("identity").asText()).hasSize(64);
        assertThat(info.path("invocations").asLong()).isZero();

        GatewayClient.Reply invoked = client.invoke("hello", "");
        assertThat(invoked.text()).isEqualTo("a\nb");

        GatewayClient.Reply replaced = client.deployWat("hello", "echo");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("timeout_ms").asLong())
                .isEqualTo(GatewayConfig.defaults().defaultTimeoutMillis());
        assertThat(replaced.json().path("max_memory_pages").asInt())
                .isEqualTo(GatewayConfig.defaults().defaultMaxMemoryPages());
        assertThat(client.invoke("hello", "now echo").text()).isEqualTo("now echo");
    }

    @Test
    void deployFromJsonBase64Wasm() {
        String b64 = Base64.getEncoder().encodeToString(ScriptedFunctionPlatform.wasm("upper"));
        GatewayClient.Reply r = client.putJson("/v1/functions/up", "{\"module_base64\": \"" + b64 + "\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(client.invoke("up", "shout").text()).isEqualTo("SHOUT");
    }

    @Test
    void deployRawWasmWithManifestInQuery() {
        GatewayClient.Reply r = client.put(
                "/v1/functions/env?timeout_ms=250&max_memory_pages=3&env=A%3D1&env=B=two%20words&arg=x",
                "application/wasm", ScriptedFunctionPlatform.wasm("env"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("timeout_ms").asLong()).isEqualTo(250);
        assertThat(r.json().path("max_memory_pages").asInt()).isEqualTo(3);
        assertThat(client.invoke("env", "").text()).isEqualTo("A=1\nB=two words\n");
    }

    @Test
    void deployRawBodiesAreSniffedWhatEverTheirContentType() {
        // curl --data-binary sends application/x-www-form-urlencoded unless told otherwise.
        assertThat(client.put(
                                "/v1/functions/bin",
                                "application/x-www-form-urlencoded",
                                ScriptedFunctionPlatform.wasm("echo"))
                        .status())
                .isEqualTo(201);
        assertThat(client.put(
                                "/v1/functions/txt",
                                "application/octet-stream",
                                ("\n  " + ScriptedFunctionPlatform.wat("upper")).getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(201);
        assertThat(client.put(
                                "/v1/functions/plain",
                                "text/plain",
                                ScriptedFunctionPlatform.wat("echo").getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(201);
        assertThat(client.put(
                                "/v1/functions/js",
                                null,
                                ("{\"wat\": \""
                                                + ScriptedFunctionPlatform.wat("echo")
                                                        .replace("\"", "\\\"") + "\"}")
                                        .getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(201);
        assertThat(client.invoke("txt", "abc").text()).isEqualTo("ABC");
        assertThat(client.invoke("bin", "abc").text()).isEqualTo("abc");
    }

    @Test
    void bodyThatIsNoModuleIs400BadModule() {
        GatewayClient.Reply r = client.put(
                "/v1/functions/junk", "application/octet-stream", "hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.kind()).isEqualTo("BAD_MODULE");
        assertThat(r.message()).contains("not a WebAssembly module").contains("magic bytes 00 61 73 6D");
        assertThat(client.get("/v1/functions/junk").status()).isEqualTo(404);
    }

    @Test
    void moduleThePlatformRefusesIs400WithItsMessage() {
        GatewayClient.Reply r =
                client.put("/v1/functions/bad", "application/wasm", "not wasm".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.kind()).isEqualTo("BAD_MODULE");
        assertThat(r.message()).contains("not a WebAssembly binary");

        GatewayClient.Reply wat = client.putJson("/v1/functions/bad", "{\"wat\": \"(func)\"}");
        assertThat(wat.status()).isEqualTo(400);
        assertThat(wat.message()).contains("must start with '(module'");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"wat\": |request body is not valid JSON",
                "[1, 2]|must be an object",
                "{}|missing field",
                "{\"wat\": \"(module)\", \"module_base64\": \"AA==\"}|not both",
                "{\"wat\": 7}|field 'wat' must be a non-empty string",
                "{\"module_base64\": \"@@@\"}|field 'module_base64' is not valid base64",
                "{\"wat\": \"(module)\", \"timeout_ms\": \"abc\"}|field 'timeout_ms' must be an integer",
                "{\"wat\": \"(module)\", \"timeout_ms\": 0}|field 'timeout_ms' must be 1..300000",
                "{\"wat\": \"(module)\", \"timeout_ms\": 1.5}|field 'timeout_ms' must be an integer",
                "{\"wat\": \"(module)\", \"max_memory_pages\": 65537}|field 'max_memory_pages' must be 1..65536",
                "{\"wat\": \"(module)\", \"args\": \"a\"}|field 'args' must be an array of strings",
                "{\"wat\": \"(module)\", \"args\": [\"a\", 2]}|field 'args[1]' must be a string",
                "{\"wat\": \"(module)\", \"env\": [\"A=1\"]}|field 'env' must be an object",
                "{\"wat\": \"(module)\", \"env\": {\"A\": 1}}|field 'env.A' must be a string",
                "{\"wat\": \"(module)\", \"env\": {\"A=B\": \"1\"}}|bad variable name 'A=B'",
                "{\"wat\": \"(module)\", \"timeout\": 5}|unknown field 'timeout'",
                "{\"wat\": \"(module)\", \"wat\": \"(module)\"}|Duplicate field 'wat'",
                "{\"wat\": \"(module)\"} trailing|request body is not valid JSON",
            })
    void badJsonDeployIs400NamingTheField(String body, String expected) {
        GatewayClient.Reply r = client.putJson("/v1/functions/f", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.kind()).isEqualTo("BAD_REQUEST");
        assertThat(r.message()).contains(expected);
        assertThat(platform.list()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "timeout_ms=soon|query parameter 'timeout_ms' must be an integer",
                "max_memory_pages=0|query parameter 'max_memory_pages' must be 1..65536",
                "timeout_ms=5&timeout_ms=6|given twice",
                "env=NOVALUE|must be KEY=VALUE",
                "memory=3|unknown query parameter 'memory'",
            })
    void badUploadQueryIs400NamingTheParameter(String query, String expected) {
        GatewayClient.Reply r =
                client.put("/v1/functions/f?" + query, "application/wasm", ScriptedFunctionPlatform.wasm("echo"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains(expected);
    }

    @Test
    void jsonDeployRefusesManifestInQuery() {
        GatewayClient.Reply r = client.put(
                "/v1/functions/f?timeout_ms=5",
                "application/json",
                ("{\"wat\": \"" + ScriptedFunctionPlatform.wat("echo").replace("\"", "\\\"") + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("remove query parameter 'timeout_ms'");
    }

    @Test
    void badFunctionNameIs400() {
        GatewayClient.Reply r =
                client.put("/v1/functions/-x", "application/wasm", ScriptedFunctionPlatform.wasm("echo"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("bad function name '-x'");
        GatewayClient.Reply spaced =
                client.put("/v1/functions/a%20b", "application/wasm", ScriptedFunctionPlatform.wasm("echo"));
        assertThat(spaced.message()).contains("bad function name 'a b'");
    }

    @Test
    void emptyDeployBodyIs400() {
        GatewayClient.Reply r = client.put("/v1/functions/f", "application/wasm", new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("request body is empty");
    }

    @Test
    void listGetDelete() {
        client.deployWat("b", "echo");
        client.deployWat("a", "upper");
        GatewayClient.Reply list = client.get("/v1/functions");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("functions"))
                .extracting(n -> n.path("name").asText())
                .containsExactly("a", "b");

        client.invoke("a", "x");
        GatewayClient.Reply one = client.get("/v1/functions/a");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("invocations").asLong()).isEqualTo(1);
        assertThat(one.json().path("idle_instances").asInt()).isEqualTo(1);
        assertThat(one.json().path("busy_instances").asInt()).isZero();

        GatewayClient.Reply deleted = client.delete("/v1/functions/a");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.response().body()).isEmpty();
        GatewayClient.Reply again = client.delete("/v1/functions/a");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.message()).isEqualTo("no function named 'a'");
        GatewayClient.Reply gone = client.get("/v1/functions/a");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.kind()).isEqualTo("NOT_FOUND");
        assertThat(client.invoke("a", "x").status()).isEqualTo(404);
        assertThat(client.invoke("b", "still here").text()).isEqualTo("still here");
    }

    @Test
    void invokeReturnsOutputAndTimings() {
        client.deployWat("echo", "echo");
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        GatewayClient.Reply cold = client.send("POST", "/v1/functions/echo/invoke", "application/octet-stream", binary);
        assertThat(cold.status()).isEqualTo(200);
        assertThat(cold.response().body()).isEqualTo(binary);
        assertThat(cold.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(cold.header("X-Teemate-Cold")).isEqualTo("true");
        assertThat(cold.header("X-Teemate-Exit-Code")).isEqualTo("0");
        assertThat(cold.header("X-Teemate-Wall-Ms")).isEqualTo("6.500");
        assertThat(cold.header("X-Teemate-Wall-Container-Creation-Ms")).isEqualTo("2.000");
        assertThat(cold.header("X-Teemate-Wall-Enclave-Ms")).isEqualTo("3.000");
        assertThat(cold.header("X-Teemate-Wall-Runtime-Init-Ms")).isEqualTo("1.000");
        assertThat(cold.header("X-Teemate-Wall-Execution-Ms")).isEqualTo("0.500");
        assertThat(cold.header("X-Teemate-Modeled-Ms")).isEqualTo("0.935");
        assertThat(cold.header("X-Teemate-Modeled-Enclave-Ms")).isEqualTo("0.900");

        GatewayClient.Reply warm = client.invoke("echo", "again");
        assertThat(warm.text()).isEqualTo("again");
        assertThat(warm.header("X-Teemate-Cold")).isEqualTo("false");
        assertThat(warm.header("X-Teemate-Wall-Enclave-Ms")).isEqualTo("0.000");
        assertThat(warm.header("X-Teemate-Wall-Execution-Ms")).isEqualTo("0.500");
    }

    @Test
    void emptyOutputIsAnEmptyBody() {
        client.deployWat("echo", "echo");
        GatewayClient.Reply r = client.send("POST", "/v1/functions/echo/invoke", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.response().body()).isEmpty();
    }

    @Test
    void queryParametersReachTheFunctionAsParams() {
        client.put("/v1/functions/env?env=FROM_DEPLOY=1", "application/wasm", ScriptedFunctionPlatform.wasm("env"));
        GatewayClient.Reply r = client.post("/v1/functions/env/invoke?who=Ada%20L&n=3", "text/plain", "");
        assertThat(r.text()).isEqualTo("FROM_DEPLOY=1\nn=3\nwho=Ada L\n");
        GatewayClient.Reply twice = client.post("/v1/functions/env/invoke?n=1&n=2", "text/plain", "");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.message()).contains("query parameter 'n' given twice");
    }

    @Test
    void nonZeroExitIsStill200WithTheExitCode() {
        client.deployWat("fails", "exit:3");
        GatewayClient.Reply r = client.invoke("fails", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Teemate-Exit-Code")).isEqualTo("3");
        assertThat(r.text()).isEqualTo("failed");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "trap, 500, TRAP, unreachable executed",
        "timeout, 504, TIMEOUT, ran past its time limit of 60000 ms",
        "grow:300, 507, MEMORY_LIMIT, asked for 300 pages of linear memory; its limit is 256",
        "crash, 500, INTERNAL, internal error (error id ",
    })
    void failingFunctionGetsItsStatusAndOthersKeepServing(String behaviour, int status, String kind, String message) {
        client.deployWat("bad", behaviour);
        client.deployWat("good", "upper");
        GatewayClient.Reply r = client.invoke("bad", "x");
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.kind()).isEqualTo(kind);
        assertThat(r.message()).contains(message);
        assertThat(client.invoke("good", "fine").text()).isEqualTo("FINE");
        assertThat(client.invoke("bad", "x").status()).isEqualTo(status);
        assertThat(client.get("/healthz").status()).isEqualTo(200);
    }

    @Test
    void memoryLimitComesFromTheDeployRequest() {
        client.put(
                "/v1/functions/g?max_memory_pages=400", "application/wasm", ScriptedFunctionPlatform.wasm("grow:300"));
        assertThat(client.invoke("g", "fits").text()).isEqualTo("fits");
    }

    @Test
    void unknownFunctionIs404() {
        GatewayClient.Reply r = client.invoke("nobody", "x");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.kind()).isEqualTo("NOT_FOUND");
        assertThat(r.message()).contains("nobody");
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /",
        "GET, /v2/functions",
        "GET, /v1/functions/",
        "GET, /v1/functions/a/invoke/more",
        "POST, /v1/functions/a/call",
        "GET, /favicon.ico"
    })
    void unknownRouteIs404(String method, String path) {
        GatewayClient.Reply r = client.send(method, path, null, null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.kind()).isEqualTo("NOT_FOUND");
        assertThat(r.message()).contains("no route " + method + " " + path);
    }

    @ParameterizedTest
    @CsvSource({
        "DELETE, /v1/functions, GET",
        "POST, /v1/functions/a, 'GET, PUT, DELETE'",
        "GET, /v1/functions/a/invoke, POST",
        "GET, /init, POST",
        "GET, /run, POST",
        "POST, /metrics, GET",
        "PUT, /healthz, GET"
    })
    void wrongMethodIs405WithAllow(String method, String path, String allow) {
        GatewayClient.Reply r = client.send(method, path, "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.kind()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(r.header("Allow")).isEqualTo(allow);
        assertThat(r.message()).contains("method " + method + " is not allowed");
    }

    @Test
    void bodyOverTheLimitIs413() {
        client.deployWat("echo", "echo");
        byte[] big = new byte[4097];
        Arrays.fill(big, (byte) 'x');
        GatewayClient.Reply r = client.send("POST", "/v1/functions/echo/invoke", "text/plain", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.kind()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(r.message()).contains("4097 bytes").contains("limit of 4096 bytes");
        GatewayClient.Reply deploy = client.put("/v1/functions/big", "application/wasm", big);
        assertThat(deploy.status()).isEqualTo(413);
        assertThat(client.invoke("echo", "small").text()).isEqualTo("small");
    }

    @Test
    void conventionalModeShowsInHealthz() throws Exception {
        try (ScriptedFunctionPlatform conventional = new ScriptedFunctionPlatform("conventional");
                Gateway other =
                        Gateway.start(conventional, GatewayConfig.defaults().withPort(0))) {
            assertThat(new GatewayClient(other.uri())
                            .get("/healthz")
                            .json()
                            .path("mode")
                            .asText())
                    .isEqualTo("conventional");
        }
    }
}

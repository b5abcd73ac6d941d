package io.teemate.faas.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenWhisk action runtime protocol (apache/openwhisk docs/actions-new.md "Action interface"): /init once, then
 * /run many times, JSON objects in and out, {"error": ...} on failure.
 */
class OpenWhiskProxyTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private ScriptedFunctionPlatform platform;
    private Gateway gateway;
    private GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        platform = new ScriptedFunctionPlatform("shared");
        gateway = Gateway.start(
                platform,
                GatewayConfig.defaults()
                        .withPort(0)
                        .withThreads(2)
                        .withOpenWhiskLogs(
                                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                                new PrintStream(stderr, true, StandardCharsets.UTF_8)));
        client = new GatewayClient(gateway.uri());
    }

    @AfterEach
    void stop() {
        gateway.close();
        platform.close();
    }

    private GatewayClient.Reply init(String behaviour, String name) {
        ObjectNode value = GatewayClient.JSON.createObjectNode();
        if (name != null) {
            value.put("name", name);
        }
        value.put("main", "main");
        value.put("code", ScriptedFunctionPlatform.wat(behaviour));
        value.put("binary", false);
        ObjectNode body = GatewayClient.JSON.createObjectNode();
        body.set("value", value);
        return client.post("/init", "application/json", body.toString());
    }

    @Test
    void initThenRunRoundTrip() {
        GatewayClient.Reply init = init("greet", "hello");
        assertThat(init.status()).isEqualTo(200);
        assertThat(init.json().path("ok").asBoolean()).isTrue();
        assertThat(platform.get("hello")).isPresent();

        GatewayClient.Reply run = client.post("/run", "application/json", """
                {"value": {"name": "Ada"}, "namespace": "guest", "action_name": "/guest/hello",
                 "activation_id": "a1b2", "deadline": "1700000000000", "api_key": "k"}""");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.header("Content-Type")).isEqualTo("application/json");
        assertThat(run.json().path("greeting").asText()).isEqualTo("hello Ada");

        GatewayClient.Reply again = client.post("/run", "application/json", "{\"value\": {\"name\": \"Grace\"}}");
        assertThat(again.json().path("greeting").asText()).isEqualTo("hello Grace");
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .isEqualTo(OpenWhiskProxy.END_OF_ACTIVATION
                        + System.lineSeparator()
                        + OpenWhiskProxy.END_OF_ACTIVATION
                        + System.lineSeparator());
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(OpenWhiskProxy.END_OF_ACTIVATION);
    }

    @Test
    void binaryCodeIsBase64Wasm() {
        String code = Base64.getEncoder().encodeToString(ScriptedFunctionPlatform.wasm("echo"));
        GatewayClient.Reply init = client.post(
                "/init",
                "application/json",
                "{\"value\": {\"name\": \"e\", \"main\": \"main\", \"binary\": true, \"code\": \"" + code + "\"}}");
        assertThat(init.status()).isEqualTo(200);
        GatewayClient.Reply run = client.post("/run", "application/json", "{\"value\": {\"x\": [1, 2], \"s\": \"☃\"}}");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("s").asText()).isEqualTo("☃");
        assertThat(run.json().path("x").get(1).asInt()).isEqualTo(2);
    }

    @Test
    void activationContextBecomesOwEnvironment() {
        String code = ScriptedFunctionPlatform.wat("json-env");
        client.post(
                "/init",
                "application/json",
                GatewayClient.JSON
                        .createObjectNode()
                        .set(
                                "value",
                                GatewayClient.JSON
                                        .createObjectNode()
                                        .put("code", code)
                                        .put("binary", false)
                                        .set(
                                                "env",
                                                GatewayClient.JSON
                                                        .createObjectNode()
                                                        .put("FROM_INIT", "yes")))
                        .toString());
        GatewayClient.Reply run = client.post("/run", "application/json", """
                {"value": {}, "activation_id": "act-7", "deadline": 1700000000000, "action_name": "/ns/a"}""");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("__OW_ACTIVATION_ID").asText()).isEqualTo("act-7");
        assertThat(run.json().path("__OW_DEADLINE").asText()).isEqualTo("1700000000000");
        assertThat(run.json().path("__OW_ACTION_NAME").asText()).isEqualTo("/ns/a");
        assertThat(run.json().path("FROM_INIT").asText()).isEqualTo("yes");
        assertThat(platform.get(OpenWhiskProxy.DEFAULT_ACTION))
                .as("no name: the action is called 'action'")
                .isPresent();
    }

    @Test
    void secondInitIs403() {
        assertThat(init("echo", "a").status()).isEqualTo(200);
        GatewayClient.Reply second = init("upper", "b");
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.json().path("error").asText()).isEqualTo("Cannot initialize the action more than once.");
        assertThat(platform.get("b")).isEmpty();
    }

    @Test
    void initWithoutAValueIs403() {
        GatewayClient.Reply r = client.post("/init", "application/json", "{}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("error").asText()).isEqualTo("Missing main/no code to execute.");
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .as("a refused /init writes no markers")
                .isEmpty();
    }

    /**
     * deploy.md 2.7: the invoker calls /init on every cold blackbox container, without code; a 403 would fail every
     * activation. It is 200, and runs the function deployed before under the action's name.
     */
    @Test
    void blackboxInitWithoutCodeIs200AndRunsTheFunctionDeployedBefore() {
        client.deployWat("hello", "greet");
        GatewayClient.Reply r = client.post(
                "/init",
                "application/json",
                "{\"value\": {\"name\": \"/guest/hello\", \"binary\": false, \"main\": \"main\", \"env\": {}}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Teemate-Function")).isEqualTo("hello");
        GatewayClient.Reply run = client.post("/run", "application/json", "{\"value\": {\"name\": \"box\"}}");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("greeting").asText()).isEqualTo("hello box");
        assertThat(init("echo", "again").status()).isEqualTo(403);
    }

    @Test
    void blackboxInitWithEmptyCodeAndNothingDeployedIs200ThenRunSaysNoAction() {
        GatewayClient.Reply r = client.post("/init", "application/json", "{\"value\": {\"code\": \"\"}}");
        assertThat(r.status()).isEqualTo(200);
        GatewayClient.Reply run = client.post("/run", "application/json", "{\"value\": {}}");
        assertThat(run.status()).isEqualTo(500);
        assertThat(run.json().path("error").asText()).contains("no action defined yet");
    }

    @Test
    void initWithBadModuleIs502AndMayBeRetried() {
        GatewayClient.Reply r = client.post(
                "/init",
                "application/json",
                "{\"value\": {\"code\": \""
                        + Base64.getEncoder().encodeToString("MZ not wasm".getBytes(StandardCharsets.UTF_8))
                        + "\", \"binary\": true}}");
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().path("error").asText()).contains("BAD_MODULE").contains("not a WebAssembly binary");
        assertThat(init("echo", null).status()).isEqualTo(200);
    }

    @Test
    void malformedInitIs400() {
        GatewayClient.Reply r = client.post("/init", "application/json", "{\"value\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).contains("not valid JSON");
        GatewayClient.Reply b64 =
                client.post("/init", "application/json", "{\"value\": {\"code\": \"%%%\", \"binary\": true}}");
        assertThat(b64.status()).isEqualTo(400);
        assertThat(b64.json().path("error").asText()).contains("value.code is not valid base64");
    }

    @Test
    void runBeforeInitIs500() {
        GatewayClient.Reply r = client.post("/run", "application/json", "{\"value\": {}}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().path("error").asText()).contains("no action defined yet");
    }

    @Test
    void resultThatIsNotAnObjectIs502() {
        init("upper", "u");
        GatewayClient.Reply r = client.post("/run", "application/json", "{\"value\": {\"a\": 1}}");
        // upper-casing the JSON keeps it an object; a plain string does not parse as one.
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("A").asInt()).isEqualTo(1);
        platform.deploy(new FunctionSpec(
                "u",
                ScriptedFunctionPlatform.wat("args").getBytes(StandardCharsets.UTF_8),
                true,
                java.util.List.of("not json"),
                java.util.Map.of(),
                1,
                1));
        GatewayClient.Reply notObject = client.post("/run", "application/json", "{\"value\": {}}");
        assertThat(notObject.status()).isEqualTo(502);
        assertThat(notObject.json().path("error").asText()).isEqualTo("The action did not return a dictionary.");
    }

    @Test
    void trapIs502WithAnErrorObjectAndTheGatewayKeepsServing() {
        init("trap", "t");
        GatewayClient.Reply r = client.post("/run", "application/json", "{\"value\": {}}");
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().size()).isEqualTo(1);
        assertThat(r.json().path("error").asText()).contains("TRAP").contains("unreachable");
        client.deployWat("other", "echo");
        assertThat(client.invoke("other", "ok").text()).isEqualTo("ok");
    }

    @Test
    void nonZeroExitIs502() {
        init("exit:2", "x");
        GatewayClient.Reply r = client.post("/run", "application/json", "{\"value\": {}}");
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().path("error").asText()).isEqualTo("The action exited with code 2.");
    }

    @Test
    void valueThatIsNotAnObjectIs400() {
        init("echo", "e");
        GatewayClient.Reply r = client.post("/run", "application/json", "{\"value\": [1]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).contains("value must be a JSON object");
    }

    @Test
    void actionNamesAreMadeFunctionNames() {
        assertThat(OpenWhiskProxy.functionName(
                        GatewayClient.JSON.getNodeFactory().textNode("/guest/pkg/hello world")))
                .isEqualTo("hello-world");
        assertThat(OpenWhiskProxy.functionName(
                        GatewayClient.JSON.getNodeFactory().textNode("/guest/")))
                .isEqualTo("action");
        assertThat(OpenWhiskProxy.functionName(null)).isEqualTo("action");
    }
}

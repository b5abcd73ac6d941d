package io.teemate.faas.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.Gateway;
import io.teemate.faas.host.GatewayConfig;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JavaScript functions through the REST API of a real gateway, driven with curl: deploy in the JSON and the raw
 * forms (source and a zipped Node.js package), invoke, the activation log, and every deploy error. The expected
 * results are node's for the same code. One platform for the class: each JavaScript instance costs seconds in the
 * emulator.
 */
class JsGatewayRestTest {
    @TempDir
    static Path dir;

    private static EnclaveFunctionPlatform platform;
    private static Gateway gateway;
    private static Curl curl;

    @BeforeAll
    static void start() throws Exception {
        platform = EnclaveFunctionPlatform.create(Mode.SHARED, dir.resolve("platform"), JsPlatforms.options());
        gateway = Gateway.start(
                platform, GatewayConfig.defaults().withPort(0).withThreads(4).withDefaults(64, 60_000));
        Files.createDirectories(dir.resolve("curl"));
        curl = new Curl(gateway.uri(), dir.resolve("curl"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static final String GREET = """
            function main(params) {
              console.log('greeting', params.name);
              console.error('to stderr');
              return { greeting: 'Hello ' + params.name, keys: Object.keys(params).sort() };
            }
            """;

    @Test
    void jsonDeployThenInvokeAnswersNodesResultAndKeepsTheLogApart() throws Exception {
        ObjectNode req = Curl.JSON.createObjectNode().put("runtime", "nodejs").put("code", GREET);
        Curl.Reply deployed = curl.putJson("/v1/functions/greet", req);
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        assertThat(deployed.json().path("runtime").asText()).isEqualTo("nodejs");
        assertThat(deployed.json().path("idle_instances").asInt())
                .as("deploy initialised one instance, kept for the first invocation")
                .isEqualTo(1);

        Path js = dir.resolve("greet");
        Files.createDirectories(js);
        Files.writeString(js.resolve("greet.js"), GREET + "\nmodule.exports = { main };\n");
        JsonNode expected =
                Curl.JSON.readTree(NodePackage.nodeAnswer(js, "greet.js", "main", "{\"name\": \"enclave\", \"b\": 1}"));

        Curl.Reply r = curl.post("/v1/functions/greet/invoke", "application/json", "{\"name\": \"enclave\", \"b\": 1}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("X-Teemate-Cold"))
                .as("the instance deploy started serves it, and its start is reported with this first invocation")
                .isEqualTo("true");
        assertThat(r.json()).isEqualTo(expected.get("result"));
        assertThat(r.text()).doesNotContain("greeting enclave\n");
        String log = "greeting enclave\nto stderr\n";
        assertThat(r.header("X-Teemate-Log-Bytes")).isEqualTo(Integer.toString(log.length()));

        Curl.Reply withLogs = curl.post(
                "/v1/functions/greet/invoke", "application/json", "{\"name\": \"logs\"}", "X-Teemate-Logs: true");
        assertThat(withLogs.status()).isEqualTo(200);
        assertThat(withLogs.json().path("result").path("greeting").asText()).isEqualTo("Hello logs");
        assertThat(withLogs.json().path("logs").toString()).isEqualTo("[\"greeting logs\",\"to stderr\"]");
    }

    @Test
    void rawJavaScriptWithMainAndAThrowIs502WithTheActionsError() {
        String code = "exports.handler = async (p) => { if (p.fail) throw new Error('boom ' + p.fail);"
                + " return {ok: true}; };";
        Curl.Reply deployed = curl.put(
                "/v1/functions/thrower?main=handler&timeout_ms=20000",
                "application/javascript",
                code.getBytes(StandardCharsets.UTF_8));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        assertThat(deployed.json().path("timeout_ms").asLong()).isEqualTo(20000);

        Curl.Reply ok = curl.post("/v1/functions/thrower/invoke", "application/json", "{}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().toString()).isEqualTo("{\"ok\":true}");

        Curl.Reply failed = curl.post("/v1/functions/thrower/invoke", "application/json", "{\"fail\": 7}");
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.header("X-Teemate-Exit-Code")).isEqualTo("1");
        // OpenWhisk's Node.js runtime: {"error": "An error has occurred: " + String(err)}
        assertThat(failed.json().toString())
                .isEqualTo("{\"error\":\"An error has occurred: "
                        + Node.run(dir, "process.stdout.write(String(new Error('boom 7')))") + "\"}");
    }

    @Test
    void zippedPackageWithNodeModulesRunsMainFromAFile() throws Exception {
        byte[] zip = NodePackage.zip();
        Path unpacked = NodePackage.unpack(Files.createDirectories(dir.resolve("pkg")));
        JsonNode expected =
                Curl.JSON.readTree(NodePackage.nodeAnswer(unpacked, "other", "niam", "{\"name\": \"zip\"}"));
        JsonNode expectedMain = Curl.JSON.readTree(NodePackage.nodeAnswer(unpacked, "index", "main", "{\"n\": 42}"));

        // JSON form: code_base64 is the zip, main "other.niam" is export niam of other.js (OpenWhisk's runner)
        ObjectNode req = Curl.JSON
                .createObjectNode()
                .put("runtime", "nodejs")
                .put("code_base64", Base64.getEncoder().encodeToString(zip))
                .put("main", "other.niam");
        Curl.Reply deployed = curl.putJson("/v1/functions/zipped", req);
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        Curl.Reply r = curl.post(
                "/v1/functions/zipped/invoke", "application/json", "{\"name\": \"zip\"}", "X-Teemate-Logs: true");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(expected);

        // raw form: application/zip, ?main=index.main. (The archive's root package.json main is not reached with
        // the default main: the prelude's asFile('') looks for "/package.json"; left to the engine's owner.)
        Curl.Reply raw = curl.put("/v1/functions/zipped-main?main=index.main", "application/zip", zip);
        assertThat(raw.status()).as(raw.text()).isEqualTo(201);
        assertThat(raw.json().path("runtime").asText()).isEqualTo("nodejs");
        Curl.Reply m = curl.post("/v1/functions/zipped-main/invoke", "application/json", "{\"n\": 42}");
        assertThat(m.json()).isEqualTo(expectedMain.get("result"));
    }

    @Test
    void unknownRuntimeIs400NamingTheAcceptedOnes() {
        Curl.Reply json = curl.putJson(
                "/v1/functions/r",
                Curl.JSON.createObjectNode().put("runtime", "python:3").put("code", "def main(a): return a"));
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.message())
                .contains("field 'runtime'")
                .contains("python:3")
                .contains("wasm, nodejs");
        Curl.Reply raw = curl.put("/v1/functions/r?runtime=ruby", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.message()).contains("query parameter 'runtime'").contains("wasm, nodejs");
        assertThat(curl.get("/v1/functions/r").status()).isEqualTo(404);
    }

    @Test
    void emptyCodeAndMisplacedFieldsAre400() {
        Curl.Reply blank = curl.putJson(
                "/v1/functions/e",
                Curl.JSON.createObjectNode().put("runtime", "nodejs").put("code", "  \n"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.message()).contains("field 'code' must be a non-empty string of JavaScript");
        Curl.Reply none =
                curl.putJson("/v1/functions/e", Curl.JSON.createObjectNode().put("runtime", "nodejs"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.message()).contains("'code'").contains("'code_base64'");
        Curl.Reply wat = curl.putJson(
                "/v1/functions/e",
                Curl.JSON.createObjectNode().put("runtime", "nodejs").put("wat", "(module)"));
        assertThat(wat.status()).isEqualTo(400);
        assertThat(wat.message()).contains("field 'wat' is for runtime wasm");
        Curl.Reply codeForWasm =
                curl.putJson("/v1/functions/e", Curl.JSON.createObjectNode().put("code", "function main() {}"));
        assertThat(codeForWasm.status()).isEqualTo(400);
        assertThat(codeForWasm.message())
                .contains("field 'code' is for runtime nodejs")
                .contains("\"runtime\": \"nodejs\"");
        Curl.Reply blankRaw =
                curl.put("/v1/functions/e", "application/javascript", " \n".getBytes(StandardCharsets.UTF_8));
        assertThat(blankRaw.status()).isEqualTo(400);
        assertThat(blankRaw.message()).contains("no code to run");
        Curl.Reply arg = curl.put(
                "/v1/functions/e?arg=x",
                "application/javascript",
                "function main() {}".getBytes(StandardCharsets.UTF_8));
        assertThat(arg.status()).isEqualTo(400);
        assertThat(arg.message()).contains("query parameter 'arg' is for WebAssembly functions");
        assertThat(curl.get("/v1/functions/e").status()).isEqualTo(404);
    }

    @Test
    void badMainIs400AndAMainThatIsNotThereFailsTheDeployWithInitFailed() {
        Curl.Reply notAName = curl.putJson(
                "/v1/functions/m",
                Curl.JSON
                        .createObjectNode()
                        .put("runtime", "nodejs")
                        .put("code", "function main() {}")
                        .put("main", "1; evil()"));
        assertThat(notAName.status()).isEqualTo(400);
        assertThat(notAName.message()).contains("is not a JavaScript name");

        Curl.Reply missing = curl.putJson(
                "/v1/functions/m",
                Curl.JSON
                        .createObjectNode()
                        .put("runtime", "nodejs")
                        .put("code", "function main() {}")
                        .put("main", "nosuch"));
        assertThat(missing.status()).isEqualTo(502);
        assertThat(missing.json().path("error").path("kind").asText()).isEqualTo("INIT_FAILED");
        assertThat(missing.message())
                .isEqualTo("Initialization has failed due to: Error: Action entrypoint 'nosuch' is not a function.");
        assertThat(curl.get("/v1/functions/m").status())
                .as("a failed init leaves nothing deployed")
                .isEqualTo(404);
    }

    @Test
    void aSyntaxErrorFailsTheDeployAndKeepsTheVersionItWouldReplace() {
        Curl.Reply first = curl.put(
                "/v1/functions/keep",
                "text/javascript",
                "function main() { return {v: 1}; }".getBytes(StandardCharsets.UTF_8));
        assertThat(first.status()).isEqualTo(201);
        Curl.Reply broken = curl.put(
                "/v1/functions/keep",
                "text/javascript",
                "function main() { return {v: 2; }".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(502);
        assertThat(broken.message()).startsWith("Initialization has failed due to: SyntaxError");
        Curl.Reply still = curl.post("/v1/functions/keep/invoke", "application/json", "{}");
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.json().toString()).isEqualTo("{\"v\":1}");
    }
}

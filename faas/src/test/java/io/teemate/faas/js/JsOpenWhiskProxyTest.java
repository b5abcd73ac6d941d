package io.teemate.faas.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.Gateway;
import io.teemate.faas.host.GatewayConfig;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Node.js actions through the gateway's OpenWhisk action runtime protocol (/init, /run), driven with curl as an
 * invoker drives an action container: every case of the Node.js column of deploy.md 2.4, the log and its
 * end-of-activation markers on the container's stdout and stderr (2.5), a zipped action, the deadline as the
 * invoker sends it (a string) and the harness's 1 MiB echo (2.6). One platform for the class, a gateway (one action
 * container) per test.
 */
class JsOpenWhiskProxyTest {
    private static final String MARKER = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";
    private static final String NL = System.lineSeparator();

    @TempDir
    static Path dir;

    private static EnclaveFunctionPlatform platform;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Gateway gateway;
    private Curl curl;

    @BeforeAll
    static void startPlatform() {
        platform = EnclaveFunctionPlatform.create(Mode.SHARED, dir.resolve("platform"), JsPlatforms.options());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** A fresh action container: a gateway whose OpenWhisk logs go to this test's stdout and stderr. */
    private void container(int pages) throws Exception {
        gateway = Gateway.start(
                platform,
                GatewayConfig.defaults()
                        .withPort(0)
                        .withThreads(2)
                        .withDefaults(pages, 60_000)
                        .withOpenWhiskLogs(
                                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                                new PrintStream(stderr, true, StandardCharsets.UTF_8)));
        Path curlDir = Files.createTempDirectory(dir, "curl");
        curl = new Curl(gateway.uri(), curlDir);
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private Curl.Reply init(String name, String code, boolean binary, String main) {
        ObjectNode value = Curl.JSON
                .createObjectNode()
                .put("name", name)
                .put("binary", binary)
                .put("code", code);
        if (main != null) {
            value.put("main", main);
        }
        value.putObject("env").put("__OW_NAMESPACE", "guest");
        ObjectNode body = Curl.JSON.createObjectNode();
        body.set("value", value);
        return curl.postJson("/init", body);
    }

    private Curl.Reply run(String json) {
        return curl.post("/run", "application/json", json);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void initThenRunAnswersTheResultAndWritesTheLogBeforeTheMarkers() throws Exception {
        container(64);
        Curl.Reply init = init("/guest/echo-env", """
                function main(params) {
                  console.log('hello stdout ❄');
                  console.error('hello stderr');
                  return { params, deadline: process.env.__OW_DEADLINE, id: process.env.__OW_ACTIVATION_ID,
                           ns: process.env.__OW_NAMESPACE };
                }
                """, false, null);
        assertThat(init.status()).as(init.text()).isEqualTo(200);
        assertThat(init.json().path("ok").asBoolean()).isTrue();
        assertThat(out() + err()).as("a successful /init writes no markers").isEmpty();

        // the invoker sends deadline as a string (ContainerProxy: (now + timeout).toString.toJson)
        Curl.Reply first = run("{\"value\": {\"s\": \"☃\"}, \"activation_id\": \"a1\", \"deadline\": \"1767225600000\","
                + " \"namespace\": \"guest\"}");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().toString())
                .isEqualTo("{\"params\":{\"s\":\"☃\"},\"deadline\":\"1767225600000\",\"id\":\"a1\",\"ns\":\"guest\"}");
        Curl.Reply second = run("{\"value\": {}, \"activation_id\": \"a2\", \"deadline\": 123}");
        assertThat(second.json().path("deadline").asText()).isEqualTo("123");

        String log = "hello stdout ❄\nhello stderr\n";
        assertThat(out()).isEqualTo(log + MARKER + NL + log + MARKER + NL);
        assertThat(err()).isEqualTo(MARKER + NL + MARKER + NL);
    }

    @Test
    void initFailuresAre502AndLeaveTheContainerUninitialised() throws Exception {
        container(64);
        Curl.Reply empty = curl.post("/init", "application/json", "{}");
        assertThat(empty.status()).isEqualTo(403);
        assertThat(empty.json().path("error").asText()).isEqualTo("Missing main/no code to execute.");

        Curl.Reply syntax = init("bad", "function main( { return {}; }", false, null);
        assertThat(syntax.status()).isEqualTo(502);
        assertThat(syntax.json().size()).isEqualTo(1);
        assertThat(syntax.json().path("error").asText()).startsWith("Initialization has failed due to: SyntaxError");
        // OpenWhisk's Node.js proxy ends a failed /init's log with the markers
        assertThat(out()).isEqualTo(MARKER + NL);
        assertThat(err())
                .startsWith("Initialization has failed due to: SyntaxError")
                .endsWith(MARKER + NL);

        Curl.Reply noMain = init("nomain", "function other() { return {}; }", false, null);
        assertThat(noMain.status()).isEqualTo(502);
        assertThat(noMain.json().path("error").asText())
                .isEqualTo("Initialization has failed due to: Error: Action entrypoint 'main' is not a function.");

        byte[] notZip = "PK\3\4 this is not an archive".getBytes(StandardCharsets.ISO_8859_1);
        Curl.Reply badZip = init("badzip", Base64.getEncoder().encodeToString(notZip), true, null);
        assertThat(badZip.status()).isEqualTo(502);
        // OpenWhisk's harness asks that an invalid zip's error say so (its logs mention "error" and "uncompressing")
        assertThat(badZip.json().path("error").asText())
                .isEqualTo("Initialization has failed due to: the action's archive is not a valid zip: no entry could"
                        + " be read from it");

        Curl.Reply before = run("{\"value\": {}}");
        assertThat(before.status()).as("no action after failed inits").isEqualTo(500);
        assertThat(before.json().path("error").asText()).contains("no action defined yet");
        assertThat(platform.get("bad")).isEmpty();

        Curl.Reply good = init("good", "function main() { return {ok: true}; }", false, null);
        assertThat(good.status()).as("a failed /init may be tried again").isEqualTo(200);
        String logsBefore = out() + err();
        Curl.Reply second = init("again", "function main() { return {}; }", false, null);
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.json().path("error").asText()).isEqualTo("Cannot initialize the action more than once.");
        assertThat(out() + err()).as("a refused /init writes no markers").isEqualTo(logsBefore);
        assertThat(run("{\"value\": {}}").json().toString()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void runErrorsAre502WithTheActionsErrorAsItIs() throws Exception {
        container(64);
        Curl.Reply init = init("modes", """
                function main(p) {
                  if (p.mode === 'throw') throw new Error('boom');
                  if (p.mode === 'string') return 'not a dictionary';
                  if (p.mode === 'reject') return Promise.reject({ code: 42 });
                  if (p.mode === 'app') return { error: 'application says no' };
                  return { ok: p.mode };
                }
                """, false, "main");
        assertThat(init.status()).as(init.text()).isEqualTo(200);

        Curl.Reply thrown = run("{\"value\": {\"mode\": \"throw\"}}");
        assertThat(thrown.status()).isEqualTo(502);
        assertThat(thrown.json().toString()).isEqualTo("{\"error\":\"An error has occurred: Error: boom\"}");
        Curl.Reply string = run("{\"value\": {\"mode\": \"string\"}}");
        assertThat(string.status()).isEqualTo(502);
        assertThat(string.json().toString()).isEqualTo("{\"error\":\"The action did not return a dictionary.\"}");
        Curl.Reply rejected = run("{\"value\": {\"mode\": \"reject\"}}");
        assertThat(rejected.status()).isEqualTo(502);
        assertThat(rejected.json().toString()).isEqualTo("{\"error\":{\"code\":42}}");
        Curl.Reply app = run("{\"value\": {\"mode\": \"app\"}}");
        assertThat(app.status()).as("a returned {error} is the action's result").isEqualTo(200);
        assertThat(app.json().path("error").asText()).isEqualTo("application says no");
        Curl.Reply ok = run("{\"value\": {\"mode\": \"fine\"}}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().toString()).isEqualTo("{\"ok\":\"fine\"}");
        Curl.Reply badJson = run("{\"value\": ");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(out().split(MARKER, -1)).as("one marker per /run").hasSize(7);
    }

    @Test
    void aZippedActionIsToldByItsMagicBytes() throws Exception {
        container(64);
        Path unpacked = NodePackage.unpack(Files.createDirectories(dir.resolve("pkg")));
        JsonNode expected =
                Curl.JSON.readTree(NodePackage.nodeAnswer(unpacked, "other", "niam", "{\"name\": \"whisk\"}"));
        Curl.Reply init = init("zipped", Base64.getEncoder().encodeToString(NodePackage.zip()), true, "other.niam");
        assertThat(init.status()).as(init.text()).isEqualTo(200);
        Curl.Reply r = run("{\"value\": {\"name\": \"whisk\"}}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(expected.get("result"));
        assertThat(out()).isEqualTo(expected.get("logs").get(0).asText() + "\n" + MARKER + NL);
    }

    /** The canonical harness's "echo a large input": {"arg": "a" * 1048561}, a body just over 1 MiB. */
    @Test
    void aPayloadOverOneMebibyteIsEchoed() throws Exception {
        container(128);
        Curl.Reply init = init("large", "function main(params) { return params; }", false, null);
        assertThat(init.status()).as(init.text()).isEqualTo(200);
        String arg = "a".repeat(1048561);
        String body = "{\"value\": {\"arg\": \"" + arg + "\"}}";
        assertThat(body.length()).isGreaterThan(1 << 20);
        Curl.Reply r = run(body);
        assertThat(r.status()).as(r.status() == 200 ? "" : r.text()).isEqualTo(200);
        assertThat(r.json().path("arg").asText()).isEqualTo(arg);
    }
}

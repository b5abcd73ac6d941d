package io.teemate.faas.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prelude's Node.js surface (crypto from the enclave's JCA, Buffer, TextEncoder/Decoder, timers with Node's
 * ordering of ticks, promise jobs and timers, util.format, process.env) gives what node gives: node-api.js's result
 * in the shared enclave equals its result under the real node.
 */
class JsNodeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theNodeSurfaceAnswersAsNodeDoes() throws Exception {
        String code;
        try (InputStream in = JsNodeApiTest.class.getResourceAsStream("node-api.js")) {
            code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String params = "{\"who\":\"tester\",\"n\":[1,2.5,null]}";
        Map<String, String> env = Map.of("GREETING", "hello from the deployment");
        JsonNode expected = JSON.readTree(NodeRunner.run(dir, code, params, env));
        try (EnclaveFunctionPlatform p =
                EnclaveFunctionPlatform.create(Mode.SHARED, dir.resolve("platform"), JsPlatforms.options())) {
            p.deploy(FunctionSpec.nodejs("node-api", code.getBytes(StandardCharsets.UTF_8), null, env, 0, 0));
            Invocation i = p.invoke("node-api", params.getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(i.exitCode()).as("exit status; log: %s", i.log()).isZero();
            JsonNode actual = JSON.readTree(i.output());
            expected.fieldNames()
                    .forEachRemaining(
                            f -> assertThat(actual.get(f)).as("field %s", f).isEqualTo(expected.get(f)));
            assertThat(actual).isEqualTo(expected);
        }
    }
}

package io.teemate.faas.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a deploy request names its runtime: ?runtime=, the Content-Type, the zip magic of a sniffed body (OpenWhisk's
 * runner tells archives by their magic bytes), and the fields of each runtime's JSON form. No platform: the parse
 * alone (the gateway tests run the same requests through curl).
 */
class GatewayDeployRuntimeTest {
    private final GatewayDeployRequest requests =
            new GatewayDeployRequest(GatewayConfig.defaults(), new ObjectMapper());

    private static final byte[] JS = "function main() { return {}; }".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 0, 0};

    private static List<GatewayExchange.QueryParam> query(String... pairs) {
        java.util.ArrayList<GatewayExchange.QueryParam> q = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.add(new GatewayExchange.QueryParam(pairs[i], pairs[i + 1]));
        }
        return q;
    }

    private String refusal(String contentType, byte[] body, List<GatewayExchange.QueryParam> query) {
        GatewayError e = (GatewayError)
                org.assertj.core.api.Assertions.catchThrowable(() -> requests.parse("f", contentType, body, query));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e.getMessage();
    }

    @Test
    void aSniffedZipIsANodejsAction() {
        FunctionSpec s = requests.parse("f", "application/octet-stream", ZIP, query());
        assertThat(s.runtime()).isEqualTo(FunctionRuntime.NODEJS);
        assertThat(requests.parse("f", "", ZIP, query("main", "other.niam")).main())
                .isEqualTo("other.niam");
    }

    @Test
    void runtimeQueryMakesAnyOtherBodyJavaScript() {
        FunctionSpec s = requests.parse("f", "", JS, query("runtime", "nodejs", "main", "handler", "env", "A=b"));
        assertThat(s.runtime()).isEqualTo(FunctionRuntime.NODEJS);
        assertThat(s.main()).isEqualTo("handler");
        assertThat(s.env()).containsEntry("A", "b");
        assertThat(requests.parse("f", "text/plain", JS, query("runtime", "js")).runtime())
                .isEqualTo(FunctionRuntime.NODEJS);
        assertThat(requests.parse("f", "text/javascript", JS, query()).runtime())
                .isEqualTo(FunctionRuntime.NODEJS);
        assertThat(requests.parse("f", "text/plain", "(module)".getBytes(StandardCharsets.UTF_8), query())
                        .runtime())
                .as("text/plain without a runtime stays WebAssembly text")
                .isEqualTo(FunctionRuntime.WASM);
    }

    @Test
    void contradictionsAndMisplacedParametersAre400() {
        assertThat(refusal("application/javascript", JS, query("runtime", "wasm")))
                .contains("Content-Type application/javascript is JavaScript")
                .contains("'runtime' is wasm");
        assertThat(refusal("application/wasm", JS, query("runtime", "nodejs")))
                .contains("Content-Type is application/wasm");
        assertThat(refusal("application/javascript", JS, query("runtime", "nodejs", "runtime", "nodejs")))
                .contains("'runtime' given twice");
        assertThat(refusal("application/javascript", JS, query("main", "a", "main", "b")))
                .contains("'main' given twice");
        assertThat(refusal("application/wat", "(module)".getBytes(StandardCharsets.UTF_8), query("main", "m")))
                .contains("'main' is for JavaScript functions");
        assertThat(refusal("application/javascript", JS, query("colour", "red")))
                .contains("unknown query parameter 'colour'")
                .contains("main")
                .doesNotContain("arg");
        assertThat(refusal("", "hello".getBytes(StandardCharsets.UTF_8), query()))
                .contains("application/javascript")
                .contains("?runtime=nodejs");
    }

    @Test
    void theJsonFormChecksItsRuntimesFields() {
        assertThat(refusal(
                        "application/json",
                        "{\"runtime\": 5, \"code\": \"x\"}".getBytes(StandardCharsets.UTF_8),
                        query()))
                .contains("field 'runtime' must be a string");
        assertThat(refusal(
                        "application/json",
                        "{\"runtime\": \"nodejs\", \"code\": \"x\", \"args\": []}".getBytes(StandardCharsets.UTF_8),
                        query()))
                .contains("field 'args' is for runtime wasm");
        assertThat(refusal(
                        "application/json",
                        "{\"runtime\": \"nodejs\", \"code\": \"x\", \"main\": 3}".getBytes(StandardCharsets.UTF_8),
                        query()))
                .contains("field 'main' must be a string");
        assertThat(refusal(
                        "application/json",
                        "{\"runtime\": \"nodejs\", \"code\": \"x\", \"code_base64\": \"UEsDBA==\"}"
                                .getBytes(StandardCharsets.UTF_8),
                        query()))
                .contains("not both");
        assertThat(refusal(
                        "application/json",
                        "{\"runtime\": \"nodejs\", \"code_base64\": \"%%\"}".getBytes(StandardCharsets.UTF_8),
                        query()))
                .contains("field 'code_base64' is not valid base64");
        FunctionSpec zip = requests.parse(
                "f",
                "application/json",
                "{\"runtime\": \"nodejs:20\", \"code_base64\": \"UEsDBA==\", \"timeout_ms\": 5}"
                        .getBytes(StandardCharsets.UTF_8),
                query());
        assertThat(zip.runtime()).isEqualTo(FunctionRuntime.NODEJS);
        assertThat(zip.module()).containsExactly('P', 'K', 3, 4);
        assertThat(zip.timeoutMillis()).isEqualTo(5);
        FunctionSpec wasm = requests.parse(
                "f",
                "application/json",
                "{\"runtime\": \"wasm\", \"wat\": \"(module)\"}".getBytes(StandardCharsets.UTF_8),
                query());
        assertThat(wasm.runtime()).isEqualTo(FunctionRuntime.WASM);
        assertThat(wasm.text()).isTrue();
    }
}

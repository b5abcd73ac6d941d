package io.teemate.faas.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/faas-openapi.yaml parses, and documents exactly the routes the gateway serves and the error kinds it sends. */
class OpenApiDocumentTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static JsonNode doc;

    @BeforeAll
    static void parse() throws Exception {
        Path file = Stream.of(Path.of("docs", "faas-openapi.yaml"), Path.of("..", "docs", "faas-openapi.yaml"))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "docs/faas-openapi.yaml not found from " + Path.of("").toAbsolutePath()));
        doc = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }

    @Test
    void isOpenApi3() {
        assertThat(doc.path("openapi").asText()).startsWith("3.0.");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
    }

    @Test
    void documentsExactlyTheGatewaysRoutes() {
        Set<Gateway.Route> documented = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (HTTP_METHODS.contains(op.getKey())) {
                    documented.add(new Gateway.Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey()));
                }
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(Gateway.ROUTES);
    }

    @Test
    void everyOperationHasASuccessAndA405() {
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(op.getKey())) {
                    continue;
                }
                List<String> codes = new ArrayList<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(codes::add);
                assertThat(codes)
                        .as(op.getKey() + " " + path.getKey())
                        .anyMatch(c -> c.startsWith("2"))
                        .contains("405");
            }
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    @Test
    void errorKindsAreThePlatformsAndTheGateways() {
        Set<String> documented = new HashSet<>();
        doc.at("/components/schemas/Error/properties/error/properties/kind/enum")
                .forEach(n -> documented.add(n.asText()));
        Set<String> sent = new HashSet<>();
        for (FunctionException.Kind k : FunctionException.Kind.values()) {
            sent.add(k.name());
        }
        sent.addAll(Set.of(
                GatewayError.BAD_REQUEST,
                GatewayError.METHOD_NOT_ALLOWED,
                GatewayError.PAYLOAD_TOO_LARGE,
                GatewayError.NOT_FOUND));
        assertThat(documented).isEqualTo(sent);
    }
}

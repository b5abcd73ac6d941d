package io.teemate.faas.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request and its response, with the reading limits and the response shapes the gateway uses. */
final class GatewayExchange {
    /** A query parameter in the order given; a name may repeat. */
    record QueryParam(String name, String value) {}

    private final HttpExchange exchange;
    private final ObjectMapper json;
    private int status;
    private String route = "unmatched";

    GatewayExchange(HttpExchange exchange, ObjectMapper json) {
        this.exchange = exchange;
        this.json = json;
    }

    String method() {
        return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    /** The decoded path segments: {@code /v1/functions/a%20b} is {@code [v1, functions, a b]}. */
    List<String> pathSegments() {
        String raw = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        if (raw == null || raw.isEmpty() || raw.equals("/")) {
            return segments;
        }
        for (String part : raw.substring(raw.startsWith("/") ? 1 : 0).split("/", -1)) {
            segments.add(decode(part, "path segment"));
        }
        return segments;
    }

    String path() {
        return exchange.getRequestURI().getRawPath();
    }

    List<QueryParam> query() {
        String raw = exchange.getRequestURI().getRawQuery();
        List<QueryParam> params = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query parameter name");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "query parameter '" + name + "'");
            params.add(new QueryParam(name, value));
        }
        return params;
    }

    private static String decode(String raw, String what) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GatewayError.badRequest("malformed percent-encoding in " + what + ": " + e.getMessage());
        }
    }

    /** The media type of the body, lower case, without parameters; "" when the request names none. */
    String contentType() {
        String value = exchange.getRequestHeaders().getFirst("Content-Type");
        if (value == null) {
            return "";
        }
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The whole request body, refused with 413 when it is longer than {@code maxBytes}. */
    byte[] body(long maxBytes) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw GatewayError.badRequest("Content-Length is not a number: " + length);
            }
            if (declared > maxBytes) {
                throw tooLarge(declared, maxBytes);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes((int) maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(-1, maxBytes);
            }
            return body;
        }
    }

    private static GatewayError tooLarge(long declared, long maxBytes) {
        return new GatewayError(
                413,
                GatewayError.PAYLOAD_TOO_LARGE,
                "request body " + (declared >= 0 ? "of " + declared + " bytes " : "") + "is larger than the limit of "
                        + maxBytes + " bytes");
    }

    /** The request body parsed as JSON; malformed JSON is a 400 that says where it broke. */
    JsonNode jsonBody(long maxBytes) throws IOException {
        byte[] body = body(maxBytes);
        if (body.length == 0) {
            throw GatewayError.badRequest("request body is empty; expected a JSON object");
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw GatewayError.badRequest("request body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    void sendJson(int status, JsonNode body) throws IOException {
        send(status, "application/json", json.writeValueAsBytes(body));
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        this.status = status;
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    void sendEmpty(int status) throws IOException {
        this.status = status;
        exchange.sendResponseHeaders(status, -1);
    }

    /** {@code {"error":{"kind":KIND,"message":MESSAGE}}} with the error's status. */
    void sendError(GatewayError error) throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode inner = body.putObject("error");
        inner.put("kind", error.kind());
        inner.put("message", error.getMessage());
        sendJson(error.status(), body);
    }

    /** The route template this request matched, for metrics; "unmatched" until the router knows. */
    String route() {
        return route;
    }

    void route(String template) {
        this.route = template;
    }

    /** The status sent, 0 before any. */
    int status() {
        return status;
    }

    ObjectMapper json() {
        return json;
    }

    Map<String, List<String>> requestHeaders() {
        return exchange.getRequestHeaders();
    }

    void close() {
        exchange.close();
    }
}

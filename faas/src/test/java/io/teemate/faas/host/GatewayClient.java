package io.teemate.faas.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A test's HTTP/1.1 client for one gateway, over a real socket. */
final class GatewayClient {
    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, HttpResponse<byte[]> response) {
        String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("response is not JSON: " + text(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The error kind of a REST error body. */
        String kind() {
            return json().path("error").path("kind").asText();
        }

        String message() {
            return json().path("error").path("message").asText();
        }
    }

    private final URI base;
    private final HttpClient http;

    GatewayClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    Reply send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    Reply put(String path, String contentType, byte[] body) {
        return send("PUT", path, contentType, body);
    }

    Reply putJson(String path, String json) {
        return put(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply post(String path, String contentType, String body) {
        return send("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    Reply deployWat(String name, String behaviour) {
        ObjectMapper m = JSON;
        String body = m.createObjectNode()
                .put("wat", ScriptedFunctionPlatform.wat(behaviour))
                .toString();
        return putJson("/v1/functions/" + name, body);
    }

    Reply invoke(String name, String stdin) {
        return post("/v1/functions/" + name + "/invoke", "text/plain", stdin);
    }
}

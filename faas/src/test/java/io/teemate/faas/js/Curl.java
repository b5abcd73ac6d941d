package io.teemate.faas.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The gateway through the real curl, as a user of the REST API and an OpenWhisk invoker would reach it: the body
 * goes through a file ({@code --data-binary @file}), so a 1 MiB payload or a zip is sent byte for byte.
 */
final class Curl {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One response: the status, the headers as curl printed them, the body. */
    record Reply(int status, String headers, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("response is not JSON (" + status + "): " + text(), e);
            }
        }

        /** A header's value (the last of that name), or null. */
        String header(String name) {
            String found = null;
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    found = line.substring(colon + 1).trim();
                }
            }
            return found;
        }

        String message() {
            return json().path("error").path("message").asText();
        }
    }

    private final URI base;
    private final Path dir;

    Curl(URI base, Path dir) {
        this.base = base;
        this.dir = dir;
    }

    Reply send(String method, String path, String contentType, byte[] body, String... headers) {
        try {
            Path head = Files.createTempFile(dir, "head", ".txt");
            Path out = Files.createTempFile(dir, "body", ".bin");
            List<String> cmd = new ArrayList<>(List.of(
                    "curl", "-sS", "-X", method, "-D", head.toString(), "-o", out.toString(), "-w", "%{http_code}"));
            if (contentType != null) {
                cmd.addAll(List.of("-H", "Content-Type: " + contentType));
            }
            for (String h : headers) {
                cmd.addAll(List.of("-H", h));
            }
            if (body != null) {
                Path in = Files.createTempFile(dir, "req", ".bin");
                Files.write(in, body);
                cmd.addAll(List.of("--data-binary", "@" + in));
            }
            cmd.add(base.resolve(path).toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] printed = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError(
                        String.join(" ", cmd) + " failed: " + new String(printed, StandardCharsets.UTF_8));
            }
            int status = Integer.parseInt(new String(printed, StandardCharsets.US_ASCII).trim());
            return new Reply(status, Files.readString(head, StandardCharsets.ISO_8859_1), Files.readAllBytes(out));
        } catch (IOException e) {
            throw new AssertionError("curl " + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply put(String path, String contentType, byte[] body) {
        return send("PUT", path, contentType, body);
    }

    Reply putJson(String path, JsonNode body) {
        return put(path, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    Reply post(String path, String contentType, String body, String... headers) {
        return send("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Reply postJson(String path, JsonNode body) {
        return post(path, "application/json", body.toString());
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

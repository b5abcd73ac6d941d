package io.teemate.faas.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teemate.faas.abi.ServiceFrame;
import io.teemate.host.container.HostService;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The "fetch" service: a JavaScript function's {@code fetch(url)} (GET or HEAD, http or https) made by the host,
 * since the enclave has no network ({@link ServiceFrame} says the protocol). A body longer than one reply is read in
 * parts: the reply at offset 0 names the body ({@code id}) and the platform keeps it, per container and URL, until
 * its last part is read, so reading on never fetches again. Everything in a request is a tenant's: the URL must
 * parse as http(s), the method is GET or HEAD, the body is cut off at {@link #MAX_BODY}, and the bodies kept at once
 * are bounded ({@link #MAX_KEPT}, the oldest dropped first).
 * <p>As Node's fetch does (undici), redirects are followed and the reply's URL is the final one.
 */
final class FetchService implements HostService, AutoCloseable {
    /** The largest body a function may fetch: the prelude's limit too. */
    static final int MAX_BODY = 64 << 20;
    /** The most body bytes the platform keeps for reads in parts, over all containers. */
    static final long MAX_KEPT = 256L << 20;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private record Body(String id, int status, String url, Map<String, String> headers, byte[] bytes) {}

    /** Bodies being read in parts, by container and URL; oldest first. Guarded by itself. */
    private final LinkedHashMap<String, Body> kept = new LinkedHashMap<>();

    private long keptBytes;

    @Override
    public byte[] serve(String containerName, byte[] request) throws IOException {
        ServiceFrame f = ServiceFrame.decode(request);
        String method = f.string("method");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return ServiceFrame.error("only GET and HEAD are supported, not " + method);
        }
        String url = f.string("url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return ServiceFrame.error("invalid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return ServiceFrame.error(url + " is not an http or https URL with a host");
        }
        long offset = f.count("offset", MAX_BODY);
        int length = (int) Math.min(f.count("length", Integer.MAX_VALUE), HostService.MAX_REPLY - 16 * 1024L);
        String key = containerName + "\n" + method + "\n" + url;
        Body body;
        if (offset == 0) {
            try {
                body = fetch(method, uri);
            } catch (IOException e) {
                return ServiceFrame.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted fetching " + url, e);
            }
        } else {
            synchronized (kept) {
                body = kept.get(key);
            }
            String id = f.header().path("id").asText("");
            if (body == null || !body.id.equals(id) || offset > body.bytes.length) {
                return ServiceFrame.error("the body being read is no longer kept: fetch " + url + " again");
            }
        }
        int n = (int) Math.min(length, body.bytes.length - offset);
        byte[] part = Arrays.copyOfRange(body.bytes, (int) offset, (int) offset + n);
        keep(key, body, offset + n < body.bytes.length);
        ObjectNode h = ServiceFrame.newHeader()
                .put("status", body.status)
                .put("statusText", ReasonPhrases.of(body.status))
                .put("url", body.url)
                .put("total", body.bytes.length)
                .put("id", body.id);
        ObjectNode headers = h.putObject("headers");
        body.headers.forEach(headers::put);
        return trimmed(new ServiceFrame(h, part));
    }

    /** A reply whose headers made it longer than one reply: the same without the response's headers. */
    private static byte[] trimmed(ServiceFrame f) {
        byte[] b = f.encode();
        if (b.length <= HostService.MAX_REPLY) {
            return b;
        }
        f.header().putObject("headers");
        return f.encode();
    }

    private Body fetch(String method, URI uri) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        byte[] bytes;
        try (InputStream in = r.body()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new IOException("the body of " + uri + " is larger than " + MAX_BODY + " bytes");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().map().forEach((name, values) -> {
            // Fetch's Headers.get joins a repeated header's values with ", "
            headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", values));
        });
        return new Body(UUID.randomUUID().toString(), r.statusCode(), r.uri().toString(), headers, bytes);
    }

    /** Keeps {@code body} for the next part ({@code more}) or drops it; the oldest go past {@link #MAX_KEPT}. */
    private void keep(String key, Body body, boolean more) {
        synchronized (kept) {
            Body old = kept.remove(key);
            if (old != null) {
                keptBytes -= old.bytes.length;
            }
            if (!more) {
                return;
            }
            kept.put(key, body);
            keptBytes += body.bytes.length;
            for (Iterator<Body> it = kept.values().iterator(); keptBytes > MAX_KEPT && it.hasNext(); ) {
                Body b = it.next();
                if (b != body) {
                    keptBytes -= b.bytes.length;
                    it.remove();
                }
            }
        }
    }

    @Override
    public void close() {
        http.close();
        synchronized (kept) {
            kept.clear();
            keptBytes = 0;
        }
    }

    /** HTTP's reason phrases (RFC 9110) for Response.statusText: Java's client does not give the server's. */
    static final class ReasonPhrases {
        private static final Map<Integer, String> PHRASES = Map.ofEntries(
                Map.entry(200, "OK"),
                Map.entry(201, "Created"),
                Map.entry(202, "Accepted"),
                Map.entry(204, "No Content"),
                Map.entry(206, "Partial Content"),
                Map.entry(301, "Moved Permanently"),
                Map.entry(302, "Found"),
                Map.entry(303, "See Other"),
                Map.entry(304, "Not Modified"),
                Map.entry(307, "Temporary Redirect"),
                Map.entry(308, "Permanent Redirect"),
                Map.entry(400, "Bad Request"),
                Map.entry(401, "Unauthorized"),
                Map.entry(403, "Forbidden"),
                Map.entry(404, "Not Found"),
                Map.entry(405, "Method Not Allowed"),
                Map.entry(408, "Request Timeout"),
                Map.entry(409, "Conflict"),
                Map.entry(410, "Gone"),
                Map.entry(413, "Content Too Large"),
                Map.entry(429, "Too Many Requests"),
                Map.entry(500, "Internal Server Error"),
                Map.entry(501, "Not Implemented"),
                Map.entry(502, "Bad Gateway"),
                Map.entry(503, "Service Unavailable"),
                Map.entry(504, "Gateway Timeout"));

        private ReasonPhrases() {}

        static String of(int status) {
            return PHRASES.getOrDefault(status, "");
        }
    }
}

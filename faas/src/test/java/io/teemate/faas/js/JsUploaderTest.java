package io.teemate.faas.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.teemate.faas.abi.ServiceFrame;
import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.faas.host.NativeFunctionPlatform;
import io.teemate.host.container.HostService;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SeBS uploader (faas/workloads/js: fetch a URL, store the body in the key-value store) and the host services it
 * needs: fetch and teemate.kv go out of the enclave by OCALL_SERVICE to the platform, which makes the HTTP request
 * (to a local server here, standing in for the case's host files.test) and writes to a real redis-server, whose
 * contents the real redis-cli reads back. Then the host turns hostile: replies that claim impossible lengths, stop
 * early, do not fit, or are not frames at all are errors the function can catch, never a loop or a crash of the
 * enclave, and the same function serves the next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsUploaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnclaveFunctionPlatform p;
    private LocalRedis redis;
    private HttpServer http;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        redis = new LocalRedis(dir);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ex -> {
            byte[] body = served.get(ex.getRequestURI().getPath());
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            boolean head = ex.getRequestMethod().equals("HEAD");
            if (body == null) {
                byte[] nf = "no such file".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(404, head ? -1 : nf.length);
                try (OutputStream o = ex.getResponseBody()) {
                    if (!head) {
                        o.write(nf);
                    }
                }
                return;
            }
            ex.sendResponseHeaders(200, head ? -1 : (body.length == 0 ? -1 : body.length));
            try (OutputStream o = ex.getResponseBody()) {
                if (!head) {
                    o.write(body);
                }
            }
        });
        http.start();
        p = EnclaveFunctionPlatform.create(
                Mode.SHARED, dir, JsPlatforms.options().withKvEndpoint(redis.endpoint()));
        p.deploy(FunctionSpec.nodejs("probe", PROBE.getBytes(StandardCharsets.UTF_8), null, Map.of(), 256, 120_000));
    }

    @AfterAll
    void stop() {
        if (p != null) {
            p.close();
        }
        if (http != null) {
            http.stop(0);
        }
        if (redis != null) {
            redis.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @TestFactory
    List<DynamicTest> theUploaderStoresWhatItFetchedAsNodeDid() throws IOException {
        Path workloads = JsWorkloadsThroughTheGatewayTest.WORKLOADS;
        JsonNode e = JSON.readTree(workloads.resolve("expected/uploader.json").toFile());
        byte[] code = Files.readAllBytes(workloads.resolve(e.get("action").asText()));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : e.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                assertThat(sha256(code))
                        .as("the bundle node's results were recorded from")
                        .isEqualTo(e.get("sha256").asText());
                p.deploy(FunctionSpec.nodejs("uploader", code, null, Map.of(), 256, 120_000));
                for (JsonNode s : c.get("serve")) {
                    served.put(
                            s.get("path").asText(),
                            Base64.getDecoder().decode(s.get("content_base64").asText()));
                }
                ObjectNode params = c.get("params").deepCopy();
                // the case's host files.test is this test's server
                params.put("url", params.get("url").asText().replace("http://files.test", base()));
                Invocation i = p.invoke("uploader", JSON.writeValueAsBytes(params), Map.of());
                assertThat(i.exitCode())
                        .as("exit; log %s; output %s", i.log(), out(i))
                        .isZero();
                assertThat(JSON.readTree(i.output())).isEqualTo(c.get("result"));
                var stored = c.get("kv").fields();
                while (stored.hasNext()) {
                    var kv = stored.next();
                    byte[] value = redis.cli("GET", kv.getKey());
                    assertThat(value.length)
                            .as("redis-cli GET %s", kv.getKey())
                            .isEqualTo(kv.getValue().get("bytes").asInt());
                    assertThat(sha256(value))
                            .isEqualTo(kv.getValue().get("sha256").asText());
                }
            }));
        }
        return tests;
    }

    /** The native model (no enclave) serves fetch and teemate.kv alike: the same uploader, the same stored bytes. */
    @Test
    void theNativeModelServesTheSameServices(@TempDir Path dir) throws Exception {
        JsonNode e = JSON.readTree(JsWorkloadsThroughTheGatewayTest.WORKLOADS
                .resolve("expected/uploader.json")
                .toFile());
        JsonNode c = e.get("cases").get(0);
        JsonNode file = c.get("serve").get(0);
        served.put(
                file.get("path").asText(),
                Base64.getDecoder().decode(file.get("content_base64").asText()));
        byte[] code = Files.readAllBytes(JsWorkloadsThroughTheGatewayTest.WORKLOADS.resolve(
                e.get("action").asText()));
        try (NativeFunctionPlatform n =
                new NativeFunctionPlatform(dir, JsPlatforms.options().withKvEndpoint(redis.endpoint()))) {
            n.deploy(FunctionSpec.nodejs("uploader", code, null, Map.of(), 256, 120_000));
            ObjectNode params = c.get("params").deepCopy();
            params.put("key", "native/" + params.get("key").asText());
            params.put("url", params.get("url").asText().replace("http://files.test", base()));
            Invocation i = n.invoke("uploader", JSON.writeValueAsBytes(params), Map.of());
            assertThat(i.exitCode())
                    .as("exit; log %s; output %s", i.log(), out(i))
                    .isZero();
            byte[] stored = redis.cli("GET", params.get("key").asText());
            assertThat(sha256(stored)).isEqualTo(c.get("result").get("sha256").asText());
            n.registerService(EnclaveFunctionPlatform.SERVICE_FETCH, null);
            Invocation none = n.invoke("uploader", JSON.writeValueAsBytes(params), Map.of());
            assertThat(none.exitCode()).isEqualTo(1);
            assertThat(out(none)).contains("fetch failed: the platform has no fetch service");
        }
    }

    /**
     * A function that fetches, stores, reads back and reports what it saw, catching every error as {error, cause}:
     * params {url, key?, get?: only read key back}.
     */
    private static final String PROBE = """
            const crypto = require('crypto');
            const hex = (b) => crypto.createHash('sha256').update(b).digest('hex');
            async function main(p) {
              try {
                if (p.get) { const v = await teemate.kv.get(p.get); return { value: v === null ? null : hex(v), bytes: v && v.length }; }
                const r = await fetch(p.url, p.method ? { method: p.method } : undefined);
                const b = Buffer.from(await r.arrayBuffer());
                const out = { ok: r.ok, status: r.status, statusText: r.statusText, type: r.headers.get('content-type'),
                              url: r.url, bytes: b.length, sha256: hex(b) };
                if (p.key) {
                  await teemate.kv.set(p.key, b);
                  const back = await teemate.kv.get(p.key);
                  out.back = hex(back);
                  out.absent = await teemate.kv.get(p.key + '-absent');
                }
                return out;
              } catch (e) {
                return { error: e.name + ': ' + e.message, cause: e.cause ? e.cause.message : null };
              }
            }
            """;

    private JsonNode probe(Map<String, Object> params) throws IOException {
        Invocation i = p.invoke("probe", JSON.writeValueAsBytes(params), Map.of());
        assertThat(i.exitCode()).as("exit; log %s; output %s", i.log(), out(i)).isZero();
        return JSON.readTree(i.output());
    }

    @Test
    void aBodyOfManyRepliesIsFetchedStoredAndReadBackInParts() throws Exception {
        byte[] big = new byte[(1 << 20) + 12345]; // four fetch replies, six SET/APPENDs, five GETRANGEs
        new Random(7).nextBytes(big);
        served.put("/big.bin", big);
        JsonNode r = probe(Map.of("url", base() + "/big.bin", "key", "big/one"));
        assertThat(r.path("error").isMissingNode()).as(r.toString()).isTrue();
        assertThat(r.get("status").asInt()).isEqualTo(200);
        assertThat(r.get("ok").asBoolean()).isTrue();
        assertThat(r.get("statusText").asText()).isEqualTo("OK");
        assertThat(r.get("type").asText()).isEqualTo("application/octet-stream");
        assertThat(r.get("bytes").asInt()).isEqualTo(big.length);
        assertThat(r.get("sha256").asText()).isEqualTo(sha256(big));
        assertThat(r.get("back").asText()).as("kv.get of what kv.set stored").isEqualTo(sha256(big));
        assertThat(r.get("absent").isNull()).as("kv.get of a missing key").isTrue();
        assertThat(redis.cli("STRLEN", "big/one")).asString().isEqualTo(Integer.toString(big.length));
        assertThat(sha256(redis.cli("GET", "big/one"))).isEqualTo(sha256(big));
    }

    @Test
    void aMissingFileIsANotOkResponseNotAnError() throws Exception {
        JsonNode r = probe(Map.of("url", base() + "/missing.bin"));
        assertThat(r.get("ok").asBoolean()).as(r.toString()).isFalse();
        assertThat(r.get("status").asInt()).isEqualTo(404);
        assertThat(r.get("statusText").asText()).isEqualTo("Not Found");
        JsonNode head = probe(Map.of("url", base() + "/missing.bin", "method", "HEAD"));
        assertThat(head.get("status").asInt()).as(head.toString()).isEqualTo(404);
        assertThat(head.get("bytes").asInt()).isZero();
    }

    @Test
    void whatFetchDoesNotDoIsATypeError() throws Exception {
        assertThat(probe(Map.of("url", base() + "/x", "method", "POST"))
                        .get("error")
                        .asText())
                .isEqualTo("TypeError: fetch: only GET and HEAD are supported here, not POST");
        assertThat(probe(Map.of("url", "file:///etc/passwd")).get("error").asText())
                .isEqualTo("TypeError: fetch: file:///etc/passwd is not an http or https URL");
        // a server nobody listens on: Node's "fetch failed", with the reason as its cause
        JsonNode r = probe(Map.of("url", "http://127.0.0.1:1/x"));
        assertThat(r.get("error").asText()).startsWith("TypeError: fetch failed: fetch http://127.0.0.1:1/x: ");
        assertThat(r.get("cause").isTextual()).isTrue();
    }

    // ------------------------------------------------------------------ a hostile host

    /** Runs {@code params} in the probe while {@code service} answers for {@code name}; the real one afterwards. */
    private JsonNode withHostile(String name, HostService service, Map<String, Object> params) throws Exception {
        p.registerService(name, service);
        try {
            return probe(params);
        } finally {
            restore(name);
        }
    }

    private HostService realFetch;
    private HostService realKv;

    private void restore(String name) {
        p.registerService(name, name.equals(EnclaveFunctionPlatform.SERVICE_FETCH) ? realFetch : realKv);
    }

    private static byte[] fetchReply(long total, byte[] part) {
        ObjectNode h = ServiceFrame.newHeader()
                .put("status", 200)
                .put("statusText", "OK")
                .put("url", "http://evil.test/x")
                .put("total", total)
                .put("id", "1");
        h.putObject("headers");
        return new ServiceFrame(h, part).encode();
    }

    @Test
    void aHostThatClaimsAnImpossibleLengthIsAnError() throws Exception {
        captureRealServices();
        JsonNode r = withHostile(
                EnclaveFunctionPlatform.SERVICE_FETCH,
                (c, req) -> fetchReply(1L << 50, new byte[10]),
                Map.of("url", base() + "/x"));
        assertThat(r.get("error").asText())
                .contains("the host claims a body of 1125899906842624 bytes (the most is 67108864)");
        assertThat(probeWorks())
                .as("the same function afterwards, with the real host")
                .isTrue();
    }

    @Test
    void aHostThatStopsSendingBeforeTheEndIsAnErrorNotALoop() throws Exception {
        captureRealServices();
        AtomicInteger calls = new AtomicInteger();
        JsonNode r = withHostile(
                EnclaveFunctionPlatform.SERVICE_FETCH,
                (c, req) -> fetchReply(1000, calls.getAndIncrement() == 0 ? new byte[10] : new byte[0]),
                Map.of("url", base() + "/x"));
        assertThat(r.get("error").asText()).contains("the host stopped sending at byte 10 of 1000");
        assertThat(calls.get()).as("one reply, then the empty one").isEqualTo(2);
        AtomicInteger more = new AtomicInteger();
        r = withHostile(
                EnclaveFunctionPlatform.SERVICE_FETCH,
                (c, req) -> fetchReply(more.getAndIncrement() == 0 ? 100 : 200, new byte[10]),
                Map.of("url", base() + "/x"));
        assertThat(r.get("error").asText()).contains("the host changed the body's length from 100 to 200");
        assertThat(probeWorks()).isTrue();
    }

    @Test
    void aReplyLongerThanTheBufferOrNotAFrameIsAnError() throws Exception {
        captureRealServices();
        JsonNode r = withHostile(
                EnclaveFunctionPlatform.SERVICE_FETCH,
                (c, req) -> new byte[HostService.MAX_REPLY + 1],
                Map.of("url", base() + "/x"));
        assertThat(r.get("error").asText()).contains("the host's reply did not fit in 262144 bytes");
        r = withHostile(
                EnclaveFunctionPlatform.SERVICE_FETCH,
                (c, req) -> new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2},
                Map.of("url", base() + "/x"));
        assertThat(r.get("error").asText()).contains("the host sent a malformed reply");
        r = withHostile(
                EnclaveFunctionPlatform.SERVICE_FETCH,
                (c, req) -> {
                    throw new IOException("the network is down");
                },
                Map.of("url", base() + "/x"));
        assertThat(r.get("error").asText()).contains("the host's fetch service failed (errno 5)");
        // a kv value longer than the store claims it is
        r = withHostile(
                EnclaveFunctionPlatform.SERVICE_KV,
                (c, req) -> new ServiceFrame(
                                ServiceFrame.newHeader().put("exists", true).put("total", 5), new byte[10])
                        .encode(),
                Map.of("get", "k"));
        assertThat(r.get("error").asText()).contains("the host sent more than the 5 bytes it claimed");
        assertThat(probeWorks()).isTrue();
    }

    @Test
    void anUnknownServiceIsEnosys() throws Exception {
        captureRealServices();
        p.registerService(EnclaveFunctionPlatform.SERVICE_FETCH, null);
        try {
            // only ENOSYS from the host's channel gives this message (the prelude's reading of errno 38)
            assertThat(probe(Map.of("url", base() + "/x")).get("error").asText())
                    .isEqualTo("TypeError: fetch failed: the platform has no fetch service");
        } finally {
            restore(EnclaveFunctionPlatform.SERVICE_FETCH);
        }
        assertThat(probeWorks()).isTrue();
    }

    private boolean probeWorks() throws Exception {
        served.put("/ok.txt", "fine".getBytes(StandardCharsets.UTF_8));
        JsonNode r = probe(Map.of("url", base() + "/ok.txt"));
        return r.path("bytes").asInt() == 4 && r.path("status").asInt() == 200;
    }

    private void captureRealServices() {
        if (realFetch == null) {
            realFetch = p.service(EnclaveFunctionPlatform.SERVICE_FETCH);
            realKv = p.service(EnclaveFunctionPlatform.SERVICE_KV);
        }
    }

    private static String out(Invocation i) {
        return new String(i.output(), StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] b) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}

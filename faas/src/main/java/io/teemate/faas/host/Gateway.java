package io.teemate.faas.host;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The serverless gateway: an HTTP server on 127.0.0.1 in front of a {@link FunctionPlatform}. It speaks three
 * interfaces (documented in {@code docs/faas-openapi.yaml}):
 * <ul>
 *   <li>a REST API to deploy, list, get, invoke and delete functions under {@code /v1/functions};</li>
 *   <li>the OpenWhisk action runtime protocol ({@code POST /init}, {@code POST /run}), so an OpenWhisk invoker can
 *       drive it as an action container ({@link OpenWhiskProxy});</li>
 *   <li>{@code GET /metrics} in the Prometheus text format ({@link FaasMetrics}) and {@code GET /healthz}.</li>
 * </ul>
 * Every error a caller can cause is answered with a status and {@code {"error":{"kind":..,"message":..}}} naming
 * what was wrong; a function that traps, times out or wants too much memory fails only its own request. The gateway
 * does not own the platform: {@link #close()} stops the server, the caller closes the platform.
 */
public final class Gateway implements AutoCloseable {
    /** One route: its method and path template. */
    public record Route(String method, String template) {}

    /** Every route the gateway serves; docs/faas-openapi.yaml documents each (a test holds them to it). */
    public static final List<Route> ROUTES = List.of(
            new Route("GET", "/healthz"),
            new Route("GET", "/metrics"),
            new Route("GET", "/v1/functions"),
            new Route("GET", "/v1/functions/{name}"),
            new Route("PUT", "/v1/functions/{name}"),
            new Route("DELETE", "/v1/functions/{name}"),
            new Route("POST", "/v1/functions/{name}/invoke"),
            new Route("POST", "/init"),
            new Route("POST", "/run"));

    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final String OCTETS = "application/octet-stream";

    private final FunctionPlatform platform;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final FaasMetrics metrics;
    private final GatewayDeployRequest deployRequests;
    private final OpenWhiskProxy openWhisk;
    private final HttpServer server;
    private final ThreadPoolExecutor workers;

    private Gateway(FunctionPlatform platform, GatewayConfig config) throws IOException {
        this.platform = platform;
        this.config = config;
        this.json = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.metrics = new FaasMetrics(platform);
        this.deployRequests = new GatewayDeployRequest(config, json);
        this.openWhisk = new OpenWhiskProxy(this, platform, config, json);
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "teemate-gateway-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // A bounded pool and queue; when both are full the accepting thread runs the request itself, which
        // holds back new connections until a worker is free.
        this.workers = new ThreadPoolExecutor(
                config.threads(),
                config.threads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queueCapacity()),
                threads,
                new ThreadPoolExecutor.CallerRunsPolicy());
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, config.port()), 128);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /** Binds 127.0.0.1:{@code config.port()} and starts serving; a port in use is an {@link IOException}. */
    public static Gateway start(FunctionPlatform platform, GatewayConfig config) throws IOException {
        Gateway gateway = new Gateway(platform, config);
        gateway.server.start();
        return gateway;
    }

    /** The port the server is bound to (the one chosen when the config said 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public FaasMetrics metrics() {
        return metrics;
    }

    /** Stops accepting, lets requests in flight finish for up to a second, and stops the workers. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- routing

    private void handle(HttpExchange raw) {
        GatewayExchange x = new GatewayExchange(raw, json);
        String method = x.method();
        try {
            route(x, method);
        } catch (GatewayError e) {
            trySendError(x, e);
        } catch (FunctionException e) {
            trySendError(x, GatewayError.of(e));
        } catch (IOException e) {
            // The client went away or sent a broken request; there is no one to answer.
            LOG.log(System.Logger.Level.DEBUG, "I/O error on " + method + " " + x.path(), e);
        } catch (RuntimeException e) {
            // A platform bug: its text is Java detail for the operator (stderr, under the id), not for the client.
            trySendError(
                    x,
                    new GatewayError(
                            500,
                            FunctionException.Kind.INTERNAL.name(),
                            ErrorReport.generic("internal error", "on " + method + " " + x.path() + ": " + e, e)));
        } finally {
            metrics.request(x.route(), KNOWN_METHODS.contains(method) ? method : "OTHER", x.status());
            x.close();
        }
    }

    private static void trySendError(GatewayExchange x, GatewayError error) {
        if (x.status() != 0) {
            return; // the response has started; the connection is closed short instead
        }
        try {
            x.sendError(error);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not send error to client", e);
        }
    }

    private void route(GatewayExchange x, String method) throws IOException {
        List<String> s = x.pathSegments();
        if (s.size() == 1 && s.get(0).equals("healthz")) {
            allow(x, "/healthz", method, "GET");
            healthz(x);
        } else if (s.size() == 1 && s.get(0).equals("metrics")) {
            allow(x, "/metrics", method, "GET");
            x.send(200, FaasMetrics.CONTENT_TYPE, metrics.scrape());
        } else if (s.size() == 1 && s.get(0).equals("init")) {
            allow(x, "/init", method, "POST");
            openWhisk.init(x);
        } else if (s.size() == 1 && s.get(0).equals("run")) {
            allow(x, "/run", method, "POST");
            openWhisk.run(x);
        } else if (s.size() == 2 && s.get(0).equals("v1") && s.get(1).equals("functions")) {
            allow(x, "/v1/functions", method, "GET");
            list(x);
        } else if (s.size() == 3
                && s.get(0).equals("v1")
                && s.get(1).equals("functions")
                && !s.get(2).isEmpty()) {
            allow(x, "/v1/functions/{name}", method, "GET", "PUT", "DELETE");
            switch (method) {
                case "GET" -> get(x, s.get(2));
                case "PUT" -> deploy(x, s.get(2));
                default -> delete(x, s.get(2));
            }
        } else if (s.size() == 4
                && s.get(0).equals("v1")
                && s.get(1).equals("functions")
                && !s.get(2).isEmpty()
                && s.get(3).equals("invoke")) {
            allow(x, "/v1/functions/{name}/invoke", method, "POST");
            invoke(x, s.get(2));
        } else {
            throw GatewayError.notFound(
                    "no route " + method + " " + x.path() + "; the routes are listed in docs/faas-openapi.yaml");
        }
    }

    private static void allow(GatewayExchange x, String template, String method, String... allowed) {
        x.route(template);
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        x.header("Allow", String.join(", ", allowed));
        throw new GatewayError(
                405,
                GatewayError.METHOD_NOT_ALLOWED,
                "method " + method + " is not allowed on " + template + "; use " + String.join(" or ", allowed));
    }

    // ---------------------------------------------------------------- REST handlers

    private void healthz(GatewayExchange x) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("status", "ok");
        body.put("mode", platform.mode());
        body.put("functions", platform.list().size());
        x.sendJson(200, body);
    }

    private void list(GatewayExchange x) throws IOException {
        ObjectNode body = json.createObjectNode();
        ArrayNode functions = body.putArray("functions");
        platform.list().stream()
                .sorted(Comparator.comparing(FunctionInfo::name))
                .forEach(f -> functions.add(infoJson(f)));
        x.sendJson(200, body);
    }

    private void get(GatewayExchange x, String name) throws IOException {
        FunctionInfo info = platform.get(name).orElseThrow(() -> noSuchFunction(name));
        x.sendJson(200, infoJson(info));
    }

    private void deploy(GatewayExchange x, String name) throws IOException {
        byte[] body = x.body(config.maxBodyBytes());
        FunctionSpec spec = deployRequests.parse(name, x.contentType(), body, x.query());
        boolean replaces = platform.get(name).isPresent();
        FunctionInfo info = platform.deploy(spec);
        x.header("Location", "/v1/functions/" + name);
        x.sendJson(replaces ? 200 : 201, infoJson(info));
    }

    private void delete(GatewayExchange x, String name) throws IOException {
        if (!platform.delete(name)) {
            throw noSuchFunction(name);
        }
        x.sendEmpty(204);
    }

    private void invoke(GatewayExchange x, String name) throws IOException {
        byte[] stdin = x.body(config.maxBodyBytes());
        Map<String, String> params = new LinkedHashMap<>();
        for (GatewayExchange.QueryParam p : x.query()) {
            GatewayDeployRequest.checkEnvName("query parameter", p.name());
            if (params.put(p.name(), p.value()) != null) {
                throw GatewayError.badRequest("query parameter '" + p.name() + "' given twice");
            }
        }
        Invocation inv = invoke(name, stdin, params);
        x.header("X-Teemate-Cold", Boolean.toString(inv.cold()));
        x.header("X-Teemate-Exit-Code", Integer.toString(inv.exitCode()));
        phaseHeaders(x, "Wall", inv.wall());
        phaseHeaders(x, "Modeled", inv.modeled());
        // the part the modeled phases are priced for, so a modeled figure is never read without it
        platform.modeledPlatform().ifPresent(p -> x.header("X-Teemate-Modeled-Platform", p.id()));
        if (inv.runtime() == FunctionRuntime.NODEJS) {
            sendJsResult(x, inv);
            return;
        }
        x.send(200, OCTETS, inv.output());
    }

    /** The request header that asks for a JavaScript invocation's activation log in the response body. */
    static final String LOGS_HEADER = "X-Teemate-Logs";

    /**
     * A JavaScript function's answer as OpenWhisk's Node.js runtime gives it: the result (a JSON object) with 200, or
     * the action's {@code {"error": ...}} with 502. The activation log ({@code console} output) is not mixed in:
     * {@code X-Teemate-Log-Bytes} says how long it is, and {@code X-Teemate-Logs: true} on the request wraps the
     * answer as {@code {"result": ..., "logs": [lines]}} (OpenWhisk's activation record keeps its logs as lines).
     */
    private void sendJsResult(GatewayExchange x, Invocation inv) throws IOException {
        int status = inv.exitCode() == 0 ? 200 : 502;
        byte[] log = inv.log().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        x.header("X-Teemate-Log-Bytes", Integer.toString(log.length));
        List<String> wantLogs = x.requestHeaders().get(LOGS_HEADER);
        if (wantLogs == null || wantLogs.stream().noneMatch(v -> v.trim().equalsIgnoreCase("true"))) {
            x.send(status, "application/json", inv.output());
            return;
        }
        ObjectNode body = json.createObjectNode();
        try {
            body.set("result", json.readTree(inv.output()));
        } catch (IOException e) {
            body.put("result", new String(inv.output(), java.nio.charset.StandardCharsets.UTF_8));
        }
        ArrayNode lines = body.putArray("logs");
        inv.log().lines().forEach(lines::add);
        x.sendJson(status, body);
    }

    private static void phaseHeaders(GatewayExchange x, String clock, Invocation.Phases p) {
        x.header("X-Teemate-" + clock + "-Ms", millis(p.total()));
        x.header("X-Teemate-" + clock + "-Container-Creation-Ms", millis(p.containerCreation()));
        x.header("X-Teemate-" + clock + "-Enclave-Ms", millis(p.enclave()));
        x.header("X-Teemate-" + clock + "-Runtime-Init-Ms", millis(p.runtimeInit()));
        x.header("X-Teemate-" + clock + "-Execution-Ms", millis(p.execution()));
    }

    private static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /** Invokes through the platform and counts the outcome; shared by the REST route and OpenWhisk's /run. */
    Invocation invoke(String name, byte[] stdin, Map<String, String> params) {
        try {
            Invocation inv = platform.invoke(name, stdin, params);
            metrics.invoked(inv);
            return inv;
        } catch (FunctionException e) {
            if (e.kind() != FunctionException.Kind.NOT_FOUND) {
                metrics.failed(name, e.kind());
            }
            throw e;
        } catch (RuntimeException e) {
            metrics.failed(name, FunctionException.Kind.INTERNAL); // a platform bug; the router answers 500
            throw e;
        }
    }

    private static GatewayError noSuchFunction(String name) {
        return GatewayError.notFound("no function named '" + name + "'");
    }

    /** A function as the REST API shows it (snake_case, like the deploy request). */
    ObjectNode infoJson(FunctionInfo f) {
        ObjectNode n = json.createObjectNode();
        n.put("name", f.name());
        n.put("runtime", f.runtime().apiName());
        n.put("identity", f.identity());
        n.put("module_bytes", f.moduleBytes());
        n.put("max_memory_pages", f.maxMemoryPages());
        n.put("timeout_ms", f.timeoutMillis());
        n.put("idle_instances", f.idleInstances());
        n.put("busy_instances", f.busyInstances());
        n.put("invocations", f.invocations());
        return n;
    }
}

package io.teemate.faas.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenWhisk action runtime protocol (apache/openwhisk docs/actions-new.md, "Action interface"), so that an
 * OpenWhisk invoker can use the gateway as an action container:
 * <ul>
 *   <li>{@code POST /init} with {@code {"value":{"name":..,"main":..,"code":..,"binary":..,"env":{..}}}} deploys
 *       the container's single action. Its runtime is told from the code as OpenWhisk's runners tell it: a base64
 *       {@code code} ({@code binary} true) whose bytes start with the zip magic {@code PK\3\4} is a zipped Node.js
 *       action, other binary code a .wasm; a text {@code code} whose first non-blank character is {@code (} or
 *       {@code ;} is WebAssembly text, any other text is a Node.js action whose entry point is {@code main}
 *       ("main" by default; a WASI command starts at {@code _start} and ignores it). The action becomes the function
 *       {@code value.name} (its last path segment, with characters a function name cannot have replaced by '-'), or
 *       "action" when there is no name. A JavaScript action is initialised right away, as OpenWhisk's Node.js
 *       /init evaluates the code: a syntax error or a missing main is 502 "Initialization has failed due to: ..."
 *       and the proxy stays uninitialised. Answers 200 {@code {"ok":true}}. Initialising again is refused with 403
 *       "Cannot initialize the action more than once." as the reference proxies do; a body without a
 *       {@code value} object is 403 "Missing main/no code to execute."; a {@code value} without code is a
 *       blackbox container's /init (the invoker sends it to every cold container, deploy.md 2.7) and is 200, bound
 *       to the function of that name, or the only one, deployed beforehand (e.g. {@code teemate serve
 *       --deploy}); a module the platform refuses is 502.</li>
 *   <li>{@code POST /run} with {@code {"value":{..params..},"activation_id":..,"deadline":..,...}} invokes it with
 *       the JSON of {@code value} as standard input and every other top-level field as the environment variable
 *       {@code __OW_}+NAME in upper case (the protocol's activation context; numbers and strings alike, OpenWhisk's
 *       invoker sends {@code deadline} as a string). A Wasm function's standard output must be one JSON object,
 *       which is the 200 response; anything else is 502 "The action did not return a dictionary.", a non-zero exit
 *       is 502. A JavaScript action's result is the 200 response; its error ({@code {"error": ...}}, "An error has
 *       occurred: ..." for a throw) is the 502 response as it is, as OpenWhisk's Node.js runtime answers. A trap,
 *       timeout or memory limit is 502 naming the kind.</li>
 * </ul>
 * Every failure of the proxy's own is {@code {"error": MESSAGE}}, the single-field error object the protocol asks
 * for. After each {@code /run}, and after an /init that failed, the activation's log (a JavaScript action's
 * {@code console} output) goes to the configured stdout and then the end-of-activation marker to stdout and stderr,
 * where the invoker looks for them.
 */
final class OpenWhiskProxy {
    /** The log frame marker the invoker waits for on stdout and stderr after each activation. */
    static final String END_OF_ACTIVATION = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";

    static final String DEFAULT_ACTION = "action";

    /** A protocol failure: its status and the message of {@code {"error": ...}}. */
    private static final class Failure extends Exception {
        final int status;

        Failure(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final Gateway gateway;
    private final FunctionPlatform platform;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private String action; // guarded by this
    private boolean initialised; // guarded by this

    OpenWhiskProxy(Gateway gateway, FunctionPlatform platform, GatewayConfig config, ObjectMapper json) {
        this.gateway = gateway;
        this.platform = platform;
        this.config = config;
        this.json = json;
    }

    void init(GatewayExchange x) throws IOException {
        try {
            String name = initialize(x);
            ObjectNode ok = json.createObjectNode();
            ok.put("ok", true);
            if (name != null) {
                x.header("X-Teemate-Function", name);
            }
            x.sendJson(200, ok);
        } catch (Failure f) {
            if (f.status == 502) {
                // OpenWhisk's Node.js proxy ends a failed /init's log with the markers too; a refused one (403)
                // writes none (BasicActionRunnerTests counts 0 sentinels after a second /init).
                log(config.openWhiskStderr(), f.getMessage() + "\n");
                marker(config.openWhiskStdout());
                marker(config.openWhiskStderr());
            }
            sendFailure(x, f);
        }
    }

    // One action per container: serialised so that two /init calls cannot both deploy.
    private synchronized String initialize(GatewayExchange x) throws IOException, Failure {
        if (initialised) {
            throw new Failure(403, "Cannot initialize the action more than once.");
        }
        JsonNode root = readObject(x);
        JsonNode value = root.get("value");
        if (value == null || !value.isObject()) {
            throw new Failure(403, "Missing main/no code to execute.");
        }
        JsonNode code = value.get("code");
        if (code == null || code.isNull() || (code.isTextual() && code.asText().isBlank())) {
            // A blackbox action without code: the invoker still calls /init (deploy.md 2.7), and a 403 would fail
            // every activation. Run what was deployed before, as the docker skeleton runs its stub.
            action = blackboxAction(value.get("name"));
            initialised = true;
            return action;
        }
        if (!code.isTextual()) {
            throw new Failure(
                    400,
                    "value.code must be a string, not "
                            + code.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        JsonNode binaryNode = value.get("binary");
        if (binaryNode != null && !binaryNode.isBoolean() && !binaryNode.isNull()) {
            throw new Failure(400, "value.binary must be true or false, not " + binaryNode);
        }
        boolean binary = binaryNode != null && binaryNode.asBoolean();
        byte[] module;
        if (binary) {
            try {
                module = GatewayDeployRequest.decodeBase64(code.asText());
            } catch (IllegalArgumentException e) {
                throw new Failure(400, "value.code is not valid base64 (value.binary is true): " + e.getMessage());
            }
        } else {
            module = code.asText().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode mainNode = value.get("main");
        if (mainNode != null && !mainNode.isNull() && !mainNode.isTextual()) {
            throw new Failure(
                    400,
                    "value.main must be a string, not "
                            + mainNode.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String main = mainNode == null || mainNode.isNull() || mainNode.asText().isBlank() ? "main" : mainNode.asText();
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode envNode = value.get("env");
        if (envNode != null && !envNode.isNull()) {
            if (!envNode.isObject()) {
                throw new Failure(
                        400,
                        "value.env must be an object, not "
                                + envNode.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            for (Map.Entry<String, JsonNode> e : envNode.properties()) {
                try {
                    GatewayDeployRequest.checkEnvName("value.env", e.getKey());
                } catch (GatewayError bad) {
                    throw new Failure(400, bad.getMessage());
                }
                env.put(
                        e.getKey(),
                        e.getValue().isTextual()
                                ? e.getValue().asText()
                                : e.getValue().toString());
            }
        }
        String name = functionName(value.get("name"));
        boolean javascript = isJavaScript(module, binary);
        FunctionSpec spec = javascript
                ? FunctionSpec.nodejs(
                        name, module, main, env, config.defaultMaxMemoryPages(), config.defaultTimeoutMillis())
                : new FunctionSpec(
                        name,
                        module,
                        !binary,
                        List.of(),
                        env,
                        config.defaultMaxMemoryPages(),
                        config.defaultTimeoutMillis());
        try {
            platform.deploy(spec);
        } catch (FunctionException e) {
            throw new Failure(
                    502, javascript ? initFailed(e) : "Initialization has failed: " + e.kind() + ": " + e.getMessage());
        }
        action = name;
        initialised = true;
        return name;
    }

    /**
     * Whether /init's code is a Node.js action: binary code that is a zip (OpenWhisk's runner tells archives by
     * their magic bytes), or text that is not WebAssembly text (which starts with '(' or a ';;' comment).
     */
    static boolean isJavaScript(byte[] code, boolean binary) {
        if (binary) {
            return GatewayDeployRequest.isZip(code);
        }
        for (byte b : code) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b != '(' && b != ';';
            }
        }
        return false;
    }

    /** OpenWhisk's Node.js /init failure text: "Initialization has failed due to: ...". */
    private static String initFailed(FunctionException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.startsWith("Initialization has failed")) {
            return m;
        }
        return "Initialization has failed due to: " + m;
    }

    /**
     * The function a code-less /init runs: the one deployed under the action's name, else the only function
     * deployed, else none (then /run answers that there is no action).
     */
    private String blackboxAction(JsonNode nameNode) {
        String name = functionName(nameNode);
        if (nameNode != null && nameNode.isTextual() && platform.get(name).isPresent()) {
            return name;
        }
        List<FunctionInfo> all = platform.list();
        return all.size() == 1 ? all.get(0).name() : null;
    }

    /** The action's name as a function name: its last path segment, characters a name cannot have made '-'. */
    static String functionName(JsonNode name) {
        if (name == null || !name.isTextual()) {
            return DEFAULT_ACTION;
        }
        String s = name.asText();
        s = s.substring(s.lastIndexOf('/') + 1)
                .replaceAll("[^A-Za-z0-9._-]", "-")
                .replaceFirst("^[._-]+", "");
        if (s.length() > 128) {
            s = s.substring(0, 128);
        }
        return s.isEmpty() ? DEFAULT_ACTION : s;
    }

    /** One activation's answer: its status and body, and the activation's log. */
    private record Answer(int status, byte[] body, String log) {}

    void run(GatewayExchange x) throws IOException {
        Answer answer;
        try {
            answer = activate(x);
        } catch (Failure f) {
            ObjectNode body = json.createObjectNode();
            body.put("error", f.getMessage());
            answer = new Answer(f.status, json.writeValueAsBytes(body), "");
        }
        // The activation's log, then its end markers, before its result is answered, as the reference proxies do.
        log(config.openWhiskStdout(), answer.log());
        marker(config.openWhiskStdout());
        marker(config.openWhiskStderr());
        x.send(answer.status(), "application/json", answer.body());
    }

    private synchronized String action() {
        return action;
    }

    private Answer activate(GatewayExchange x) throws IOException, Failure {
        String name = action();
        if (name == null) {
            throw new Failure(500, "no action defined yet: POST /init first");
        }
        JsonNode root = readObject(x);
        JsonNode value = root.get("value");
        if (value == null || value.isNull()) {
            value = json.createObjectNode();
        } else if (!value.isObject()) {
            throw new Failure(
                    400,
                    "value must be a JSON object of the action's parameters, not "
                            + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        Map<String, String> context = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (e.getKey().equals("value") || e.getValue().isNull()) {
                continue;
            }
            String variable = "__OW_" + e.getKey().toUpperCase(Locale.ROOT);
            try {
                GatewayDeployRequest.checkEnvName("activation context", variable);
            } catch (GatewayError bad) {
                throw new Failure(400, bad.getMessage());
            }
            context.put(
                    variable,
                    e.getValue().isTextual()
                            ? e.getValue().asText()
                            : e.getValue().toString());
        }
        Invocation inv;
        try {
            inv = gateway.invoke(name, json.writeValueAsBytes(value), context);
        } catch (FunctionException e) {
            throw new Failure(502, "The action failed: " + e.kind() + ": " + e.getMessage());
        }
        if (inv.runtime() == FunctionRuntime.NODEJS) {
            return javascriptAnswer(inv);
        }
        if (inv.exitCode() != 0) {
            throw new Failure(502, "The action exited with code " + inv.exitCode() + ".");
        }
        JsonNode result;
        try {
            result = json.readTree(inv.output());
        } catch (IOException e) {
            result = null;
        }
        if (result == null || !result.isObject()) {
            throw new Failure(502, "The action did not return a dictionary.");
        }
        return new Answer(200, json.writeValueAsBytes(result), inv.log());
    }

    /**
     * A JavaScript action's answer as OpenWhisk's Node.js proxy gives it: exit 0 is its result with 200, exit 1 its
     * {@code {"error": ...}} with 502, the body as the engine wrote it. A body that is not one JSON object (the
     * enclave wrote it, so it should not happen) is said as the proxy's own error.
     */
    private Answer javascriptAnswer(Invocation inv) throws Failure {
        JsonNode result;
        try {
            result = json.readTree(inv.output());
        } catch (IOException e) {
            result = null;
        }
        int status = inv.exitCode() == 0 ? 200 : 502;
        if (result == null || !(result.isObject() || (status == 200 && result.isArray()))) {
            throw new Failure(502, "The action did not return a dictionary.");
        }
        return new Answer(status, inv.output(), inv.log());
    }

    private JsonNode readObject(GatewayExchange x) throws IOException, Failure {
        JsonNode root;
        try {
            root = x.jsonBody(config.maxBodyBytes());
        } catch (GatewayError e) {
            throw new Failure(e.status(), e.getMessage());
        }
        if (!root.isObject()) {
            throw new Failure(
                    400,
                    "request body must be a JSON object, not "
                            + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return root;
    }

    private void sendFailure(GatewayExchange x, Failure f) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("error", f.getMessage());
        x.sendJson(f.status, body);
    }

    /** The activation's log, as it is, ending in a newline so that the marker is a line of its own. */
    private static void log(PrintStream stream, String log) {
        if (stream != null && !log.isEmpty()) {
            stream.print(log.endsWith("\n") ? log : log + "\n");
            stream.flush();
        }
    }

    private static void marker(PrintStream stream) {
        if (stream != null) {
            stream.println(END_OF_ACTIVATION);
            stream.flush();
        }
    }
}

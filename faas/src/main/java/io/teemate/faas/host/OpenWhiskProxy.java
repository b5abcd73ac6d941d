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
 *       the container's single action: {@code code} is WebAssembly text, or a base64 .wasm when {@code binary} is
 *       true; it becomes the function {@code value.name} (its last path segment, with characters a function name
 *       cannot have replaced by '-'), or "action" when there is no name. {@code main} is not used: a WASI command
 *       module starts at {@code _start}. Answers 200 {@code {"ok":true}}. Initialising again is refused with 403
 *       "Cannot initialize the action more than once." as the reference proxies do; no code is 403 "Missing
 *       main/no code to execute."; a module the platform refuses is 502.</li>
 *   <li>{@code POST /run} with {@code {"value":{..params..},"activation_id":..,"deadline":..,...}} invokes it with
 *       the JSON of {@code value} as standard input and every other top-level field as the environment variable
 *       {@code __OW_}+NAME in upper case (the protocol's activation context). The function's standard output must be
 *       one JSON object, which is the 200 response; anything else is 502 "The action did not return a
 *       dictionary.", a non-zero exit is 502, a trap, timeout or memory limit is 502 naming the kind.</li>
 * </ul>
 * Every failure is {@code {"error": MESSAGE}}, the single-field error object the protocol asks for. After each
 * {@code /run} the end-of-activation marker goes to the configured stdout and stderr, where the invoker looks for it.
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
            x.header("X-Teemate-Function", name);
            x.sendJson(200, ok);
        } catch (Failure f) {
            sendFailure(x, f);
        }
    }

    // One action per container: serialised so that two /init calls cannot both deploy.
    private synchronized String initialize(GatewayExchange x) throws IOException, Failure {
        if (action != null) {
            throw new Failure(403, "Cannot initialize the action more than once.");
        }
        JsonNode root = readObject(x);
        JsonNode value = root.get("value");
        JsonNode code = value == null ? null : value.get("code");
        if (value == null
                || !value.isObject()
                || code == null
                || !code.isTextual()
                || code.asText().isEmpty()) {
            throw new Failure(403, "Missing main/no code to execute.");
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
        try {
            platform.deploy(new FunctionSpec(
                    name,
                    module,
                    !binary,
                    List.of(),
                    env,
                    config.defaultMaxMemoryPages(),
                    config.defaultTimeoutMillis()));
        } catch (FunctionException e) {
            throw new Failure(502, "Initialization has failed: " + e.kind() + ": " + e.getMessage());
        }
        action = name;
        return name;
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

    void run(GatewayExchange x) throws IOException {
        ObjectNode result = null;
        Failure failure = null;
        try {
            result = activate(x);
        } catch (Failure f) {
            failure = f;
        } finally {
            // The activation's log ends before its result is answered, as the reference proxies do.
            marker(config.openWhiskStdout());
            marker(config.openWhiskStderr());
        }
        if (failure != null) {
            sendFailure(x, failure);
        } else {
            x.sendJson(200, result);
        }
    }

    private synchronized String action() {
        return action;
    }

    private ObjectNode activate(GatewayExchange x) throws IOException, Failure {
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
        return (ObjectNode) result;
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

    private static void marker(PrintStream stream) {
        if (stream != null) {
            stream.println(END_OF_ACTIVATION);
            stream.flush();
        }
    }
}

package io.teemate.faas.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@code PUT /v1/functions/{name}} request into a {@link FunctionSpec}. Two forms:
 * <ul>
 *   <li>a JSON body {@code {"runtime": "wasm" | "nodejs", ...}}: for {@code wasm} (the default)
 *       {@code {"wat": TEXT | "module_base64": BASE64, "args": [..], "env": {..}, "max_memory_pages": N,
 *       "timeout_ms": N}} (exactly one of wat and module_base64); for {@code nodejs}
 *       {@code {"code": JS | "code_base64": BASE64 of a zip, "main": NAME, "env", "max_memory_pages",
 *       "timeout_ms"}} (exactly one of code and code_base64, OpenWhisk's plain and binary actions);</li>
 *   <li>the code itself as the body with the manifest in query parameters {@code runtime}, {@code timeout_ms},
 *       {@code max_memory_pages}, {@code env} (repeatable, {@code KEY=VALUE}), and {@code arg} (repeatable, in
 *       order; Wasm) or {@code main} (JavaScript).</li>
 * </ul>
 * Which form and runtime a body is comes from {@code ?runtime=} and its Content-Type ({@code application/json};
 * {@code application/wasm}; {@code application/wat} or {@code text/plain}; {@code application/javascript},
 * {@code text/javascript} or {@code application/zip} for JavaScript) or, for any other type (curl's default form
 * type, octet-stream, none), from its first bytes: the Wasm magic {@code \0asm}, the zip magic {@code PK\3\4}
 * (a zipped Node.js action, told apart as OpenWhisk's Node.js runner tells archives), a {@code (} or {@code ;} of
 * WebAssembly text, or a {@code {} of JSON. Every refusal is a 400 naming the field or parameter.
 */
final class GatewayDeployRequest {
    /** Function names: a letter or digit, then letters, digits, {@code . _ -}; at most 128 characters. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** The Wasm binary magic and version 1 (Wasm core spec 5.5.16, "Modules"). */
    private static final byte[] WASM_MAGIC = {0x00, 0x61, 0x73, 0x6d};

    /** The zip local-file-header magic, {@code PK\3\4} (APPNOTE.TXT 4.3.7), by which OpenWhisk tells a zip. */
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private static final Set<String> COMMON_FIELDS = Set.of("runtime", "env", "max_memory_pages", "timeout_ms");
    private static final Set<String> WASM_FIELDS = Set.of("wat", "module_base64", "args");
    private static final Set<String> NODEJS_FIELDS = Set.of("code", "code_base64", "main");
    private static final Set<String> COMMON_PARAMS = Set.of("runtime", "env", "max_memory_pages", "timeout_ms");
    /** Content types that say the body is a JavaScript action: source, or a zip of a Node.js package. */
    private static final Set<String> JS_TYPES = Set.of(
            "application/javascript",
            "text/javascript",
            "application/x-javascript",
            "application/ecmascript",
            "application/zip",
            "application/x-zip-compressed");

    private final GatewayConfig config;
    private final ObjectMapper json;

    GatewayDeployRequest(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw GatewayError.badRequest("bad function name '" + name + "': use 1 to 128 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        return name;
    }

    static boolean isWasmBinary(byte[] body) {
        return startsWith(body, WASM_MAGIC);
    }

    static boolean isZip(byte[] body) {
        return startsWith(body, ZIP_MAGIC);
    }

    private static boolean startsWith(byte[] body, byte[] magic) {
        if (body.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (body[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first byte that is not ASCII white space, or -1. */
    private static int firstNonSpace(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }

    FunctionSpec parse(String name, String contentType, byte[] body, List<GatewayExchange.QueryParam> query) {
        checkName(name);
        if (body.length == 0) {
            throw GatewayError.badRequest("request body is empty; send a .wasm or .wat module, JavaScript"
                    + " (?runtime=nodejs), or a JSON deploy request with \"wat\", \"module_base64\" or \"code\"");
        }
        FunctionRuntime asked = queryRuntime(query);
        if (JS_TYPES.contains(contentType)) {
            if (asked == FunctionRuntime.WASM) {
                throw GatewayError.badRequest("Content-Type " + contentType + " is JavaScript, but query parameter"
                        + " 'runtime' is wasm; drop one of them");
            }
            return fromRaw(name, body, FunctionRuntime.NODEJS, false, query);
        }
        if (asked == FunctionRuntime.NODEJS) {
            if (contentType.equals("application/json")
                    || contentType.equals("application/wasm")
                    || contentType.equals("application/wat")) {
                throw GatewayError.badRequest("query parameter 'runtime' is nodejs, but Content-Type is " + contentType
                        + "; send the JavaScript (or zip) with Content-Type application/javascript (application/zip)");
            }
            return fromRaw(name, body, FunctionRuntime.NODEJS, false, query);
        }
        return switch (contentType) {
            case "application/json" -> fromJson(name, body, query);
            case "application/wasm" -> fromRaw(name, body, FunctionRuntime.WASM, false, query);
            case "application/wat", "text/plain" -> fromRaw(name, body, FunctionRuntime.WASM, true, query);
            default -> {
                if (isWasmBinary(body)) {
                    yield fromRaw(name, body, FunctionRuntime.WASM, false, query);
                }
                if (isZip(body) && asked == null) {
                    yield fromRaw(name, body, FunctionRuntime.NODEJS, false, query);
                }
                int first = firstNonSpace(body);
                if (first == '(' || first == ';') {
                    yield fromRaw(name, body, FunctionRuntime.WASM, true, query);
                }
                if (first == '{' && asked == null) {
                    yield fromJson(name, body, query);
                }
                throw new GatewayError(
                        400,
                        FunctionException.Kind.BAD_MODULE.name(),
                        "request body is not a"
                                + " WebAssembly module: a binary module starts with the magic bytes 00 61 73 6D,"
                                + " WebAssembly text with '(' (or a ';;' comment), a JSON deploy request with '{';"
                                + " for JavaScript send Content-Type application/javascript (a zip: application/zip)"
                                + " or add ?runtime=nodejs");
            }
        };
    }

    /** The raw form's {@code ?runtime=}, or null when not given. */
    private static FunctionRuntime queryRuntime(List<GatewayExchange.QueryParam> query) {
        FunctionRuntime runtime = null;
        for (GatewayExchange.QueryParam p : query) {
            if (p.name().equals("runtime")) {
                if (runtime != null) {
                    throw GatewayError.badRequest("query parameter 'runtime' given twice");
                }
                runtime = parseRuntime("query parameter 'runtime'", p.value());
            }
        }
        return runtime;
    }

    private static FunctionRuntime parseRuntime(String where, String value) {
        try {
            return FunctionRuntime.parse(value);
        } catch (IllegalArgumentException e) {
            throw GatewayError.badRequest(where + ": " + e.getMessage());
        }
    }

    private FunctionSpec fromRaw(
            String name, byte[] body, FunctionRuntime runtime, boolean text, List<GatewayExchange.QueryParam> query) {
        boolean js = runtime == FunctionRuntime.NODEJS;
        List<String> args = new ArrayList<>();
        String main = null;
        Map<String, String> env = new LinkedHashMap<>();
        int pages = config.defaultMaxMemoryPages();
        long timeout = config.defaultTimeoutMillis();
        boolean sawPages = false;
        boolean sawTimeout = false;
        for (GatewayExchange.QueryParam p : query) {
            switch (p.name()) {
                case "runtime" -> {} // read by queryRuntime
                case "arg" -> {
                    if (js) {
                        throw GatewayError.badRequest("query parameter 'arg' is for WebAssembly functions; a"
                                + " JavaScript function gets its parameters as the invocation's JSON body");
                    }
                    args.add(p.value());
                }
                case "main" -> {
                    if (!js) {
                        throw GatewayError.badRequest("query parameter 'main' is for JavaScript functions"
                                + " (?runtime=nodejs); a WebAssembly command starts at _start");
                    }
                    if (main != null) {
                        throw GatewayError.badRequest("query parameter 'main' given twice");
                    }
                    main = p.value();
                }
                case "env" -> {
                    int eq = p.value().indexOf('=');
                    if (eq <= 0) {
                        throw GatewayError.badRequest(
                                "query parameter 'env' must be KEY=VALUE, not '" + p.value() + "'");
                    }
                    String key = p.value().substring(0, eq);
                    checkEnvName("query parameter 'env'", key);
                    if (env.put(key, p.value().substring(eq + 1)) != null) {
                        throw GatewayError.badRequest("query parameter 'env' sets " + key + " twice");
                    }
                }
                case "max_memory_pages" -> {
                    if (sawPages) {
                        throw GatewayError.badRequest("query parameter 'max_memory_pages' given twice");
                    }
                    sawPages = true;
                    pages = (int) checkRange(
                            "query parameter 'max_memory_pages'",
                            parseLong("query parameter" + " 'max_memory_pages'", p.value()),
                            1,
                            GatewayConfig.WASM_MAX_PAGES);
                }
                case "timeout_ms" -> {
                    if (sawTimeout) {
                        throw GatewayError.badRequest("query parameter 'timeout_ms' given twice");
                    }
                    sawTimeout = true;
                    timeout = checkRange(
                            "query parameter 'timeout_ms'",
                            parseLong("query parameter 'timeout_ms'", p.value()),
                            1,
                            config.maxTimeoutMillis());
                }
                default ->
                    throw GatewayError.badRequest("unknown query parameter '" + p.name() + "'; "
                            + (js ? "a JavaScript upload" : "a module upload") + " takes "
                            + String.join(", ", sorted(COMMON_PARAMS, js ? "main" : "arg")));
            }
        }
        if (js) {
            return FunctionSpec.nodejs(name, body, main, env, pages, timeout);
        }
        return new FunctionSpec(name, body, text, args, env, pages, timeout);
    }

    private static java.util.SortedSet<String> sorted(Set<String> a, String... more) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(List.of(more));
        return all;
    }

    private FunctionSpec fromJson(String name, byte[] body, List<GatewayExchange.QueryParam> query) {
        if (!query.isEmpty()) {
            throw GatewayError.badRequest("a JSON deploy request carries its manifest in the body; remove query"
                    + " parameter '" + query.get(0).name() + "'");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw GatewayError.badRequest(
                    "request body is not valid JSON: " + GatewayExchange.firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw GatewayError.badRequest("a JSON deploy request must be an object, not " + kindOf(root));
        }
        JsonNode runtimeNode = root.get("runtime");
        FunctionRuntime runtime = FunctionRuntime.WASM;
        if (runtimeNode != null && !runtimeNode.isNull()) {
            if (!runtimeNode.isTextual()) {
                throw GatewayError.badRequest(
                        "field 'runtime' must be a string, \"wasm\" or \"nodejs\", not " + kindOf(runtimeNode));
            }
            runtime = parseRuntime("field 'runtime'", runtimeNode.asText());
        }
        boolean js = runtime == FunctionRuntime.NODEJS;
        Set<String> own = js ? NODEJS_FIELDS : WASM_FIELDS;
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String field = entry.getKey();
            if (COMMON_FIELDS.contains(field) || own.contains(field)) {
                continue;
            }
            if ((js ? WASM_FIELDS : NODEJS_FIELDS).contains(field)) {
                throw GatewayError.badRequest("field '" + field + "' is for runtime "
                        + (js ? "wasm" : "nodejs") + ", and this request's runtime is " + runtime.apiName()
                        + (js ? "" : " (add \"runtime\": \"nodejs\" for a JavaScript function)"));
            }
            java.util.TreeSet<String> fields = new java.util.TreeSet<>(COMMON_FIELDS);
            fields.addAll(own);
            throw GatewayError.badRequest("unknown field '" + field + "'; a " + runtime.apiName()
                    + " deploy request has " + String.join(", ", fields));
        }
        if (js) {
            return nodejsFromJson(name, root);
        }
        JsonNode wat = root.get("wat");
        JsonNode base64 = root.get("module_base64");
        if ((wat == null) == (base64 == null)) {
            throw GatewayError.badRequest(
                    wat == null
                            ? "missing field: give the module as 'wat' (WebAssembly text) or 'module_base64' (a .wasm, base64)"
                            : "give either field 'wat' or field 'module_base64', not both");
        }
        byte[] module;
        boolean text;
        if (wat != null) {
            if (!wat.isTextual() || wat.asText().isBlank()) {
                throw GatewayError.badRequest(
                        "field 'wat' must be a non-empty string of WebAssembly text, not " + kindOf(wat));
            }
            module = wat.asText().getBytes(StandardCharsets.UTF_8);
            text = true;
        } else {
            if (!base64.isTextual()) {
                throw GatewayError.badRequest("field 'module_base64' must be a string, not " + kindOf(base64));
            }
            try {
                module = decodeBase64(base64.asText());
            } catch (IllegalArgumentException e) {
                throw GatewayError.badRequest("field 'module_base64' is not valid base64: " + e.getMessage());
            }
            if (module.length == 0) {
                throw GatewayError.badRequest("field 'module_base64' is empty");
            }
            text = false;
        }
        List<String> args = new ArrayList<>();
        JsonNode argsNode = root.get("args");
        if (argsNode != null && !argsNode.isNull()) {
            if (!argsNode.isArray()) {
                throw GatewayError.badRequest("field 'args' must be an array of strings, not " + kindOf(argsNode));
            }
            for (int i = 0; i < argsNode.size(); i++) {
                if (!argsNode.get(i).isTextual()) {
                    throw GatewayError.badRequest(
                            "field 'args[" + i + "]' must be a string, not " + kindOf(argsNode.get(i)));
                }
                args.add(argsNode.get(i).asText());
            }
        }
        Map<String, String> env = envField(root);
        int pages = (int)
                integerField(root, "max_memory_pages", config.defaultMaxMemoryPages(), GatewayConfig.WASM_MAX_PAGES);
        long timeout = integerField(root, "timeout_ms", config.defaultTimeoutMillis(), config.maxTimeoutMillis());
        return new FunctionSpec(name, module, text, args, env, pages, timeout);
    }

    /** {@code {"runtime": "nodejs", "code" | "code_base64", "main", ...}}: OpenWhisk's plain and binary actions. */
    private FunctionSpec nodejsFromJson(String name, JsonNode root) {
        JsonNode code = root.get("code");
        JsonNode base64 = root.get("code_base64");
        if ((code == null) == (base64 == null)) {
            throw GatewayError.badRequest(
                    code == null
                            ? "missing field: give the action as 'code' (JavaScript source) or 'code_base64' (a zip"
                                    + " of a Node.js package, base64)"
                            : "give either field 'code' or field 'code_base64', not both");
        }
        byte[] bytes;
        if (code != null) {
            if (!code.isTextual() || code.asText().isBlank()) {
                throw GatewayError.badRequest(
                        "field 'code' must be a non-empty string of JavaScript, not " + kindOf(code));
            }
            bytes = code.asText().getBytes(StandardCharsets.UTF_8);
        } else {
            if (!base64.isTextual()) {
                throw GatewayError.badRequest("field 'code_base64' must be a string, not " + kindOf(base64));
            }
            try {
                bytes = decodeBase64(base64.asText());
            } catch (IllegalArgumentException e) {
                throw GatewayError.badRequest("field 'code_base64' is not valid base64: " + e.getMessage());
            }
            if (bytes.length == 0) {
                throw GatewayError.badRequest("field 'code_base64' is empty");
            }
        }
        String main = null;
        JsonNode mainNode = root.get("main");
        if (mainNode != null && !mainNode.isNull()) {
            if (!mainNode.isTextual()) {
                throw GatewayError.badRequest("field 'main' must be a string naming the action's function (e.g."
                        + " \"main\" or \"handlers.hello\"), not " + kindOf(mainNode));
            }
            main = mainNode.asText();
        }
        Map<String, String> env = envField(root);
        int pages = (int)
                integerField(root, "max_memory_pages", config.defaultMaxMemoryPages(), GatewayConfig.WASM_MAX_PAGES);
        long timeout = integerField(root, "timeout_ms", config.defaultTimeoutMillis(), config.maxTimeoutMillis());
        return FunctionSpec.nodejs(name, bytes, main, env, pages, timeout);
    }

    private static Map<String, String> envField(JsonNode root) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode envNode = root.get("env");
        if (envNode != null && !envNode.isNull()) {
            if (!envNode.isObject()) {
                throw GatewayError.badRequest("field 'env' must be an object of strings, not " + kindOf(envNode));
            }
            for (Map.Entry<String, JsonNode> e : envNode.properties()) {
                checkEnvName("field 'env'", e.getKey());
                if (!e.getValue().isTextual()) {
                    throw GatewayError.badRequest(
                            "field 'env." + e.getKey() + "' must be a string, not " + kindOf(e.getValue()));
                }
                env.put(e.getKey(), e.getValue().asText());
            }
        }
        return env;
    }

    private static long integerField(JsonNode root, String field, long absent, long max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw GatewayError.badRequest(
                    "field '" + field + "' must be an integer 1.." + max + ", not " + kindOf(node));
        }
        return checkRange("field '" + field + "'", node.asLong(), 1, max);
    }

    /** Standard base64 (RFC 4648 section 4); line breaks and spaces, as the base64 tool writes them, are ignored. */
    static byte[] decodeBase64(String text) {
        return Base64.getDecoder().decode(text.replaceAll("[\\s]", ""));
    }

    static void checkEnvName(String where, String key) {
        if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
            throw GatewayError.badRequest(where + ": bad variable name '" + key + "' (empty, or has '=' or NUL)");
        }
    }

    private static long parseLong(String what, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw GatewayError.badRequest(what + " must be an integer, not '" + value + "'");
        }
    }

    private static long checkRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw GatewayError.badRequest(what + " must be " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    private static String kindOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String shown = node.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 37) + "...";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }
}

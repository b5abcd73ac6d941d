package io.teemate.cli.serve;

import io.teemate.faas.host.FunctionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code teemate serve --deploy NAME=FILE[#MAIN]}: a function deployed from a file before the gateway serves, its
 * runtime told by the file's extension as the REST API tells it by Content-Type: {@code .wasm} a WebAssembly binary,
 * {@code .wat} WebAssembly text, {@code .js} or {@code .cjs} a Node.js action's source, {@code .zip} a zipped
 * Node.js package (OpenWhisk's binary action). {@code MAIN} is a JavaScript action's entry point ("main" by default;
 * {@code file.fn} for export fn of file.js in a zip). Such a function is what a blackbox OpenWhisk container's
 * code-less /init runs.
 */
record FunctionFile(String name, Path file, String main) {
    static final String EXTENSIONS = ".wasm, .wat (WebAssembly), .js, .cjs, .zip (nodejs)";

    /** Parses {@code NAME=FILE[#MAIN]}; what is wrong is said naming the option. */
    static FunctionFile parse(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException(
                    "--deploy " + value + ": give NAME=FILE (e.g. hello=hello.js, or pkg=action.zip#other.niam)");
        }
        String name = value.substring(0, eq);
        String rest = value.substring(eq + 1);
        int hash = rest.lastIndexOf('#');
        String main = hash < 0 ? null : rest.substring(hash + 1);
        Path file = Path.of(hash < 0 ? rest : rest.substring(0, hash));
        if (main != null && !runtimeOf(file).equals("nodejs")) {
            throw new IllegalArgumentException("--deploy " + value
                    + ": #MAIN is for JavaScript files (.js, .cjs, .zip);" + " a WebAssembly command starts at _start");
        }
        return new FunctionFile(name, file, main);
    }

    /** "wasm", "wat" or "nodejs" by the file's extension. */
    static String runtimeOf(Path file) {
        String n =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".wasm")) {
            return "wasm";
        }
        if (n.endsWith(".wat")) {
            return "wat";
        }
        if (n.endsWith(".js") || n.endsWith(".cjs") || n.endsWith(".zip")) {
            return "nodejs";
        }
        throw new IllegalArgumentException(
                "--deploy: cannot tell the runtime of " + file + " from its name; use one of " + EXTENSIONS);
    }

    /** The deploy request, with the gateway's default limits. */
    FunctionSpec spec(int maxMemoryPages, long timeoutMillis) throws IOException {
        byte[] code = Files.readAllBytes(file);
        return switch (runtimeOf(file)) {
            case "wasm" -> new FunctionSpec(name, code, false, List.of(), Map.of(), maxMemoryPages, timeoutMillis);
            case "wat" -> new FunctionSpec(name, code, true, List.of(), Map.of(), maxMemoryPages, timeoutMillis);
            default -> FunctionSpec.nodejs(name, code, main, Map.of(), maxMemoryPages, timeoutMillis);
        };
    }
}

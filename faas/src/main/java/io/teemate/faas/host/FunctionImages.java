package io.teemate.faas.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.image.AttachKeys;
import io.teemate.abi.image.ManifestException;
import io.teemate.faas.abi.JsAbi;
import io.teemate.faas.abi.WasmAbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A deployed function's files, the same whichever way it is served (in an enclave or natively): the checks of a
 * {@link FunctionSpec} (its name, limits and environment, the module by {@link ModuleCheck}), and its container
 * image under {@code workDir/functions/<name>/v<n>/}: the code as trusted files with their SHA-256 and the container
 * manifest (arguments, environment, limits, an attach key).
 */
final class FunctionImages {
    /** What a function may be called: it names a directory and a container. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private static final String MODULE_FILE = "module.wasm";
    private static final String JS_ENGINE_FILE = "jsfn.wasm";
    private static final String JS_ENGINE_RESOURCE = "/io/teemate/faas/js/jsfn.wasm";
    /** A JavaScript entry point: a name, or a dotted path into the module's exports. */
    private static final Pattern JS_MAIN = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;
    private final PlatformOptions options;
    private final WatCompiler wat = new WatCompiler();
    private final AtomicInteger generation = new AtomicInteger();

    FunctionImages(Path workDir, PlatformOptions options) {
        this.workDir = workDir;
        this.options = options;
    }

    /** A written function: its limits as deployed, and its image as {@code load} made it from the manifest. */
    record Written<T>(
            String name, T image, long codeBytes, int maxMemoryPages, long timeoutMillis, FunctionRuntime runtime) {}

    /**
     * Checks {@code spec} ({@code check}: the module too) and writes its image; {@code load} reads the manifest
     * back (a {@link ManifestException} from it is the function's BAD_MODULE).
     */
    <T> Written<T> write(FunctionSpec spec, boolean check, Function<Path, T> load) {
        String name = spec.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE,
                    "function name \"" + name + "\" is not "
                            + "allowed: letters, digits, '_', '.', '-', starting with a letter or digit, at most 64");
        }
        int maxPages = spec.maxMemoryPages() <= 0 ? options.defaultMaxMemoryPages() : spec.maxMemoryPages();
        if (maxPages > com.dylibso.chicory.runtime.Memory.RUNTIME_MAX_PAGES) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE,
                    "function " + name + ": a memory limit of "
                            + maxPages + " pages is more than the "
                            + com.dylibso.chicory.runtime.Memory.RUNTIME_MAX_PAGES
                            + " a Wasm instance can have");
        }
        long timeout = spec.timeoutMillis() <= 0 ? options.defaultTimeoutMillis() : spec.timeoutMillis();
        for (String key : spec.env().keySet()) {
            if (key.startsWith(WasmAbi.RESERVED_PREFIX)) {
                throw new FunctionException(
                        FunctionException.Kind.BAD_MODULE,
                        "function " + name + ": environment variable " + key + " starts with " + WasmAbi.RESERVED_PREFIX
                                + ", which is reserved for the platform");
            }
        }
        byte[] code;
        T image;
        if (spec.runtime() == FunctionRuntime.NODEJS) {
            code = spec.module();
            image = writeJsFunction(name, code, spec, maxPages, timeout, load);
        } else {
            code = spec.text() ? wat.compile(spec.module()) : spec.module();
            if (check) {
                ModuleCheck.check(name, code, maxPages);
            }
            image = writeFunction(name, code, spec, maxPages, timeout, load);
        }
        return new Written<>(name, image, code.length, maxPages, timeout, spec.runtime());
    }

    private <T> T writeFunction(
            String name, byte[] wasm, FunctionSpec spec, int maxPages, long timeout, Function<Path, T> load) {
        Path dir = workDir.resolve("functions").resolve(name).resolve("v" + generation.incrementAndGet());
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(MODULE_FILE), wasm);
            List<String> args = new ArrayList<>();
            args.add(MODULE_FILE);
            args.addAll(spec.args());
            Map<String, String> env = new TreeMap<>(spec.env());
            env.put(WasmAbi.ENV_MAX_MEMORY_PAGES, Integer.toString(maxPages));
            env.put(WasmAbi.ENV_TIMEOUT_MS, Long.toString(timeout));
            env.put(WasmAbi.ENV_ENGINE, options.engine().manifestName());
            Path manifest = writeContainerManifest(
                    dir,
                    name,
                    WasmAbi.APP,
                    args,
                    env,
                    List.of(Map.of("path", MODULE_FILE, "sha256", HexFormat.of().formatHex(sha256(wasm)))),
                    memoryLimit(maxPages));
            return load.apply(manifest);
        } catch (ManifestException e) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE, "function " + name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FunctionException(
                    FunctionException.Kind.INTERNAL,
                    "function " + name + ": writing its image under " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * A JavaScript function's image: the engine ({@value #JS_ENGINE_FILE}, the same bytes for every JavaScript
     * function, so a shared enclave loads it once) and the action as trusted files, entry {@value JsAbi#APP}.
     */
    private <T> T writeJsFunction(
            String name, byte[] code, FunctionSpec spec, int maxPages, long timeout, Function<Path, T> load) {
        Path dir = workDir.resolve("functions").resolve(name).resolve("v" + generation.incrementAndGet());
        String main = spec.main() == null || spec.main().isBlank() ? "main" : spec.main();
        if (!JS_MAIN.matcher(main).matches()) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE,
                    "function " + name + ": main \"" + main + "\" is not a JavaScript name (e.g. main, or "
                            + "handlers.hello for a property of the module's exports)");
        }
        if (code.length == 0 || new String(code, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new FunctionException(FunctionException.Kind.BAD_MODULE, "function " + name + ": no code to run");
        }
        boolean zip = code.length >= 4 && code[0] == 'P' && code[1] == 'K' && code[2] == 3 && code[3] == 4;
        String actionFile = zip ? "action.zip" : "action.js";
        try {
            Files.createDirectories(dir);
            byte[] engine = jsEngine();
            Files.write(dir.resolve(JS_ENGINE_FILE), engine);
            Files.write(dir.resolve(actionFile), code);
            Map<String, String> env = new TreeMap<>(spec.env());
            env.put(WasmAbi.ENV_MAX_MEMORY_PAGES, Integer.toString(maxPages));
            env.put(WasmAbi.ENV_TIMEOUT_MS, Long.toString(timeout));
            env.put(WasmAbi.ENV_ENGINE, options.engine().manifestName());
            env.put(JsAbi.ENV_MAIN, main);
            Path manifest = writeContainerManifest(
                    dir,
                    name,
                    JsAbi.APP,
                    List.of(JS_ENGINE_FILE, actionFile),
                    env,
                    List.of(
                            Map.of(
                                    "path",
                                    JS_ENGINE_FILE,
                                    "sha256",
                                    HexFormat.of().formatHex(sha256(engine))),
                            Map.of("path", actionFile, "sha256", HexFormat.of().formatHex(sha256(code)))),
                    // the isolate's pages, and as many again for the function's snapshot it starts from
                    memoryLimit(2 * maxPages));
            return load.apply(manifest);
        } catch (ManifestException e) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE, "function " + name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FunctionException(
                    FunctionException.Kind.INTERNAL,
                    "function " + name + ": writing its image under " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    /** The JavaScript engine the faas jar carries (faas/workloads/quickjs/build.sh makes it). */
    static byte[] jsEngine() throws IOException {
        try (var in = FunctionImages.class.getResourceAsStream(JS_ENGINE_RESOURCE)) {
            if (in == null) {
                throw new IOException("the JavaScript engine " + JS_ENGINE_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }

    /**
     * The enclave image every function's container names ({@value EnclaveFunctionPlatform#EnclaveFunctionPlatform.ENCLAVE_NAME}): the
     * trusted runtime with the Wasm and JavaScript apps, the platform's threads and heap. The native model writes it
     * too, so a function's container image is the same whichever way it is served.
     */
    Path writeEnclaveManifest() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", EnclaveFunctionPlatform.ENCLAVE_NAME);
        m.put("runtime", RuntimeAbi.RUNTIME_NAME);
        m.put("apps", List.of(WasmAbi.APP, JsAbi.APP, WasmAbi.STATS_APP));
        m.put("threads", options.threads() + 1); // one more TCS for the platform's own runtime-statistics container
        m.put("heap_size", options.heapSize());
        m.put("edmm", options.edmm());
        if (options.edmm()) {
            m.put("heap_initial", options.heapInitial());
        }
        Path file = workDir.resolve(EnclaveFunctionPlatform.ENCLAVE_NAME + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), m);
        return file;
    }

    /** {@code memoryLimit}: the container's memory_limit in bytes, 0 for none. */
    Path writeContainerManifest(
            Path dir,
            String name,
            String entry,
            List<String> args,
            Map<String, String> env,
            List<Map<String, String>> files,
            long memoryLimit)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put(
                "enclave_image",
                dir.relativize(workDir.resolve(EnclaveFunctionPlatform.ENCLAVE_NAME + ".json"))
                        .toString()
                        .replace('\\', '/'));
        m.put("entry", entry);
        m.put("args", args);
        m.put("env", env);
        m.put("files", files);
        if (memoryLimit > 0) {
            m.put("memory_limit", Long.toString(memoryLimit));
        }
        Path file = dir.resolve("container.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), m);
        AttachKeys.provision(file, true);
        return file;
    }

    /**
     * The instance container's memory_limit: its Wasm memory limit and one Wasm page more for the app's own use of
     * its heap. The Wasm engine stops the module at its page limit first; the runtime's quota is the backstop that
     * holds even if a path of the engine did not, so one function never takes another's share of the enclave.
     */
    static long memoryLimit(int maxWasmPages) {
        return ((long) maxWasmPages + 1) * com.dylibso.chicory.runtime.Memory.PAGE_SIZE;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

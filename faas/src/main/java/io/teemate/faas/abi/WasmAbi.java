package io.teemate.faas.abi;

import io.teemate.abi.Wire;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The call interface between the serverless platform (host) and the {@value #APP} container program (enclave,
 * {@code io.teemate.faas.enclave.WasmApp}), the way an SGX SDK's EDL file joins two halves: the container manifest's
 * fields the app reads, and the framing of one invocation's standard input.
 * <p><b>Container manifest.</b> {@code entry} is {@value #APP}; {@code args[0]} is the module's trusted-file path
 * (a {@code .wasm} listed in {@code files} with its SHA-256), {@code args[1..]} are the function's own arguments
 * (its argv after argv[0], which is the container's name); {@code env} is the function's environment plus the
 * limits {@value #ENV_MAX_MEMORY_PAGES} (64 KiB Wasm pages) and {@value #ENV_TIMEOUT_MS} (per invocation), and
 * optionally {@value #ENV_ENGINE} ({@code compiler}, the default, or {@code interpreter}). Keys starting with
 * {@value #RESERVED_PREFIX} are the platform's and are not passed to the module.
 * <p><b>Invocation (ECALL_INVOKE standard input).</b> Little-endian, lengths u32:
 * <pre>
 *   "\0TMWASM1" (8 bytes) | param count | per param: key length, key (UTF-8), value length, value | body length, body
 * </pre>
 * The body becomes the module's WASI standard input; the parameters are added to its environment (over the
 * manifest's, except reserved keys). Standard input that does not start with the magic is taken whole as the body
 * with no parameters, so a plain {@code ContainerManager.invoke} works too. An <em>empty</em> standard input (the
 * container's first run, ECALL_RUN) only prepares the instance: the module is verified and loaded into the
 * enclave's module cache, nothing runs. That is how the platform books module loading to the start-up phase.
 */
public final class WasmAbi {
    /** The container program that runs WebAssembly modules. */
    public static final String APP = "wasm";
    /** The container program that reports the enclave's Wasm runtime statistics ({@code io.teemate.faas.enclave.WasmRuntimeStats}). */
    public static final String STATS_APP = "wasm-stats";

    public static final String ENV_MAX_MEMORY_PAGES = "TEEMATE_MAX_MEMORY_PAGES";
    public static final String ENV_TIMEOUT_MS = "TEEMATE_TIMEOUT_MS";
    public static final String ENV_ENGINE = "TEEMATE_WASM_ENGINE";
    /** Environment keys with this prefix belong to the platform: never passed to the module, never overridden. */
    public static final String RESERVED_PREFIX = "TEEMATE_";
    /** When the manifest gives no limit: 16 MiB of linear memory, 10 s per invocation. */
    public static final int DEFAULT_MAX_MEMORY_PAGES = 256;

    public static final long DEFAULT_TIMEOUT_MS = 10_000;

    private static final byte[] MAGIC = {0, 'T', 'M', 'W', 'A', 'S', 'M', '1'};

    private WasmAbi() {}

    /** One decoded invocation: prepare only (empty standard input), or parameters and a body. */
    public record Request(boolean prepareOnly, Map<String, String> params, byte[] body) {
        public Request {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** The standard input of one invocation with {@code params} and {@code body}. */
    public static byte[] encodeInvocation(Map<String, String> params, byte[] body) {
        Wire.Writer w = new Wire.Writer().bytes(MAGIC).u32(params.size());
        params.forEach((k, v) -> w.string(k).string(v));
        return w.blob(body).toBytes();
    }

    /**
     * Decodes an invocation's standard input (see the class comment).
     *
     * @throws Wire.MalformedException if it starts with the magic but is cut short or has trailing bytes
     */
    public static Request decodeInvocation(byte[] stdin) {
        if (stdin.length == 0) {
            return new Request(true, Map.of(), stdin);
        }
        if (stdin.length < MAGIC.length || !Arrays.equals(stdin, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return new Request(false, Map.of(), stdin);
        }
        Wire.Reader r = new Wire.Reader(Arrays.copyOfRange(stdin, MAGIC.length, stdin.length));
        long count = r.u32("parameter count");
        if (count > stdin.length / 8) {
            throw new Wire.MalformedException("parameter count " + count + " cannot fit in " + stdin.length + " bytes");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            String key = r.string("parameter " + i + " name");
            params.put(key, r.string("parameter " + key));
        }
        byte[] body = r.blob("body");
        r.end();
        return new Request(false, params, body);
    }

    /**
     * A problem with {@code name} as an environment variable name for a module, or null if it is fine: non-empty,
     * no '=' or NUL, and not reserved.
     */
    public static String parameterNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a parameter name must not be empty";
        }
        if (name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            return "parameter name \"" + name.replace("\0", "\\0")
                    + "\" contains '=' or NUL, so it cannot be an environment variable";
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            return "parameter name \"" + name + "\" starts with " + RESERVED_PREFIX
                    + ", which is reserved for the platform";
        }
        return null;
    }
}

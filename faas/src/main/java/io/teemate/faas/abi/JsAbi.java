package io.teemate.faas.abi;

import io.teemate.abi.Wire;

import java.nio.charset.StandardCharsets;

/**
 * The call interface between the serverless platform (host) and the {@value #APP} container program (enclave,
 * {@code io.teemate.faas.enclave.JsApp}), which runs a JavaScript function on QuickJS built for WebAssembly.
 * <p><b>Container manifest.</b> {@code entry} is {@value #APP}; {@code args[0]} is the engine's trusted-file path
 * ({@code jsfn.wasm}, the same bytes for every JavaScript function, so a shared enclave loads it once),
 * {@code args[1]} the action's: JavaScript source, or a zip archive (OpenWhisk's {@code binary} action, recognised
 * by its magic bytes) with {@code package.json} or {@code index.js} at its root. {@code env} holds the action's
 * environment ({@code process.env}), {@value #ENV_MAIN} and the limits {@link WasmAbi} names.
 * <p><b>Invocation.</b> Standard input is framed as {@link WasmAbi} frames it: the body is the activation's
 * parameters as a JSON value ({@code /run}'s {@code value}), the parameters are the activation's environment
 * ({@code __OW_ACTIVATION_ID}, {@code __OW_DEADLINE}, ...). An empty standard input prepares the instance: the
 * engine is loaded and the action initialised (OpenWhisk's {@code /init}), and the result is kept as the function's
 * snapshot that every invocation starts from.
 * <p><b>Result.</b> Exit status {@value #EXIT_OK} with the action's result (a JSON object) in the response,
 * {@value #EXIT_ACTION_ERROR} with {@code {"error": ...}} (the action threw, rejected or returned no dictionary),
 * {@value #EXIT_INIT_FAILED} when preparing failed (the response's result holds the reason). Standard output is
 * {@link #encodeResponse}: the result and the activation's log ({@code console.*}), apart.
 */
public final class JsAbi {
    /** The container program that runs JavaScript functions. */
    public static final String APP = "js";
    /** The action's entry point: a function name, or a dotted path into its exports ("main" by default). */
    public static final String ENV_MAIN = "TEEMATE_JS_MAIN";

    public static final int EXIT_OK = 0;
    public static final int EXIT_ACTION_ERROR = 1;
    public static final int EXIT_INIT_FAILED = 3;

    /** The most activation log one invocation keeps (more is cut, with a note). */
    public static final int MAX_LOG = 1 << 20;

    private JsAbi() {}

    /** One response: the result (JSON text) and the activation's log. */
    public record Response(String result, String log) {}

    public static byte[] encodeResponse(String result, String log) {
        return new Wire.Writer()
                .blob(result.getBytes(StandardCharsets.UTF_8))
                .blob(log.getBytes(StandardCharsets.UTF_8))
                .toBytes();
    }

    /** @throws Wire.MalformedException if {@code stdout} is not one response */
    public static Response decodeResponse(byte[] stdout) {
        Wire.Reader r = new Wire.Reader(stdout);
        String result = new String(r.blob("result"), StandardCharsets.UTF_8);
        String log = new String(r.blob("log"), StandardCharsets.UTF_8);
        r.end();
        return new Response(result, log);
    }
}

package io.teemate.faas.host;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wabt.Wat2WasmModule;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * WebAssembly text to binary, on the host at deploy: wabt's {@code wat2wasm}, compiled to WebAssembly and from
 * there to JVM bytecode by Chicory (artifact {@code com.dylibso.chicory:wabt}), run under WASI with the text on
 * standard input and the binary on standard output. Pure Java, nothing to install. Thread-safe: each call is a
 * fresh instance of the (immutable) wat2wasm module.
 */
public final class WatCompiler {
    /** The largest text accepted. */
    public static final int MAX_TEXT = 8 << 20;

    private volatile WasmModule wat2wasm;

    /**
     * The binary module for {@code text}.
     *
     * @throws FunctionException BAD_MODULE with wat2wasm's own diagnostics (line:column: error) if it is not valid
     */
    public byte[] compile(byte[] text) {
        if (text.length > MAX_TEXT) {
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE,
                    "WebAssembly text of " + text.length + " bytes is more than the " + MAX_TEXT + " accepted");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiOptions options = WasiOptions.builder()
                .withStdin(new ByteArrayInputStream(text), false)
                .withStdout(out, false)
                .withStderr(err, false) // not a TTY: no ANSI colours in the messages
                .withArguments(List.of("wat2wasm", "-", "--output=-"))
                .build();
        int exit = 0;
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            Instance.builder(module())
                    .withMachineFactory(Wat2WasmModule::create)
                    .withImportValues(ImportValues.builder()
                            .addFunction(wasi.toHostFunctions())
                            .build())
                    .build(); // runs _start: wat2wasm's main
        } catch (WasiExitException e) {
            exit = e.exitCode();
        }
        if (exit != 0 || out.size() == 0) {
            String diagnostics = err.toString(StandardCharsets.UTF_8).strip().replace("\n-:", "\nline ");
            throw new FunctionException(
                    FunctionException.Kind.BAD_MODULE,
                    "not valid WebAssembly text: "
                            + (diagnostics.isEmpty()
                                    ? "wat2wasm exited with status " + exit
                                    : diagnostics.replaceFirst("^-:", "line ")));
        }
        return out.toByteArray();
    }

    private WasmModule module() {
        WasmModule m = wat2wasm;
        if (m == null) {
            synchronized (this) {
                m = wat2wasm;
                if (m == null) {
                    m = Wat2WasmModule.load();
                    wat2wasm = m;
                }
            }
        }
        return m;
    }
}

package io.teemate.faas.host;

import io.teemate.abi.RuntimeAbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internal failures (Java exception text from the enclave runtime or the platform) never reach a client: the client
 * gets a generic message with an error id, and the detail goes to the server's stderr under the same id. A Wasm
 * trap, a timeout and a memory limit are the function's own errors and keep their words.
 */
class ErrorIdTest {
    private static final Pattern ID = Pattern.compile("error id ([0-9a-f]{16})");

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void captureStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(savedErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String id(String message) {
        Matcher m = ID.matcher(message);
        assertThat(m.find()).as("an error id in: " + message).isTrue();
        return m.group(1);
    }

    private static void noInternals(String message) {
        assertThat(message)
                .doesNotContain("java.")
                .doesNotContain("io.teemate")
                .doesNotContain("Exception")
                .doesNotContain("Error:")
                .doesNotContain("Java heap space");
    }

    @Test
    void aCrashInTheEnclaveIsAGenericErrorWithAnIdAndItsDetailGoesToStderr() {
        FunctionException e = EnclaveFunctionPlatform.failure(
                "f", 1000, RuntimeAbi.E_CRASHED, "container f crashed: java.lang.OutOfMemoryError: Java heap space");
        assertThat(e.kind()).isEqualTo(FunctionException.Kind.TRAP);
        assertThat(e.getMessage()).startsWith("function f crashed (error id ");
        noInternals(e.getMessage());
        assertThat(stderr()).contains(id(e.getMessage())).contains("java.lang.OutOfMemoryError: Java heap space");

        FunctionException crash = EnclaveFunctionPlatform.failure(
                "g",
                1000,
                RuntimeAbi.E_CRASHED,
                "container g crashed: io.teemate.faas.enclave.WasmCrashException: the Wasm runtime failed running the "
                        + "function: java.lang.NoClassDefFoundError: x/Y");
        noInternals(crash.getMessage());
        assertThat(stderr()).contains(id(crash.getMessage())).contains("NoClassDefFoundError: x/Y");

        FunctionException file =
                EnclaveFunctionPlatform.failure("h", 1000, RuntimeAbi.E_FILE, "module.wasm: chunk 3 hash mismatch");
        assertThat(file.kind()).isEqualTo(FunctionException.Kind.INTERNAL);
        noInternals(file.getMessage());
        assertThat(file.getMessage()).doesNotContain("chunk");
        assertThat(stderr()).contains(id(file.getMessage())).contains("chunk 3 hash mismatch");
    }

    @Test
    void theFunctionsOwnErrorsKeepTheirWords() {
        FunctionException trap =
                EnclaveFunctionPlatform.failure("f", 1000, RuntimeAbi.E_FAULT, "out of bounds memory access");
        assertThat(trap.kind()).isEqualTo(FunctionException.Kind.TRAP);
        assertThat(trap.getMessage()).isEqualTo("function f trapped: out of bounds memory access");
        FunctionException timeout = EnclaveFunctionPlatform.failure(
                "f", 1000, RuntimeAbi.E_TIMEOUT, "function f ran past its time limit of 1000 ms and was stopped");
        assertThat(timeout.kind()).isEqualTo(FunctionException.Kind.TIMEOUT);
        assertThat(timeout.getMessage()).isEqualTo("function f ran past its time limit of 1000 ms and was stopped");
        FunctionException memory = EnclaveFunctionPlatform.failure(
                "f",
                1000,
                RuntimeAbi.E_NO_MEMORY,
                "the module's memory starts at 40 Wasm pages (64 KiB each), more than the function's limit of 16 pages");
        assertThat(memory.kind()).isEqualTo(FunctionException.Kind.MEMORY_LIMIT);
        assertThat(memory.getMessage())
                .isEqualTo("function f: the module's memory starts at 40 Wasm pages (64 KiB each), "
                        + "more than the function's limit of 16 pages");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void theStatusAloneDecidesNotTheMessagesText() {
        // A crash whose text names the trap class is still a crash: the host reads no class names out of text.
        FunctionException crash = EnclaveFunctionPlatform.failure(
                "f",
                1000,
                RuntimeAbi.E_CRASHED,
                "container f crashed: io.teemate.faas.enclave.WasmTrapException: out of bounds memory access");
        assertThat(crash.kind()).isEqualTo(FunctionException.Kind.TRAP);
        assertThat(crash.getMessage()).startsWith("function f crashed (error id ");
        noInternals(crash.getMessage());
        assertThat(stderr()).contains(id(crash.getMessage())).contains("WasmTrapException");
        // A memory limit is one by its status, whatever its words; a timeout with no words gets the host's own.
        assertThat(EnclaveFunctionPlatform.failure("f", 1000, RuntimeAbi.E_NO_MEMORY, "no room")
                        .kind())
                .isEqualTo(FunctionException.Kind.MEMORY_LIMIT);
        assertThat(EnclaveFunctionPlatform.failure("f", 1000, RuntimeAbi.E_TIMEOUT, "")
                        .getMessage())
                .isEqualTo("function f ran past its time limit of 1000 ms and was stopped");
        FunctionException unknown = EnclaveFunctionPlatform.failure("f", 1000, -99, "what");
        assertThat(unknown.kind()).isEqualTo(FunctionException.Kind.INTERNAL);
        noInternals(unknown.getMessage());
    }

    @Test
    void aPlatformBugBehindTheGatewayIsAGenericErrorWithAnIdInRestAndOpenWhisk() throws Exception {
        try (ScriptedFunctionPlatform platform = new ScriptedFunctionPlatform("shared");
                Gateway gateway = Gateway.start(
                        platform, GatewayConfig.defaults().withPort(0).withThreads(2))) {
            GatewayClient client = new GatewayClient(gateway.uri());
            client.deployWat("bad", "crash");
            GatewayClient.Reply r = client.invoke("bad", "x");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.kind()).isEqualTo("INTERNAL");
            noInternals(r.message());
            assertThat(r.message()).doesNotContain("scripted platform bug");
            assertThat(stderr()).contains(id(r.message())).contains("scripted platform bug");

            String code = GatewayClient.JSON.writeValueAsString(ScriptedFunctionPlatform.wat("crash"));
            assertThat(client.post("/init", "application/json", "{\"value\":{\"name\":\"ow\",\"code\":" + code + "}}")
                            .status())
                    .isEqualTo(200);
            GatewayClient.Reply run = client.post("/run", "application/json", "{\"value\":{}}");
            assertThat(run.status()).isEqualTo(500);
            noInternals(run.text());
            assertThat(run.text()).doesNotContain("scripted platform bug");
            assertThat(stderr()).contains(id(run.text()));
        }
    }
}

package io.teemate.faas.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The native model keeps the platform's promises without an enclave: the deployed bytes are the ones that run (the
 * manifest's SHA-256 is checked when an instance starts), and a trap, a time limit or a memory limit ends that
 * invocation with the same error as in an enclave, memory.grow stops at the function's limit, and the platform
 * goes on.
 */
class NativeFunctionPlatformTest {
    @TempDir
    Path dir;

    private static PlatformOptions options() {
        return EnclaveFunctionPlatformTest.small();
    }

    private static String text(Invocation i) {
        return new String(i.output(), StandardCharsets.UTF_8);
    }

    @Test
    void aModuleChangedOnDiskAfterDeployIsRefusedAndItsDetailIsNotTheCallers() throws Exception {
        try (NativeFunctionPlatform p = new NativeFunctionPlatform(dir, options())) {
            p.deploy(Wat.spec("hello", Wat.ECHO, 0, 0));
            Path module;
            try (Stream<Path> files = Files.walk(dir.resolve("functions/hello"))) {
                module = files.filter(f -> f.getFileName().toString().equals("module.wasm"))
                        .findFirst()
                        .orElseThrow();
            }
            Files.write(
                    module, new WatCompiler().compile(Wat.bytes(Wat.EXIT7))); // a valid module, not the deployed one
            assertThatThrownBy(() -> p.invoke("hello", "hi".getBytes(StandardCharsets.UTF_8), Map.of()))
                    .isInstanceOf(FunctionException.class)
                    .hasMessageContaining("trusted-file check")
                    .hasMessageNotContaining("SHA-256")
                    .extracting(e -> ((FunctionException) e).kind())
                    .isEqualTo(FunctionException.Kind.INTERNAL);
            assertThat(p.get("hello").orElseThrow().busyInstances()).isZero();
        }
    }

    @Test
    void aJavaScriptActionWhoseInitFailsIsRefusedAtDeploy() {
        try (NativeFunctionPlatform p = new NativeFunctionPlatform(dir, ServingModelsTestOptions.js())) {
            assertThatThrownBy(() -> p.deploy(FunctionSpec.nodejs(
                            "broken",
                            "function main(params) {".getBytes(StandardCharsets.UTF_8),
                            null,
                            Map.of(),
                            0,
                            0)))
                    .isInstanceOf(FunctionException.class)
                    .extracting(e -> ((FunctionException) e).kind())
                    .isEqualTo(FunctionException.Kind.INIT_FAILED);
            assertThat(p.get("broken")).as("nothing was published").isEmpty();
        }
    }

    @Test
    void aTrapATimeoutAndGrowingPastTheLimitAreTheFunctionsOwnAndThePlatformGoesOn() {
        try (NativeFunctionPlatform p = new NativeFunctionPlatform(dir, options())) {
            p.deploy(Wat.spec("trap", Wat.TRAP, 0, 0));
            p.deploy(Wat.spec("loop", Wat.LOOP, 0, 500));
            p.deploy(Wat.spec("grow", Wat.grow(64), 4, 0));
            p.deploy(Wat.spec("echo", Wat.ECHO, 0, 0));
            assertThatThrownBy(() -> p.invoke("trap", new byte[0], Map.of()))
                    .isInstanceOf(FunctionException.class)
                    .extracting(e -> ((FunctionException) e).kind())
                    .isEqualTo(FunctionException.Kind.TRAP);
            assertThatThrownBy(() -> p.invoke("loop", new byte[0], Map.of()))
                    .isInstanceOf(FunctionException.class)
                    .hasMessageContaining("time limit")
                    .extracting(e -> ((FunctionException) e).kind())
                    .isEqualTo(FunctionException.Kind.TIMEOUT);
            Invocation grew = p.invoke("grow", new byte[0], Map.of());
            assertThat(grew.exitCode())
                    .as("memory.grow past its 4 pages answers -1: exit 3")
                    .isEqualTo(3);
            Invocation echo = p.invoke("echo", "still here".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(text(echo)).isEqualTo("still here");
            assertThat(p.list()).extracting(FunctionInfo::busyInstances).containsOnly(0);
            assertThat(p.list()).hasSize(4);
            assertThat(List.of(p.mode())).containsExactly("native");
        }
    }
}

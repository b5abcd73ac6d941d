package io.teemate.faas.host;

import io.teemate.faas.abi.WasmEngine;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Wasm trap reaches the caller in Wasm's own words in both engines, with no Java class name in it. */
class TrapTextTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(WasmEngine.class)
    void trapsAreReportedInWasmsWordsWithoutJavaInternals(WasmEngine engine) {
        Map<String, String> traps = Map.of(
                "unreachable", "(module (func (export \"_start\") unreachable))",
                "divide", "(module (func (export \"_start\") (drop (i32.div_s (i32.const 1) (i32.const 0)))))",
                "overflow",
                        "(module (func (export \"_start\") (drop (i32.div_s (i32.const -2147483648) (i32.const -1)))))",
                "convert", "(module (func (export \"_start\") (drop (i32.trunc_f32_s (f32.const nan)))))",
                "memory", "(module (memory 1) (func (export \"_start\") (drop (i32.load (i32.const 70000)))))",
                "indirect",
                        "(module (table 1 funcref) (type $t (func)) (func (export \"_start\") (call_indirect (type $t) (i32.const 5))))",
                "recursion", "(module (func $f (export \"_start\") (call $f)))");
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(
                Mode.SHARED, dir, EnclaveFunctionPlatformTest.small().withEngine(engine))) {
            traps.forEach((name, module) -> {
                p.deploy(Wat.spec(name, module, 0, 0));
                assertThatThrownBy(() -> p.invoke(name, new byte[0], Map.of()))
                        .as(name)
                        .isInstanceOf(FunctionException.class)
                        .satisfies(e -> {
                            assertThat(((FunctionException) e).kind())
                                    .as(name + ": " + e.getMessage())
                                    .isEqualTo(FunctionException.Kind.TRAP);
                            assertThat(e.getMessage())
                                    .as(name)
                                    .startsWith("function " + name + " trapped: ")
                                    .doesNotContain("java.")
                                    .doesNotContain("io.teemate")
                                    .doesNotContain("com.dylibso")
                                    .doesNotContain("error id");
                        });
            });
        }
    }
}

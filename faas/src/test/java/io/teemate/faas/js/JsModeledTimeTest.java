package io.teemate.faas.js;

import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.host.container.Mode;
import io.teemate.sgx.cost.CostModel;
import io.teemate.sgx.cost.SystemCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JavaScript engine's work enters the modeled clock as the bytecodes its interpreter ran (docs/cost-model.md,
 * JS_BYTECODE): a function that loops longer is modeled longer, by at least its loop's bytecodes, and the same
 * invocation is modeled the same every time.
 */
class JsModeledTimeTest {
    @TempDir
    Path dir;

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLongerLoopIsModeledLongerByItsBytecodesAndTheSameRunTheSame() {
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, JsPlatforms.options())) {
            p.deploy(FunctionSpec.nodejs(
                    "loop",
                    json("function main(p) { let s = 0; for (let i = 0; i < p.n; i++) { s += i; } return {s}; }"),
                    null,
                    Map.of(),
                    0,
                    0));
            p.invoke("loop", json("{\"n\":1}"), Map.of()); // the instance's first invocation reports its start too
            double shortRun =
                    p.invoke("loop", json("{\"n\":10}"), Map.of()).modeled().execution();
            double again =
                    p.invoke("loop", json("{\"n\":10}"), Map.of()).modeled().execution();
            Invocation longRun = p.invoke("loop", json("{\"n\":100010}"), Map.of());

            assertThat(new String(longRun.output(), StandardCharsets.UTF_8)).isEqualTo("{\"s\":5000950045}");
            assertThat(again).as("the same invocation, the same modeled time").isEqualTo(shortRun);
            CostModel model = CostModel.published();
            // each iteration runs at least a compare, an add and an increment
            double threeBytecodesPerIteration = model.nanos(3 * model.cycles(SystemCost.JS_BYTECODE)) * 100_000;
            assertThat(longRun.modeled().execution() - shortRun).isGreaterThan(threeBytecodesPerIteration);
        }
    }
}

package io.teemate.faas.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class TmpPerfTest {
    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String[] names =
                System.getProperty("kernels", "crypto-md5,math-partial-sums").split(",");
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, JsPlatforms.options())) {
            for (String n : names) {
                JsonNode e = json.readTree(
                        Path.of("workloads/js/expected/" + n + ".json").toFile());
                byte[] code = Files.readAllBytes(Path.of("workloads/js/actions/" + n + ".js"));
                p.deploy(FunctionSpec.nodejs(n, code, null, Map.of(), 256, 600_000));
                byte[] params = json.writeValueAsBytes(e.get("cases").get(0).get("params"));
                long t0 = System.nanoTime();
                for (int i = 0; i < Integer.getInteger("rounds", 8); i++) {
                    Invocation inv = p.invoke(n, params, Map.of());
                    System.out.printf(
                            "PERF %s %d: %.1f ms (t=%.0f s)%n",
                            n, i, inv.wall().execution() / 1e6, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
    }
}

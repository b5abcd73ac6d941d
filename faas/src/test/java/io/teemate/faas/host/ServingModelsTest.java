package io.teemate.faas.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.host.Platform;
import io.teemate.sgx.Machine;
import io.teemate.sgx.sign.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The paper's four serving models on the same functions: a Wasm workload (faas/workloads auth.wasm, its expected
 * output from faas/workloads/expected/auth.json) and a small JavaScript action (its expected output from node).
 * COLD builds an enclave for every invocation and stops it after; WARM builds its pool at deploy and serves from it
 * without building one until the pool is empty; NATIVE builds none; SHARED builds one for all.
 */
class ServingModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SigningKey OWNER = SigningKey.generate();
    private static final String JS = "function main(params) {\n"
            + "  let sum = 0;\n"
            + "  for (let i = 1; i <= params.n; i++) sum += i * i;\n"
            + "  const words = params.name.split(' ').map(w => w.toUpperCase()).reverse();\n"
            + "  return {sum: sum, words: words, half: sum / 2, greeting: `hello ${params.name}`};\n"
            + "}\n";
    private static final String JS_PARAMS = "{\"n\":25,\"name\":\"confidential functions\"}";

    @TempDir
    Path dir;

    private static PlatformOptions options() {
        return ServingModelsTestOptions.js().withOwner(OWNER);
    }

    /** auth.wasm's default case: the module, its environment, its input and the output it must give. */
    private record Auth(FunctionSpec spec, byte[] stdin, String stdout) {}

    private static Auth auth() throws IOException {
        Path workloads = Path.of("workloads");
        JsonNode doc = JSON.readTree(workloads.resolve("expected/auth.json").toFile());
        for (JsonNode c : doc.get("cases")) {
            if (c.get("name").asText().equals("default")) {
                Map<String, String> env = new LinkedHashMap<>();
                c.get("env")
                        .properties()
                        .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
                byte[] wasm =
                        Files.readAllBytes(workloads.resolve(doc.get("wasm").asText()));
                return new Auth(
                        new FunctionSpec("auth", wasm, false, List.of(), env, 16, 60_000),
                        c.get("stdin").asText().getBytes(StandardCharsets.UTF_8),
                        c.get("stdout").asText());
            }
        }
        throw new IllegalStateException("auth.json has no default case");
    }

    private static FunctionSpec js(String name, String source, long timeoutMillis) {
        return FunctionSpec.nodejs(name, source.getBytes(StandardCharsets.UTF_8), null, Map.of(), 0, timeoutMillis);
    }

    /** What Node.js answers for {@link #JS} on {@link #JS_PARAMS}: the action's result as JSON. */
    private static String nodeResult() throws Exception {
        Process node = new ProcessBuilder(
                        "node", "-e", JS + "process.stdout.write(JSON.stringify(main(" + JS_PARAMS + ")));")
                .redirectErrorStream(true)
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(out).isZero();
        return out;
    }

    private static String text(Invocation i) {
        return new String(i.output(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(ServingModel.class)
    void everyModelGivesTheSameOutputsForWasmAndJavaScript(ServingModel model) throws Exception {
        Auth auth = auth();
        String expectedJs = nodeResult();
        try (FunctionPlatform p = model.platform(dir, options())) {
            assertThat(p.mode()).isEqualTo(model.apiName());
            p.deploy(auth.spec());
            p.deploy(js("squares", JS, 0));
            for (int round = 0; round < 2; round++) {
                Invocation a = p.invoke("auth", auth.stdin(), Map.of());
                assertThat(a.exitCode()).isZero();
                assertThat(text(a)).isEqualTo(auth.stdout());
                Invocation j = p.invoke("squares", utf8(JS_PARAMS), Map.of());
                assertThat(j.exitCode()).isZero();
                assertThat(JSON.readTree(text(j))).isEqualTo(JSON.readTree(expectedJs));
            }
            assertThat(p.get("auth").orElseThrow().invocations()).isEqualTo(2);
        }
    }

    /** The enclaves alive on the machine now, by id. */
    private static Set<Long> enclaves(Platform machine) {
        return new HashSet<>(machine.driver().stats().enclaves().keySet());
    }

    private static Platform machine() {
        return Platform.boot(Machine.builder().epcMiB(256).logicalProcessors(4).build());
    }

    private static EnclaveFunctionPlatform on(Platform m, ServingModel model, Path dir, PlatformOptions options) {
        return new EnclaveFunctionPlatform(m.kernel(), m.driver(), m.controller(), model, dir, options);
    }

    @Test
    void coldBuildsAnEnclaveForEveryInvocationAndStopsItAfter() throws Exception {
        Auth auth = auth();
        Platform m = machine();
        try (EnclaveFunctionPlatform p = on(m, ServingModel.COLD, dir, options())) {
            p.deploy(auth.spec());
            assertThat(enclaves(m)).as("nothing is made in advance").isEmpty();
            for (int i = 0; i < 3; i++) {
                Invocation inv = p.invoke("auth", auth.stdin(), Map.of());
                assertThat(text(inv)).isEqualTo(auth.stdout());
                assertThat(inv.cold()).as("invocation %d", i).isTrue();
                assertThat(inv.wall().containerCreation()).isPositive();
                assertThat(inv.wall().enclave()).isPositive();
                assertThat(inv.modeled().enclave())
                        .as("ECREATE, EADD/EEXTEND, EINIT priced for this invocation")
                        .isPositive();
                assertThat(inv.wall().runtimeInit()).isPositive();
                assertThat(enclaves(m)).as("its enclave is gone with it").isEmpty();
                assertThat(p.epcPagesByEnclave()).isEmpty();
            }
            FunctionInfo info = p.get("auth").orElseThrow();
            assertThat(info.idleInstances()).isZero();
            assertThat(info.busyInstances()).isZero();
        }
    }

    @Test
    void warmMakesItsPoolAtDeployAndServesFromItWithoutBuildingAnEnclave() throws Exception {
        Auth auth = auth();
        Platform m = machine();
        try (EnclaveFunctionPlatform p = on(m, ServingModel.WARM, dir, options())) {
            p.deploy(auth.spec());
            Set<Long> pool = enclaves(m);
            assertThat(pool)
                    .as("an enclave per pooled instance, built at deploy")
                    .hasSize(2);
            assertThat(p.get("auth").orElseThrow().idleInstances()).isEqualTo(2);
            assertThat(p.epcPagesByEnclave()).hasSize(2);
            for (int i = 0; i < 4; i++) {
                Invocation inv = p.invoke("auth", auth.stdin(), Map.of());
                assertThat(text(inv)).isEqualTo(auth.stdout());
                assertThat(inv.cold()).as("invocation %d", i).isFalse();
                assertThat(inv.wall().enclave()).isZero();
                assertThat(inv.modeled().enclave()).isZero();
                assertThat(inv.wall().execution()).isPositive();
                assertThat(enclaves(m))
                        .as("the same enclaves, none built on the way")
                        .isEqualTo(pool);
            }
        }
    }

    @Test
    void warmStartsColdWhenItsPoolIsEmptyAndSaysSo() throws Exception {
        Platform m = machine();
        try (EnclaveFunctionPlatform p = on(m, ServingModel.WARM, dir, options().withWarmPool(1))) {
            p.deploy(js(
                    "holder", "function main(p) { if (p.hold) { while (true) {} } return {served: true}; }", 20_000));
            Set<Long> pool = enclaves(m);
            assertThat(pool).hasSize(1);
            CompletableFuture<Invocation> holding =
                    CompletableFuture.supplyAsync(() -> p.invoke("holder", utf8("{\"hold\":true}"), Map.of()));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (p.get("holder").orElseThrow().busyInstances() < 1) {
                assertThat(System.nanoTime())
                        .as("the holder never took the pool's instance")
                        .isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(p.get("holder").orElseThrow().idleInstances()).isZero();

            Invocation served = p.invoke("holder", utf8("{}"), Map.of());
            assertThat(text(served)).isEqualTo("{\"served\":true}");
            assertThat(served.cold()).as("the pool was empty").isTrue();
            assertThat(served.modeled().enclave())
                    .as("an enclave was built for it")
                    .isPositive();

            assertThatThrownBy(holding::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(FunctionException.class)
                    .extracting(e -> ((FunctionException) e).kind())
                    .isEqualTo(FunctionException.Kind.TIMEOUT);
        }
    }

    @Test
    void warmRefusesAnActionWhoseInitFailsAtDeployAndLeavesNoEnclave() throws Exception {
        Platform m = machine();
        try (EnclaveFunctionPlatform p = on(m, ServingModel.WARM, dir, options().withWarmPool(1))) {
            assertThatThrownBy(() -> p.deploy(js("broken", "function main(params) {", 0)))
                    .isInstanceOf(FunctionException.class)
                    .extracting(e -> ((FunctionException) e).kind())
                    .isEqualTo(FunctionException.Kind.INIT_FAILED);
            assertThat(p.get("broken")).as("nothing was published").isEmpty();
            assertThat(enclaves(m)).as("the failed instance was stopped").isEmpty();
        }
    }

    @Test
    void nativeRunsWithoutAnyEnclaveOrModeledSgxTime() throws Exception {
        Auth auth = auth();
        try (NativeFunctionPlatform p = new NativeFunctionPlatform(dir, options())) {
            p.deploy(auth.spec());
            Invocation first = p.invoke("auth", auth.stdin(), Map.of());
            assertThat(first.cold()).isTrue();
            assertThat(first.wall().containerCreation())
                    .as("files read and checked, memory set up")
                    .isPositive();
            assertThat(first.wall().enclave()).isZero();
            assertThat(first.wall().runtimeInit()).as("the module load").isPositive();
            assertThat(first.modeled().total()).isZero();
            Invocation second = p.invoke("auth", auth.stdin(), Map.of());
            assertThat(second.cold())
                    .as("its instance is kept, as OpenWhisk keeps a container")
                    .isFalse();
            assertThat(text(second)).isEqualTo(auth.stdout());
            assertThat(p.epcPagesByEnclave()).isEmpty();
            assertThat(p.sharedRuntimeStats()).isEmpty();
        }
    }
}

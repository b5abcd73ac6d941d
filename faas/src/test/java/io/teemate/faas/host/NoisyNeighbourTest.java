package io.teemate.faas.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One tenant exhausting what it may use (its memory limit, its time limit, and the runtime's table limits with the
 * table bomb of review finding 3) in the same shared enclave as another: the other's invocations answer correctly
 * before, while the abusers run (concurrently, in bounded loops), and after.
 */
class NoisyNeighbourTest {
    @TempDir
    Path dir;

    private static String text(Invocation i) {
        return new String(i.output(), StandardCharsets.UTF_8);
    }

    /** Runs {@code rounds} invocations of {@code name}, each of which must fail with {@code kind}. */
    private static Future<List<String>> abuse(
            ExecutorService pool, EnclaveFunctionPlatform p, String name, int rounds, FunctionException.Kind kind) {
        return pool.submit(() -> {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                try {
                    Invocation inv = p.invoke(name, new byte[0], Map.of());
                    problems.add(name + " " + i + ": did not fail (exit " + inv.exitCode() + ")");
                } catch (FunctionException e) {
                    if (e.kind() != kind) {
                        problems.add(name + " " + i + ": " + e.kind() + " " + e.getMessage());
                    }
                }
            }
            return problems;
        });
    }

    @Test
    void anotherTenantsOutputsStayCorrectBeforeDuringAndAfterItsNeighbourExhaustsItsLimits() throws Exception {
        PlatformOptions options = EnclaveFunctionPlatformTest.small().withThreads(6);
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, options)) {
            p.deploy(Wat.spec("victim", Wat.ECHO, 1, 0));
            assertThat(text(p.invoke("victim", "before".getBytes(), Map.of()))).isEqualTo("before");

            p.deploy(Wat.spec("spin", Wat.LOOP, 0, 300)); // runs into its time limit
            p.deploy(Wat.spec("grower", Wat.grow(100), 8, 0)); // memory.grow past its limit: -1, exit 3
            p.deployUnchecked(Wat.spec("greedy", Wat.initialMemory(20), 16, 0)); // over its limit from the start
            p.deployUnchecked(Wat.spec("bomb", TableBombTest.bomb(), 1, 0)); // the table bomb, host check skipped

            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicBoolean growerOk = new AtomicBoolean(true);
            try {
                List<Future<List<String>>> abusers = List.of(
                        abuse(pool, p, "spin", 4, FunctionException.Kind.TIMEOUT),
                        abuse(pool, p, "greedy", 8, FunctionException.Kind.MEMORY_LIMIT),
                        abuse(pool, p, "bomb", 8, FunctionException.Kind.TRAP));
                Future<?> grower = pool.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        if (p.invoke("grower", new byte[0], Map.of()).exitCode() != 3) {
                            growerOk.set(false);
                        }
                    }
                });
                int calls = 0;
                while (calls < 10 || abusers.stream().anyMatch(f -> !f.isDone()) || !grower.isDone()) {
                    String body = "during " + calls + " " + "x".repeat(calls % 50);
                    assertThat(text(p.invoke("victim", body.getBytes(), Map.of())))
                            .isEqualTo(body);
                    calls++;
                }
                for (Future<List<String>> f : abusers) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isEmpty();
                }
                grower.get(60, TimeUnit.SECONDS);
                assertThat(growerOk)
                        .as("memory.grow past the limit returns -1 every time")
                        .isTrue();
            } finally {
                pool.shutdownNow();
            }
            assertThat(text(p.invoke("victim", "after".getBytes(), Map.of()))).isEqualTo("after");
            p.deploy(Wat.spec("newcomer", Wat.ECHO, 0, 0));
            assertThat(text(p.invoke("newcomer", "hello".getBytes(), Map.of()))).isEqualTo("hello");
            RuntimeStats s = p.runtimeStats();
            assertThat(s.liveInstances()).isZero();
            assertThat(s.liveWasmPages())
                    .as("every instance's memory went back")
                    .isZero();
        }
    }
}

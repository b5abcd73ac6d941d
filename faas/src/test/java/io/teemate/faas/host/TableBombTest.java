package io.teemate.faas.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Security review finding 3 (probe C): a module of a few hundred bytes that declares many tables of ten million
 * elements made Chicory allocate them on the enclave's Java heap, the OutOfMemoryError abandoned the enclave thread
 * and, after three invocations, the shared enclave had no usable TCS left for any tenant. The host now refuses such
 * a module at deploy, and the enclave refuses it again before it builds an instance (for a host that skips the
 * check); each invocation fails on its own and the other tenants go on.
 */
class TableBombTest {
    /** Chicory 1.7 keeps an Instance[] and an int[] per table: about 80 MB per table of ten million elements. */
    private static final long BYTES_PER_BOMB_TABLE = 80_000_000L;

    @TempDir
    Path dir;

    /** Enough ten-million-element tables to exceed this JVM's heap (at least the review's 40). */
    static String bomb() {
        long tables = Math.max(40, Runtime.getRuntime().maxMemory() / BYTES_PER_BOMB_TABLE + 2);
        return "(module " + "(table 10000000 funcref) ".repeat((int) tables) + "(memory 1) (func (export \"_start\")))";
    }

    private static PlatformOptions twoThreads() {
        return EnclaveFunctionPlatformTest.small().withThreads(2).withTcsTimeout(Duration.ofSeconds(3));
    }

    private static String text(Invocation i) {
        return new String(i.output(), StandardCharsets.UTF_8);
    }

    @Test
    void theHostRefusesTheTableBombAtDeployNamingTheLimit() {
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, twoThreads())) {
            assertThatThrownBy(() -> p.deploy(Wat.spec("bomb", bomb(), 1, 0)))
                    .isInstanceOf(FunctionException.class)
                    .hasMessageContaining("function bomb")
                    .hasMessageContaining("more than the limit of")
                    .extracting(e -> ((FunctionException) e).kind())
                    .isEqualTo(FunctionException.Kind.BAD_MODULE);
            assertThatThrownBy(() -> p.deploy(Wat.spec(
                            "bomb40",
                            "(module " + "(table 10000000 funcref) ".repeat(40)
                                    + "(memory 1) (func (export \"_start\")))",
                            1,
                            0)))
                    .as("the review's own module: 40 tables, under the table count, over the elements")
                    .hasMessageContaining("400000000 elements")
                    .hasMessageContaining("more than the limit of 1048576");
            assertThatThrownBy(() -> p.deploy(Wat.spec(
                            "tables", "(module (table 40000 funcref) (memory 8) (func (export \"_start\")))", 16, 0)))
                    .as("40000 elements at 16 bytes are 10 Wasm pages; with 8 of memory that is over 16")
                    .isInstanceOf(FunctionException.class)
                    .hasMessageContaining("table")
                    .extracting(e -> ((FunctionException) e).kind())
                    .isEqualTo(FunctionException.Kind.MEMORY_LIMIT);
            p.deploy(Wat.spec(
                    "small-table", "(module (table 40000 funcref) (memory 1) (func (export \"_start\")))", 16, 0));
            assertThat(p.invoke("small-table", new byte[0], Map.of()).exitCode())
                    .isZero();
        }
    }

    @Test
    void theEnclaveRefusesTheTableBombAgainAndEveryTenantKeepsServing() {
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, twoThreads())) {
            p.deploy(Wat.spec("victim", Wat.ECHO, 0, 0));
            assertThat(text(p.invoke("victim", "before".getBytes(), Map.of()))).isEqualTo("before");
            p.deployUnchecked(Wat.spec("bomb", bomb(), 1, 0)); // a host that skips ModuleCheck
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> p.invoke("bomb", new byte[0], Map.of()))
                        .as("bomb invocation %d", i)
                        .isInstanceOf(FunctionException.class)
                        .hasMessageContaining("more than the limit of")
                        .extracting(e -> ((FunctionException) e).kind())
                        .isIn(
                                FunctionException.Kind.TRAP,
                                FunctionException.Kind.MEMORY_LIMIT,
                                FunctionException.Kind.BAD_MODULE);
                assertThat(text(p.invoke("victim", ("during " + i).getBytes(), Map.of())))
                        .isEqualTo("during " + i);
            }
            p.deploy(Wat.spec("after", Wat.ECHO, 0, 0));
            assertThat(text(p.invoke("after", "hello".getBytes(), Map.of()))).isEqualTo("hello");
            assertThat(text(p.invoke("victim", "after".getBytes(), Map.of()))).isEqualTo("after");
            assertThat(p.runtimeStats().liveInstances()).isZero();
        }
    }
}

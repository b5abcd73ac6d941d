package io.teemate.faas.host;

import io.teemate.faas.abi.WasmEngine;
import io.teemate.faas.enclave.EnclaveLinearMemory;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What sharing one enclave means for functions: a module is loaded once per enclave, every instance's linear memory
 * is enclave pages of it, and an instance cannot reach another's memory even while both are live in it.
 */
class SharedEnclaveTest {
    @TempDir
    Path dir;

    private static String text(Invocation i) {
        return new String(i.output(), StandardCharsets.UTF_8);
    }

    /** ECHO with a marker in a data segment: a module whose bytes no other test deploys. */
    private static String uniqueEcho(String marker) {
        return Wat.ECHO.replace(
                "(memory (export \"memory\") 1)",
                "(memory (export \"memory\") 1) (data (i32.const 60000) \"" + marker + "\")");
    }

    @Test
    void aModuleIsLoadedOncePerSharedEnclaveAndEachContainerChecksItsFile() {
        try (EnclaveFunctionPlatform p =
                EnclaveFunctionPlatform.create(Mode.SHARED, dir, EnclaveFunctionPlatformTest.small())) {
            String module = uniqueEcho("once");
            p.deploy(Wat.spec("same-a", module, 0, 0));
            p.deploy(Wat.spec("same-b", module, 0, 0));
            p.deploy(Wat.spec("other", uniqueEcho("other"), 0, 0));
            RuntimeStats before = p.runtimeStats();
            assertThat(p.invoke("same-a", "1".getBytes(), Map.of()).cold()).isTrue();
            assertThat(p.invoke("same-a", "2".getBytes(), Map.of()).cold()).isFalse();
            assertThat(p.invoke("same-b", "3".getBytes(), Map.of()).cold())
                    .as("another container, same module")
                    .isTrue();
            p.invoke("other", "4".getBytes(), Map.of());
            RuntimeStats after = p.runtimeStats();
            assertThat(after.moduleLoads() - before.moduleLoads())
                    .as("parsed and compiled: once per module")
                    .isEqualTo(2);
            assertThat(after.modules() - before.modules()).isEqualTo(2);
            assertThat(after.moduleReads() - before.moduleReads())
                    .as("each container reads and checks its file")
                    .isEqualTo(3);
            assertThat(after.instancesCreated() - before.instancesCreated())
                    .as("an isolate per invocation")
                    .isEqualTo(4);
            assertThat(after.liveInstances()).isZero();
            assertThat(after.liveWasmPages())
                    .as("every instance's memory went back")
                    .isZero();
            assertThat(p.epcPagesByEnclave()).hasSize(1);
        }
    }

    @Test
    void instanceMemoryIsEnclavePagesThatTheEnclaveGrowsForIt() {
        PlatformOptions edmm = EnclaveFunctionPlatformTest.small().withHeap("8M", true);
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, edmm)) {
            p.deploy(Wat.spec("light", Wat.ECHO, 0, 0));
            p.deploy(Wat.spec("heavy", Wat.grow(47), 64, 0));
            p.invoke("light", "warm up".getBytes(), Map.of());
            long before = total(p);
            assertThat(text(p.invoke("heavy", new byte[0], Map.of()))).isEqualTo("grew");
            long after = total(p);
            // 48 Wasm pages = 768 enclave pages. The heap had 64 added at build (heap_initial 256K), some in use; the
            // rest were EAUGed (EDMM) as the instance's memory took them, so the enclave's EPC grew by them.
            assertThat(after - before)
                    .isGreaterThanOrEqualTo(48L * EnclaveLinearMemory.ENCLAVE_PAGES_PER_WASM_PAGE - 64);
            p.invoke("heavy", new byte[0], Map.of());
            assertThat(total(p) - after)
                    .as("freed pages are reused by the next instance")
                    .isLessThan(16);
        }
    }

    private static long total(EnclaveFunctionPlatform p) {
        return p.epcPagesByEnclave().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    @Test
    void anInstanceCannotReadAnotherLiveInstancesMemoryInTheSameEnclave() throws Exception {
        try (EnclaveFunctionPlatform p =
                EnclaveFunctionPlatform.create(Mode.SHARED, dir, EnclaveFunctionPlatformTest.small())) {
            p.deploy(Wat.spec("holder", Wat.HOLDER, 1, 4_000));
            p.deploy(Wat.spec("dumper", Wat.DUMPER, 1, 0));
            List<Long> addresses =
                    List.of(65_536L, 65_536L + 4096, 131_072L, 1L << 20, 0x7FFF_FFF0L, 0xFFFF_FFF8L, 65_529L);
            for (long a : addresses) {
                p.deploy(Wat.spec("probe-" + Long.toHexString(a), Wat.prober(a), 1, 0));
            }
            CompletableFuture<Invocation> holding =
                    CompletableFuture.supplyAsync(() -> p.invoke("holder", new byte[0], Map.of()));
            awaitLiveInstance(p, holding);

            Invocation dump = p.invoke("dumper", new byte[0], Map.of());
            assertThat(dump.output()).hasSize(65_536);
            assertThat(new String(dump.output(), StandardCharsets.ISO_8859_1)).doesNotContain("SECRET");
            assertThat(Arrays.copyOfRange(dump.output(), 16, 65_536))
                    .as("its own memory: zeros past its iovec")
                    .containsOnly(0);
            for (long a : addresses) {
                assertThatThrownBy(() -> p.invoke("probe-" + Long.toHexString(a), new byte[0], Map.of()))
                        .as("load at %d", a)
                        .isInstanceOf(FunctionException.class)
                        .hasMessageContaining("out of bounds memory access")
                        .extracting(e -> ((FunctionException) e).kind())
                        .isEqualTo(FunctionException.Kind.TRAP);
            }
            assertThat(holding).isNotDone();
            assertThatThrownBy(holding::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(FunctionException.class)
                    .hasMessageContaining("time limit");
            Invocation afterwards = p.invoke("dumper", new byte[0], Map.of());
            assertThat(new String(afterwards.output(), StandardCharsets.ISO_8859_1))
                    .as("the holder's pages came back zeroed")
                    .doesNotContain("SECRET");
        }
    }

    /** Waits until the holder's instance is live in the enclave (its data segment is in its memory then). */
    private static void awaitLiveInstance(EnclaveFunctionPlatform p, CompletableFuture<Invocation> holding)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (p.runtimeStats().liveInstances() < 1) {
            assertThat(holding).as("the holder ended before it was seen live").isNotDone();
            assertThat(System.nanoTime()).as("the holder never became live").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void instancesAreBoundedByTheEnclavesThreadsIdleOnesMakeRoomAndBusyOnesAreWaitedFor() throws Exception {
        PlatformOptions two = EnclaveFunctionPlatformTest.small().withThreads(2);
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, two)) {
            for (String f : List.of("a", "b", "c")) {
                p.deploy(Wat.spec(f, Wat.ECHO, 0, 0));
            }
            p.invoke("a", "1".getBytes(), Map.of());
            p.invoke("b", "2".getBytes(), Map.of());
            assertThat(p.invoke("c", "3".getBytes(), Map.of()).cold()).isTrue();
            assertThat(p.get("a").orElseThrow().idleInstances())
                    .as("the least recently used made room")
                    .isZero();
            assertThat(p.get("b").orElseThrow().idleInstances()).isEqualTo(1);
            assertThat(p.get("c").orElseThrow().idleInstances()).isEqualTo(1);
            List<CompletableFuture<String>> calls = new java.util.ArrayList<>();
            java.util.concurrent.ExecutorService six = java.util.concurrent.Executors.newFixedThreadPool(6);
            for (int t = 0; t < 6; t++) {
                String body = "call " + t;
                String function = t % 2 == 0 ? "a" : "b";
                calls.add(
                        CompletableFuture.supplyAsync(() -> text(p.invoke(function, body.getBytes(), Map.of())), six));
            }
            for (int t = 0; t < 6; t++) {
                assertThat(calls.get(t).get()).isEqualTo("call " + t);
            }
            six.shutdown();
            int up = p.list().stream()
                    .mapToInt(i -> i.idleInstances() + i.busyInstances())
                    .sum();
            assertThat(up).as("never more instances than TCSs").isLessThanOrEqualTo(2);
            assertThat(p.runtimeStats().liveInstances())
                    .as("the statistics container has a TCS of its own")
                    .isZero();
        }
    }

    @Test
    void theInterpreterGivesTheSameAnswersAndStopsAtTheTimeLimitToo() {
        PlatformOptions interpreted = EnclaveFunctionPlatformTest.small().withEngine(WasmEngine.INTERPRETER);
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, interpreted)) {
            p.deploy(Wat.spec("echo", Wat.ECHO, 0, 0));
            p.deploy(Wat.spec("spin", Wat.LOOP, 0, 200));
            p.deploy(Wat.spec("grow", Wat.grow(4), 8, 0));
            assertThat(text(p.invoke("echo", "interpreted".getBytes(), Map.of())))
                    .isEqualTo("interpreted");
            assertThatThrownBy(() -> p.invoke("spin", new byte[0], Map.of()))
                    .extracting(e -> ((FunctionException) e).kind())
                    .isEqualTo(FunctionException.Kind.TIMEOUT);
            assertThat(text(p.invoke("grow", new byte[0], Map.of()))).isEqualTo("grew");
            assertThat(text(p.invoke("echo", "still".getBytes(), Map.of()))).isEqualTo("still");
        }
    }
}

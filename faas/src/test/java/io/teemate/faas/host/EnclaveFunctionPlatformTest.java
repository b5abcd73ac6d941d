package io.teemate.faas.host;

import io.teemate.host.container.Mode;
import io.teemate.sgx.sign.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform end to end on the emulated machine, in both modes: cold and warm starts, the same outputs, many
 * threads at once, bad input refused with a clear kind, and traps and timeouts that leave the rest serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnclaveFunctionPlatformTest {
    static final SigningKey OWNER = SigningKey.generate();

    private EnclaveFunctionPlatform shared;
    private EnclaveFunctionPlatform conventional;

    /** A 2 MiB SGX1 heap (32 Wasm pages for all instances of an enclave), 12 TCS, 4 logical processors. */
    static PlatformOptions small() {
        return PlatformOptions.defaults()
                .withHeap("2M", false)
                .withThreads(12)
                .withMachine(128, 4)
                .withTcsTimeout(Duration.ofSeconds(30))
                .withDefaults(16, 5_000)
                .withOwner(OWNER);
    }

    @BeforeAll
    void platforms(@TempDir Path dir) {
        shared = EnclaveFunctionPlatform.create(Mode.SHARED, dir.resolve("shared"), small());
        conventional = EnclaveFunctionPlatform.create(Mode.CONVENTIONAL, dir.resolve("conventional"), small());
    }

    @AfterAll
    void close() {
        shared.close();
        conventional.close();
    }

    private EnclaveFunctionPlatform platform(Mode mode) {
        return mode == Mode.SHARED ? shared : conventional;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Invocation i) {
        return new String(i.output(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aFunctionStartsColdThenRunsWarmInItsInstance(Mode mode) {
        EnclaveFunctionPlatform p = platform(mode);
        p.deploy(Wat.spec("hello", Wat.ECHO, 0, 0));
        Invocation first = p.invoke("hello", utf8("hello, enclave"), Map.of());
        assertThat(first.cold()).isTrue();
        assertThat(text(first)).isEqualTo("hello, enclave");
        assertThat(first.exitCode()).isZero();
        assertThat(first.wall().containerCreation()).isPositive();
        assertThat(first.wall().enclave()).isPositive();
        assertThat(first.wall().runtimeInit()).as("attach and module load").isPositive();
        assertThat(first.wall().execution()).isPositive();
        if (mode == Mode.CONVENTIONAL) {
            assertThat(first.modeled().enclave())
                    .as("ECREATE, EADD/EEXTEND, EINIT priced")
                    .isPositive();
        }
        Invocation second = p.invoke("hello", utf8("again"), Map.of());
        assertThat(second.cold()).isFalse();
        assertThat(text(second)).as("only this invocation's output").isEqualTo("again");
        assertThat(second.wall().enclave()).isZero();
        assertThat(second.wall().runtimeInit()).isZero();
        assertThat(second.wall().execution()).isPositive();
        FunctionInfo info = p.get("hello").orElseThrow();
        assertThat(info.idleInstances()).isEqualTo(1);
        assertThat(info.busyInstances()).isZero();
        assertThat(info.invocations()).isEqualTo(2);
        assertThat(info.maxMemoryPages()).as("the platform default").isEqualTo(16);
        assertThat(info.memoryLimitBytes())
                .as("its container's memory_limit: 16 Wasm pages and one for the app")
                .isEqualTo(17 * 65536L);
        assertThat(p.epcPagesByEnclave())
                .isNotEmpty()
                .allSatisfy((label, pages) -> assertThat(pages).isPositive());
    }

    @Test
    void theSameFunctionsGiveTheSameOutputsInBothModes() {
        FunctionSpec environ = new FunctionSpec(
                "environ",
                Wat.bytes(Wat.ENVIRON),
                true,
                List.of("--flag", "two words"),
                Map.of("GREETING", "hi", "MODE", "manifest"),
                4,
                2_000);
        List<String> outputs = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            EnclaveFunctionPlatform p = platform(mode);
            p.deploy(environ);
            p.deploy(Wat.spec("exit7", Wat.EXIT7, 0, 0));
            p.deploy(Wat.spec("echo-both", Wat.ECHO, 0, 0));
            Invocation env = p.invoke("environ", new byte[0], Map.of("MODE", "param", "QUERY", "x=1"));
            Invocation exit = p.invoke("exit7", new byte[0], Map.of());
            Invocation echo = p.invoke("echo-both", utf8("body ".repeat(2000)), Map.of());
            assertThat(exit.exitCode()).isEqualTo(7);
            assertThat(text(exit)).isEqualTo("bye");
            assertThat(text(echo)).isEqualTo("body ".repeat(2000));
            String environment = text(env);
            assertThat(environment)
                    .contains("GREETING=hi\0")
                    .contains("QUERY=x=1\0")
                    .doesNotContain("TEEMATE_")
                    .contains("environ\0--flag\0two words\0")
                    .as("the deployed MODE wins over the parameter")
                    .contains("MODE=manifest\0")
                    .doesNotContain("MODE=param");
            outputs.add(environment + "|" + exit.exitCode() + text(exit) + "|" + text(echo));
        }
        assertThat(outputs.get(1)).isEqualTo(outputs.get(0));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eightThreadsInvokingAtOnceEachGetTheirOwnAnswer(Mode mode) throws Exception {
        EnclaveFunctionPlatform p = platform(mode);
        p.deploy(Wat.spec("many", Wat.ECHO, 0, 0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        String body = "thread " + thread + " call " + i + " " + "x".repeat(thread * 100);
                        String out = text(p.invoke("many", utf8(body), Map.of()));
                        if (!out.equals(body)) {
                            mismatches.add(body + " -> " + out);
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> r : results) {
                assertThat(r.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        FunctionInfo info = p.get("many").orElseThrow();
        assertThat(info.invocations()).isEqualTo(24);
        assertThat(info.busyInstances()).isZero();
        assertThat(info.idleInstances()).isBetween(1, 8);
    }

    @Test
    void aModuleThatIsNotValidIsRefusedAtDeployWithWhatIsWrong() {
        EnclaveFunctionPlatform p = shared;
        assertThatThrownBy(() -> p.deploy(
                        new FunctionSpec("junk", utf8("#!/bin/sh\necho hi\n"), false, List.of(), Map.of(), 0, 0)))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("not a WebAssembly binary")
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.BAD_MODULE);
        byte[] truncated = new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5};
        assertThatThrownBy(() -> p.deploy(new FunctionSpec("cut", truncated, false, List.of(), Map.of(), 0, 0)))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("not a valid WebAssembly module");
        assertThatThrownBy(() -> p.deploy(Wat.spec("typo", "(module (func (export \"_start\") (i32.add)))", 0, 0)))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("not valid WebAssembly text")
                .hasMessageContaining("line 1:")
                .hasMessageContaining("type mismatch");
        assertThatThrownBy(() -> p.deploy(Wat.spec("lib", "(module (func (export \"run\")))", 0, 0)))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("no _start");
        assertThatThrownBy(() -> p.deploy(Wat.spec(
                        "needs-env", "(module (import \"env\" \"secret\" (func)) (func (export \"_start\")))", 0, 0)))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("env.secret");
        assertThatThrownBy(() -> p.deploy(Wat.spec("../escape", Wat.TRAP, 0, 0)))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("function name");
        assertThatThrownBy(() -> p.deploy(new FunctionSpec(
                        "reserved",
                        Wat.bytes(Wat.TRAP),
                        true,
                        List.of(),
                        Map.of("TEEMATE_TIMEOUT_MS", "999999"),
                        0,
                        0)))
                .hasMessageContaining("reserved");
        for (String name : List.of("junk", "cut", "typo", "lib", "needs-env", "reserved")) {
            assertThat(p.get(name)).as(name).isEmpty();
        }
    }

    @Test
    void anUnknownFunctionIsNotFoundAndADeletedOneIsGone() {
        assertThatThrownBy(() -> shared.invoke("nobody", new byte[0], Map.of()))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("nobody")
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.NOT_FOUND);
        shared.deploy(Wat.spec("brief", Wat.ECHO, 0, 0));
        assertThat(text(shared.invoke("brief", utf8("x"), Map.of()))).isEqualTo("x");
        assertThat(shared.delete("brief")).isTrue();
        assertThat(shared.delete("brief")).isFalse();
        assertThatThrownBy(() -> shared.invoke("brief", new byte[0], Map.of()))
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aTrapOrATimeoutStopsOnlyThatInstanceAndEveryFunctionKeepsServing(Mode mode) {
        EnclaveFunctionPlatform p = platform(mode);
        p.deploy(Wat.spec("steady", Wat.ECHO, 0, 0));
        p.deploy(Wat.spec("crash", Wat.TRAP, 0, 0));
        p.deploy(Wat.spec("spin", Wat.LOOP, 0, 300));
        assertThat(text(p.invoke("steady", utf8("one"), Map.of()))).isEqualTo("one");
        assertThatThrownBy(() -> p.invoke("crash", new byte[0], Map.of()))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("crash trapped")
                .hasMessageContaining("unreachable")
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.TRAP);
        assertThatThrownBy(() -> p.invoke("spin", new byte[0], Map.of()))
                .isInstanceOf(FunctionException.class)
                .hasMessage("function spin ran past its time limit of 300 ms and was stopped")
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.TIMEOUT);
        assertThat(Thread.currentThread().isInterrupted())
                .as("the watchdog's interrupt does not outlive the entry")
                .isFalse();
        Invocation after = p.invoke("steady", utf8("two"), Map.of());
        assertThat(text(after)).isEqualTo("two");
        assertThat(after.cold()).as("its instance was untouched").isFalse();
        assertThatThrownBy(() -> p.invoke("crash", new byte[0], Map.of()))
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.TRAP);
        assertThat(p.get("crash").orElseThrow().idleInstances())
                .as("a trapped instance is not kept")
                .isZero();
        assertThat(p.get("spin").orElseThrow().idleInstances()).isZero();
        assertThat(text(p.invoke("steady", utf8("three"), Map.of()))).isEqualTo("three");
        p.deploy(Wat.spec("fresh", Wat.ECHO, 0, 0));
        assertThat(text(p.invoke("fresh", utf8("new"), Map.of())))
                .as("a new instance still starts")
                .isEqualTo("new");
    }

    @Test
    void memoryGrowPastTheLimitFailsInsideTheModule() {
        shared.deploy(Wat.spec("grow-some", Wat.grow(4), 8, 0));
        shared.deploy(Wat.spec("grow-much", Wat.grow(100), 8, 0));
        Invocation ok = shared.invoke("grow-some", new byte[0], Map.of());
        assertThat(ok.exitCode()).isZero();
        assertThat(text(ok)).isEqualTo("grew");
        Invocation refused = shared.invoke("grow-much", new byte[0], Map.of());
        assertThat(refused.exitCode())
                .as("memory.grow returned -1, the module exited 3")
                .isEqualTo(3);
        assertThat(shared.invoke("grow-much", new byte[0], Map.of()).cold())
                .as("and its instance lives on")
                .isFalse();
    }

    @Test
    void aModuleThatAsksForTooMuchMemoryGetsAMemoryLimit() {
        assertThatThrownBy(() -> shared.deploy(Wat.spec("greedy", Wat.initialMemory(40), 16, 0)))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("starts at 40 Wasm pages")
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.MEMORY_LIMIT);
        // Within its own limit, but more than the whole enclave heap (2 MiB = 32 Wasm pages): the enclave says no.
        shared.deploy(Wat.spec("too-big", Wat.initialMemory(40), 64, 0));
        assertThatThrownBy(() -> shared.invoke("too-big", new byte[0], Map.of()))
                .isInstanceOf(FunctionException.class)
                .hasMessageStartingWith("function too-big: the enclave heap has no room")
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.MEMORY_LIMIT);
        shared.deploy(Wat.spec("after-big", Wat.ECHO, 0, 0));
        assertThat(text(shared.invoke("after-big", utf8("fine"), Map.of()))).isEqualTo("fine");
    }

    @Test
    void aRequestTooLargeForTheCallBufferIsRefusedBeforeAnyInstanceRuns() {
        shared.deploy(Wat.spec("small-buffer", Wat.ECHO, 0, 0));
        assertThatThrownBy(() -> shared.invoke("small-buffer", new byte[EnclaveFunctionPlatform.MAX_REQUEST], Map.of()))
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.MEMORY_LIMIT);
        assertThatThrownBy(() -> shared.invoke("small-buffer", new byte[0], Map.of("A=B", "x")))
                .hasMessageContaining("'='");
        assertThat(shared.get("small-buffer").orElseThrow().invocations()).isZero();
    }
}

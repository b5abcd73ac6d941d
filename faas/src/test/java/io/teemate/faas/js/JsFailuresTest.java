package io.teemate.faas.js;

import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionException;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.host.container.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad JavaScript, a throw, a rejection, a result that is no dictionary, an endless loop, memory exhaustion and runaway
 * recursion each get a clear error in OpenWhisk's words, and touch no other function of the shared enclave: a
 * healthy neighbour answers before and after every one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsFailuresTest {
    private EnclaveFunctionPlatform p;

    @BeforeAll
    void platform(@TempDir Path dir) {
        p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, JsPlatforms.options());
        deploy("healthy", "function main(p) { return {ok: true, n: p.n}; }", 64, 0);
    }

    @AfterAll
    void close() {
        p.close();
    }

    private void deploy(String name, String code, int pages, long timeout) {
        p.deploy(FunctionSpec.nodejs(name, code.getBytes(StandardCharsets.UTF_8), null, Map.of(), pages, timeout));
    }

    private Invocation invoke(String name) {
        return p.invoke(name, "{\"n\":7}".getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String out(Invocation i) {
        return new String(i.output(), StandardCharsets.UTF_8);
    }

    private void neighbourStillAnswers() {
        assertThat(out(invoke("healthy"))).isEqualTo("{\"ok\":true,\"n\":7}");
    }

    @Test
    void aSyntaxErrorFailsInitialisationAtDeployWithTheParsersMessage() {
        assertThatThrownBy(() -> deploy("syntax", "function main(p) { return {ok: true ", 64, 0))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("Initialization has failed due to: SyntaxError")
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.INIT_FAILED);
        neighbourStillAnswers();
    }

    @Test
    void codeWithoutMainFailsInitialisation() {
        assertThatThrownBy(() -> deploy("nomain", "function handler(p) { return {}; }", 64, 0))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("Action entrypoint 'main' is not a function.");
        p.deploy(FunctionSpec.nodejs(
                "named",
                "function handler(p) { return {via: 'handler'}; }".getBytes(StandardCharsets.UTF_8),
                "handler",
                Map.of(),
                64,
                0));
        assertThat(out(invoke("named"))).isEqualTo("{\"via\":\"handler\"}");
        p.deploy(FunctionSpec.nodejs(
                "exported",
                "exports.api = { hello: (p) => ({hello: p.n}) };".getBytes(StandardCharsets.UTF_8),
                "api.hello",
                Map.of(),
                64,
                0));
        assertThat(out(invoke("exported"))).isEqualTo("{\"hello\":7}");
    }

    @Test
    void anInitialisationThatThrowsIsReported() {
        assertThatThrownBy(() -> deploy("throwsAtInit", "throw new TypeError('no config'); function main() {}", 64, 0))
                .hasMessageContaining("Initialization has failed due to: TypeError: no config");
        neighbourStillAnswers();
    }

    @Test
    void aThrowARejectionAndANonDictionaryAreTheActionsErrors() {
        deploy("throws", "function main() { throw new Error('boom'); }", 64, 0);
        Invocation thrown = invoke("throws");
        assertThat(thrown.exitCode()).isEqualTo(1);
        assertThat(out(thrown)).isEqualTo("{\"error\":\"An error has occurred: Error: boom\"}");
        assertThat(thrown.log()).contains("Error: boom").contains("at main");

        deploy("rejects", "function main() { return Promise.reject({code: 42}); }", 64, 0);
        Invocation rejected = invoke("rejects");
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(out(rejected)).isEqualTo("{\"error\":{\"code\":42}}");

        deploy("number", "function main() { return 42; }", 64, 0);
        assertThat(out(invoke("number"))).isEqualTo("{\"error\":\"The action did not return a dictionary.\"}");

        deploy("pending", "function main() { return new Promise(() => {}); }", 64, 0);
        assertThat(out(invoke("pending"))).contains("The action did not settle");
        neighbourStillAnswers();
    }

    @Test
    void anEndlessLoopIsStoppedAtItsTimeLimit() {
        deploy("spins", "function main() { for (;;) {} }", 64, 1_500);
        assertThatThrownBy(() -> invoke("spins"))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("time limit of 1500 ms")
                .extracting(e -> ((FunctionException) e).kind())
                .isEqualTo(FunctionException.Kind.TIMEOUT);
        neighbourStillAnswers();
        assertThatThrownBy(() -> deploy("spinsAtInit", "for (;;) {} function main() {}", 64, 1_500))
                .hasMessageContaining("time limit of 1500 ms");
        neighbourStillAnswers();
    }

    @Test
    void memoryExhaustionIsAnErrorOfThatFunctionOnly() {
        deploy(
                "hog",
                "function main() { const keep = []; for (;;) keep.push(new Array(100000).fill(keep.length)); }",
                40,
                0);
        Invocation hog = invoke("hog");
        assertThat(hog.exitCode()).isEqualTo(1);
        assertThat(out(hog)).contains("out of memory");
        neighbourStillAnswers();
        // and the hog itself recovers: its next activation starts from its snapshot again
        assertThat(invoke("hog").exitCode()).isEqualTo(1);
    }

    /**
     * QuickJS's own stack limit (128 KiB of the 1 MiB shadow stack, jsfn.c) stops runaway recursion with its
     * InternalError (node's is a RangeError) before the JVM's stack, which the interpreted engine's frames fill
     * faster, would overflow and trap; recursion a program really uses still runs.
     */
    @Test
    void runawayRecursionIsAnErrorTheActionCanCatch() {
        deploy(
                "deep",
                "let reached = 0; function g() { reached++; g(); } "
                        + "function f(n) { return n === 0 ? 0 : f(n - 1) + 1; } "
                        + "function main(p) { let caught; try { g(); } catch (e) { caught = String(e); } "
                        + "return {depth: f(p.depth), caught, deeper: reached > p.depth}; }",
                64,
                0);
        Invocation deep = p.invoke("deep", "{\"depth\":300}".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(out(deep)).isEqualTo("{\"depth\":300,\"caught\":\"InternalError: stack overflow\",\"deeper\":true}");
        neighbourStillAnswers();
    }

    @Test
    void noStateCrossesActivations() {
        deploy(
                "counter",
                "let calls = 0; globalThis.seen = globalThis.seen || []; "
                        + "function main(p) { calls++; seen.push(p.n); return {calls, seen}; }",
                64,
                0);
        assertThat(out(invoke("counter"))).isEqualTo("{\"calls\":1,\"seen\":[7]}");
        assertThat(out(invoke("counter")))
                .as("every activation starts from the snapshot taken after /init")
                .isEqualTo("{\"calls\":1,\"seen\":[7]}");
    }
}

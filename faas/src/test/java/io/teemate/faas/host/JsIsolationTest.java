package io.teemate.faas.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A JavaScript function's heap is enclave pages of its own: while a JS instance holds a secret in its heap (and in
 * its snapshot), a neighbour in the same shared enclave that reads every byte of its own, larger, linear memory
 * finds none of it, and after the JS instance is stopped its pages come back zeroed.
 */
class JsIsolationTest {
    private static final String SECRET = "SECRET-js-5ec2e7";

    @TempDir
    Path dir;

    @Test
    void aNeighbourNeverReadsAJavaScriptHeap() throws Exception {
        PlatformOptions options = PlatformOptions.defaults()
                .withHeap("48M", false)
                .withThreads(6)
                .withMachine(256, 4)
                .withTcsTimeout(Duration.ofSeconds(60))
                .withDefaults(64, 60_000);
        try (EnclaveFunctionPlatform p = EnclaveFunctionPlatform.create(Mode.SHARED, dir, options)) {
            // the secret is in the snapshot (a global made at /init) and in the running isolate's heap
            p.deploy(FunctionSpec.nodejs(
                    "holder",
                    ("const kept = '" + SECRET + "'.repeat(64);"
                                    + " function main(p) { globalThis.more = p.secret.repeat(1000); for (;;) {} }")
                            .getBytes(StandardCharsets.UTF_8),
                    null,
                    Map.of(),
                    64,
                    4_000));
            p.deploy(Wat.spec("dumper", Wat.dumper(48), 48, 0));
            CompletableFuture<Invocation> holding = CompletableFuture.supplyAsync(() ->
                    p.invoke("holder", ("{\"secret\":\"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8), Map.of()));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (p.runtimeStats().liveInstances() < 1) {
                assertThat(holding)
                        .as("the holder ended before it was seen live")
                        .isNotDone();
                assertThat(System.nanoTime()).as("the holder never became live").isLessThan(deadline);
                Thread.onSpinWait();
            }
            Invocation dump = p.invoke("dumper", new byte[0], Map.of());
            assertThat(dump.output()).hasSize(48 * 65_536);
            assertThat(new String(dump.output(), StandardCharsets.ISO_8859_1)).doesNotContain("SECRET");
            assertThatThrownBy(holding::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .hasMessageContaining("time limit");
            p.delete("holder"); // its snapshot's pages go back to the heap too
            Invocation after = p.invoke("dumper", new byte[0], Map.of());
            assertThat(new String(after.output(), StandardCharsets.ISO_8859_1))
                    .as("the holder's isolate and snapshot pages came back zeroed")
                    .doesNotContain("SECRET");
        }
    }
}

package io.teemate.cli.demo;

import io.teemate.bench.TempDirs;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.faas.host.ServingModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo's JavaScript function: the paper's auth workload (faas/workloads/js/actions/auth.js, a JWT checked with
 * HMAC-SHA256 by the enclave's crypto) deployed to a shared enclave as an OpenWhisk Node.js action and invoked
 * twice. Deploy is OpenWhisk's /init (an instance started, QuickJS initialised, its snapshot kept); each invocation
 * is a new isolate copied from that snapshot.
 */
final class JsFunctionDemo {
    /** What the demo prints: the deploy's and the two invocations' wall ms, the result, and the activation log. */
    record Result(double deployMs, double firstMs, double secondMs, String output, int actionBytes) {}

    private JsFunctionDemo() {}

    static Result run() throws Exception {
        byte[] code = action();
        Path work = Files.createTempDirectory("teemate-demo-js");
        PlatformOptions options =
                PlatformOptions.defaults().withHeap("32M", false).withThreads(2);
        try (FunctionPlatform platform = ServingModel.SHARED.platform(work, options)) {
            long t0 = System.nanoTime();
            platform.deploy(FunctionSpec.nodejs("auth", code, null, Map.of(), 64, 60_000));
            long t1 = System.nanoTime();
            byte[] params = "{}".getBytes(StandardCharsets.UTF_8);
            Invocation first = platform.invoke("auth", params, Map.of());
            long t2 = System.nanoTime();
            Invocation second = platform.invoke("auth", params, Map.of());
            long t3 = System.nanoTime();
            if (first.exitCode() != 0 || second.exitCode() != 0) {
                throw new IllegalStateException(
                        "auth.js failed: " + new String(first.output(), StandardCharsets.UTF_8));
            }
            return new Result(
                    (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6,
                    (t3 - t2) / 1e6,
                    new String(second.output(), StandardCharsets.UTF_8),
                    code.length);
        } finally {
            TempDirs.delete(work);
        }
    }

    private static byte[] action() throws IOException {
        try (InputStream in = JsFunctionDemo.class.getResourceAsStream("/io/teemate/faas/workloads/js/auth.js")) {
            if (in == null) {
                throw new IOException("the auth workload is missing from the classpath (faas/workloads/js/actions)");
            }
            return in.readAllBytes();
        }
    }
}

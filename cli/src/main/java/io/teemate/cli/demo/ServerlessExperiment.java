package io.teemate.cli.demo;

import io.teemate.bench.Serving;
import io.teemate.bench.TempDirs;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.faas.host.ServingModel;
import io.teemate.sgx.cost.PlatformProfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demo's short serverless experiment (the paper's cold-start figure in miniature): N concurrent cold starts of
 * the committed {@code echo} WebAssembly function on a fresh platform served one way ({@link Serving}: the demo
 * compares conventional and shared; the paper's cold, warm and native models run too), and the EPC the platform's
 * enclaves hold with the N instances up. Every figure is measured in the run.
 */
final class ServerlessExperiment {
    static final String[] PHASES = {"container", "enclave", "runtime init", "execution"};

    /** Means over the N cold starts (ms), per phase and in all, and the EPC of every enclave (MiB). */
    record Result(
            Serving serving,
            int instances,
            double wallMs,
            double modeledMs,
            double[] phaseWallMs,
            double[] phaseModeledMs,
            double epcMiB) {}

    private ServerlessExperiment() {}

    static Result run(Serving serving, int instances, String heap, PlatformProfile profile) throws Exception {
        byte[] wasm = echoModule();
        Path work = Files.createTempDirectory("teemate-demo-faas");
        long heapBytes = io.teemate.abi.image.Sizes.parse(heap);
        long epcBytes = (serving.enclavePerInstance() ? instances : 1) * (heapBytes + (8L << 20)) + (64L << 20);
        PlatformOptions options = PlatformOptions.defaults()
                .withHeap(heap, false)
                .withThreads(instances + 1)
                .withMachine((int) (epcBytes >> 20), PlatformOptions.defaults().logicalProcessors())
                .withPlatform(profile)
                .withWarmPool(instances); // warm: every request predicted, as the paper's CC-Warm assumes
        // the N first starts are cold but in the warm model, whose instances are made at deploy
        boolean expectCold = serving.model() != ServingModel.WARM;
        try (FunctionPlatform platform = serving.platform(work, options)) {
            platform.deploy(new FunctionSpec("echo", wasm, false, List.of(), Map.of(), 16, 60_000));
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            try {
                List<Future<Invocation>> calls = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    calls.add(pool.submit(
                            () -> platform.invoke("echo", "hello".getBytes(StandardCharsets.UTF_8), Map.of())));
                }
                double[] wall = new double[4];
                double[] modeled = new double[4];
                for (Future<Invocation> f : calls) {
                    Invocation inv = f.get();
                    if (inv.exitCode() != 0 || inv.cold() != expectCold) {
                        throw new IllegalStateException("echo: exit " + inv.exitCode()
                                + (inv.cold() == expectCold ? "" : ", cold " + inv.cold()));
                    }
                    add(wall, inv.wall());
                    add(modeled, inv.modeled());
                }
                for (int p = 0; p < 4; p++) {
                    wall[p] /= instances * 1e6;
                    modeled[p] /= instances * 1e6;
                }
                long pages = platform.epcPagesByEnclave().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                return new Result(
                        serving, instances, sum(wall), sum(modeled), wall, modeled, pages * 4096.0 / (1 << 20));
            } finally {
                pool.shutdownNow();
            }
        } finally {
            TempDirs.delete(work);
        }
    }

    private static void add(double[] to, Invocation.Phases p) {
        to[0] += p.containerCreation();
        to[1] += p.enclave();
        to[2] += p.runtimeInit();
        to[3] += p.execution();
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    /** The committed echo workload, which the faas jar carries (faas/workloads/wasm/echo.wasm). */
    private static byte[] echoModule() throws IOException {
        try (InputStream in = ServerlessExperiment.class.getResourceAsStream("/io/teemate/faas/workloads/echo.wasm")) {
            if (in == null) {
                throw new IOException(
                        "the echo workload is missing from the classpath (faas/workloads/wasm/echo.wasm)");
            }
            return in.readAllBytes();
        }
    }
}

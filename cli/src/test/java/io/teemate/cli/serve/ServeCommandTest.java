package io.teemate.cli.serve;

import io.teemate.cli.Teemate;
import io.teemate.faas.host.FunctionException;
import io.teemate.faas.host.FunctionInfo;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.faas.host.ServingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code teemate serve}: fails fast without a platform; with one it serves on loopback and stops cleanly. */
class ServeCommandTest {
    record Run(int exit, String out, String err) {}

    private static Run execute(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A platform with no functions that remembers how it was made and whether it was closed. */
    static class EmptyPlatform implements FunctionPlatform {
        final AtomicBoolean closed = new AtomicBoolean();
        private final String mode;

        EmptyPlatform(String mode) {
            this.mode = mode;
        }

        @Override
        public FunctionInfo deploy(FunctionSpec spec) {
            throw new FunctionException(FunctionException.Kind.BAD_MODULE, "this platform takes no functions");
        }

        @Override
        public List<FunctionInfo> list() {
            return List.of();
        }

        @Override
        public Optional<FunctionInfo> get(String name) {
            return Optional.empty();
        }

        @Override
        public Invocation invoke(String name, byte[] body, Map<String, String> params) {
            throw new FunctionException(FunctionException.Kind.NOT_FOUND, "no function named '" + name + "'");
        }

        @Override
        public boolean delete(String name) {
            return false;
        }

        @Override
        public Map<String, Long> epcPagesByEnclave() {
            return Map.of();
        }

        @Override
        public String mode() {
            return mode;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void withoutAPlatformItFailsFastAndSaysWhere() {
        Run r = execute(new CommandLine(new ServeCommand(FunctionPlatformFactory.NONE)), "--port", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains("cannot start the function platform")
                .contains("io.teemate.cli.serve.ServeCommand.PLATFORM");
    }

    @Test
    void theBuiltInPlatformServesARealWorkloadInAnEnclave(@TempDir Path dir) throws Exception {
        ServeCommand serve = new ServeCommand(ServeCommand.PLATFORM);
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() ->
                execute(cmd, "--port", "0", "--mode", "shared", "--epc-mib", "256", "--work-dir", dir.toString()));
        URI uri = serve.started().get(120, TimeUnit.SECONDS);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] echo = java.nio.file.Files.readAllBytes(Path.of("..", "faas", "workloads", "wasm", "echo.wasm"));
        HttpResponse<String> deployed = http.send(
                HttpRequest.newBuilder(uri.resolve("/v1/functions/echo"))
                        .header("Content-Type", "application/wasm")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(echo))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        for (String start : new String[] {"true", "false"}) {
            HttpResponse<String> out = http.send(
                    HttpRequest.newBuilder(uri.resolve("/v1/functions/echo/invoke"))
                            .POST(HttpRequest.BodyPublishers.ofString("through the enclave"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
            assertThat(out.body()).isEqualTo("through the enclave");
            assertThat(out.headers().firstValue("X-Teemate-Cold")).contains(start);
        }
        serve.requestStop();
        assertThat(running.get(60, TimeUnit.SECONDS).exit()).isZero();
    }

    /**
     * Each model behind the real gateway, driven by curl: the same output, and X-Teemate-Cold as the model says
     * (shared and native start once then reuse; cold starts every time; warm serves its pool from the start).
     */
    @ParameterizedTest
    @EnumSource(ServingModel.class)
    void theBuiltInPlatformServesARealWorkloadInEachModel(ServingModel model, @TempDir Path dir) throws Exception {
        ServeCommand serve = new ServeCommand(ServeCommand.PLATFORM);
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> execute(
                cmd,
                "--port",
                "0",
                "--mode",
                model.apiName(),
                "--warm-pool",
                "1",
                "--epc-mib",
                "256",
                "--platform",
                "e-2276g",
                "--work-dir",
                dir.resolve("work").toString()));
        URI uri = serve.started().get(120, TimeUnit.SECONDS);
        Path echo = Path.of("..", "faas", "workloads", "wasm", "echo.wasm").toAbsolutePath();
        String[] deployed = curl(
                "-X",
                "PUT",
                "-H",
                "Content-Type: application/wasm",
                "--data-binary",
                "@" + echo,
                uri.resolve("/v1/functions/echo").toString());
        assertThat(deployed[0]).as(deployed[1]).contains(" 201");
        List<String> cold = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String[] out = curl(
                    "--data-binary",
                    "served " + model.apiName(),
                    uri.resolve("/v1/functions/echo/invoke").toString());
            assertThat(out[0]).as(out[1]).contains(" 200");
            assertThat(out[1]).isEqualTo("served " + model.apiName());
            cold.add(header(out[0], "X-Teemate-Cold"));
            // the modeled phases name the part --platform chose; the native model runs no enclave and models nothing
            if (model == ServingModel.NATIVE) {
                assertThat(out[0]).doesNotContainIgnoringCase("X-Teemate-Modeled-Platform");
            } else {
                assertThat(header(out[0], "X-Teemate-Modeled-Platform")).isEqualTo("e-2276g");
            }
        }
        assertThat(cold)
                .isEqualTo(
                        switch (model) {
                            case COLD -> List.of("true", "true", "true");
                            case WARM -> List.of("false", "false", "false");
                            case NATIVE, SHARED -> List.of("true", "false", "false");
                        });
        serve.requestStop();
        Run r = running.get(60, TimeUnit.SECONDS);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("(mode " + model.apiName() + ")");
        if (model != ServingModel.NATIVE) {
            assertThat(r.out()).contains("modeled time (X-Teemate-Modeled-* headers, /metrics) priced on e-2276g");
        }
    }

    /** curl's response headers and body ({@code -sS -D -}: the headers, a blank line, the body). */
    private static String[] curl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "-D", "-", "--max-time", "120"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String all = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        int split = all.indexOf("\r\n\r\n");
        return new String[] {all.substring(0, split), all.substring(split + 4)};
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Test
    void aBadWarmPoolOrTheDatabaseWithNativeIsAnInputError() {
        Run pool = execute(Teemate.commandLine(), "serve", "--port", "0", "--mode", "warm", "--warm-pool", "0");
        assertThat(pool.exit()).isEqualTo(2);
        assertThat(pool.err()).contains("--warm-pool 0 must be at least 1");
        Run kv = execute(Teemate.commandLine(), "serve", "--port", "0", "--mode", "native", "--kv-port", "0");
        assertThat(kv.exit()).isEqualTo(2);
        assertThat(kv.err()).contains("--kv-port").contains("--mode native");
    }

    @Test
    void everyModelNameIsAcceptedAndReachesThePlatform(@TempDir Path dir) throws Exception {
        for (String name : List.of("native", "cold", "warm", "shared", "Conventional")) {
            AtomicReference<String> how = new AtomicReference<>();
            ServeCommand serve = new ServeCommand((mode, epcMiB, warmPool, profile, workDir) -> {
                how.set(mode + " " + warmPool);
                return new EmptyPlatform(mode.apiName());
            });
            CommandLine cmd = new CommandLine(serve);
            CompletableFuture<Run> running = CompletableFuture.supplyAsync(() ->
                    execute(cmd, "--port", "0", "--mode", name, "--warm-pool", "7", "--work-dir", dir.toString()));
            serve.started().get(30, TimeUnit.SECONDS);
            serve.requestStop();
            assertThat(running.get(30, TimeUnit.SECONDS).exit()).isZero();
            assertThat(how.get()).isEqualTo(ServingModel.parse(name) + " 7");
        }
    }

    @Test
    void badModeIsAnInputError() {
        Run r = execute(Teemate.commandLine(), "serve", "--port", "0", "--mode", "bogus");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--mode").contains("bogus").contains("native, cold, warm, shared");
    }

    @Test
    void anUnknownPlatformIsAnInputErrorListingTheNames() {
        Run r = execute(Teemate.commandLine(), "serve", "--port", "0", "--platform", "nosuch");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--platform", "nosuch", io.teemate.sgx.cost.PlatformProfile.ids());
    }

    @Test
    void badPortIsAnInputError() {
        Run r = execute(Teemate.commandLine(), "serve", "--port", "70000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--port 70000 must be 0..65535");
    }

    @Test
    void badDatabasePortIsAnInputErrorNamingItsOption() {
        Run r = execute(Teemate.commandLine(), "serve", "--port", "0", "--kv-port", "70000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--kv-port 70000 must be 0..65535");
    }

    @Test
    void servesOnLoopbackThenStopsAndClosesThePlatform(@TempDir Path dir) throws Exception {
        AtomicReference<EmptyPlatform> made = new AtomicReference<>();
        AtomicReference<String> how = new AtomicReference<>();
        ServeCommand serve = new ServeCommand((mode, epcMiB, warmPool, profile, workDir) -> {
            how.set(mode + " " + epcMiB + " " + warmPool + " " + profile.id() + " " + workDir);
            made.set(new EmptyPlatform(mode.apiName()));
            return made.get();
        });
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> execute(
                cmd,
                "--port",
                "0",
                "--mode",
                "conventional",
                "--epc-mib",
                "64",
                "--platform",
                "I9-9900K",
                "--work-dir",
                dir.toString()));
        URI uri = serve.started().get(30, TimeUnit.SECONDS);
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(how.get()).as("conventional is cold").isEqualTo(ServingModel.COLD + " 64 4 i9-9900k " + dir);

        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(uri.resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"mode\":\"cold\"");

        serve.requestStop();
        Run r = running.get(30, TimeUnit.SECONDS);
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("TeeMate FaaS gateway on " + uri + " (mode cold)")
                .contains("stopped");
        assertThat(made.get().closed).isTrue();
    }

    @Test
    void servesTheDatabaseBesideTheGatewayWithKvPort(@TempDir Path dir) throws Exception {
        ServeCommand serve =
                new ServeCommand((mode, epcMiB, warmPool, profile, workDir) -> new EmptyPlatform(mode.apiName()));
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> execute(
                cmd,
                "--port",
                "0",
                "--mode",
                "conventional",
                "--kv-port",
                "0",
                "--kv-dir",
                dir.resolve("kv").toString()));
        int port = serve.kvStarted().get(120, TimeUnit.SECONDS);
        serve.started().get(30, TimeUnit.SECONDS);
        assertThat(io.teemate.cli.kv.KvCommandTest.talk(port, "+OK\r\n:2\r\n".length(), "SET n 1", "INCR n"))
                .isEqualTo("+OK\r\n:2\r\n");
        serve.requestStop();
        Run r = running.get(60, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("TeeMate database on 127.0.0.1:" + port + " (RESP, mode conventional");
    }

    @Test
    void withoutWorkDirTheScratchDirectoryIsOwnerOnlyAndRemovedAtStop() throws Exception {
        AtomicReference<Path> work = new AtomicReference<>();
        ServeCommand serve = new ServeCommand((mode, epcMiB, warmPool, profile, workDir) -> {
            work.set(workDir);
            try {
                // as the platform does: container images and their private attach keys
                java.nio.file.Files.createDirectories(workDir.resolve("functions/f/v1"));
                java.nio.file.Files.writeString(workDir.resolve("functions/f/v1/container.key.pem"), "key");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new EmptyPlatform(mode.apiName());
        });
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> execute(cmd, "--port", "0"));
        serve.started().get(30, TimeUnit.SECONDS);
        assertThat(work.get()).as("a scratch directory the command owns").isNotNull();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(work.get())))
                .isEqualTo("rwx------");
        serve.requestStop();
        assertThat(running.get(30, TimeUnit.SECONDS).exit()).isZero();
        assertThat(work.get()).as("removed at exit, keys and all").doesNotExist();
    }

    @Test
    void theScratchDirectoryIsRemovedWhenThePlatformCannotStart() {
        AtomicReference<Path> work = new AtomicReference<>();
        ServeCommand serve = new ServeCommand((mode, epcMiB, warmPool, profile, workDir) -> {
            work.set(workDir);
            throw new IllegalStateException("no EPC today");
        });
        Run r = execute(new CommandLine(serve), "--port", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no EPC today");
        assertThat(work.get()).isNotNull().doesNotExist();
    }

    @Test
    void aWorkDirTheUserNamesIsMadeOwnerOnlyAndKept(@TempDir Path dir) throws Exception {
        Path given = dir.resolve("work");
        ServeCommand serve =
                new ServeCommand((mode, epcMiB, warmPool, profile, workDir) -> new EmptyPlatform("shared"));
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<Run> running =
                CompletableFuture.supplyAsync(() -> execute(cmd, "--port", "0", "--work-dir", given.toString()));
        serve.started().get(30, TimeUnit.SECONDS);
        serve.requestStop();
        assertThat(running.get(30, TimeUnit.SECONDS).exit()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(given)))
                .isEqualTo("rwx------");
    }
}

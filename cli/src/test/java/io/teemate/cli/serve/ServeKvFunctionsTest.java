package io.teemate.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.teemate.cli.Teemate;
import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code teemate serve --kv HOST:PORT}: JavaScript functions' {@code teemate.kv} reaches the named store. Here the
 * store is TeeMate's own confidential database, served beside the gateway by {@code --kv-port}, and the SeBS
 * uploader's first case stores its download there, read back with the real redis-cli.
 */
class ServeKvFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORKLOADS = Path.of("..", "faas", "workloads", "js");

    private record Run(int exit, String out, String err) {}

    private static Run execute(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aKvEndpointThatIsNotHostPortIsAnInputError() {
        Run r = execute(Teemate.commandLine(), "serve", "--port", "0", "--kv", "6379");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--kv: the key-value store's endpoint must be HOST:PORT (e.g. 127.0.0.1:6379)");
    }

    @Test
    void theUploaderStoresItsDownloadInTeeMatesOwnDatabase(@TempDir Path dir) throws Exception {
        JsonNode expected =
                JSON.readTree(WORKLOADS.resolve("expected/uploader.json").toFile());
        JsonNode c = expected.get("cases").get(0);
        JsonNode file = c.get("serve").get(0);
        byte[] content = Base64.getDecoder().decode(file.get("content_base64").asText());
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext(file.get("path").asText(), ex -> {
            ex.sendResponseHeaders(200, content.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(content);
            }
        });
        http.start();
        int kvPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            kvPort = s.getLocalPort();
        }
        String endpoint = "127.0.0.1:" + kvPort;
        AtomicReference<FunctionPlatform> platform = new AtomicReference<>();
        // the built-in platform as --kv makes it, kept here so the test can deploy a JavaScript function on it
        ServeCommand serve = new ServeCommand((model, epcMiB, warmPool, workDir) -> {
            platform.set(ServeCommand.platform(endpoint).create(model, epcMiB, warmPool, workDir));
            return platform.get();
        });
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> execute(
                new CommandLine(serve),
                "--port",
                "0",
                "--mode",
                "shared",
                "--epc-mib",
                "256",
                "--work-dir",
                dir.resolve("work").toString(),
                "--kv-port",
                Integer.toString(kvPort),
                "--kv-dir",
                dir.resolve("kv").toString(),
                "--kv",
                endpoint));
        try {
            assertThat(serve.kvStarted().get(120, TimeUnit.SECONDS)).isEqualTo(kvPort);
            serve.started().get(120, TimeUnit.SECONDS);
            byte[] code =
                    Files.readAllBytes(WORKLOADS.resolve(expected.get("action").asText()));
            platform.get().deploy(FunctionSpec.nodejs("uploader", code, null, Map.of(), 128, 120_000));
            ObjectNode params = c.get("params").deepCopy();
            params.put(
                    "url",
                    params.get("url")
                            .asText()
                            .replace(
                                    "http://files.test",
                                    "http://127.0.0.1:" + http.getAddress().getPort()));
            Invocation i = platform.get().invoke("uploader", JSON.writeValueAsBytes(params), Map.of());
            assertThat(i.exitCode())
                    .as("log %s, output %s", i.log(), new String(i.output()))
                    .isZero();
            assertThat(JSON.readTree(i.output())).isEqualTo(c.get("result"));
            String key = c.get("result").get("key").asText();
            byte[] stored = redisCli(kvPort, "GET", key);
            assertThat(stored.length).isEqualTo(content.length);
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(stored)))
                    .isEqualTo(c.get("kv").get(key).get("sha256").asText());
        } finally {
            serve.requestStop();
            http.stop(0);
        }
        Run r = running.get(120, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /** The real redis-cli's raw reply, less the newline --raw ends it with. */
    private static byte[] redisCli(int port, String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(java.util.List.of("redis-cli", "-p", Integer.toString(port), "--raw"));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out.toString()).isZero();
        byte[] b = out.toByteArray();
        return b.length > 0 && b[b.length - 1] == '\n' ? Arrays.copyOf(b, b.length - 1) : b;
    }
}

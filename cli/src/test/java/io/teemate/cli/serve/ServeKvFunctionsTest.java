package io.teemate.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.teemate.cli.Teemate;
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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code teemate serve --kv HOST:PORT}: JavaScript functions' {@code teemate.kv} reaches the named store. Here the
 * store is TeeMate's own confidential database, served beside the gateway by {@code --kv-port}; the SeBS uploader,
 * deployed by {@code --deploy} and invoked with curl, stores its download there, read back with the real redis-cli.
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
        Path params = Files.createTempFile(dir, "params", ".json");
        ObjectNode p = c.get("params").deepCopy();
        p.put(
                "url",
                p.get("url")
                        .asText()
                        .replace(
                                "http://files.test",
                                "http://127.0.0.1:" + http.getAddress().getPort()));
        Files.write(params, JSON.writeValueAsBytes(p));
        // the built-in platform, as `teemate serve` runs it: --kv reaches the database --kv-port serves beside it
        ServeCommand serve = new ServeCommand();
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
                "127.0.0.1:" + kvPort,
                "--deploy",
                "uploader=" + WORKLOADS.resolve(expected.get("action").asText())));
        try {
            assertThat(serve.kvStarted().get(180, TimeUnit.SECONDS)).isEqualTo(kvPort);
            URI uri = serve.started().get(180, TimeUnit.SECONDS);
            byte[] reply = run(
                    "curl",
                    "-sS",
                    "-X",
                    "POST",
                    "-H",
                    "Content-Type: application/json",
                    "--data-binary",
                    "@" + params,
                    uri.resolve("/v1/functions/uploader/invoke").toString());
            assertThat(JSON.readTree(reply)).as(new String(reply)).isEqualTo(c.get("result"));
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

    /** A command's standard output (and error), which must exit 0. */
    private static byte[] run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out.toString()).isZero();
        return out.toByteArray();
    }

    /** The real redis-cli's raw reply, less the newline --raw ends it with. */
    private static byte[] redisCli(int port, String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(java.util.List.of("redis-cli", "-p", Integer.toString(port), "--raw"));
        cmd.addAll(java.util.List.of(args));
        byte[] b = run(cmd.toArray(new String[0]));
        return b.length > 0 && b[b.length - 1] == '\n' ? Arrays.copyOf(b, b.length - 1) : b;
    }
}

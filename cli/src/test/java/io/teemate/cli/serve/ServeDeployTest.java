package io.teemate.cli.serve;

import io.teemate.faas.host.FunctionInfo;
import io.teemate.faas.host.FunctionRuntime;
import io.teemate.faas.host.FunctionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code teemate serve --deploy NAME=FILE[#MAIN]}: functions from files before the gateway serves, the runtime told
 * by the extension (a .js or .zip is nodejs), and a real JavaScript function run through a blackbox OpenWhisk
 * container's code-less /init and /run with curl.
 */
class ServeDeployTest {
    private static ServeCommandTest.Run execute(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new ServeCommandTest.Run(exit, out.toString(), err.toString());
    }

    /** Records what it was asked to deploy. */
    static final class RecordingPlatform extends ServeCommandTest.EmptyPlatform {
        final List<FunctionSpec> deployed = new CopyOnWriteArrayList<>();

        RecordingPlatform() {
            super("shared");
        }

        @Override
        public FunctionInfo deploy(FunctionSpec spec) {
            deployed.add(spec);
            return new FunctionInfo(spec.name(), "id", spec.module().length, 1, 1, 0, 0, 0, 1, spec.runtime());
        }
    }

    @Test
    void theRuntimeIsToldByTheExtension(@TempDir Path dir) throws Exception {
        Path js = Files.writeString(dir.resolve("hello.js"), "exports.handler = () => ({});");
        Path wat = Files.writeString(dir.resolve("m.wat"), "(module (func (export \"_start\")))");
        Path zip = dir.resolve("action.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("index.js"));
            z.write("exports.main = () => ({});".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        RecordingPlatform platform = new RecordingPlatform();
        ServeCommand serve = new ServeCommand((mode, epcMiB, warmPool, profile, workDir) -> platform);
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<ServeCommandTest.Run> running = CompletableFuture.supplyAsync(() -> execute(
                cmd,
                "--port",
                "0",
                "--work-dir",
                dir.resolve("work").toString(),
                "--deploy",
                "hello=" + js + "#handler",
                "--deploy",
                "w=" + wat,
                "--deploy",
                "z=" + zip + "#index.main"));
        serve.started().get(30, TimeUnit.SECONDS);
        serve.requestStop();
        ServeCommandTest.Run r = running.get(30, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("deployed hello from " + js + " (nodejs)")
                .contains("deployed w from " + wat + " (wat)");
        assertThat(platform.deployed).hasSize(3);
        FunctionSpec hello = platform.deployed.get(0);
        assertThat(hello.runtime()).isEqualTo(FunctionRuntime.NODEJS);
        assertThat(hello.main()).isEqualTo("handler");
        assertThat(new String(hello.module(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(js));
        assertThat(platform.deployed.get(1).runtime()).isEqualTo(FunctionRuntime.WASM);
        assertThat(platform.deployed.get(1).text()).isTrue();
        assertThat(platform.deployed.get(2).runtime()).isEqualTo(FunctionRuntime.NODEJS);
        assertThat(platform.deployed.get(2).module()).isEqualTo(Files.readAllBytes(zip));
    }

    @Test
    void aFileOfNoKnownRuntimeOrAMainForWasmIsAnInputError(@TempDir Path dir) {
        ServeCommandTest.Run py = execute(
                new CommandLine(
                        new ServeCommand((mode, epcMiB, warmPool, profile, workDir) -> new RecordingPlatform())),
                "--port",
                "0",
                "--deploy",
                "f=" + dir.resolve("f.py"));
        assertThat(py.exit()).isEqualTo(2);
        assertThat(py.err()).contains("cannot tell the runtime of").contains(".js, .cjs, .zip (nodejs)");
        ServeCommandTest.Run main = execute(
                new CommandLine(
                        new ServeCommand((mode, epcMiB, warmPool, profile, workDir) -> new RecordingPlatform())),
                "--port",
                "0",
                "--deploy",
                "f=" + dir.resolve("f.wasm") + "#main");
        assertThat(main.exit()).isEqualTo(2);
        assertThat(main.err()).contains("#MAIN is for JavaScript files");
        ServeCommandTest.Run noFile = execute(
                new CommandLine(
                        new ServeCommand((mode, epcMiB, warmPool, profile, workDir) -> new RecordingPlatform())),
                "--port",
                "0",
                "--deploy",
                "f");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("give NAME=FILE");
    }

    /** The built-in platform: a JavaScript file deployed at start, run by a blackbox container's /init and /run. */
    @Test
    void aJavaScriptFileServesABlackboxOpenWhiskContainer(@TempDir Path dir) throws Exception {
        Path js = Files.writeString(
                dir.resolve("hello.js"),
                "function main(p) { console.log('hi', p.name); return {greeting: 'Hello ' + p.name}; }");
        ServeCommand serve = new ServeCommand(ServeCommand.PLATFORM);
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<ServeCommandTest.Run> running = CompletableFuture.supplyAsync(() -> execute(
                cmd,
                "--port",
                "0",
                "--mode",
                "shared",
                "--epc-mib",
                "256",
                "--work-dir",
                dir.resolve("work").toString(),
                "--deploy",
                "hello=" + js));
        URI uri = serve.started().get(180, TimeUnit.SECONDS);
        // OpenWhisk's invoker: /init without code for a blackbox action, then /run
        assertThat(curl(
                        uri.resolve("/init"),
                        "{\"value\": {\"name\": \"/guest/hello\", \"binary\": false, \"main\": \"main\"}}"))
                .isEqualTo("200 {\"ok\":true}");
        assertThat(curl(uri.resolve("/run"), "{\"value\": {\"name\": \"box\"}, \"deadline\": \"1767225600000\"}"))
                .isEqualTo("200 {\"greeting\":\"Hello box\"}");
        serve.requestStop();
        assertThat(running.get(60, TimeUnit.SECONDS).exit()).isZero();
    }

    /** "STATUS BODY" of a JSON POST through curl. */
    private static String curl(URI uri, String json) throws Exception {
        Process p = new ProcessBuilder(
                        "curl",
                        "-sS",
                        "-X",
                        "POST",
                        "-H",
                        "Content-Type: application/json",
                        "--data-binary",
                        json,
                        "-w",
                        " %{http_code}",
                        uri.toString())
                .redirectErrorStream(true)
                .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String s = out.toString(StandardCharsets.UTF_8);
        int space = s.lastIndexOf(' ');
        return s.substring(space + 1) + " " + s.substring(0, space);
    }
}

package io.teemate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static io.teemate.cli.SignCommandTest.teemate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The CLI's one error handler: a user error is one line and no stack trace; a bug says so and exits 70. */
class CliErrorsTest {
    private static final Path HELLO = Path.of("..", "examples", "images", "hello");

    @TempDir
    Path dir;

    /** One line naming the command, and nothing of a stack trace. */
    private static void assertOneLine(SignCommandTest.Run r, String command) {
        assertThat(r.err().strip())
                .as(r.err())
                .doesNotContain("\n")
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("Error:")
                .startsWith("teemate " + command + ": ");
    }

    @Test
    void everyModeOptionIsOneMixinThatTakesAnyCaseAndRefusesAnUnknownModeAsUsage() {
        for (String command : new String[] {"run", "serve", "kv serve"}) {
            var cmd = Teemate.commandLine();
            var sub = cmd;
            for (String part : command.split(" ")) {
                sub = sub.getSubcommands().get(part);
            }
            var mode = sub.getCommandSpec().findOption("--mode");
            assertThat(mode).as(command).isNotNull();
            assertThat(mode.defaultValue()).as(command).isEqualTo("shared");
            if (command.equals("serve")) {
                // serve takes the paper's four serving models (native, cold, warm, shared), its own mixin
                assertThat(mode.converters())
                        .as(command)
                        .anySatisfy(c -> assertThat(c.getClass().getEnclosingClass())
                                .isEqualTo(io.teemate.cli.serve.ServingModelOption.class));
            } else {
                assertThat(mode.converters()).as(command).hasAtLeastOneElementOfType(ModeOption.Converter.class);
            }
        }
        assertThat(new ModeOption.Converter().convert("CONVENTIONAL"))
                .isEqualTo(io.teemate.host.container.Mode.CONVENTIONAL);
        SignCommandTest.Run r = teemate("run", "--mode", "gramine", HELLO.resolve("container.json"));
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--mode").contains("gramine").contains("conventional, shared");
    }

    @Test
    void aKvHeapThatIsNotASizeIsOneLineNamingTheOptionAndMakesNoDataDirectory() {
        Path data = dir.resolve("data");
        SignCommandTest.Run r = teemate("kv", "serve", "--port", "0", "--heap", "12Q", "--dir", data);
        assertThat(r.exit()).isEqualTo(1);
        assertOneLine(r, "kv serve");
        assertThat(r.err()).contains("--heap \"12Q\" is not a size").doesNotContain("teemate-kv.json");
        assertThat(data).doesNotExist();
    }

    private Path helloWithHeap(String heap) throws IOException {
        try (Stream<Path> files = Files.walk(HELLO)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(HELLO.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path enclave = dir.resolve("enclave.json");
        String json = Files.readString(enclave);
        assertThat(json).contains("\"heap_size\": \"1M\"");
        Files.writeString(enclave, json.replace("\"heap_size\": \"1M\"", "\"heap_size\": \"" + heap + "\""));
        return enclave;
    }

    @Test
    void anEnclaveHeapTooLargeForTheMachineIsOneLineWhenSigning() throws IOException {
        assumeThat(Runtime.getRuntime().maxMemory()).isLessThan(60L << 30);
        Path enclave = helloWithHeap("64G");
        SignCommandTest.Run r = teemate("sign", enclave, "--key", dir.resolve("k.pem"), "--generate-key");
        assertThat(r.exit()).isEqualTo(io.teemate.cli.sign.SignCommand.BAD_INPUT);
        assertOneLine(r, "sign");
        assertThat(r.err()).contains("enclave.json: heap_size: 64G is more than this machine can build");
    }

    @Test
    void anEnclaveHeapTooLargeForTheMachineIsOneLineWhenRunning() throws IOException {
        assumeThat(Runtime.getRuntime().maxMemory()).isLessThan(60L << 30);
        helloWithHeap("64G");
        SignCommandTest.Run r = teemate("run", dir.resolve("container.json"), "--key", keyFile());
        assertThat(r.exit()).isEqualTo(2);
        assertOneLine(r, "run");
        assertThat(r.err()).contains("enclave.json: heap_size: 64G is more than this machine can build");
    }

    private Path keyFile() {
        Path key = dir.resolve("owner.pem");
        io.teemate.abi.image.SigningKeys.write(key, io.teemate.sgx.sign.SigningKey.generate());
        return key;
    }

    @Test
    void aMissingFileIsOneLineSayingSo() {
        SignCommandTest.Run r = teemate("sign", dir.resolve("nope.json"), "--key", dir.resolve("k.pem"));
        assertThat(r.exit()).isNotZero();
        assertOneLine(r, "sign");
        assertThat(r.err()).contains("nope.json");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new NullPointerException("a bug");
        }
    }

    private record Out(int exit, String err) {}

    private static Out run(CliErrors handler, Callable<Integer> command) {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(command)
                .setExecutionStrategy(CliErrors::executeLast)
                .setExecutionExceptionHandler(handler);
        cmd.setErr(new PrintWriter(err));
        return new Out(cmd.execute(), err.toString());
    }

    @Test
    void aBugIsAnInternalErrorWithExit70AndAHintAtTheDebugVariable() {
        Out r = run(new CliErrors(false), new Boom());
        assertThat(r.exit()).isEqualTo(70);
        assertThat(r.err())
                .startsWith("boom: internal error: java.lang.NullPointerException: a bug")
                .contains("TEEMATE_DEBUG=1")
                .doesNotContain("\tat ");
        Out debug = run(new CliErrors(true), new Boom());
        assertThat(debug.exit()).isEqualTo(70);
        assertThat(debug.err()).contains("\tat io.teemate.cli.CliErrorsTest$Boom.call");
    }

    @Command(name = "oom")
    static final class Oom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void runningOutOfMemoryIsOneLineNotAStackTrace() {
        Out r = run(new CliErrors(false), new Oom());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip())
                .startsWith("oom: out of memory (Java heap space)")
                .doesNotContain("\n");
    }

    @Test
    void usageErrorsStillExit2() {
        SignCommandTest.Run r = teemate("kv", "serve", "--no-such-option");
        assertThat(r.exit()).isEqualTo(2);
        // kv serve takes any --DIRECTIVE as redis-server does; one it does not know is Redis's bad directive
        assertThat(r.err()).contains("--no-such-option").contains("Bad directive");
    }

    @Test
    void theRootHelpNamesTheDebugVariable() {
        assertThat(teemate("--help").out()).contains("TEEMATE_DEBUG=1").contains("70");
    }

    @Test
    void aKvDataDirectoryThatCannotBeReadSaysWhy() throws IOException {
        assumeThat(System.getProperty("user.name")).isNotEqualTo("root"); // root reads mode-000 files
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("platform.seed"), "x");
        Files.setPosixFilePermissions(data.resolve("platform.seed"), java.util.Set.of());
        SignCommandTest.Run r = teemate("kv", "serve", "--port", "0", "--dir", data);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("platform.seed: permission denied");
    }

    @Test
    void filesystemErrorsSayWhatWentWrong() {
        assertThat(CliErrors.describe(new java.nio.file.NoSuchFileException("a/b")))
                .isEqualTo("a/b: no such file");
        assertThat(CliErrors.describe(new java.nio.file.AccessDeniedException("a/b")))
                .isEqualTo("a/b: permission denied");
        assertThat(CliErrors.userError(
                        new java.io.UncheckedIOException("reading x", new java.nio.file.NoSuchFileException("x"))))
                .isEqualTo("reading x: x: no such file");
    }
}

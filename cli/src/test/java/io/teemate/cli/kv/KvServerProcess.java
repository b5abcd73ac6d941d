package io.teemate.cli.kv;

import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The crash tests' harness: {@code teemate kv serve} as a real, separate OS process (the JDK and class path of the
 * test JVM, main class {@code io.teemate.cli.Teemate}), its standard output and error captured to files, ready once
 * its port answers PING with PONG. It can be killed with SIGKILL (as {@code kill -9}: no shutdown hook, no flush, no
 * save), signalled with SIGINT or SIGTERM, and waited for with its exit status.
 *
 * <p>A server may be started under a wrapper that changes the process's environment, not the command: a file-size
 * limit ({@code ulimit -f}, a full disk for this process only) or root without the capability to override file
 * modes (so a read-only directory is read-only even for root). Wrappers {@code exec} the JVM, so the process the
 * test holds is the server itself and a signal reaches it directly.
 */
final class KvServerProcess implements AutoCloseable {
    /** How long a start may take: a JVM, an emulated machine, an enclave built and measured, a dataset loaded. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** The reference target: Redis 7 itself (scripts/install-test-tools.sh installs it), checking the tests. */
    static final String REDIS = "redis-server";

    private static final String REDIS_SERVER = "redis-server";
    private static final AtomicInteger STARTS = new AtomicInteger();

    /** Whether {@code redis-server} is on the PATH. */
    static boolean redisInstalled() {
        return onPath(REDIS_SERVER);
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** What to start: the data directory, the mode, a redis.conf (or none), extra flags, a wrapper. */
    static final class Spec {
        final Path dir;
        String mode = "shared";
        Path config;
        final List<String> flags = new ArrayList<>();
        final List<String> wrapper = new ArrayList<>();
        String heap = "128M";
        int epcMiB = 256;

        Spec(Path dir) {
            this.dir = dir;
        }

        /** The reference, Redis itself, rather than teemate kv serve. */
        boolean isRedis() {
            return REDIS.equals(mode);
        }

        Spec mode(String mode) {
            this.mode = mode;
            return this;
        }

        Spec config(Path config) {
            this.config = config;
            return this;
        }

        /** Runs the server in a shell whose file-size limit is {@code kib} KiB: a write past it fails (EFBIG). */
        Spec fileSizeLimitKiB(long kib) {
            // bash's ulimit -f counts 1024-byte blocks; HotSpot ignores SIGXFSZ, so the write fails with EFBIG
            wrapper.clear();
            wrapper.addAll(List.of("bash", "-c", "ulimit -f " + kib + " && exec \"$@\"", "bash"));
            return this;
        }

        /**
         * Runs the server as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: file modes then bind it as any
         * user (the owner's bits apply), so a directory made read-only is read-only to it. No wrapper for a user
         * other than root, whom file modes bind anyway.
         */
        Spec withoutModeOverride() {
            wrapper.clear();
            if (isRoot()) {
                wrapper.addAll(List.of(
                        "setpriv",
                        "--bounding-set=-dac_override,-dac_read_search",
                        "--inh-caps=-dac_override,-dac_read_search",
                        "--"));
            }
            return this;
        }
    }

    private final Spec spec;
    private final Process process;
    private final int port;
    final Path stdout;
    final Path stderr;

    private KvServerProcess(Spec spec, Process process, int port, Path stdout, Path stderr) {
        this.spec = spec;
        this.process = process;
        this.port = port;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts a server as {@code spec} says and waits until it answers PING; fails with its log if it does not. */
    static KvServerProcess start(Spec spec) throws IOException {
        KvServerProcess p = launch(spec);
        p.awaitReady(START_TIMEOUT);
        return p;
    }

    /** Starts a server and returns at once, ready or not (for a start that must be refused). */
    static KvServerProcess launch(Spec spec) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(spec.wrapper);
        // env --default-signal: a JVM started with SIGINT ignored (a background job of a non-interactive shell, as
        // CI may start Maven) would not see Ctrl-C at all; the server must get the signal's default disposition
        command.addAll(List.of("env", "--default-signal=INT,TERM,HUP"));
        if (spec.isRedis()) {
            // the reference: Redis itself, with the same redis.conf and the same flags' meaning
            Files.createDirectories(spec.dir);
            command.add(REDIS_SERVER);
            if (spec.config != null) {
                command.add(spec.config.toString());
            }
            command.addAll(List.of(
                    "--port",
                    Integer.toString(port),
                    "--dir",
                    spec.dir.toString(),
                    "--bind",
                    "127.0.0.1",
                    "--daemonize",
                    "no"));
        } else {
            command.add(ProcessHandle.current().info().command().orElseThrow());
            // EPC frames live off the Java heap, as in ./teemate and the tests' argLine
            command.addAll(List.of("-XX:MaxDirectMemorySize=2g", "-cp", System.getProperty("java.class.path")));
            command.addAll(List.of("io.teemate.cli.Teemate", "kv", "serve"));
            command.addAll(
                    List.of("--port", Integer.toString(port), "--dir", spec.dir.toString(), "--mode", spec.mode));
            if (spec.heap != null && !Files.exists(spec.dir.resolve("teemate-kv.json"))) {
                command.addAll(List.of("--heap", spec.heap));
            }
            command.addAll(List.of("--epc-mib", Integer.toString(spec.epcMiB)));
            if (spec.config != null) {
                command.addAll(List.of("--config", spec.config.toString()));
            }
        }
        command.addAll(spec.flags);
        Path logs = spec.dir.resolveSibling(spec.dir.getFileName() + "-logs");
        Files.createDirectories(logs);
        int n = STARTS.incrementAndGet();
        Path out = logs.resolve("server-" + n + ".out");
        Path err = logs.resolve("server-" + n + ".err");
        Files.writeString(out.resolveSibling("server-" + n + ".cmd"), String.join(" ", command) + "\n");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new KvServerProcess(spec, pb.start(), port, out, err);
    }

    /** A port no one listens on now (the server binds it a moment later; SO_REUSEADDR on both sides). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Spec spec() {
        return spec;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Polls the port until PING answers PONG; fails, with the server's log, if it exits or the deadline passes. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "the server exited with status " + process.exitValue() + " before it answered PING\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                s.setSoTimeout(5_000);
                s.getOutputStream().write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] reply = s.getInputStream().readNBytes(7);
                if (new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    return;
                }
                last = "PING answered " + new String(reply, StandardCharsets.US_ASCII).trim();
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            pause(25);
        }
        throw new AssertionError("the server did not answer PING within " + timeout + " (" + last + ")\n" + log());
    }

    /**
     * For a start that must be refused: waits for the process to exit and returns its status; fails at once if it
     * answers PING instead (it started), or at the deadline.
     */
    int awaitRefusal(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return process.exitValue();
            }
            if (answersPing()) {
                throw new AssertionError("the server started (it answered PING) instead of refusing to\n" + log());
            }
            pause(25);
        }
        throw new AssertionError("the server neither exited nor answered within " + timeout + "\n" + log());
    }

    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            s.setSoTimeout(5_000);
            s.getOutputStream().write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    /** A client with a generous reply timeout (a fork in conventional mode copies the heap before it answers). */
    Jedis client() {
        return new Jedis(
                "127.0.0.1",
                port,
                DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(5_000)
                        .socketTimeoutMillis(60_000)
                        .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                        .build());
    }

    /**
     * {@code kill -9}: SIGKILL, then waits for the process to be gone. Its children go too (Redis's fork child
     * would otherwise finish its save or rewrite after the parent's death): the machine crashed, not one process.
     */
    void kill9() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly(); // SIGKILL on Linux
        children.forEach(ProcessHandle::destroyForcibly);
        awaitExit(Duration.ofSeconds(30));
        for (ProcessHandle c : children) {
            c.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** Sends {@code signal} (INT, TERM, ...) with kill(1), as a terminal's Ctrl-C or a service manager does. */
    void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + process.pid() + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for the process to exit and returns its status; fails (and kills it) after {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the server did not exit within " + timeout + "\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What the server printed: standard output, then standard error (the server's log). */
    String log() {
        return "--- server stdout (" + stdout + ")\n" + read(stdout) + "--- server stderr (" + stderr + ")\n"
                + read(stderr);
    }

    /** Standard output and error together, for asserting what the server said. */
    String output() {
        return read(stdout) + read(stderr);
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + p + ": " + e + ")\n";
        }
    }

    /** INFO {@code section} as a map of its fields. */
    static Map<String, String> info(Jedis jedis, String section) {
        Map<String, String> fields = new HashMap<>();
        for (String line : jedis.info(section).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    /** Waits until {@code condition} holds, polling; fails with {@code what} and the server's log at the deadline. */
    void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what + "\n" + log());
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        "the server exited (" + process.exitValue() + ") while waiting until " + what + "\n" + log());
            }
            pause(20);
        }
    }

    /** A redis.conf with {@code lines}, beside the data directory. */
    static Path config(Path dir, String... lines) throws IOException {
        Path file = dir.resolveSibling(dir.getFileName() + ".conf");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"))
                || ProcessHandle.current().info().user().map("root"::equals).orElse(false);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis); // a polling interval, never a stand-in for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether standard output or standard error ends with a line that contains {@code text}. */
    boolean lastLineContains(String text) {
        for (Path p : List.of(stdout, stderr)) {
            String[] lines = read(p).strip().split("\r?\n");
            if (lines[lines.length - 1].toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "kv serve pid " + process.pid() + " port " + port + " mode " + spec.mode.toLowerCase(Locale.ROOT);
    }
}

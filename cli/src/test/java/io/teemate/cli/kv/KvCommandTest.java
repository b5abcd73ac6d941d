package io.teemate.cli.kv;

import io.teemate.cli.Teemate;
import io.teemate.kv.host.RespClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code teemate kv serve} and {@code teemate kv export} end to end, and their input errors. */
public class KvCommandTest {
    record Run(int exit, String out, String err) {}

    static Run execute(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Sends RESP commands on one connection and returns the raw replies, which {@code replyBytes} bounds. */
    public static String talk(int port, int replyBytes, String... commands) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(60_000);
            for (String c : commands) {
                s.getOutputStream().write(RespClient.encode(c.split(" ")));
            }
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(replyBytes), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesRespThenSavesAndTheSnapshotExportsAsRdb(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        KvServeCommand serve = new KvServeCommand();
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> execute(
                cmd, "--port", "0", "--mode", "shared", "--dir", data.toString(), "--heap", "16M", "--epc-mib", "128"));
        int port = serve.started().get(120, TimeUnit.SECONDS);
        String replies = talk(
                port,
                "+PONG\r\n+OK\r\n$5\r\nworld\r\n+OK\r\n".length(),
                "PING",
                "SET hello world",
                "GET hello",
                "SAVE");
        assertThat(replies).isEqualTo("+PONG\r\n+OK\r\n$5\r\nworld\r\n+OK\r\n");
        serve.requestStop();
        Run r = running.get(60, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 keys loaded").contains("127.0.0.1:" + port);
        assertThat(data.resolve("dump.sealed")).exists();

        Path rdb = dir.resolve("out.rdb");
        Run export = execute(
                Teemate.commandLine(),
                "kv",
                "export",
                data.resolve("dump.sealed").toString(),
                rdb.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("wrote " + rdb);
        assertThat(new String(Files.readAllBytes(rdb), StandardCharsets.ISO_8859_1))
                .startsWith("REDIS0010")
                .contains("hello")
                .contains("world");
    }

    @Test
    void servesWithTheAppendOnlyFileAndItsDatasetExportsAsRdb(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        KvServeCommand serve = new KvServeCommand();
        CommandLine cmd = new CommandLine(serve);
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> execute(
                cmd,
                "--port",
                "0",
                "--dir",
                data.toString(),
                "--heap",
                "16M",
                "--epc-mib",
                "128",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always"));
        int port = serve.started().get(120, TimeUnit.SECONDS);
        String replies = talk(port, "+OK\r\n:1\r\n".length(), "SET hello world", "RPUSH aof-list element");
        assertThat(replies).isEqualTo("+OK\r\n:1\r\n");
        serve.requestStop();
        Run r = running.get(60, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.err()).isZero();
        // the default save points make the shutdown save a snapshot too, as Redis does; the export reads the AOF alone
        Files.deleteIfExists(data.resolve("dump.sealed"));
        assertThat(Files.readString(data.resolve("appendonlydir/appendonly.aof.manifest")))
                .contains("file appendonly.aof.1.base.rdb seq 1 type b");

        Path rdb = dir.resolve("out.rdb");
        Run export = execute(Teemate.commandLine(), "kv", "export", "--from", "aof", data.toString(), rdb.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(new String(Files.readAllBytes(rdb), StandardCharsets.ISO_8859_1))
                .startsWith("REDIS0010")
                .contains("hello")
                .contains("world")
                .contains("aof-list");
    }

    @Test
    void aBadConfigFileStopsTheStartNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("redis.conf");
        Files.writeString(conf, "port 0\nappendfsync sometimes\n");
        Run bad = execute(Teemate.commandLine(), "kv", "serve", "--config", conf.toString(), "--dir", dir.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains(conf.toString()).contains("line 2").contains("appendfsync");
        Run unknown =
                execute(Teemate.commandLine(), "kv", "serve", "--dir", dir.toString(), "--no-such-directive", "1");
        assertThat(unknown.exit()).as(unknown.err()).isEqualTo(2);
        assertThat(unknown.err()).contains("no-such-directive");
        assertThat(dir.resolve("kv.lock")).as("nothing was started").doesNotExist();
    }

    @Test
    void inputErrorsNameWhatWasWrong(@TempDir Path dir) {
        Run aof = execute(Teemate.commandLine(), "kv", "serve", "--appendonly", "maybe", "--dir", dir.toString());
        assertThat(aof.exit()).isEqualTo(2);
        assertThat(aof.err()).contains("--appendonly maybe").contains("'yes' or 'no'");
        Run fsync = execute(Teemate.commandLine(), "kv", "serve", "--appendfsync", "often", "--dir", dir.toString());
        assertThat(fsync.exit()).isEqualTo(2);
        assertThat(fsync.err())
                .contains("--appendfsync often")
                .contains("always")
                .contains("everysec");
        Run from = execute(
                Teemate.commandLine(),
                "kv",
                "export",
                "--from",
                "log",
                dir.toString(),
                dir.resolve("o.rdb").toString());
        assertThat(from.exit()).isEqualTo(2);
        assertThat(from.err()).contains("--from must be snapshot or aof");
        Run mode = execute(Teemate.commandLine(), "kv", "serve", "--mode", "bogus", "--dir", dir.toString());
        assertThat(mode.exit()).isEqualTo(2);
        assertThat(mode.err()).contains("--mode").contains("conventional, shared");
        Run platform = execute(Teemate.commandLine(), "kv", "serve", "--platform", "nosuch", "--dir", dir.toString());
        assertThat(platform.exit()).isEqualTo(2);
        assertThat(platform.err()).contains("--platform", "nosuch", io.teemate.sgx.cost.PlatformProfile.ids());
        assertThat(dir.resolve("kv.lock")).as("nothing was started").doesNotExist();
        Run heap = execute(
                Teemate.commandLine(),
                "kv",
                "serve",
                "--port",
                "0",
                "--heap",
                "lots",
                "--dir",
                dir.resolve("h").toString());
        assertThat(heap.exit()).isEqualTo(1);
        assertThat(heap.err()).contains("--heap").contains("lots");
        Run export = execute(
                Teemate.commandLine(),
                "kv",
                "export",
                dir.resolve("nope.sealed").toString(),
                dir.resolve("o.rdb").toString());
        assertThat(export.exit()).isEqualTo(1);
        assertThat(export.err()).contains("no snapshot file");
    }

    @Test
    void exportOfADamagedSnapshotNamesTheFileAndPrintsNoPlaintext(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (io.teemate.kv.host.KvDatabase db = io.teemate.kv.host.KvDatabase.open(
                new io.teemate.kv.host.KvOptions(data, io.teemate.host.container.Mode.SHARED, "16M", 128))) {
            java.util.List<java.util.List<byte[]>> batch = new java.util.ArrayList<>();
            java.util.Random random = new java.util.Random(2);
            for (int i = 0; i < 2600; i++) {
                byte[] value = new byte[1000];
                for (int j = 0; j < value.length; j++) {
                    value[j] = (byte) ('a' + random.nextInt(26));
                }
                batch.add(java.util.List.of(
                        "SET".getBytes(StandardCharsets.US_ASCII),
                        ("plain-key-" + i).getBytes(StandardCharsets.US_ASCII),
                        value));
            }
            db.execute(batch);
            db.save();
        }
        Path sealed = data.resolve("dump.sealed");
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length - 20] ^= 1; // in the last of three records: the first two authenticate
        Files.write(sealed, bytes);
        Path out = dir.resolve("out").resolve("dump.rdb");
        Files.createDirectories(out.getParent());
        Run export = execute(Teemate.commandLine(), "kv", "export", sealed.toString(), out.toString());
        assertThat(export.exit()).isEqualTo(1);
        assertThat(export.err())
                .contains("teemate kv export: ")
                .contains(sealed.toString())
                .contains("fails authentication");
        assertThat(export.out() + export.err())
                .doesNotContain("plain-key-")
                .doesNotContain("REDIS")
                .doesNotContain("Exception");
        assertThat((export.out() + export.err()).length())
                .as("a message, not data")
                .isLessThan(1000);
        try (java.util.stream.Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files.toList()).as("no output file").isEmpty();
        }
    }
}

package io.teemate.kv.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** CONFIG REWRITE as Redis's rewriteConfig edits the file, written atomically. */
class KvConfigRewriteTest {
    @TempDir
    Path dir;

    private Path conf(String text) throws IOException {
        Path f = dir.resolve("redis.conf");
        Files.writeString(f, text, StandardCharsets.ISO_8859_1);
        return f;
    }

    private String dirLine() throws IOException {
        return "dir \"" + dir.toRealPath() + "\"";
    }

    @Test
    void keepsCommentsReplacesInPlaceAndAppendsTheRest() throws IOException {
        Path f = conf(String.join(
                "\n",
                "# top comment",
                "port 7000",
                "",
                "",
                "",
                "   # indented comment",
                "HZ 10",
                "save 100 10",
                "  save 200 20",
                "appendfsync always",
                "appendfsync no",
                "maxmemory-policy noeviction",
                "dir " + dir.toRealPath(),
                ""));
        KvConfig c = KvConfig.load(f);
        c.set(List.of("hz", "20", "maxmemory", "1mb", "save", "300 3", "requirepass", "a b\"c"));
        c.set(List.of("auto-aof-rewrite-percentage", "50", "proto-max-bulk-len", "1000000000"));
        c.rewrite();
        assertThat(Files.readString(f, StandardCharsets.ISO_8859_1))
                .isEqualTo(String.join(
                        "\n",
                        "# top comment",
                        "port 7000",
                        "", // a run of blank lines becomes one
                        "# indented comment", // lines are trimmed, as Redis trims them
                        "hz 20", // in place, its name written in lower case
                        "save 300 3",
                        "", // the second save line, no longer used
                        "appendfsync no", // the first appendfsync line takes the value
                        "",
                        "maxmemory-policy noeviction", // at its default, but it was in the file
                        dirLine(),
                        "", // the file's last newline
                        KvConfigRewrite.SIGNATURE,
                        "requirepass \"a b\\\"c\"",
                        "maxmemory 1mb",
                        "auto-aof-rewrite-percentage 50",
                        "proto-max-bulk-len 1000000000",
                        ""));
        assertThat(KvConfig.load(f).get(List.of("*"))).isEqualTo(c.get(List.of("*")));

        c.set(List.of("save", "", "requirepass", "", "maxmemory", "2gb"));
        c.rewrite();
        String again = Files.readString(f, StandardCharsets.ISO_8859_1);
        assertThat(again)
                .contains("\nsave \"\"\n")
                .contains("\nmaxmemory 2gb\n")
                .doesNotContain("requirepass")
                .containsOnlyOnce(KvConfigRewrite.SIGNATURE); // appended lines go after the existing one
        assertThat(KvConfig.load(f).savePoints()).isEmpty();
        assertThat(KvConfig.load(f).get(List.of("*"))).isEqualTo(c.get(List.of("*")));
    }

    @Test
    void defaultsNotInTheFileAreLeftOutButDirAndSaveAreAlwaysWritten() throws IOException {
        Path f = conf("port 6379\n");
        KvConfig c = KvConfig.load(f);
        c.rewrite();
        assertThat(Files.readString(f))
                .isEqualTo(String.join(
                        "\n",
                        "port 6379",
                        "",
                        KvConfigRewrite.SIGNATURE,
                        "save 3600 1",
                        "save 300 100",
                        "save 60 10000",
                        "dir \"" + Path.of("teemate-kv").toAbsolutePath() + "\"",
                        ""));
    }

    @Test
    void aBindAtItsDefaultIsBlankedAndOthersAreWritten() throws IOException {
        Path f = conf("bind 127.0.0.1\nbind 127.0.0.1 -::1\n"); // the last one, the default, wins
        KvConfig c = KvConfig.load(f);
        c.rewrite();
        assertThat(Files.readString(f)).startsWith("\n" + KvConfigRewrite.SIGNATURE); // both lines blanked
        c.set(List.of("bind", "127.0.0.1 ::1"));
        c.rewrite();
        assertThat(Files.readString(f)).contains("\nbind 127.0.0.1 ::1\n");
        assertThat(KvConfig.load(f).bindAddresses()).containsExactly("127.0.0.1", "::1");
    }

    @Test
    void linesItDoesNotKnowAreKeptAsComments() throws IOException {
        Path f = conf("port 7000\n");
        KvConfig c = KvConfig.load(f);
        Files.writeString(f, "port 7000\nloglevel notice\nhz \"unbalanced\n", StandardCharsets.ISO_8859_1);
        c.rewrite();
        assertThat(Files.readString(f))
                .startsWith("port 7000\n# ??? loglevel notice\n# ??? hz \"unbalanced\n\n" + KvConfigRewrite.SIGNATURE);
        assertThat(KvConfig.load(f).port()).isEqualTo(7000);
    }

    @Test
    void aFileThatIsGoneIsWrittenAnew() throws IOException {
        Path f = conf("hz 20\n");
        KvConfig c = KvConfig.load(f);
        Files.delete(f);
        c.rewrite();
        assertThat(Files.readString(f))
                .startsWith(KvConfigRewrite.SIGNATURE + "\n")
                .contains("\nhz 20\n");
    }

    @Test
    void withoutAFileThereIsNothingToRewrite() {
        assertThatThrownBy(() -> KvConfig.defaults().rewrite())
                .isInstanceOf(KvConfigException.class)
                .hasMessage("ERR The server is running without a config file");
        assertThatThrownBy(() -> KvConfig.load(null, Map.of("hz", List.of("5"))).rewrite())
                .hasMessage("ERR The server is running without a config file");
    }

    @Test
    void theFileIsReplacedAtomicallyAndOwnerOnly() throws IOException {
        Path f = conf("# mine\nhz 20\n");
        Object before = Files.getAttribute(f, "unix:ino");
        KvConfig c = KvConfig.load(f);
        c.set(List.of("requirepass", "secret"));
        c.rewrite();
        assertThat(Files.getAttribute(f, "unix:ino")).isNotEqualTo(before); // a new file renamed over the old
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f); // no temporary file left
        }
    }

    @Test
    void aFailedRewriteLeavesTheOldFileWhole() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("ro"));
        Path f = sub.resolve("redis.conf");
        Files.writeString(f, "hz 20\n");
        KvConfig c = KvConfig.load(f);
        c.set(List.of("hz", "30"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(sub), "running as root: a directory cannot be made read-only");
            assertThatThrownBy(c::rewrite)
                    .isInstanceOf(KvConfigException.class)
                    .hasMessageStartingWith("ERR Rewriting config file: ");
            assertThat(Files.readString(f)).isEqualTo("hz 20\n");
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}

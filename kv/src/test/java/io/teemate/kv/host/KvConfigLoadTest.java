package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading redis.conf as Redis 7.0's loadServerConfigFromString does, and command-line options after it. */
class KvConfigLoadTest {
    @TempDir
    Path dir;

    private Path conf(String text) throws IOException {
        Path f = dir.resolve("redis.conf");
        Files.writeString(f, text, StandardCharsets.ISO_8859_1);
        return f;
    }

    private KvConfig load(String text) throws IOException {
        return KvConfig.load(conf(text));
    }

    @Test
    void defaultsAreRedis70sWithTeeMatesDbfilenameDirAndBind() {
        KvConfig c = KvConfig.defaults();
        assertThat(c.file()).isNull();
        assertThat(c.port()).isEqualTo(6379);
        assertThat(c.bindAddresses()).containsExactly("127.0.0.1", "-::1");
        assertThat(c.dir()).isEqualTo(Path.of("teemate-kv").toAbsolutePath());
        assertThat(c.dbfilename()).isEqualTo("dump.sealed");
        assertThat(c.savePoints())
                .containsExactly(
                        new KvConfig.SavePoint(3600, 1),
                        new KvConfig.SavePoint(300, 100),
                        new KvConfig.SavePoint(60, 10000));
        assertThat(c.appendonly()).isFalse();
        assertThat(c.appendfilename()).isEqualTo("appendonly.aof");
        assertThat(c.appenddirname()).isEqualTo("appendonlydir");
        assertThat(c.appendfsync()).isEqualTo(KvOptions.Aof.Fsync.EVERYSEC);
        assertThat(c.autoAofRewritePercentage()).isEqualTo(100);
        assertThat(c.autoAofRewriteMinSize()).isEqualTo(64L << 20);
        assertThat(c.aofLoadTruncated()).isTrue();
        assertThat(c.stopWritesOnBgsaveError()).isTrue();
        assertThat(c.maxmemory()).isZero();
        assertThat(c.maxmemoryPolicy()).isEqualTo(KvConfig.MaxmemoryPolicy.NOEVICTION);
        assertThat(c.requirepass()).isNull();
        assertThat(c.hz()).isEqualTo(10);
        assertThat(c.protoMaxBulkLen()).isEqualTo(512L << 20);
        assertThat(c.databases()).isEqualTo(16);
        assertThat(c.mode()).isEqualTo(Mode.SHARED);
        assertThat(c.heap()).isNull();
        assertThat(c.epcMiB()).isEqualTo(1024);
        assertThat(c.options()).isEqualTo(new KvOptions(c.dir(), Mode.SHARED, null, 1024));
    }

    @Test
    void readsEveryDirective() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        KvConfig c = load(String.join(
                "\n",
                "# a comment",
                "   # an indented comment",
                "",
                "port 7000",
                "bind 127.0.0.1 ::1 -127.0.0.2",
                "dir " + data,
                "dbfilename snap.sealed",
                "save 900 1",
                "appendonly yes",
                "appendfilename log.aof",
                "appenddirname aofdir",
                "appendfsync always",
                "auto-aof-rewrite-percentage 50",
                "auto-aof-rewrite-min-size 32mb",
                "aof-load-truncated no",
                "stop-writes-on-bgsave-error no",
                "maxmemory 1gb",
                "maxmemory-policy allkeys-lru",
                "requirepass \"s3cret pass\"",
                "hz 100",
                "proto-max-bulk-len 2mb",
                "databases 1",
                "enable-protected-configs yes",
                "teemate-mode conventional",
                "teemate-heap 2G",
                "teemate-epc-mib 2048"));
        assertThat(c.port()).isEqualTo(7000);
        assertThat(c.bindAddresses()).containsExactly("127.0.0.1", "::1", "-127.0.0.2");
        assertThat(c.dir()).isEqualTo(data);
        assertThat(c.dbfilename()).isEqualTo("snap.sealed");
        assertThat(c.savePoints()).containsExactly(new KvConfig.SavePoint(900, 1));
        assertThat(c.appendonly()).isTrue();
        assertThat(c.appendfilename()).isEqualTo("log.aof");
        assertThat(c.appenddirname()).isEqualTo("aofdir");
        assertThat(c.appendfsync()).isEqualTo(KvOptions.Aof.Fsync.ALWAYS);
        assertThat(c.autoAofRewritePercentage()).isEqualTo(50);
        assertThat(c.autoAofRewriteMinSize()).isEqualTo(32L << 20);
        assertThat(c.aofLoadTruncated()).isFalse();
        assertThat(c.stopWritesOnBgsaveError()).isFalse();
        assertThat(c.maxmemory()).isEqualTo(1L << 30);
        assertThat(c.maxmemoryPolicy()).isEqualTo(KvConfig.MaxmemoryPolicy.ALLKEYS_LRU);
        assertThat(c.requirepass()).isEqualTo("s3cret pass");
        assertThat(c.hz()).isEqualTo(100);
        assertThat(c.protoMaxBulkLen()).isEqualTo(2L << 20);
        assertThat(c.databases()).isEqualTo(1);
        assertThat(c.mode()).isEqualTo(Mode.CONVENTIONAL);
        assertThat(c.heap()).isEqualTo("2G");
        assertThat(c.epcMiB()).isEqualTo(2048);
        assertThat(c.file()).isEqualTo(dir.resolve("redis.conf").toAbsolutePath());
        assertThat(c.options())
                .isEqualTo(new KvOptions(
                        data,
                        Mode.CONVENTIONAL,
                        "2G",
                        2048,
                        new KvOptions.Aof(true, "aofdir", "log.aof", KvOptions.Aof.Fsync.ALWAYS, false),
                        "snap.sealed",
                        1));
    }

    @Test
    void directiveNamesAndValuesAreCaseInsensitiveAndLinesMayEndInCrlf() throws IOException {
        KvConfig c = load("PORT 7001\r\nAppendOnly YES\r\nAPPENDFSYNC No\r\nMaxMemory-Policy VOLATILE-TTL\r\n");
        assertThat(c.port()).isEqualTo(7001);
        assertThat(c.appendonly()).isTrue();
        assertThat(c.appendfsync()).isEqualTo(KvOptions.Aof.Fsync.NO);
        assertThat(c.maxmemoryPolicy()).isEqualTo(KvConfig.MaxmemoryPolicy.VOLATILE_TTL);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "requirepass \"a\\tb\\x41\"|a\tbA",
                "requirepass 'a \\'b\\' c'|a 'b' c",
                "requirepass a\"b c\"|ab c",
                "requirepass \"\"|",
            })
    void quotes(String line, String password) throws IOException {
        assertThat(load(line + "\n").requirepass()).isEqualTo(password);
    }

    @ParameterizedTest
    @CsvSource({
        "1k, 1000",
        "1kb, 1024",
        "1K, 1000",
        "1KB, 1024",
        "1m, 1000000",
        "1mb, 1048576",
        "1g, 1000000000",
        "1gb, 1073741824",
        "1Gb, 1073741824",
        "123, 123",
        "18446744073709551615, -1"
    })
    void memoryUnits(String text, long bytes) throws IOException {
        assertThat(load("maxmemory " + text).maxmemory()).isEqualTo(bytes);
    }

    @Test
    void saveLinesAccumulateAndTheFirstReplacesTheDefaults() throws IOException {
        assertThat(load("save 100 10\nsave 200 20 300 30\n").savePoints())
                .containsExactly(
                        new KvConfig.SavePoint(100, 10),
                        new KvConfig.SavePoint(200, 20),
                        new KvConfig.SavePoint(300, 30));
        assertThat(load("save \"100 10 200 20\"\n").savePoints()) // one argument split on spaces, as Redis does
                .containsExactly(new KvConfig.SavePoint(100, 10), new KvConfig.SavePoint(200, 20));
    }

    @Test
    void saveEmptyClearsWhereverItIs() throws IOException {
        assertThat(load("save \"\"\n").savePoints()).isEmpty();
        assertThat(load("save 100 10\nsave \"\"\n").savePoints()).isEmpty();
        assertThat(load("save 100 10\nsave \"\"\nsave 200 20\n").savePoints())
                .containsExactly(new KvConfig.SavePoint(200, 20));
        assertThat(load("save\n").savePoints()).isEmpty();
        assertThat(load("save 100 10\nsave\n").savePoints()).containsExactly(new KvConfig.SavePoint(100, 10));
    }

    @Test
    void laterLinesWin() throws IOException {
        assertThat(load("port 1\nport 2\n").port()).isEqualTo(2);
    }

    @Test
    void hzIsCappedAsRedisCapsIt() throws IOException {
        assertThat(load("hz 5000").hz()).isEqualTo(500);
        assertThat(load("hz 0").hz()).isEqualTo(1);
    }

    @Test
    void aDirThatDoesNotExistYetIsMadeOnFirstUse() throws IOException {
        assertThat(load("dir newdir\n").dir()).isEqualTo(Path.of("newdir").toAbsolutePath());
    }

    @Test
    void overridesComeAfterTheFile() throws IOException {
        Path f = conf("port 7000\nappendfsync always\nsave 100 10\nhz 20\n");
        Map<String, List<String>> o = new LinkedHashMap<>();
        o.put("port", List.of("7001"));
        o.put("APPENDFSYNC", List.of("no"));
        o.put("save", List.of("5", "5")); // as redis-server file --save 5 5: added to the file's points
        KvConfig c = KvConfig.load(f, o);
        assertThat(c.port()).isEqualTo(7001);
        assertThat(c.appendfsync()).isEqualTo(KvOptions.Aof.Fsync.NO);
        assertThat(c.hz()).isEqualTo(20);
        assertThat(c.savePoints()).containsExactly(new KvConfig.SavePoint(100, 10), new KvConfig.SavePoint(5, 5));
        assertThat(KvConfig.load(f, Map.of("save", List.of(""))).savePoints()).isEmpty();
        assertThat(KvConfig.load(null, Map.of("port", List.of("7002"))).port()).isEqualTo(7002);
        assertThat(KvConfig.load(null, Map.of("port", List.of("7002"))).file()).isNull();
    }

    @Test
    void aBadOverrideNamesTheOption() throws IOException {
        Path f = conf("port 7000\n");
        assertThatThrownBy(() -> KvConfig.load(f, Map.of("hz", List.of("abc"))))
                .isInstanceOf(KvConfigException.class)
                .hasMessage("bad option --hz abc: argument couldn't be parsed into an integer");
        assertThatThrownBy(() -> KvConfig.load(f, Map.of("nosuch", List.of("a b"))))
                .hasMessage("bad option --nosuch \"a b\": Bad directive or wrong number of arguments");
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> KvConfig.load(dir.resolve("none.conf"))).isInstanceOf(NoSuchFileException.class);
    }

    /** Every refused line names the file, its line number and the line, then Redis's reason. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "appendfsync sometimes|argument(s) must be one of the following: everysec, always, no",
                "nosuch 1|Bad directive or wrong number of arguments",
                "hz|wrong number of arguments",
                "hz 1 2|wrong number of arguments",
                "hz \"5|Unbalanced quotes in configuration line",
                "hz 'a'b|Unbalanced quotes in configuration line",
                "hz abc|argument couldn't be parsed into an integer",
                "hz 5 # a comment here is an argument|wrong number of arguments",
                "hz -1|argument must be between 0 and 2147483647 inclusive",
                "port 65536|argument must be between 0 and 65535 inclusive",
                "databases 0|argument must be between 1 and 2147483647 inclusive",
                "maxmemory 1.5m|argument must be a memory value",
                "maxmemory -1|argument must be a memory value",
                "proto-max-bulk-len 1000|argument must be between 1048576 and 9223372036854775807 inclusive",
                "auto-aof-rewrite-min-size -5|argument must be a memory value",
                "auto-aof-rewrite-percentage -5|argument must be between 0 and 2147483647 inclusive",
                "appendonly maybe|argument must be 'yes' or 'no'",
                "maxmemory-policy lru|argument(s) must be one of the following: volatile-lru, volatile-lfu,"
                        + " volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction",
                "save 100|Invalid save parameters",
                "save 0 10|Invalid save parameters",
                "save 100 -1|Invalid save parameters",
                "save 100 x|Invalid save parameters",
                "dbfilename a/b|dbfilename can't be a path, just a filename",
                "appendfilename \"\"|appendfilename can't be empty",
                "appendfilename a/b|appendfilename can't be a path, just a filename",
                "appenddirname a\\b|appenddirname can't be a path, just a dirname",
                "dir \"\"|No such file or directory",
                "teemate-mode fast|argument(s) must be one of the following: shared, conventional",
                "teemate-epc-mib 4|argument must be between 8 and 2147483647 inclusive",
                "teemate-heap 1T|\"1T\" is not a size (use bytes or K/M/G)",
                "include /etc/redis/other.conf|include is not supported: write the directives in this one file",
                "loglevel notice|'loglevel' is a Redis 7.0 directive that the TeeMate database does not support",
                "bind 0.0.0.0|bind address '0.0.0.0' is not a loopback address: the TeeMate database is an"
                        + " emulator and serves only this machine (127.0.0.1, ::1)",
                "bind 127.0.0.1 -::*|bind address '-::*' is not a loopback address: the TeeMate database is an"
                        + " emulator and serves only this machine (127.0.0.1, ::1)",
                "bind * -::*|bind address '*' is not a loopback address: the TeeMate database is an emulator and"
                        + " serves only this machine (127.0.0.1, ::1)",
                "bind|bind needs at least one address: the TeeMate database listens on loopback addresses only"
                        + " (127.0.0.1, ::1)",
            })
    void aBadLineNamesTheFileTheLineAndTheReason(String line, String reason) throws IOException {
        Path f = conf("# comment\n\nport 7000\n  " + line + "  \nhz 10\n");
        assertThatThrownBy(() -> KvConfig.load(f))
                .isInstanceOfSatisfying(KvConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(f.toAbsolutePath());
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessage("bad config file " + f.toAbsolutePath() + " line 4: '" + line + "': " + reason);
    }

    @Test
    void aDirThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> load("dir " + file + "\n")).hasMessageEndingWith(": Not a directory");
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, true",
        "127.1.2.3, true",
        "localhost, true",
        "::1, true",
        "0:0:0:0:0:0:0:1, true",
        "0.0.0.0, false",
        "10.0.0.1, false",
        "128.0.0.1, false",
        "127.0.0.256, false",
        "::, false",
        "::*, false",
        "*, false",
        "example.com, false",
        "fe80::1%lo, false"
    })
    void loopbackAddresses(String address, boolean loopback) {
        assertThat(KvConfigDirectives.Bind.isLoopback(address)).isEqualTo(loopback);
    }
}

package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The database through a real socket with Debian's redis-cli: every command family, errors, pipelining. */
class RedisCliTest {
    @TempDir
    static Path dir;

    static RunningKv kv;

    @BeforeAll
    static void start() throws Exception {
        kv = RunningKv.start(dir.resolve("db"), Mode.SHARED);
    }

    @AfterAll
    static void stop() {
        kv.close();
    }

    @BeforeEach
    void empty() throws Exception {
        assertThat(kv.cli("FLUSHALL")).isEqualTo("OK");
    }

    @Test
    void strings() throws Exception {
        assertThat(kv.cli("SET", "greeting", "hello")).isEqualTo("OK");
        assertThat(kv.cli("GET", "greeting")).isEqualTo("hello");
        assertThat(kv.cli("APPEND", "greeting", " world")).isEqualTo("11");
        assertThat(kv.cli("GETRANGE", "greeting", "0", "4")).isEqualTo("hello");
        assertThat(kv.cli("SETRANGE", "greeting", "6", "there")).isEqualTo("11");
        assertThat(kv.cli("STRLEN", "greeting")).isEqualTo("11");
        assertThat(kv.cli("SET", "n", "10", "NX")).isEqualTo("OK");
        assertThat(kv.cli("SET", "n", "11", "NX")).isEmpty(); // nil prints as an empty line
        assertThat(kv.cli("INCRBY", "n", "5")).isEqualTo("15");
        assertThat(kv.cli("DECR", "n")).isEqualTo("14");
        assertThat(kv.cli("INCRBYFLOAT", "n", "0.5")).isEqualTo("14.5");
        assertThat(kv.cli("MSET", "a", "1", "b", "2")).isEqualTo("OK");
        assertThat(kv.cli("MGET", "a", "b", "missing")).isEqualTo("1\n2");
        assertThat(kv.cli("GETSET", "a", "one")).isEqualTo("1");
        assertThat(kv.cli("GETDEL", "a")).isEqualTo("one");
        assertThat(kv.cli("SETNX", "b", "x")).isEqualTo("0");
        assertThat(kv.cli("SET", "t", "v", "EX", "100", "GET")).isEmpty();
        assertThat(Long.parseLong(kv.cli("TTL", "t"))).isBetween(1L, 100L);
    }

    @Test
    void keys() throws Exception {
        kv.cli("MSET", "k1", "a", "k2", "b", "other", "c");
        assertThat(kv.cli("EXISTS", "k1", "k2", "nope")).isEqualTo("2");
        assertThat(kv.cli("KEYS", "k*").lines().sorted().toList()).containsExactly("k1", "k2");
        assertThat(kv.cli("DBSIZE")).isEqualTo("3");
        assertThat(kv.cli("TYPE", "k1")).isEqualTo("string");
        assertThat(kv.cli("EXPIRE", "k1", "100")).isEqualTo("1");
        assertThat(Long.parseLong(kv.cli("PTTL", "k1"))).isBetween(1L, 100_000L);
        assertThat(kv.cli("PERSIST", "k1")).isEqualTo("1");
        assertThat(kv.cli("TTL", "k1")).isEqualTo("-1");
        assertThat(kv.cli("RENAME", "k1", "k3")).isEqualTo("OK");
        assertThat(kv.cli("RENAMENX", "k3", "k2")).isEqualTo("0");
        assertThat(kv.cli("DEL", "k3", "nope")).isEqualTo("1");
        assertThat(kv.cli("UNLINK", "k2")).isEqualTo("1");
        assertThat(kv.cli("RANDOMKEY")).isEqualTo("other");
        assertThat(kv.cli("SCAN", "0", "COUNT", "100")).isEqualTo("0\nother");
        assertThat(kv.cli("SELECT", "0")).isEqualTo("OK");
        assertThat(kv.cli("FLUSHDB")).isEqualTo("OK");
        assertThat(kv.cli("DBSIZE")).isEqualTo("0");
    }

    @Test
    void hashesListsAndSets() throws Exception {
        assertThat(kv.cli("HSET", "h", "f1", "v1", "f2", "v2")).isEqualTo("2");
        assertThat(kv.cli("HGET", "h", "f1")).isEqualTo("v1");
        assertThat(kv.cli("HMGET", "h", "f1", "x")).isEqualTo("v1");
        assertThat(kv.cli("HINCRBY", "h", "n", "7")).isEqualTo("7");
        assertThat(kv.cli("HSETNX", "h", "f1", "z")).isEqualTo("0");
        assertThat(kv.cli("HLEN", "h")).isEqualTo("3");
        assertThat(kv.cli("HEXISTS", "h", "f2")).isEqualTo("1");
        assertThat(kv.cli("HKEYS", "h").lines().sorted().toList()).containsExactly("f1", "f2", "n");
        assertThat(kv.cli("HVALS", "h").lines().sorted().toList()).containsExactly("7", "v1", "v2");
        assertThat(kv.cli("HGETALL", "h").lines().count()).isEqualTo(6);
        assertThat(kv.cli("HDEL", "h", "f1", "f2", "n")).isEqualTo("3");
        assertThat(kv.cli("EXISTS", "h")).as("an emptied hash is deleted").isEqualTo("0");

        assertThat(kv.cli("RPUSH", "l", "a", "b", "c")).isEqualTo("3");
        assertThat(kv.cli("LPUSH", "l", "z")).isEqualTo("4");
        assertThat(kv.cli("LRANGE", "l", "0", "-1")).isEqualTo("z\na\nb\nc");
        assertThat(kv.cli("LINDEX", "l", "-1")).isEqualTo("c");
        assertThat(kv.cli("LSET", "l", "1", "A")).isEqualTo("OK");
        assertThat(kv.cli("LREM", "l", "0", "b")).isEqualTo("1");
        assertThat(kv.cli("LTRIM", "l", "0", "1")).isEqualTo("OK");
        assertThat(kv.cli("LLEN", "l")).isEqualTo("2");
        assertThat(kv.cli("LPOP", "l")).isEqualTo("z");
        assertThat(kv.cli("RPOP", "l")).isEqualTo("A");

        assertThat(kv.cli("SADD", "s", "x", "y", "x")).isEqualTo("2");
        assertThat(kv.cli("SISMEMBER", "s", "y")).isEqualTo("1");
        assertThat(kv.cli("SMEMBERS", "s").lines().sorted().toList()).containsExactly("x", "y");
        assertThat(kv.cli("SREM", "s", "x")).isEqualTo("1");
        assertThat(kv.cli("SCARD", "s")).isEqualTo("1");
        assertThat(kv.cli("TYPE", "s")).isEqualTo("set");
    }

    @Test
    void serverCommands() throws Exception {
        assertThat(kv.cli("PING")).isEqualTo("PONG");
        assertThat(kv.cli("ECHO", "hi")).isEqualTo("hi");
        kv.cli("SET", "k", "v");
        String info = kv.cli("INFO");
        assertThat(info)
                .contains(
                        "# Memory",
                        "used_memory:",
                        "# Persistence",
                        "# Stats",
                        "latest_fork_usec:0\r",
                        // the part that prices teemate_latest_fork_modeled_usec: the paper's machine
                        "teemate_platform:gold-6348\r",
                        "db0:keys=1,expires=0");
        assertThat(kv.cli("INFO", "keyspace")).doesNotContain("# Memory").contains("db0:keys=1");
        assertThat(kv.cli("CONFIG", "GET", "save")).isEqualTo("save");
        assertThat(kv.cli("CONFIG", "GET", "append*").split("\n"))
                .containsExactlyInAnyOrder(
                        "appendonly",
                        "no",
                        "appendfilename",
                        "appendonly.aof",
                        "appenddirname",
                        "appendonlydir",
                        "appendfsync",
                        "everysec");
        assertThat(Long.parseLong(kv.cli("COMMAND", "COUNT"))).isGreaterThan(60);
        assertThat(kv.cli("COMMAND", "INFO", "get")).startsWith("get\n2\n");
        String session = kv.cliWithInput("CLIENT SETNAME tester\nCLIENT GETNAME\n".getBytes(StandardCharsets.UTF_8));
        assertThat(session).isEqualTo("OK\ntester");
        long before = Long.parseLong(kv.cli("LASTSAVE"));
        assertThat(kv.cli("SAVE")).isEqualTo("OK");
        assertThat(Long.parseLong(kv.cli("LASTSAVE"))).isGreaterThanOrEqualTo(before);
        assertThat(kv.cli("BGSAVE")).isEqualTo("Background saving started");
        kv.db.awaitBackgroundSave();
        assertThat(kv.cli("INFO", "persistence")).contains("rdb_bgsave_in_progress:0", "rdb_last_bgsave_status:ok");
        assertThat(kv.cli("INFO", "stats")).containsPattern("latest_fork_usec:[1-9]");
    }

    /**
     * COMMAND merges the table the enclave's engine declares (asked through the container) with the server's own
     * commands, in Redis 6's six fields: name, arity, flags (none listed), first key, last key, step.
     */
    @Test
    void commandDescribesTheEnginesCommandsAndTheServersOwn() throws Exception {
        assertThat(kv.raw("COMMAND", "INFO", "get", "MSET", "del", "rename", "ping", "config", "nosuch"))
                .isEqualTo("*7\r\n"
                        + entry("get", 2, 1, 1, 1) + entry("mset", -3, 1, -1, 2) + entry("del", -2, 1, -1, 1)
                        + entry("rename", 3, 1, 2, 1) + entry("ping", -1, 0, 0, 0) + entry("config", -2, 0, 0, 0)
                        + "*-1\r\n");
        java.util.TreeSet<String> all = new java.util.TreeSet<>(kv.db.commands().keySet());
        all.addAll(ServerCommands.ARITY.keySet());
        all.addAll(ServerCommands.TRANSACTION_ARITY.keySet());
        assertThat(kv.db.commands()).containsKeys("get", "ping", "hset", "sadd").doesNotContainKeys("info", "command");
        try (RespClient c = new RespClient(kv.port())) {
            Object list = c.call("COMMAND", "LIST");
            assertThat(list).isEqualTo(List.copyOf(all)); // sorted, each once
            assertThat(c.call("COMMAND", "COUNT")).isEqualTo((long) all.size());
            List<String> info = new ArrayList<>(List.of("COMMAND", "INFO"));
            info.addAll(all);
            assertThat(c.call("COMMAND")).isEqualTo(c.call(info.toArray(String[]::new)));
            assertThat((List<?>) c.call("COMMAND", "DOCS")).hasSize(2 * all.size());
            assertThat(c.call("COMMAND", "BOGUS"))
                    .isEqualTo(new RespClient.Err("ERR unknown subcommand 'BOGUS'. Try COMMAND HELP."));
        }
    }

    private static String entry(String name, int arity, int first, int last, int step) {
        return "*6\r\n$" + name.length() + "\r\n" + name + "\r\n:" + arity + "\r\n*0\r\n:" + first + "\r\n:" + last
                + "\r\n:" + step + "\r\n";
    }

    @Test
    void errorsAreRedissOwn() throws Exception {
        kv.cli("SET", "str", "v");
        assertThat(kv.cli("LPUSH", "str", "x"))
                .isEqualTo("WRONGTYPE Operation against a key holding the wrong kind of value");
        assertThat(kv.cli("NOSUCH", "a", "b"))
                .isEqualTo("ERR unknown command 'NOSUCH', with args beginning with: 'a' 'b' ");
        assertThat(kv.cli("GET")).isEqualTo("ERR wrong number of arguments for 'get' command");
        assertThat(kv.cli("LASTSAVE", "x")).isEqualTo("ERR wrong number of arguments for 'lastsave' command");
        assertThat(kv.cli("INCR", "str")).isEqualTo("ERR value is not an integer or out of range");
        assertThat(kv.cli("SET", "k", "v", "BOGUS")).isEqualTo("ERR syntax error");
        assertThat(kv.cli("SELECT", "16")).isEqualTo("ERR DB index is out of range");
    }

    @Test
    void redisCliPipeModeLoadsTenThousandCommands() throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < 10_000; i++) {
            data.writeBytes(RespClient.encode("SET", "pipe:" + i, "value-" + i));
        }
        String out = kv.cliWithInput(data.toByteArray(), "--pipe");
        assertThat(out).contains("errors: 0, replies: 10000");
        assertThat(kv.cli("DBSIZE")).isEqualTo("10000");
        assertThat(kv.cli("GET", "pipe:9999")).isEqualTo("value-9999");
    }

    @Test
    void aPipelineMixingDatasetAndServerCommandsIsAnsweredInOrder() throws Exception {
        try (RespClient c = new RespClient(kv.port())) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            List<Object> expected = new ArrayList<>();
            batch.writeBytes(RespClient.encode("CLIENT", "SETNAME", "p"));
            expected.add("OK");
            for (int i = 0; i < 200; i++) {
                batch.writeBytes(RespClient.encode("INCR", "counter"));
                expected.add((long) i + 1);
                if (i == 100) {
                    batch.writeBytes(RespClient.encode("CLIENT", "GETNAME"));
                    expected.add("p");
                }
            }
            batch.writeBytes(RespClient.encode("GET", "counter"));
            expected.add("200");
            c.send(batch.toByteArray());
            List<Object> replies = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                replies.add(c.reply());
            }
            assertThat(replies).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void quitAndProtocolErrorsCloseTheConnectionAfterTheRepliesBefore() throws Exception {
        try (RespClient c = new RespClient(kv.port())) {
            assertThat(c.call("QUIT")).isEqualTo("OK");
            assertThat(c.closedByServer()).isTrue();
        }
        try (RespClient c = new RespClient(kv.port())) {
            byte[] good = RespClient.encode("SET", "before", "1");
            byte[] bad = "*1\r\n$x\r\n".getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(good);
            b.writeBytes(bad);
            c.send(b.toByteArray());
            assertThat(c.reply()).isEqualTo("OK");
            assertThat(c.reply()).isEqualTo(new RespClient.Err("ERR Protocol error: invalid bulk length"));
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(kv.cli("GET", "before")).isEqualTo("1");
    }
}

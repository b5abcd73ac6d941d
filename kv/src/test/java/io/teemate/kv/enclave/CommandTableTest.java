package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.teemate.kv.enclave.CommandSpec.Flag.DENYOOM;
import static io.teemate.kv.enclave.CommandSpec.Flag.FAST;
import static io.teemate.kv.enclave.CommandSpec.Flag.READONLY;
import static io.teemate.kv.enclave.CommandSpec.Flag.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command table: one well-formed declaration per command, with Redis 7.0's arity, flags and key positions. */
class CommandTableTest {
    final Map<String, CommandSpec> specs = CommandEngine.commandSpecs();

    /** Every command the engine implements, with its Redis 7.0 arity. */
    static final Map<String, Integer> ENGINE_COMMANDS = Map.ofEntries(
            Map.entry("get", 2),
            Map.entry("set", -3),
            Map.entry("mget", -2),
            Map.entry("mset", -3),
            Map.entry("setnx", 3),
            Map.entry("setex", 4),
            Map.entry("psetex", 4),
            Map.entry("getset", 3),
            Map.entry("getdel", 2),
            Map.entry("incr", 2),
            Map.entry("incrby", 3),
            Map.entry("decr", 2),
            Map.entry("decrby", 3),
            Map.entry("incrbyfloat", 3),
            Map.entry("append", 3),
            Map.entry("strlen", 2),
            Map.entry("getrange", 4),
            Map.entry("setrange", 4),
            Map.entry("del", -2),
            Map.entry("unlink", -2),
            Map.entry("exists", -2),
            Map.entry("expire", -3),
            Map.entry("pexpire", -3),
            Map.entry("expireat", -3),
            Map.entry("pexpireat", -3),
            Map.entry("ttl", 2),
            Map.entry("pttl", 2),
            Map.entry("persist", 2),
            Map.entry("type", 2),
            Map.entry("keys", 2),
            Map.entry("scan", -2),
            Map.entry("rename", 3),
            Map.entry("renamenx", 3),
            Map.entry("randomkey", 1),
            Map.entry("dbsize", 1),
            Map.entry("flushdb", -1),
            Map.entry("flushall", -1),
            Map.entry("select", 2),
            Map.entry("hset", -4),
            Map.entry("hmset", -4),
            Map.entry("hget", 3),
            Map.entry("hmget", -3),
            Map.entry("hdel", -3),
            Map.entry("hlen", 2),
            Map.entry("hexists", 3),
            Map.entry("hgetall", 2),
            Map.entry("hkeys", 2),
            Map.entry("hvals", 2),
            Map.entry("hincrby", 4),
            Map.entry("hsetnx", 4),
            Map.entry("lpush", -3),
            Map.entry("rpush", -3),
            Map.entry("lpop", -2),
            Map.entry("rpop", -2),
            Map.entry("llen", 2),
            Map.entry("lrange", 4),
            Map.entry("lindex", 3),
            Map.entry("lset", 4),
            Map.entry("lrem", 4),
            Map.entry("ltrim", 4),
            Map.entry("blpop", -3),
            Map.entry("brpop", -3),
            Map.entry("brpoplpush", 4),
            Map.entry("blmove", 6),
            Map.entry("blmpop", -5),
            Map.entry("sadd", -3),
            Map.entry("srem", -3),
            Map.entry("smembers", 2),
            Map.entry("sismember", 3),
            Map.entry("scard", 2),
            Map.entry("ping", -1),
            Map.entry("echo", 2));

    @Test
    void everyCommandHasExactlyOneSpecUnderItsLowerCaseNameWithItsArity() {
        assertThat(CommandEngine.commandTable()).isEqualTo(ENGINE_COMMANDS);
        specs.forEach((name, spec) -> {
            assertThat(spec.name()).isEqualTo(name).isEqualTo(name.toLowerCase(Locale.ROOT));
            assertThat(CommandEngine.knows(name.toUpperCase(Locale.ROOT))).isTrue();
        });
        assertThat(CommandEngine.knows("info")).isFalse(); // the server's, not the engine's
    }

    @Test
    void aNameCannotBeDeclaredTwice() {
        CommandTable t = new CommandTable();
        t.add(CommandSpec.noKeys("x", 1, Set.of(), (c, a, r) -> r.simple("OK")));
        assertThatThrownBy(() -> t.add(CommandSpec.noKeys("x", 2, Set.of(), (c, a, r) -> r.simple("OK"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CommandSpec.noKeys("Get", 2, Set.of(), (c, a, r) -> r.simple("OK")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCommandIsEitherWriteOrReadonlyOrNeitherButNeverBoth() {
        specs.values()
                .forEach(s ->
                        assertThat(s.has(WRITE) && s.has(READONLY)).as(s.name()).isFalse());
        // the commands with neither, as in Redis 7.0: they do not touch the dataset
        assertThat(specs.values().stream()
                        .filter(s -> !s.has(WRITE) && !s.has(READONLY))
                        .map(CommandSpec::name))
                .containsExactlyInAnyOrder("ping", "echo", "select");
        specs.values()
                .forEach(s ->
                        assertThat(!s.has(DENYOOM) || s.has(WRITE)).as(s.name()).isTrue());
    }

    @Test
    void arityAndFlagsMatchRedis70() {
        assertSpec("get", 2, READONLY, FAST);
        assertSpec("set", -3, WRITE, DENYOOM);
        assertSpec("del", -2, WRITE);
        assertSpec("lpush", -3, WRITE, DENYOOM, FAST);
        assertSpec("mset", -3, WRITE, DENYOOM);
        assertSpec("incrbyfloat", 3, WRITE, DENYOOM, FAST);
        assertSpec("hgetall", 2, READONLY);
        assertSpec("expire", -3, WRITE, FAST);
        assertSpec("flushall", -1, WRITE);
        assertSpec("ping", -1, FAST);
    }

    private void assertSpec(String name, int arity, CommandSpec.Flag... flags) {
        CommandSpec s = specs.get(name);
        assertThat(s.arity()).as(name).isEqualTo(arity);
        assertThat(s.flags()).as(name).containsExactlyInAnyOrder(flags);
    }

    @Test
    void keyPositionsAreRedisCommandReplys() {
        assertKeys("mset", 1, -1, 2);
        assertKeys("mget", 1, -1, 1);
        assertKeys("del", 1, -1, 1);
        assertKeys("rename", 1, 2, 1);
        assertKeys("get", 1, 1, 1);
        assertKeys("scan", 0, 0, 0);
        assertKeys("ping", 0, 0, 0);
    }

    /** The positions COMMAND answered before the table held them (host ServerCommands' rule), for every command. */
    @Test
    void keyPositionsAreWhatTheCommandReplyAnsweredBefore() {
        Set<String> multiKey = Set.of("del", "unlink", "exists", "mget");
        Set<String> noKeys =
                Set.of("ping", "echo", "dbsize", "flushdb", "flushall", "select", "keys", "scan", "randomkey");
        Map<String, List<Integer>> blocking = Map.of(
                "blpop", List.of(1, -2, 1),
                "brpop", List.of(1, -2, 1),
                "brpoplpush", List.of(1, 2, 1),
                "blmove", List.of(1, 2, 1),
                "blmpop", List.of(0, 0, 0));
        specs.forEach((n, s) -> {
            if (blocking.containsKey(n)) { // as redis-server 7.0.15's COMMAND INFO
                assertThat(List.of(s.firstKey(), s.lastKey(), s.step())).as(n).isEqualTo(blocking.get(n));
                return;
            }
            List<Integer> before = multiKey.contains(n)
                    ? List.of(1, -1, 1)
                    : n.equals("mset")
                            ? List.of(1, -1, 2)
                            : n.equals("rename") || n.equals("renamenx")
                                    ? List.of(1, 2, 1)
                                    : noKeys.contains(n) ? List.of(0, 0, 0) : List.of(1, 1, 1);
            assertThat(List.of(s.firstKey(), s.lastKey(), s.step())).as(n).isEqualTo(before);
        });
    }

    private void assertKeys(String name, int first, int last, int step) {
        CommandSpec s = specs.get(name);
        assertThat(List.of(s.firstKey(), s.lastKey(), s.step())).as(name).isEqualTo(List.of(first, last, step));
    }
}

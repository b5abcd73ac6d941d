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
            Map.entry("substr", 4),
            Map.entry("getex", -2),
            Map.entry("msetnx", -3),
            Map.entry("lcs", -3),
            Map.entry("setbit", 4),
            Map.entry("getbit", 3),
            Map.entry("bitcount", -2),
            Map.entry("bitpos", -3),
            Map.entry("bitop", -4),
            Map.entry("bitfield", -2),
            Map.entry("bitfield_ro", -2),
            Map.entry("pfadd", -2),
            Map.entry("pfcount", -2),
            Map.entry("pfmerge", -2),
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
            Map.entry("expiretime", 2),
            Map.entry("pexpiretime", 2),
            Map.entry("touch", -2),
            Map.entry("copy", -3),
            Map.entry("dump", 2),
            Map.entry("restore", -4),
            Map.entry("wait", 3),
            Map.entry("object", -2),
            Map.entry("memory", -2),
            Map.entry("sort", -2),
            Map.entry("sort_ro", -2),
            Map.entry("dbsize", 1),
            Map.entry("flushdb", -1),
            Map.entry("flushall", -1),
            Map.entry("select", 2),
            Map.entry("move", 3),
            Map.entry("swapdb", 3),
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
            Map.entry("lpushx", -3),
            Map.entry("rpushx", -3),
            Map.entry("lpos", -3),
            Map.entry("linsert", 5),
            Map.entry("lmove", 5),
            Map.entry("rpoplpush", 3),
            Map.entry("lmpop", -4),
            Map.entry("spop", -2),
            Map.entry("srandmember", -2),
            Map.entry("smismember", -3),
            Map.entry("smove", 4),
            Map.entry("sinter", -2),
            Map.entry("sunion", -2),
            Map.entry("sdiff", -2),
            Map.entry("sinterstore", -3),
            Map.entry("sunionstore", -3),
            Map.entry("sdiffstore", -3),
            Map.entry("sintercard", -3),
            Map.entry("sscan", -3),
            Map.entry("hrandfield", -2),
            Map.entry("hstrlen", 3),
            Map.entry("hincrbyfloat", 4),
            Map.entry("hscan", -3),
            Map.entry("zadd", -4),
            Map.entry("zincrby", 4),
            Map.entry("zcard", 2),
            Map.entry("zscore", 3),
            Map.entry("zmscore", -3),
            Map.entry("zrank", 3),
            Map.entry("zrevrank", 3),
            Map.entry("zcount", 4),
            Map.entry("zlexcount", 4),
            Map.entry("zrange", -4),
            Map.entry("zrangestore", -5),
            Map.entry("zrangebyscore", -4),
            Map.entry("zrevrangebyscore", -4),
            Map.entry("zrangebylex", -4),
            Map.entry("zrevrangebylex", -4),
            Map.entry("zrevrange", -4),
            Map.entry("zrem", -3),
            Map.entry("zremrangebyrank", 4),
            Map.entry("zremrangebyscore", 4),
            Map.entry("zremrangebylex", 4),
            Map.entry("zpopmin", -2),
            Map.entry("zpopmax", -2),
            Map.entry("zmpop", -4),
            Map.entry("bzpopmin", -3),
            Map.entry("bzpopmax", -3),
            Map.entry("bzmpop", -5),
            Map.entry("zrandmember", -2),
            Map.entry("zunion", -3),
            Map.entry("zinter", -3),
            Map.entry("zdiff", -3),
            Map.entry("zunionstore", -4),
            Map.entry("zinterstore", -4),
            Map.entry("zdiffstore", -4),
            Map.entry("zintercard", -3),
            Map.entry("zscan", -3),
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
                .containsExactlyInAnyOrder("ping", "echo", "select", "wait");
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
        assertSpec("dump", 2, READONLY);
        assertSpec("restore", -4, WRITE, DENYOOM);
        assertSpec("bzpopmin", -3, WRITE, FAST); // COMMAND INFO: write noscript blocking fast
        assertSpec("bzpopmax", -3, WRITE, FAST);
        assertSpec("bzmpop", -5, WRITE, CommandSpec.Flag.MOVABLEKEYS); // write blocking movablekeys
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

    /**
     * Every command whose legacy key positions (first, last, step) are not 1,1,1, as redis-server 7.0.15's COMMAND
     * INFO answers them (commands with movable keys, counted by a numkeys argument, answer 0,0,0).
     */
    static final Map<String, List<Integer>> KEY_POSITIONS = Map.ofEntries(
            Map.entry("del", List.of(1, -1, 1)),
            Map.entry("unlink", List.of(1, -1, 1)),
            Map.entry("exists", List.of(1, -1, 1)),
            Map.entry("mget", List.of(1, -1, 1)),
            Map.entry("touch", List.of(1, -1, 1)),
            Map.entry("mset", List.of(1, -1, 2)),
            Map.entry("msetnx", List.of(1, -1, 2)),
            Map.entry("object", List.of(2, 2, 1)),
            Map.entry("memory", List.of(2, 2, 1)), // a container: MEMORY USAGE's key, as OBJECT's
            Map.entry("rename", List.of(1, 2, 1)),
            Map.entry("renamenx", List.of(1, 2, 1)),
            Map.entry("copy", List.of(1, 2, 1)),
            Map.entry("lcs", List.of(1, 2, 1)),
            Map.entry("bitop", List.of(2, -1, 1)),
            Map.entry("pfcount", List.of(1, -1, 1)),
            Map.entry("pfmerge", List.of(1, -1, 1)),
            Map.entry("sinter", List.of(1, -1, 1)),
            Map.entry("sunion", List.of(1, -1, 1)),
            Map.entry("sdiff", List.of(1, -1, 1)),
            Map.entry("sinterstore", List.of(1, -1, 1)),
            Map.entry("sunionstore", List.of(1, -1, 1)),
            Map.entry("sdiffstore", List.of(1, -1, 1)),
            Map.entry("lmove", List.of(1, 2, 1)),
            Map.entry("rpoplpush", List.of(1, 2, 1)),
            Map.entry("smove", List.of(1, 2, 1)),
            Map.entry("zrangestore", List.of(1, 2, 1)),
            Map.entry("blpop", List.of(1, -2, 1)),
            Map.entry("brpop", List.of(1, -2, 1)),
            Map.entry("brpoplpush", List.of(1, 2, 1)),
            Map.entry("blmove", List.of(1, 2, 1)),
            Map.entry("bzpopmin", List.of(1, -2, 1)),
            Map.entry("bzpopmax", List.of(1, -2, 1)));

    /** Commands without keys, or with movable keys: 0,0,0 (Redis 7.0's COMMAND INFO). */
    static final Set<String> NO_KEY_POSITIONS = Set.of(
            "ping",
            "echo",
            "dbsize",
            "flushdb",
            "flushall",
            "select",
            "keys",
            "scan",
            "randomkey",
            "wait",
            "swapdb",
            "lmpop",
            "sintercard",
            "zmpop",
            "zunion",
            "zinter",
            "zdiff",
            "zintercard",
            "blmpop",
            "bzmpop");

    @Test
    void keyPositionsAreWhatRedisCommandInfoAnswers() {
        specs.forEach((n, s) -> {
            List<Integer> want =
                    NO_KEY_POSITIONS.contains(n) ? List.of(0, 0, 0) : KEY_POSITIONS.getOrDefault(n, List.of(1, 1, 1));
            assertThat(List.of(s.firstKey(), s.lastKey(), s.step())).as(n).isEqualTo(want);
        });
    }

    private void assertKeys(String name, int first, int last, int step) {
        CommandSpec s = specs.get(name);
        assertThat(List.of(s.firstKey(), s.lastKey(), s.step())).as(name).isEqualTo(List.of(first, last, step));
    }
}

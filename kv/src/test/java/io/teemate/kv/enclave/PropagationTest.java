package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine propagates to the append-only file, as Redis 7.0 propagates it: writes that changed something,
 * with their clock-dependent and float parts made absolute, a DEL for each key lazy expiry deleted, and nothing for
 * reads or writes that changed nothing; and the changes it counts (server.dirty).
 */
class PropagationTest {
    private final KvRig rig = new KvRig();

    /** Runs {@code line} and returns what it propagated, each command as its words joined by spaces. */
    private List<String> logged(String line) {
        rig.engine.takePropagated();
        rig.cmd(line);
        return words(rig.engine.takePropagated());
    }

    private static List<String> words(List<List<byte[]>> commands) {
        return commands.stream()
                .map(argv -> argv.stream()
                        .map(a -> new String(a, StandardCharsets.ISO_8859_1))
                        .collect(Collectors.joining(" ")))
                .toList();
    }

    private long dirtyOf(String line) {
        long before = rig.engine.dirty();
        rig.cmd(line);
        rig.engine.takePropagated();
        return rig.engine.dirty() - before;
    }

    @Test
    void setWithARelativeOrSecondsExpiryIsLoggedWithAnAbsoluteMillisecondDeadline() {
        long now = rig.now;
        assertThat(logged("SET k v EX 10")).containsExactly("SET k v PXAT " + (now + 10_000));
        assertThat(logged("SET k v PX 250")).containsExactly("SET k v PXAT " + (now + 250));
        assertThat(logged("SET k v EXAT 1800000000")).containsExactly("SET k v PXAT 1800000000000");
        assertThat(logged("SET k v NX EX 10")).as("NX failed: nothing changed").isEmpty();
        assertThat(logged("SET k w XX GET EX 5")).containsExactly("SET k w PXAT " + (now + 5000));
        assertThat(logged("SET k v PXAT 1800000000123 GET")).containsExactly("SET k v PXAT 1800000000123");
        assertThat(logged("SET k v2 KEEPTTL get")).containsExactly("SET k v2 KEEPTTL");
        assertThat(logged("SET k v3")).containsExactly("SET k v3");
        assertThat(rig.cmd("PTTL k")).isEqualTo(KvRig.integer(-1));
    }

    @Test
    void setexAndPsetexAreLoggedAsSetWithAnAbsoluteMillisecondDeadline() {
        long now = rig.now;
        assertThat(logged("SETEX k 10 v")).containsExactly("SET k v PXAT " + (now + 10_000));
        assertThat(logged("PSETEX k 250 w")).containsExactly("SET k w PXAT " + (now + 250));
        assertThat(logged("SETEX k 0 v")).as("refused: nothing changed").isEmpty();
    }

    @Test
    void expireCommandsAreLoggedAsPexpireatAndAPastDeadlineAsDel() {
        long now = rig.now;
        rig.cmd("SET k v");
        assertThat(logged("EXPIRE k 100")).containsExactly("PEXPIREAT k " + (now + 100_000));
        assertThat(logged("PEXPIRE k 5000 LT")).containsExactly("PEXPIREAT k " + (now + 5000));
        assertThat(logged("EXPIREAT k 1800000000 GT")).containsExactly("PEXPIREAT k 1800000000000");
        assertThat(logged("PEXPIREAT k 1900000000000")).containsExactly("PEXPIREAT k 1900000000000");
        assertThat(logged("EXPIRE k 10 NX")).as("NX failed").isEmpty();
        assertThat(logged("EXPIRE missing 10")).isEmpty();
        assertThat(logged("PERSIST k")).containsExactly("PERSIST k");
        assertThat(logged("PERSIST k")).as("no deadline left to remove").isEmpty();
        assertThat(logged("EXPIRE k -1")).containsExactly("DEL k");
        assertThat(rig.cmd("EXISTS k")).isEqualTo(KvRig.integer(0));
    }

    @Test
    void floatIncrementsAreLoggedAsTheirResultKeepingTheDeadline() {
        rig.cmd("SET f 10.5");
        assertThat(logged("INCRBYFLOAT f 0.1")).containsExactly("SET f 10.6 KEEPTTL");
        assertThat(logged("INCRBYFLOAT new 3.0e3")).containsExactly("SET new 3000 KEEPTTL");
        assertThat(logged("INCRBYFLOAT f x")).isEmpty();
    }

    @Test
    void getsetAndGetdelAreLoggedAsSetAndDel() {
        assertThat(logged("GETSET g 1")).containsExactly("SET g 1");
        assertThat(logged("GETDEL g")).containsExactly("DEL g");
        assertThat(logged("GETDEL g")).isEmpty();
    }

    @Test
    void aKeyLazyExpiryDeletesIsLoggedAsDelBeforeTheCommandThatFoundIt() {
        rig.cmd("SET a 1 PX 100");
        rig.cmd("SET b 2 PX 100");
        rig.cmd("RPUSH l x");
        rig.cmd("PEXPIRE l 100");
        rig.engine.takePropagated();
        rig.now += 1000;
        assertThat(logged("GET a")).as("a read that finds an expired key").containsExactly("DEL a");
        assertThat(logged("RPUSH l y")).containsExactly("DEL l", "RPUSH l y");
        assertThat(logged("SET b 3 NX")).containsExactly("DEL b", "SET b 3 NX");
        assertThat(logged("GET a")).isEmpty();
    }

    @Test
    void readsAndWritesThatChangeNothingAreNotLogged() {
        rig.cmd("SET k v");
        rig.cmd("SADD s a");
        rig.engine.takePropagated();
        for (String line : List.of(
                "GET k",
                "MGET k x",
                "EXISTS k",
                "TTL k",
                "KEYS *",
                "SCAN 0",
                "DBSIZE",
                "PING",
                "ECHO hi",
                "SMEMBERS s",
                "DEL missing",
                "SETNX k w",
                "SADD s a",
                "SREM s zz",
                "HDEL h f",
                "LPOP nolist",
                "LTRIM nolist 0 1",
                "LREM nolist 0 x",
                "RENAMENX k k",
                "SET k v GET NX",
                "INCR k",
                "NOSUCHCOMMAND k")) {
            assertThat(logged(line)).as(line).isEmpty();
        }
        rig.cmd("GET k");
        rig.run("SETRANGE", "k", "0", "");
        rig.run("APPEND", "nokey", "");
        assertThat(rig.engine.takePropagated()).as("SETRANGE of nothing").hasSize(1); // APPEND made "nokey"
    }

    @Test
    void writesAreLoggedAsTheyCameAndFlushesEvenOnAnEmptyDatabase() {
        assertThat(logged("FLUSHALL")).containsExactly("FLUSHALL");
        assertThat(logged("MSET a 1 b 2")).containsExactly("MSET a 1 b 2");
        assertThat(logged("INCRBY a 5")).containsExactly("INCRBY a 5");
        assertThat(logged("HSET h f 1 g 2")).containsExactly("HSET h f 1 g 2");
        assertThat(logged("RPUSH l 1 2 3")).containsExactly("RPUSH l 1 2 3");
        assertThat(logged("LPOP l 2")).containsExactly("LPOP l 2");
        assertThat(logged("RENAME a c")).containsExactly("RENAME a c");
        assertThat(logged("DEL c missing")).containsExactly("DEL c missing");
        assertThat(logged("FLUSHDB ASYNC")).containsExactly("FLUSHDB ASYNC");
    }

    @Test
    void dirtyCountsTheChangesAsRedisDoes() {
        assertThat(dirtyOf("MSET a 1 b 2")).isEqualTo(2);
        assertThat(dirtyOf("SET a 1")).isEqualTo(1);
        assertThat(dirtyOf("SET a 1 NX")).isEqualTo(0);
        assertThat(dirtyOf("GET a")).isEqualTo(0);
        assertThat(dirtyOf("DEL a b missing")).isEqualTo(2);
        assertThat(dirtyOf("HSET h f 1 g 2")).isEqualTo(2);
        assertThat(dirtyOf("HSET h f 3")).as("an updated field counts").isEqualTo(1);
        assertThat(dirtyOf("RPUSH l 1 2 3 4")).isEqualTo(4);
        assertThat(dirtyOf("LTRIM l 1 1")).isEqualTo(3);
        assertThat(dirtyOf("SADD s a b a")).isEqualTo(2);
        assertThat(dirtyOf("SREM s a zz")).isEqualTo(1);
        assertThat(dirtyOf("FLUSHDB")).as("one per key removed: h, l, s").isEqualTo(3);
        assertThat(dirtyOf("FLUSHDB")).isEqualTo(0);
    }

    @Test
    void aBatchLoggedThenReplayedLaterGivesTheSameDataset() {
        List<String> script = List.of(
                "SET a 1 EX 100",
                "SET b x",
                "APPEND b yz",
                "INCRBYFLOAT n 1.5",
                "EXPIRE b 50",
                "RPUSH l 1 2 3",
                "LSET l 0 zero",
                "HSET h f 1",
                "HINCRBY h f 41",
                "SADD s m1 m2",
                "SREM s m1",
                "SETRANGE b 1 Q",
                "PERSIST a",
                "GETSET g old",
                "RENAME g g2",
                "SET t v PX 10");
        for (String line : script) {
            rig.cmd(line);
        }
        rig.now += 20; // t expires
        rig.cmd("GET t");
        List<List<byte[]>> log = rig.engine.takePropagated();

        KvRig replay = new KvRig();
        replay.now = rig.now + 30_000; // replayed half a minute later
        replay.ks.loading(true);
        for (List<byte[]> argv : log) {
            replay.engine.execute(argv);
        }
        replay.ks.loading(false);
        rig.now = replay.now;
        for (String read : List.of(
                "GET a",
                "PTTL a",
                "GET b",
                "PTTL b",
                "GET n",
                "LRANGE l 0 -1",
                "HGET h f",
                "SMEMBERS s",
                "GET g2",
                "EXISTS g",
                "EXISTS t",
                "DBSIZE")) {
            assertThat(replay.cmd(read)).as(read).isEqualTo(rig.cmd(read));
        }
        assertThat(replay.cmd("PTTL b")).isEqualTo(KvRig.integer(50_000 - 20 - 30_000));
    }

    @Test
    void deniedWritesAnswerTheErrorAndRunNothingWhileReadsGoOn() {
        rig.cmd("SET k v");
        rig.engine.takePropagated();
        rig.engine.denyWrites("MISCONF Errors writing to the AOF file: No space left on device");
        String misconf = KvRig.err("MISCONF Errors writing to the AOF file: No space left on device");
        assertThat(rig.cmd("SET k w")).isEqualTo(misconf);
        assertThat(rig.cmd("DEL k")).isEqualTo(misconf);
        assertThat(rig.cmd("PING")).as("as Redis: PING is refused too").isEqualTo(misconf);
        assertThat(rig.cmd("GET k")).isEqualTo(KvRig.bulk("v"));
        assertThat(rig.cmd("SET k")).as("the arity check comes first").startsWith("-ERR wrong number");
        assertThat(rig.engine.takePropagated()).isEmpty();
        rig.engine.denyWrites(null);
        assertThat(rig.cmd("SET k w")).isEqualTo(KvRig.OK);
    }

    @Test
    void randomAndFloatCollectionWritesAreLoggedAsWhatTheyDid() {
        rig.cmd("SADD s a b c d e f");
        List<String> one = logged("SPOP s");
        assertThat(one).hasSize(1);
        assertThat(one.get(0)).matches("SREM s [a-f]");
        List<String> three = logged("SPOP s 3");
        assertThat(three).hasSize(3).allMatch(l -> l.matches("SREM s [a-f]")).doesNotHaveDuplicates();
        assertThat(logged("SPOP s 0")).isEmpty();
        assertThat(logged("SPOP s 2")).containsExactly("DEL s"); // t_set.c: the whole set went
        assertThat(rig.cmd("EXISTS s")).isEqualTo(KvRig.integer(0));
        assertThat(logged("SPOP s")).isEmpty();
        rig.cmd("HSET h f 1");
        assertThat(logged("HINCRBYFLOAT h f 1.5")).containsExactly("HSET h f 2.5");
        assertThat(logged("HINCRBYFLOAT h g 3.0e3")).containsExactly("HSET h g 3000");
        rig.cmd("RPUSH l a b c");
        assertThat(logged("LMPOP 2 nol l RIGHT COUNT 5")).containsExactly("RPOP l 3");
        assertThat(logged("LMPOP 1 l LEFT")).isEmpty();
        assertThat(logged("SMOVE nos t a")).isEmpty();
        assertThat(logged("SINTERSTORE d nos1 nos2"))
                .as("empty result, no destination")
                .isEmpty();
        assertThat(dirtyOf("SADD x 1 2")).isEqualTo(2);
        assertThat(dirtyOf("SMOVE x y 1")).as("removed and added").isEqualTo(2);
    }

    @Test
    void blockingPopsAreLoggedAsTheirNonBlockingForms() {
        rig.cmd("RPUSH l a b c d e");
        assertThat(logged("BLPOP none l 0")).containsExactly("LPOP l");
        assertThat(logged("BRPOP l 1.5")).containsExactly("RPOP l");
        assertThat(logged("BLMOVE l m RIGHT LEFT 0")).containsExactly("LMOVE l m RIGHT LEFT");
        assertThat(logged("BRPOPLPUSH l m 0")).containsExactly("RPOPLPUSH l m");
        assertThat(logged("BLMPOP 0 2 none m LEFT COUNT 10")).containsExactly("LPOP m 2");
        assertThat(logged("BLPOP none 0"))
                .as("nothing there: the host parks the client")
                .isEmpty();
        assertThat(rig.cmd("BLPOP none 0")).startsWith("\0*2\r\n$1\r\n0\r\n$4\r\nnone\r\n");
    }

    @Test
    void everyWriteCommandOfTheTableThatChangesSomethingIsLogged() {
        // one changing call per WRITE command: a new write command must be added here (and log what it did)
        List<String> calls = new ArrayList<>(List.of(
                "SET a 1",
                "MSET b 2",
                "SETNX c 3",
                "SETEX x 100 1",
                "PSETEX y 100000 1",
                "GETSET a 4",
                "INCR a",
                "DECR a",
                "INCRBY a 2",
                "DECRBY a 2",
                "INCRBYFLOAT a 1",
                "APPEND a x",
                "SETRANGE a 0 y",
                "GETDEL c",
                "DEL b",
                "UNLINK a",
                "SET e 1",
                "EXPIRE e 100",
                "PEXPIRE e 100",
                "EXPIREAT e 1900000000",
                "PEXPIREAT e 1900000000000",
                "PERSIST e",
                "RENAME e f",
                "RENAMENX f g",
                "HSET h f 1",
                "HMSET h g 2",
                "HSETNX h i 3",
                "HINCRBY h f 1",
                "HDEL h f",
                "LPUSH l 1",
                "RPUSH l 2 3 4 5",
                "LPOP l",
                "RPOP l",
                "LSET l 0 z",
                "LREM l 0 z",
                "LTRIM l 0 0",
                "RPUSH l 1 2 3 4",
                "BLPOP l 0",
                "BRPOP l 0",
                "BLMOVE l l2 LEFT LEFT 0",
                "BRPOPLPUSH l l2 0",
                "BLMPOP 0 1 l2 LEFT COUNT 5",
                "SADD s m",
                "SREM s m",
                "MSETNX mx 1",
                "GETEX mx PX 100000",
                "SETBIT bits 7 1",
                "BITOP NOT bits2 bits",
                "BITFIELD bits SET u8 0 7",
                "PFADD hll a",
                "PFMERGE hll2 hll",
                "LPUSHX l 0",
                "RPUSHX l 6",
                "LINSERT l BEFORE 0 a",
                "LMOVE l l2 LEFT RIGHT",
                "RPOPLPUSH l l2",
                "LMPOP 1 l2 LEFT",
                "SADD s2 a b c d e",
                "SMOVE s2 s3 a",
                "SPOP s2",
                "SINTERSTORE s4 s2 s2",
                "SUNIONSTORE s5 s2",
                "SDIFFSTORE s6 s2",
                "HINCRBYFLOAT h g 1.5",
                "ZADD z 1 a 2 b 3 c 4 d 5 e 6 f 7 g",
                "ZINCRBY z 1 a",
                "ZREM z g",
                "ZREMRANGEBYRANK z 0 0",
                "ZREMRANGEBYSCORE z 3 3",
                "ZREMRANGEBYLEX z [d [d",
                "ZPOPMIN z",
                "ZPOPMAX z",
                "ZRANGESTORE z2 z 0 -1",
                "ZUNIONSTORE z3 1 z",
                "ZINTERSTORE z4 1 z",
                "ZDIFFSTORE z5 1 z",
                "ZMPOP 1 z MIN",
                "ZADD bz 1 a 2 b 3 c 4 d",
                "BZPOPMIN bz 0",
                "BZPOPMAX bz 0",
                "BZMPOP 0 1 bz MIN COUNT 5",
                "SET mv 1",
                "MOVE mv 1",
                "SWAPDB 0 1",
                "FLUSHDB",
                "FLUSHALL",
                "SET cp 1",
                "COPY cp cp2",
                "RPUSH sl 3 1 2",
                "SORT sl STORE sd"));
        List<String> writeCommands = CommandEngine.commandSpecs().values().stream()
                .filter(s -> s.has(CommandSpec.Flag.WRITE))
                .map(CommandSpec::name)
                .toList();
        List<String> called = new ArrayList<>();
        for (String call : calls) {
            String name = call.split(" ")[0].toLowerCase(java.util.Locale.ROOT);
            called.add(name);
            assertThat(logged(call)).as(call).isNotEmpty();
        }
        // RESTORE's payload is binary: not a line of words
        rig.cmd("SET dumped v");
        byte[] payload = rig.engine.execute(List.of("DUMP".getBytes(), "dumped".getBytes()));
        int body = new String(payload, StandardCharsets.ISO_8859_1).indexOf("\r\n") + 2; // $<len>\r\n...\r\n
        payload = java.util.Arrays.copyOfRange(payload, body, payload.length - 2);
        rig.engine.takePropagated();
        rig.engine.execute(List.of("RESTORE".getBytes(), "restored".getBytes(), "0".getBytes(), payload));
        assertThat(words(rig.engine.takePropagated())).as("RESTORE").hasSize(1);
        called.add("restore");
        assertThat(called).containsAll(writeCommands);
    }
}

package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import static io.teemate.kv.enclave.KeyCommandsTest.keysOf;
import static io.teemate.kv.enclave.KvRig.NIL;
import static io.teemate.kv.enclave.KvRig.OK;
import static io.teemate.kv.enclave.KvRig.arr;
import static io.teemate.kv.enclave.KvRig.bulk;
import static io.teemate.kv.enclave.KvRig.err;
import static io.teemate.kv.enclave.KvRig.integer;
import static org.assertj.core.api.Assertions.assertThat;

class CollectionCommandsTest {
    final KvRig kv = new KvRig();
    static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    @Test
    void hashes() {
        assertThat(kv.cmd("HSET h f1 v1 f2 v2")).isEqualTo(integer(2));
        assertThat(kv.cmd("HSET h f1 x f3 v3")).isEqualTo(integer(1));
        assertThat(kv.cmd("HGET h f1")).isEqualTo(bulk("x"));
        assertThat(kv.cmd("HGET h nope")).isEqualTo(NIL);
        assertThat(kv.cmd("HGET nokey f")).isEqualTo(NIL);
        assertThat(kv.cmd("HMGET h f1 nope f3")).isEqualTo("*3\r\n" + bulk("x") + NIL + bulk("v3"));
        assertThat(kv.cmd("HMGET nokey a b")).isEqualTo("*2\r\n" + NIL + NIL);
        assertThat(kv.cmd("HLEN h")).isEqualTo(integer(3));
        assertThat(kv.cmd("HEXISTS h f2")).isEqualTo(integer(1));
        assertThat(kv.cmd("HEXISTS h f9")).isEqualTo(integer(0));
        assertThat(keysOf(kv.cmd("HKEYS h"))).containsExactlyInAnyOrder("f1", "f2", "f3");
        assertThat(keysOf(kv.cmd("HVALS h"))).containsExactlyInAnyOrder("x", "v2", "v3");
        assertThat(keysOf(kv.cmd("HGETALL h"))).hasSize(6).containsSubsequence("f2", "v2");
        assertThat(kv.cmd("HSETNX h f1 y")).isEqualTo(integer(0));
        assertThat(kv.cmd("HSETNX h f4 y")).isEqualTo(integer(1));
        assertThat(kv.cmd("HMSET h a 1 b 2")).isEqualTo(OK);
        assertThat(kv.cmd("HDEL h f1 f2 nope")).isEqualTo(integer(2));
        assertThat(kv.cmd("HDEL h f3 f4 a b")).isEqualTo(integer(4));
        assertThat(kv.cmd("EXISTS h")).isEqualTo(integer(0)); // an emptied hash is deleted
        assertThat(kv.cmd("HGETALL h")).isEqualTo("*0\r\n");
        assertThat(kv.cmd("HLEN h")).isEqualTo(integer(0));
        assertThat(kv.cmd("HSET h f")).isEqualTo(err("ERR wrong number of arguments for 'hset' command"));
        assertThat(kv.cmd("HSET h f v g")).isEqualTo(err("ERR wrong number of arguments for 'hset' command"));
    }

    @Test
    void hashGrowsAndKeepsEveryField() {
        for (int i = 0; i < 1000; i++) {
            kv.run("HSET", "big", "field" + i, "value" + i);
        }
        assertThat(kv.cmd("HLEN big")).isEqualTo(integer(1000));
        for (int i = 0; i < 1000; i += 37) {
            assertThat(kv.run("HGET", "big", "field" + i)).isEqualTo(bulk("value" + i));
        }
    }

    @Test
    void hincrby() {
        assertThat(kv.cmd("HINCRBY h n 5")).isEqualTo(integer(5));
        assertThat(kv.cmd("HINCRBY h n -10")).isEqualTo(integer(-5));
        assertThat(kv.cmd("HGET h n")).isEqualTo(bulk("-5"));
        kv.cmd("HSET h s abc");
        assertThat(kv.cmd("HINCRBY h s 1")).isEqualTo(err("ERR hash value is not an integer"));
        assertThat(kv.cmd("HINCRBY h n x")).isEqualTo(err("ERR value is not an integer or out of range"));
        kv.cmd("HSET h m 9223372036854775807");
        assertThat(kv.cmd("HINCRBY h m 1")).isEqualTo(err("ERR increment or decrement would overflow"));
    }

    @Test
    void lists() {
        assertThat(kv.cmd("RPUSH l a b c")).isEqualTo(integer(3));
        assertThat(kv.cmd("LPUSH l z y")).isEqualTo(integer(5));
        assertThat(kv.cmd("LRANGE l 0 -1")).isEqualTo(arr("y", "z", "a", "b", "c"));
        assertThat(kv.cmd("LRANGE l 1 2")).isEqualTo(arr("z", "a"));
        assertThat(kv.cmd("LRANGE l -2 100")).isEqualTo(arr("b", "c"));
        assertThat(kv.cmd("LRANGE l 4 2")).isEqualTo("*0\r\n");
        assertThat(kv.cmd("LRANGE l 10 20")).isEqualTo("*0\r\n");
        assertThat(kv.cmd("LRANGE l -100 0")).isEqualTo(arr("y"));
        assertThat(kv.cmd("LRANGE nope 0 -1")).isEqualTo("*0\r\n");
        assertThat(kv.cmd("LLEN l")).isEqualTo(integer(5));
        assertThat(kv.cmd("LLEN nope")).isEqualTo(integer(0));
        assertThat(kv.cmd("LINDEX l 0")).isEqualTo(bulk("y"));
        assertThat(kv.cmd("LINDEX l -1")).isEqualTo(bulk("c"));
        assertThat(kv.cmd("LINDEX l 3")).isEqualTo(bulk("b"));
        assertThat(kv.cmd("LINDEX l 5")).isEqualTo(NIL);
        assertThat(kv.cmd("LINDEX l x")).isEqualTo(err("ERR value is not an integer or out of range"));
        assertThat(kv.cmd("LSET l 1 Z")).isEqualTo(OK);
        assertThat(kv.cmd("LSET l -1 C")).isEqualTo(OK);
        assertThat(kv.cmd("LRANGE l 0 -1")).isEqualTo(arr("y", "Z", "a", "b", "C"));
        assertThat(kv.cmd("LSET l 5 q")).isEqualTo(err("ERR index out of range"));
        assertThat(kv.cmd("LSET nope 0 q")).isEqualTo(err("ERR no such key"));
        assertThat(kv.cmd("LPOP l")).isEqualTo(bulk("y"));
        assertThat(kv.cmd("RPOP l")).isEqualTo(bulk("C"));
        assertThat(kv.cmd("LPOP l 2")).isEqualTo(arr("Z", "a"));
        assertThat(kv.cmd("RPOP l 0")).isEqualTo("*0\r\n");
        assertThat(kv.cmd("RPOP l 5")).isEqualTo(arr("b"));
        assertThat(kv.cmd("EXISTS l")).isEqualTo(integer(0)); // an emptied list is deleted
        assertThat(kv.cmd("LPOP l")).isEqualTo(NIL);
        assertThat(kv.cmd("LPOP l 2")).isEqualTo("*-1\r\n");
        assertThat(kv.cmd("LPOP l -1")).isEqualTo(err("ERR value is out of range, must be positive"));
        assertThat(kv.cmd("LPOP l x")).isEqualTo(err("ERR value is out of range, must be positive"));
        assertThat(kv.cmd("LPOP l 1 2")).isEqualTo(err("ERR wrong number of arguments for 'lpop' command"));
    }

    @Test
    void lremAndLtrim() {
        kv.cmd("RPUSH l a b a c a b");
        assertThat(kv.cmd("LREM l 2 a")).isEqualTo(integer(2));
        assertThat(kv.cmd("LRANGE l 0 -1")).isEqualTo(arr("b", "c", "a", "b"));
        assertThat(kv.cmd("LREM l -1 b")).isEqualTo(integer(1));
        assertThat(kv.cmd("LRANGE l 0 -1")).isEqualTo(arr("b", "c", "a"));
        kv.cmd("RPUSH l a a");
        assertThat(kv.cmd("LREM l 0 a")).isEqualTo(integer(3));
        assertThat(kv.cmd("LRANGE l 0 -1")).isEqualTo(arr("b", "c"));
        assertThat(kv.cmd("LREM nope 0 a")).isEqualTo(integer(0));
        kv.cmd("DEL l");
        kv.cmd("RPUSH l 0 1 2 3 4 5 6");
        assertThat(kv.cmd("LTRIM l 1 -2")).isEqualTo(OK);
        assertThat(kv.cmd("LRANGE l 0 -1")).isEqualTo(arr("1", "2", "3", "4", "5"));
        assertThat(kv.cmd("LTRIM l -3 100")).isEqualTo(OK);
        assertThat(kv.cmd("LRANGE l 0 -1")).isEqualTo(arr("3", "4", "5"));
        assertThat(kv.cmd("LTRIM l 2 1")).isEqualTo(OK);
        assertThat(kv.cmd("EXISTS l")).isEqualTo(integer(0));
        assertThat(kv.cmd("LTRIM nope 0 1")).isEqualTo(OK);
        kv.cmd("RPUSH m x");
        assertThat(kv.cmd("LREM m 1 x")).isEqualTo(integer(1));
        assertThat(kv.cmd("EXISTS m")).isEqualTo(integer(0));
    }

    @Test
    void sets() {
        assertThat(kv.cmd("SADD s a b c a")).isEqualTo(integer(3));
        assertThat(kv.cmd("SADD s c d")).isEqualTo(integer(1));
        assertThat(kv.cmd("SCARD s")).isEqualTo(integer(4));
        assertThat(kv.cmd("SCARD nope")).isEqualTo(integer(0));
        assertThat(kv.cmd("SISMEMBER s a")).isEqualTo(integer(1));
        assertThat(kv.cmd("SISMEMBER s z")).isEqualTo(integer(0));
        assertThat(kv.cmd("SISMEMBER nope z")).isEqualTo(integer(0));
        assertThat(keysOf(kv.cmd("SMEMBERS s"))).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(kv.cmd("SMEMBERS nope")).isEqualTo("*0\r\n");
        assertThat(kv.cmd("SREM s a z")).isEqualTo(integer(1));
        assertThat(kv.cmd("SREM s b c d")).isEqualTo(integer(3));
        assertThat(kv.cmd("EXISTS s")).isEqualTo(integer(0));
        assertThat(kv.cmd("SREM s a")).isEqualTo(integer(0));
    }

    @Test
    void everyCollectionCommandRefusesTheWrongType() {
        kv.cmd("SET str v");
        kv.cmd("RPUSH list v");
        for (String c : new String[] {
            "HSET str f v",
            "HGET str f",
            "HMGET str f",
            "HDEL str f",
            "HLEN str",
            "HEXISTS str f",
            "HGETALL str",
            "HKEYS str",
            "HVALS str",
            "HINCRBY str f 1",
            "HSETNX str f v",
            "LPUSH str v",
            "RPUSH str v",
            "LPOP str",
            "RPOP str 2",
            "LLEN str",
            "LRANGE str 0 1",
            "LINDEX str 0",
            "LSET str 0 v",
            "LREM str 0 v",
            "LTRIM str 0 1",
            "SADD list m",
            "SREM list m",
            "SMEMBERS list",
            "SISMEMBER list m",
            "SCARD list",
            "GET list",
            "APPEND list x",
            "STRLEN list",
            "GETRANGE list 0 1",
            "SETRANGE list 0 x",
            "INCRBYFLOAT list 1"
        }) {
            assertThat(kv.cmd(c)).as(c).isEqualTo(err(WRONGTYPE));
        }
        assertThat(kv.cmd("GET str")).isEqualTo(bulk("v"));
        assertThat(kv.cmd("LRANGE list 0 -1")).isEqualTo(arr("v"));
    }

    @Test
    void deletingCollectionsReturnsTheirBlocks() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 50; i++) {
                kv.run("HSET", "h" + i, "f", "v", "g", "w");
                kv.run("RPUSH", "l" + i, "a", "b", "c");
                kv.run("SADD", "s" + i, "x", "y");
            }
            kv.cmd("FLUSHDB");
        }
        long used = kv.ks.usedBytes();
        for (int i = 0; i < 50; i++) {
            kv.run("HSET", "h" + i, "f", "v", "g", "w");
            kv.run("RPUSH", "l" + i, "a", "b", "c");
            kv.run("SADD", "s" + i, "x", "y");
        }
        assertThat(kv.ks.usedBytes()).isEqualTo(used);
    }
}

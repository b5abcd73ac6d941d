package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import static io.teemate.kv.enclave.KvRig.NIL;
import static io.teemate.kv.enclave.KvRig.OK;
import static io.teemate.kv.enclave.KvRig.bulk;
import static io.teemate.kv.enclave.KvRig.err;
import static io.teemate.kv.enclave.KvRig.integer;
import static org.assertj.core.api.Assertions.assertThat;

class StringCommandsTest {
    final KvRig kv = new KvRig();
    static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    static final String NOT_INT = "ERR value is not an integer or out of range";

    @Test
    void getAndSet() {
        assertThat(kv.cmd("GET k")).isEqualTo(NIL);
        assertThat(kv.cmd("SET k v1")).isEqualTo(OK);
        assertThat(kv.cmd("get k")).isEqualTo(bulk("v1"));
        assertThat(kv.cmd("SET k longer-value")).isEqualTo(OK);
        assertThat(kv.cmd("GET k")).isEqualTo(bulk("longer-value"));
        assertThat(kv.run("SET", "empty", "")).isEqualTo(OK);
        assertThat(kv.cmd("GET empty")).isEqualTo("$0\r\n\r\n");
    }

    @Test
    void binarySafeKeysAndValues() {
        String key = "k\r\n\0\u00ff";
        String value = "\0\1\2\r\n$3\r\n";
        assertThat(kv.run("SET", key, value)).isEqualTo(OK);
        assertThat(kv.run("GET", key)).isEqualTo(bulk(value));
    }

    @Test
    void setOptions() {
        assertThat(kv.cmd("SET k v NX")).isEqualTo(OK);
        assertThat(kv.cmd("SET k w NX")).isEqualTo(NIL);
        assertThat(kv.cmd("SET k w XX")).isEqualTo(OK);
        assertThat(kv.cmd("SET missing w XX")).isEqualTo(NIL);
        assertThat(kv.cmd("SET k x GET")).isEqualTo(bulk("w"));
        assertThat(kv.cmd("SET new x GET")).isEqualTo(NIL);
        assertThat(kv.cmd("SET k y NX GET")).isEqualTo(bulk("x"));
        assertThat(kv.cmd("GET k")).isEqualTo(bulk("x"));
        assertThat(kv.cmd("SET k v NX XX")).isEqualTo(err("ERR syntax error"));
        assertThat(kv.cmd("SET k v EX 10 PX 100")).isEqualTo(err("ERR syntax error"));
        assertThat(kv.cmd("SET k v EX")).isEqualTo(err("ERR syntax error"));
        assertThat(kv.cmd("SET k v BOGUS")).isEqualTo(err("ERR syntax error"));
        assertThat(kv.cmd("SET k v EX 10 KEEPTTL")).isEqualTo(err("ERR syntax error"));
        assertThat(kv.cmd("SET k v EX 0")).isEqualTo(err("ERR invalid expire time in 'set' command"));
        assertThat(kv.cmd("SET k v PX -5")).isEqualTo(err("ERR invalid expire time in 'set' command"));
        assertThat(kv.cmd("SET k v EX ten")).isEqualTo(err(NOT_INT));
        kv.cmd("RPUSH list a");
        assertThat(kv.cmd("SET list v GET")).isEqualTo(err(WRONGTYPE));
        assertThat(kv.cmd("SET list v")).isEqualTo(OK); // plain SET overwrites any type
        assertThat(kv.cmd("TYPE list")).isEqualTo("+string\r\n");
    }

    @Test
    void setWithExpiryAndKeepTtl() {
        assertThat(kv.cmd("SET k v EX 100")).isEqualTo(OK);
        assertThat(kv.cmd("TTL k")).isEqualTo(integer(100));
        assertThat(kv.cmd("SET k v2 KEEPTTL")).isEqualTo(OK);
        assertThat(kv.cmd("PTTL k")).isEqualTo(integer(100_000));
        assertThat(kv.cmd("SET k v3")).isEqualTo(OK);
        assertThat(kv.cmd("TTL k")).isEqualTo(integer(-1));
        assertThat(kv.cmd("SET k v PX 1500")).isEqualTo(OK);
        assertThat(kv.cmd("TTL k")).isEqualTo(integer(2)); // Redis rounds: (1500 + 500) / 1000
        assertThat(kv.run("SET", "a", "v", "PXAT", Long.toString(kv.now + 10))).isEqualTo(OK);
        assertThat(kv.run("SET", "b", "v", "EXAT", Long.toString(kv.now / 1000 + 10)))
                .isEqualTo(OK);
        assertThat(kv.cmd("PTTL a")).isEqualTo(integer(10));
        kv.now += 11;
        assertThat(kv.cmd("GET a")).isEqualTo(NIL);
        assertThat(kv.cmd("EXISTS b")).isEqualTo(integer(1));
    }

    @Test
    void mgetMsetSetnxGetsetGetdel() {
        assertThat(kv.cmd("MSET a 1 b 2")).isEqualTo(OK);
        kv.cmd("SADD s x");
        assertThat(kv.cmd("MGET a b nope s")).isEqualTo("*4\r\n" + bulk("1") + bulk("2") + NIL + NIL);
        assertThat(kv.cmd("MSET a 1 b")).isEqualTo(err("ERR wrong number of arguments for 'mset' command"));
        assertThat(kv.cmd("SETNX a 9")).isEqualTo(integer(0));
        assertThat(kv.cmd("SETNX c 3")).isEqualTo(integer(1));
        assertThat(kv.cmd("GETSET c 4")).isEqualTo(bulk("3"));
        assertThat(kv.cmd("GETSET d 4")).isEqualTo(NIL);
        assertThat(kv.cmd("GETDEL c")).isEqualTo(bulk("4"));
        assertThat(kv.cmd("GETDEL c")).isEqualTo(NIL);
        assertThat(kv.cmd("GETDEL s")).isEqualTo(err(WRONGTYPE));
        assertThat(kv.cmd("GETSET s 1")).isEqualTo(err(WRONGTYPE));
        assertThat(kv.cmd("GET s")).isEqualTo(err(WRONGTYPE));
    }

    @Test
    void counters() {
        assertThat(kv.cmd("INCR n")).isEqualTo(integer(1));
        assertThat(kv.cmd("INCRBY n 10")).isEqualTo(integer(11));
        assertThat(kv.cmd("DECR n")).isEqualTo(integer(10));
        assertThat(kv.cmd("DECRBY n 20")).isEqualTo(integer(-10));
        assertThat(kv.cmd("GET n")).isEqualTo(bulk("-10"));
        kv.cmd("SET big 9223372036854775807");
        assertThat(kv.cmd("INCR big")).isEqualTo(err("ERR increment or decrement would overflow"));
        assertThat(kv.cmd("DECRBY n -9223372036854775808")).isEqualTo(err("ERR decrement would overflow"));
        kv.cmd("SET s abc");
        assertThat(kv.cmd("INCR s")).isEqualTo(err(NOT_INT));
        kv.cmd("SET lead 01");
        assertThat(kv.cmd("INCR lead")).isEqualTo(err(NOT_INT));
        kv.cmd("SET sp  1");
        assertThat(kv.run("SET", "sp", " 1")).isEqualTo(OK);
        assertThat(kv.cmd("INCR sp")).isEqualTo(err(NOT_INT));
        assertThat(kv.cmd("INCRBY n x")).isEqualTo(err(NOT_INT));
        assertThat(kv.cmd("INCRBY n 99999999999999999999")).isEqualTo(err(NOT_INT));
        kv.cmd("SET t 5 EX 100");
        kv.cmd("INCR t");
        assertThat(kv.cmd("TTL t")).isEqualTo(integer(100)); // INCR keeps the deadline
        kv.cmd("LPUSH l a");
        assertThat(kv.cmd("INCR l")).isEqualTo(err(WRONGTYPE));
    }

    @Test
    void incrByFloat() {
        kv.cmd("SET f 10.50");
        assertThat(kv.cmd("INCRBYFLOAT f 0.1")).isEqualTo(bulk("10.6"));
        assertThat(kv.cmd("INCRBYFLOAT f -5")).isEqualTo(bulk("5.6"));
        kv.cmd("SET e 5.0e3");
        assertThat(kv.cmd("INCRBYFLOAT e 2.0e2")).isEqualTo(bulk("5200"));
        assertThat(kv.cmd("INCRBYFLOAT new 3")).isEqualTo(bulk("3"));
        assertThat(kv.cmd("INCRBYFLOAT f abc")).isEqualTo(err("ERR value is not a valid float"));
        kv.cmd("SET bad x");
        assertThat(kv.cmd("INCRBYFLOAT bad 1")).isEqualTo(err("ERR value is not a valid float"));
        assertThat(kv.cmd("INCRBYFLOAT f inf")).isEqualTo(err("ERR increment would produce NaN or Infinity"));
        assertThat(kv.cmd("INCRBYFLOAT z 0.1")).isEqualTo(bulk("0.1"));
        assertThat(kv.cmd("INCRBYFLOAT z 0.2")).isEqualTo(bulk("0.3"));
    }

    @Test
    void appendStrlenRanges() {
        assertThat(kv.cmd("APPEND k Hello")).isEqualTo(integer(5));
        assertThat(kv.run("APPEND", "k", " World")).isEqualTo(integer(11));
        assertThat(kv.cmd("STRLEN k")).isEqualTo(integer(11));
        assertThat(kv.cmd("STRLEN nope")).isEqualTo(integer(0));
        kv.cmd("SET s This-is-a-string");
        assertThat(kv.cmd("GETRANGE s 0 3")).isEqualTo(bulk("This"));
        assertThat(kv.cmd("GETRANGE s -3 -1")).isEqualTo(bulk("ing"));
        assertThat(kv.cmd("GETRANGE s 0 -1")).isEqualTo(bulk("This-is-a-string"));
        assertThat(kv.cmd("GETRANGE s 10 100")).isEqualTo(bulk("string"));
        assertThat(kv.cmd("GETRANGE s 5 3")).isEqualTo(bulk(""));
        assertThat(kv.cmd("GETRANGE s -1 -5")).isEqualTo(bulk(""));
        assertThat(kv.cmd("GETRANGE nope 0 -1")).isEqualTo(bulk(""));
        assertThat(kv.cmd("GETRANGE s a 1")).isEqualTo(err(NOT_INT));
        kv.run("SET", "h", "Hello World");
        assertThat(kv.cmd("SETRANGE h 6 Redis")).isEqualTo(integer(11));
        assertThat(kv.cmd("GET h")).isEqualTo(bulk("Hello Redis"));
        assertThat(kv.cmd("SETRANGE pad 3 ab")).isEqualTo(integer(5));
        assertThat(kv.cmd("GET pad")).isEqualTo(bulk("\0\0\0ab"));
        assertThat(kv.run("SETRANGE", "none", "5", "")).isEqualTo(integer(0));
        assertThat(kv.cmd("EXISTS none")).isEqualTo(integer(0));
        assertThat(kv.run("SETRANGE", "h", "50", "")).isEqualTo(integer(11));
        assertThat(kv.cmd("SETRANGE h -1 x")).isEqualTo(err("ERR offset is out of range"));
        assertThat(kv.cmd("SETRANGE h 536870911 xx"))
                .isEqualTo(err("ERR string exceeds maximum allowed size (proto-max-bulk-len)"));
    }

    @Test
    void arityAndUnknownCommands() {
        assertThat(kv.cmd("GET")).isEqualTo(err("ERR wrong number of arguments for 'get' command"));
        assertThat(kv.cmd("GET a b")).isEqualTo(err("ERR wrong number of arguments for 'get' command"));
        assertThat(kv.cmd("SeT a")).isEqualTo(err("ERR wrong number of arguments for 'set' command"));
        assertThat(kv.cmd("foo")).isEqualTo(err("ERR unknown command 'foo', with args beginning with: "));
        assertThat(kv.cmd("FOO a b")).isEqualTo(err("ERR unknown command 'FOO', with args beginning with: 'a' 'b' "));
        assertThat(kv.cmd("PING")).isEqualTo("+PONG\r\n");
        assertThat(kv.cmd("PING hi")).isEqualTo(bulk("hi"));
        assertThat(kv.cmd("PING a b")).isEqualTo(err("ERR wrong number of arguments for 'ping' command"));
        assertThat(kv.cmd("ECHO hey")).isEqualTo(bulk("hey"));
        assertThat(kv.engine.execute(java.util.List.of())).isEmpty();
    }
}

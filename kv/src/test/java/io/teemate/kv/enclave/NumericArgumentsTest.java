package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import static io.teemate.kv.enclave.KvRig.NIL;
import static io.teemate.kv.enclave.KvRig.OK;
import static io.teemate.kv.enclave.KvRig.arr;
import static io.teemate.kv.enclave.KvRig.bulk;
import static io.teemate.kv.enclave.KvRig.err;
import static io.teemate.kv.enclave.KvRig.integer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extreme numeric arguments (security review finding 4 and the audit that followed it). Every expected reply here
 * was taken from a real redis-server 7.0.15.
 */
class NumericArgumentsTest {
    static final String MAX = Long.toString(Long.MAX_VALUE);
    static final String MIN = Long.toString(Long.MIN_VALUE);
    static final String TOO_BIG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
    final KvRig kv = new KvRig();

    @Test
    void setrangeWithAnOffsetNearTwoToThe63IsRefusedAndTheDatabaseGoesOn() {
        kv.cmd("SET important data");
        assertThat(kv.run("SETRANGE", "k", MAX, "x")).isEqualTo(err(TOO_BIG));
        assertThat(kv.run("SETRANGE", "important", MAX, "x")).isEqualTo(err(TOO_BIG));
        assertThat(kv.run("SETRANGE", "k", Long.toString(Long.MAX_VALUE - 1), "xy"))
                .isEqualTo(err(TOO_BIG));
        assertThat(kv.run("SETRANGE", "k", Long.toString(CommandEngine.MAX_STRING), "x"))
                .isEqualTo(err(TOO_BIG));
        assertThat(kv.run("SETRANGE", "k", MIN, "x")).isEqualTo(err("ERR offset is out of range"));
        assertThat(kv.run("SETRANGE", "important", "536870912", "")).isEqualTo(integer(4)); // nothing to write
        assertThat(kv.cmd("GET important")).isEqualTo(bulk("data"));
        assertThat(kv.cmd("EXISTS k")).isEqualTo(integer(0));
        assertThat(kv.cmd("PING")).isEqualTo("+PONG\r\n");
    }

    @Test
    void setrangeAndAppendLargerThanTheSpaceAnswerOomWithoutAllocatingTheValue() {
        // 512 MiB - 1 is within proto-max-bulk-len (Redis would build it); the 64 MiB space cannot hold it, so the
        // engine must answer OOM before it builds a 512 MiB array on the enclave's heap.
        assertThat(kv.run("SETRANGE", "k", "536870910", "xy")).isEqualTo(err(CommandEngine.OOM));
        assertThat(kv.cmd("EXISTS k")).isEqualTo(integer(0));
        assertThat(kv.cmd("SET k v")).isEqualTo(OK);
        assertThat(kv.run("SETRANGE", "k", "536870910", "xy")).isEqualTo(err(CommandEngine.OOM));
        assertThat(kv.cmd("GET k")).isEqualTo(bulk("v"));
    }

    @Test
    void getrangeWithExtremeBounds() {
        kv.cmd("SET s hello");
        assertThat(kv.run("GETRANGE", "s", "0", MAX)).isEqualTo(bulk("hello"));
        assertThat(kv.run("GETRANGE", "s", MIN, "-1")).isEqualTo(bulk("hello"));
        assertThat(kv.run("GETRANGE", "s", MIN, MAX)).isEqualTo(bulk("hello"));
        assertThat(kv.run("GETRANGE", "s", MAX, MIN)).isEqualTo(bulk(""));
        assertThat(kv.run("GETRANGE", "s", "2", MIN)).isEqualTo(bulk(""));
    }

    @Test
    void listIndexesWithExtremeBounds() {
        kv.cmd("RPUSH l a b c");
        assertThat(kv.run("LRANGE", "l", MIN, MAX)).isEqualTo(arr("a", "b", "c"));
        assertThat(kv.run("LRANGE", "l", MAX, MIN)).isEqualTo("*0\r\n");
        assertThat(kv.run("LINDEX", "l", MIN)).isEqualTo(NIL);
        assertThat(kv.run("LINDEX", "l", MAX)).isEqualTo(NIL);
        assertThat(kv.run("LSET", "l", MIN, "x")).isEqualTo(err("ERR index out of range"));
        assertThat(kv.run("LSET", "l", MAX, "x")).isEqualTo(err("ERR index out of range"));
        assertThat(kv.run("LTRIM", "l", MIN, MAX)).isEqualTo(OK);
        assertThat(kv.cmd("LRANGE l 0 -1")).isEqualTo(arr("a", "b", "c"));
        assertThat(kv.run("LPOP", "l", "0")).isEqualTo("*0\r\n");
        assertThat(kv.run("LPOP", "l", "-1")).isEqualTo(err("ERR value is out of range, must be positive"));
        assertThat(kv.run("LPOP", "nol", "0")).isEqualTo("*-1\r\n");
        assertThat(kv.run("LPOP", "l", MAX)).isEqualTo(arr("a", "b", "c"));
    }

    @Test
    void lremWithTheSmallestCountRemovesEveryMatchFromTheTail() {
        kv.cmd("RPUSH l a b a c a");
        assertThat(kv.run("LREM", "l", MIN, "a")).isEqualTo(integer(3)); // Redis: -LLONG_MIN stays negative: no limit
        assertThat(kv.cmd("LRANGE l 0 -1")).isEqualTo(arr("b", "c"));
        assertThat(kv.run("LREM", "l", MAX, "b")).isEqualTo(integer(1));
    }

    @Test
    void integerIncrementsAtTheEdges() {
        kv.cmd("SET n 5");
        assertThat(kv.run("INCRBY", "n", MAX)).isEqualTo(err("ERR increment or decrement would overflow"));
        assertThat(kv.run("DECRBY", "n", MIN)).isEqualTo(err("ERR decrement would overflow"));
        assertThat(kv.run("DECRBY", "n", MAX)).isEqualTo(integer(-9223372036854775802L));
        assertThat(kv.run("INCRBY", "n", MIN)).isEqualTo(err("ERR increment or decrement would overflow"));
        for (String bad : new String[] {" 1", "1e3", "-0", "00", "9223372036854775808", "+1", ""}) {
            assertThat(kv.run("INCRBY", "n", bad)).as(bad).isEqualTo(err(CommandEngine.NOT_INTEGER));
        }
        kv.cmd("HSET h f 1");
        assertThat(kv.run("HINCRBY", "h", "f", MAX)).isEqualTo(err("ERR increment or decrement would overflow"));
        assertThat(kv.run("HINCRBY", "h", "f", "9223372036854775806")).isEqualTo(integer(Long.MAX_VALUE));
    }

    @Test
    void expiryTimesAtTheEdges() {
        kv.cmd("SET s v");
        assertThat(kv.run("EXPIRE", "s", MAX)).isEqualTo(err("ERR invalid expire time in 'expire' command"));
        assertThat(kv.run("EXPIRE", "s", MIN)).isEqualTo(err("ERR invalid expire time in 'expire' command"));
        assertThat(kv.run("PEXPIRE", "s", MAX)).isEqualTo(err("ERR invalid expire time in 'pexpire' command"));
        assertThat(kv.run("PEXPIRE", "s", "9223372036852000000"))
                .isEqualTo(err("ERR invalid expire time in 'pexpire' command"));
        assertThat(kv.run("EXPIREAT", "s", MAX)).isEqualTo(err("ERR invalid expire time in 'expireat' command"));
        assertThat(kv.run("SET", "x", "v", "EX", MAX)).isEqualTo(err("ERR invalid expire time in 'set' command"));
        assertThat(kv.run("SET", "x", "v", "EX", "9223372036854775"))
                .isEqualTo(err("ERR invalid expire time in 'set' command"));
        assertThat(kv.run("SET", "x", "v", "PX", MAX)).isEqualTo(err("ERR invalid expire time in 'set' command"));
        assertThat(kv.run("SET", "x", "v", "EXAT", "9223372036854775")).isEqualTo(OK);
        assertThat(kv.run("SET", "x", "v", "PXAT", MAX)).isEqualTo(OK);
        assertThat(kv.cmd("TTL x")).isEqualTo(integer((Long.MAX_VALUE - kv.now + 500) / 1000));
        assertThat(kv.run("PEXPIREAT", "s", MAX)).isEqualTo(integer(1));
        assertThat(kv.cmd("GET s")).isEqualTo(bulk("v"));
        assertThat(kv.run("PEXPIREAT", "s", MIN)).isEqualTo(integer(1)); // in the past: deleted
        assertThat(kv.cmd("EXISTS s")).isEqualTo(integer(0));
    }

    @Test
    void selectOutsideTheIntRangeHasItsOwnError() {
        assertThat(kv.run("SELECT", "2147483648"))
                .isEqualTo(err("ERR value is out of range, value must between -2147483648 and 2147483647"));
        assertThat(kv.run("SELECT", MIN))
                .isEqualTo(err("ERR value is out of range, value must between -2147483648 and 2147483647"));
        assertThat(kv.run("SELECT", "-1")).isEqualTo(err("ERR DB index is out of range"));
        assertThat(kv.run("SELECT", "16")).isEqualTo(err("ERR DB index is out of range"));
        assertThat(kv.run("SELECT", "-0")).isEqualTo(err(CommandEngine.NOT_INTEGER));
        assertThat(kv.run("SELECT", "0")).isEqualTo(OK);
    }

    @Test
    void scanCursorsAsStrtoulReadsThem() {
        kv.cmd("SET a 1");
        assertThat(kv.run("SCAN", "")).isEqualTo("*2\r\n$1\r\n0\r\n" + arr("a")); // strtoul("") is 0
        assertThat(kv.run("SCAN", "+0")).isEqualTo("*2\r\n$1\r\n0\r\n" + arr("a"));
        assertThat(kv.run("SCAN", " 0")).isEqualTo(err("ERR invalid cursor"));
        assertThat(kv.run("SCAN", "-")).isEqualTo(err("ERR invalid cursor"));
        assertThat(kv.run("SCAN", "18446744073709551616")).isEqualTo(err("ERR invalid cursor"));
        assertThat(kv.run("SCAN", "0", "COUNT", MAX)).isEqualTo("*2\r\n$1\r\n0\r\n" + arr("a"));
        assertThat(kv.run("SCAN", "0", "COUNT", "0")).isEqualTo(err("ERR syntax error"));
    }
}

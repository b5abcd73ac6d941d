package io.teemate.kv.enclave;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enclave's side of MULTI/EXEC and WATCH ({@link ClientOps}, {@link WatchedKeys}): a transaction is one entry,
 * so its writes are propagated together (one AOF record), watches are touched by writes, expiry and flushes, and
 * malformed requests from the host run nothing.
 */
class ClientOpsTest {
    private final KvRig rig = new KvRig();

    private String exec(long client, boolean check, String... commands) {
        List<String> words = new ArrayList<>(List.of("\0exec", Long.toString(client), check ? "1" : "0"));
        for (String c : commands) {
            String[] w = c.split(" ");
            words.add(Integer.toString(w.length));
            words.addAll(List.of(w));
        }
        return rig.run(words.toArray(String[]::new));
    }

    @Test
    void aTransactionsWritesArePropagatedTogetherFromOneEntry() {
        rig.engine.takePropagated();
        assertThat(exec(1, true, "SET a 1", "INCR a", "GET a", "LPUSH a x", "RPUSH l 1"))
                .isEqualTo("*5\r\n+OK\r\n:2\r\n$1\r\n2\r\n-" + CommandEngine.WRONGTYPE + "\r\n:1\r\n");
        List<String> logged = rig.engine.takePropagated().stream()
                .map(a -> String.join(
                        " ",
                        a.stream()
                                .map(b -> new String(b, StandardCharsets.ISO_8859_1))
                                .toList()))
                .toList();
        assertThat(logged).containsExactly("SET a 1", "INCR a", "RPUSH l 1");
        assertThat(exec(1, true, "BLPOP none 0", "BLMOVE none x LEFT LEFT 0")).isEqualTo("*2\r\n*-1\r\n$-1\r\n");
        // t_zset.c blockingGenericZpopCommand: CLIENT_DENY_BLOCKING answers a null array, as a timeout
        assertThat(exec(1, true, "BZPOPMIN none 0", "BZPOPMAX none 0", "BZMPOP 0 1 none MIN"))
                .isEqualTo("*3\r\n*-1\r\n*-1\r\n*-1\r\n");
    }

    @Test
    void watchesAreTouchedByWritesThatChangeSomethingAndEndWithTheExec() {
        rig.cmd("SET k 1");
        assertThat(rig.run("\0watch", "7", "k", "other")).isEqualTo(KvRig.OK);
        rig.cmd("SET k 1 NX"); // changes nothing
        rig.cmd("DEL none");
        assertThat(exec(7, true, "GET k")).isEqualTo("*1\r\n$1\r\n1\r\n");
        assertThat(rig.engine.context().watched.size()).isZero();
        rig.run("\0watch", "7", "k");
        rig.run("\0watch", "8", "k");
        rig.cmd("APPEND k x");
        assertThat(exec(7, true, "GET k")).isEqualTo("*-1\r\n");
        assertThat(exec(8, true, "GET k")).isEqualTo("*-1\r\n");
        rig.run("\0watch", "9", "k");
        rig.run("\0unwatch", "9");
        rig.cmd("DEL k");
        assertThat(exec(9, true, "PING")).isEqualTo("*1\r\n+PONG\r\n");
    }

    @Test
    void aWatchedKeyThatExpiresOrIsFlushedFailsTheExec() {
        rig.cmd("SET e 1 PX 100");
        rig.run("\0watch", "1", "e");
        rig.now += 200;
        assertThat(exec(1, true, "PING")).isEqualTo("*-1\r\n");
        // past its deadline at WATCH: its lazy deletion is no change
        rig.cmd("SET e 1 PX 100");
        rig.now += 200;
        rig.run("\0watch", "1", "e");
        rig.cmd("GET e");
        assertThat(exec(1, true, "PING")).isEqualTo("*1\r\n+PONG\r\n");
        rig.cmd("SET f 1");
        rig.run("\0watch", "2", "f");
        rig.run("\0watch", "3", "absent");
        rig.cmd("FLUSHALL");
        assertThat(exec(2, true, "PING")).isEqualTo("*-1\r\n");
        assertThat(exec(3, true, "PING")).isEqualTo("*1\r\n+PONG\r\n");
    }

    @Test
    void refusedWritesAbortTheWholeTransaction() {
        rig.engine.denyWrites("MISCONF no disk");
        assertThat(exec(1, true, "GET a", "SET a 1"))
                .isEqualTo("-EXECABORT Transaction discarded because of: MISCONF no disk\r\n");
        assertThat(exec(1, true, "GET a")).isEqualTo("*1\r\n$-1\r\n");
        rig.engine.denyWrites(null);
    }

    @Test
    void malformedRequestsRunNothing() {
        assertThat(rig.run("\0exec", "x", "1")).startsWith("-ERR malformed");
        assertThat(rig.run("\0exec", "1", "2")).startsWith("-ERR malformed");
        assertThat(rig.run("\0exec", "1", "1", "3", "SET", "a")).startsWith("-ERR malformed");
        assertThat(rig.run("\0exec", "1", "1", "0")).startsWith("-ERR malformed");
        assertThat(rig.run("\0nope", "1")).startsWith("-ERR malformed");
        assertThat(rig.run("\0exec", "1", "1", "2", "\0exec", "1"))
                .isEqualTo("*1\r\n-ERR malformed client operation\r\n");
        assertThat(rig.cmd("EXISTS a")).isEqualTo(KvRig.integer(0));
    }

    @Test
    void aWokenClientPopsFromItsReadyKeyOnlyAndOnlyOfItsType() {
        rig.cmd("ZADD z 1 a");
        rig.cmd("ZADD z2 2 b");
        rig.cmd("RPUSH l x y");
        rig.cmd("SET s v");
        // the first run answers WRONGTYPE (t_list.c, t_zset.c checkType) ...
        assertThat(rig.cmd("BLPOP z 0")).startsWith("-WRONGTYPE");
        assertThat(rig.cmd("BZPOPMIN l 0")).startsWith("-WRONGTYPE");
        // ... a run again after a wake-up pops from the ready key, if it is of its type (blocked.c)
        assertThat(rig.run("\0woken", "1", "z", "BLPOP", "z", "0")).startsWith("\0");
        assertThat(rig.run("\0woken", "1", "s", "BLMOVE", "s", "d", "LEFT", "LEFT", "0"))
                .startsWith("\0");
        assertThat(rig.run("\0woken", "1", "l", "BLMPOP", "0", "2", "z", "l", "LEFT"))
                .isEqualTo("*2\r\n$1\r\nl\r\n*1\r\n$1\r\nx\r\n");
        assertThat(rig.run("\0woken", "1", "nosuch", "BLPOP", "l", "nosuch", "0"))
                .as("l has elements, but it is not the ready key")
                .startsWith("\0");
        assertThat(rig.run("\0woken", "1", "s", "BZPOPMIN", "s", "0")).startsWith("\0");
        assertThat(rig.run("\0woken", "1", "z2", "BZMPOP", "0", "3", "s", "z", "z2", "MAX"))
                .isEqualTo("*2\r\n$2\r\nz2\r\n*1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(rig.run("\0woken", "1", "z", "BZPOPMAX", "z2", "z", "0"))
                .isEqualTo("*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(rig.run("\0woken", "1", "s", "GET", "s")).isEqualTo("$1\r\nv\r\n");
        assertThat(rig.run("\0woken", "1", "s")).startsWith("-ERR malformed");
        assertThat(rig.run("\0woken", "1", "s", "\0woken", "1", "s", "GET", "s"))
                .startsWith("-ERR malformed");
        assertThat(rig.cmd("BLPOP s 0")).as("the wake-up is over").startsWith("-WRONGTYPE");
        assertThat(rig.cmd("BLPOP nosuch l 0")).isEqualTo("*2\r\n$1\r\nl\r\n$1\r\ny\r\n");
    }

    @Test
    void timeoutsAreRedis70s() {
        assertThat(BlockingCommands.timeoutMillis("0.0001".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(1);
        assertThat(BlockingCommands.timeoutMillis("-0.0001".getBytes(StandardCharsets.US_ASCII)))
                .isZero();
        assertThat(BlockingCommands.timeoutMillis("1.5".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(1500);
        assertThat(BlockingCommands.timeoutMillis("0x10".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(16000);
        assertThat(rig.run("BLPOP", "l", "1e400")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(rig.run("BLPOP", "l", "nan")).isEqualTo("-ERR timeout is not a float or out of range\r\n");
    }
}

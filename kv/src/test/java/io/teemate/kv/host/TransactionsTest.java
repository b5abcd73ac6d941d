package io.teemate.kv.host;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MULTI/EXEC/DISCARD/WATCH/UNWATCH against a real redis-server 7.0 and the TeeMate server, the same commands from
 * several interleaved clients, replies compared byte for byte (multi.c).
 */
class TransactionsTest {
    @TempDir
    static Path dir;

    static DualServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new DualServers(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    @BeforeEach
    void flush() throws Exception {
        try (DualServers.Client c = servers.client()) {
            c.call("FLUSHALL");
        }
    }

    @Test
    void queuedErrorsAbortTheExecAndStateErrorsDoNot() throws Exception {
        DualServers.Client a = servers.client();
        assertThat(a.call("EXEC")).isEqualTo("-ERR EXEC without MULTI\r\n");
        a.call("DISCARD");
        a.call("MULTI", "x");
        a.call("MULTI");
        a.call("WATCH", "x");
        a.call("MULTI");
        a.call("SET", "a");
        a.call("NOSUCHCOMMAND", "arg");
        a.call("SET", "a", "1");
        assertThat(a.call("EXEC")).isEqualTo("-EXECABORT Transaction discarded because of previous errors.\r\n");
        a.call("GET", "a");
        a.call("MULTI");
        a.call("WATCH", "x");
        a.call("MULTI");
        a.call("SET", "a", "1");
        a.call("INCR", "a");
        a.call("LPUSH", "a", "x");
        a.call("UNWATCH");
        a.call("GET", "a");
        a.call("BLPOP", "nolist", "0");
        a.call("BLMOVE", "nolist", "other", "LEFT", "RIGHT", "0");
        a.call("SHUTDOWN");
        assertThat(a.call("EXEC")).startsWith("-EXECABORT");
        a.call("MULTI");
        a.call("SET", "a", "1");
        a.call("INCR", "a");
        a.call("LPUSH", "a", "x");
        a.call("UNWATCH");
        a.call("GET", "a");
        a.call("BLPOP", "nolist", "0");
        a.call("BLMOVE", "nolist", "other", "LEFT", "RIGHT", "0");
        assertThat(a.call("EXEC")).startsWith("*7\r\n");
        a.call("MULTI");
        a.call("SET", "b", "1");
        a.call("DISCARD");
        a.call("GET", "b");
        a.call("DISCARD");
    }

    @Test
    void pipelinedTransactionsAnswerInOrder() throws Exception {
        DualServers.Client a = servers.client();
        String[][] script = {
            {"SET", "p", "0"},
            {"MULTI"},
            {"INCR", "p"},
            {"GET", "p"},
            {"EXEC"},
            {"GET", "p"},
            {"MULTI"},
            {"FOO"},
            {"EXEC"},
            {"PING"}
        };
        for (String[] c : script) {
            a.send(c);
        }
        for (int i = 0; i < script.length; i++) {
            a.reply();
        }
    }

    @Test
    void aWatchedKeyModifiedByAnotherClientOrItselfFailsTheExec() throws Exception {
        DualServers.Client a = servers.client();
        DualServers.Client b = servers.client();
        a.call("SET", "k", "1");
        a.call("WATCH", "k", "missing");
        b.call("SET", "k", "2");
        a.call("MULTI");
        a.call("INCR", "k");
        assertThat(a.call("EXEC")).isEqualTo("*-1\r\n");
        a.call("GET", "k");
        // the watches ended with the EXEC
        a.call("MULTI");
        a.call("INCR", "k");
        assertThat(a.call("EXEC")).isEqualTo("*1\r\n:3\r\n");
        // touched by the watching client itself
        a.call("WATCH", "k");
        a.call("SET", "k", "9");
        a.call("MULTI");
        a.call("GET", "k");
        assertThat(a.call("EXEC")).isEqualTo("*-1\r\n");
        // a write that changes nothing touches nothing; UNWATCH and DISCARD forget
        a.call("WATCH", "k");
        b.call("SET", "k", "5", "NX");
        b.call("GET", "k");
        a.call("MULTI");
        a.call("GET", "k");
        a.call("EXEC");
        a.call("WATCH", "k");
        b.call("DEL", "k");
        a.call("UNWATCH");
        a.call("MULTI");
        a.call("SET", "k", "1");
        a.call("EXEC");
        a.call("WATCH", "k");
        a.call("MULTI");
        a.call("DISCARD");
        b.call("RPUSH", "k2", "x");
        b.call("INCR", "k");
        a.call("MULTI");
        a.call("GET", "k");
        a.call("EXEC");
        // a list touched by a pop
        a.call("WATCH", "k2");
        b.call("LPOP", "k2");
        a.call("MULTI");
        a.call("LLEN", "k2");
        a.call("EXEC");
    }

    @Test
    void flushallTouchesTheWatchedKeysThatExisted() throws Exception {
        DualServers.Client a = servers.client();
        DualServers.Client b = servers.client();
        a.call("WATCH", "nothing");
        b.call("SET", "other", "1");
        b.call("FLUSHALL");
        a.call("MULTI");
        a.call("PING");
        assertThat(a.call("EXEC")).isEqualTo("*1\r\n+PONG\r\n");
        a.call("SET", "k", "1");
        a.call("WATCH", "k");
        b.call("FLUSHDB");
        a.call("MULTI");
        a.call("PING");
        assertThat(a.call("EXEC")).isEqualTo("*-1\r\n");
    }

    @Test
    void aWatchedKeyThatExpiresFailsTheExec() throws Exception {
        DualServers.Client a = servers.client();
        long deadline = System.currentTimeMillis() + 100;
        a.call("SET", "t", "1", "PXAT", Long.toString(deadline));
        a.call("WATCH", "t");
        while (System.currentTimeMillis() <= deadline + 5) {
            Thread.onSpinWait(); // the deadline is the test's subject: wall-clock time must pass
        }
        a.call("MULTI");
        a.call("PING");
        assertThat(a.call("EXEC")).isEqualTo("*-1\r\n");
        // a key already past its deadline at WATCH: deleting it is no change (touchWatchedKey's expired flag)
        deadline = System.currentTimeMillis() + 30;
        a.call("SET", "t", "1", "PXAT", Long.toString(deadline));
        while (System.currentTimeMillis() <= deadline + 5) {
            Thread.onSpinWait();
        }
        a.call("WATCH", "t");
        a.call("GET", "t");
        a.call("MULTI");
        a.call("PING");
        assertThat(a.call("EXEC")).isEqualTo("*1\r\n+PONG\r\n");
    }

    @Test
    void serverCommandsInsideMultiRunInTheirPlace() throws Exception {
        DualServers.Client a = servers.client();
        a.call("MULTI");
        a.call("SET", "s", "1");
        a.call("CONFIG", "GET", "maxmemory-policy");
        a.call("INCR", "s");
        assertThat(a.call("EXEC"))
                .isEqualTo("*3\r\n+OK\r\n*2\r\n$16\r\nmaxmemory-policy\r\n$10\r\nnoeviction\r\n:2\r\n");
        DualServers.Client b = servers.client();
        a.call("WATCH", "s");
        b.call("SET", "s", "5");
        a.call("MULTI");
        a.call("CONFIG", "GET", "maxmemory-policy");
        a.call("INCR", "s");
        assertThat(a.call("EXEC")).isEqualTo("*-1\r\n");
        a.call("GET", "s");
    }

    /** Another client never sees half of an EXEC: its reads land before or after all of it. */
    @Test
    void execIsAtomicForOtherClients() throws Exception {
        DualServers.Conn a = new DualServers.Conn(servers.kv.port());
        DualServers.Conn b = new DualServers.Conn(servers.kv.port());
        try (a;
                b) {
            int n = 40;
            for (int round = 0; round < 20; round++) {
                a.call("SET", "c", "0");
                a.call("MULTI");
                for (int i = 0; i < n; i++) {
                    a.call("INCR", "c");
                }
                a.send("EXEC");
                for (int i = 0; i < 5; i++) {
                    b.send("GET", "c");
                }
                for (int i = 0; i < 5; i++) {
                    assertThat(b.reply()).isIn("$1\r\n0\r\n", "$2\r\n" + n + "\r\n");
                }
                assertThat(a.reply()).startsWith("*" + n + "\r\n");
            }
        }
    }
}

package io.teemate.kv.host;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BLPOP, BRPOP, BRPOPLPUSH, BLMOVE, BLMPOP against a real redis-server 7.0 and the TeeMate server: clients block,
 * are woken in the order they blocked by another client's push, time out with *-1, and are forgotten when they go
 * away (t_list.c, blocked.c); replies compared byte for byte.
 */
class BlockingPopsTest {
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
        servers.awaitBlocked(0);
    }

    @Test
    void argumentsAndNonBlockingCases() throws Exception {
        DualServers.Client a = servers.client();
        for (String t : new String[] {"-1", "abc", "1e400", "inf", "nan", "", "-1.5", "1 "}) {
            a.call("BLPOP", "l", t);
        }
        a.call("RPUSH", "l", "a", "b", "c");
        a.call("SET", "s", "x");
        a.call("BLPOP", "l", "0");
        a.call("BRPOP", "none", "l", "0");
        a.call("BLPOP", "s", "l", "0");
        a.call("BLPOP", "l");
        a.call("RPUSH", "l", "a", "b", "c", "d");
        a.call("BLMOVE", "l", "m", "LEFT", "RIGHT", "0");
        a.call("BLMOVE", "l", "m", "UP", "RIGHT", "0");
        a.call("BLMOVE", "l", "s", "LEFT", "RIGHT", "0");
        a.call("BRPOPLPUSH", "l", "m", "0");
        a.call("BRPOPLPUSH", "l", "l", "0");
        a.call("LRANGE", "m", "0", "-1");
        a.call("BLMPOP", "0", "2", "none", "m", "LEFT", "COUNT", "5");
        a.call("BLMPOP", "0", "0", "m", "LEFT");
        a.call("BLMPOP", "0", "x", "m", "LEFT");
        a.call("BLMPOP", "0", "5", "m", "LEFT");
        a.call("BLMPOP", "0", "1", "l", "MIDDLE");
        a.call("BLMPOP", "0", "1", "l", "LEFT", "COUNT", "0");
        a.call("BLMPOP", "0", "1", "l", "LEFT", "COUNT", "1", "COUNT", "1");
        a.call("BLMPOP", "0", "1", "l", "RIGHT", "COUNT", "9");
        a.call("EXISTS", "l");
    }

    @Test
    void timeoutsAnswerANullArray() throws Exception {
        DualServers.Client a = servers.client();
        assertThat(a.call("BLPOP", "x", "y", "0.05")).isEqualTo("*-1\r\n");
        assertThat(a.call("BLMOVE", "x", "y", "LEFT", "LEFT", "0.01")).isEqualTo("*-1\r\n");
        assertThat(a.call("BRPOPLPUSH", "x", "y", "0.01")).isEqualTo("*-1\r\n");
        assertThat(a.call("BLMPOP", "0.01", "1", "x", "LEFT")).isEqualTo("*-1\r\n");
        // pipelined commands after a blocking one wait for it
        a.send("BRPOP", "x", "0.02");
        a.send("PING");
        assertThat(a.reply()).isEqualTo("*-1\r\n");
        assertThat(a.reply()).isEqualTo("+PONG\r\n");
    }

    @Test
    void clientsAreServedInTheOrderTheyBlocked() throws Exception {
        DualServers.Client a = servers.client();
        DualServers.Client b = servers.client();
        DualServers.Client c = servers.client();
        DualServers.Client p = servers.client();
        a.send("BLPOP", "q", "0");
        a.send("GET", "after");
        servers.awaitBlocked(1);
        b.send("BRPOP", "other", "q", "0");
        servers.awaitBlocked(2);
        c.send("BLMOVE", "q", "dst", "RIGHT", "LEFT", "0");
        servers.awaitBlocked(3);
        p.call("RPUSH", "q", "1", "2");
        assertThat(a.reply()).isEqualTo("*2\r\n$1\r\nq\r\n$1\r\n1\r\n");
        a.reply(); // its pipelined GET ran once it was served
        b.reply();
        servers.awaitBlocked(1);
        p.call("LPUSH", "q", "3");
        c.reply();
        servers.awaitBlocked(0);
        p.call("LRANGE", "dst", "0", "-1");
        p.call("EXISTS", "q");
    }

    @Test
    void aMoveWakesTheClientsOfItsDestination() throws Exception {
        DualServers.Client a = servers.client();
        DualServers.Client b = servers.client();
        DualServers.Client p = servers.client();
        a.send("BLMOVE", "src", "mid", "LEFT", "LEFT", "0");
        servers.awaitBlocked(1);
        b.send("BLMPOP", "0", "2", "x", "mid", "RIGHT", "COUNT", "3");
        servers.awaitBlocked(2);
        p.call("RPUSH", "src", "v");
        a.reply();
        b.reply();
        p.call("EXISTS", "mid", "src");
    }

    @Test
    void aPushInsideATransactionWakesAfterTheExec() throws Exception {
        DualServers.Client a = servers.client();
        DualServers.Client p = servers.client();
        a.send("BLPOP", "t", "0");
        servers.awaitBlocked(1);
        p.call("MULTI");
        p.call("RPUSH", "t", "1", "2");
        p.call("LPOP", "t");
        p.call("EXEC");
        a.reply();
        p.call("LRANGE", "t", "0", "-1");
    }

    @Test
    void aClientThatGoesAwayIsForgotten() throws Exception {
        DualServers.Client gone = servers.client();
        DualServers.Client p = servers.client();
        gone.send("BLPOP", "g", "0");
        servers.awaitBlocked(1);
        gone.close();
        servers.awaitBlocked(0);
        p.call("RPUSH", "g", "x");
        p.call("LLEN", "g");
    }
}

package io.teemate.kv.host;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BZPOPMIN, BZPOPMAX, BZMPOP against a real redis-server 7.0 and the TeeMate server (t_zset.c
 * blockingGenericZpopCommand, blocked.c serveClientsBlockedOnSortedSetKey): clients block, are woken by another
 * client's ZADD in the order they blocked, time out with a null array (RESP2 and RESP3), answer at once inside a
 * transaction; replies compared byte for byte.
 */
class BlockingSortedSetPopsTest {
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

    /** HELLO 3 on both connections of {@code c} (its replies name each server's version and client id). */
    private static void hello3(DualServers.Client c) throws Exception {
        assertThat(c.redis.call("HELLO", "3")).startsWith("%7\r\n");
        assertThat(c.kv.call("HELLO", "3")).startsWith("%7\r\n");
    }

    @Test
    void timeoutsAnswerANullArray() throws Exception {
        DualServers.Client a = servers.client();
        assertThat(a.call("BZPOPMIN", "x", "y", "0.05")).isEqualTo("*-1\r\n");
        assertThat(a.call("BZPOPMAX", "x", "0.01")).isEqualTo("*-1\r\n");
        assertThat(a.call("BZMPOP", "0.01", "2", "x", "y", "MAX", "COUNT", "3")).isEqualTo("*-1\r\n");
        a.send("BZPOPMIN", "x", "0.02");
        a.send("PING");
        assertThat(a.reply()).isEqualTo("*-1\r\n");
        assertThat(a.reply()).isEqualTo("+PONG\r\n");
        hello3(a);
        assertThat(a.call("BZPOPMIN", "x", "0.01")).isEqualTo("_\r\n");
        assertThat(a.call("BZMPOP", "0.01", "1", "x", "MIN")).isEqualTo("_\r\n");
    }

    @Test
    void aZaddWakesTheClientsInTheOrderTheyBlocked() throws Exception {
        DualServers.Client a = servers.client();
        DualServers.Client b = servers.client();
        DualServers.Client c = servers.client();
        DualServers.Client p = servers.client();
        a.send("BZPOPMIN", "q", "0");
        a.send("ZCARD", "q");
        servers.awaitBlocked(1);
        b.send("BZMPOP", "0", "2", "other", "q", "MAX", "COUNT", "5");
        servers.awaitBlocked(2);
        c.send("BZPOPMAX", "none", "q", "0");
        servers.awaitBlocked(3);
        p.call("ZADD", "q", "1", "a", "2", "b", "3.5", "c");
        assertThat(a.reply()).isEqualTo("*3\r\n$1\r\nq\r\n$1\r\na\r\n$1\r\n1\r\n");
        a.reply(); // its pipelined ZCARD ran once it was served
        assertThat(b.reply())
                .isEqualTo("*2\r\n$1\r\nq\r\n*2\r\n*2\r\n$1\r\nc\r\n$3\r\n3.5\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        servers.awaitBlocked(1);
        p.call("ZADD", "q", "-inf", "lo", "inf", "hi");
        c.reply();
        servers.awaitBlocked(0);
        p.call("ZRANGE", "q", "0", "-1", "WITHSCORES");
    }

    @Test
    void aWokenClientGetsItsProtocolsReply() throws Exception {
        DualServers.Client a = servers.client();
        DualServers.Client b = servers.client();
        DualServers.Client p = servers.client();
        hello3(a);
        hello3(b);
        a.send("BZPOPMAX", "r", "0");
        servers.awaitBlocked(1);
        b.send("BZMPOP", "0", "1", "r", "MIN", "COUNT", "2");
        servers.awaitBlocked(2);
        p.call("ZADD", "r", "1.5", "x", "2", "y", "3", "z", "4", "w");
        assertThat(a.reply()).isEqualTo("*3\r\n$1\r\nr\r\n$1\r\nw\r\n,4\r\n");
        b.reply();
    }

    @Test
    void insideATransactionTheyAnswerAsATimeoutAndAZaddWakesAfterTheExec() throws Exception {
        DualServers.Client a = servers.client();
        DualServers.Client p = servers.client();
        p.call("MULTI");
        p.call("BZPOPMIN", "none", "0");
        p.call("BZMPOP", "0", "1", "none", "MAX");
        p.call("EXEC");
        a.send("BZPOPMIN", "t", "0");
        servers.awaitBlocked(1);
        p.call("MULTI");
        p.call("ZADD", "t", "1", "m", "2", "n");
        p.call("ZPOPMIN", "t");
        p.call("EXEC");
        assertThat(a.reply()).isEqualTo("*3\r\n$1\r\nt\r\n$1\r\nn\r\n$1\r\n2\r\n");
        p.call("EXISTS", "t");
    }

    @Test
    void wrongTypesAndPopsThatFindAZset() throws Exception {
        DualServers.Client a = servers.client();
        a.call("SET", "s", "x");
        a.call("ZADD", "z", "1", "a", "2", "b");
        a.call("BZPOPMIN", "s", "z", "0");
        a.call("BZPOPMIN", "z", "s", "0");
        a.call("BZMPOP", "0", "2", "s", "z", "MIN");
        a.call("BZMPOP", "0", "2", "z", "s", "MIN");
        a.call("EXISTS", "z");
        a.call("BZPOPMIN", "z", "-1");
        a.call("BZMPOP", "0", "0", "z", "MIN");
        a.call("BZPOPMIN", "z");
    }

    /**
     * blocked.c handleClientsBlockedOnKeys serves a key's waiters by the key's type: a list waiter stays blocked
     * when its key becomes a zset (and the other way round), and a waiter on several keys is served from the one
     * of its type; only a command's first run answers WRONGTYPE.
     */
    @Test
    void waitersAreServedOnlyByAKeyOfTheirType() throws Exception {
        DualServers.Client l = servers.client();
        DualServers.Client z = servers.client();
        DualServers.Client m = servers.client();
        DualServers.Client p = servers.client();
        l.send("BLPOP", "k", "0");
        servers.awaitBlocked(1);
        z.send("BZPOPMIN", "k", "0");
        servers.awaitBlocked(2);
        m.send("BLMPOP", "0", "2", "k", "k2", "RIGHT");
        servers.awaitBlocked(3);
        p.call("ZADD", "k", "1", "a");
        z.reply();
        servers.awaitBlocked(2);
        p.call("ZADD", "k", "2", "b");
        p.call("RPUSH", "k2", "v");
        m.reply();
        servers.awaitBlocked(1);
        p.call("ZPOPMIN", "k");
        z.send("BZPOPMAX", "k2", "k", "0");
        servers.awaitBlocked(2);
        p.call("RPUSH", "k", "w");
        l.reply();
        servers.awaitBlocked(1);
        p.call("SET", "k2", "str");
        p.call("ZADD", "k", "5", "c");
        z.reply();
        servers.awaitBlocked(0);
    }

    /**
     * blocked.c handleClientsBlockedOnKeys walks the keys in the order they became ready and serves each key's
     * waiters from that key: a client blocked on a and b, both filled by one transaction, b first, pops b.
     */
    @Test
    void aWaiterIsServedFromTheKeyThatBecameReadyFirst() throws Exception {
        DualServers.Client z = servers.client();
        DualServers.Client l = servers.client();
        DualServers.Client p = servers.client();
        z.send("BZPOPMIN", "a", "b", "0");
        servers.awaitBlocked(1);
        l.send("BLMPOP", "0", "2", "la", "lb", "LEFT", "COUNT", "2");
        servers.awaitBlocked(2);
        p.call("MULTI");
        p.call("ZADD", "b", "1", "x");
        p.call("RPUSH", "lb", "1", "2");
        p.call("ZADD", "a", "1", "y");
        p.call("RPUSH", "la", "3");
        p.call("EXEC");
        assertThat(z.reply()).isEqualTo("*3\r\n$1\r\nb\r\n$1\r\nx\r\n$1\r\n1\r\n");
        l.reply();
        servers.awaitBlocked(0);
        p.call("ZRANGE", "a", "0", "-1");
        p.call("LRANGE", "la", "0", "-1");
    }

    @Test
    void aClientThatGoesAwayIsForgotten() throws Exception {
        DualServers.Client gone = servers.client();
        DualServers.Client p = servers.client();
        gone.send("BZPOPMIN", "g", "0");
        servers.awaitBlocked(1);
        gone.close();
        servers.awaitBlocked(0);
        p.call("ZADD", "g", "1", "x");
        p.call("ZCARD", "g");
    }
}

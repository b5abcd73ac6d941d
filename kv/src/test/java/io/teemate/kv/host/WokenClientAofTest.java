package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static io.teemate.kv.host.AofDatabaseTest.cmd;
import static io.teemate.kv.host.AofDatabaseTest.options;
import static io.teemate.kv.host.AofDatabaseTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blocked client's command run again when it is woken ({@link Transaction#woken}, the enclave's {@code \0woken})
 * writes to the AOF what it popped, as its non-blocking form (blocked.c serveClientsBlockedOnSortedSetKey,
 * serveClientsBlockedOnListKey propagate ZPOPMIN/ZPOPMAX/LPOP...): a restart replays it.
 */
class WokenClientAofTest {
    @TempDir
    Path dir;

    private static String entry(KvDatabase db, List<byte[]> e) {
        return new String(db.execute(List.of(e)).get(0), StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void whatAWokenClientPopsIsReplayed() throws Exception {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            run(db, "ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
            run(db, "RPUSH", "l", "x", "y");
            assertThat(entry(db, Transaction.woken(7, bytes("z"), cmd("BZPOPMIN", "z", "0"))))
                    .isEqualTo("*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n");
            assertThat(entry(db, Transaction.woken(7, bytes("z"), cmd("BZMPOP", "0", "1", "z", "MAX", "COUNT", "2"))))
                    .startsWith("*2\r\n$1\r\nz\r\n*2\r\n");
            assertThat(entry(db, Transaction.woken(8, bytes("l"), cmd("BLPOP", "z", "l", "0"))))
                    .isEqualTo("*2\r\n$1\r\nl\r\n$1\r\nx\r\n");
        }
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            assertThat(run(db, "ZRANGE", "z", "0", "-1", "WITHSCORES")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
            assertThat(run(db, "LRANGE", "l", "0", "-1")).isEqualTo("*1\r\n$1\r\ny\r\n");
        }
    }
}

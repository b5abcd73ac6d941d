package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.teemate.kv.host.AofDatabaseTest.assertKeys;
import static io.teemate.kv.host.AofDatabaseTest.cmd;
import static io.teemate.kv.host.AofDatabaseTest.crashCopy;
import static io.teemate.kv.host.AofDatabaseTest.options;
import static io.teemate.kv.host.AofDatabaseTest.run;
import static io.teemate.kv.host.AofDatabaseTest.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction is one entry of one batch, so its writes are one sealed AOF record: a crash that tears the record
 * replays none of the transaction, never half of it (Redis reverts an incomplete MULTI/EXEC at the AOF's end).
 */
class TransactionAofTest {
    @TempDir
    Path dir;

    @Test
    void aCrashInsideAnExecsRecordReplaysNoneOfIt() throws IOException {
        Path data = dir.resolve("db");
        Path crashed;
        try (KvDatabase db = KvDatabase.open(options(data, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            write(db, 0, 10);
            Path incr = lastIncr(data);
            long before = Files.size(incr);
            List<List<byte[]>> tx = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                tx.add(cmd("SET", "t:" + i, "v"));
            }
            String reply = new String(
                    db.execute(List.of(Transaction.entry(1, true, tx))).get(0),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(reply).startsWith("*200\r\n+OK\r\n");
            assertThat(run(db, "DBSIZE")).isEqualTo(":210\r\n");
            long after = Files.size(incr);
            assertThat(after).as("one record holds the whole transaction").isGreaterThan(before + 200 * 8);
            crashed = crashCopy(data, dir.resolve("crashed"));
            // the crash tore the transaction's record: its last bytes never reached the disk
            try (RandomAccessFile f = new RandomAccessFile(lastIncr(crashed).toFile(), "rw")) {
                f.setLength(after - 10);
            }
        }
        try (KvDatabase db = KvDatabase.open(options(crashed, Mode.SHARED, KvOptions.Aof.Fsync.ALWAYS))) {
            assertKeys(db, 0, 10);
            assertThat(run(db, "DBSIZE")).as("nothing of the torn transaction").isEqualTo(":10\r\n");
        }
    }

    private static Path lastIncr(Path data) throws IOException {
        List<String> incr = AofDatabaseTest.aofFiles(data).stream()
                .filter(n -> n.endsWith(".incr.aof"))
                .toList();
        return data.resolve("appendonlydir").resolve(incr.get(incr.size() - 1));
    }
}

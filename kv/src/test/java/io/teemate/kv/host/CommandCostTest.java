package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.SystemCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's own work enters the modeled clock per command, by Redis's flags (docs/cost-model.md): a write, or
 * anything else.
 */
class CommandCostTest {
    @TempDir
    Path dir;

    private static List<byte[]> cmd(String... words) {
        List<byte[]> argv = new ArrayList<>();
        for (String w : words) {
            argv.add(w.getBytes(StandardCharsets.UTF_8));
        }
        return argv;
    }

    @Test
    void everyCommandIsChargedByItsKind() throws Exception {
        try (KvDatabase db = KvDatabase.open(new KvOptions(dir, Mode.SHARED, "16M", 64))) {
            List<List<byte[]>> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(cmd("SET", "k" + i, "v"));
            }
            batch.add(cmd("RPUSH", "list", "a", "b", "c"));
            for (int i = 0; i < 4; i++) {
                batch.add(cmd("get", "k" + i));
            }
            batch.add(cmd("LRANGE", "list", "0", "-1"));
            batch.add(cmd("NOSUCHCOMMAND"));
            InstructionCounters.Snapshot before = db.modeledCounters();
            List<byte[]> replies = db.execute(batch);
            InstructionCounters.Snapshot spent = db.modeledCounters().minus(before);

            assertThat(new String(replies.get(4), StandardCharsets.UTF_8)).isEqualTo("$1\r\nv\r\n");
            assertThat(spent.count(SystemCost.KV_WRITE)).as("SET x3, RPUSH").isEqualTo(4);
            assertThat(spent.count(SystemCost.KV_READ))
                    .as("GET x4, LRANGE, and the unknown name")
                    .isEqualTo(6);
        }
    }
}

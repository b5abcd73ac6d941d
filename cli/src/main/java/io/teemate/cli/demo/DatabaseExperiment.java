package io.teemate.cli.demo;

import io.teemate.host.container.Mode;
import io.teemate.kv.host.KvDatabase;
import io.teemate.kv.host.KvOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demo's short database experiment (the paper's Redis fork figure in miniature): a fresh database in one mode
 * is loaded with K keys, then BGSAVEs: unreported ones first (the JIT compiles the fork's code), then measured ones,
 * each with a few writes while the child saves. Reports the median fork wait (wall and modeled) and the EPC of every
 * enclave at the end of the snapshot, a BGSAVE's peak.
 */
final class DatabaseExperiment {
    private static final int WARM_UP = 3;
    private static final byte[] VALUE = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    record Result(Mode mode, long keys, double forkWallMs, double forkModeledMs, double epcMiB) {
    }

    private DatabaseExperiment() {
    }

    static Result run(Mode mode, int keys, int reps) throws Exception {
        Path dir = Files.createTempDirectory("teemate-demo-kv");
        try (KvDatabase db = KvDatabase.open(new KvOptions(dir, mode, "256M", 1024))) {
            List<List<byte[]>> batch = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                batch.add(List.of("SET".getBytes(StandardCharsets.US_ASCII), ("key:" + i).getBytes(StandardCharsets.US_ASCII), VALUE));
                if (batch.size() == 2000 || i == keys - 1) {
                    db.execute(batch);
                    batch.clear();
                }
            }
            double[] wall = new double[reps];
            double[] modeled = new double[reps];
            double[] epc = new double[reps];
            for (int r = -WARM_UP; r < reps; r++) {
                KvDatabase.Fork f = db.bgsave();
                for (int w = 0; w < 8; w++) { // the parent writes while the child saves: copy-on-write in shared mode
                    db.execute(List.of(List.of("SET".getBytes(StandardCharsets.US_ASCII),
                            ("key:" + (w * 7919 % keys)).getBytes(StandardCharsets.US_ASCII), VALUE)));
                }
                KvDatabase.Save s = db.awaitBackgroundSave();
                if (r >= 0) {
                    wall[r] = f.wallNanos() / 1e6;
                    modeled[r] = f.modeledNanos() / 1e6;
                    epc[r] = s.epcPagesAtEnd() * 4096.0 / (1 << 20);
                }
            }
            return new Result(mode, keys, median(wall), median(modeled), median(epc));
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}

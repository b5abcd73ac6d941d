package io.teemate.kv.host;

import io.teemate.host.container.Mode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kv export} of a damaged snapshot (UX review: it printed ~1 MiB of the records that did authenticate and
 * used the enclave's output as a file name): it fails naming the file and the reason, releases no plaintext and
 * writes no output file.
 */
class ExportSafetyTest {
    /** In every key's name, so plaintext that leaks is found. */
    static final String MARK = "leak-marker-";

    @TempDir
    static Path dir;

    static byte[] snapshot;

    /** A database whose snapshot spans three records, so a bad last record follows two good ones. */
    @BeforeAll
    static void save() throws IOException {
        Path data = dir.resolve("db");
        try (KvDatabase db = KvDatabase.open(new KvOptions(data, Mode.SHARED, "16M", 128))) {
            java.util.Random random = new java.util.Random(1);
            List<List<byte[]>> batch = new ArrayList<>();
            for (int i = 0; i < 2600; i++) {
                byte[] value = new byte[1000];
                for (int j = 0; j < value.length; j++) {
                    value[j] = (byte) ('a' + random.nextInt(26));
                }
                batch.add(List.of(
                        "SET".getBytes(StandardCharsets.US_ASCII),
                        (MARK + i).getBytes(StandardCharsets.US_ASCII),
                        value));
            }
            db.execute(batch);
            db.save();
        }
        snapshot = Files.readAllBytes(data.resolve(KvDatabase.SNAPSHOT));
        assertThat(snapshot.length).as("more than two records").isGreaterThan(2 * (1 << 20));
    }

    private static Path damaged(String name, byte[] bytes) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        try (Stream<Path> files = Files.list(dir.resolve("db"))) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals(KvDatabase.SNAPSHOT)) {
                    Files.copy(f, d.resolve(f.getFileName()));
                }
            }
        }
        Path file = d.resolve(KvDatabase.SNAPSHOT);
        Files.write(file, bytes);
        return file;
    }

    private static void refused(Path file, String reason) throws IOException {
        Path out = dir.resolve("out-" + file.getParent().getFileName()).resolve("dump.rdb");
        Files.createDirectories(out.getParent());
        Throwable t = null;
        try {
            KvDatabase.export(file, out);
        } catch (IOException | RuntimeException e) {
            t = e;
        }
        assertThat(t).as("the export fails").isNotNull();
        String message = String.valueOf(t.getMessage());
        assertThat(t).as(message).isInstanceOf(KvException.class);
        assertThat(message)
                .contains(file.toString())
                .contains(reason)
                .doesNotContain(MARK)
                .doesNotContain("REDIS");
        assertThat(message.length()).as("a message, not data").isLessThan(1000);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files.toList()).as("no output file, no temporary file").isEmpty();
        }
    }

    @Test
    void aSnapshotWithOneFlippedByteNearTheEndIsRefusedWithoutPlaintext() throws IOException {
        byte[] bytes = snapshot.clone();
        bytes[bytes.length - 20] ^= 1;
        refused(damaged("flipped", bytes), "fails authentication");
    }

    @Test
    void aTruncatedSnapshotIsRefusedWithoutPlaintext() throws IOException {
        refused(damaged("truncated", Arrays.copyOf(snapshot, snapshot.length - 30)), "cut short");
    }

    @Test
    void aSnapshotCutAtARecordBoundaryIsRefusedWithoutPlaintext() throws IOException {
        int keyLen = ByteBuffer.wrap(snapshot, 12, 4).getInt();
        int first = 16 + keyLen;
        int end = first + 5 + ByteBuffer.wrap(snapshot, first + 1, 4).getInt();
        refused(damaged("boundary", Arrays.copyOf(snapshot, end)), "cut short");
    }
}

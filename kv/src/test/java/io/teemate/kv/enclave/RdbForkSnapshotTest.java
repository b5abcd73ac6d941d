package io.teemate.kv.enclave;

import io.teemate.enclave.memory.CowSpace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy-on-write BGSAVE: an RDB written from a fork holds the dataset at the fork, whatever the parent does. */
class RdbForkSnapshotTest {
    /** Collects the file and, every time the writer hands it bytes, runs one round of parent writes. */
    private static final class ParentWritesDuringSave extends OutputStream {
        final ByteArrayOutputStream file = new ByteArrayOutputStream();
        final KvRig parent;
        int calls;
        int largestWrite;

        ParentWritesDuringSave(KvRig parent) {
            this.parent = parent;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            file.write(b, off, len);
            largestWrite = Math.max(largestWrite, len);
            int round = calls++;
            parent.run("SET", "str:" + round, "changed during save " + round);
            parent.run("DEL", "str:" + (round + 500), "hash:" + (round * 10));
            parent.run("RPUSH", "list:" + (round * 10 % 3000), "pushed");
            parent.run("SADD", "set:" + (round * 10 % 3000), "added");
            parent.run("HSET", "hash:" + (round * 10 + 100), "a", "changed");
            parent.run("PEXPIRE", "str:" + (round + 1000), "1");
            for (int i = 0; i < 50; i++) {
                parent.run("SET", "new:" + round + ":" + i, "x".repeat(100));
            }
        }
    }

    private static void fill(KvRig kv, int keys) {
        for (int i = 0; i < keys; i++) {
            kv.run("SET", "str:" + i, "value-" + i + "-" + "y".repeat(i % 200));
            if (i % 10 == 0) {
                kv.run("HSET", "hash:" + i, "a", "1", "b", Integer.toString(i));
                kv.run("RPUSH", "list:" + i, "p", "q", Integer.toString(i));
                kv.run("SADD", "set:" + i, "m1", "m2", Integer.toString(i));
            }
            if (i % 7 == 0) {
                kv.run("PEXPIRE", "str:" + i, Integer.toString(3_600_000 + i));
            }
        }
    }

    @Test
    void theFileHoldsTheDatasetAtTheForkWhileTheParentKeepsWriting() throws IOException {
        KvRig parent = new KvRig(8192, 64L << 20);
        fill(parent, 3000);
        Map<String, Object> atFork = Dump.of(parent.ks);
        Map<String, Long> deadlinesAtFork = RdbTestData.expiries(parent.ks);

        CowSpace child = parent.space.fork();
        Keyspace snapshot = Keyspace.attach(child, () -> parent.now);
        ParentWritesDuringSave out = new ParentWritesDuringSave(parent);
        long written = RdbWriter.write(snapshot, out);
        child.close();

        // The save really was interleaved with the parent's writes, in bounded pieces.
        assertThat(out.calls).isGreaterThan(3);
        assertThat(out.largestWrite).isLessThanOrEqualTo(RdbWriter.BUFFER);
        assertThat(Dump.of(parent.ks)).isNotEqualTo(atFork);
        assertThat(parent.ks.find("new:0:0".getBytes())).isNotZero();

        assertThat(written).isEqualTo(atFork.size());
        KvRig loaded = new KvRig(8192, 64L << 20);
        loaded.now = parent.now;
        RdbReader.read(new ByteArrayInputStream(out.file.toByteArray()), loaded.ks);
        assertThat(Dump.of(loaded.ks)).isEqualTo(atFork);
        assertThat(RdbTestData.expiries(loaded.ks)).isEqualTo(deadlinesAtFork);
    }

    @Test
    void aChildThreadSavesWhileTheParentThreadWrites() throws Exception {
        KvRig parent = new KvRig(8192, 64L << 20);
        fill(parent, 2000);
        Map<String, Object> atFork = Dump.of(parent.ks);
        CowSpace child = parent.space.fork();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Throwable[] failed = new Throwable[1];
        Thread bgsave = new Thread(() -> {
            try {
                RdbWriter.write(Keyspace.attach(child, () -> parent.now), file);
            } catch (Throwable t) {
                failed[0] = t;
            }
        });
        bgsave.start();
        for (int i = 0; i < 2000; i++) {
            parent.run("SET", "str:" + i, "parent-" + i);
            if (i % 10 == 0) {
                parent.run("DEL", "list:" + i);
            }
        }
        bgsave.join();
        child.close();
        assertThat(failed[0]).isNull();
        KvRig loaded = new KvRig(8192, 64L << 20);
        loaded.now = parent.now;
        RdbReader.read(new ByteArrayInputStream(file.toByteArray()), loaded.ks);
        assertThat(Dump.of(loaded.ks)).isEqualTo(atFork);
    }
}

package io.teemate.kv.enclave;

import io.teemate.enclave.memory.CowSpace;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.teemate.kv.enclave.KvRig.OK;
import static io.teemate.kv.enclave.KvRig.bulk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fork of the CowSpace is a consistent snapshot of the whole dataset (the paper's copy-on-write BGSAVE). */
class ForkSnapshotTest {
    final KvRig kv = new KvRig(8192, 64L << 20);

    private void fill(int keys) {
        for (int i = 0; i < keys; i++) {
            kv.run("SET", "str:" + i, "value-" + i + "-" + "x".repeat(i % 50));
            if (i % 10 == 0) {
                kv.run("HSET", "hash:" + i, "a", "1", "b", Integer.toString(i));
                kv.run("RPUSH", "list:" + i, "p", "q", Integer.toString(i));
                kv.run("SADD", "set:" + i, "m1", "m2", Integer.toString(i));
            }
        }
    }

    @Test
    void theForkReadsTheDatasetAtTheForkWhileTheParentWrites() {
        fill(3000);
        kv.run("SET", "dies", "soon", "PX", "100");
        Map<String, Object> atFork = Dump.of(kv.ks);
        CowSpace child = kv.space.fork();
        Keyspace snapshot = Keyspace.attach(child, () -> kv.now);

        // The parent keeps serving writes of every kind.
        assertThat(kv.run("SET", "str:1", "changed")).isEqualTo(OK);
        kv.run("DEL", "str:2", "hash:10");
        kv.run("HSET", "hash:20", "a", "changed", "new", "field");
        kv.run("LPOP", "list:30");
        kv.run("SADD", "set:40", "added");
        kv.run("APPEND", "str:5", "-more");
        kv.run("SET", "brand-new", "key");
        kv.run("RENAME", "str:7", "str:7-renamed");
        for (int i = 0; i < 200; i++) {
            kv.run("SET", "grow:" + i, "forces the top-level table to rehash");
        }

        assertThat(Dump.of(snapshot)).isEqualTo(atFork);
        assertThat(kv.run("GET", "str:1")).isEqualTo(bulk("changed"));
        assertThat(Dump.of(kv.ks)).isNotEqualTo(atFork);
        kv.cmd("FLUSHDB");
        assertThat(Dump.of(snapshot)).isEqualTo(atFork); // even a flush of the parent leaves the snapshot
        assertThat(snapshot.size()).isEqualTo(atFork.size());

        // The snapshot hides keys that expire but cannot delete them: it is read-only.
        kv.now += 1000;
        assertThat(snapshot.find("dies".getBytes())).isZero();
        assertThat(snapshot.size()).isEqualTo(atFork.size());
        assertThatThrownBy(() -> snapshot.delete("str:3".getBytes()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only");
        child.close();
    }

    @Test
    void copiedPagesFollowTheTouchedPagesNotTheDataset() {
        fill(20_000);
        int datasetPages = kv.space.privatePages();
        assertThat(datasetPages).isGreaterThan(300);
        CowSpace child = kv.space.fork();
        long before = kv.space.pagesCopied();
        assertThat(before).isZero();
        for (int i = 0; i < 10; i++) {
            kv.run("SET", "str:" + (i * 1000), "overwritten");
        }
        long copied = kv.space.pagesCopied() - before;
        assertThat(copied).isPositive().isLessThanOrEqualTo(60); // a handful per write, not the ~dataset
        assertThat(copied).isLessThan(datasetPages / 10);
        assertThat(child.sharedPages()).isGreaterThan(datasetPages - 100);
        Keyspace snap = Keyspace.attach(child, () -> kv.now);
        assertThat(Dump.value(snap, snap.find("str:1000".getBytes()))).isEqualTo("value-1000-" + "x".repeat(0));
        child.close();
        assertThat(kv.run("GET", "str:1000")).isEqualTo(bulk("overwritten"));
    }

    @Test
    void aChildThreadReadsTheForkWhileTheParentThreadWrites() throws Exception {
        fill(2000);
        Map<String, Object> atFork = Dump.of(kv.ks);
        CowSpace child = kv.space.fork();
        java.util.concurrent.atomic.AtomicReference<Map<String, Object>> read =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Thread bgsave = new Thread(() -> {
            started.countDown();
            read.set(Dump.of(Keyspace.attach(child, () -> kv.now)));
        });
        bgsave.start();
        started.await();
        for (int i = 0; i < 2000; i++) {
            kv.run("SET", "str:" + i, "parent-" + i);
            if (i % 10 == 0) {
                kv.run("HSET", "hash:" + i, "a", "changed");
                kv.run("DEL", "list:" + i);
            }
        }
        bgsave.join();
        assertThat(read.get()).isEqualTo(atFork);
        assertThat(kv.run("GET", "str:1999")).isEqualTo(bulk("parent-1999"));
        child.close();
    }

    @Test
    void attachRefusesASpaceWithoutAKeyspace() {
        CowSpace empty = new CowSpace(kv.heap, 1 << 20);
        assertThatThrownBy(() -> Keyspace.attach(empty, () -> 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no keyspace");
        assertThatThrownBy(() -> Keyspace.create(kv.space, () -> 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not empty");
    }

    @Test
    void openGivesAWritableViewOfTheSameBytes() {
        fill(100);
        Keyspace again = Keyspace.open(kv.space, () -> kv.now);
        assertThat(Dump.of(again)).isEqualTo(Dump.of(kv.ks));
    }
}

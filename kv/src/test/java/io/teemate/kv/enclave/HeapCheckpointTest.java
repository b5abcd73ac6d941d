package io.teemate.kv.enclave;

import io.teemate.enclave.memory.CowSpace;
import io.teemate.enclave.memory.EnclavePageAllocator;
import io.teemate.enclave.memory.FakeEnclaveMemory;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conventional fork's sealed page copy: the child's space reads as the parent's; records are checked. */
class HeapCheckpointTest {
    private static final UnaryOperator<byte[]> SEAL = b -> {
        byte[] out = Arrays.copyOf(b, b.length + 1);
        out[b.length] = 42;
        return out;
    };
    private static final UnaryOperator<byte[]> UNSEAL =
            b -> b.length > 0 && b[b.length - 1] == 42 ? Arrays.copyOf(b, b.length - 1) : null;

    /** The child's space in an enclave heap of its own. */
    private static CowSpace space(long sizeBytes) {
        int pages = 4096;
        EnclavePageAllocator heap =
                new EnclavePageAllocator(new FakeEnclaveMemory(KvRig.BASE, pages), KvRig.BASE, pages, pages, null);
        return new CowSpace(heap, sizeBytes);
    }

    private static List<byte[]> checkpoint(CowSpace parent) {
        List<byte[]> records = new ArrayList<>();
        HeapCheckpoint.write(parent, SEAL, records::add, new SecureRandom());
        return records;
    }

    @Test
    void aRestoredKeyspaceReadsExactlyAsTheParents() throws Exception {
        KvRig rig = new KvRig();
        for (int i = 0; i < 20_000; i++) {
            rig.run("SET", "k" + i, "v" + i);
        }
        rig.run("RPUSH", "list", "a", "b");
        List<byte[]> records = checkpoint(rig.space);
        assertThat(records.size()).as("several records").isGreaterThan(1);
        HeapCheckpoint.Restore restore = new HeapCheckpoint.Restore(UNSEAL, HeapCheckpointTest::space);
        for (int i = 0; i < records.size(); i++) {
            assertThat(restore.accept(records.get(i))).isEqualTo(i == records.size() - 1);
        }
        CowSpace child = restore.take();
        assertThat(child.backedPages()).isEqualTo(rig.space.backedPages());
        CommandEngine engine = new CommandEngine(Keyspace.open(child, () -> rig.now), 1);
        assertThat(new String(engine.execute(List.of("GET".getBytes(), "k4321".getBytes()))))
                .isEqualTo("$5\r\nv4321\r\n");
        assertThat(new String(engine.execute(
                        List.of("LRANGE".getBytes(), "list".getBytes(), "0".getBytes(), "-1".getBytes()))))
                .isEqualTo("*2\r\n$1\r\na\r\n$1\r\nb\r\n");
        assertThat(new String(engine.execute(List.of("DBSIZE".getBytes())))).isEqualTo(":20001\r\n");
    }

    @Test
    void recordsOutOfOrderForeignOrMixedAreRefused() throws Exception {
        KvRig rig = new KvRig();
        for (int i = 0; i < 20_000; i++) {
            rig.run("SET", "k" + i, "v" + i);
        }
        List<byte[]> a = checkpoint(rig.space);
        List<byte[]> b = checkpoint(rig.space);
        HeapCheckpoint.Restore skipped = new HeapCheckpoint.Restore(UNSEAL, HeapCheckpointTest::space);
        assertThatThrownBy(() -> skipped.accept(a.get(1))).hasMessageContaining("arrived where record 0 was due");
        HeapCheckpoint.Restore mixed = new HeapCheckpoint.Restore(UNSEAL, HeapCheckpointTest::space);
        mixed.accept(a.get(0));
        assertThatThrownBy(() -> mixed.accept(b.get(1))).hasMessageContaining("another checkpoint");
        HeapCheckpoint.Restore foreign = new HeapCheckpoint.Restore(b2 -> null, HeapCheckpointTest::space);
        assertThatThrownBy(() -> foreign.accept(a.get(0))).hasMessageContaining("not sealed by this container");
        HeapCheckpoint.Restore partial = new HeapCheckpoint.Restore(UNSEAL, HeapCheckpointTest::space);
        partial.accept(a.get(0));
        assertThatThrownBy(partial::take).hasMessageContaining("incomplete");
        partial.close();
    }
}

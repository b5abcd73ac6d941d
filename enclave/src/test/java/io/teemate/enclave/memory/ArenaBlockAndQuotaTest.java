package io.teemate.enclave.memory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A block's bytes are reached only through its checked address, which fails once the block or its arena is gone;
 * a container's quota is charged for every page its arena and its copy-on-write spaces take.
 */
class ArenaBlockAndQuotaTest {
    private static final long HEAP = 0x2000_0000L;
    private static final int PAGE = EnclaveMemory.PAGE_SIZE;

    private final FakeEnclaveMemory memory = new FakeEnclaveMemory(HEAP, 64);
    private final EnclavePageAllocator heap = new EnclavePageAllocator(memory, HEAP, 64, 64, null);

    @Test
    void aBlockIsReachableOnlyWhileItAndItsArenaLive() {
        Arena arena = new Arena(heap);
        Arena.Block b = arena.allocateBlock(2 * PAGE);
        long at = b.address(PAGE + 8);
        assertThat(at).isEqualTo(b.address(0) + PAGE + 8);
        assertThatThrownBy(() -> b.address(2 * PAGE)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.address(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> arena.free(b.address(0)))
                .as("a block is freed as a block")
                .hasMessageContaining("as a block");

        Arena.Block other = arena.allocateBlock(PAGE);
        arena.free(other);
        assertThatThrownBy(() -> other.address(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("freed");
        assertThatThrownBy(() -> arena.free(other)).hasMessageContaining("not a live block");

        arena.destroy(); // the container left: its pages may go to anyone next
        Arena next = new Arena(heap);
        next.allocate(2 * PAGE);
        assertThat(b.live()).isFalse();
        assertThatThrownBy(() -> b.address(8))
                .as("no access through a block of a destroyed arena")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aQuotaRefusesPastItsLimitBeforeTheHeapIsTouchedAndCreditsFrees() {
        PageQuota quota = new PageQuota(heap, 4, "container t");
        Arena arena = new Arena(quota);
        long a = arena.allocate(3 * PAGE);
        assertThat(quota.pagesCharged()).isEqualTo(3);
        int inUse = heap.pagesInUse();
        assertThatThrownBy(() -> arena.allocate(2 * PAGE))
                .isInstanceOf(ContainerMemoryLimitException.class)
                .isInstanceOf(EnclaveOutOfMemoryException.class)
                .hasMessageContaining("container t")
                .hasMessageContaining("limit of 4 pages");
        assertThat(heap.pagesInUse()).as("nothing was taken from the heap").isEqualTo(inUse);
        assertThat(quota.pagesCharged()).isEqualTo(3);
        arena.free(a);
        assertThat(quota.pagesCharged()).isZero();

        CowSpace space = new CowSpace(quota, 8L * PAGE);
        space.write(0, new byte[4 * PAGE], 0, 4 * PAGE);
        assertThat(quota.pagesCharged()).isEqualTo(4);
        assertThatThrownBy(() -> space.write(4L * PAGE, new byte[] {1}, 0, 1))
                .isInstanceOf(ContainerMemoryLimitException.class);
        CowSpace child = space.fork();
        assertThat(quota.pagesCharged()).as("a fork copies no page").isEqualTo(4);
        child.close();
        space.close();
        assertThat(quota.pagesCharged()).isZero();
        assertThat(heap.pagesInUse()).isZero();
    }
}

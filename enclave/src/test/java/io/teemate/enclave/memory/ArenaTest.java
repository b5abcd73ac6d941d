package io.teemate.enclave.memory;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArenaTest {
    private static final long HEAP = 0x2000_0000L;
    private static final int PAGE = EnclaveMemory.PAGE_SIZE;

    private final FakeEnclaveMemory memory = new FakeEnclaveMemory(HEAP, 32);
    private final EnclavePageAllocator heap = new EnclavePageAllocator(memory, HEAP, 32, 32, null);
    private final Arena arena = new Arena(heap);

    @Test
    void smallAllocationsAreAlignedZeroedAndShareAPage() {
        Set<Long> seen = new HashSet<>();
        for (int size = 1; size <= 40; size++) {
            long a = arena.allocate(size);
            assertThat(a % Arena.ALIGNMENT).isZero();
            assertThat(memory.peek(a, size)).containsOnly(0);
            assertThat(seen.add(a)).isTrue();
            assertThat(arena.sizeOf(a)).isEqualTo(size);
        }
        assertThat(arena.bytesInUse()).isEqualTo(40 * 41 / 2);
        assertThat(arena.allocations()).isEqualTo(40);
        assertThat(arena.pages()).as("classes 8, 16, 24, 32, 48: one page each").isEqualTo(5);
        assertThat(heap.pagesInUse()).isEqualTo(5);
    }

    @Test
    void largeAllocationsGetContiguousPages() {
        long a = arena.allocate(3 * PAGE + 1);
        assertThat(a % PAGE).isZero();
        assertThat(arena.pages()).isEqualTo(4);
        byte[] data = new byte[3 * PAGE + 1];
        Arrays.fill(data, (byte) 0x3C);
        memory.write(a, data, 0, data.length);
        assertThat(memory.peek(a, data.length)).isEqualTo(data);
        long b = arena.allocate(Arena.MAX_SMALL + 1);
        assertThat(arena.pages()).isEqualTo(5);
        arena.free(a);
        assertThat(arena.pages()).isEqualTo(1);
        assertThat(memory.pageIsZero(a)).isTrue();
        assertThat(arena.bytesInUse()).isEqualTo(Arena.MAX_SMALL + 1);
        arena.free(b);
        assertThat(heap.pagesInUse()).isZero();
    }

    @Test
    void aFreedSlotIsZeroedAndItsPageGoesBackWhenItsLastSlotIsFreed() {
        long a = arena.allocate(100);
        long b = arena.allocate(100);
        memory.write(a, new byte[] {1, 2, 3}, 0, 3);
        arena.free(a);
        assertThat(memory.peek(a, 128)).containsOnly(0);
        assertThat(arena.pages()).isEqualTo(1);
        assertThat(arena.allocate(120)).as("the freed slot is reused").isEqualTo(a);
        arena.free(a);
        arena.free(b);
        assertThat(arena.pages()).isZero();
        assertThat(heap.pagesInUse()).isZero();
        assertThat(arena.bytesInUse()).isZero();
    }

    @Test
    void freeNamesTheAddressOfADoubleFreeOrAForeignPointer() {
        long a = arena.allocate(64);
        long big = arena.allocate(2 * PAGE);
        arena.allocate(64);
        assertThatThrownBy(() -> arena.free(a + 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x" + Long.toHexString(a + 8))
                .hasMessageContaining("not the start");
        arena.free(a);
        assertThatThrownBy(() -> arena.free(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x" + Long.toHexString(a))
                .hasMessageContaining("double free");
        assertThatThrownBy(() -> arena.free(big + PAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x" + Long.toHexString(big + PAGE));
        Arena other = new Arena(heap);
        long foreign = other.allocate(64);
        assertThatThrownBy(() -> arena.free(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never returned");
        assertThatThrownBy(() -> arena.sizeOf(a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> arena.allocate(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 byte");
        assertThat(other.sizeOf(foreign)).isEqualTo(64);
    }

    @Test
    void destroyReturnsEveryPageZeroedSoTheNextContainerSeesNothing() {
        long a = arena.allocate(500);
        long b = arena.allocate(5 * PAGE);
        byte[] secret = new byte[500];
        Arrays.fill(secret, (byte) 0x77);
        memory.write(a, secret, 0, secret.length);
        memory.write(b + 4 * PAGE, secret, 0, secret.length);
        arena.destroy();
        assertThat(heap.pagesInUse()).isZero();
        assertThat(memory.allZero()).isTrue();
        assertThatThrownBy(() -> arena.allocate(8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destroyed");
        arena.destroy();

        Arena next = new Arena(heap);
        long c = next.allocate(5 * PAGE);
        assertThat(memory.peek(c, 5 * PAGE)).containsOnly(0);
    }

    @Test
    void runningOutOfHeapIsAnOutOfMemoryErrorThatChangesNothing() {
        arena.allocate(30 * PAGE);
        long before = arena.bytesInUse();
        assertThatThrownBy(() -> arena.allocate(3 * PAGE)).isInstanceOf(EnclaveOutOfMemoryException.class);
        assertThat(arena.bytesInUse()).isEqualTo(before);
        assertThat(arena.pages()).isEqualTo(30);
        arena.allocate(2 * PAGE);
        assertThatThrownBy(() -> arena.allocate(8)).isInstanceOf(EnclaveOutOfMemoryException.class);
    }

    @Test
    void ownsExactlyThePagesItHoldsNow() {
        Arena other = new Arena(heap);
        long small = arena.allocate(16);
        long big = arena.allocate(3 * PAGE);
        long foreign = other.allocate(16);
        assertThat(arena.owns(small, 16)).isTrue();
        assertThat(arena.owns(big, 3 * PAGE)).isTrue();
        assertThat(arena.owns(big + 3 * PAGE - 8, 8)).isTrue();
        assertThat(arena.owns(big + 3 * PAGE - 8, 16))
                .as("runs past the large run")
                .isFalse();
        assertThat(arena.owns(foreign, 8)).isFalse();
        assertThat(other.owns(small, 8)).isFalse();
        arena.free(big);
        assertThat(arena.owns(big, 8))
                .as("freed pages are not the arena's any more")
                .isFalse();
        assertThat(arena.owns(small, -1)).isFalse();
    }
}

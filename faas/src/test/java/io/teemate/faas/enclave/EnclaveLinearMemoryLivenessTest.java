package io.teemate.faas.enclave;

import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.EnclavePageAllocator;
import io.teemate.enclave.memory.FakeEnclaveMemory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defence in depth for the red-team review's finding 1: once the container's arena is destroyed, no access of a
 * linear memory made from it reaches an enclave page, even though its own bounds still say the page is there.
 * Before the fix the memory kept raw page addresses and read the next owner's bytes.
 */
class EnclaveLinearMemoryLivenessTest {
    private static final long BASE = 0x7000_0000_0000L;

    @Test
    void noAccessReachesAPageAfterTheArenaIsDestroyed() {
        FakeEnclaveMemory pages = new FakeEnclaveMemory(BASE, 32); // two Wasm pages
        EnclavePageAllocator heap = new EnclavePageAllocator(pages, BASE, 32, 32, null);
        Arena containerA = new Arena(heap);
        EnclaveLinearMemory m = new EnclaveLinearMemory(containerA, new MemoryLimits(1, 1), 1, n -> {});
        m.writeLong(0, 1);
        containerA.destroy(); // a DETACH while A's instance could still run

        Arena containerB = new Arena(heap);
        long secret = containerB.allocate(64 * 1024);
        pages.writeLong(secret, 0x5EC2E75EC2E7L);
        assertThat(secret).as("B got the page A's memory pointed at").isEqualTo(BASE);

        assertThatThrownBy(() -> m.readLong(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> m.writeLong(8, -1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> m.readBytes(0, 16)).isInstanceOf(IllegalStateException.class);
        assertThat(pages.readLong(secret)).isEqualTo(0x5EC2E75EC2E7L);
        assertThat(pages.readLong(secret + 8)).isZero();
    }
}

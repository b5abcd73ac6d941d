package io.teemate.faas.enclave;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.EnclavePageAllocator;
import io.teemate.enclave.memory.FakeEnclaveMemory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Linear memory in (stand-in) enclave pages behaves like Chicory's own memory, and never reaches past itself. */
class EnclaveLinearMemoryTest {
    private static final long BASE = 0x7000_0000_0000L;
    private final FakeEnclaveMemory pages = new FakeEnclaveMemory(BASE, 256); // 1 MiB = 16 Wasm pages
    private final Arena heap = new Arena(new EnclavePageAllocator(pages, BASE, 256, 256, null));
    private final AtomicInteger livePages = new AtomicInteger();

    private EnclaveLinearMemory memory(int initial, int max, int allowed) {
        return new EnclaveLinearMemory(heap, new MemoryLimits(initial, max), allowed, livePages::addAndGet);
    }

    @Test
    void eachWasmPageIsSixteenEnclavePagesOfTheContainersHeapAndAllGoBackWhenFreed() {
        EnclaveLinearMemory m = memory(2, 10, 10);
        assertThat(heap.pages()).isEqualTo(32);
        assertThat(m.enclavePages()).isEqualTo(32);
        assertThat(m.grow(3)).isEqualTo(2);
        assertThat(heap.pages()).isEqualTo(80);
        assertThat(livePages.get()).isEqualTo(5);
        m.writeLong(5 * Memory.PAGE_SIZE - 8, 0x5EC2E7L);
        m.free();
        assertThat(heap.pages()).isZero();
        assertThat(livePages.get()).isZero();
        EnclaveLinearMemory next = memory(5, 5, 5);
        assertThat(next.readBytes(0, 5 * Memory.PAGE_SIZE))
                .as("freed pages come back zeroed")
                .containsOnly(0);
    }

    @Test
    void growStopsAtTheLesserOfTheModulesMaximumAndTheLimitAndWhenTheHeapIsFull() {
        EnclaveLinearMemory m = memory(1, 8, 4);
        assertThat(m.maximumPages()).isEqualTo(4);
        assertThat(m.grow(4)).as("1 + 4 > 4").isEqualTo(-1);
        assertThat(m.grow(3)).isEqualTo(1);
        assertThat(m.grow(1)).isEqualTo(-1);
        assertThat(m.pages()).isEqualTo(4);
        EnclaveLinearMemory other = memory(1, 100, 100);
        assertThat(other.grow(12))
                .as("16 Wasm pages of heap: 4 + 1 used, 12 do not fit")
                .isEqualTo(-1);
        assertThat(other.pages()).as("a failed grow adds nothing").isEqualTo(1);
        assertThat(other.grow(11)).isEqualTo(1);
    }

    @Test
    void aModuleThatStartsAboveItsLimitIsRefused() {
        assertThatThrownBy(() -> memory(5, 10, 4))
                .isInstanceOf(WasmMemoryLimitException.class)
                .hasMessageContaining("starts at 5 Wasm pages")
                .hasMessageContaining("limit of 4");
        assertThatThrownBy(() -> memory(17, 17, 100))
                .isInstanceOf(WasmMemoryLimitException.class)
                .hasMessageContaining("enclave heap has no room");
        assertThat(heap.pages()).as("nothing left allocated").isZero();
    }

    @Test
    void noAddressOutsideTheMemoryReachesAnEnclavePage() {
        EnclaveLinearMemory mine = memory(1, 1, 1);
        EnclaveLinearMemory neighbour = memory(1, 1, 1);
        neighbour.writeLong(0, 0x5EC2E7L);
        for (int addr : new int[] {
            Memory.PAGE_SIZE, Memory.PAGE_SIZE - 7, 2 * Memory.PAGE_SIZE, -1, Integer.MIN_VALUE, Integer.MAX_VALUE - 3
        }) {
            assertThatThrownBy(() -> mine.readLong(addr))
                    .isInstanceOf(WasmRuntimeException.class)
                    .hasMessageContaining("out of bounds memory access");
            assertThatThrownBy(() -> mine.readBytes(addr, 16)).isInstanceOf(WasmRuntimeException.class);
            assertThatThrownBy(() -> mine.writeLong(addr, 1)).isInstanceOf(WasmRuntimeException.class);
        }
        assertThatThrownBy(() -> mine.copy(0, Memory.PAGE_SIZE - 8, 16)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> mine.fill((byte) 1, 10, Memory.PAGE_SIZE + 1))
                .isInstanceOf(WasmRuntimeException.class);
        assertThat(neighbour.readLong(0)).isEqualTo(0x5EC2E7L);
    }

    /** One access: kind 0..5 = byte, short, int, long, bytes, fill; address near page boundaries often. */
    record Op(int kind, int address, long value, int length) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> near = Arbitraries.integers()
                .between(-9, 9)
                .flatMap(d -> Arbitraries.integers().between(1, 3).map(p -> p * Memory.PAGE_SIZE + d));
        Arbitrary<Integer> address =
                Arbitraries.oneOf(near, Arbitraries.integers().between(-16, 4 * Memory.PAGE_SIZE + 16));
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        address,
                        Arbitraries.longs(),
                        Arbitraries.integers().between(0, 300))
                .as(Op::new);
        return op.list().ofMaxSize(60);
    }

    @Property(tries = 200)
    void behavesLikeChicorysOwnMemory(@ForAll("ops") List<Op> ops) {
        MemoryLimits limits = new MemoryLimits(2, 4);
        EnclaveLinearMemory enclave = new EnclaveLinearMemory(heap, limits, 4, n -> {});
        Memory reference = new ByteArrayMemory(limits);
        try {
            for (Op op : ops) {
                if (op.kind() == 5 && op.length() % 7 == 0) {
                    assertThat(enclave.grow(1)).isEqualTo(reference.grow(1));
                    continue;
                }
                Object expected = apply(reference, op);
                Object actual = apply(enclave, op);
                assertThat(actual).as(op.toString()).isEqualTo(expected);
            }
            assertThat(enclave.pages()).isEqualTo(reference.pages());
            assertThat(enclave.readBytes(0, enclave.pages() * Memory.PAGE_SIZE))
                    .isEqualTo(reference.readBytes(0, reference.pages() * Memory.PAGE_SIZE));
        } finally {
            enclave.free();
        }
    }

    /** Applies {@code op}; returns what it read, or the exception class if it trapped. */
    private static Object apply(Memory m, Op op) {
        try {
            int a = op.address();
            long v = op.value();
            switch (op.kind()) {
                case 0 -> {
                    m.writeByte(a, (byte) v);
                    return m.read(a);
                }
                case 1 -> {
                    m.writeShort(a, (short) v);
                    return m.readU16(a);
                }
                case 2 -> {
                    m.writeI32(a, (int) v);
                    return m.readInt(a);
                }
                case 3 -> {
                    m.writeLong(a, v);
                    return m.readDouble(a) + ":" + m.readLong(a);
                }
                case 4 -> {
                    byte[] data = new byte[op.length()];
                    java.util.Arrays.fill(data, (byte) v);
                    m.write(a, data);
                    return java.util.HexFormat.of().formatHex(m.readBytes(a, op.length()));
                }
                default -> {
                    m.fill((byte) v, a, a + op.length());
                    return m.readU8(a);
                }
            }
        } catch (WasmRuntimeException e) {
            return WasmRuntimeException.class;
        }
    }
}

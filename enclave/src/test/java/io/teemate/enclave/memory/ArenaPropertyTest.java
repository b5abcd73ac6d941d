package io.teemate.enclave.memory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arena against a model of its live allocations: addresses aligned and inside the heap, no two live allocations
 * overlap, every allocation starts zeroed and keeps what was written to it, the byte count adds up, and the
 * arena holds no page that no live allocation needs (frees return pages).
 */
class ArenaPropertyTest {
    private static final int PAGE = EnclaveMemory.PAGE_SIZE;
    private static final long HEAP = 0x3_0000_0000L;
    private static final int HEAP_PAGES = 48;

    sealed interface Op permits Allocate, Free, Fill {}

    record Allocate(int size) implements Op {}

    record Free(int which) implements Op {}

    record Fill(int which, byte value) implements Op {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(1, 64)),
                Tuple.of(3, Arbitraries.integers().between(65, Arena.MAX_SMALL)),
                Tuple.of(1, Arbitraries.integers().between(Arena.MAX_SMALL + 1, 3 * PAGE + 17)));
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 1000);
        Arbitrary<Op> allocate = size.map(Allocate::new);
        Arbitrary<Op> free = which.map(Free::new);
        Arbitrary<Op> fill = Combinators.combine(which, Arbitraries.bytes()).as(Fill::new);
        return Arbitraries.frequencyOf(Tuple.of(5, allocate), Tuple.of(3, free), Tuple.of(2, fill))
                .list()
                .ofMinSize(1)
                .ofMaxSize(120);
    }

    private record Live(long address, int size, byte[] content) {}

    @Property(tries = 300)
    void liveAllocationsNeverOverlapAndKeepTheirBytes(@ForAll("ops") List<Op> ops) {
        FakeEnclaveMemory memory = new FakeEnclaveMemory(HEAP, HEAP_PAGES);
        EnclavePageAllocator heap = new EnclavePageAllocator(memory, HEAP, HEAP_PAGES, HEAP_PAGES, null);
        Arena arena = new Arena(heap);
        List<Live> live = new ArrayList<>();

        for (Op op : ops) {
            switch (op) {
                case Allocate a -> {
                    long bytes = arena.bytesInUse();
                    int pages = arena.pages();
                    long address;
                    try {
                        address = arena.allocate(a.size());
                    } catch (EnclaveOutOfMemoryException full) {
                        assertThat(arena.bytesInUse()).isEqualTo(bytes);
                        assertThat(arena.pages()).isEqualTo(pages);
                        continue;
                    }
                    assertThat(address % Arena.ALIGNMENT).isZero();
                    assertThat(address).isGreaterThanOrEqualTo(HEAP);
                    assertThat(address + a.size()).isLessThanOrEqualTo(HEAP + (long) HEAP_PAGES * PAGE);
                    assertThat(memory.peek(address, a.size()))
                            .as("a new allocation is zeroed")
                            .containsOnly(0);
                    for (Live other : live) {
                        boolean disjoint =
                                address + a.size() <= other.address() || other.address() + other.size() <= address;
                        assertThat(disjoint)
                                .as(
                                        "[0x%x,+%d) overlaps live [0x%x,+%d)",
                                        address, a.size(), other.address(), other.size())
                                .isTrue();
                    }
                    live.add(new Live(address, a.size(), new byte[a.size()]));
                }
                case Free f -> {
                    if (!live.isEmpty()) {
                        Live l = live.remove(Math.floorMod(f.which(), live.size()));
                        arena.free(l.address());
                    }
                }
                case Fill f -> {
                    if (!live.isEmpty()) {
                        Live l = live.get(Math.floorMod(f.which(), live.size()));
                        Arrays.fill(l.content(), f.value());
                        memory.write(l.address(), l.content(), 0, l.size());
                    }
                }
            }
            checkAccounting(arena, heap, live);
        }
        live.sort(Comparator.comparingLong(Live::address));
        for (Live l : live) {
            assertThat(memory.peek(l.address(), l.size()))
                    .as("contents of 0x%x", l.address())
                    .isEqualTo(l.content());
            assertThat(arena.sizeOf(l.address())).isEqualTo(l.size());
        }
        for (Live l : live) {
            arena.free(l.address());
        }
        assertThat(arena.pages()).isZero();
        assertThat(heap.pagesInUse()).isZero();
        assertThat(memory.allZero()).as("every freed byte was zeroed").isTrue();
    }

    private static void checkAccounting(Arena arena, EnclavePageAllocator heap, List<Live> live) {
        assertThat(arena.bytesInUse())
                .isEqualTo(live.stream().mapToLong(Live::size).sum());
        assertThat(arena.allocations()).isEqualTo(live.size());
        assertThat(heap.pagesInUse()).isEqualTo(arena.pages());
        // Every page the arena holds serves a live allocation: a slab page at least one, a large run exactly one.
        long needed = live.stream()
                .mapToLong(l -> l.size() > Arena.MAX_SMALL ? (l.size() + PAGE - 1) / PAGE : 1)
                .sum();
        assertThat(arena.pages()).isLessThanOrEqualTo((int) needed);
    }
}

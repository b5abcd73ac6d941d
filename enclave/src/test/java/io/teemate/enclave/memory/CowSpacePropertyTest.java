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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CowSpace against the plainest model there is: one byte array per view. Random writes (many across page
 * boundaries), 8-byte writes, reads, forks, frees and closes; every read and, at the end, every byte of every view
 * must match its model, and the heap must hold exactly the distinct pages the live page tables name.
 */
class CowSpacePropertyTest {
    private static final int PAGE = EnclaveMemory.PAGE_SIZE;
    private static final long HEAP = 0x10_0000_0000L;
    /** Five pages and a partial one, so the last page is only partly addressable. */
    private static final int SIZE = 5 * PAGE + 123;

    sealed interface Op permits Write, WriteLong, Read, Fork, Free, Close {}

    record Write(int view, int va, int len, byte seed) implements Op {}

    record WriteLong(int view, int va, long value) implements Op {}

    record Read(int view, int va, int len) implements Op {}

    record Fork(int view) implements Op {}

    record Free(int view, int va, int len) implements Op {}

    record Close(int view) implements Op {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> view = Arbitraries.integers().between(0, 63);
        // Addresses near page boundaries are where page-crossing bugs live; mix them with uniform ones.
        Arbitrary<Integer> nearBoundary = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(-16, 16))
                .as((p, d) -> Math.floorMod(p * PAGE + d, SIZE));
        Arbitrary<Integer> va =
                Arbitraries.oneOf(nearBoundary, Arbitraries.integers().between(0, SIZE - 1));
        Arbitrary<Integer> len = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 64),
                Arbitraries.integers().between(0, 3 * PAGE),
                Arbitraries.just(PAGE));
        Arbitrary<Op> write =
                Combinators.combine(view, va, len, Arbitraries.bytes()).as(Write::new);
        Arbitrary<Op> writeLong =
                Combinators.combine(view, va, Arbitraries.longs()).as(WriteLong::new);
        Arbitrary<Op> read = Combinators.combine(view, va, len).as(Read::new);
        Arbitrary<Op> fork = view.map(Fork::new);
        Arbitrary<Op> free = Combinators.combine(view, va, len).as(Free::new);
        Arbitrary<Op> close = view.map(Close::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(6, write),
                        Tuple.of(3, writeLong),
                        Tuple.of(4, read),
                        Tuple.of(2, fork),
                        Tuple.of(2, free),
                        Tuple.of(1, close))
                .list()
                .ofMinSize(1)
                .ofMaxSize(60);
    }

    /** A live view and its model. */
    private record View(CowSpace space, byte[] model) {}

    @Property(tries = 300)
    void everyViewReadsExactlyWhatItsModelHolds(@ForAll("ops") List<Op> ops) {
        FakeEnclaveMemory memory = new FakeEnclaveMemory(HEAP, 512);
        List<Long> accepted = new ArrayList<>();
        EnclavePageAllocator heap = new EnclavePageAllocator(memory, HEAP, 4, 512, accepted::add);
        List<View> views = new ArrayList<>();
        views.add(new View(new CowSpace(heap, SIZE), new byte[SIZE]));

        for (Op op : ops) {
            apply(op, views);
            checkHeapHoldsExactlyTheReferencedPages(heap, views);
        }
        for (View v : views) {
            assertThat(v.space().read(0, SIZE)).isEqualTo(v.model());
        }
        for (int i = 0; i < accepted.size(); i++) {
            assertThat(accepted.get(i)).as("EDMM grows the heap in order").isEqualTo(HEAP + (4L + i) * PAGE);
        }
        for (View v : views) {
            v.space().close();
        }
        assertThat(heap.pagesInUse()).isZero();
        assertThat(memory.allZero()).as("every page went back zeroed").isTrue();
    }

    private static void apply(Op op, List<View> views) {
        switch (op) {
            case Write w -> {
                View v = pick(views, w.view());
                int len = Math.min(w.len(), SIZE - w.va());
                byte[] data = new byte[len];
                for (int i = 0; i < len; i++) {
                    data[i] = (byte) (w.seed() + i * 31);
                }
                v.space().write(w.va(), data);
                System.arraycopy(data, 0, v.model(), w.va(), len);
            }
            case WriteLong w -> {
                View v = pick(views, w.view());
                int va = Math.min(w.va(), SIZE - Long.BYTES);
                v.space().writeLong(va, w.value());
                for (int i = 0; i < Long.BYTES; i++) {
                    v.model()[va + i] = (byte) (w.value() >>> (8 * i));
                }
                assertThat(v.space().readLong(va)).isEqualTo(w.value());
            }
            case Read r -> {
                View v = pick(views, r.view());
                int len = Math.min(r.len(), SIZE - r.va());
                assertThat(v.space().read(r.va(), len)).isEqualTo(Arrays.copyOfRange(v.model(), r.va(), r.va() + len));
            }
            case Fork f -> {
                View v = pick(views, f.view());
                views.add(new View(v.space().fork(), v.model().clone()));
            }
            case Free f -> {
                View v = pick(views, f.view());
                int len = Math.min(f.len(), SIZE - f.va());
                v.space().free(f.va(), len);
                Arrays.fill(v.model(), f.va(), f.va() + len, (byte) 0);
            }
            case Close c -> {
                if (views.size() > 1) {
                    View v = views.remove(Math.floorMod(c.view(), views.size()));
                    v.space().close();
                }
            }
        }
    }

    private static View pick(List<View> views, int index) {
        return views.get(Math.floorMod(index, views.size()));
    }

    private static void checkHeapHoldsExactlyTheReferencedPages(EnclavePageAllocator heap, List<View> views) {
        Set<Long> distinct = new HashSet<>();
        int references = 0;
        for (View v : views) {
            for (int vpn = 0; vpn < v.space().pageTableEntries(); vpn++) {
                long page = v.space().backingPage(vpn);
                if (page != 0) {
                    distinct.add(page);
                    references++;
                }
            }
        }
        assertThat(heap.pagesInUse())
                .as("pages in use = distinct pages the page tables name")
                .isEqualTo(distinct.size());
        int privatePages =
                views.stream().mapToInt(v -> v.space().privatePages()).sum();
        int sharedRefs = views.stream().mapToInt(v -> v.space().sharedPages()).sum();
        assertThat(privatePages + sharedRefs).isEqualTo(references);
    }
}

package io.teemate.enclave.memory;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnclavePageAllocatorTest {
    private static final long HEAP = 0x7000_0000L;
    private static final int PAGE = EnclavePageAllocator.PAGE_SIZE;

    private final FakeEnclaveMemory memory = new FakeEnclaveMemory(HEAP, 64);
    private final List<Long> accepted = new ArrayList<>();
    private final PageAccepter recordingAccepter = accepted::add;

    @Test
    void handsOutDistinctPageAlignedPagesInsideTheHeap() {
        EnclavePageAllocator a = new EnclavePageAllocator(memory, HEAP, 8, 8, null);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            long p = a.allocatePage();
            assertThat(p % PAGE).isZero();
            assertThat(p).isBetween(HEAP, HEAP + 7L * PAGE);
            assertThat(seen.add(p)).as("page 0x%x handed out twice", p).isTrue();
            assertThat(a.isAllocated(p)).isTrue();
        }
        assertThat(a.pagesInUse()).isEqualTo(8);
        assertThat(a.pagesCommitted()).isEqualTo(8);
        assertThat(a.growable()).isFalse();
    }

    @Test
    void anSgx1HeapRunsOutWithAMessageNamingTheSizes() {
        EnclavePageAllocator a = new EnclavePageAllocator(memory, HEAP, 4, 4, null);
        for (int i = 0; i < 4; i++) {
            a.allocatePage();
        }
        assertThatThrownBy(a::allocatePage)
                .isInstanceOf(EnclaveOutOfMemoryException.class)
                .hasMessageContaining("4 of 4 pages (16 KiB) in use")
                .hasMessageContaining("without EDMM");
        assertThat(a.pagesInUse()).isEqualTo(4);
    }

    @Test
    void anEdmmHeapGrowsAtTheTopOnePageAtATimeThenStopsAtItsMaximum() {
        EnclavePageAllocator a = new EnclavePageAllocator(memory, HEAP, 2, 5, recordingAccepter);
        assertThat(a.growable()).isTrue();
        a.allocatePage();
        a.allocatePage();
        assertThat(accepted).as("the EADDed pages need no EACCEPT").isEmpty();
        long third = a.allocatePage();
        assertThat(third).isEqualTo(HEAP + 2L * PAGE);
        assertThat(accepted).containsExactly(HEAP + 2L * PAGE);
        a.allocatePage();
        a.allocatePage();
        assertThat(accepted).containsExactly(HEAP + 2L * PAGE, HEAP + 3L * PAGE, HEAP + 4L * PAGE);
        assertThat(a.pagesCommitted()).isEqualTo(5);
        assertThatThrownBy(a::allocatePage)
                .isInstanceOf(EnclaveOutOfMemoryException.class)
                .hasMessageContaining("maximum of 5 pages (20 KiB)");

        a.freePage(third);
        assertThat(a.allocatePage())
                .as("a freed page is reused, never accepted again")
                .isEqualTo(third);
        assertThat(accepted).hasSize(3);
    }

    @Test
    void aRefusedAcceptLeavesTheHeapAsItWasAndIsRetriedLater() {
        boolean[] refuse = {true};
        EnclavePageAllocator a = new EnclavePageAllocator(memory, HEAP, 1, 3, page -> {
            if (refuse[0]) {
                throw new EnclaveOutOfMemoryException("EACCEPT refused");
            }
            accepted.add(page);
        });
        a.allocatePage();
        assertThatThrownBy(a::allocatePage).hasMessage("EACCEPT refused");
        assertThat(a.pagesCommitted()).isEqualTo(1);
        assertThat(a.pagesInUse()).isEqualTo(1);
        refuse[0] = false;
        assertThat(a.allocatePage()).isEqualTo(HEAP + PAGE);
        assertThat(accepted).containsExactly(HEAP + PAGE);
    }

    @Test
    void aFreedPageIsZeroedBeforeAnyoneGetsItAgain() {
        EnclavePageAllocator a = new EnclavePageAllocator(memory, HEAP, 2, 2, null);
        long p = a.allocatePage();
        byte[] secret = new byte[PAGE];
        java.util.Arrays.fill(secret, (byte) 0x5A);
        memory.write(p, secret, 0, PAGE);
        a.freePage(p);
        assertThat(memory.pageIsZero(p)).isTrue();
        assertThat(a.allocatePage()).isEqualTo(p);
        assertThat(a.pagesInUse()).isEqualTo(1);
    }

    @Test
    void freeRefusesWhatItNeverHandedOut() {
        EnclavePageAllocator a = new EnclavePageAllocator(memory, HEAP, 4, 4, null);
        long p = a.allocatePage();
        assertThatThrownBy(() -> a.freePage(p + 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toHexString(p + 8))
                .hasMessageContaining("not 4 KiB aligned");
        assertThatThrownBy(() -> a.freePage(HEAP - PAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the enclave heap");
        assertThatThrownBy(() -> a.freePage(HEAP + PAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toHexString(HEAP + PAGE))
                .hasMessageContaining("not allocated");
        a.freePage(p);
        assertThatThrownBy(() -> a.freePage(p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("double free");
        assertThat(a.pagesInUse()).isZero();
    }

    @Test
    void contiguousRunsAreFirstFitAndGrowTheHeapWhenTheyReachItsTop() {
        EnclavePageAllocator a = new EnclavePageAllocator(memory, HEAP, 6, 10, recordingAccepter);
        long p0 = a.allocatePage();
        long p1 = a.allocatePage();
        long p2 = a.allocatePage();
        a.allocatePage();
        a.freePage(p1);
        a.freePage(p2);
        assertThat(a.allocatePages(2)).as("the hole left by p1, p2").isEqualTo(p1);
        assertThat(accepted).isEmpty();
        // Pages 4 and 5 are free; a run of 4 starts there and needs pages 6 and 7 from EDMM.
        assertThat(a.allocatePages(4)).isEqualTo(HEAP + 4L * PAGE);
        assertThat(accepted).containsExactly(HEAP + 6L * PAGE, HEAP + 7L * PAGE);
        assertThat(a.pagesInUse()).isEqualTo(8);
        assertThatThrownBy(() -> a.allocatePages(3))
                .isInstanceOf(EnclaveOutOfMemoryException.class)
                .hasMessageContaining("3 contiguous pages (12 KiB)");
        a.freePages(HEAP + 4L * PAGE, 4);
        assertThat(a.pagesInUse()).isEqualTo(4);
        assertThat(p0).isEqualTo(HEAP);
    }

    @Test
    void constructionChecksItsArguments() {
        assertThatThrownBy(() -> new EnclavePageAllocator(memory, HEAP + 1, 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aligned");
        assertThatThrownBy(() -> new EnclavePageAllocator(memory, HEAP, 4, 2, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("committedPages <= maxPages");
        assertThatThrownBy(() -> new EnclavePageAllocator(memory, HEAP, 2, 4, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a PageAccepter");
        assertThatThrownBy(() -> new EnclavePageAllocator(memory, HEAP, 2, 2, null).allocatePages(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threadsAllocatingAtOnceNeverGetTheSamePage() throws Exception {
        int threads = 4;
        int each = 12;
        EnclavePageAllocator a = new EnclavePageAllocator(memory, HEAP, 8, threads * each, p -> {});
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Long>> job = () -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(a.allocatePage());
                        if (i % 3 == 2) {
                            a.freePage(mine.remove(0));
                            mine.add(a.allocatePage());
                        }
                    }
                    return mine;
                };
                results.add(pool.submit(job));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> r : results) {
                for (long p : r.get()) {
                    assertThat(all.add(p))
                            .as("page 0x%x owned by two threads", p)
                            .isTrue();
                }
            }
            assertThat(all).hasSize(threads * each);
            assertThat(a.pagesInUse()).isEqualTo(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }
}

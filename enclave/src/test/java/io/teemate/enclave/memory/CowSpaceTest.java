package io.teemate.enclave.memory;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CowSpaceTest {
    private static final long HEAP = 0x4000_0000L;
    private static final int PAGE = EnclaveMemory.PAGE_SIZE;

    private final FakeEnclaveMemory memory = new FakeEnclaveMemory(HEAP, 64);
    private final EnclavePageAllocator heap = new EnclavePageAllocator(memory, HEAP, 64, 64, null);

    private static byte[] filled(int len, int value) {
        byte[] b = new byte[len];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void aNewSpaceReadsAsZerosAndUsesNoPagesUntilWritten() {
        CowSpace s = new CowSpace(heap, 10 * PAGE);
        assertThat(s.read(0, 10 * PAGE)).containsOnly(0);
        assertThat(s.readLong(5 * PAGE - 3)).isZero();
        assertThat(heap.pagesInUse()).isZero();
        assertThat(s.pageTableEntries()).isEqualTo(10);
    }

    @Test
    void writesAndReadsCrossPageBoundaries() {
        CowSpace s = new CowSpace(heap, 3 * PAGE + 100);
        byte[] data = new byte[PAGE + 200];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 1);
        }
        s.write(PAGE - 100, data);
        assertThat(s.read(PAGE - 100, data.length)).isEqualTo(data);
        assertThat(s.privatePages()).isEqualTo(3);
        s.writeLong(2 * PAGE - 3, 0x1122_3344_5566_7788L);
        assertThat(s.readLong(2 * PAGE - 3)).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(s.read(2 * PAGE - 3, 1)[0]).as("little-endian").isEqualTo((byte) 0x88);
        s.writeLong(3 * PAGE + 92, -2L);
        assertThat(s.readLong(3 * PAGE + 92)).isEqualTo(-2L);
        assertThat(s.read(3 * PAGE + 92, 8)).containsOnly((byte) 0xFF, (byte) 0xFE);
    }

    @Test
    void forkCopiesThePageTableButNoData() {
        CowSpace parent = new CowSpace(heap, 8 * PAGE);
        for (int p = 0; p < 8; p++) {
            parent.write((long) p * PAGE, filled(PAGE, p + 1));
        }
        int pagesBefore = heap.pagesInUse();
        long traffic = memory.traffic();

        CowSpace child = parent.fork();

        assertThat(memory.traffic()).as("bytes moved by fork").isEqualTo(traffic);
        assertThat(heap.pagesInUse()).isEqualTo(pagesBefore);
        assertThat(parent.sharedPages()).isEqualTo(8);
        assertThat(child.sharedPages()).isEqualTo(8);
        assertThat(child.privatePages()).isZero();
        assertThat(child.read(3 * PAGE, PAGE)).containsOnly(4);
    }

    @Test
    void aWriteAfterForkCopiesOnlyTheTouchedPageAndBothViewsKeepTheirOwnData() {
        CowSpace parent = new CowSpace(heap, 8 * PAGE);
        for (int p = 0; p < 8; p++) {
            parent.write((long) p * PAGE, filled(PAGE, p + 1));
        }
        CowSpace child = parent.fork();
        long written = memory.bytesWritten();

        parent.writeLong(5 * PAGE + 16, 42);

        assertThat(parent.pagesCopied()).isEqualTo(1);
        assertThat(memory.bytesWritten() - written)
                .as("one page copied plus the 8-byte write")
                .isEqualTo(PAGE + 8);
        assertThat(heap.pagesInUse()).isEqualTo(9);
        assertThat(parent.privatePages()).isEqualTo(1);
        assertThat(parent.sharedPages()).isEqualTo(7);
        assertThat(parent.readLong(5 * PAGE + 16)).isEqualTo(42);
        assertThat(parent.read(5 * PAGE, 16)).containsOnly(6);
        assertThat(child.read(5 * PAGE, PAGE)).as("the child's snapshot").containsOnly(6);

        parent.writeLong(5 * PAGE + 24, 43);
        assertThat(parent.pagesCopied()).as("the page is private now").isEqualTo(1);

        child.write(5 * PAGE, filled(10, 0x77));
        assertThat(child.pagesCopied())
                .as("the parent let go of the old page, so the child owns it alone")
                .isZero();
        assertThat(child.privatePages()).isEqualTo(1);
        assertThat(parent.readLong(5 * PAGE + 16)).isEqualTo(42);
        assertThat(heap.pagesInUse()).isEqualTo(9);
    }

    @Test
    void overwritingAWholeSharedPageTakesAFreshPageWithoutCopying() {
        CowSpace parent = new CowSpace(heap, 2 * PAGE);
        parent.write(0, filled(2 * PAGE, 1));
        CowSpace child = parent.fork();
        long read = memory.bytesRead();
        child.write(PAGE, filled(PAGE, 9));
        assertThat(memory.bytesRead()).isEqualTo(read);
        assertThat(child.pagesCopied()).isZero();
        assertThat(child.read(PAGE, PAGE)).containsOnly(9);
        assertThat(parent.read(PAGE, PAGE)).containsOnly(1);
    }

    @Test
    void freeDropsWholePagesAndZeroesPartsOfPagesCopyingSharedOnesFirst() {
        CowSpace parent = new CowSpace(heap, 4 * PAGE);
        parent.write(0, filled(4 * PAGE, 3));
        assertThat(heap.pagesInUse()).isEqualTo(4);
        parent.free(PAGE, 2 * PAGE);
        assertThat(heap.pagesInUse()).isEqualTo(2);
        assertThat(parent.backingPage(1)).isZero();
        assertThat(parent.read(PAGE, 2 * PAGE)).containsOnly(0);

        CowSpace child = parent.fork();
        child.free(100, 200);
        assertThat(child.pagesCopied()).isEqualTo(1);
        assertThat(child.read(0, 100)).containsOnly(3);
        assertThat(child.read(100, 200)).containsOnly(0);
        assertThat(child.read(300, PAGE - 300)).containsOnly(3);
        assertThat(parent.read(0, PAGE)).containsOnly(3);

        child.free(3 * PAGE, PAGE);
        assertThat(child.read(3 * PAGE, PAGE)).containsOnly(0);
        assertThat(parent.read(3 * PAGE, PAGE)).containsOnly(3);
        assertThat(heap.pagesInUse()).as("page 3 is still the parent's").isEqualTo(3);
        int before = heap.pagesInUse();
        child.free(PAGE, 10);
        assertThat(heap.pagesInUse())
                .as("freeing an unbacked page takes no page")
                .isEqualTo(before);
    }

    @Test
    void theLastPartialPageIsDroppedWhenFreedToTheEndOfTheSpace() {
        CowSpace s = new CowSpace(heap, PAGE + 100);
        s.write(PAGE, filled(100, 5));
        s.free(PAGE, 100);
        assertThat(s.backingPage(1)).isZero();
        assertThat(heap.pagesInUse()).isZero();
    }

    @Test
    void closeReturnsPagesWhenTheirLastViewGoesAndZeroesThem() {
        CowSpace parent = new CowSpace(heap, 3 * PAGE);
        parent.write(0, filled(3 * PAGE, 0x42));
        CowSpace child = parent.fork();
        child.write(0, filled(8, 1));
        assertThat(heap.pagesInUse()).isEqualTo(4);
        parent.close();
        assertThat(heap.pagesInUse()).as("page 0 of the parent was private").isEqualTo(3);
        assertThat(child.privatePages()).isEqualTo(3);
        assertThat(child.read(PAGE, PAGE)).containsOnly(0x42);
        child.close();
        child.close();
        assertThat(heap.pagesInUse()).isZero();
        assertThat(memory.allZero()).as("no bytes left in freed pages").isTrue();
        assertThatThrownBy(() -> child.read(0, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(child::fork).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void accessesOutsideTheSpaceAreRefused() {
        CowSpace s = new CowSpace(heap, 2 * PAGE);
        assertThatThrownBy(() -> s.read(2 * PAGE - 4, 8))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("outside the space [0, 0x2000)");
        assertThatThrownBy(() -> s.writeLong(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.free(PAGE, 2 * PAGE)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.free(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CowSpace(heap, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(heap.pagesInUse()).isZero();
    }

    @Test
    void aWriteThatRunsOutOfHeapChangesNothing() {
        FakeEnclaveMemory small = new FakeEnclaveMemory(HEAP, 4);
        EnclavePageAllocator tiny = new EnclavePageAllocator(small, HEAP, 4, 4, null);
        CowSpace parent = new CowSpace(tiny, 4 * PAGE);
        parent.write(0, filled(3 * PAGE, 1));
        CowSpace child = parent.fork();
        // Needs copies of pages 1 and 2 and a new page 3: three pages, one is left.
        assertThatThrownBy(() -> child.write(PAGE + 10, filled(3 * PAGE - 20, 2)))
                .isInstanceOf(EnclaveOutOfMemoryException.class);
        assertThat(child.read(0, 3 * PAGE)).containsOnly(1);
        assertThat(child.read(3 * PAGE, PAGE)).containsOnly(0);
        assertThat(child.sharedPages()).isEqualTo(3);
        assertThat(tiny.pagesInUse()).isEqualTo(3);
        assertThatThrownBy(() -> child.free(10, 3 * PAGE - 20))
                .as("two partial shared pages, one free page")
                .isInstanceOf(EnclaveOutOfMemoryException.class);
        assertThat(child.read(0, 3 * PAGE)).containsOnly(1);
        assertThat(tiny.pagesInUse()).isEqualTo(3);
    }

    @Test
    void aParentKeepsWritingWhileItsForkReadsItsSnapshotOnAnotherThread() throws Exception {
        int pages = 16;
        int rounds = 200;
        CowSpace parent = new CowSpace(heap, (long) pages * PAGE);
        for (int p = 0; p < pages; p++) {
            parent.writeLong((long) p * PAGE, p);
        }
        CowSpace[] snapshots = new CowSpace[rounds];
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        // The parent forks once per round and hands the fork to the reader, then keeps writing.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(
                () -> {
                    try {
                        for (int r = 0; r < rounds; r++) {
                            snapshots[r] = parent.fork();
                            barrier.await(10, TimeUnit.SECONDS);
                            for (int p = 0; p < pages; p++) {
                                parent.writeLong((long) p * PAGE + 8 * (r % 64), p + 1000L * (r + 1));
                            }
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                },
                threads);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(
                () -> {
                    try {
                        for (int r = 0; r < rounds; r++) {
                            barrier.await(10, TimeUnit.SECONDS);
                            CowSpace snap = snapshots[r];
                            for (int p = 0; p < pages; p++) {
                                long expected = r == 0 ? p : p + 1000L * r;
                                long slot = r == 0 ? 0 : 8 * ((r - 1) % 64);
                                if (snap.readLong((long) p * PAGE + slot) != expected) {
                                    throw new AssertionError(
                                            "snapshot " + r + " page " + p + " changed under the reader");
                                }
                            }
                            snap.close();
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                },
                threads);
        try {
            CompletableFuture.allOf(writer, reader).get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(parent.sharedPages()).isZero();
        assertThat(heap.pagesInUse()).isEqualTo(pages);
        parent.close();
        assertThat(heap.pagesInUse()).isZero();
    }
}

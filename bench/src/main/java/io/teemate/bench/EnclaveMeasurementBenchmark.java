package io.teemate.bench;

import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.loader.EnclavePage;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Secs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The floor of enclave creation: measuring pages. A measured 4 KiB page feeds SHA-256 {@value #BYTES_PER_PAGE}
 * bytes (one 64-byte EADD block, then sixteen EEXTENDs of a 64-byte header plus 256 bytes of data), so the
 * physical limit of EADD+EEXTEND is plain SHA-256 throughput. One JMH run gives all three numbers:
 * <ul>
 *   <li>{@link #measurePages}: ECREATE, then EADD + 16 EEXTEND for each of the {@value #PAGES} pages of a
 *       64 MiB enclave through {@link BareMetalLoader#create} (the real instruction path plus page-table
 *       mapping and the loader's frame bookkeeping).</li>
 *   <li>{@link #measurePagesDirect}: the same leaves issued straight on the {@link LogicalProcessor} with EPC
 *       addresses {@code machine.epc().address(frame)}: no page table, no loader bookkeeping.</li>
 *   <li>{@link #plainSha256}: one {@link MessageDigest} SHA-256 over exactly the same number of bytes
 *       ({@value #PAGES} &times; {@value #BYTES_PER_PAGE}), fed from a prepared buffer in 1 MiB updates.</li>
 * </ul>
 * Each reports the time of one whole 64 MiB operation; MB/s of SHA-256 input = {@link #SHA_INPUT_BYTES} / time.
 * The enclave is torn down (EREMOVE of every page, then the SECS) outside the timed region, so each invocation
 * starts from an empty EPC. See docs/performance.md for the command and the results.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5, timeUnit = TimeUnit.SECONDS)
@org.openjdk.jmh.annotations.Measurement(iterations = 5, time = 5, timeUnit = TimeUnit.SECONDS)
// A fixed, pre-touched heap: the loader path allocates a few MB per invocation (EPCM entries, page-table
// nodes) and should not pay the OS's first touch of fresh eden pages inside the timed region.
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:MaxDirectMemorySize=1g", "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class EnclaveMeasurementBenchmark {
    /** 64 MiB of ELRANGE, every page added and measured. */
    public static final int PAGES = 16_384;

    public static final long ENCLAVE_SIZE = (long) PAGES * Memory.PAGE_SIZE;
    /** EEXTENDs per page: 4096 / 256. */
    public static final int EEXTENDS_PER_PAGE = Memory.PAGE_SIZE / io.teemate.sgx.Measurement.EEXTEND_CHUNK;
    /** SHA-256 input per measured page: the EADD block plus 16 x (EEXTEND header + 256 bytes) = 5,184. */
    public static final int BYTES_PER_PAGE = 64 + EEXTENDS_PER_PAGE * (64 + io.teemate.sgx.Measurement.EEXTEND_CHUNK);
    /** What each benchmark feeds SHA-256 per operation (the single ECREATE block aside): 84,934,656 bytes. */
    public static final long SHA_INPUT_BYTES = (long) PAGES * BYTES_PER_PAGE;
    /** Linear address of the enclave: naturally aligned to its size, as ECREATE requires. */
    static final long BASE = 0x10_0000_0000L;

    static final Attributes ATTRIBUTES = EnclaveLayout.defaultAttributes(false);
    static final SecInfo SECS_INFO = SecInfo.of(PageType.SECS, PagePermissions.NONE);
    static final SecInfo REG_RW = SecInfo.of(PageType.REG, PagePermissions.RW);

    /** Page {@code index} filled with its index (and the offset, as little-endian longs): no two pages alike. */
    static byte[] pageContent(int index) {
        byte[] page = new byte[Memory.PAGE_SIZE];
        ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        for (int off = 0; off < Memory.PAGE_SIZE; off += Long.BYTES) {
            b.putLong(off, ((long) index << 32) | off);
        }
        return page;
    }

    static Machine newMachine() {
        return Machine.builder().epcMiB(72).seed(1).logicalProcessors(1).build();
    }

    /** The loader path: a machine, a bare-metal loader and the 16,384-page layout, prepared once. */
    @State(Scope.Benchmark)
    public static class LoaderPath {
        Machine machine;
        LogicalProcessor lp;
        BareMetalLoader loader;
        MapPageTable pageTable;
        EnclaveLayout layout;
        BareMetalLoader.LoadedEnclave loaded;

        @Setup(Level.Trial)
        public void setUp() {
            machine = newMachine();
            lp = machine.processor(0);
            loader = new BareMetalLoader(machine);
            pageTable = new MapPageTable();
            lp.loadCr3(pageTable);
            List<EnclavePage> pages = new ArrayList<>(PAGES);
            for (int i = 0; i < PAGES; i++) {
                pages.add(new EnclavePage(
                        (long) i * Memory.PAGE_SIZE, PageType.REG, PagePermissions.RW, true, pageContent(i)));
            }
            layout = new EnclaveLayout(ENCLAVE_SIZE, 1, pages);
            // One untimed build: touches the EPC chunks (allocated on first use) and checks that the instruction
            // path measured what a signing tool predicts, so a fast but wrong path fails the run.
            BareMetalLoader.LoadedEnclave e = build();
            byte[] actual = machine.probe().pendingMrEnclave(e.secsPage());
            loader.destroy(lp, e);
            if (!Arrays.equals(layout.mrEnclave(), actual)) {
                throw new IllegalStateException("MRENCLAVE of the loader path differs from EnclaveLayout.mrEnclave()");
            }
        }

        BareMetalLoader.LoadedEnclave build() {
            return loader.create(lp, layout, ATTRIBUTES, 0, BASE, pageTable);
        }

        /** EREMOVE of every page and the SECS (the loader's destroy), outside the timed region. */
        @TearDown(Level.Invocation)
        public void destroy() {
            if (loaded != null) {
                loader.destroy(lp, loaded);
                loaded = null;
                if (loader.framesInUse() != 0 || machine.probe().epcPagesInUse() != 0) {
                    throw new IllegalStateException("EPC not empty after teardown");
                }
            }
        }
    }

    /** The direct path: the leaves on the processor with EPC physical addresses; SECS in frame 0, pages after. */
    @State(Scope.Benchmark)
    public static class DirectPath {
        Machine machine;
        LogicalProcessor lp;
        byte[][] contents;
        long secsPage;
        long[] epcPages;
        Secs secs;
        boolean built;

        @Setup(Level.Trial)
        public void setUp() {
            machine = newMachine();
            lp = machine.processor(0);
            contents = new byte[PAGES][];
            epcPages = new long[PAGES];
            List<EnclavePage> pages = new ArrayList<>(PAGES);
            for (int i = 0; i < PAGES; i++) {
                contents[i] = pageContent(i);
                epcPages[i] = machine.epc().address(i + 1);
                pages.add(new EnclavePage(
                        (long) i * Memory.PAGE_SIZE, PageType.REG, PagePermissions.RW, true, contents[i]));
            }
            secsPage = machine.epc().address(0);
            secs = new Secs(
                    ENCLAVE_SIZE,
                    BASE,
                    1,
                    0,
                    ATTRIBUTES,
                    new byte[32],
                    new byte[32],
                    new byte[64],
                    (short) 0,
                    (short) 0,
                    (short) 0);
            build();
            byte[] actual = machine.probe().pendingMrEnclave(secsPage);
            destroy();
            if (!Arrays.equals(new EnclaveLayout(ENCLAVE_SIZE, 1, pages).mrEnclave(), actual)) {
                throw new IllegalStateException("MRENCLAVE of the direct path differs from EnclaveLayout.mrEnclave()");
            }
        }

        void build() {
            LogicalProcessor p = lp;
            long secsPa = secsPage;
            p.ecreate(SECS_INFO, secs, secsPa);
            built = true;
            for (int i = 0; i < PAGES; i++) {
                long epc = epcPages[i];
                p.eadd(BASE + (long) i * Memory.PAGE_SIZE, contents[i], REG_RW, secsPa, epc);
                for (int c = 0; c < Memory.PAGE_SIZE; c += io.teemate.sgx.Measurement.EEXTEND_CHUNK) {
                    p.eextend(secsPa, epc + c);
                }
            }
        }

        /** EREMOVE of every page, then the SECS, outside the timed region. */
        @TearDown(Level.Invocation)
        public void destroy() {
            if (!built) {
                return;
            }
            for (long epc : epcPages) {
                SgxStatus s = lp.eremove(epc);
                if (!s.ok()) {
                    throw new IllegalStateException("EREMOVE of a page failed: " + s);
                }
            }
            SgxStatus s = lp.eremove(secsPage);
            if (!s.ok() || machine.probe().epcPagesInUse() != 0) {
                throw new IllegalStateException("EPC not empty after teardown: " + s);
            }
            built = false;
        }
    }

    /** The plain-SHA-256 input: {@link #SHA_INPUT_BYTES} bytes prepared once. */
    @State(Scope.Benchmark)
    public static class PlainInput {
        static final int UPDATE = 1 << 20;
        byte[] input;
        MessageDigest sha256;

        @Setup(Level.Trial)
        public void setUp() throws NoSuchAlgorithmException {
            input = new byte[Math.toIntExact(SHA_INPUT_BYTES)];
            ByteBuffer b = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < input.length; i += Long.BYTES) {
                b.putLong(i, 0x9E37_79B9_7F4A_7C15L * (i + 1));
            }
            sha256 = MessageDigest.getInstance("SHA-256");
        }
    }

    /** ECREATE, then EADD + 16 x EEXTEND per page and page-table mapping, via BareMetalLoader.create. */
    @Benchmark
    public BareMetalLoader.LoadedEnclave measurePages(LoaderPath s) {
        s.loaded = s.build();
        return s.loaded;
    }

    /** ECREATE, then EADD + 16 x EEXTEND per page, issued straight on the logical processor. */
    @Benchmark
    public long measurePagesDirect(DirectPath s) {
        s.build();
        return s.secsPage;
    }

    /** MessageDigest SHA-256 over {@link #SHA_INPUT_BYTES} bytes in 1 MiB updates, then digest(). */
    @Benchmark
    public byte[] plainSha256(PlainInput s) {
        MessageDigest md = s.sha256;
        byte[] in = s.input;
        int n = in.length;
        for (int off = 0; off < n; off += PlainInput.UPDATE) {
            md.update(in, off, Math.min(PlainInput.UPDATE, n - off));
        }
        return md.digest();
    }
}

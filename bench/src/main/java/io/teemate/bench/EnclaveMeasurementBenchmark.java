package io.teemate.bench;

import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.loader.EnclavePage;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
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
 * physical limit of EADD+EEXTEND is plain SHA-256 throughput.
 * <ul>
 *   <li>{@link #measurePages}: ECREATE, then EADD + 16 EEXTEND for each of the {@value #PAGES} pages of a 64 MiB
 *       enclave, through {@link BareMetalLoader#create} (the real instruction path plus page-table mapping).
 *       The enclave is torn down (EREMOVE of every page, then the SECS) outside the timed region.</li>
 *   <li>{@link #plainSha256}: one {@link MessageDigest} SHA-256 over exactly the same number of bytes
 *       ({@value #PAGES} &times; {@value #BYTES_PER_PAGE}), fed from a prepared buffer in 1 MiB updates.</li>
 * </ul>
 * Both report the time of one whole 64 MiB operation; MB/s of SHA-256 input = {@link #SHA_INPUT_BYTES} / time.
 * See docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 5, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:MaxDirectMemorySize=1g", "-Xms2g", "-Xmx2g"})
public class EnclaveMeasurementBenchmark {
    /** 64 MiB of ELRANGE, every page added and measured. */
    public static final int PAGES = 16_384;
    public static final long ENCLAVE_SIZE = (long) PAGES * Memory.PAGE_SIZE;
    /** SHA-256 input per measured page: the EADD block plus 16 x (EEXTEND header + 256 bytes). */
    public static final int BYTES_PER_PAGE = 64 + (Memory.PAGE_SIZE / io.teemate.sgx.Measurement.EEXTEND_CHUNK) * (64 + io.teemate.sgx.Measurement.EEXTEND_CHUNK);
    /** What each benchmark feeds SHA-256 per operation (the single ECREATE block aside): 84,934,656 bytes. */
    public static final long SHA_INPUT_BYTES = (long) PAGES * BYTES_PER_PAGE;
    /** Linear address of the enclave: naturally aligned to its size, as ECREATE requires. */
    static final long BASE = 0x10_0000_0000L;
    private static final int PLAIN_CHUNK = 1 << 20;

    // ---------------------------------------------------------------- measurePages state
    private Machine machine;
    private LogicalProcessor lp;
    private BareMetalLoader loader;
    private EnclaveLayout layout;
    private MapPageTable pageTable;
    private BareMetalLoader.LoadedEnclave loaded;

    // ---------------------------------------------------------------- plainSha256 state
    private byte[] plainInput;
    private MessageDigest plain;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
        machine = Machine.builder().epcMiB(72).seed(1).logicalProcessors(1).build();
        lp = machine.processor(0);
        loader = new BareMetalLoader(machine);
        pageTable = new MapPageTable();
        lp.loadCr3(pageTable);
        List<EnclavePage> pages = new ArrayList<>(PAGES);
        for (int i = 0; i < PAGES; i++) {
            pages.add(new EnclavePage((long) i * Memory.PAGE_SIZE, PageType.REG, PagePermissions.RW, true, pageContent(i)));
        }
        layout = new EnclaveLayout(ENCLAVE_SIZE, 1, pages);

        // Plain SHA-256 input: the same byte count, same kind of content (page index pattern), prepared once.
        if (SHA_INPUT_BYTES > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("input does not fit one array");
        }
        plainInput = new byte[(int) SHA_INPUT_BYTES];
        ByteBuffer b = ByteBuffer.wrap(plainInput).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < plainInput.length; i += Long.BYTES) {
            b.putLong(i, 0x9E37_79B9_7F4A_7C15L * (i + 1));
        }
        plain = MessageDigest.getInstance("SHA-256");

        // One untimed build first: it touches the EPC chunks (allocated on first use) and checks that the
        // instruction path measures exactly what a signing tool predicts, so a fast but wrong path fails the run.
        BareMetalLoader.LoadedEnclave e = loader.create(lp, layout, EnclaveLayout.defaultAttributes(false), 0, BASE, pageTable);
        byte[] actual = machine.probe().pendingMrEnclave(e.secsPage());
        loader.destroy(lp, e);
        if (!Arrays.equals(layout.mrEnclave(), actual)) {
            throw new IllegalStateException("MRENCLAVE of the instruction path differs from EnclaveLayout.mrEnclave()");
        }
    }

    /** Page {@code index} filled with its index (as little-endian longs), so no two pages are alike. */
    static byte[] pageContent(int index) {
        byte[] page = new byte[Memory.PAGE_SIZE];
        ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        for (int off = 0; off < Memory.PAGE_SIZE; off += Long.BYTES) {
            b.putLong(off, ((long) index << 32) | off);
        }
        return page;
    }

    /** ECREATE, EADD + 16 x EEXTEND per page, page-table mapping: {@link #SHA_INPUT_BYTES} (+64) into SHA-256. */
    @Benchmark
    public BareMetalLoader.LoadedEnclave measurePages() {
        loaded = loader.create(lp, layout, EnclaveLayout.defaultAttributes(false), 0, BASE, pageTable);
        return loaded;
    }

    /** EREMOVE of every page and the SECS, so each invocation starts from an empty EPC. Not timed. */
    @TearDown(Level.Invocation)
    public void destroyEnclave() {
        if (loaded != null) {
            loader.destroy(lp, loaded);
            loaded = null;
            if (loader.framesInUse() != 0 || machine.epcm().validCount() != 0) {
                throw new IllegalStateException("EPC not empty after teardown");
            }
        }
    }

    /** MessageDigest SHA-256 over {@link #SHA_INPUT_BYTES} bytes in 1 MiB updates, then digest(). */
    @Benchmark
    public byte[] plainSha256() {
        MessageDigest md = plain;
        byte[] in = plainInput;
        int n = in.length;
        for (int off = 0; off < n; off += PLAIN_CHUNK) {
            md.update(in, off, Math.min(PLAIN_CHUNK, n - off));
        }
        return md.digest();
    }
}

package io.teemate.bench.micro;

import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * One checked 8-byte enclave access: {@code LogicalProcessor.readLong/writeLong} from enclave code, in enclave mode,
 * through the page table, the EPCM checks (SDM Vol.3D "Enclave Access Control and Data Structures") and the
 * processor's software TLB (64 sets, direct-mapped by linear page number). {@code softwareTlb} = false runs
 * everything on a machine built without the TLB ({@code Machine.Builder.softwareTlb(false)}: every access walks
 * and checks again); with the TLB, a miss is also forced in two ways:
 * <ul>
 *   <li>{@code *TlbHit}: every access in one page (its translation stays cached);</li>
 *   <li>{@code *TlbMiss}: a stride of one page over {@value #STRIDE_PAGES} pages, twice the TLB's sets, so every
 *       access finds its set holding the page 64 pages away and walks the page table and EPCM again;</li>
 *   <li>{@link #readLongFlushed}: {@code flushTlb()} before each access of one page (the flush, an
 *       {@code Arrays.fill} of the 64 tags, is in the measured time);</li>
 *   <li>{@link #plainByteBuffer}: the same reads, same-page pattern, on a plain direct {@code ByteBuffer}: the floor.</li>
 * </ul>
 * One operation is one access; each ECALL makes {@value #ACCESSES} of them (the enclave loop), so the EENTER/EEXIT
 * is amortized to under a nanosecond per access (see {@link EnclaveEntryBench} for its cost). No SGX leaf runs
 * per access, so there is no modeled time per op beyond 1/{@value #ACCESSES} of an ECALL.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class CheckedMemoryBench {
    static final int ACCESSES = 4096;
    static final int STRIDE_PAGES = 128;
    static final long READ_SAME = 1;
    static final long READ_STRIDE = 2;
    static final long READ_FLUSHED = 3;
    static final long WRITE_SAME = 4;
    static final long WRITE_STRIDE = 5;

    /** The enclave: RDI picks the access pattern, RSI = accesses, R9 = the heap (RAX = sum of what was read). */
    public static final class AccessProgram implements EnclaveProgram {
        @Override
        public void enter(EnclaveContext ctx) {
            var r = ctx.registers();
            long fn = r.get(GprSgx.RDI);
            int n = (int) r.get(GprSgx.RSI);
            long heap = r.get(GprSgx.R9);
            LogicalProcessor lp = ctx.processor();
            long sum = 0;
            switch ((int) fn) {
                case (int) READ_SAME -> {
                    for (int i = 0; i < n; i++) {
                        sum += lp.readLong(heap + ((i << 3) & 4095));
                    }
                }
                case (int) READ_STRIDE -> {
                    for (int i = 0; i < n; i++) {
                        sum += lp.readLong(heap + (long) (i % STRIDE_PAGES) * 4096 + ((i << 3) & 4095));
                    }
                }
                case (int) READ_FLUSHED -> {
                    for (int i = 0; i < n; i++) {
                        lp.flushTlb();
                        sum += lp.readLong(heap + ((i << 3) & 4095));
                    }
                }
                case (int) WRITE_SAME -> {
                    for (int i = 0; i < n; i++) {
                        lp.writeLong(heap + ((i << 3) & 4095), i);
                    }
                }
                case (int) WRITE_STRIDE -> {
                    for (int i = 0; i < n; i++) {
                        lp.writeLong(heap + (long) (i % STRIDE_PAGES) * 4096 + ((i << 3) & 4095), i);
                    }
                }
                default -> throw new IllegalArgumentException("no ecall " + fn);
            }
            r.set(GprSgx.RAX, sum);
        }
    }

    /** The machine's software TLB on (true) or off (false). */
    @org.openjdk.jmh.annotations.Param({"true", "false"})
    boolean softwareTlb;

    MicroRig rig;
    ByteBuffer plain;

    @Setup(Level.Trial)
    public void setUp() {
        rig = new MicroRig(new AccessProgram(), STRIDE_PAGES, 16, softwareTlb);
        plain = ByteBuffer.allocateDirect(STRIDE_PAGES * 4096).order(ByteOrder.LITTLE_ENDIAN);
        // The enclave reads back what it wrote: sum of i for i in [0, 512) in the first page.
        rig.ecall(WRITE_SAME, 512, 0, 0);
        long sum = rig.ecall(READ_SAME, 512, 0, 0);
        if (sum != 511L * 512 / 2) {
            throw new IllegalStateException("the enclave read back " + sum + ", not " + 511L * 512 / 2);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long readLongTlbHit() {
        return rig.ecall(READ_SAME, ACCESSES, 0, 0);
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long readLongTlbMiss() {
        return rig.ecall(READ_STRIDE, ACCESSES, 0, 0);
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long readLongFlushed() {
        return rig.ecall(READ_FLUSHED, ACCESSES, 0, 0);
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long writeLongTlbHit() {
        return rig.ecall(WRITE_SAME, ACCESSES, 0, 0);
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long writeLongTlbMiss() {
        return rig.ecall(WRITE_STRIDE, ACCESSES, 0, 0);
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long plainByteBuffer() {
        ByteBuffer b = plain;
        long sum = 0;
        for (int i = 0; i < ACCESSES; i++) {
            sum += b.getLong((i << 3) & 4095);
        }
        return sum;
    }
}

package io.teemate.bench.micro;

import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Secs;
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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;

/**
 * Measuring one page, the unit the existing {@code io.teemate.bench.EnclaveMeasurementBenchmark} times 16,384 at a
 * time (a whole 64 MiB enclave per operation, seconds-long runs): here one operation is one page, so a short run on
 * this machine gives ops/s directly, with the same direct path (leaves on the {@link LogicalProcessor} with EPC
 * addresses, no page table or loader bookkeeping):
 * <ul>
 *   <li>{@link #eaddEextend16}: EADD of a 4 KiB page, then 16 EEXTENDs of its 256-byte chunks (SDM Vol.3D EADD,
 *       EEXTEND): 5,184 bytes into the enclave's SHA-256 (a 64-byte EADD block, 16 x (64-byte header + 256
 *       bytes)), plus the EPCM update and the copy into the EPC frame;</li>
 *   <li>{@link #eaddOnly}: the EADD alone (an unmeasured page is possible on hardware too: EEXTEND is optional);</li>
 *   <li>{@link #plainSha256Page}: {@code MessageDigest} SHA-256 of 4,096 bytes, and {@link #plainSha256Measured} of
 *       the 5,184 bytes a measured page feeds it: the floor.</li>
 * </ul>
 * MB/s = ops/s x 4,096 (page bytes) or x 5,184 (hash input). Every {@value #CAPACITY} pages the enclave is torn
 * down (EREMOVE) and ECREATEd again in a per-invocation setup, outside the measured time; the EADD/EEXTEND targets
 * are the same {@value #CAPACITY} EPC frames round after round. The {@code MODELED} line counts only the measured
 * leaves (the teardown's EREMOVE and ECREATE are subtracted).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class MeasurementBench {
    static final int CAPACITY = 2048;
    static final long BASE = 0x10_0000_0000L;
    static final long ENCLAVE_SIZE = (long) CAPACITY * Memory.PAGE_SIZE;
    static final int EEXTEND_CHUNK = io.teemate.sgx.Measurement.EEXTEND_CHUNK;
    static final SecInfo SECS_INFO = SecInfo.of(PageType.SECS, PagePermissions.NONE);
    static final SecInfo REG_RW = SecInfo.of(PageType.REG, PagePermissions.RW);

    @State(Scope.Benchmark)
    public static class Enclave {
        Machine machine;
        LogicalProcessor lp;
        Secs secs;
        long secsPage;
        long[] epcPages = new long[CAPACITY];
        byte[] content = new byte[Memory.PAGE_SIZE];
        int next;
        long ops;
        InstructionCounters.Snapshot before;
        InstructionCounters.Snapshot excluded;

        @Setup(Level.Trial)
        public void setUp() {
            machine = Machine.builder().epcMiB(16).seed(1).logicalProcessors(1).build();
            lp = machine.processor(0);
            secsPage = machine.epc().address(0);
            for (int i = 0; i < CAPACITY; i++) {
                epcPages[i] = machine.epc().address(i + 1);
            }
            for (int i = 0; i < content.length; i++) {
                content[i] = (byte) (i * 31 + 7);
            }
            secs = new Secs(
                    ENCLAVE_SIZE,
                    BASE,
                    1,
                    0,
                    EnclaveLayout.defaultAttributes(false),
                    new byte[32],
                    new byte[32],
                    new byte[64],
                    (short) 0,
                    (short) 0,
                    (short) 0);
            lp.ecreate(SECS_INFO, secs, secsPage);
            before = machine.counters();
            excluded = before.minus(before);
        }

        /** When the enclave is full: EREMOVE every page and the SECS, ECREATE again (not measured, not modeled). */
        @Setup(Level.Invocation)
        public void makeRoom() {
            if (next < CAPACITY) {
                return;
            }
            InstructionCounters.Snapshot s0 = machine.counters();
            for (long epc : epcPages) {
                check(lp.eremove(epc));
            }
            check(lp.eremove(secsPage));
            lp.ecreate(SECS_INFO, secs, secsPage);
            excluded = MicroRig.plus(excluded, machine.counters().minus(s0));
            next = 0;
        }

        private static void check(SgxStatus s) {
            if (!s.ok()) {
                throw new IllegalStateException("EREMOVE failed: " + s);
            }
        }

        @TearDown(Level.Trial)
        public void report(org.openjdk.jmh.infra.BenchmarkParams params) {
            System.out.println(MicroRig.modeledLine(
                    params.getBenchmark(), machine.counters().minus(before).minus(excluded), ops));
        }
    }

    @Benchmark
    public long eaddEextend16(Enclave s) {
        int i = s.next++;
        s.ops++;
        long epc = s.epcPages[i];
        LogicalProcessor lp = s.lp;
        lp.eadd(BASE + (long) i * Memory.PAGE_SIZE, s.content, REG_RW, s.secsPage, epc);
        for (int c = 0; c < Memory.PAGE_SIZE; c += EEXTEND_CHUNK) {
            lp.eextend(s.secsPage, epc + c);
        }
        return epc;
    }

    @Benchmark
    public long eaddOnly(Enclave s) {
        int i = s.next++;
        s.ops++;
        long epc = s.epcPages[i];
        s.lp.eadd(BASE + (long) i * Memory.PAGE_SIZE, s.content, REG_RW, s.secsPage, epc);
        return epc;
    }

    @State(Scope.Benchmark)
    public static class Plain {
        MessageDigest sha256;
        byte[] page = new byte[Memory.PAGE_SIZE];
        byte[] measured = new byte[64 + 16 * (64 + EEXTEND_CHUNK)];

        @Setup(Level.Trial)
        public void setUp() throws NoSuchAlgorithmException {
            sha256 = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < measured.length; i++) {
                measured[i] = (byte) (i * 31 + 7);
            }
            System.arraycopy(measured, 0, page, 0, page.length);
        }
    }

    @Benchmark
    public byte[] plainSha256Page(Plain s) {
        return s.sha256.digest(s.page);
    }

    @Benchmark
    public byte[] plainSha256Measured(Plain s) {
        return s.sha256.digest(s.measured);
    }
}

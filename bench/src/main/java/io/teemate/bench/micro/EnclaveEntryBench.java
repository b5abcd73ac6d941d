package io.teemate.bench.micro;

import io.teemate.host.Platform;
import io.teemate.host.controller.TcsLease;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.host.kernel.Process;
import io.teemate.host.loader.EnclaveLoader;
import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.SigStruct;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The cost of crossing the enclave boundary on the emulated processor:
 * <ul>
 *   <li>{@link #ecall}: an ECALL round trip, EENTER then EEXIT, into an enclave whose code returns at once (bare
 *       metal: the logical processor and a loaded enclave, no kernel; what {@code teemate demo} times in step 5).</li>
 *   <li>{@link #ocall}: an ECALL whose code makes one OCALL: EENTER, EEXIT to the host's ocall handler, EENTER back
 *       through the same TCS, EEXIT. Its cost minus {@link #ecall}'s is one OCALL round trip.</li>
 *   <li>{@link #ecallThroughHost}: the same empty ECALL from a thread of a host process, through the TeeMate
 *       controller's TCS lease ({@code Process.run} schedules the thread on a processor and loads its page table;
 *       {@code TcsLease.enter} EENTERs the leased TCS): the host stack's overhead over bare EENTER/EEXIT.</li>
 * </ul>
 * Each trial prints a {@code MODELED} line: modeled hardware ns/op from the machine's instruction counters.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class EnclaveEntryBench {
    static final long NOP = 0;
    static final long OCALL = 1;

    /** The enclave: ecall NOP returns 0; ecall OCALL makes one ocall and returns RSI + the RSI the host put back. */
    public static final class EntryProgram implements EnclaveProgram {
        @Override
        public void enter(EnclaveContext ctx) {
            var r = ctx.registers();
            if (r.get(GprSgx.RDI) == OCALL) {
                long a = r.get(GprSgx.RSI);
                ctx.ocall();
                r.set(GprSgx.RAX, a + r.get(GprSgx.RSI));
            } else {
                r.set(GprSgx.RAX, 0);
            }
        }
    }

    /** The host's ocall handler: puts 1 in RSI, re-entered by the processor when it returns. */
    static final ExitHandler OCALL_HANDLER = new ExitHandler() {
        @Override
        public AexAction onAex(LogicalProcessor lp, io.teemate.sgx.AexEvent event) {
            return event.isInterrupt() ? AexAction.ERESUME : AexAction.ABORT;
        }

        @Override
        public void onOcall(LogicalProcessor lp) {
            lp.registers().set(GprSgx.RSI, 1);
        }
    };

    @State(Scope.Benchmark)
    public static class BareMetal {
        MicroRig rig;
        InstructionCounters.Snapshot before;
        long ecalls;
        long ocalls;

        @Setup(Level.Trial)
        public void setUp() {
            rig = new MicroRig(new EntryProgram(), 4, 16);
            if (rig.ecall(OCALL_HANDLER, OCALL, 41, 0, 0) != 42) {
                throw new IllegalStateException("the ocall did not return what the host handler gave");
            }
            before = rig.counters();
        }

        @TearDown(Level.Trial)
        public void report(org.openjdk.jmh.infra.BenchmarkParams params) {
            System.out.println(MicroRig.modeledLine(params.getBenchmark(), before, rig.counters(), ecalls + ocalls));
        }
    }

    @Benchmark
    public long ecall(BareMetal s) {
        s.ecalls++;
        return s.rig.ecall(NOP, 0, 0, 0);
    }

    @Benchmark
    public long ocall(BareMetal s) {
        s.ocalls++;
        return s.rig.ecall(OCALL_HANDLER, OCALL, 1, 0, 0);
    }

    /** A kernel with the SGX driver and the controller; one process holding a TCS lease of an enclave it built. */
    @State(Scope.Benchmark)
    public static class ThroughHost {
        static final long BASE = 0x7f00_0000_0000L;
        Machine machine;
        Process process;
        TcsLease lease;
        InstructionCounters.Snapshot before;
        long ops;

        @Setup(Level.Trial)
        public void setUp() {
            Platform platform = Platform.boot(
                    Machine.builder().epcMiB(16).seed(1).logicalProcessors(1).build());
            machine = platform.machine();
            Kernel kernel = platform.kernel();
            SgxDriver driver = platform.driver();
            TeeMateController controller = platform.controller();
            EnclaveLayout layout =
                    EnclaveLayout.forProgram(machine.programs().register(new EntryProgram()), 2, 2, 1, 4);
            SigStruct sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                    .attributes(EnclaveLayout.defaultAttributes(false))
                    .sign(SigningKey.generate());
            process = kernel.spawn("bench", Path.of("/"));
            EnclaveLoader.Loaded e = process.run(ctx -> new EnclaveLoader(driver).load(process, layout, sig, BASE));
            lease = controller.acquireTcs(process, e.id(), Duration.ofSeconds(5));
            before = machine.counters();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            System.out.println(
                    MicroRig.modeledLine("EnclaveEntryBench.ecallThroughHost", before, machine.counters(), ops));
            lease.close();
            process.exit();
        }
    }

    @Benchmark
    public long ecallThroughHost(ThroughHost s) {
        s.ops++;
        TcsLease lease = s.lease;
        return s.process.run(ctx -> {
            ctx.lp().registers().set(GprSgx.RDI, NOP);
            lease.enter(ctx, MicroRig.AEP, ctx.exits());
            return ctx.lp().registers().get(GprSgx.RAX);
        });
    }
}

package io.teemate.bench.micro;

import io.teemate.bench.AliasVsBuild;
import io.teemate.host.Platform;
import io.teemate.host.controller.TcsLease;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.host.kernel.Process;
import io.teemate.host.loader.EnclaveLoader;
import io.teemate.sgx.Machine;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.SigStruct;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Giving a new process an enclave, the two ways ({@code io.teemate.bench.AliasVsBuild} is the harness version over
 * 64 MiB-1 GiB enclaves, one sample each; this is the JMH version on small enclaves):
 * <ul>
 *   <li>{@link #alias}: TeeMate, {@code TeeMateController.alias} (open the enclave by id, map every page at its
 *       address in the new process's page table) then {@code acquireTcs} (a TCS from the table);</li>
 *   <li>{@link #build}: conventional, {@code EnclaveLoader.load} through the SGX driver: ECREATE, EADD + 16 EEXTEND
 *       of every page, EINIT.</li>
 * </ul>
 * The enclave is {@code mib} MiB of ELRANGE: {@link AliasVsBuild.Nop}'s code, 4 threads, measured heap filling the
 * rest (AliasVsBuild's layout). Process spawn and exit (which closes the lease, unmaps, and for {@link #build}
 * EREMOVEs the enclave) are per-invocation setup and teardown, outside the measured time and the modeled count.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AliasingBench {
    static final long BASE = 0x7000_0000_0000L;
    static final int THREADS = 4;

    @Param({"1", "4"})
    public int mib;

    Machine machine;
    Kernel kernel;
    SgxDriver driver;
    TeeMateController controller;
    EnclaveLayout layout;
    SigStruct sig;
    EnclaveLoader.Loaded shared;
    Process next;
    TcsLease lease;
    InstructionCounters.Snapshot measured;
    InstructionCounters.Snapshot start;
    long ops;

    @Setup(Level.Trial)
    public void setUp() {
        Platform platform = Platform.boot(Machine.builder()
                .epcMiB(2L * mib + 16)
                .seed(1)
                .logicalProcessors(1)
                .build());
        machine = platform.machine();
        kernel = platform.kernel();
        driver = platform.driver();
        controller = platform.controller();
        CodeImage code = machine.programs().register(new AliasVsBuild.Nop());
        int pages = mib << 8;
        layout = EnclaveLayout.forProgram(code, THREADS, 2, 1, pages - code.pageCount() - THREADS * (1 + 2 + 1));
        if (layout.size() != (long) mib << 20) {
            throw new IllegalStateException("layout of " + layout.size() + " bytes, not " + mib + " MiB");
        }
        sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(false))
                .sign(SigningKey.generate());
        Process creator = kernel.spawn("creator", Path.of("/"));
        shared = creator.run(ctx -> new EnclaveLoader(driver).load(creator, layout, sig, BASE));
        measured = machine.counters().minus(machine.counters());
    }

    @Setup(Level.Invocation)
    public void spawn() {
        next = kernel.spawn("next", Path.of("/"));
        start = machine.counters();
    }

    @TearDown(Level.Invocation)
    public void exit() {
        measured = MicroRig.plus(measured, machine.counters().minus(start));
        ops++;
        if (lease != null) {
            lease.close();
            lease = null;
        }
        next.exit();
    }

    @TearDown(Level.Trial)
    public void report(BenchmarkParams params) {
        System.out.println(MicroRig.modeledLine(params.getBenchmark() + " mib=" + mib, measured, ops));
    }

    @Benchmark
    public TcsLease alias() {
        controller.alias(next, shared.id());
        lease = controller.acquireTcs(next, shared.id(), Duration.ofSeconds(5));
        return lease;
    }

    @Benchmark
    public EnclaveLoader.Loaded build() {
        Process p = next;
        return p.run(ctx -> new EnclaveLoader(driver).load(p, layout, sig, BASE));
    }
}

package io.teemate.bench;

import io.teemate.host.Platform;
import io.teemate.host.controller.TcsLease;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.host.kernel.Process;
import io.teemate.host.loader.EnclaveLoader;
import io.teemate.sgx.Machine;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.SigStruct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The host issue's numbers: for enclaves of several sizes, the time to create one conventionally (ECREATE,
 * EADD + 16 EEXTEND of every page, EINIT) against the time to alias it into a new process and take a TCS,
 * wall and modeled. Run: {@code java -cp bench/target/benchmarks.jar io.teemate.bench.AliasVsBuild [MiB...]}.
 * Writes results/aliasing.csv.
 */
public final class AliasVsBuild {
    private static final long BASE = 0x7000_0000_0000L;
    private static final long AEP = 0x40_1000L;
    private static final int THREADS = 4;

    /** The enclave's code: one empty ecall. */
    public static final class Nop implements EnclaveProgram {
        @Override
        public void enter(EnclaveContext ctx) {
            ctx.registers().set(GprSgx.RAX, 0);
        }
    }

    record Row(
            int mib,
            int pages,
            double buildWallMs,
            double buildModeledMs,
            double aliasWallMs,
            double aliasModeledMs,
            double firstEcallWallMs,
            double firstEcallModeledMs,
            String firstEcallLeaves) {
        double modeledRatio() {
            return buildModeledMs / (aliasModeledMs + firstEcallModeledMs);
        }

        double wallRatio() {
            return buildWallMs / (aliasWallMs + firstEcallWallMs);
        }
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(64, 256, 1024);
        }
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Platform platform = Platform.boot(Machine.builder()
                .epcMiB(largest + 16)
                .logicalProcessors(2)
                .seed(1)
                .build());
        Machine machine = platform.machine();
        Kernel kernel = platform.kernel();
        SgxDriver driver = platform.driver();
        TeeMateController controller = platform.controller();
        SigningKey key = SigningKey.generate();
        CodeImage code = machine.programs().register(new Nop());

        System.out.println("warming up the JIT with a 16 MiB enclave (not reported)...");
        measure(machine, kernel, driver, controller, key, code, 16);
        List<Row> rows = new ArrayList<>();
        for (int mib : sizes) {
            System.out.printf("%d MiB: building conventionally, then aliasing...%n", mib);
            rows.add(measure(machine, kernel, driver, controller, key, code, mib));
        }

        System.out.println();
        System.out.println("modeled = per-leaf cycles of docs/cost-model.md at 3.0 GHz; wall = this JVM");
        System.out.printf(
                "%8s %9s | %14s %14s | %14s %14s | %14s %14s | %10s %10s%n",
                "enclave",
                "pages",
                "build wall ms",
                "build model ms",
                "alias wall ms",
                "alias model ms",
                "1st call wall",
                "1st call model",
                "model x",
                "wall x");
        for (Row r : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "%5d MiB %9d | %14.1f %14.1f | %14.3f %14.3f | %14.3f %14.4f | %10.0f %10.0f%n",
                    r.mib(),
                    r.pages(),
                    r.buildWallMs(),
                    r.buildModeledMs(),
                    r.aliasWallMs(),
                    r.aliasModeledMs(),
                    r.firstEcallWallMs(),
                    r.firstEcallModeledMs(),
                    r.modeledRatio(),
                    r.wallRatio());
        }
        System.out.println();
        for (Row r : rows) {
            System.out.printf(
                    "%d MiB, first ecall through the aliased TCS executed: %s%n", r.mib(), r.firstEcallLeaves());
        }
        Path out = Path.of("results", "aliasing.csv");
        Files.createDirectories(out.getParent());
        StringBuilder csv =
                new StringBuilder("enclave_mib,pages,build_wall_ms,build_modeled_ms,alias_wall_ms,alias_modeled_ms,"
                        + "first_ecall_wall_ms,first_ecall_modeled_ms,modeled_ratio,wall_ratio\n");
        for (Row r : rows) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%d,%d,%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,%.1f,%.1f%n",
                    r.mib(),
                    r.pages(),
                    r.buildWallMs(),
                    r.buildModeledMs(),
                    r.aliasWallMs(),
                    r.aliasModeledMs(),
                    r.firstEcallWallMs(),
                    r.firstEcallModeledMs(),
                    r.modeledRatio(),
                    r.wallRatio()));
        }
        Files.writeString(out, csv);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static Row measure(
            Machine machine,
            Kernel kernel,
            SgxDriver driver,
            TeeMateController controller,
            SigningKey key,
            CodeImage code,
            int mib) {
        EnclaveLayout layout = layoutOf(code, mib);
        SigStruct sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(false))
                .sign(key);
        EnclaveLoader loader = new EnclaveLoader(driver);

        Process creator = kernel.spawn("creator", Path.of("/"));
        InstructionCounters.Snapshot before = machine.counters();
        long t0 = System.nanoTime();
        EnclaveLoader.Loaded loaded = creator.run(ctx -> loader.load(creator, layout, sig, BASE));
        long buildWall = System.nanoTime() - t0;
        InstructionCounters.Snapshot build = machine.counters().minus(before);

        Process worker = kernel.spawn("worker", Path.of("/"));
        before = machine.counters();
        t0 = System.nanoTime();
        controller.alias(worker, loaded.id());
        TcsLease lease = controller.acquireTcs(worker, loaded.id(), Duration.ofSeconds(5));
        long aliasWall = System.nanoTime() - t0;
        InstructionCounters.Snapshot alias = machine.counters().minus(before);

        before = machine.counters();
        t0 = System.nanoTime();
        worker.run(ctx -> {
            ctx.lp().registers().set(GprSgx.RDI, 0);
            lease.enter(ctx, AEP, ctx.exits());
            return null;
        });
        long callWall = System.nanoTime() - t0;
        InstructionCounters.Snapshot call = machine.counters().minus(before);
        lease.close();
        worker.exit();
        creator.exit();
        if (driver.stats().pagesInUse() != 0) {
            throw new IllegalStateException("EPC not released after the run: " + driver.stats());
        }
        return new Row(
                mib,
                layout.pages().size(),
                buildWall / 1e6,
                build.modeledNanos() / 1e6,
                aliasWall / 1e6,
                alias.modeledNanos() / 1e6,
                callWall / 1e6,
                call.modeledNanos() / 1e6,
                leaves(call));
    }

    /** A layout whose ELRANGE is exactly {@code mib}: the program, its threads, and measured heap filling the rest. */
    static EnclaveLayout layoutOf(CodeImage code, int mib) {
        long pages = (long) mib << 8;
        int overhead = code.pageCount() + THREADS * (1 + 2 + 1);
        return EnclaveLayout.forProgram(code, THREADS, 2, 1, (int) (pages - overhead));
    }

    private static String leaves(InstructionCounters.Snapshot s) {
        StringBuilder b = new StringBuilder();
        for (SgxLeaf leaf : SgxLeaf.values()) {
            if (s.count(leaf) > 0) {
                b.append(b.isEmpty() ? "" : ", ")
                        .append(s.count(leaf))
                        .append(' ')
                        .append(leaf);
            }
        }
        return b.isEmpty() ? "nothing" : b.toString();
    }
}

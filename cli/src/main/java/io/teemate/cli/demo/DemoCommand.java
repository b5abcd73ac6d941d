package io.teemate.cli.demo;

import io.teemate.abi.HelloAbi;
import io.teemate.abi.image.EnclaveBinaries;
import io.teemate.cli.PlatformOption;
import io.teemate.host.Platform;
import io.teemate.host.controller.TcsLease;
import io.teemate.host.controller.TcsTable;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.AnonymousMemory;
import io.teemate.host.kernel.Kernel;
import io.teemate.host.kernel.Process;
import io.teemate.host.loader.EnclaveLoader;
import io.teemate.sgx.Machine;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.PlatformProfile;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.SigStruct;
import io.teemate.sgx.struct.TargetInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/**
 * {@code teemate demo}: TeeMate's claim checked on this machine, in about a minute. First the two primitives end to
 * end: a process builds, signs, initializes, enters and attests an enclave the conventional way, then a second
 * process shares it the TeeMate way (EPC aliasing and a TCS from the table) and the enclave outlives its creator.
 * Then short versions of the paper's two experiments, each in both modes: N serverless cold starts
 * ({@link ServerlessExperiment}) and a database BGSAVE fork (the {@code KvFork} harness {@code teemate bench} runs). It ends with one table of
 * latency and EPC in both modes, wall and modeled apart, the ratios and the paper's figures beside them, and writes
 * two plots. Every figure is measured in the run.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "TeeMate on the emulated SGX machine: build, attest and share an enclave, then the paper's two"
                    + " experiments in short (serverless cold starts and a database fork), conventional against shared.",
            "Ends with a table of latency and EPC memory (wall and modeled time apart) and writes plots."
        })
public final class DemoCommand implements Callable<Integer> {
    private static final long BASE = 0x7f00_0000_0000L;
    private static final long UNTRUSTED = 0x1000_0000L;
    private static final long AEP = 0x40_1000L;
    private static final Duration TCS_WAIT = Duration.ofSeconds(5);
    private static final HexFormat HEX = HexFormat.of();

    @Option(
            names = "--heap-mib",
            defaultValue = "32",
            description = "measured enclave heap in MiB (default ${DEFAULT-VALUE})")
    int heapMiB;

    @Option(names = "--ecalls", defaultValue = "1000", description = "empty ecalls to time (default ${DEFAULT-VALUE})")
    int ecalls;

    @Option(names = "--seed", description = "derive the machine's fuse keys from this seed instead of at random")
    Long seed;

    @Option(
            names = "--functions",
            defaultValue = "8",
            paramLabel = "N",
            description =
                    "concurrent serverless cold starts per mode (default ${DEFAULT-VALUE}); 0 skips the experiment")
    int functions;

    @Option(
            names = "--keys",
            defaultValue = "100000",
            paramLabel = "K",
            description = "keys in the database before its BGSAVE (default ${DEFAULT-VALUE}); 0 skips the experiment")
    int keys;

    @Option(
            names = "--reps",
            defaultValue = "3",
            paramLabel = "R",
            description = "measured BGSAVEs per mode, after unreported warm-up ones (default ${DEFAULT-VALUE})")
    int reps;

    @Option(
            names = "--out",
            defaultValue = "demo-results",
            paramLabel = "DIR",
            description = "where the plots go (default ${DEFAULT-VALUE})")
    Path outDir;

    /** Prices every modeled figure the demo prints. */
    @CommandLine.Mixin
    PlatformOption platformOption = new PlatformOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (heapMiB < 0 || heapMiB > 512) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--heap-mib must be between 0 and 512, got " + heapMiB);
        }
        if (functions < 0 || functions > 64) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--functions must be between 0 and 64, got " + functions);
        }
        if (keys < 0 || keys > 2_000_000) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--keys must be between 0 and 2000000, got " + keys);
        }
        if (reps < 1 || reps > 50) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--reps must be between 1 and 50, got " + reps);
        }
        out.println("TeeMate demo on the emulated SGX machine");
        PlatformProfile platform = platformOption.platform();
        String tag = "(" + platform.id() + ")";
        out.printf(
                "(\"modeled\" = the time %s (%s) would take, priced by docs/cost-model.md; \"wall\" = this JVM's"
                        + " time)%n",
                platform.id(), platform.description());
        out.println();

        Host host = new Host(seed, platform);
        Machine machine = host.machine;
        out.printf(
                "1. Machine: %d MiB EPC, %d logical processors, fuse keys %s; a kernel with the SGX driver and the TeeMate controller%n",
                machine.epc().sizeBytes() >> 20,
                machine.processors().size(),
                seed == null ? "drawn at random" : "from seed " + seed);

        long t0 = System.nanoTime();
        SigningKey key = SigningKey.generate();
        CodeImage code = EnclaveBinaries.installed().program(HelloAbi.NAME);
        EnclaveLayout layout = EnclaveLayout.forProgram(code, 2, 2, 1, heapMiB * 256);
        SigStruct sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(false))
                .isvProdId(1)
                .isvSvn(1)
                .sign(key);
        out.printf("2. Signed (like sgx_sign): RSA-3072 key with e = 3, in %.0f ms wall%n", ms(System.nanoTime() - t0));
        out.printf("   code image %s: %d bytes, %d page(s)%n", HelloAbi.NAME, code.bytes().length, code.pageCount());
        out.printf(
                "   layout: %d pages (%d MiB heap) in a %d MiB ELRANGE%n",
                layout.pages().size(), heapMiB, layout.size() >> 20);
        out.printf("   MRENCLAVE %s%n", HEX.formatHex(sig.enclaveHash()));
        out.printf("   MRSIGNER  %s%n", HEX.formatHex(SigStructBuilder.mrSigner(key)));

        Process creator = host.spawn("creator");
        InstructionCounters.Snapshot before = machine.counters();
        t0 = System.nanoTime();
        EnclaveLoader.Loaded enclave = host.load(creator, layout, sig);
        long wall = System.nanoTime() - t0;
        InstructionCounters.Snapshot build = machine.counters().minus(before);
        out.printf(
                "3. Conventional: %s builds it through /dev/sgx_enclave: ECREATE + %,d EADD + %,d EEXTEND + EINIT -> SUCCESS%n",
                creator, build.count(SgxLeaf.EADD), build.count(SgxLeaf.EEXTEND));
        out.printf("   modeled %9.1f ms %s | wall %7.1f ms%n", build.modeledNanos() / 1e6, tag, ms(wall));

        byte[] reportData = sha256("hello, TeeMate".getBytes(StandardCharsets.UTF_8));
        TargetInfo self = new TargetInfo(sig.enclaveHash(), sig.attributes().with(Attributes.INIT), sig.miscSelect());
        byte[] report = host.report(creator, enclave, self, reportData);
        Report r = Report.fromBytes(report);
        out.printf(
                "4. Entered: %s takes a TCS, EENTER -> EREPORT -> EEXIT; the report the enclave made for itself:%n",
                creator);
        out.printf("   MRENCLAVE  %s%n", HEX.formatHex(r.body().mrEnclave()));
        out.printf("   MRSIGNER   %s%n", HEX.formatHex(r.body().mrSigner()));
        out.printf(
                "   ISVPRODID %d, ISVSVN %d, ATTRIBUTES flags 0x%x xfrm 0x%x%n",
                r.body().isvProdId(),
                r.body().isvSvn(),
                r.body().attributes().flags(),
                r.body().attributes().xfrm());
        out.printf(
                "   REPORTDATA %s (SHA-256 of \"hello, TeeMate\")%n",
                HEX.formatHex(r.body().reportData(), 0, 32));
        out.printf(
                "   verified inside the enclave (EGETKEY report key + AES-CMAC): %s%n",
                yes(host.verify(creator, enclave, report)));
        byte[] tampered = report.clone();
        tampered[320] ^= 1;
        out.printf(
                "   the same report with one REPORTDATA bit flipped: %s%n",
                host.verify(creator, enclave, tampered) ? "ACCEPTED (bug!)" : "rejected");
        Host other = new Host(seed == null ? null : seed + 1, platform);
        Process there = other.spawn("elsewhere");
        EnclaveLoader.Loaded twin = other.load(there, layout, sig);
        out.printf(
                "   the same enclave on another machine (other fuse keys) checks it: %s%n",
                other.verify(there, twin, report) ? "ACCEPTED (bug!)" : "rejected");

        before = machine.counters();
        t0 = System.nanoTime();
        long sum = host.ecalls(creator, enclave, ecalls);
        wall = System.nanoTime() - t0;
        InstructionCounters.Snapshot calls = machine.counters().minus(before);
        out.printf("5. %,d empty ecalls (EENTER + EEXIT each, results summed: %d):%n", ecalls, sum);
        out.printf("   modeled %9.3f ms %s | wall %7.3f ms%n", calls.modeledNanos() / 1e6, tag, ms(wall));

        Process worker = host.spawn("worker");
        before = machine.counters();
        t0 = System.nanoTime();
        host.controller.alias(worker, enclave.id());
        TcsLease lease = host.controller.acquireTcs(worker, enclave.id(), TCS_WAIT);
        wall = System.nanoTime() - t0;
        InstructionCounters.Snapshot alias = machine.counters().minus(before);
        out.printf(
                "6. TeeMate: %s aliases the same enclave (same addresses, its own page table) and takes TCS 0x%x:%n",
                worker, lease.tcsAddress());
        out.printf(
                "   no ECREATE, EADD or EINIT: modeled %9.3f ms %s | wall %7.3f ms%n",
                alias.modeledNanos() / 1e6, tag, ms(wall));
        for (TcsTable.Assignment a : host.controller.inspect(enclave.id())) {
            out.printf(
                    "   TCS 0x%x: %s%s%n",
                    a.tcsAddress(), a.state(), a.state() == TcsTable.State.HELD ? " by pid " + a.holderPid() : "");
        }
        lease.close();
        out.printf(
                "   inside, through the worker's TCS, the creator's report verifies: %s%n",
                yes(host.verify(worker, enclave, report)));
        creator.exit();
        out.printf(
                "7. %s exits; the enclave lives on for %s: %s, and the report still verifies there: %s%n",
                creator,
                worker,
                host.driver.alive(enclave.id()) ? "alive" : "GONE (bug!)",
                yes(host.verify(worker, enclave, report)));
        worker.exit();
        out.printf(
                "   %s exits too; the enclave is released and its EPC freed: %s%n",
                worker,
                !host.driver.alive(enclave.id()) && host.driver.stats().pagesInUse() == 0 ? "yes" : "NO (bug!)");

        out.println();
        out.println("Instructions executed on this machine:");
        InstructionCounters.Snapshot all = machine.counters();
        out.printf("   %-8s %12s %16s %12s%n", "leaf", "count", "modeled cycles", "modeled ms " + tag);
        for (SgxLeaf leaf : SgxLeaf.values()) {
            long n = all.count(leaf);
            if (n > 0) {
                long cycles = all.cycles()[leaf.ordinal()];
                out.printf(
                        "   %-8s %,12d %,16d %12.3f%n",
                        leaf, n, cycles, machine.costModel().nanos(cycles) / 1e6);
            }
        }
        out.printf("   %-8s %12s %,16d %12.3f%n", "total", "", all.totalCycles(), all.modeledNanos() / 1e6);
        out.println();
        out.flush();
        try {
            return new DemoExperiments(out, functions, keys, reps, outDir, platform).run();
        } catch (Exception e) {
            spec.commandLine().getErr().println("teemate demo: an experiment failed: " + e);
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    /** One machine with its kernel, SGX driver and controller; processes get a few pages of untrusted memory. */
    private static final class Host {
        final Machine machine;
        final Kernel kernel;
        final SgxDriver driver;
        final TeeMateController controller;

        Host(Long seed, PlatformProfile profile) {
            Machine.Builder b = Machine.builder().platform(profile);
            if (seed != null) {
                b.seed(seed);
            }
            Platform platform = Platform.boot(b.build());
            machine = platform.machine();
            kernel = platform.kernel();
            driver = platform.driver();
            controller = platform.controller();
        }

        Process spawn(String name) {
            Process p = kernel.spawn(name, Path.of("/"));
            p.addressSpace().mmap(UNTRUSTED, 4 * 4096, PagePermissions.RW, new AnonymousMemory(machine.dram()));
            return p;
        }

        EnclaveLoader.Loaded load(Process p, EnclaveLayout layout, SigStruct sig) {
            return p.run(ctx -> new EnclaveLoader(driver).load(p, layout, sig, BASE));
        }

        /** One ecall from a thread of {@code p} through a TCS the table assigns. */
        long ecall(Process p, EnclaveLoader.Loaded e, long ecall, long rsi, long rdx, long r8) {
            try (TcsLease lease = controller.acquireTcs(p, e.id(), TCS_WAIT)) {
                return p.run(ctx -> {
                    var r = ctx.lp().registers();
                    r.set(GprSgx.RDI, ecall);
                    r.set(GprSgx.RSI, rsi);
                    r.set(GprSgx.RDX, rdx);
                    r.set(GprSgx.R8, r8);
                    lease.enter(ctx, AEP, ctx.exits());
                    return r.get(GprSgx.RAX);
                });
            }
        }

        long ecalls(Process p, EnclaveLoader.Loaded e, int n) {
            try (TcsLease lease = controller.acquireTcs(p, e.id(), TCS_WAIT)) {
                return p.run(ctx -> {
                    long sum = 0;
                    for (int i = 0; i < n; i++) {
                        ctx.lp().registers().set(GprSgx.RDI, HelloAbi.ECALL_NOP);
                        lease.enter(ctx, AEP, ctx.exits());
                        sum += ctx.lp().registers().get(GprSgx.RAX);
                    }
                    return sum;
                });
            }
        }

        byte[] report(Process p, EnclaveLoader.Loaded e, TargetInfo target, byte[] reportData) {
            p.run(ctx -> {
                ctx.write(UNTRUSTED, target.toBytes());
                ctx.write(UNTRUSTED + 1024, reportData);
                return null;
            });
            ecall(p, e, HelloAbi.ECALL_REPORT, UNTRUSTED, UNTRUSTED + 1024, UNTRUSTED + 2048);
            return p.run(ctx -> ctx.read(UNTRUSTED + 2048, Report.SIZE));
        }

        boolean verify(Process p, EnclaveLoader.Loaded e, byte[] report) {
            p.run(ctx -> {
                ctx.write(UNTRUSTED + 4096, report);
                return null;
            });
            return ecall(p, e, HelloAbi.ECALL_VERIFY_REPORT, UNTRUSTED + 4096, 0, 0) == 1;
        }
    }

    private static String yes(boolean b) {
        return b ? "yes" : "NO (bug!)";
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(data), 64);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

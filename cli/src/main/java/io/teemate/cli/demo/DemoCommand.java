package io.teemate.cli.demo;

import io.teemate.enclave.hello.HelloEnclave;
import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.BareMetalLoader.LoadedEnclave;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.SigStruct;
import io.teemate.sgx.struct.TargetInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/**
 * {@code teemate demo}: what works so far, end to end on the emulated machine. Builds, signs, initializes and
 * enters an enclave, shows its identity and a verified report, and puts modeled hardware time next to wall time.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Build, sign, initialize and enter an enclave on the emulated SGX machine.")
public final class DemoCommand implements Callable<Integer> {
    private static final long BASE = 0x7f00_0000_0000L;
    private static final long UNTRUSTED = 0x1000_0000L;
    private static final long AEP = 0x40_1000L;
    private static final HexFormat HEX = HexFormat.of();

    @Option(names = "--heap-mib", defaultValue = "32", description = "measured enclave heap in MiB (default ${DEFAULT-VALUE})")
    int heapMiB;

    @Option(names = "--ecalls", defaultValue = "1000", description = "empty ecalls to time (default ${DEFAULT-VALUE})")
    int ecalls;

    @Option(names = "--seed", description = "derive the machine's fuse keys from this seed instead of at random")
    Long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        if (heapMiB < 0 || heapMiB > 512) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--heap-mib must be between 0 and 512, got " + heapMiB);
        }
        out.println("TeeMate demo on the emulated SGX machine");
        out.println("(\"modeled\" = hardware time from per-instruction costs in docs/cost-model.md; \"wall\" = this JVM's time)");
        out.println();

        Machine machine = newMachine(seed);
        out.printf("1. Machine: %d MiB EPC, %d logical processors, fuse keys %s%n",
                machine.epc().sizeBytes() >> 20, machine.processors().size(), seed == null ? "drawn at random" : "from seed " + seed);

        long t0 = System.nanoTime();
        SigningKey key = SigningKey.generate();
        CodeImage code = machine.programs().register(new HelloEnclave());
        EnclaveLayout layout = EnclaveLayout.forProgram(code, 2, 2, 1, heapMiB * 256);
        SigStruct sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(false)).isvProdId(1).isvSvn(1).sign(key);
        out.printf("2. Signed (like sgx_sign): RSA-3072 key with e = 3, in %.0f ms wall%n", ms(System.nanoTime() - t0));
        out.printf("   code image %s: %d bytes, %d page(s)%n", HelloEnclave.class.getSimpleName(), code.bytes().length, code.pageCount());
        out.printf("   layout: %d pages (%d MiB heap) in a %d MiB ELRANGE%n", layout.pages().size(), heapMiB, layout.size() >> 20);
        out.printf("   MRENCLAVE %s%n", HEX.formatHex(sig.enclaveHash()));
        out.printf("   MRSIGNER  %s%n", HEX.formatHex(SigStructBuilder.mrSigner(key)));

        Host host = new Host(machine);
        InstructionCounters.Snapshot before = machine.counters();
        t0 = System.nanoTime();
        LoadedEnclave enclave = host.loader.load(host.lp, layout, sig, BASE, host.pageTable);
        long wall = System.nanoTime() - t0;
        InstructionCounters.Snapshot build = machine.counters().minus(before);
        out.printf("3. Built: ECREATE + %,d EADD + %,d EEXTEND + EINIT -> SUCCESS (EINIT compared the measurement to SIGSTRUCT)%n",
                build.count(SgxLeaf.EADD), build.count(SgxLeaf.EEXTEND));
        out.printf("   modeled %9.1f ms | wall %7.1f ms%n", build.modeledNanos() / 1e6, ms(wall));

        byte[] reportData = sha256("hello, TeeMate".getBytes(StandardCharsets.UTF_8));
        TargetInfo self = new TargetInfo(sig.enclaveHash(), sig.attributes().with(Attributes.INIT), sig.miscSelect());
        byte[] report = host.report(enclave, self, reportData);
        Report r = Report.fromBytes(report);
        out.println("4. Entered: EENTER -> EREPORT -> EEXIT; the report the enclave made for itself:");
        out.printf("   MRENCLAVE  %s%n", HEX.formatHex(r.body().mrEnclave()));
        out.printf("   MRSIGNER   %s%n", HEX.formatHex(r.body().mrSigner()));
        out.printf("   ISVPRODID %d, ISVSVN %d, ATTRIBUTES flags 0x%x xfrm 0x%x%n", r.body().isvProdId(), r.body().isvSvn(),
                r.body().attributes().flags(), r.body().attributes().xfrm());
        out.printf("   REPORTDATA %s (SHA-256 of \"hello, TeeMate\")%n", HEX.formatHex(r.body().reportData(), 0, 32));
        out.printf("   verified inside the enclave (EGETKEY report key + AES-CMAC): %s%n", yes(host.verify(enclave, report)));
        byte[] tampered = report.clone();
        tampered[320] ^= 1;
        out.printf("   the same report with one REPORTDATA bit flipped: %s%n", host.verify(enclave, tampered) ? "ACCEPTED (bug!)" : "rejected");

        Machine other = newMachine(seed == null ? null : seed + 1);
        other.programs().register(new HelloEnclave());
        Host otherHost = new Host(other);
        LoadedEnclave twin = otherHost.loader.load(otherHost.lp, layout, sig, BASE, otherHost.pageTable);
        out.printf("   the same enclave on another machine (other fuse keys) checks it: %s%n",
                otherHost.verify(twin, report) ? "ACCEPTED (bug!)" : "rejected");

        before = machine.counters();
        t0 = System.nanoTime();
        for (int i = 0; i < ecalls; i++) {
            host.ecall(enclave, HelloEnclave.ECALL_NOP, 0, 0, 0);
        }
        wall = System.nanoTime() - t0;
        InstructionCounters.Snapshot calls = machine.counters().minus(before);
        out.printf("5. %,d empty ecalls (EENTER + EEXIT each):%n", ecalls);
        out.printf("   modeled %9.3f ms | wall %7.3f ms%n", calls.modeledNanos() / 1e6, ms(wall));

        out.println();
        out.println("Instructions executed on this machine:");
        InstructionCounters.Snapshot all = machine.counters();
        out.printf("   %-8s %12s %16s %12s%n", "leaf", "count", "modeled cycles", "modeled ms");
        for (SgxLeaf leaf : SgxLeaf.values()) {
            long n = all.count(leaf);
            if (n > 0) {
                long cycles = all.cycles()[leaf.ordinal()];
                out.printf("   %-8s %,12d %,16d %12.3f%n", leaf, n, cycles, machine.costModel().nanos(cycles) / 1e6);
            }
        }
        out.printf("   %-8s %12s %,16d %12.3f%n", "total", "", all.totalCycles(), all.modeledNanos() / 1e6);
        out.printf("EPC in use: %d of %d pages%n", machine.probe().epcPagesInUse(), machine.epc().frameCount());
        out.flush();
        return 0;
    }

    private static Machine newMachine(Long seed) {
        Machine.Builder b = Machine.builder();
        if (seed != null) {
            b.seed(seed);
        }
        return b.build();
    }

    /** The untrusted side: one address space with a few pages of ordinary memory for ecall buffers. */
    private static final class Host {
        final BareMetalLoader loader;
        final MapPageTable pageTable = new MapPageTable();
        final LogicalProcessor lp;

        Host(Machine machine) {
            loader = new BareMetalLoader(machine);
            for (int i = 0; i < 4; i++) {
                pageTable.map(UNTRUSTED + 4096L * i, new Pte(machine.dram().allocate(), true, false));
            }
            lp = machine.processor(0);
            lp.loadCr3(pageTable);
        }

        long ecall(LoadedEnclave e, long ecall, long rsi, long rdx, long r8) {
            var r = lp.registers();
            r.set(GprSgx.RDI, ecall);
            r.set(GprSgx.RSI, rsi);
            r.set(GprSgx.RDX, rdx);
            r.set(GprSgx.R8, r8);
            lp.eenter(e.tcsAddresses().get(0), AEP, ExitHandler.RESUME_INTERRUPTS);
            return r.get(GprSgx.RAX);
        }

        byte[] report(LoadedEnclave e, TargetInfo target, byte[] reportData) {
            lp.write(UNTRUSTED, target.toBytes(), 0, TargetInfo.SIZE);
            lp.write(UNTRUSTED + 1024, reportData, 0, reportData.length);
            ecall(e, HelloEnclave.ECALL_REPORT, UNTRUSTED, UNTRUSTED + 1024, UNTRUSTED + 2048);
            return lp.read(UNTRUSTED + 2048, Report.SIZE);
        }

        boolean verify(LoadedEnclave e, byte[] report) {
            lp.write(UNTRUSTED + 4096, report, 0, report.length);
            return ecall(e, HelloEnclave.ECALL_VERIFY_REPORT, UNTRUSTED + 4096, 0, 0) == 1;
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

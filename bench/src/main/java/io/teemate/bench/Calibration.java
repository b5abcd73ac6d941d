package io.teemate.bench;

import io.teemate.host.Platform;
import io.teemate.host.driver.EnclaveFile;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Process;
import io.teemate.host.loader.EnclaveLoader;
import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.Measurement;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.PlatformProfile;
import io.teemate.sgx.cost.SystemCost;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Secs;
import io.teemate.sgx.struct.SigStruct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calibration table of issue 16: every published hardware measurement the cost model can be checked against,
 * beside the modeled figure of the same operation run through the emulator in the shape the source measured, on the
 * profile of the part it was measured on. Sources and what each row includes: docs/calibration.md and
 * ../shared/reference/calibration-sources.md. A row whose figure a model parameter was fitted to says "(fitted)" in
 * its source: it checks the fit, not a prediction.
 * <p>Run: {@code teemate bench --experiments calibration [--platform P] --out D} (rows measured on P's family);
 * writes {@code D/calibration.csv}. With the 10 GiB enclaves: {@code java -XX:MaxDirectMemorySize=12g -Xmx15g -cp
 * bench/target/benchmarks.jar io.teemate.bench.Calibration --platform P --full --out D}.
 */
public final class Calibration {
    private static final long MIB = 1L << 20;
    private static final long BASE = 0x7f00_0000_0000L;
    private static final String VXAPPS =
            "VXAPPS/sgx-benchmark README.md (sgx_create_enclave+sgx_destroy_enclave, " + "mean of 1,000 runs)";

    // The figures of the model fitted to rows of this table (docs/calibration.md): those rows check the fit only.
    private static final String DRIVER_FIT = "DRIVER_PAGE_ADD, to the slope from 100 MiB to 1 GiB";
    private static final String EADD_FIT = "Coffee Lake's EADD, to the slope from 10 to 80 MiB";
    private static final String RECLAIM_FIT = "RECLAIM_PAGE, to the slope from 100 MiB to 1 GiB";

    private Calibration() {}

    /** One row of calibration.csv: a hardware figure and the modeled figure of the same operation. */
    public record Row(
            String operation, PlatformProfile platform, double hardware, String unit, double modeled, String source) {
        public double ratio() {
            return modeled / hardware;
        }

        /** Within the target band, ±30% of the hardware figure. */
        public boolean withinTarget() {
            return Math.abs(ratio() - 1) <= 0.30;
        }
    }

    public record Result(List<Row> rows, Path csv) {}

    /** Enclave builds up to 1 GiB: what {@code teemate bench} runs (--quick: up to 100 MiB). */
    public static final long DEFAULT_MAX_HEAP = 1024 * MIB;
    /** With the 10 GiB builds: 10 GiB of emulated EPC (Ice Lake) or of evicted pages (Coffee Lake), and minutes. */
    public static final long FULL_MAX_HEAP = 10_240 * MIB;

    /** Runs the rows measured on {@code family}'s parts, the SDK's enclave builds up to a heap of {@code maxHeap}. */
    public static Result run(PlatformProfile.Family family, long maxHeap, Path out, Progress progress)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        SigningKey key = SigningKey.generate();
        if (family == PlatformProfile.Family.ICE_LAKE_SP) {
            sdkBuilds(
                    rows,
                    PlatformProfile.GOLD_5315Y,
                    key,
                    maxHeap,
                    progress,
                    new double[] {0.01, 0.03, 0.18, 0.22, 1.88, 18.64},
                    new String[] {null, null, null, DRIVER_FIT, DRIVER_FIT, null});
        } else {
            sdkBuilds(
                    rows,
                    PlatformProfile.E_2276G,
                    key,
                    maxHeap,
                    progress,
                    new double[] {0.01, 0.03, 0.20, 0.40, 5.31, 53.6},
                    new String[] {null, EADD_FIT, EADD_FIT, RECLAIM_FIT, RECLAIM_FIT, null});
            evictionDuringBuild(rows);
            measuredPageAdd(rows, progress);
            transitions(rows, key, progress);
            pageSwap(rows, key, progress);
        }
        Files.createDirectories(out);
        Path csv = out.resolve("calibration.csv");
        StringBuilder s = new StringBuilder("operation,platform,hardware,unit,modeled,ratio,source\n");
        for (Row r : rows) {
            s.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%s,%s,%s,%.3f,%s%n",
                    csv(r.operation()),
                    r.platform().id(),
                    number(r.hardware()),
                    r.unit(),
                    number(r.modeled()),
                    r.ratio(),
                    csv(r.source())));
        }
        Files.writeString(csv, s);
        progress.step("wrote %s (%d rows)", csv, rows.size());
        return new Result(List.copyOf(rows), csv);
    }

    /** {@code Calibration [--platform P] [--full] [--out D]}: the table into D (default results/calibration). */
    public static void main(String[] args) throws IOException {
        PlatformProfile platform = PlatformProfile.DEFAULT;
        boolean full = false;
        Path out = Path.of("results/calibration");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--platform" -> platform = PlatformProfile.byId(args[++i]);
                case "--full" -> full = true;
                case "--out" -> out = Path.of(args[++i]);
                default ->
                    throw new IllegalArgumentException(
                            "unknown argument " + args[i] + "; use --platform P, --full, --out D");
            }
        }
        Result r = run(platform.family(), full ? FULL_MAX_HEAP : DEFAULT_MAX_HEAP, out, Progress.STDOUT);
        System.out.print(report(r));
    }

    /** The report.md section: the table, and how many rows are within ±30%. */
    public static String report(Result r) {
        StringBuilder md = new StringBuilder(
                "## Calibration: modeled (each row on the part it was measured on) against published hardware\n\n");
        md.append("| operation | platform | hardware | modeled (on the row's platform) | unit | ratio | source |\n")
                .append("|---|---|---:|---:|---|---:|---|\n");
        int within = 0;
        for (Row row : r.rows()) {
            within += row.withinTarget() ? 1 : 0;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %.2f%s | %s |%n",
                    row.operation(),
                    row.platform().id(),
                    number(row.hardware()),
                    number(row.modeled()),
                    row.unit(),
                    row.ratio(),
                    row.withinTarget() ? "" : " (outside ±30%)",
                    row.source()));
        }
        md.append(String.format(
                Locale.ROOT,
                "%n%d of %d rows within ±30%% of the hardware figure; what each miss means: docs/calibration.md.%n%n",
                within,
                r.rows().size()));
        return md.toString();
    }

    // ---------------------------------------------------------------- enclave builds of the SGX SDK

    /**
     * VXAPPS's enclave-size benchmark: one process creates and destroys an SDK enclave whose heap (1 MiB to 10 GiB)
     * is added without EEXTEND, besides its measured code, TCS, SSA, TLS and 1 MiB stack.
     */
    private static void sdkBuilds(
            List<Row> rows,
            PlatformProfile p,
            SigningKey key,
            long maxHeap,
            Progress progress,
            double[] seconds,
            String[] fitted) {
        long[] heaps = {MIB, 10 * MIB, 80 * MIB, 100 * MIB, 1024 * MIB, 10_240 * MIB};
        String[] names = {"1 MiB", "10 MiB", "80 MiB", "100 MiB", "1 GiB", "10 GiB"};
        for (int i = 0; i < heaps.length; i++) {
            if (heaps[i] > maxHeap) {
                continue;
            }
            progress.step("%s: SDK enclave with a %s heap, create and destroy", p.id(), names[i]);
            double modeled = sdkBuild(p, key, heaps[i]).modeledNanos() / 1e9;
            rows.add(new Row(
                    "SDK enclave create+destroy, heap of " + names[i],
                    p,
                    seconds[i],
                    "s",
                    modeled,
                    VXAPPS + (fitted[i] == null ? "" : " (fitted: " + fitted[i] + ")")));
        }
    }

    /** What one create+destroy of the SDK-shaped enclave with {@code heapBytes} of heap executed. */
    static InstructionCounters.Snapshot sdkBuild(PlatformProfile p, SigningKey key, long heapBytes) {
        SdkEnclave shape = new SdkEnclave(heapBytes / Memory.PAGE_SIZE);
        // The part's EPC, or on a part whose EPC holds the enclave anyway, just enough of it (the same: no paging).
        long epc = Math.min(p.epcBytes(), (shape.pages() + 1024) * Memory.PAGE_SIZE);
        Machine m = Machine.builder()
                .platform(p)
                .epcBytes(epc)
                .logicalProcessors(1)
                .seed(1)
                .build();
        Platform platform = Platform.boot(m);
        InstructionCounters.Snapshot before = m.counters();
        Process process = platform.kernel().spawn("sdk-enclave-size", Path.of("/"));
        process.run(ctx -> {
            ctx.lp().charge(SystemCost.PROCESS_CREATE); // the benchmark program's fork+exec
            EnclaveFile file = platform.driver().open(process);
            shape.build(platform.driver(), file, key);
            file.close();
            return null;
        });
        process.exit();
        return m.counters().minus(before);
    }

    /**
     * The Intel SDK's layout (sgx_sign's metadata): the enclave image's pages and one thread's TCS, SSA frames and
     * TLS measured, a 1 MiB stack measured, then the heap added with EADD only ({@code PAGE_ATTR_EADD}, no EEXTEND).
     * The image's size is an assumption (docs/calibration.md): VXAPPS's enclave is a few functions over the SDK's
     * trusted runtime.
     */
    private record SdkEnclave(long heapPages) {
        static final int IMAGE_PAGES = 64;
        static final int STACK_PAGES = 256;
        static final int NSSA = 2;
        static final int HEAP_CHUNK_PAGES = 256;

        long measuredPages() {
            return IMAGE_PAGES + 1 + NSSA + 1 + STACK_PAGES;
        }

        long pages() {
            return measuredPages() + heapPages;
        }

        long size() {
            return Long.highestOneBit(pages() * Memory.PAGE_SIZE - 1) << 1;
        }

        long heapOffset() {
            return measuredPages() * Memory.PAGE_SIZE;
        }

        void build(SgxDriver driver, EnclaveFile file, SigningKey key) {
            List<io.teemate.sgx.loader.EnclavePage> thread = new ArrayList<>();
            EnclaveLayout.addThread(thread, IMAGE_PAGES * (long) Memory.PAGE_SIZE, NSSA, 1);
            byte[] zero = new byte[Memory.PAGE_SIZE];
            Measurement mr = new Measurement();
            mr.ecreate(1, size());
            var attributes = EnclaveLayout.defaultAttributes(false);
            driver.create(file, secs(size(), attributes));
            // The image: code and data, measured.
            SecInfo rx = SecInfo.of(PageType.REG, PagePermissions.RX);
            for (int i = 0; i < IMAGE_PAGES; i++) {
                long offset = (long) i * Memory.PAGE_SIZE;
                driver.addPages(file, zero, offset, rx, true);
                measure(mr, offset, rx, zero);
            }
            for (var page : thread) {
                driver.addPages(file, page.content(), page.offset(), page.secInfo(), true);
                measure(mr, page.offset(), page.secInfo(), page.content());
            }
            SecInfo rw = SecInfo.of(PageType.REG, PagePermissions.RW);
            long stack = (IMAGE_PAGES + 1 + NSSA + 1) * (long) Memory.PAGE_SIZE;
            for (int i = 0; i < STACK_PAGES; i++) {
                long offset = stack + (long) i * Memory.PAGE_SIZE;
                driver.addPages(file, zero, offset, rw, true);
                measure(mr, offset, rw, zero);
            }
            byte[] chunk = new byte[HEAP_CHUNK_PAGES * Memory.PAGE_SIZE];
            for (long done = 0; done < heapPages; done += HEAP_CHUNK_PAGES) {
                int n = (int) Math.min(HEAP_CHUNK_PAGES, heapPages - done);
                long offset = heapOffset() + done * Memory.PAGE_SIZE;
                byte[] source = n == HEAP_CHUNK_PAGES ? chunk : new byte[n * Memory.PAGE_SIZE];
                driver.addPages(file, source, offset, rw, false);
                for (int i = 0; i < n; i++) {
                    mr.eadd(offset + (long) i * Memory.PAGE_SIZE, rw.flags());
                }
            }
            SigStruct sig = SigStructBuilder.forEnclave(mr.finish())
                    .attributes(attributes)
                    .sign(key);
            driver.init(file, sig);
        }

        private static void measure(Measurement mr, long offset, SecInfo secInfo, byte[] content) {
            mr.eadd(offset, secInfo.flags());
            for (int c = 0; c < Memory.PAGE_SIZE; c += Measurement.EEXTEND_CHUNK) {
                mr.eextend(offset + c, content, c);
            }
        }
    }

    /**
     * E-2276G: what one page evicted while the enclave is built costs, from the builds' slopes inside the EPC (10 to
     * 80 MiB) and beyond it (100 MiB to 1 GiB), as calibration-sources.md derives it from the same measurements.
     */
    private static void evictionDuringBuild(List<Row> rows) {
        Row r10 = find(rows, "10 MiB");
        Row r80 = find(rows, "80 MiB");
        Row r100 = find(rows, "100 MiB");
        Row r1g = find(rows, "1 GiB");
        if (r10 == null || r80 == null || r100 == null || r1g == null) {
            return;
        }
        double inside = 1e6 * (r80.modeled() - r10.modeled()) / (70 * MIB / Memory.PAGE_SIZE);
        double beyond = 1e6 * (r1g.modeled() - r100.modeled()) / (924 * MIB / Memory.PAGE_SIZE);
        rows.add(new Row(
                "extra cost of a page evicted during the build (slope beyond EPC - slope inside)",
                r1g.platform(),
                20.5 - 9.5,
                "us/page",
                beyond - inside,
                "derived from " + VXAPPS + " (fitted: RECLAIM_PAGE)"));
    }

    private static Row find(List<Row> rows, String heap) {
        for (Row r : rows) {
            if (r.operation().endsWith(" heap of " + heap)) {
                return r;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- per-page add, transitions, paging

    /**
     * Graphene PR #73 (2017): EADD and 16 EEXTEND per page through the out-of-tree driver, one page per ioctl, on a
     * Skylake client part (Coffee Lake's microarchitecture; priced here on the i9-9900K).
     */
    private static void measuredPageAdd(List<Row> rows, Progress progress) {
        progress.step("i9-9900k: measured pages added one per ioctl");
        PlatformProfile p = PlatformProfile.I9_9900K;
        int pages = 1024;
        Machine m = Machine.builder()
                .platform(p)
                .epcMiB(16)
                .logicalProcessors(1)
                .seed(1)
                .build();
        Platform platform = Platform.boot(m);
        Process process = platform.kernel().spawn("graphene-pal", Path.of("/"));
        InstructionCounters.Snapshot d = process.run(ctx -> {
            EnclaveFile file = platform.driver().open(process);
            platform.driver().create(file, secs(8 * MIB, EnclaveLayout.defaultAttributes(false)));
            byte[] page = new byte[Memory.PAGE_SIZE];
            InstructionCounters.Snapshot before = m.counters();
            for (int i = 0; i < pages; i++) {
                platform.driver()
                        .addPages(
                                file,
                                page,
                                (long) i * Memory.PAGE_SIZE,
                                SecInfo.of(PageType.REG, PagePermissions.RW),
                                true);
            }
            InstructionCounters.Snapshot spent = m.counters().minus(before);
            file.close();
            return spent;
        });
        process.exit();
        rows.add(new Row(
                "EADD + 16 EEXTEND of one page with one page per ioctl",
                p,
                26,
                "us/page",
                d.modeledNanos() / 1e3 / pages,
                "gramineproject/graphene PR #73 (22-30 us per page, Skylake client, 2017 driver; midpoint)"));
    }

    /** An enclave program: 0 returns, 1 makes one ocall, 2 reads RSI pages of the heap from R9 (one long each). */
    public static final class CalibrationProgram implements EnclaveProgram {
        @Override
        public void enter(EnclaveContext ctx) {
            var r = ctx.registers();
            long op = r.get(GprSgx.RDI);
            if (op == 1) {
                ctx.ocall();
            } else if (op == 2) {
                long heap = r.get(GprSgx.R9);
                long sum = 0;
                for (long i = 0; i < r.get(GprSgx.RSI); i++) {
                    sum += ctx.readLong(heap + i * Memory.PAGE_SIZE);
                }
                r.set(GprSgx.RAX, sum);
                return;
            }
            r.set(GprSgx.RAX, 0);
        }
    }

    /** A machine of {@code p} with one process that has built and mapped an enclave of {@code heapPages}. */
    private record Rig(Machine machine, Process process, long tcs, long heap) implements AutoCloseable {
        static Rig of(PlatformProfile p, long epcBytes, int heapPages, SigningKey key) {
            Machine m = Machine.builder()
                    .platform(p)
                    .epcBytes(epcBytes)
                    .logicalProcessors(1)
                    .seed(1)
                    .build();
            Platform platform = Platform.boot(m);
            EnclaveLayout layout =
                    EnclaveLayout.forProgram(m.programs().register(new CalibrationProgram()), 1, 2, 1, heapPages);
            SigStruct sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                    .attributes(EnclaveLayout.defaultAttributes(false))
                    .sign(key);
            Process process = platform.kernel().spawn("calibration", Path.of("/"));
            EnclaveLoader.Loaded e =
                    process.run(ctx -> new EnclaveLoader(platform.driver()).load(process, layout, sig, BASE));
            long tcs = platform.driver().tcsAddresses(e.id()).get(0);
            long heap = BASE + layout.end() - (long) heapPages * Memory.PAGE_SIZE;
            return new Rig(m, process, tcs, heap);
        }

        /** What {@code ops} entries with RDI = {@code op} and RSI = {@code arg} executed, all in one thread run. */
        InstructionCounters.Snapshot enter(long op, long arg, int ops, ExitHandler handler) {
            return process.run(ctx -> {
                ExitHandler exits = handler == null ? ctx.exits() : handler;
                InstructionCounters.Snapshot before = machine.counters();
                for (int i = 0; i < ops; i++) {
                    var r = ctx.lp().registers();
                    r.set(GprSgx.RDI, op);
                    r.set(GprSgx.RSI, arg);
                    r.set(GprSgx.R9, heap);
                    ctx.eenter(tcs, 0x4242_0000L, exits);
                }
                return machine.counters().minus(before);
            });
        }

        @Override
        public void close() {
            process.exit();
        }
    }

    /**
     * mesalock-linux/rust-sgx-benchmark: 5,000,000 empty ECALLs, and as many empty OCALLs, through the SDK on an
     * i9-9900K (pre-LVI microcode).
     */
    private static void transitions(List<Row> rows, SigningKey key, Progress progress) {
        progress.step("i9-9900k: empty ECALL and OCALL round trips");
        int ops = 10_000;
        try (Rig rig = Rig.of(PlatformProfile.I9_9900K, 16 * MIB, 4, key)) {
            rig.enter(0, 0, 100, null); // the pages the entry path touches are mapped after the first entries
            InstructionCounters.Snapshot ecalls = rig.enter(0, 0, ops, null);
            ExitHandler ocalls = new ExitHandler() {
                @Override
                public AexAction onAex(LogicalProcessor lp, io.teemate.sgx.AexEvent event) {
                    return event.isInterrupt() ? AexAction.ERESUME : AexAction.ABORT;
                }

                @Override
                public void onOcall(LogicalProcessor lp) {}
            };
            InstructionCounters.Snapshot withOcall = rig.enter(1, 0, ops, ocalls);
            double ecall = ecalls.modeledNanos() / ops / 1e3;
            double ocall = (withOcall.modeledNanos() - ecalls.modeledNanos()) / ops / 1e3;
            String src = "mesalock-linux/rust-sgx-benchmark Readme.md, C-SGX column (5,000,000 calls, SDK 2.5)";
            rows.add(new Row(
                    "empty ECALL round trip",
                    PlatformProfile.I9_9900K,
                    2.32,
                    "us",
                    ecall,
                    src + " (fitted: EENTER, EEXIT)"));
            rows.add(new Row("empty OCALL round trip", PlatformProfile.I9_9900K, 1.98, "us", ocall, src));
        }
    }

    /**
     * VAULT (ASPLOS'18): a page swap, EWB of a victim and ELDU of the faulting page with the OS's fault path, costs
     * about 40,000 cycles on an SGX1 part: an enclave touching twice as many pages as the EPC holds, in a loop, so
     * every touch faults on an evicted page with the EPC full. The EPC is 4 MiB here rather than the E-2276G's 93 MiB:
     * the cost of one swap does not depend on the EPC's size, and a smaller one keeps the build short.
     */
    private static void pageSwap(List<Row> rows, SigningKey key, Progress progress) {
        progress.step("e-2276g: enclave page faults with the EPC full");
        PlatformProfile p = PlatformProfile.E_2276G;
        int heapPages = 2048;
        try (Rig rig = Rig.of(p, 4 * MIB, heapPages, key)) {
            rig.enter(2, heapPages, 1, null); // every page evicted at least once: the steady state
            InstructionCounters.Snapshot d = rig.enter(2, heapPages, 1, null);
            long swaps = d.count(io.teemate.sgx.cost.SgxLeaf.ELDU);
            rows.add(new Row(
                    "EPC page swap (EWB + ELDU with the OS fault path)",
                    p,
                    40_000,
                    "cycles",
                    swaps == 0 ? 0 : (double) d.totalCycles() / swaps,
                    "VAULT, ASPLOS'18 (abstract: about 40K cycles, SGX1)"));
        }
    }

    /** The SECS ECREATE gets for an enclave of {@code size} at BASE: one-page SSA frames, nothing else set. */
    private static Secs secs(long size, io.teemate.sgx.struct.Attributes attributes) {
        return new Secs(
                size, BASE, 1, 0, attributes, new byte[32], new byte[32], new byte[64], (short) 0, (short) 0, (short)
                        0);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}

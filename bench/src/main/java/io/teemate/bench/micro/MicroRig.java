package io.teemate.bench.micro;

import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.Registers;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.SigStruct;

import java.util.Locale;

/**
 * One emulated machine with one address space and one enclave built on bare metal (no kernel, as the sgx tests'
 * {@code Rig}): the program's code, one thread (TCS, two SSA frames, a thread-local page) and {@code heapPages} of
 * measured RW heap. The benchmarks call in with {@link #ecall}: the function number in RDI, arguments in RSI, RDX and
 * R8, the heap's address in R9, the result in RAX (the convention of the sgx tests' {@code TestProgram}).
 * <p>Enclave code here keeps no Java state in the program object: what lives across entries goes in
 * {@code ctx.enclavePrivate()} (DESIGN.md, enclave rules).
 */
final class MicroRig {
    static final long BASE = 0x10_0000_0000L;
    static final long UNTRUSTED = 0x1000_0000L;
    static final int UNTRUSTED_PAGES = 16;
    static final long AEP = 0x4242_0000L;

    final Machine machine;
    final LogicalProcessor lp;
    final BareMetalLoader loader;
    final MapPageTable pageTable = new MapPageTable();
    final EnclaveLayout layout;
    final BareMetalLoader.LoadedEnclave enclave;
    final long tcs;
    final long heap;
    final int heapPages;

    MicroRig(EnclaveProgram program, int heapPages, int epcMiB) {
        this(program, heapPages, epcMiB, true);
    }

    /** {@code softwareTlb} false: a machine whose processor walks the page table and EPCM on every access. */
    MicroRig(EnclaveProgram program, int heapPages, int epcMiB, boolean softwareTlb) {
        this.heapPages = heapPages;
        machine = Machine.builder()
                .epcMiB(epcMiB)
                .seed(1)
                .logicalProcessors(1)
                .softwareTlb(softwareTlb)
                .build();
        lp = machine.processor(0);
        loader = new BareMetalLoader(machine);
        for (int i = 0; i < UNTRUSTED_PAGES; i++) {
            pageTable.map(UNTRUSTED + i * 4096L, new Pte(machine.dram().allocate(), true, false));
        }
        lp.loadCr3(pageTable);
        layout = EnclaveLayout.forProgram(machine.programs().register(program), 1, 2, 1, heapPages);
        SigStruct sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(false))
                .sign(SigningKey.generate());
        enclave = loader.load(lp, layout, sig, BASE, pageTable);
        tcs = enclave.tcsAddresses().get(0);
        heap = enclave.base() + layout.end() - (long) heapPages * 4096;
    }

    /** EENTER with RDI = fn, RSI = a, RDX = b, R8 = c, R9 = the heap; after EEXIT returns RAX. */
    long ecall(ExitHandler exits, long fn, long a, long b, long c) {
        Registers r = lp.registers();
        r.set(GprSgx.RDI, fn);
        r.set(GprSgx.RSI, a);
        r.set(GprSgx.RDX, b);
        r.set(GprSgx.R8, c);
        r.set(GprSgx.R9, heap);
        lp.eenter(tcs, AEP, exits);
        return r.get(GprSgx.RAX);
    }

    long ecall(long fn, long a, long b, long c) {
        return ecall(ExitHandler.RESUME_INTERRUPTS, fn, a, b, c);
    }

    InstructionCounters.Snapshot counters() {
        return machine.counters();
    }

    /**
     * One line for the report: the modeled hardware time per operation, from what this machine's processors
     * executed ({@link InstructionCounters}) since {@code before} divided by {@code ops}, and the leaves per op.
     */
    static String modeledLine(
            String what, InstructionCounters.Snapshot before, InstructionCounters.Snapshot after, long ops) {
        return modeledLine(what, after.minus(before), ops);
    }

    /** {@code a + b}, leaf by leaf. */
    static InstructionCounters.Snapshot plus(InstructionCounters.Snapshot a, InstructionCounters.Snapshot b) {
        long[] c = a.counts().clone();
        long[] y = a.cycles().clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += b.counts()[i];
            y[i] += b.cycles()[i];
        }
        return new InstructionCounters.Snapshot(c, y, a.model());
    }

    /** The line for what the measured operations executed, {@code d}, over {@code ops} operations. */
    static String modeledLine(String what, InstructionCounters.Snapshot d, long ops) {
        StringBuilder leaves = new StringBuilder();
        for (SgxLeaf leaf : SgxLeaf.values()) {
            long n = d.count(leaf);
            if (n > 0) {
                leaves.append(leaves.isEmpty() ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%.3f %s", (double) n / ops, leaf));
            }
        }
        return String.format(
                Locale.ROOT,
                "MODELED %s: %.1f ns/op modeled over %,d ops (per op: %s)",
                what,
                ops == 0 ? 0 : d.modeledNanos() / ops,
                ops,
                leaves.isEmpty() ? "no SGX leaves" : leaves);
    }
}

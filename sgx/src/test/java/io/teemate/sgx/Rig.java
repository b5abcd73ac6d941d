package io.teemate.sgx;

import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.BareMetalLoader.LoadedEnclave;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.SigStruct;

import java.time.LocalDate;

/** A machine with one address space, some untrusted memory, and helpers to load and call test enclaves. */
final class Rig {
    static final SigningKey KEY = SigningKey.generate();
    static final SigningKey OTHER_KEY = SigningKey.generate();
    static final long UNTRUSTED = 0x1000_0000L;
    static final int UNTRUSTED_PAGES = 8;
    static final long AEP = 0x4242_0000L;
    static final int THREADS = 2;
    static final int NSSA = 2;
    static final int HEAP_PAGES = 4;

    final Machine machine;
    final BareMetalLoader loader;
    final MapPageTable pageTable = new MapPageTable();

    Rig(long seed) {
        this(Machine.builder().epcMiB(8).seed(seed).logicalProcessors(4));
    }

    /** A rig on the machine {@code builder} describes. */
    Rig(Machine.Builder builder) {
        machine = builder.build();
        loader = new BareMetalLoader(machine);
        for (int i = 0; i < UNTRUSTED_PAGES; i++) {
            pageTable.map(UNTRUSTED + i * 4096L, new Pte(machine.dram().allocate(), true, false));
        }
        for (LogicalProcessor lp : machine.processors()) {
            lp.loadCr3(pageTable);
        }
    }

    LogicalProcessor lp(int id) {
        return machine.processor(id);
    }

    /** A loaded test enclave: where its TCSs, SSA frames and heap are. */
    record TestEnclave(LoadedEnclave loaded, EnclaveLayout layout, SigStruct sigStruct) {
        long tcs(int i) {
            return loaded.tcsAddresses().get(i);
        }

        /** SSA frame {@code frame} of thread {@code thread}: right after its TCS. */
        long ssa(int thread, int frame) {
            return tcs(thread) + 4096L * (1 + frame);
        }

        long heap() {
            return loaded.base() + layout.end() - HEAP_PAGES * 4096L;
        }

        byte[] mrEnclave() {
            return sigStruct.enclaveHash();
        }
    }

    static EnclaveLayout layoutFor(CodeImage image) {
        return EnclaveLayout.forProgram(image, THREADS, NSSA, 1, HEAP_PAGES);
    }

    static SigStruct sign(EnclaveLayout layout, SigningKey key, int miscSelect) {
        return SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(true))
                .miscSelect(miscSelect, ~0)
                .isvProdId(7)
                .isvSvn(3)
                .date(LocalDate.of(2026, 11, 25))
                .sign(key);
    }

    TestEnclave load(EnclaveProgram program, long base) {
        return load(program, base, KEY, 0);
    }

    TestEnclave load(EnclaveProgram program, long base, SigningKey key, int miscSelect) {
        EnclaveLayout layout = layoutFor(machine.programs().register(program));
        SigStruct sig = sign(layout, key, miscSelect);
        return new TestEnclave(loader.load(lp(0), layout, sig, base, pageTable), layout, sig);
    }

    /** Sets up the ecall registers and enters; returns RAX. */
    long call(LogicalProcessor lp, TestEnclave e, int thread, ExitHandler exits, long fn, long a, long b, long c) {
        Registers r = lp.registers();
        r.set(GprSgx.RDI, fn);
        r.set(GprSgx.RSI, a);
        r.set(GprSgx.RDX, b);
        r.set(GprSgx.R8, c);
        r.set(GprSgx.R9, e.heap());
        lp.eenter(e.tcs(thread), AEP, exits);
        return r.get(GprSgx.RAX);
    }

    long call(TestEnclave e, long fn, long a, long b) {
        return call(lp(0), e, 0, ExitHandler.RESUME_INTERRUPTS, fn, a, b, 0);
    }
}

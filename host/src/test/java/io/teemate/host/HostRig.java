package io.teemate.host;

import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.AnonymousMemory;
import io.teemate.host.kernel.Kernel;
import io.teemate.host.kernel.Process;
import io.teemate.host.kernel.UserContext;
import io.teemate.host.loader.EnclaveLoader;
import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.Machine;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.SigStruct;

import java.nio.file.Path;

/** A machine with its kernel, SGX driver and TeeMate controller, and helpers to build and call test enclaves. */
final class HostRig {
    static final SigningKey KEY = SigningKey.generate();
    static final long BASE = 0x7000_0000_0000L;
    static final long UNTRUSTED = 0x1000_0000L;
    static final long AEP = 0x40_1000L;

    final Machine machine;
    final Kernel kernel;
    final SgxDriver driver;
    final TeeMateController controller;
    final EnclaveLoader loader;

    HostRig(long epcPages, int processors) {
        machine = Machine.builder()
                .epcBytes(epcPages * 4096)
                .logicalProcessors(processors)
                .seed(17)
                .build();
        kernel = new Kernel(machine);
        driver = new SgxDriver(kernel);
        controller = new TeeMateController(driver);
        loader = new EnclaveLoader(driver);
    }

    Process spawn(String name) {
        Process p = kernel.spawn(name, Path.of("/tmp"));
        p.addressSpace().mmap(UNTRUSTED, 16 * 4096, PagePermissions.RW, new AnonymousMemory(machine.dram()));
        return p;
    }

    /** A built test enclave: where its heap starts and how big it is. */
    record Built(EnclaveLoader.Loaded loaded, EnclaveLayout layout, int heapPages) {
        long id() {
            return loaded.id();
        }

        long heap() {
            return loaded.base() + layout.end() - heapPages * 4096L;
        }
    }

    Built build(Process creator, int threads, int heapPages) {
        EnclaveLayout layout =
                EnclaveLayout.forProgram(machine.programs().register(new HeapProgram()), threads, 2, 1, heapPages);
        SigStruct sig = SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(EnclaveLayout.defaultAttributes(false))
                .sign(KEY);
        EnclaveLoader.Loaded loaded = creator.run(ctx -> loader.load(creator, layout, sig, BASE));
        return new Built(loaded, layout, heapPages);
    }

    /** One ecall through {@code tcs} with the kernel's exit handling; returns RAX. */
    static long ecall(UserContext ctx, long tcs, long fn, long a, long b, long c) {
        var r = ctx.lp().registers();
        r.set(GprSgx.RDI, fn);
        r.set(GprSgx.RSI, a);
        r.set(GprSgx.RDX, b);
        r.set(GprSgx.R8, c);
        ctx.eenter(tcs, AEP, ctx.exits());
        return r.get(GprSgx.RAX);
    }

    static ExitHandler exits(UserContext ctx) {
        return ctx.exits();
    }
}

package io.teemate.bench.micro;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.EnclavePageAllocator;
import io.teemate.enclave.memory.ThreadBoundMemory;
import io.teemate.faas.enclave.EnclaveLinearMemory;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Creating a Chicory instance (interpreter) of the committed {@code faas/workloads/wasm/echo.wasm} (284 bytes, one
 * Wasm page of memory, three WASI imports), as {@code WasmApp} does for every invocation, without running
 * {@code _start}: a WASI host, {@code Instance.builder(module)...build()} (linear memory allocated, data segments
 * copied), then the memory freed.
 * <ul>
 *   <li>{@link #enclaveMemory}: in an enclave, the linear memory an {@link EnclaveLinearMemory} of 16 heap pages from
 *       an {@link Arena}, every byte zeroed and reached through the emulated processor's checks (and zeroed again by
 *       the allocator when freed). {@value #PER_ECALL} instances per ECALL, so the ECALL is amortized.</li>
 *   <li>{@link #plainMemory}: the same on the JVM heap, Chicory's {@link ByteArrayMemory}, outside any enclave.</li>
 * </ul>
 * The module is parsed once (per enclave, as {@code ModuleCache} does); the difference between the two is what
 * enclave pages cost an instance. {@code WasmEngineBenchmark} covers running a module, this only its creation.
 * Run from the repository root (the module is read from {@code faas/workloads/wasm/echo.wasm}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class WasmInstanceBench {
    static final Path ECHO = Path.of("faas", "workloads", "wasm", "echo.wasm");
    static final int PER_ECALL = 16;
    static final int HEAP_PAGES = 64;
    static final long INIT = 1;
    static final long INSTANTIATE = 2;

    /** What the enclave keeps between entries: its heap and the parsed module. */
    record Loaded(ThreadBoundMemory memory, Arena heap, WasmModule module) {}

    /** Builds one instance with {@code memories} as its memory factory; returns its memory's size in bytes. */
    static long instantiate(WasmModule module, Function<MemoryLimits, Memory> memories) {
        try (WasiPreview1 wasi = WasiPreview1.builder()
                .withOptions(WasiOptions.builder().build())
                .build()) {
            Instance instance = Instance.builder(module)
                    .withImportValues(ImportValues.builder()
                            .addFunction(wasi.toHostFunctions())
                            .build())
                    .withMemoryFactory(memories)
                    .withStart(false)
                    .build();
            return (long) instance.memory().pages() * Memory.PAGE_SIZE;
        }
    }

    /**
     * The enclave: INIT (RSI = untrusted address, RDX = length of the module, which a real enclave would check
     * against its manifest's hash) parses it and makes the heap; INSTANTIATE creates RSI instances in enclave memory
     * and frees them (RAX = bytes of linear memory made).
     */
    public static final class WasmProgram implements EnclaveProgram {
        @Override
        public void enter(EnclaveContext ctx) {
            var r = ctx.registers();
            long fn = r.get(GprSgx.RDI);
            long heap = r.get(GprSgx.R9);
            ThreadBoundMemory memory =
                    ctx.enclavePrivate().computeIfAbsent(ThreadBoundMemory.class, ThreadBoundMemory::new);
            memory.run(ctx, () -> {
                if (fn == INIT) {
                    byte[] wasm = ctx.read(r.get(GprSgx.RSI), (int) r.get(GprSgx.RDX));
                    ctx.enclavePrivate()
                            .computeIfAbsent(
                                    Loaded.class,
                                    () -> new Loaded(
                                            memory,
                                            new Arena(new EnclavePageAllocator(
                                                    memory, heap, HEAP_PAGES, HEAP_PAGES, null)),
                                            Parser.parse(wasm)));
                    return;
                }
                Loaded l = ctx.enclavePrivate().get(Loaded.class);
                long bytes = 0;
                for (int i = 0; i < r.get(GprSgx.RSI); i++) {
                    EnclaveLinearMemory[] made = new EnclaveLinearMemory[1];
                    bytes += instantiate(
                            l.module(), limits -> made[0] = new EnclaveLinearMemory(l.heap(), limits, 16, d -> {}));
                    made[0].free();
                }
                r.set(GprSgx.RAX, bytes);
            });
        }
    }

    MicroRig rig;
    WasmModule module;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        byte[] wasm = Files.readAllBytes(ECHO);
        module = Parser.parse(wasm);
        rig = new MicroRig(new WasmProgram(), HEAP_PAGES, 16);
        rig.lp.write(MicroRig.UNTRUSTED, wasm, 0, wasm.length);
        rig.ecall(INIT, MicroRig.UNTRUSTED, wasm.length, 0);
        if (rig.ecall(INSTANTIATE, 1, 0, 0) != Memory.PAGE_SIZE) {
            throw new IllegalStateException("the instance in the enclave does not have echo.wasm's one Wasm page");
        }
    }

    @Benchmark
    @OperationsPerInvocation(PER_ECALL)
    public long enclaveMemory() {
        return rig.ecall(INSTANTIATE, PER_ECALL, 0, 0);
    }

    @Benchmark
    public long plainMemory() {
        return instantiate(module, ByteArrayMemory::new);
    }
}

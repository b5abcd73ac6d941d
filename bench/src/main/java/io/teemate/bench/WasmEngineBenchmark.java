package io.teemate.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.teemate.faas.abi.WasmEngine;
import io.teemate.faas.host.EnclaveFunctionPlatform;
import io.teemate.faas.host.FunctionSpec;
import io.teemate.faas.host.Invocation;
import io.teemate.faas.host.PlatformOptions;
import io.teemate.faas.host.WatCompiler;
import io.teemate.host.container.Mode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Chicory's interpreter against its compiler (Wasm to JVM bytecode) on one memory-heavy WASI module, a sieve of
 * Eratosthenes over {@value #LIMIT} bytes of linear memory (about 0.7 million loads and stores):
 * <ul>
 *   <li>{@link #plainChicory}: a fresh instance with Chicory's own heap memory ({@code ByteArrayMemory}), run to
 *       the end: the engine alone, outside any enclave.</li>
 *   <li>{@link #enclaveWarmInvocation}: a warm invocation of the same module as a function of an
 *       {@link EnclaveFunctionPlatform} (shared mode): a fresh isolate whose linear memory is enclave pages, every
 *       load and store through the emulated processor's SGX checks, plus the ECALL and the output OCALL.</li>
 * </ul>
 * The compiled code is made once (per enclave, as the platform does) in setup, so both numbers are per-invocation
 * costs. Run: {@code java -jar bench/target/benchmarks.jar WasmEngineBenchmark}.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 3, timeUnit = TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:MaxDirectMemorySize=1g", "-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class WasmEngineBenchmark {
    static final int LIMIT = 200_000;
    /** Primes below {@value #LIMIT}. */
    static final int PRIMES = 17_984;

    static final String SIEVE = """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (memory 4)
              (func (export "_start")
                (local $i i32) (local $j i32) (local $count i32)
                (local.set $i (i32.const 2))
                (loop $outer
                  (if (i32.eqz (i32.load8_u offset=1024 (local.get $i)))
                    (then
                      (local.set $count (i32.add (local.get $count) (i32.const 1)))
                      (local.set $j (i32.add (local.get $i) (local.get $i)))
                      (block $done
                        (loop $inner
                          (br_if $done (i32.ge_u (local.get $j) (i32.const %d)))
                          (i32.store8 offset=1024 (local.get $j) (i32.const 1))
                          (local.set $j (i32.add (local.get $j) (local.get $i)))
                          (br $inner)))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $outer (i32.lt_u (local.get $i) (i32.const %d))))
                (i32.store (i32.const 16) (local.get $count))
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 4))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
            """.formatted(LIMIT, LIMIT);

    @Param({"interpreter", "compiler"})
    public String engine;

    private WasmModule module;
    private Function<Instance, Machine> compiled;
    private EnclaveFunctionPlatform platform;
    private Path workDir;

    @Setup
    public void setUp() throws IOException {
        byte[] wasm = new WatCompiler().compile(SIEVE.getBytes(StandardCharsets.UTF_8));
        module = Parser.parse(wasm);
        WasmEngine e = WasmEngine.parse(engine);
        compiled = e == WasmEngine.COMPILER ? MachineFactoryCompiler.compile(module) : null;
        workDir = Files.createTempDirectory("teemate-wasm-bench");
        platform = EnclaveFunctionPlatform.create(
                Mode.SHARED,
                workDir,
                PlatformOptions.defaults()
                        .withHeap("4M", false)
                        .withThreads(2)
                        .withMachine(64, 2)
                        .withEngine(e));
        platform.deploy(new FunctionSpec("sieve", wasm, false, List.of(), Map.of(), 8, 60_000));
        check(platform.invoke("sieve", new byte[0], Map.of()).output()); // the cold start, outside the measurement
        check(plainChicory());
    }

    @TearDown
    public void tearDown() throws IOException {
        platform.close();
        TempDirs.delete(workDir);
    }

    private static void check(byte[] out) {
        int primes = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (primes != PRIMES) {
            throw new IllegalStateException("the sieve found " + primes + " primes, not " + PRIMES);
        }
    }

    @Benchmark
    public byte[] plainChicory() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WasiPreview1 wasi = WasiPreview1.builder()
                .withOptions(WasiOptions.builder().withStdout(out).build())
                .build()) {
            Instance.Builder b = Instance.builder(module)
                    .withMemoryFactory(ByteArrayMemory::new)
                    .withImportValues(ImportValues.builder()
                            .addFunction(wasi.toHostFunctions())
                            .build());
            if (compiled != null) {
                b.withMachineFactory(compiled);
            }
            b.build(); // runs _start
        } catch (WasiExitException e) {
            // proc_exit(0)
        }
        return out.toByteArray();
    }

    @Benchmark
    public Invocation enclaveWarmInvocation() {
        return platform.invoke("sieve", new byte[0], Map.of());
    }
}

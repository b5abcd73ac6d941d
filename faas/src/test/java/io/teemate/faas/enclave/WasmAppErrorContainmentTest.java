package io.teemate.faas.enclave;

import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.CowSpace;
import io.teemate.enclave.memory.EnclaveMemory;
import io.teemate.enclave.memory.EnclavePageAllocator;
import io.teemate.enclave.memory.FakeEnclaveMemory;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.faas.abi.WasmAbi;
import io.teemate.sgx.program.EnclavePrivate;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Security review finding 3, in the enclave: an {@link Error} raised while an instance is built or runs (the Java
 * heap running out, a linkage failure, ...) must end that invocation with an exception the trusted runtime turns
 * into a clean failure, never escape as an Error (which abandons the enclave thread and loses its TCS). The
 * emulator's own thread-abandon Error is the one exception: it must pass through untouched.
 */
class WasmAppErrorContainmentTest {
    private static final long BASE = 0x7000_0000_0000L;
    private static final long WATCHDOG_MS = 1_000;

    /** Enclave pages that throw {@code failure} on a write once armed: an allocation failing under the module. */
    private static final class FailingPages implements EnclaveMemory {
        private final FakeEnclaveMemory pages = new FakeEnclaveMemory(BASE, 256);
        volatile Supplier<Throwable> failure;
        /** Whether every write fails (the clean-up's too), not only the first. */
        volatile boolean persistent;

        @Override
        public void read(long la, byte[] dst, int off, int len) {
            pages.read(la, dst, off, len);
        }

        @Override
        public void write(long la, byte[] src, int off, int len) {
            fail();
            pages.write(la, src, off, len);
        }

        @Override
        public long readLong(long la) {
            return pages.readLong(la);
        }

        @Override
        public void writeLong(long la, long v) {
            fail();
            pages.writeLong(la, v);
        }

        private void fail() {
            Supplier<Throwable> f = failure;
            if (f != null) {
                if (!persistent) {
                    failure = null;
                }
                Throwable t = f.get();
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
        }
    }

    /** Just enough of a container for WasmApp: one module, an invocation, a heap over {@link FailingPages}. */
    private static final class Env implements ContainerEnv {
        final FailingPages pages = new FailingPages();
        final Arena heap = new Arena(new EnclavePageAllocator(pages, BASE, 256, 256, null));
        final EnclavePrivate enclave = new EnclavePrivate();
        final byte[] module;
        byte[] stdin = new byte[0];
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Env(byte[] module) {
            this.module = module;
        }

        @Override
        public String name() {
            return "f";
        }

        @Override
        public byte[] identity() {
            return new byte[32];
        }

        @Override
        public List<String> args() {
            return List.of("module.wasm");
        }

        @Override
        public byte[] stdin() {
            return stdin;
        }

        @Override
        public Map<String, String> environment() {
            return Map.of(
                    WasmAbi.ENV_MAX_MEMORY_PAGES,
                    "4",
                    WasmAbi.ENV_TIMEOUT_MS,
                    Long.toString(WATCHDOG_MS),
                    WasmAbi.ENV_ENGINE,
                    "interpreter");
        }

        @Override
        public InputStream openFile(String path) {
            return new ByteArrayInputStream(module);
        }

        @Override
        public byte[] readFile(String path) {
            return module.clone();
        }

        @Override
        public void stdout(byte[] bytes) {
            out.writeBytes(bytes);
        }

        @Override
        public Arena heap() {
            return heap;
        }

        @Override
        public EnclaveMemory memory() {
            return pages;
        }

        @Override
        public void charge(io.teemate.sgx.cost.SystemCost cost, long units) {}

        @Override
        public EnclavePrivate enclavePrivate() {
            return enclave;
        }

        @Override
        public <T> T local(Class<T> type, Supplier<? extends T> factory) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CowSpace cowSpace(long sizeBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream openHostFile(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] seal(byte[] data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] unseal(byte[] blob) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] sealPrivate(String purpose, byte[] data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] unsealPrivate(String purpose, byte[] blob) {
            throw new UnsupportedOperationException();
        }
    }

    private static Env echo() throws Exception {
        Env env = new Env(Files.readAllBytes(Path.of("workloads/wasm/echo.wasm")));
        assertThat(new WasmApp().main(env)).as("prepare: load the module").isZero();
        env.stdin = WasmAbi.encodeInvocation(Map.of(), "hello".getBytes());
        return env;
    }

    private static Throwable invokeFailing(Env env, Supplier<Throwable> failure) {
        env.pages.failure = failure;
        try {
            return catchThrowable(() -> new WasmApp().main(env));
        } finally {
            env.pages.failure = null;
        }
    }

    @Test
    void anOutOfMemoryErrorUnderTheInstanceIsThatInvocationsMemoryFailure() throws Exception {
        Env env = echo();
        Throwable t = invokeFailing(env, () -> new OutOfMemoryError("Java heap space"));
        assertThat(t)
                .isInstanceOf(WasmMemoryLimitException.class)
                .isNotInstanceOf(Error.class)
                .hasMessageContaining("ran out of memory");
        assertThat(env.heap.pages()).as("the instance's memory went back").isZero();
        assertThat(new WasmApp().main(env)).as("the next invocation runs").isZero();
        assertThat(env.out.toString()).isEqualTo("hello");
    }

    @Test
    void anErrorThatAlsoHitsTheCleanUpStillLeavesAsAnException() throws Exception {
        Env env = echo();
        env.pages.persistent = true;
        Throwable t = invokeFailing(env, () -> new OutOfMemoryError("Java heap space"));
        assertThat(t)
                .as("the runtime tears the container and its heap down")
                .isInstanceOf(WasmMemoryLimitException.class);
    }

    @Test
    void otherErrorsAreACrashOfThatInvocationNotAnError() throws Exception {
        Env env = echo();
        for (Supplier<Throwable> error : List.<Supplier<Throwable>>of(
                () -> new NoClassDefFoundError("x/Y"),
                () -> new InternalError("boom"),
                () -> new AssertionError("bug"),
                () -> new IllegalStateException("bug"))) {
            Throwable t = invokeFailing(env, error);
            assertThat(t).isInstanceOf(WasmCrashException.class).isNotInstanceOf(Error.class);
            assertThat(env.heap.pages()).isZero();
        }
        assertThat(new WasmApp().main(env)).isZero();
    }

    @Test
    void theEmulatorsThreadAbandonErrorPassesThroughUntouched() throws Exception {
        Env env = echo();
        Class<?> type = Class.forName("io.teemate.sgx.EnclaveEntry$ThreadAbandoned");
        Constructor<?> make = type.getDeclaredConstructors()[0];
        make.setAccessible(true);
        Error abandon = (Error) make.newInstance(null, null);
        Throwable t = invokeFailing(env, () -> abandon);
        assertThat(t).isSameAs(abandon);
        assertThat(Thread.interrupted()).isFalse();
        Thread.sleep(WATCHDOG_MS + 500);
        assertThat(Thread.interrupted())
                .as("the invocation's watchdog was disarmed: it does not interrupt the thread later")
                .isFalse();
    }
}

package io.teemate.faas.enclave;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.enclave.runtime.HostServiceException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * teemate.service, the import under the prelude's fetch and teemate.kv: the host's reply is copied only within the
 * module's out_cap (a longer one is -E2BIG, nothing written), the host's errno comes back negated, lengths the module
 * passes are checked before anything leaves the enclave, and an output range outside the linear memory traps.
 */
class JsHostServicesTest {
    private static final int NAME = 0;
    private static final int REQ = 100;
    private static final int OUT = 1000;

    private final List<String> calls = new ArrayList<>();
    private final Memory memory = new ByteArrayMemory(new MemoryLimits(1, 1));

    /** A container whose host answers {@code host}; nothing else of it is used. */
    private ContainerEnv env(BiFunction<String, byte[], byte[]> host) {
        return (ContainerEnv) Proxy.newProxyInstance(
                ContainerEnv.class.getClassLoader(), new Class<?>[] {ContainerEnv.class}, (proxy, m, args) -> {
                    if (m.getName().equals("hostService")) {
                        calls.add((String) args[0]);
                        return host.apply((String) args[0], (byte[]) args[1]);
                    }
                    if (m.getName().equals("name")) {
                        return "f";
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private long call(ContainerEnv env, String name, byte[] req, int out, int cap) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        memory.write(NAME, n);
        memory.write(REQ, req);
        return JsHostServices.call(env, memory, NAME, n.length, REQ, req.length, out, cap);
    }

    @Test
    void aReplyWithinTheCapacityIsCopiedAndItsLengthReturned() {
        long n = call(
                env((s, r) -> ("re:" + new String(r, StandardCharsets.UTF_8)).getBytes()),
                "kv",
                "ab".getBytes(),
                OUT,
                16);
        assertThat(n).isEqualTo(5);
        assertThat(new String(memory.readBytes(OUT, 5), StandardCharsets.UTF_8)).isEqualTo("re:ab");
        assertThat(calls).containsExactly("kv");
    }

    @Test
    void aReplyLongerThanTheCapacityIsE2bigAndWritesNothing() {
        long n = call(env((s, r) -> new byte[] {1, 2, 3, 4, 5}), "fetch", new byte[1], OUT, 4);
        assertThat(n).isEqualTo(-JsHostServices.E2BIG);
        assertThat(memory.readBytes(OUT, 5)).containsOnly(0);
    }

    @Test
    void theHostsErrnoComesBackNegated() {
        long n = call(
                env((s, r) -> {
                    throw new HostServiceException(38, "no host service");
                }),
                "nope",
                new byte[0],
                OUT,
                16);
        assertThat(n).isEqualTo(-JsHostServices.ENOSYS);
        // an environment without a host (a test's): ENOSYS too
        ContainerEnv none = (ContainerEnv) Proxy.newProxyInstance(
                ContainerEnv.class.getClassLoader(), new Class<?>[] {ContainerEnv.class}, (proxy, m, args) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
        assertThat(call(none, "kv", new byte[0], OUT, 16)).isEqualTo(-JsHostServices.ENOSYS);
    }

    @Test
    void badLengthsAreRefusedBeforeAnythingLeaves() {
        ContainerEnv env = env((s, r) -> new byte[0]);
        assertThat(JsHostServices.call(env, memory, NAME, -1, REQ, 0, OUT, 16)).isEqualTo(-JsHostServices.EINVAL);
        assertThat(JsHostServices.call(env, memory, NAME, 65, REQ, 0, OUT, 16)).isEqualTo(-JsHostServices.EINVAL);
        assertThat(JsHostServices.call(env, memory, NAME, 2, REQ, -5, OUT, 16)).isEqualTo(-JsHostServices.EINVAL);
        assertThat(JsHostServices.call(env, memory, NAME, 2, REQ, 0, OUT, -1)).isEqualTo(-JsHostServices.EINVAL);
        // an output range past the linear memory traps, as any bad access of the module's does
        assertThatThrownBy(() -> JsHostServices.call(env, memory, NAME, 2, REQ, 0, 65_000, 1000))
                .isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> JsHostServices.call(env, memory, NAME, 2, REQ, 0, -8, 16))
                .isInstanceOf(WasmRuntimeException.class);
        assertThat(calls).isEmpty();
    }
}

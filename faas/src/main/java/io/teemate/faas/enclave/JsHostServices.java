package io.teemate.faas.enclave;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.enclave.runtime.HostServiceException;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * The JavaScript engine's import {@code teemate.service(name, name_len, req, req_len, out, out_cap) -> i32} (declared
 * in jsfn.c): a request to one of the host platform's services ({@link ContainerEnv#hostService}), which the
 * prelude's {@code fetch} and {@code teemate.kv} build on. It returns the reply's length, copied to {@code out}, or a
 * negative errno: the host's (ENOSYS: no such service, EIO: it failed, EINVAL: it refused the request), E2BIG when
 * the reply is longer than {@code out_cap} or the request than the ocall buffer, ENOSYS where there is no host.
 * <p>The reply is the host's, UNTRUSTED: this only copies it, within {@code out_cap}; the prelude checks what it says.
 * Every pointer and length comes from the module: a negative length is refused by value, a range outside its linear
 * memory traps (Chicory's bounds check) as any bad access of the function's does.
 */
final class JsHostServices {
    /** A service name: short, as the platform's are ("fetch", "kv"). */
    static final int MAX_NAME = 64;

    static final int E2BIG = HostServiceException.E2BIG;
    static final int EINVAL = 22;
    static final int ENOSYS = 38;

    private JsHostServices() {}

    static HostFunction function(ContainerEnv env) {
        return new HostFunction(
                "teemate",
                "service",
                FunctionType.of(Collections.nCopies(6, ValType.I32), List.of(ValType.I32)),
                (instance, args) -> new long[] {call(env, instance.memory(), args)});
    }

    /** The import's body: {@code a} are its six arguments, {@code m} the calling instance's linear memory. */
    static long call(ContainerEnv env, Memory m, long... a) {
        int nameLen = (int) a[1];
        int reqLen = (int) a[3];
        int outCap = (int) a[5];
        if (nameLen < 0 || nameLen > MAX_NAME || reqLen < 0 || outCap < 0) {
            return -EINVAL;
        }
        int out = (int) a[4];
        // the output range is checked before the call, so a bad pointer traps before the request leaves
        if (Integer.toUnsignedLong(out) + outCap > (long) m.pages() * Memory.PAGE_SIZE) {
            throw new WasmRuntimeException("service: output buffer out of bounds of the linear memory");
        }
        String name = new String(m.readBytes((int) a[0], nameLen), StandardCharsets.UTF_8);
        byte[] request = m.readBytes((int) a[2], reqLen);
        byte[] reply;
        try {
            reply = env.hostService(name, request);
        } catch (HostServiceException e) {
            return -e.errno();
        } catch (UnsupportedOperationException e) {
            return -ENOSYS;
        }
        if (reply.length > outCap) {
            return -E2BIG;
        }
        m.write(out, reply);
        return reply.length;
    }
}

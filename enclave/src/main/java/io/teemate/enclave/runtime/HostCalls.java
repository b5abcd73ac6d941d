package io.teemate.enclave.runtime;

import io.teemate.abi.RuntimeAbi;
import io.teemate.sgx.Registers;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.struct.GprSgx;

/**
 * Ocalls from the runtime to the container's host side, through the untrusted ocall buffer the ecall named.
 * Arguments are written to the buffer (after its 8-byte result slot) before EEXIT; after re-entry the result slot
 * holds the result length or a negative errno (EENTER itself sets RAX to CSSA, so no register can carry it), and
 * the result is copied into the enclave. A length the host reports beyond the buffer is refused rather than read.
 */
final class HostCalls {
    /** An ocall the host failed (negative errno) or answered with an impossible length. */
    static final class OcallException extends RuntimeException {
        final long errno;

        OcallException(long errno, String message) {
            super(message);
            this.errno = errno;
        }
    }

    private final EnclaveContext ctx;
    private final long buffer;
    private final int capacity;

    HostCalls(EnclaveContext ctx, long buffer, int capacity) {
        this.ctx = ctx;
        this.buffer = buffer;
        this.capacity = Math.max(0, capacity - RuntimeAbi.OCALL_HEADER);
    }

    int capacity() {
        return capacity;
    }

    /** Makes ocall {@code number} with {@code argument}; returns the result bytes copied into the enclave. */
    byte[] call(long number, byte[] argument) {
        if (argument.length > capacity) {
            throw new OcallException(
                    -1,
                    "ocall argument of " + argument.length + " bytes exceeds the " + capacity + "-byte ocall buffer");
        }
        Registers r = ctx.registers();
        ctx.write(buffer + RuntimeAbi.OCALL_HEADER, argument);
        r.set(GprSgx.RDI, number);
        r.set(GprSgx.RSI, argument.length);
        ctx.ocall();
        long result = ctx.readLong(buffer);
        if (result < 0) {
            throw new OcallException(result, "ocall " + number + " failed with errno " + -result);
        }
        if (result > capacity) {
            throw new OcallException(
                    -1, "the host claims " + result + " result bytes in a " + capacity + "-byte buffer");
        }
        return ctx.read(buffer + RuntimeAbi.OCALL_HEADER, (int) result);
    }
}

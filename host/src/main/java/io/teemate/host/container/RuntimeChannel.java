package io.teemate.host.container;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;
import io.teemate.host.kernel.AnonymousMemory;
import io.teemate.host.kernel.Errno;
import io.teemate.host.kernel.KernelException;
import io.teemate.host.kernel.Process;
import io.teemate.host.kernel.UserContext;
import io.teemate.sgx.AexEvent;
import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.PageFault;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PagePermissions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The untrusted half of the runtime's call interface for one container process (the "urts" of an SGX SDK): its
 * request, response and ocall buffers in the process's memory, the ecall wrapper, and the ocall handler that
 * serves file reads from the container's mount namespace, collects its output and hands its service requests to the
 * platform's {@link HostService}s.
 */
final class RuntimeChannel {
    static final long AEP = 0x40_1000L;
    static final long BUFFERS = 0x1000_0000L;
    /**
     * Room for an OpenWhisk activation: its payload limit is 1 MiB ({@code whisk.activation.payload.max}), and the
     * action-runtime harness echoes a body just over it ({@code "a" * 1048561}), so the buffer is 2 MiB. Pages are
     * backed on first touch, so a small request costs no more than before.
     */
    static final int REQUEST_CAPACITY = 2 << 20;

    static final int RESPONSE_CAPACITY = 4 << 20;
    static final int OCALL_CAPACITY = 256 << 10;
    private static final long REQUEST = BUFFERS;
    private static final long RESPONSE = REQUEST + REQUEST_CAPACITY;
    private static final long OCALL = RESPONSE + RESPONSE_CAPACITY;

    private final Process process;
    private final String containerName;
    /** The manager's services by name, looked up at each call (a service registered later is found). */
    private final Map<String, HostService> services;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    RuntimeChannel(Process process, String containerName, Map<String, HostService> services) {
        this.process = process;
        this.containerName = containerName;
        this.services = services;
        process.addressSpace()
                .mmap(
                        BUFFERS,
                        REQUEST_CAPACITY + RESPONSE_CAPACITY + OCALL_CAPACITY,
                        PagePermissions.RW,
                        new AnonymousMemory(process.kernel().machine().dram()));
    }

    /** What the container wrote to its stdout since the last call, which empties it. */
    byte[] takeStdout() {
        synchronized (stdout) {
            byte[] b = stdout.toByteArray();
            stdout.reset();
            return b;
        }
    }

    /**
     * One ecall through the container's TCS, entered by {@code enter} (a TCS lease or a plain EENTER). Calls are
     * serialized: the container has one TCS (a second EENTER would find it busy) and one set of buffers.
     */
    synchronized EcallReply ecall(UserContext ctx, long number, byte[] request, Enter enter) {
        if (request.length > REQUEST_CAPACITY) {
            throw new IllegalArgumentException("request of " + request.length + " bytes exceeds " + REQUEST_CAPACITY);
        }
        ctx.write(REQUEST, request);
        var r = ctx.lp().registers();
        r.set(GprSgx.RDI, number);
        r.set(GprSgx.RSI, REQUEST);
        r.set(GprSgx.RDX, request.length);
        r.set(GprSgx.R8, RESPONSE);
        r.set(GprSgx.R9, RESPONSE_CAPACITY);
        r.set(GprSgx.R10, OCALL);
        r.set(GprSgx.R11, OCALL_CAPACITY);
        enter.eenter(ctx, AEP, exits(ctx));
        long status = r.get(GprSgx.RAX);
        long length = r.get(GprSgx.RDX);
        if (length < 0 || length > RESPONSE_CAPACITY) {
            return new EcallReply(status == RuntimeAbi.OK ? RuntimeAbi.E_TOO_LARGE : status, new byte[0]);
        }
        return new EcallReply(status, ctx.read(RESPONSE, (int) length));
    }

    /** How a thread enters: through a TCS lease (shared mode) or straight through its own enclave's TCS. */
    @FunctionalInterface
    interface Enter {
        void eenter(UserContext ctx, long aep, ExitHandler exits);
    }

    private ExitHandler exits(UserContext ctx) {
        ExitHandler kernel = ctx.exits();
        return new ExitHandler() {
            @Override
            public AexAction onAex(LogicalProcessor lp, AexEvent event) {
                return kernel.onAex(lp, event);
            }

            @Override
            public boolean onEntryFault(LogicalProcessor lp, PageFault fault) {
                return kernel.onEntryFault(lp, fault);
            }

            @Override
            public void onOcall(LogicalProcessor lp) {
                var r = lp.registers();
                long number = r.get(GprSgx.RDI);
                long length = r.get(GprSgx.RSI);
                long result;
                try {
                    if (length < 0 || length > OCALL_CAPACITY - RuntimeAbi.OCALL_HEADER) {
                        throw new KernelException(Errno.EINVAL, "ocall argument length " + length);
                    }
                    byte[] reply =
                            serve(number, new Wire.Reader(ctx.read(OCALL + RuntimeAbi.OCALL_HEADER, (int) length)));
                    ctx.write(OCALL + RuntimeAbi.OCALL_HEADER, reply);
                    result = reply.length;
                } catch (KernelException e) {
                    result = -e.errno().number();
                } catch (Wire.MalformedException | IOException e) {
                    result = -Errno.EINVAL.number();
                }
                ctx.writeLong(OCALL, result);
            }
        };
    }

    private byte[] serve(long number, Wire.Reader in) throws IOException {
        if (number == RuntimeAbi.OCALL_FILE_SIZE) {
            Path p = process.resolve(in.string("path"));
            if (!Files.isRegularFile(p)) {
                throw new KernelException(Errno.ENOENT, "no file " + p);
            }
            return new Wire.Writer().u64(Files.size(p)).toBytes();
        }
        if (number == RuntimeAbi.OCALL_FILE_READ) {
            Path p = process.resolve(in.string("path"));
            long offset = in.u64("offset");
            int length = (int) Math.min(in.u32("length"), OCALL_CAPACITY - RuntimeAbi.OCALL_HEADER);
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
                long available = Math.max(0, f.length() - offset);
                byte[] b = new byte[(int) Math.min(length, available)];
                f.seek(offset);
                f.readFully(b);
                return b;
            } catch (java.io.FileNotFoundException e) {
                throw new KernelException(Errno.ENOENT, e.getMessage());
            }
        }
        if (number == RuntimeAbi.OCALL_WRITE) {
            in.u32("fd");
            byte[] bytes = in.blob("bytes");
            synchronized (stdout) {
                stdout.writeBytes(bytes);
            }
            return new byte[0];
        }
        if (number == RuntimeAbi.OCALL_SERVICE) {
            return service(in.string("service"), in.blob("request"));
        }
        throw new KernelException(Errno.ENOSYS, "unknown ocall " + number);
    }

    /**
     * A platform service: -ENOSYS for one the platform does not have, -EIO when it failed, -EINVAL for a request it
     * found malformed, -E2BIG for a reply longer than the ocall buffer (written nowhere, never cut short).
     */
    private byte[] service(String name, byte[] request) throws IOException {
        HostService s = services.get(name);
        if (s == null) {
            throw new KernelException(Errno.ENOSYS, "no host service \"" + name + "\"");
        }
        byte[] reply;
        try {
            reply = s.serve(containerName, request);
        } catch (IllegalArgumentException e) {
            throw new KernelException(Errno.EINVAL, "service " + name + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            // IOException is the service's failure; anything else is its bug, which the container sees the same way
            throw new KernelException(Errno.EIO, "service " + name + " failed: " + e);
        }
        if (reply == null || reply.length > HostService.MAX_REPLY) {
            throw new KernelException(
                    Errno.E2BIG,
                    "service " + name + " replied " + (reply == null ? "nothing" : reply.length + " bytes"));
        }
        return reply;
    }
}

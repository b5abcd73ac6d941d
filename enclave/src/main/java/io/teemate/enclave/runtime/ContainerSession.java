package io.teemate.enclave.runtime;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;
import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.EnclaveMemory;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclavePrivate;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** One entry's view of a container: the {@link ContainerEnv} its code gets, on the thread that entered. */
final class ContainerSession implements ContainerEnv {
    private final EnclaveContext ctx;
    private final RuntimeState state;
    private final ContainerInstance container;
    private final HostCalls host;
    private final byte[] stdin;

    ContainerSession(
            EnclaveContext ctx, RuntimeState state, ContainerInstance container, HostCalls host, byte[] stdin) {
        this.ctx = ctx;
        this.state = state;
        this.container = container;
        this.host = host;
        this.stdin = stdin;
    }

    /** The entry this session runs in. */
    EnclaveContext context() {
        return ctx;
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    @Override
    public EnclavePrivate enclavePrivate() {
        return ctx.enclavePrivate();
    }

    @Override
    public String name() {
        return container.manifest.name();
    }

    @Override
    public byte[] identity() {
        return container.identity.clone();
    }

    @Override
    public List<String> args() {
        return container.manifest.args();
    }

    @Override
    public Map<String, String> environment() {
        return container.manifest.env();
    }

    @Override
    public InputStream openFile(String path) {
        return container.files.open(host, path);
    }

    @Override
    public byte[] readFile(String path) {
        return container.files.read(host, path);
    }

    @Override
    public void stdout(byte[] bytes) {
        int step = Math.max(1, host.capacity() - 64);
        for (int at = 0; at < bytes.length; at += step) {
            int n = Math.min(step, bytes.length - at);
            byte[] part = java.util.Arrays.copyOfRange(bytes, at, at + n);
            host.call(
                    RuntimeAbi.OCALL_WRITE, new Wire.Writer().u32(1).blob(part).toBytes());
        }
    }

    @Override
    public byte[] hostService(String service, byte[] request) {
        byte[] argument = new Wire.Writer().string(service).blob(request).toBytes();
        if (argument.length > host.capacity()) {
            throw new HostServiceException(
                    HostServiceException.E2BIG,
                    "a request of " + request.length + " bytes to host service " + service + " does not fit in the "
                            + host.capacity() + "-byte ocall buffer");
        }
        try {
            return host.call(RuntimeAbi.OCALL_SERVICE, argument); // HostCalls refuses a length beyond the buffer
        } catch (HostCalls.OcallException e) {
            int errno = e.errno < 0 && e.errno >= -4095 ? (int) -e.errno : 5; // an impossible errno: EIO
            throw new HostServiceException(errno, "host service " + service + ": " + e.getMessage());
        }
    }

    @Override
    public Arena heap() {
        return container.heap;
    }

    @Override
    public void charge(io.teemate.sgx.cost.SystemCost cost, long units) {
        ctx.processor().charge(cost, units);
    }

    @Override
    public EnclaveMemory memory() {
        return new ContainerMemory(container.heap, state.memory, name());
    }

    @Override
    public <T> T local(Class<T> type, java.util.function.Supplier<? extends T> factory) {
        return container.locals.computeIfAbsent(type, factory);
    }

    @Override
    public io.teemate.enclave.memory.CowSpace cowSpace(long sizeBytes) {
        if (sizeBytes > (long) container.quota.maxPages() * io.teemate.enclave.memory.EnclaveMemory.PAGE_SIZE) {
            // Checked before the space's page table is made: the size often comes from the host (kv's OPEN), and a
            // space no heap can back would only let one container exhaust the runtime's own memory.
            throw new IllegalArgumentException("a copy-on-write space of " + sizeBytes + " bytes is larger than the "
                    + "enclave heap of " + container.quota.maxPages() + " pages it would be backed by");
        }
        return new io.teemate.enclave.memory.CowSpace(container.quota, sizeBytes); // charged to this container
    }

    @Override
    public InputStream openHostFile(String path) throws java.io.IOException {
        return HostFiles.open(host, path);
    }

    @Override
    public byte[] seal(byte[] data) {
        return SealingKeys.seal(key(), SealingKeys.ECALL, container.identity, data, state.random);
    }

    @Override
    public byte[] unseal(byte[] blob) {
        byte[] plain = unsealOrNull(blob);
        if (plain == null) {
            throw new IllegalArgumentException(
                    "the blob was not sealed by container " + name() + " in this enclave image, or it was changed");
        }
        return plain;
    }

    /** The ecalls' unsealing: only blobs of the {@link SealingKeys#ECALL} purpose, which the host may hold. */
    byte[] unsealOrNull(byte[] blob) {
        return SealingKeys.unseal(key(), SealingKeys.ECALL, container.identity, blob);
    }

    @Override
    public byte[] sealPrivate(String purpose, byte[] data) {
        return SealingKeys.seal(key(), SealingKeys.appLabel(purpose), container.identity, data, state.random);
    }

    @Override
    public byte[] unsealPrivate(String purpose, byte[] blob) {
        byte[] plain = SealingKeys.unseal(key(), SealingKeys.appLabel(purpose), container.identity, blob);
        if (plain == null) {
            throw new IllegalArgumentException("the blob was not sealed for \"" + purpose + "\" by container " + name()
                    + " in this enclave image, or it was changed");
        }
        return plain;
    }

    private byte[] key() {
        return container.sealingKey(() -> ThreadPage.egetkey(ctx, ThreadPage.sealKeyRequest(new byte[32])));
    }
}

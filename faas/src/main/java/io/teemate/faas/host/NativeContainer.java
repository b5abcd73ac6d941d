package io.teemate.faas.host;

import io.teemate.abi.image.ContainerManifest;
import io.teemate.abi.image.TrustedFile;
import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.CowSpace;
import io.teemate.enclave.memory.EnclaveMemory;
import io.teemate.enclave.memory.EnclavePageAllocator;
import io.teemate.enclave.runtime.ContainerEnv;
import io.teemate.sgx.program.EnclavePrivate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One native function instance: what a container's program sees of its container ({@link ContainerEnv}), built in
 * the platform's own process with no enclave. Its trusted files are read from the function's directory once, at
 * start, and checked against the manifest's SHA-256 (so the bytes the engine runs are the deployed ones, as in an
 * enclave); its heap is plain memory of the container's memory_limit; its module cache is its own, as a native
 * container's engine would be. Sealing, forks and copy-on-write spaces need an enclave and are refused. One
 * invocation at a time.
 */
final class NativeContainer implements ContainerEnv, AutoCloseable {
    /** Where the heap's addresses start: any page-aligned address; nothing else lives in this address space. */
    private static final long HEAP_BASE = 0x10_0000_0000L;

    private final ContainerManifest manifest;
    private final byte[] identity;
    private final Map<String, byte[]> files;
    private final PlainMemory memory;
    private final Arena heap;
    /** The platform's, shared by its containers: an engine is loaded once per process, as an OS caches node's binary. */
    private final EnclavePrivate engines;

    private final Map<Class<?>, Object> locals = new LinkedHashMap<>();
    private byte[] stdin = new byte[0];
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    /** The platform's services by name (null: none of that name), for the JavaScript functions' fetch and kv. */
    private final java.util.function.Function<String, io.teemate.host.container.HostService> services;

    /** A mismatch or a missing trusted file: the function's directory was changed after deploy. */
    static final class TrustedFileException extends RuntimeException {
        TrustedFileException(String message) {
            super(message);
        }
    }

    /**
     * @param manifestFile the container manifest; its trusted files are next to it
     * @param heapPages    4 KiB pages of the container's heap (its memory_limit)
     * @param engines      the platform's loaded engines (module cache), shared by its containers
     * @param services     the platform's services by name (null for none of that name): fetch and teemate.kv
     * @throws TrustedFileException if a trusted file is missing, outside the directory, or not the manifest's bytes
     */
    NativeContainer(
            ContainerManifest manifest,
            Path manifestFile,
            int heapPages,
            EnclavePrivate engines,
            java.util.function.Function<String, io.teemate.host.container.HostService> services) {
        this.services = services;
        this.manifest = manifest;
        this.engines = engines;
        this.identity = manifest.digest();
        this.files = trustedFiles(manifest, manifestFile.toAbsolutePath().getParent());
        this.memory = new PlainMemory(HEAP_BASE, heapPages);
        this.heap = new Arena(new EnclavePageAllocator(memory, HEAP_BASE, heapPages, heapPages, null));
    }

    private static Map<String, byte[]> trustedFiles(ContainerManifest manifest, Path dir) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Path root = dir.normalize();
        for (TrustedFile f : manifest.files()) {
            Path file = root.resolve(f.path()).normalize();
            if (!file.startsWith(root)) {
                throw new TrustedFileException(f.path() + " is outside the container's directory");
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new TrustedFileException(f.path() + ": cannot read (" + e.getMessage() + ")");
            }
            if (!MessageDigest.isEqual(FunctionImages.sha256(bytes), f.sha256())) {
                throw new TrustedFileException(
                        f.path() + " does not match the SHA-256 in the manifest of container " + manifest.name());
            }
            out.put(f.path(), bytes);
        }
        return out;
    }

    /** Sets the next run's standard input and empties its standard output. */
    void input(byte[] bytes) {
        stdin = bytes.clone();
        stdout.reset();
    }

    /** What the last run wrote. */
    byte[] output() {
        return stdout.toByteArray();
    }

    @Override
    public String name() {
        return manifest.name();
    }

    @Override
    public byte[] identity() {
        return identity.clone();
    }

    @Override
    public List<String> args() {
        return manifest.args();
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    @Override
    public Map<String, String> environment() {
        return manifest.env();
    }

    @Override
    public InputStream openFile(String path) {
        return new ByteArrayInputStream(file(path));
    }

    @Override
    public byte[] readFile(String path) {
        return file(path).clone();
    }

    private byte[] file(String path) {
        byte[] b = files.get(path);
        if (b == null) {
            throw new TrustedFileException(path + " is not a trusted file of container " + manifest.name());
        }
        return b;
    }

    @Override
    public void stdout(byte[] bytes) {
        stdout.writeBytes(bytes);
    }

    @Override
    public Arena heap() {
        return heap;
    }

    @Override
    public EnclaveMemory memory() {
        return memory;
    }

    /** No emulated processor runs a native container: the native model has no modeled time. */
    @Override
    public void charge(io.teemate.sgx.cost.SystemCost cost, long units) {}

    @Override
    public EnclavePrivate enclavePrivate() {
        return engines;
    }

    @Override
    public synchronized <T> T local(Class<T> type, Supplier<? extends T> factory) {
        Object o = locals.get(type);
        if (o == null) {
            o = factory.get();
            locals.put(type, o);
        }
        return type.cast(o);
    }

    @Override
    public CowSpace cowSpace(long sizeBytes) {
        throw noEnclave("copy-on-write spaces");
    }

    @Override
    public InputStream openHostFile(String path) {
        throw noEnclave("host files");
    }

    @Override
    public byte[] seal(byte[] data) {
        throw noEnclave("sealing");
    }

    @Override
    public byte[] unseal(byte[] blob) {
        throw noEnclave("sealing");
    }

    @Override
    public byte[] sealPrivate(String purpose, byte[] data) {
        throw noEnclave("sealing");
    }

    @Override
    public byte[] unsealPrivate(String purpose, byte[] blob) {
        throw noEnclave("sealing");
    }

    private UnsupportedOperationException noEnclave(String what) {
        return new UnsupportedOperationException(
                "container " + manifest.name() + ": " + what + " need an enclave, and the native model has none");
    }

    /**
     * The platform's service, called in this process: the contract of OCALL_SERVICE through a container's channel
     * (ENOSYS for no such service, EINVAL for a request it refused, EIO for its failure, E2BIG for a request or a
     * reply beyond the ocall buffer), so a function behaves alike with and without an enclave.
     */
    @Override
    public byte[] hostService(String service, byte[] request) {
        if (request.length > io.teemate.host.container.HostService.MAX_REPLY) {
            throw new io.teemate.enclave.runtime.HostServiceException(
                    io.teemate.enclave.runtime.HostServiceException.E2BIG,
                    "a request of " + request.length + " bytes to host service " + service + " is too large");
        }
        io.teemate.host.container.HostService s = services.apply(service);
        if (s == null) {
            throw new io.teemate.enclave.runtime.HostServiceException(38, "no host service \"" + service + "\"");
        }
        byte[] reply;
        try {
            reply = s.serve(manifest.name(), request);
        } catch (IllegalArgumentException e) {
            throw new io.teemate.enclave.runtime.HostServiceException(22, "service " + service + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new io.teemate.enclave.runtime.HostServiceException(5, "service " + service + " failed: " + e);
        }
        if (reply == null || reply.length > io.teemate.host.container.HostService.MAX_REPLY) {
            throw new io.teemate.enclave.runtime.HostServiceException(
                    io.teemate.enclave.runtime.HostServiceException.E2BIG,
                    "service " + service + " replied more than the ocall buffer holds");
        }
        return reply;
    }

    /** Closes the program's own objects (a JavaScript snapshot's memory), then drops the heap. */
    @Override
    public synchronized void close() {
        List<Object> all = new ArrayList<>(locals.values());
        locals.clear();
        for (Object o : all) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // the instance is going; its memory goes with it
                }
            }
        }
        heap.destroy();
    }
}

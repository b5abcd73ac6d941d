package io.teemate.enclave.runtime;

import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.EnclaveMemory;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** What a container's code has inside the enclave: its manifest's arguments, its trusted files, its heap, its keys. */
public interface ContainerEnv {
    /** The container's name, from its manifest. */
    String name();

    /** The container identity: SHA-256 of its manifest's canonical bytes, checked at attach. */
    byte[] identity();

    List<String> args();

    /** Standard input: the request body of an invocation (ECALL_INVOKE), empty for the first run. */
    byte[] stdin();

    Map<String, String> environment();

    /** A trusted file of this container, streamed and checked chunk by chunk against its manifest hash. */
    InputStream openFile(String path);

    /** A trusted file of this container, whole. */
    byte[] readFile(String path);

    /** Writes to the container's standard output (an ocall: the bytes leave the enclave). */
    void stdout(byte[] bytes);

    default void print(String s) {
        stdout(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The container's own heap in enclave pages; wiped when the container leaves or crashes. */
    Arena heap();

    /** Enclave memory, reached through the processor's checks, limited to this container's own heap pages. */
    EnclaveMemory memory();

    /**
     * Charges the modeled clock for work this container's program did that the emulator cannot count itself (e.g.
     * the JavaScript engine's bytecodes, {@link io.teemate.sgx.cost.SystemCost#JS_BYTECODE}), on the processor
     * running this entry (docs/cost-model.md). Where there is no emulated processor it charges nothing.
     */
    void charge(io.teemate.sgx.cost.SystemCost cost, long units);

    /**
     * The enclave instance's own objects, shared by all its containers: where a language runtime keeps what it
     * loads once per enclave (a compiled module), never a container's data.
     */
    io.teemate.sgx.program.EnclavePrivate enclavePrivate();

    /**
     * This container's own object of type {@code type}, made by {@code factory} on its first use and kept across
     * its entries: where a container program keeps what must outlive one entry (an open database). It goes with
     * the container; {@link AutoCloseable} ones are closed then.
     */
    <T> T local(Class<T> type, java.util.function.Supplier<? extends T> factory);

    /**
     * A new copy-on-write address space of {@code sizeBytes} virtual bytes over the enclave's heap pages (taken as
     * they are first written). The caller owns it: keep it in a {@link #local} object that closes it.
     */
    io.teemate.enclave.memory.CowSpace cowSpace(long sizeBytes);

    /**
     * An UNTRUSTED file from the container's root on the host: the bytes are whatever the host answers, so only
     * for data the container authenticates itself (a blob it sealed).
     */
    InputStream openHostFile(String path) throws java.io.IOException;

    /**
     * Asks the host's platform service {@code service} (e.g. "fetch", "kv") with {@code request}: an ocall
     * ({@code RuntimeAbi.OCALL_SERVICE}), so the request LEAVES the enclave in the clear, and the reply is UNTRUSTED:
     * whatever bytes the host chose, of any content up to the ocall buffer's size. Check every length and field of it
     * before use, and authenticate what must be authentic.
     *
     * @throws HostServiceException the host answered an error (ENOSYS: no such service), or the request is larger
     *                              than the ocall buffer (E2BIG)
     * @throws UnsupportedOperationException this environment has no host (a test's)
     */
    default byte[] hostService(String service, byte[] request) {
        throw new UnsupportedOperationException("container " + name() + " has no host services here");
    }

    /**
     * Seals {@code data} under this container's key for the host: the same key ECALL_SEAL / ECALL_UNSEAL use, so
     * the container's untrusted process can open and make such blobs. Never for the app's own secrets: use
     * {@link #sealPrivate}.
     */
    byte[] seal(byte[] data);

    /**
     * Unseals a blob sealed by {@link #seal} or by ECALL_SEAL (so possibly made by the host); throws if another
     * container or enclave image sealed it, or it was changed.
     */
    byte[] unseal(byte[] blob);

    /**
     * Seals {@code data} for the app's own {@code purpose} (1 to 64 of [a-z0-9._-], e.g. "kv-snapshot"): a key of
     * this container in this enclave image that no ecall hands to the host, one per purpose, so the host can neither
     * open such a blob nor make one, and a blob of one purpose does not open as another.
     */
    byte[] sealPrivate(String purpose, byte[] data);

    /**
     * Unseals a blob {@link #sealPrivate} made for the same {@code purpose} in this container and enclave image;
     * throws {@link IllegalArgumentException} otherwise (another purpose, container or enclave image, an ecall's
     * blob, or a changed one).
     */
    byte[] unsealPrivate(String purpose, byte[] blob);
}

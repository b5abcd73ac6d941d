package io.teemate.enclave.runtime;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.Wire;
import io.teemate.abi.attest.ReportDataBinding;
import io.teemate.abi.image.ContainerManifest;
import io.teemate.abi.image.ContainerPolicy;
import io.teemate.enclave.memory.Arena;
import io.teemate.enclave.memory.ContainerMemoryLimitException;
import io.teemate.enclave.memory.EnclaveOutOfMemoryException;
import io.teemate.enclave.memory.PageQuota;
import io.teemate.enclave.memory.ThreadBoundMemory;
import io.teemate.sgx.Registers;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.TargetInfo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trusted runtime: the program at OENTRY of every TeeMate enclave. It dispatches ecalls ({@link RuntimeAbi}),
 * binds each TCS to the container that proved its identity through it, and gives each container its own heap,
 * keys and trusted files. It trusts nothing the host passes: buffers must lie outside ELRANGE and are copied in
 * before use, requests are decoded with checked lengths, and every call after ATTACH must carry the session token
 * of the container bound to the entering TCS.
 * <p><b>Beyond the paper:</b> the published design identifies a container by the TCS the untrusted kernel gave it.
 * Here ATTACH proves identity: the container's manifest digest must be in the enclave owner's signed policy, and
 * the container's attach key must sign a fresh challenge issued on that very TCS, so a replayed or moved attach is
 * refused, and a swapped TCS answers only to the session token of the container bound to it.
 */
public final class TrustedRuntime implements EnclaveProgram {
    /** The largest request the runtime copies in. */
    static final int MAX_REQUEST = 64 << 20;

    /** The runtime's own code, in image order: the runtime binary ({@code io.teemate.enclave.TeeMateBinaries}); apps follow it. */
    static final List<Class<?>> RUNTIME_CLASSES = List.of(
            TrustedRuntime.class,
            RuntimeAbi.class,
            Wire.class,
            RuntimeState.class,
            ContainerInstance.class,
            ContainerSession.class,
            ContainerLocals.class,
            HostFiles.class,
            ChunkedInputStream.class,
            ContainerMemory.class,
            ContainerTimeoutException.class,
            ContainerMemoryLimitException.class,
            PageQuota.class,
            TrustedFiles.class,
            SealingKeys.class,
            HostCalls.class,
            ThreadPage.class,
            ThreadBoundMemory.class,
            ContainerPolicy.class,
            ContainerManifest.class,
            ReportDataBinding.class,
            Arena.class,
            io.teemate.enclave.memory.EnclavePageAllocator.class,
            io.teemate.enclave.memory.CowSpace.class);

    private final Map<String, ContainerApp> apps = new LinkedHashMap<>();

    /** A runtime with {@code apps} compiled in (tests and benchmarks that make their own). */
    public TrustedRuntime(List<ContainerApp> apps) {
        for (ContainerApp a : apps) {
            if (this.apps.putIfAbsent(a.name(), a) != null) {
                throw new IllegalArgumentException("two apps are named " + a.name());
            }
        }
    }

    /**
     * The runtime a code image stands for, as the processor decodes it: the runtime's classes, then one
     * {@link ContainerApp} class per app, each made with its no-argument constructor. Anything else in the image is
     * refused (the processor then runs nothing).
     */
    public TrustedRuntime(CodeImage.Contents image) {
        this(appsOf(image.classes()));
    }

    private static List<ContainerApp> appsOf(List<Class<?>> classes) {
        if (classes.size() < RUNTIME_CLASSES.size()
                || !classes.subList(0, RUNTIME_CLASSES.size()).equals(RUNTIME_CLASSES)) {
            throw new IllegalArgumentException("the image does not start with the trusted runtime's code");
        }
        List<ContainerApp> apps = new ArrayList<>();
        for (Class<?> c : classes.subList(RUNTIME_CLASSES.size(), classes.size())) {
            if (!ContainerApp.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException(c.getName() + " is no container app");
            }
            try {
                var constructor = c.asSubclass(ContainerApp.class).getDeclaredConstructor();
                constructor.setAccessible(true);
                apps.add(constructor.newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(c.getName() + " cannot be made without arguments", e);
            }
        }
        return apps;
    }

    /** The runtime binary's classes, in image order (apps follow them). */
    public static List<Class<?>> runtimeClasses() {
        return RUNTIME_CLASSES;
    }

    /** The applications compiled into this runtime's code image, by name. */
    public List<String> appNames() {
        return List.copyOf(apps.keySet());
    }

    @Override
    public List<Class<?>> codeClasses() {
        List<Class<?>> classes = new ArrayList<>(RUNTIME_CLASSES);
        for (ContainerApp a : apps.values()) {
            classes.add(a.getClass());
        }
        return classes;
    }

    /** An ecall that ends with an error status and a message for the host. */
    static final class Refusal extends RuntimeException {
        final long status;

        Refusal(long status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Override
    public void enter(EnclaveContext ctx) {
        Registers r = ctx.registers();
        long ecall = r.get(GprSgx.RDI);
        long request = r.get(GprSgx.RSI);
        long requestLength = r.get(GprSgx.RDX);
        long response = r.get(GprSgx.R8);
        long responseCapacity = r.get(GprSgx.R9);
        long ocallBuffer = r.get(GprSgx.R10);
        long ocallCapacity = r.get(GprSgx.R11);
        if (requestLength < 0
                || requestLength > MAX_REQUEST
                || responseCapacity < 0
                || responseCapacity > Integer.MAX_VALUE
                || ocallCapacity < 0
                || ocallCapacity > Integer.MAX_VALUE
                || ctx.overlapsEnclave(request, requestLength)
                || ctx.overlapsEnclave(response, responseCapacity)
                || ctx.overlapsEnclave(ocallBuffer, ocallCapacity)) {
            // A buffer inside ELRANGE would make the runtime read or overwrite its own pages for the host: nothing
            // is read or written, not even an error message.
            r.set(GprSgx.RAX, RuntimeAbi.E_INVALID);
            r.set(GprSgx.RDX, 0);
            return;
        }
        if (ctx.cssa() != 0) {
            // The exception-handler entry (EENTER with CSSA > 0 after an AEX; SDM Vol.3D EENTER and "Enclave
            // Exiting Events"). The interrupted ecall is still in progress one frame up; this runtime registers
            // no in-enclave handler, so the entry runs nothing and changes nothing: the host resumes the
            // interrupted code with ERESUME, or gives it up.
            r.set(GprSgx.RAX, RuntimeAbi.E_REENTRY);
            r.set(GprSgx.RDX, 0);
            return;
        }
        RuntimeState state = RuntimeState.of(ctx);
        long tcs = ctx.tcs();
        if (!state.beginEcall(tcs)) {
            // An ecall of this TCS is out in an ocall or an AEX (the TCS is not busy then, so EENTER succeeds):
            // refused before anything is read, so no nested call can free or change what the outer one holds.
            refuse(
                    ctx,
                    RuntimeAbi.E_REENTRY,
                    "an ecall is already in progress on this TCS (it is in an ocall or an "
                            + "AEX): nested entries are refused",
                    response,
                    responseCapacity);
            return;
        }
        try {
            finishEcall(
                    ctx, state, ecall, request, requestLength, response, responseCapacity, ocallBuffer, ocallCapacity);
        } finally {
            state.endEcall(tcs);
        }
    }

    private void refuse(EnclaveContext ctx, long status, String why, long response, long responseCapacity) {
        byte[] out = message(why);
        int n = (int) Math.min(out.length, responseCapacity);
        ctx.write(response, out, 0, n);
        ctx.registers().set(GprSgx.RAX, status);
        ctx.registers().set(GprSgx.RDX, n);
    }

    private void finishEcall(
            EnclaveContext ctx,
            RuntimeState state,
            long ecall,
            long request,
            long requestLength,
            long response,
            long responseCapacity,
            long ocallBuffer,
            long ocallCapacity) {
        Registers r = ctx.registers();
        long status;
        byte[] out;
        try (ThreadBoundMemory.Binding bound = state.memory.bind(ctx)) {
            byte[] in = ctx.read(request, (int) requestLength); // copied in once: the host cannot change it under us
            HostCalls host = new HostCalls(ctx, ocallBuffer, (int) ocallCapacity);
            out = dispatch(ctx, state, ecall, new Wire.Reader(in), host);
            status = RuntimeAbi.OK;
        } catch (Refusal e) {
            status = e.status;
            out = message(e.getMessage());
        } catch (Wire.MalformedException e) {
            status = RuntimeAbi.E_INVALID;
            out = message("malformed request: " + e.getMessage());
        } catch (TrustedFiles.TrustedFileException e) {
            status = RuntimeAbi.E_FILE;
            out = message(e.getMessage());
        } catch (EnclaveOutOfMemoryException e) {
            status = RuntimeAbi.E_NO_MEMORY;
            out = message(e.getMessage());
        } catch (RuntimeException | Error e) {
            if (ctx.mustPropagate(e)) {
                throw e;
            }
            // A fault of the runtime itself (app code's are handled in run and fork): the call fails, the thread
            // returns, the TCS goes back to the pool; no container is touched by a call that was not its own.
            status = RuntimeAbi.E_CRASHED;
            out = message("the runtime failed the call: " + e.getClass().getSimpleName());
        }
        if (out.length > responseCapacity) {
            r.set(GprSgx.RAX, status == RuntimeAbi.OK ? RuntimeAbi.E_TOO_LARGE : status);
            r.set(GprSgx.RDX, out.length);
            if (status != RuntimeAbi.OK) {
                ctx.write(response, out, 0, (int) responseCapacity);
            }
            return;
        }
        ctx.write(response, out);
        r.set(GprSgx.RAX, status);
        r.set(GprSgx.RDX, out.length);
    }

    private byte[] dispatch(EnclaveContext ctx, RuntimeState state, long ecall, Wire.Reader in, HostCalls host) {
        long tcs = ctx.tcs();
        if (ecall == RuntimeAbi.ECALL_CHALLENGE) {
            in.end();
            return state.challenge(tcs); // changes nothing, bound or not: no pre-attach state, no oracle
        }
        if (ecall == RuntimeAbi.ECALL_ATTACH) {
            return attach(state, tcs, in);
        }
        ContainerInstance c = boundContainer(state, tcs, in.fixed(32, "session token"));
        if (!c.begin()) {
            throw new Refusal(RuntimeAbi.E_NOT_ATTACHED, NOT_ATTACHED);
        }
        try {
            return dispatchBound(ctx, state, c, ecall, in, host);
        } finally {
            c.end();
        }
    }

    private static final String NOT_ATTACHED = "no container of this session is attached through this TCS";

    private byte[] dispatchBound(
            EnclaveContext ctx, RuntimeState state, ContainerInstance c, long ecall, Wire.Reader in, HostCalls host) {
        if (ecall == RuntimeAbi.ECALL_STATS) {
            in.end();
            // The caller's own share, and what the host sees anyway (committed pages are EADDed or EAUGed by it);
            // never the other containers' use of the heap.
            return new Wire.Writer()
                    .u32(c.quota.pagesCharged())
                    .u32(c.manifest.memoryLimitPages())
                    .u32(state.pages.pagesCommitted())
                    .toBytes();
        }
        if (ecall == RuntimeAbi.ECALL_RUN) {
            in.end();
            return new Wire.Writer()
                    .u32(run(state, c, new ContainerSession(ctx, state, c, host, new byte[0])))
                    .toBytes();
        }
        if (ecall == RuntimeAbi.ECALL_INVOKE) {
            byte[] stdin = in.blob("stdin");
            in.end();
            return new Wire.Writer()
                    .u32(run(state, c, new ContainerSession(ctx, state, c, host, stdin)))
                    .toBytes();
        }
        if (ecall == RuntimeAbi.ECALL_FORK) {
            long childTcsOffset = in.u64("child TCS offset");
            in.end();
            return fork(ctx, state, c, childTcsOffset, host);
        }
        ContainerSession session = new ContainerSession(ctx, state, c, host, new byte[0]);
        if (ecall == RuntimeAbi.ECALL_DETACH) {
            in.end();
            detach(state, c);
            return new byte[0];
        }
        if (ecall == RuntimeAbi.ECALL_SEAL) {
            byte[] data = in.blob("plaintext");
            in.end();
            return session.seal(data);
        }
        if (ecall == RuntimeAbi.ECALL_UNSEAL) {
            byte[] blob = in.blob("sealed blob");
            in.end();
            byte[] plain = session.unsealOrNull(blob);
            if (plain == null) {
                throw new Refusal(
                        RuntimeAbi.E_SEAL,
                        "the blob was not sealed by container " + c.manifest.name()
                                + " in this enclave image, or it was changed");
            }
            return plain;
        }
        if (ecall == RuntimeAbi.ECALL_ATTEST) {
            TargetInfo target = TargetInfo.fromBytes(in.fixed(TargetInfo.SIZE, "target info"));
            byte[] nonce = in.fixed(32, "nonce");
            in.end();
            return ThreadPage.ereport(ctx, target, ReportDataBinding.reportData(c.identity, nonce))
                    .toBytes();
        }
        if (ecall == RuntimeAbi.ECALL_READ_FILE) {
            String path = in.string("path");
            in.end();
            return session.readFile(path);
        }
        throw new Refusal(RuntimeAbi.E_UNKNOWN_CALL, "unknown ecall " + ecall);
    }

    private byte[] attach(RuntimeState state, long tcs, Wire.Reader in) {
        byte[] policyBytes = in.blob("policy");
        byte[] manifestBytes = in.blob("container manifest");
        byte[] signature = in.blob("attach signature");
        in.end();
        byte[] nonce = state.challenge(tcs); // moves on every binding change: a replayed attach signs a spent one
        ContainerPolicy policy;
        ContainerManifest manifest;
        try {
            policy = ContainerPolicy.parse(policyBytes);
            manifest = ContainerManifest.fromCanonicalBytes(manifestBytes);
        } catch (RuntimeException e) {
            throw new Refusal(RuntimeAbi.E_REFUSED, "attach refused: " + e.getMessage());
        }
        byte[] identity = ContainerManifest.digestOf(manifestBytes);
        if (!policy.verifiedFor(state.mrEnclave, state.mrSigner)) {
            throw new Refusal(
                    RuntimeAbi.E_REFUSED,
                    "attach refused: the policy is not signed by this enclave's signer "
                            + "(MRSIGNER) or is for another enclave (MRENCLAVE)");
        }
        int seen = state.policyVersion.accumulateAndGet(policy.version(), Math::max);
        if (policy.version() < seen) {
            throw new Refusal(
                    RuntimeAbi.E_REFUSED,
                    "attach refused: policy version " + policy.version() + " is older than version " + seen
                            + " this enclave has already accepted (a rolled-back policy)");
        }
        if (!policy.allows(identity)) {
            throw new Refusal(
                    RuntimeAbi.E_REFUSED,
                    "attach refused: container " + manifest.name() + " ("
                            + java.util.HexFormat.of().formatHex(identity) + ") is not in the enclave's policy");
        }
        if (manifest.attachKey().length == 0) {
            throw new Refusal(
                    RuntimeAbi.E_REFUSED, "attach refused: container " + manifest.name() + " has no attach key");
        }
        long tcsOffset = tcs - state.enclaveBase;
        if (!attachSignatureValid(
                manifest.attachKey(), RuntimeAbi.attachStatement(nonce, tcsOffset, identity), signature)) {
            throw new Refusal(
                    RuntimeAbi.E_REFUSED,
                    "attach refused: the signature over this TCS's challenge does not " + "verify with container "
                            + manifest.name() + "'s attach key (a replayed or forged attach)");
        }
        if (!apps.containsKey(manifest.entry())) {
            throw new Refusal(
                    RuntimeAbi.E_REFUSED,
                    "attach refused: entry " + manifest.entry() + " is not an app of this enclave " + appNames());
        }
        ContainerInstance c = newInstance(state, identity, manifest, tcs);
        if (state.byTcs.putIfAbsent(tcs, c) != null) {
            // A live binding is never replaced by someone else's attach: only its own DETACH (with its token) or
            // its teardown frees the TCS. Checked after the signature, so only a container the owner's policy
            // admits learns that the TCS is taken.
            c.retire();
            throw new Refusal(
                    RuntimeAbi.E_REFUSED, "attach refused: this TCS is bound to a container; it must detach first");
        }
        state.bindingChanged(tcs);
        return new Wire.Writer().u32(c.id).bytes(c.sessionToken).toBytes();
    }

    /**
     * ECALL_FORK: a child container of {@code parent}'s identity, bound to the free TCS at {@code childTcsOffset},
     * given what it inherits by the app's {@link ContainerApp#fork}. A refused or failed fork leaves nothing.
     */
    private byte[] fork(
            EnclaveContext ctx, RuntimeState state, ContainerInstance parent, long childTcsOffset, HostCalls host) {
        if (childTcsOffset < 0 || childTcsOffset >= ctx.enclaveSize() || (childTcsOffset & 0xFFF) != 0) {
            throw new Refusal(
                    RuntimeAbi.E_INVALID,
                    "fork: the child's TCS offset 0x" + Long.toHexString(childTcsOffset)
                            + " is not a page of this enclave");
        }
        long childTcs = state.enclaveBase + childTcsOffset;
        if (childTcs == parent.tcs || state.byTcs.containsKey(childTcs)) {
            throw new Refusal(RuntimeAbi.E_REFUSED, "fork: the child's TCS is bound to a container already");
        }
        ContainerApp app = apps.get(parent.manifest.entry());
        ContainerInstance child = newInstance(state, parent.identity, parent.manifest, childTcs);
        boolean bound = false;
        try {
            app.fork(
                    new ContainerSession(ctx, state, parent, host, new byte[0]),
                    new ContainerSession(ctx, state, child, host, new byte[0]));
            if (state.byTcs.putIfAbsent(childTcs, child) != null) {
                throw new Refusal(RuntimeAbi.E_REFUSED, "fork: the child's TCS was bound meanwhile");
            }
            bound = true;
            state.bindingChanged(childTcs);
            if (!app.childOutlivesParent() && !parent.adopt(child)) {
                detach(state, child); // the parent was ended meanwhile: so is its child
                throw new Refusal(RuntimeAbi.E_REFUSED, "fork: the parent was ended during the fork");
            }
        } catch (UnsupportedOperationException e) {
            throw new Refusal(RuntimeAbi.E_UNSUPPORTED, "fork refused: " + e.getMessage());
        } catch (Refusal | EnclaveOutOfMemoryException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (ctx.mustPropagate(e)) {
                throw e;
            }
            // the parent goes on untouched: only the child that was being made is dropped
            throw new Refusal(RuntimeAbi.E_REFUSED, "fork failed in app " + app.name() + ": " + e);
        } finally {
            if (!bound) {
                child.retire();
            }
        }
        return new Wire.Writer().u32(child.id).bytes(child.sessionToken).toBytes();
    }

    private static boolean attachSignatureValid(byte[] attachKey, byte[] statement, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(attachKey));
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(key);
            s.update(statement);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static ContainerInstance boundContainer(RuntimeState state, long tcs, byte[] token) {
        ContainerInstance c = state.byTcs.get(tcs);
        // One answer whether the TCS is free or bound to someone else: no "bound / not bound" oracle.
        if (c == null || !MessageDigest.isEqual(c.sessionToken, token)) {
            throw new Refusal(RuntimeAbi.E_NOT_ATTACHED, NOT_ATTACHED);
        }
        return c;
    }

    private int run(RuntimeState state, ContainerInstance c, ContainerSession session) {
        ContainerApp app = apps.get(c.manifest.entry());
        try {
            return app.main(session);
        } catch (Refusal | TrustedFiles.TrustedFileException e) {
            throw e;
        } catch (ContainerTimeoutException e) {
            // The container's own errors: its code's message, meant for its user, is the whole answer; the
            // status says what happened, so the host needs no text to tell a trap from a limit.
            detach(state, c);
            throw new Refusal(RuntimeAbi.E_TIMEOUT, e.getMessage());
        } catch (EnclaveOutOfMemoryException e) {
            detach(state, c);
            throw new Refusal(RuntimeAbi.E_NO_MEMORY, e.getMessage());
        } catch (ContainerFaultException e) {
            detach(state, c);
            throw new Refusal(RuntimeAbi.E_FAULT, e.getMessage());
        } catch (Exception | Error e) {
            if (session.context().mustPropagate(e)) {
                // an abandoned thread unwinding, or the host failing its own ocall: not the container's fault
                if (e instanceof Error err) {
                    throw err;
                }
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
            // Anything the container's code threw, an Error too (OutOfMemoryError, StackOverflowError): this
            // container is torn down, the call returns with a status, the TCS goes back to the pool, and the
            // enclave and the other containers go on.
            detach(state, c);
            throw new Refusal(RuntimeAbi.E_CRASHED, "container " + c.manifest.name() + " crashed: " + e);
        }
    }

    /**
     * The container leaves its TCS and is ended (destroyed now, or when its running call returns), and with it
     * every fork child whose app does not keep it.
     */
    private void detach(RuntimeState state, ContainerInstance c) {
        if (state.byTcs.remove(c.tcs, c)) {
            state.bindingChanged(c.tcs);
        }
        for (ContainerInstance child : c.retire()) {
            detach(state, child);
        }
    }

    private ContainerInstance newInstance(RuntimeState state, byte[] identity, ContainerManifest manifest, long tcs) {
        int id = state.nextInstance.getAndIncrement();
        int limit = manifest.memoryLimitPages() == 0 ? PageQuota.UNLIMITED : manifest.memoryLimitPages();
        return new ContainerInstance(
                id,
                identity,
                manifest,
                new PageQuota(state.pages, limit, "container " + manifest.name() + " (instance " + id + ")"),
                state.freshSecret(),
                tcs);
    }

    private static byte[] message(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}

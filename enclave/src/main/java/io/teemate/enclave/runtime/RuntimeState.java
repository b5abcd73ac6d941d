package io.teemate.enclave.runtime;

import io.teemate.abi.Wire;
import io.teemate.abi.image.EnclaveConfig;
import io.teemate.abi.image.EnclaveImageLayout;
import io.teemate.abi.image.HeapRegion;
import io.teemate.enclave.memory.EnclavePageAllocator;
import io.teemate.enclave.memory.PageAccepter;
import io.teemate.enclave.memory.ThreadBoundMemory;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.ReportBody;
import io.teemate.sgx.struct.TargetInfo;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runtime's state in one enclave instance, kept in the enclave's private objects: its own identity (from a
 * report to itself, never from the host), its measured configuration, the heap's page allocator, the challenge
 * issued on each TCS and the container bound to each TCS.
 */
final class RuntimeState {
    final EnclaveConfig config;
    final long enclaveBase;
    final byte[] mrEnclave;
    final byte[] mrSigner;
    final Attributes attributes;
    final EnclavePageAllocator pages;
    /** Enclave memory through the processor of whichever entry the calling thread is in. */
    final ThreadBoundMemory memory = new ThreadBoundMemory();

    final SecureRandom random = new SecureRandom();
    /** Keys the challenges: a secret of this enclave instance, never leaves it. */
    private final byte[] challengeKey = freshSecret();
    /** Per TCS, how many times its binding changed: what makes an attach's challenge single-use. */
    private final ConcurrentHashMap<Long, Long> bindingEpoch = new ConcurrentHashMap<>();
    /**
     * The TCSs with an ecall in progress, from its entry to its EEXIT, across its ocalls and AEXs: while one is
     * here, any other entry through that TCS is refused (the SGX SDK's rule: only a declared re-entrant call may
     * enter a TCS whose ecall is out in an ocall; this runtime declares none).
     */
    private final java.util.Set<Long> inEcall = ConcurrentHashMap.newKeySet();
    /** The container each TCS is bound to. */
    final ConcurrentHashMap<Long, ContainerInstance> byTcs = new ConcurrentHashMap<>();

    final AtomicInteger nextInstance = new AtomicInteger(1);
    /** The newest container policy version a verified attach presented: older ones are refused from then on. */
    final AtomicInteger policyVersion = new AtomicInteger();

    private RuntimeState(EnclaveContext ctx) {
        this.config = readConfig(ctx);
        this.enclaveBase = ctx.enclaveBase();
        // EREPORT to any target carries this enclave's own MRENCLAVE and MRSIGNER in its body (SDM Vol.3D EREPORT).
        ReportBody self = ThreadPage.ereport(ctx, new TargetInfo(new byte[32], new Attributes(0, 0), 0), new byte[64])
                .body();
        this.mrEnclave = self.mrEnclave();
        this.mrSigner = self.mrSigner();
        this.attributes = self.attributes();
        HeapRegion heap = config.heap();
        this.pages = new EnclavePageAllocator(
                memory,
                enclaveBase + heap.offset(),
                Math.toIntExact(heap.committedPages()),
                Math.toIntExact(heap.maxPages()),
                PageAccepter.eaccept(memory, ThreadPage.SECINFO));
    }

    /** The measured configuration pages right after the code image (see {@link EnclaveImageLayout}). */
    private static EnclaveConfig readConfig(EnclaveContext ctx) {
        int imageLength = CodeImage.imageLength(ctx.read(ctx.enclaveBase(), CodeImage.HEADER_SIZE));
        if (imageLength <= 0) {
            throw new IllegalStateException("no code image header at the enclave base");
        }
        long at = ctx.enclaveBase() + EnclaveImageLayout.configOffset(imageLength);
        int length = EnclaveConfig.length(ctx.read(at, EnclaveConfig.PREFIX_SIZE));
        return EnclaveConfig.fromBytes(ctx.read(at, length));
    }

    static RuntimeState of(EnclaveContext ctx) {
        return ctx.enclavePrivate().computeIfAbsent(RuntimeState.class, () -> new RuntimeState(ctx));
    }

    /** Marks an ecall in progress on {@code tcs}; false if one already is (a nested or concurrent entry). */
    boolean beginEcall(long tcs) {
        return inEcall.add(tcs);
    }

    void endEcall(long tcs) {
        inEcall.remove(tcs);
    }

    /**
     * The challenge an attach through {@code tcs} must sign now: a MAC of the TCS and its binding epoch under this
     * enclave's secret. Asking for it changes nothing (no pre-attach state for a co-tenant to clobber), and it is
     * single-use all the same: every bind and unbind of the TCS moves its epoch, so a recorded attach never
     * verifies again, here or on another TCS or enclave instance.
     */
    byte[] challenge(long tcs) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(challengeKey, "HmacSHA256"));
            return mac.doFinal(new Wire.Writer()
                    .bytes(CHALLENGE_CONTEXT)
                    .u64(tcs)
                    .u64(bindingEpoch.getOrDefault(tcs, 0L))
                    .toBytes());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The binding of {@code tcs} changed (attach, detach, fork, teardown): its old challenge is spent. */
    void bindingChanged(long tcs) {
        bindingEpoch.merge(tcs, 1L, Long::sum);
    }

    private static final byte[] CHALLENGE_CONTEXT =
            "TEEMATE-CHALLENGE-V1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    byte[] freshSecret() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }
}

package io.teemate.enclave.runtime;

import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.KeyRequest;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.TargetInfo;

/**
 * The entering thread's own page (FS base, from TCS.OFSBASE): where the runtime stages the operands of ENCLU leaves,
 * which must be in enclave memory with the alignment the SDM requires (TARGETINFO and REPORT 512 B, REPORTDATA 128 B,
 * KEYREQUEST 512 B, SECINFO 64 B; SDM Vol.3D "Enclave Access Control and Data Structures"). Key material staged
 * here is wiped before the entry returns.
 */
final class ThreadPage {
    private static final int TARGETINFO = 0;
    private static final int REPORTDATA = 512;
    private static final int REPORT = 1024;
    private static final int KEYREQUEST = 2048;
    private static final int KEY = 2560;
    /** Where the heap's EACCEPT stages its SECINFO (see {@link io.teemate.enclave.memory.PageAccepter#eaccept}). */
    static final int SECINFO = 3072;

    private ThreadPage() {}

    /** ENCLU[EREPORT] for {@code target} with {@code reportData} (64 B). */
    static Report ereport(EnclaveContext ctx, TargetInfo target, byte[] reportData) {
        long tls = ctx.threadLocalBase();
        ctx.write(tls + TARGETINFO, target.toBytes());
        ctx.write(tls + REPORTDATA, reportData);
        ctx.ereport(tls + TARGETINFO, tls + REPORTDATA, tls + REPORT);
        return Report.fromBytes(ctx.read(tls + REPORT, Report.SIZE));
    }

    /** ENCLU[EGETKEY]; the 16-byte key, wiped from the thread page once read. */
    static byte[] egetkey(EnclaveContext ctx, KeyRequest request) {
        long tls = ctx.threadLocalBase();
        ctx.write(tls + KEYREQUEST, request.toBytes());
        SgxStatus s = ctx.egetkey(tls + KEYREQUEST, tls + KEY);
        if (s != SgxStatus.SUCCESS) {
            throw new IllegalStateException("EGETKEY failed: " + s);
        }
        byte[] key = ctx.read(tls + KEY, 16);
        ctx.write(tls + KEY, new byte[16]);
        return key;
    }

    /** A KEYREQUEST for the enclave's seal key bound to MRENCLAVE (SDM Vol.3D EGETKEY, KEYPOLICY.MRENCLAVE). */
    static KeyRequest sealKeyRequest(byte[] keyId) {
        return new KeyRequest(
                KeyRequest.KEYNAME_SEAL,
                KeyRequest.POLICY_MRENCLAVE,
                (short) 0,
                new byte[16],
                new Attributes(Attributes.INIT | Attributes.DEBUG | Attributes.MODE64BIT, 0),
                keyId,
                0,
                (short) 0);
    }
}

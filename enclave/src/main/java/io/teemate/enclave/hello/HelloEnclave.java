package io.teemate.enclave.hello;

import io.teemate.abi.HelloAbi;
import io.teemate.sgx.Registers;
import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.KeyRequest;
import io.teemate.sgx.struct.Report;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.security.MessageDigest;

/**
 * The smallest useful enclave: it makes local-attestation reports and verifies them ({@link HelloAbi}).
 * Everything it reads from the host is copied into its own thread-local page (FS base) before EREPORT or EGETKEY
 * sees it.
 */
public final class HelloEnclave implements EnclaveProgram {
    private static final int TARGETINFO = 0;
    private static final int REPORTDATA = 512;
    private static final int REPORT = 1024;
    private static final int KEYREQUEST = 2048;
    private static final int KEY = 2560;

    @Override
    public void enter(EnclaveContext ctx) {
        Registers r = ctx.registers();
        long tls = ctx.threadLocalBase();
        long ecall = r.get(GprSgx.RDI);
        if (ecall == HelloAbi.ECALL_REPORT) {
            ctx.write(tls + TARGETINFO, ctx.read(r.get(GprSgx.RSI), 512));
            ctx.write(tls + REPORTDATA, ctx.read(r.get(GprSgx.RDX), 64));
            ctx.ereport(tls + TARGETINFO, tls + REPORTDATA, tls + REPORT);
            ctx.write(r.get(GprSgx.R8), ctx.read(tls + REPORT, Report.SIZE));
            r.set(GprSgx.RAX, 0);
        } else if (ecall == HelloAbi.ECALL_VERIFY_REPORT) {
            Report report = Report.fromBytes(ctx.read(r.get(GprSgx.RSI), Report.SIZE));
            r.set(GprSgx.RAX, verify(ctx, tls, report) ? 1 : 0);
        } else if (ecall == HelloAbi.ECALL_NOP) {
            r.set(GprSgx.RAX, 0);
        } else {
            r.set(GprSgx.RAX, -1);
        }
    }

    /**
     * Local attestation (SDM Vol.3D EREPORT and EGETKEY): EGETKEY(REPORT) with the report's KEYID, then AES-CMAC
     * over the body.
     */
    private static boolean verify(EnclaveContext ctx, long tls, Report report) {
        KeyRequest req = new KeyRequest(
                KeyRequest.KEYNAME_REPORT,
                (short) 0,
                (short) 0,
                new byte[16],
                new Attributes(0, 0),
                report.keyId(),
                0,
                (short) 0);
        ctx.write(tls + KEYREQUEST, req.toBytes());
        if (ctx.egetkey(tls + KEYREQUEST, tls + KEY) != SgxStatus.SUCCESS) {
            return false;
        }
        byte[] key = ctx.read(tls + KEY, 16);
        ctx.write(tls + KEY, new byte[16]);
        CMac cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(key));
        byte[] body = report.body().toBytes();
        cmac.update(body, 0, body.length);
        byte[] mac = new byte[16];
        cmac.doFinal(mac, 0);
        return MessageDigest.isEqual(mac, report.mac());
    }
}

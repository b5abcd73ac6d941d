package io.teemate.enclave.attest;

import io.teemate.abi.attest.ReportDataBinding;
import io.teemate.sgx.Registers;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.TargetInfo;

/**
 * A test application enclave that attests: RSI = TARGETINFO (512 B), RDX = container identity (32 B), R8 = nonce,
 * R9 = nonce length, R10 = where the REPORT goes; all untrusted. It copies the inputs in and runs
 * {@link ReportDataBinding#ereport} on its thread-local page.
 */
public class AttestingApp implements EnclaveProgram {
    public static final long ECALL_REPORT = 1;

    @Override
    public void enter(EnclaveContext ctx) {
        Registers r = ctx.registers();
        if (r.get(GprSgx.RDI) != ECALL_REPORT) {
            r.set(GprSgx.RAX, -1);
            return;
        }
        TargetInfo target = TargetInfo.fromBytes(ctx.read(r.get(GprSgx.RSI), TargetInfo.SIZE));
        byte[] identity = ctx.read(r.get(GprSgx.RDX), ReportDataBinding.CONTAINER_IDENTITY_LENGTH);
        byte[] nonce = ctx.read(r.get(GprSgx.R8), (int) r.get(GprSgx.R9));
        Report report = ReportDataBinding.ereport(ctx, ctx.threadLocalBase(), target, identity, nonce);
        ctx.write(r.get(GprSgx.R10), report.toBytes());
        r.set(GprSgx.RAX, 0);
    }
}

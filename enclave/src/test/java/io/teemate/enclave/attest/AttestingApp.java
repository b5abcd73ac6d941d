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
 * R9 = nonce length, R10 = where the REPORT goes; all untrusted. It copies the inputs in and EREPORTs on its
 * thread-local page with the REPORTDATA {@link ReportDataBinding#reportData} binds, as the trusted runtime's
 * ECALL_ATTEST does.
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
        Report report = ereport(ctx, ctx.threadLocalBase(), target, identity, nonce);
        ctx.write(r.get(GprSgx.R10), report.toBytes());
        r.set(GprSgx.RAX, 0);
    }

    /**
     * EREPORT targeted at {@code target} (the quoting enclave's TARGETINFO) with REPORTDATA binding
     * {@code containerIdentity} and {@code nonce}. {@code scratch} is 512-byte aligned enclave memory of at least
     * 1024 + 432 bytes (EREPORT's operands must lie inside ELRANGE): TARGETINFO, REPORTDATA, then the REPORT.
     */
    static Report ereport(EnclaveContext ctx, long scratch, TargetInfo target, byte[] containerIdentity, byte[] nonce) {
        if ((scratch & 511) != 0) {
            throw new IllegalArgumentException(String.format("scratch 0x%x is not 512-byte aligned", scratch));
        }
        ctx.write(scratch, target.toBytes());
        ctx.write(scratch + 512, ReportDataBinding.reportData(containerIdentity, nonce));
        ctx.ereport(scratch, scratch + 512, scratch + 1024);
        return Report.fromBytes(ctx.read(scratch + 1024, Report.SIZE));
    }
}

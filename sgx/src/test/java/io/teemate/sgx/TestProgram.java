package io.teemate.sgx;

import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.KeyRequest;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.SecInfo;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;

/**
 * The enclave code the machine tests run: an ecall table on RDI, arguments in RSI/RDX/R8, result in RAX.
 * The scratch area is the enclave's heap, whose address the host passes in R9.
 */
public class TestProgram implements EnclaveProgram {
    public static final long WRITE_LONG = 1; // [RDX] = RSI
    public static final long READ_LONG = 2; // RAX = [RDX]
    public static final long REPORT = 3; // TARGETINFO from untrusted RSI, REPORTDATA byte R8, REPORT to untrusted RDX
    public static final long SEAL_KEY = 4; // seal key of policy RSI copied to untrusted RDX
    public static final long VERIFY_REPORT = 5; // RAX = 1 if the REPORT at untrusted RSI verifies for this enclave
    public static final long OCALL_ADD = 6; // RAX = RSI + what the host puts in RSI during an ocall
    public static final long MARK_INTERRUPT_READ = 7; // R12 = RSI (a marker), a timer interrupt fires, RAX = [RDX]
    public static final long COPY_SSA_TAIL =
            8; // entered with CSSA 1: copy EXINFO + GPRSGX of SSA frame RSI to untrusted RDX
    public static final long WAIT_INSIDE = 9; // count down ENTERED, then wait for RELEASE
    public static final long SET_R12_IN_SSA = 10; // entered with CSSA 1: set GPRSGX.R12 of SSA frame RSI to RDX
    public static final long WRITE_BYTE = 11; // [RDX] = (byte) RSI
    public static final long CSSA = 12; // RAX = CSSA at entry
    public static final long EACCEPT = 13; // RAX = EACCEPT(SECINFO with FLAGS = RSI, page RDX)
    public static final long EACCEPTCOPY =
            14; // RAX = EACCEPTCOPY(SECINFO with FLAGS = RSI, destination RDX, source R8)
    public static final long EMODPE = 15; // EMODPE(SECINFO with FLAGS = RSI, page RDX)
    public static final long FILL_PAGE = 16; // the 4096 bytes at RDX = (byte) RSI
    public static final long COPY_OUT = 17; // copy R8 bytes from enclave address RSI to untrusted RDX
    /** Bytes COPY_SSA_TAIL copies: EXINFO (16) directly below GPRSGX (184), at the end of the frame. */
    public static final int SSA_TAIL = 16 + GprSgx.SIZE;

    /** Test plumbing for WAIT_INSIDE, so a test can hold a thread inside the enclave. */
    public static volatile CountDownLatch entered = new CountDownLatch(1);

    public static volatile CountDownLatch release = new CountDownLatch(1);

    @Override
    public void enter(EnclaveContext ctx) {
        Registers r = ctx.registers();
        long fn = r.get(GprSgx.RDI);
        long a = r.get(GprSgx.RSI);
        long b = r.get(GprSgx.RDX);
        long c = r.get(GprSgx.R8);
        long scratch = r.get(GprSgx.R9);
        switch ((int) fn) {
            case (int) WRITE_LONG -> ctx.writeLong(b, a);
            case (int) WRITE_BYTE -> ctx.writeByte(b, (byte) a);
            case (int) READ_LONG -> r.set(GprSgx.RAX, ctx.readLong(b));
            case (int) REPORT -> {
                ctx.write(scratch, ctx.read(a, 512)); // TARGETINFO into the enclave
                byte[] data = new byte[64];
                java.util.Arrays.fill(data, (byte) r.get(GprSgx.R8));
                ctx.write(scratch + 512, data);
                ctx.ereport(scratch, scratch + 512, scratch + 1024);
                ctx.write(b, ctx.read(scratch + 1024, Report.SIZE));
            }
            case (int) SEAL_KEY -> {
                KeyRequest req = new KeyRequest(
                        KeyRequest.KEYNAME_SEAL,
                        (short) a,
                        (short) 0,
                        new byte[16],
                        new io.teemate.sgx.struct.Attributes(0x3, 0),
                        new byte[32],
                        0,
                        (short) 0);
                ctx.write(scratch, req.toBytes());
                SgxStatus s = ctx.egetkey(scratch, scratch + 512);
                r.set(GprSgx.RAX, s.code());
                ctx.write(b, ctx.read(scratch + 512, 16));
            }
            case (int) VERIFY_REPORT -> {
                Report report = Report.fromBytes(ctx.read(a, Report.SIZE));
                KeyRequest req = new KeyRequest(
                        KeyRequest.KEYNAME_REPORT,
                        (short) 0,
                        (short) 0,
                        new byte[16],
                        new io.teemate.sgx.struct.Attributes(0, 0),
                        report.keyId(),
                        0,
                        (short) 0);
                ctx.write(scratch, req.toBytes());
                ctx.egetkey(scratch, scratch + 512);
                byte[] key = ctx.read(scratch + 512, 16);
                CMac cmac = new CMac(AESEngine.newInstance());
                cmac.init(new KeyParameter(key));
                byte[] body = report.body().toBytes();
                cmac.update(body, 0, body.length);
                byte[] mac = new byte[16];
                cmac.doFinal(mac, 0);
                r.set(GprSgx.RAX, MessageDigest.isEqual(mac, report.mac()) ? 1 : 0);
            }
            case (int) OCALL_ADD -> {
                ctx.ocall();
                r.set(GprSgx.RAX, a + r.get(GprSgx.RSI));
            }
            case (int) MARK_INTERRUPT_READ -> {
                r.set(GprSgx.R12, a);
                r.rip(ctx.enclaveBase() + 0x777);
                ctx.processor().raiseInterrupt();
                r.set(GprSgx.RAX, ctx.readLong(b));
            }
            case (int) COPY_SSA_TAIL -> ctx.write(b, ctx.read(a + 4096 - SSA_TAIL, SSA_TAIL));
            case (int) SET_R12_IN_SSA -> ctx.writeLong(a + GPRSGX_OFFSET + 8L * GprSgx.R12, b);
            case (int) CSSA -> r.set(GprSgx.RAX, ctx.cssa());
            case (int) EACCEPT -> {
                ctx.write(scratch, new SecInfo(a).toBytes()); // the scratch page is 64-byte aligned
                r.set(GprSgx.RAX, ctx.eaccept(scratch, b).code());
            }
            case (int) EACCEPTCOPY -> {
                ctx.write(scratch, new SecInfo(a).toBytes());
                r.set(GprSgx.RAX, ctx.eacceptcopy(scratch, b, c).code());
            }
            case (int) EMODPE -> {
                ctx.write(scratch, new SecInfo(a).toBytes());
                ctx.emodpe(scratch, b);
            }
            case (int) FILL_PAGE -> {
                byte[] page = new byte[4096];
                java.util.Arrays.fill(page, (byte) a);
                ctx.write(b, page);
            }
            case (int) COPY_OUT -> ctx.write(b, ctx.read(a, (int) c));
            case (int) WAIT_INSIDE -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> throw new IllegalArgumentException("no ecall " + fn);
        }
    }

    /** GPRSGX is the last 184 bytes of a one-page SSA frame. */
    private static final long GPRSGX_OFFSET = 4096 - GprSgx.SIZE;

    /** A second program with other code, so its enclave has another MRENCLAVE. */
    public static final class Other extends TestProgram {}

    /** A program that cannot say what its code is: an image naming it must run nothing. */
    public static final class Codeless extends TestProgram {
        @Override
        public java.util.List<Class<?>> codeClasses() {
            throw new IllegalStateException("no code to declare");
        }
    }
}

package io.teemate.host;

import io.teemate.sgx.Registers;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.SecInfo;

/** Enclave code for the host tests: ecall in RDI, arguments in RSI, RDX, R8, result in RAX. */
public final class HeapProgram implements EnclaveProgram {
    public static final long WRITE_LONG = 1; // [RSI] = RDX
    public static final long READ_LONG = 2; // RAX = [RSI]
    public static final long FILL = 3; // pages at RSI, count RDX, seed R8: every long = pattern(seed, page, i)
    public static final long CHECK = 4; // RAX = number of longs that differ from pattern(seed, page, i)
    public static final long TOUCH = 5; // RAX = sum of the first long of RDX pages at RSI
    public static final long ACCEPT = 6; // RAX = EACCEPT(page RSI, SECINFO flags RDX) status code

    public static long pattern(long seed, long page, long index) {
        return seed * 0x9E3779B97F4A7C15L + (page << 16) + index;
    }

    @Override
    public void enter(EnclaveContext ctx) {
        Registers r = ctx.registers();
        long a = r.get(GprSgx.RSI);
        long b = r.get(GprSgx.RDX);
        long c = r.get(GprSgx.R8);
        switch ((int) r.get(GprSgx.RDI)) {
            case (int) WRITE_LONG -> ctx.writeLong(a, b);
            case (int) READ_LONG -> r.set(GprSgx.RAX, ctx.readLong(a));
            case (int) FILL -> {
                for (long p = 0; p < b; p++) {
                    for (long i = 0; i < 512; i++) {
                        ctx.writeLong(a + p * 4096 + i * 8, pattern(c, p, i));
                    }
                }
            }
            case (int) CHECK -> {
                long bad = 0;
                for (long p = 0; p < b; p++) {
                    for (long i = 0; i < 512; i++) {
                        if (ctx.readLong(a + p * 4096 + i * 8) != pattern(c, p, i)) {
                            bad++;
                        }
                    }
                }
                r.set(GprSgx.RAX, bad);
            }
            case (int) TOUCH -> {
                long sum = 0;
                for (long p = 0; p < b; p++) {
                    sum += ctx.readLong(a + p * 4096);
                }
                r.set(GprSgx.RAX, sum);
            }
            case (int) ACCEPT -> {
                ctx.write(ctx.threadLocalBase(), new SecInfo(b).toBytes());
                r.set(GprSgx.RAX, ctx.eaccept(ctx.threadLocalBase(), a).code());
            }
            default -> r.set(GprSgx.RAX, -1);
        }
    }
}

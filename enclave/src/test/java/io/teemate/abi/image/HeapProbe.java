package io.teemate.abi.image;

import io.teemate.sgx.Registers;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.program.EnclaveContext;
import io.teemate.sgx.program.EnclaveProgram;
import io.teemate.sgx.struct.GprSgx;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;

/**
 * A test enclave that does what the trusted runtime will do at start: find its measured config from its own
 * code header, and grow its heap by EACCEPTing a page the host EAUGed.
 */
public final class HeapProbe implements EnclaveProgram {
    /** RAX = heap max pages, RDX = committed pages, RSI = heap offset, R8 = number of apps in the manifest. */
    static final long READ_CONFIG = 1;
    /** RSI = a heap page the host EAUGed: EACCEPT it (RAX = status), write RDX to it and read it back into RDX. */
    static final long ACCEPT_HEAP_PAGE = 2;

    @Override
    public void enter(EnclaveContext ctx) {
        Registers r = ctx.registers();
        long base = ctx.enclaveBase();
        if (r.get(GprSgx.RDI) == READ_CONFIG) {
            int codeLength = CodeImage.imageLength(ctx.read(base, CodeImage.HEADER_SIZE));
            long config = base + EnclaveImageLayout.configOffset(codeLength);
            int length = EnclaveConfig.length(ctx.read(config, EnclaveConfig.PREFIX_SIZE));
            EnclaveConfig c = EnclaveConfig.fromBytes(ctx.read(config, length));
            r.set(GprSgx.RAX, c.heap().maxPages());
            r.set(GprSgx.RDX, c.heap().committedPages());
            r.set(GprSgx.RSI, c.heap().offset());
            r.set(GprSgx.R8, c.manifest().apps().size());
        } else if (r.get(GprSgx.RDI) == ACCEPT_HEAP_PAGE) {
            long page = r.get(GprSgx.RSI);
            long secInfo = ctx.threadLocalBase();
            ctx.write(
                    secInfo,
                    new SecInfo(SecInfo.of(PageType.REG, PagePermissions.RW).flags() | SecInfo.FLAG_PENDING).toBytes());
            r.set(GprSgx.RAX, ctx.eaccept(secInfo, page).code());
            ctx.writeLong(page, r.get(GprSgx.RDX));
            r.set(GprSgx.RDX, ctx.readLong(page));
        }
    }
}

package io.teemate.sgx.loader;

import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;

import java.util.Arrays;

/**
 * One page a loader adds: where (offset from the base), what kind (REG or TCS) with which permissions,
 * whether EEXTEND measures its content, and the 4096 bytes themselves.
 */
public record EnclavePage(long offset, PageType type, PagePermissions permissions, boolean measured, byte[] content) {
    public EnclavePage {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Shares the content array with the caller: for loaders that only read it. */
    byte[] contentUnsafe() {
        return content;
    }

    public SecInfo secInfo() {
        return SecInfo.of(type, permissions);
    }

    /** The rule this page breaks on its own, or null. */
    String violation() {
        if (type != PageType.REG && type != PageType.TCS) {
            return "type " + type + " cannot be added (only REG and TCS)";
        }
        if (!Memory.pageAligned(offset) || offset < 0) {
            return String.format("offset 0x%x is not a non-negative multiple of 4096", offset);
        }
        if (content.length != Memory.PAGE_SIZE) {
            return "content is " + content.length + " bytes, a page is exactly 4096";
        }
        if (type == PageType.TCS && !permissions.equals(PagePermissions.NONE)) {
            return "a TCS page takes no permissions (the processor clears them), got " + permissions;
        }
        if (permissions.write() && !permissions.read()) {
            return "permissions " + permissions + " grant W without R";
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnclavePage p
                && offset == p.offset
                && type == p.type
                && permissions.equals(p.permissions)
                && measured == p.measured
                && Arrays.equals(content, p.content);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return String.format("EnclavePage[0x%x %s %s%s]", offset, type, permissions, measured ? " measured" : "");
    }
}

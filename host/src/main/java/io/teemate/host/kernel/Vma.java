package io.teemate.host.kernel;

import io.teemate.sgx.struct.PagePermissions;

/**
 * A virtual memory area: a page-aligned range of one address space, its protection, and what backs it
 * (Linux {@code struct vm_area_struct}). Page-table entries inside it are created on fault, by its backing.
 */
public record Vma(long start, long end, PagePermissions protection, VmaBacking backing) {
    public boolean contains(long address) {
        return address >= start && address < end;
    }

    public long length() {
        return end - start;
    }
}

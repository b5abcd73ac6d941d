package io.teemate.host.kernel;

import io.teemate.sgx.Dram;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.mmu.AccessType;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.mmu.Pte;

import java.util.concurrent.ConcurrentHashMap;

/** MAP_ANONYMOUS|MAP_PRIVATE memory: a zeroed DRAM frame per page on first touch, freed on unmap. */
public final class AnonymousMemory implements VmaBacking {
    private final Dram dram;
    private final ConcurrentHashMap<Long, Long> frames = new ConcurrentHashMap<>();

    public AnonymousMemory(Dram dram) {
        this.dram = dram;
    }

    @Override
    public boolean fault(AddressSpace space, Vma vma, long address, AccessType access, LogicalProcessor lp) {
        long frame = frames.computeIfAbsent(Memory.pageBase(address), a -> dram.allocate());
        return space.insertPfn(
                address,
                new Pte(frame, vma.protection().write(), vma.protection().execute()),
                access);
    }

    @Override
    public void unmapped(AddressSpace space, Vma vma) {
        frames.values().forEach(dram::free);
        frames.clear();
    }
}

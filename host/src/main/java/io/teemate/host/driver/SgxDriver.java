package io.teemate.host.driver;

import io.teemate.host.kernel.AddressSpace;
import io.teemate.host.kernel.Errno;
import io.teemate.host.kernel.Kernel;
import io.teemate.host.kernel.KernelException;
import io.teemate.host.kernel.Process;
import io.teemate.host.kernel.Vma;
import io.teemate.host.kernel.VmaBacking;
import io.teemate.sgx.CpuException;
import io.teemate.sgx.EvictedPage;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Measurement;
import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.cost.SystemCost;
import io.teemate.sgx.mmu.AccessType;
import io.teemate.sgx.mmu.Memory;
import io.teemate.sgx.mmu.Pte;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Secs;
import io.teemate.sgx.struct.SigStruct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The SGX driver: the calls of Linux's {@code /dev/sgx_enclave} (arch/x86/kernel/cpu/sgx/ioctl.c, driver.c,
 * encl.c) on the emulated kernel: ENCLAVE_CREATE, ADD_PAGES, INIT, mmap with pages inserted on fault, the SGX2
 * calls, EPC reclaim, and the EPC statistics TeeMate adds. Errors are {@link KernelException}s carrying the
 * errno the uAPI returns and a message; a processor fault from a leaf never reaches the caller as such.
 * One lock serializes the driver, like the enclave and EPC locks together.
 */
public final class SgxDriver {
    private final Kernel kernel;
    /**
     * The driver's single lock (Linux's enclave and EPC locks in one): guards every {@link SgxEnclave},
     * {@link SgxEnclavePage}, {@link EnclaveFile}, the {@link EpcPool} and the {@link Reclaimer}.
     */
    private final ReentrantLock lock = new ReentrantLock();

    private final Reclaimer reclaimer;
    private final EpcPool pool;
    /** Only incremented under {@link #lock}; atomic regardless. */
    private final AtomicLong nextId = new AtomicLong(1);
    /**
     * Live enclaves by id. Written under {@link #lock}; read without it by {@link #location}, {@link #alive}
     * and the {@code enclave(id)} lookup they use, hence concurrent.
     */
    private final Map<Long, SgxEnclave> enclaves = new ConcurrentHashMap<>();
    /** The enclave of each page, for the reclaimer. Written and read under {@link #lock}. */
    private final Map<SgxEnclavePage, SgxEnclave> owner = new ConcurrentHashMap<>();

    public SgxDriver(Kernel kernel) {
        this.kernel = kernel;
        this.reclaimer = new Reclaimer(kernel);
        this.pool = new EpcPool(kernel.machine().epc(), reclaimer);
        reclaimer.attach(this);
    }

    public Kernel kernel() {
        return kernel;
    }

    EpcPool pool() {
        return pool;
    }

    SgxEnclave enclaveOf(SgxEnclavePage page) {
        return owner.get(page);
    }

    /** open("/dev/sgx_enclave"): closed automatically when {@code process} exits. */
    public EnclaveFile open(Process process) {
        EnclaveFile f = new EnclaveFile(this, process.pid());
        process.onExit(p -> close(f));
        return f;
    }

    /** open("/dev/sgx_provision"): see {@link ProvisionFile} for who may. */
    public ProvisionFile openProvision(Process process) {
        return new ProvisionFile(process.pid());
    }

    /** SGX_IOC_ENCLAVE_CREATE: ECREATE from {@code secs}. */
    public long create(EnclaveFile file, Secs secs) {
        return ioctl(lp -> {
            requireOpen(file);
            if (file.enclave != null) {
                throw new KernelException(Errno.EINVAL, "ENCLAVE_CREATE: this file already has an enclave");
            }
            long secsPage = pool.allocate(lp);
            try {
                lp.ecreate(SecInfo.of(PageType.SECS, PagePermissions.NONE), secs, secsPage);
            } catch (CpuException e) {
                pool.free(secsPage);
                throw new KernelException(Errno.EINVAL, "ENCLAVE_CREATE: ECREATE refused the SECS: " + e.getMessage());
            }
            SgxEnclave e = new SgxEnclave(nextId.getAndIncrement(), secsPage, secs.baseAddress(), secs.size());
            e.attributes = secs.attributes().flags();
            e.references = 1;
            enclaves.put(e.id, e);
            file.enclave = e;
            return e.id;
        });
    }

    /**
     * SGX_IOC_ENCLAVE_ADD_PAGES: EADD each 4 KiB page of {@code source} at {@code offset}, and EEXTEND all sixteen
     * chunks of each when {@code measure} (SGX_PAGE_MEASURE). Returns the bytes added.
     */
    public long addPages(EnclaveFile file, byte[] source, long offset, SecInfo secInfo, boolean measure) {
        return ioctl(lp -> {
            SgxEnclave e = requireEnclave(file);
            if (e.initialized) {
                throw new KernelException(Errno.EINVAL, "ADD_PAGES: the enclave is already initialized");
            }
            if (!Memory.pageAligned(offset)
                    || source.length == 0
                    || source.length % Memory.PAGE_SIZE != 0
                    || offset < 0
                    || offset + source.length > e.size) {
                throw new KernelException(
                        Errno.EINVAL,
                        String.format(
                                "ADD_PAGES: offset 0x%x and length 0x%x must be page aligned and inside the enclave (size 0x%x)",
                                offset, source.length, e.size));
            }
            validateSecInfo(secInfo);
            long done = 0;
            for (long at = 0; at < source.length; at += Memory.PAGE_SIZE) {
                long pageOffset = offset + at;
                if (e.pages.containsKey(pageOffset)) {
                    throw new KernelException(
                            Errno.EEXIST, String.format("ADD_PAGES: a page already exists at offset 0x%x", pageOffset));
                }
                growVaSlots(lp, e);
                lp.charge(SystemCost.DRIVER_PAGE_ADD);
                long epc = pool.allocate(lp);
                long la = e.base + pageOffset;
                byte[] page = java.util.Arrays.copyOfRange(source, (int) at, (int) at + Memory.PAGE_SIZE);
                try {
                    lp.eadd(la, page, secInfo, e.secsPage, epc);
                    if (measure) {
                        for (int c = 0; c < Memory.PAGE_SIZE; c += Measurement.EEXTEND_CHUNK) {
                            lp.eextend(e.secsPage, epc + c);
                        }
                    }
                } catch (CpuException fault) {
                    lp.eremove(epc);
                    pool.free(epc);
                    throw new KernelException(
                            Errno.EINVAL,
                            "ADD_PAGES: EADD refused the page at offset 0x" + Long.toHexString(pageOffset) + ": "
                                    + fault.getMessage());
                }
                SgxEnclavePage p = new SgxEnclavePage(pageOffset, la, secInfo.pageType(), secInfo.permissions());
                p.epcPage = epc;
                e.pages.put(pageOffset, p);
                owner.put(p, e);
                reclaimer.track(p);
                if (p.type == PageType.TCS) {
                    e.tcsAddresses.add(la);
                }
                done += Memory.PAGE_SIZE;
            }
            return done;
        });
    }

    /**
     * SGX_IOC_ENCLAVE_PROVISION: allows ATTRIBUTES.PROVISIONKEY for this file's enclave (Linux ioctl.c
     * {@code sgx_ioc_enclave_provision}, which ORs it into the enclave's attributes mask). Must follow ENCLAVE_CREATE.
     */
    public void allowProvisionKey(EnclaveFile file, ProvisionFile provision) {
        java.util.Objects.requireNonNull(provision, "an open /dev/sgx_provision");
        lock.lock();
        try {
            SgxEnclave e = requireEnclave(file);
            e.attributesMask |= Attributes.PROVISIONKEY;
        } finally {
            lock.unlock();
        }
    }

    /**
     * SGX_IOC_ENCLAVE_INIT: with Flexible Launch Control the driver writes IA32_SGXLEPUBKEYHASH with the signer's
     * hash and runs EINIT; an SGX error code comes back as EPERM naming it. An enclave whose SECS asks for an
     * attribute outside its mask (PROVISIONKEY without {@link #allowProvisionKey}, EINITTOKENKEY) is refused with
     * EACCES before EINIT, as Linux's {@code sgx_encl_init} does.
     */
    public void init(EnclaveFile file, SigStruct sigStruct) {
        ioctl(lp -> {
            SgxEnclave e = requireEnclave(file);
            if (e.initialized) {
                throw new KernelException(Errno.EINVAL, "ENCLAVE_INIT: the enclave is already initialized");
            }
            long denied = e.attributes & ~e.attributesMask;
            if (denied != 0) {
                throw new KernelException(
                        Errno.EACCES,
                        "ENCLAVE_INIT: the SECS asks for ATTRIBUTES 0x"
                                + Long.toHexString(denied)
                                + ((denied & Attributes.PROVISIONKEY) != 0
                                        ? " (PROVISIONKEY), which needs SGX_IOC_ENCLAVE_PROVISION with an open /dev/sgx_provision first"
                                        : ", which no process may grant"));
            }
            if (sigStruct.vendor() != 0 && sigStruct.vendor() != 0x8086) {
                throw new KernelException(
                        Errno.EINVAL,
                        "ENCLAVE_INIT: SIGSTRUCT vendor 0x" + Integer.toHexString(sigStruct.vendor())
                                + " is neither 0 nor 0x8086");
            }
            lp.writeLePubKeyHash(sigStruct.mrSigner());
            SgxStatus s;
            try {
                s = lp.einit(sigStruct, e.secsPage);
            } catch (CpuException fault) {
                throw new KernelException(Errno.EFAULT, "ENCLAVE_INIT: " + fault.getMessage());
            }
            if (!s.ok()) {
                throw new KernelException(Errno.EPERM, "ENCLAVE_INIT: EINIT returned SGX_" + s + " (" + s.code() + ")");
            }
            e.initialized = true;
            e.segments = e.computeSegments();
            return null;
        });
    }

    /**
     * mmap(MAP_SHARED|MAP_FIXED) of the enclave into {@code process}: pages are inserted on fault. The range must
     * lie inside ELRANGE and {@code protection} may not exceed the permissions any page in it was added with.
     */
    public void mmap(EnclaveFile file, Process process, long address, long length, PagePermissions protection) {
        locked(
                lp -> { // a processor, then the lock: see close
                    SgxEnclave e = requireEnclave(file);
                    if (!e.contains(address) || !e.contains(address + length - 1)) {
                        throw new KernelException(
                                Errno.EINVAL,
                                String.format(
                                        "mmap: [0x%x, 0x%x) is not inside ELRANGE [0x%x, 0x%x)",
                                        address, address + length, e.base, e.base + e.size));
                    }
                    for (SgxEnclavePage p : e.pages
                            .subMap(address - e.base, true, address - e.base + length, false)
                            .values()) {
                        PagePermissions max = p.type == PageType.TCS ? PagePermissions.RW : p.maxPermissions;
                        if (!max.allows(protection)) {
                            throw new KernelException(
                                    Errno.EACCES,
                                    String.format(
                                            "mmap: protection %s exceeds %s of the page at 0x%x",
                                            protection, max, p.linearAddress));
                        }
                    }
                    insertVma(e, process, address, length, protection);
                    return null;
                });
    }

    /**
     * Maps every added page of the enclave into {@code process} at its own address, one VMA per segment of equal
     * permissions (what a runtime's loader maps, and what TeeMate's worker maps instead of adding pages). The
     * segments come from the pages' own permissions, so no per-page check is needed: the cost is per segment.
     */
    public void mmapWhole(EnclaveFile file, Process process) {
        locked(
                lp -> { // a processor, then the lock: see close
                    SgxEnclave e = requireEnclave(file);
                    if (!e.initialized) {
                        throw new KernelException(Errno.EINVAL, "mmap: the enclave is not initialized yet");
                    }
                    List<Long> mapped = new java.util.ArrayList<>();
                    try {
                        for (SgxEnclave.Segment s : e.segments) {
                            insertVma(e, process, s.start(), s.end() - s.start(), s.protection());
                            mapped.add(s.start());
                        }
                    } catch (KernelException overlap) {
                        for (SgxEnclave.Segment s : e.segments) {
                            if (mapped.contains(s.start())) {
                                process.addressSpace().munmap(s.start(), s.end() - s.start());
                            }
                        }
                        throw overlap;
                    }
                    return null;
                });
    }

    private void insertVma(SgxEnclave e, Process process, long address, long length, PagePermissions protection) {
        process.addressSpace().mmap(address, length, protection, new EnclaveMapping(e));
        if (e.mms.add(process.addressSpace())) {
            e.references++;
        }
    }

    /**
     * close(): drops the file's reference; the enclave goes when no file and no mapping is left. A processor first,
     * then the lock, as every path takes them: the fault path holds the processor it faulted on when it asks for the
     * lock, so waiting for a processor with the lock held deadlocks once every processor is in a fault.
     */
    void close(EnclaveFile file) {
        locked(lp -> {
            if (!file.closed) {
                file.closed = true;
                if (file.enclave != null) {
                    unreference(file.enclave);
                }
            }
            return null;
        });
    }

    /** The faults of an enclave VMA (Linux {@code sgx_vma_fault}): reload evicted pages, EAUG missing ones. */
    private final class EnclaveMapping implements VmaBacking {
        private final SgxEnclave enclave;

        EnclaveMapping(SgxEnclave enclave) {
            this.enclave = enclave;
        }

        @Override
        public boolean fault(AddressSpace space, Vma vma, long address, AccessType access, LogicalProcessor lp) {
            lock.lock(); // held through the insert: the reclaimer zaps under it, so the frame stays this page's
            try {
                if (enclave.released) {
                    return false;
                }
                SgxEnclavePage p = enclave.pages.get(address - enclave.base);
                if (p == null) {
                    if (!enclave.initialized) {
                        return false;
                    }
                    p = augment(lp, enclave, address - enclave.base, space.pid());
                }
                if (!makeResident(lp, enclave, p)) {
                    return false;
                }
                boolean tcs = p.type == PageType.TCS;
                PagePermissions prot = vma.protection();
                return space.insertPfn(
                        address,
                        new Pte(
                                p.epcPage,
                                prot.write() && (tcs || p.maxPermissions.write()),
                                !tcs && prot.execute() && p.maxPermissions.execute()),
                        access);
            } catch (KernelException e) {
                return false; // SIGBUS: e.g. the EPC is exhausted
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void unmapped(AddressSpace space, Vma vma) {
            locked(
                    lp -> { // a processor, then the lock: see close
                        boolean stillMapped = space.vmas().stream()
                                .anyMatch(v -> v.backing() instanceof EnclaveMapping m && m.enclave == enclave);
                        if (!stillMapped && enclave.mms.remove(space)) {
                            unreference(enclave);
                        }
                        return null;
                    });
        }
    }

    /**
     * Brings an evicted page back with ELDU (finishing a stalled eviction first). A page whose ciphertext, PCMD or
     * version does not verify stays evicted: the access fails, it never sees wrong data.
     */
    private boolean makeResident(LogicalProcessor lp, SgxEnclave e, SgxEnclavePage p) {
        if (p.resident() && p.blocked) {
            reclaimer.etrack(lp, e);
            if (!reclaimer.writeBack(lp, e, p)) {
                return false;
            }
        }
        if (p.resident()) {
            return true;
        }
        long epc = pool.allocate(lp);
        if (p.resident()) { // the allocation's reclaim cannot pick this page, but be exact
            pool.free(epc);
            return true;
        }
        SgxStatus s = lp.eldu(p.evicted, e.secsPage, epc, p.vaSlot);
        if (!s.ok()) {
            pool.free(epc);
            return false;
        }
        e.vaSlots.release(p.vaSlot);
        p.epcPage = epc;
        p.evicted = null;
        reclaimer.track(p);
        return true;
    }

    /**
     * EAUG of a zeroed PENDING page at {@code offset} of an initialized enclave (SGX2), charged to process
     * {@code pid} (-1 for an explicit request): the page is private to it in the EPC statistics.
     */
    private SgxEnclavePage augment(LogicalProcessor lp, SgxEnclave e, long offset, int pid) {
        growVaSlots(lp, e);
        long epc = pool.allocate(lp);
        try {
            lp.eaug(e.base + offset, e.secsPage, epc);
        } catch (CpuException fault) {
            pool.free(epc);
            throw new KernelException(
                    Errno.EFAULT, "EAUG at offset 0x" + Long.toHexString(offset) + ": " + fault.getMessage());
        }
        SgxEnclavePage p = new SgxEnclavePage(offset, e.base + offset, PageType.REG, PagePermissions.RWX);
        p.epcPage = epc;
        p.augmentedBy = pid;
        e.pages.put(offset, p);
        owner.put(p, e);
        reclaimer.track(p);
        return p;
    }

    /** SGX_IOC_ENCLAVE_ADD_PAGES on an initialized enclave with SGX2: EAUG pages on request. Returns bytes added. */
    public long augment(EnclaveFile file, long offset, long length) {
        return ioctl(lp -> {
            SgxEnclave e = requireInitialized(file, "EAUG");
            requireRange(e, offset, length, "EAUG");
            long done = 0;
            for (long o = offset; o < offset + length; o += Memory.PAGE_SIZE) {
                if (!e.pages.containsKey(o)) {
                    augment(lp, e, o, -1);
                }
                done += Memory.PAGE_SIZE;
            }
            return done;
        });
    }

    /** SGX_IOC_ENCLAVE_RESTRICT_PERMISSIONS: EMODPR each page, zap its entries, ETRACK; the enclave EACCEPTs. */
    public long restrictPermissions(EnclaveFile file, long offset, long length, PagePermissions permissions) {
        return forEachPage(file, offset, length, "RESTRICT_PERMISSIONS", true, (lp, e, p) -> {
            if (p.type != PageType.REG) {
                throw new KernelException(
                        Errno.EINVAL,
                        "RESTRICT_PERMISSIONS: the page at offset 0x" + Long.toHexString(p.offset) + " is " + p.type);
            }
            requireOk(lp.emodpr(SecInfo.of(PageType.REG, permissions), p.epcPage), "RESTRICT_PERMISSIONS: EMODPR", p);
            p.maxPermissions = permissions;
            zapEverywhere(e, p);
        });
    }

    /** SGX_IOC_ENCLAVE_MODIFY_TYPES: EMODT to PT_TRIM (or PT_TCS), zap, ETRACK; the enclave EACCEPTs. */
    public long modifyTypes(EnclaveFile file, long offset, long length, PageType type) {
        if (type != PageType.TRIM && type != PageType.TCS) {
            throw new KernelException(Errno.EINVAL, "MODIFY_TYPES: pages can only become TRIM or TCS, not " + type);
        }
        return forEachPage(file, offset, length, "MODIFY_TYPES", true, (lp, e, p) -> {
            requireOk(lp.emodt(SecInfo.of(type, PagePermissions.NONE), p.epcPage), "MODIFY_TYPES: EMODT", p);
            p.type = type;
            zapEverywhere(e, p);
            if (type == PageType.TCS) {
                e.tcsAddresses.add(p.linearAddress);
            }
        });
    }

    /**
     * SGX_IOC_ENCLAVE_REMOVE_PAGES: EREMOVE of TRIM pages the enclave has accepted. Acceptance is probed as Linux
     * does, with EMODPR: a fault means EACCEPT cleared MODIFIED; SGX_PAGE_NOT_MODIFIABLE means it did not (EPERM).
     */
    public long removePages(EnclaveFile file, long offset, long length) {
        return forEachPage(file, offset, length, "REMOVE_PAGES", false, (lp, e, p) -> {
            if (p.type != PageType.TRIM) {
                throw new KernelException(
                        Errno.EPERM,
                        "REMOVE_PAGES: the page at offset 0x" + Long.toHexString(p.offset) + " is not TRIM");
            }
            boolean accepted;
            try {
                accepted = lp.emodpr(SecInfo.of(PageType.REG, PagePermissions.NONE), p.epcPage)
                        != SgxStatus.PAGE_NOT_MODIFIABLE;
            } catch (CpuException probeFault) {
                accepted = true;
            }
            if (!accepted) {
                throw new KernelException(
                        Errno.EPERM,
                        "REMOVE_PAGES: the enclave has not EACCEPTed the TRIM page at offset 0x"
                                + Long.toHexString(p.offset));
            }
            zapEverywhere(e, p);
            SgxStatus s = lp.eremove(p.epcPage);
            if (!s.ok()) {
                throw new KernelException(Errno.EBUSY, "REMOVE_PAGES: EREMOVE returned SGX_" + s);
            }
            pool.free(p.epcPage);
            e.pages.remove(p.offset);
            owner.remove(p);
            e.tcsAddresses.remove(p.linearAddress);
        });
    }

    /** What an SGX2 call does to one resident page of an initialized enclave. */
    private interface PageAction {
        void apply(LogicalProcessor lp, SgxEnclave e, SgxEnclavePage p);
    }

    /**
     * The frame of the SGX2 calls: check the enclave and range, bring each page in, apply {@code action}, and
     * ETRACK afterwards when the change must be tracked before the enclave can EACCEPT it. Returns bytes done.
     */
    private long forEachPage(
            EnclaveFile file, long offset, long length, String call, boolean track, PageAction action) {
        return ioctl(lp -> {
            SgxEnclave e = requireInitialized(file, call);
            requireRange(e, offset, length, call);
            long done = 0;
            for (long o = offset; o < offset + length; o += Memory.PAGE_SIZE) {
                SgxEnclavePage p = requirePage(e, o, call);
                requireResident(lp, e, p);
                action.apply(lp, e, p);
                done += Memory.PAGE_SIZE;
            }
            if (track) {
                reclaimer.etrack(lp, e);
            }
            return done;
        });
    }

    private static void requireOk(SgxStatus s, String what, SgxEnclavePage p) {
        if (!s.ok()) {
            throw new KernelException(
                    Errno.EFAULT, what + " returned SGX_" + s + " at offset 0x" + Long.toHexString(p.offset));
        }
    }

    /** EPC statistics: frames in use, and per enclave resident and evicted pages (TeeMate's GET_STAT). */
    public EpcStats stats() {
        lock.lock();
        try {
            Map<Long, EpcStats.PerEnclave> per = new LinkedHashMap<>();
            for (SgxEnclave e : enclaves.values()) {
                per.put(
                        e.id,
                        new EpcStats.PerEnclave(
                                e.id,
                                e.residentPages(),
                                e.evictedPages(),
                                e.mms.size(),
                                e.mms.stream().map(AddressSpace::pid).sorted().toList(),
                                e.augmentedPagesByPid()));
            }
            return new EpcStats(pool.total(), pool.inUse(), per);
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ for the TeeMate controller

    /** TeeMate's SGX_IOC_ENCLAVE_OPEN_REMAP: a new file of {@code process} referring to enclave {@code id}. */
    public EnclaveFile openById(Process process, long id) {
        lock.lock();
        try {
            SgxEnclave e = enclave(id);
            if (!e.initialized) {
                throw new KernelException(
                        Errno.EINVAL, "enclave " + id + " is not initialized; only initialized enclaves can be shared");
            }
            EnclaveFile f = open(process);
            f.enclave = e;
            e.references++;
            return f;
        } finally {
            lock.unlock();
        }
    }

    /** Where enclave {@code id} lives (TeeMate's SGX_IOC_ENCLAVE_GET_LOCATION_BY_ID). */
    public EnclaveLocation location(long id) {
        SgxEnclave e = enclave(id);
        return new EnclaveLocation(e.id, e.base, e.size);
    }

    /** The TCS pages of enclave {@code id}, by linear address, in the order they were added. */
    public List<Long> tcsAddresses(long id) {
        lock.lock();
        try {
            return List.copyOf(enclave(id).tcsAddresses);
        } finally {
            lock.unlock();
        }
    }

    /** Whether enclave {@code id} still exists (some file or mapping holds it). */
    public boolean alive(long id) {
        SgxEnclave e = enclaves.get(id);
        return e != null && !e.released;
    }

    /** The untrusted copy of an evicted page (the host's own memory: it may read or change it), or null. */
    public EvictedPage evictedPage(long id, long offset) {
        lock.lock();
        try {
            SgxEnclavePage p = enclave(id).pages.get(offset);
            return p == null ? null : p.evicted;
        } finally {
            lock.unlock();
        }
    }

    /** Replaces the untrusted copy of an evicted page, as a host replaying old memory would. */
    public void replaceEvictedPage(long id, long offset, EvictedPage copy) {
        lock.lock();
        try {
            SgxEnclavePage p = enclave(id).pages.get(offset);
            if (p == null || p.resident()) {
                throw new KernelException(
                        Errno.EINVAL, "the page at offset 0x" + Long.toHexString(offset) + " is not evicted");
            }
            p.evicted = copy;
        } finally {
            lock.unlock();
        }
    }

    /** Runs the reclaimer now (what ksgxd does when free pages run low); returns the pages evicted. */
    public int reclaim() {
        return locked(reclaimer::reclaim);
    }

    // ------------------------------------------------------------------ internals

    /** The live enclave with this id, or ENOENT. */
    private SgxEnclave enclave(long id) {
        SgxEnclave e = enclaves.get(id);
        if (e == null || e.released) {
            throw new KernelException(Errno.ENOENT, "no enclave with id " + id);
        }
        return e;
    }

    private void unreference(SgxEnclave e) {
        if (--e.references > 0 || e.released) {
            return;
        }
        e.released = true;
        kernel.withProcessor(lp -> {
            for (SgxEnclavePage p : e.pages.values()) {
                if (p.resident()) {
                    lp.eremove(p.epcPage);
                    pool.free(p.epcPage);
                }
                owner.remove(p);
            }
            for (long va : e.vaSlots.pages()) {
                lp.eremove(va);
                pool.free(va);
            }
            lp.eremove(e.secsPage);
            pool.free(e.secsPage);
            return null;
        });
        enclaves.remove(e.id);
    }

    /** One VA page (EPA) for every 512 pages the enclave can evict, allocated as the enclave grows (sgx_encl_grow). */
    private void growVaSlots(LogicalProcessor lp, SgxEnclave e) {
        if (e.pages.size() % VaSlots.SLOTS_PER_PAGE == 0 && !enoughSlots(e)) {
            long va = pool.allocate(lp);
            lp.epa(va);
            e.vaSlots.addPage(va);
        }
    }

    private static boolean enoughSlots(SgxEnclave e) {
        return (long) e.vaSlots.pages().size() * VaSlots.SLOTS_PER_PAGE > e.pages.size();
    }

    private void requireResident(LogicalProcessor lp, SgxEnclave e, SgxEnclavePage p) {
        if (!makeResident(lp, e, p)) {
            throw new KernelException(
                    Errno.EIO, "the page at offset 0x" + Long.toHexString(p.offset) + " could not be reloaded");
        }
    }

    private void zapEverywhere(SgxEnclave e, SgxEnclavePage p) {
        for (AddressSpace mm : e.mms) {
            mm.zap(p.linearAddress);
        }
    }

    /** An SGX_IOC_* call: the system call's entry and exit, then the work under the driver's lock. */
    private <T> T ioctl(Function<LogicalProcessor, T> body) {
        return locked(lp -> {
            lp.charge(SystemCost.SYSCALL);
            return body.apply(lp);
        });
    }

    private <T> T locked(Function<LogicalProcessor, T> body) {
        return kernel.withProcessor(lp -> {
            lock.lock();
            try {
                return body.apply(lp);
            } finally {
                lock.unlock();
            }
        });
    }

    private static void requireOpen(EnclaveFile f) {
        if (f.closed) {
            throw new KernelException(Errno.EBADF, "the enclave file is closed");
        }
    }

    private static SgxEnclave requireEnclave(EnclaveFile f) {
        requireOpen(f);
        if (f.enclave == null) {
            throw new KernelException(Errno.EINVAL, "no enclave: ENCLAVE_CREATE has not been called on this file");
        }
        return f.enclave;
    }

    private static SgxEnclave requireInitialized(EnclaveFile f, String call) {
        SgxEnclave e = requireEnclave(f);
        if (!e.initialized) {
            throw new KernelException(Errno.EINVAL, call + ": the enclave is not initialized");
        }
        return e;
    }

    private static void requireRange(SgxEnclave e, long offset, long length, String call) {
        if (!Memory.pageAligned(offset)
                || !Memory.pageAligned(length)
                || length <= 0
                || offset < 0
                || offset + length > e.size) {
            throw new KernelException(
                    Errno.EINVAL,
                    String.format(
                            "%s: offset 0x%x length 0x%x must be page aligned inside the enclave",
                            call, offset, length));
        }
    }

    private static SgxEnclavePage requirePage(SgxEnclave e, long offset, String call) {
        SgxEnclavePage p = e.pages.get(offset);
        if (p == null) {
            throw new KernelException(Errno.EINVAL, call + ": no page at offset 0x" + Long.toHexString(offset));
        }
        return p;
    }

    /** Linux {@code sgx_validate_secinfo}: no reserved bits, W implies R, type REG or TCS, TCS without permissions. */
    private static void validateSecInfo(SecInfo s) {
        if (s.reservedBitsSet() || s.pending() || s.modified() || s.pr()) {
            throw new KernelException(
                    Errno.EINVAL, "SECINFO has reserved or state bits set: 0x" + Long.toHexString(s.flags()));
        }
        PageType t;
        try {
            t = s.pageType();
        } catch (IllegalArgumentException e) {
            throw new KernelException(Errno.EINVAL, "SECINFO names no page type: 0x" + Long.toHexString(s.flags()));
        }
        PagePermissions p = s.permissions();
        if (t != PageType.REG && t != PageType.TCS) {
            throw new KernelException(Errno.EINVAL, "SECINFO page type " + t + " cannot be added (REG or TCS only)");
        }
        if (p.write() && !p.read()) {
            throw new KernelException(Errno.EINVAL, "SECINFO grants W without R");
        }
        if (t == PageType.TCS && !p.equals(PagePermissions.NONE)) {
            throw new KernelException(Errno.EINVAL, "SECINFO for a TCS must have no permissions");
        }
    }
}

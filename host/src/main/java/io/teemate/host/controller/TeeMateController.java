package io.teemate.host.controller;

import io.teemate.host.driver.EnclaveFile;
import io.teemate.host.driver.EnclaveLocation;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Errno;
import io.teemate.host.kernel.KernelException;
import io.teemate.host.kernel.Process;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TeeMate controller, the paper's two kernel primitives on top of the SGX driver:
 * <ul>
 *   <li><b>EPC aliasing</b>: map an initialized enclave's pages into another process at the same linear
 *   addresses, with no ECREATE, EADD or EINIT. The enclave lives while any file or mapping holds it, so its
 *   creator may exit first.</li>
 *   <li><b>TCS assignment</b>: the enclave's TCS pages as a {@link TcsTable} that hands one to a process for an
 *   entry and takes it back; a process's TCSs return to the pool when it dies.</li>
 * </ul>
 */
public final class TeeMateController {
    private final SgxDriver driver;
    private final Map<Long, TcsTable> tables = new ConcurrentHashMap<>();

    public TeeMateController(SgxDriver driver) {
        this.driver = driver;
    }

    /** Aliases enclave {@code id} into {@code process}: a file of its own and every page mapped at its address. */
    public EnclaveFile alias(Process process, long id) {
        EnclaveFile file = driver.openById(process, id);
        try {
            driver.mmapWhole(file, process);
        } catch (KernelException e) {
            file.close();
            throw e;
        }
        return file;
    }

    /** Where enclave {@code id} is mapped in every process that shares it. */
    public EnclaveLocation locate(long id) {
        return driver.location(id);
    }

    /** The TCS table of enclave {@code id} (created on first use from the driver's TCS list). */
    public TcsTable tcsTable(long id) {
        if (!driver.alive(id)) {
            tables.remove(id);
            throw new KernelException(Errno.ENOENT, "no enclave with id " + id);
        }
        return tables.computeIfAbsent(id, k -> new TcsTable(k, driver.tcsAddresses(k)));
    }

    /**
     * Assigns a TCS of enclave {@code id} to {@code process}, waiting up to {@code timeout} if all are held.
     * Whatever the process still holds when it exits goes back to the pool.
     */
    public TcsLease acquireTcs(Process process, long id, Duration timeout) {
        TcsTable table = tcsTable(id);
        TcsLease lease = table.acquire(process.pid(), timeout);
        if (process.exiting()) {
            lease.close();
            throw new KernelException(Errno.ESRCH, process + " is exiting");
        }
        process.onExit(p -> table.releaseAll(p.pid()));
        return lease;
    }

    /** Who holds which TCS of enclave {@code id}. */
    public List<TcsTable.Assignment> inspect(long id) {
        return tcsTable(id).inspect();
    }
}

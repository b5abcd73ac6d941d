package io.teemate.host.loader;

import io.teemate.host.driver.EnclaveFile;
import io.teemate.host.driver.ProvisionFile;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Process;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.loader.EnclavePage;
import io.teemate.sgx.struct.Secs;
import io.teemate.sgx.struct.SigStruct;

/**
 * The untrusted loader of a process (what Gramine's host PAL or the Intel SDK's urts do): opens
 * {@code /dev/sgx_enclave}, creates the enclave, adds and measures every page of its layout, initializes it
 * with its SIGSTRUCT and maps it. This is the conventional path: every page is added and measured.
 */
public final class EnclaveLoader {
    private final SgxDriver driver;

    public EnclaveLoader(SgxDriver driver) {
        this.driver = driver;
    }

    /** A built, initialized and mapped enclave: its file (whose id the controller shares) and base. */
    public record Loaded(EnclaveFile file, long id, long base, long size) {}

    /** Builds {@code layout} at {@code base} for {@code process}; must run on a thread of that process or any. */
    public Loaded load(Process process, EnclaveLayout layout, SigStruct sigStruct, long base) {
        return load(process, layout, sigStruct, base, null);
    }

    /**
     * As {@link #load(Process, EnclaveLayout, SigStruct, long)}, and with {@code provision} (an open
     * {@code /dev/sgx_provision}, or null) the enclave may be launched with ATTRIBUTES.PROVISIONKEY: the
     * SGX_IOC_ENCLAVE_PROVISION the Intel SDK's urts issues for the quoting and provisioning enclaves.
     */
    public Loaded load(Process process, EnclaveLayout layout, SigStruct sigStruct, long base, ProvisionFile provision) {
        EnclaveFile file = driver.open(process);
        try {
            long id = driver.create(
                    file,
                    new Secs(
                            layout.size(),
                            base,
                            layout.ssaFrameSize(),
                            sigStruct.miscSelect(),
                            sigStruct.attributes(),
                            new byte[32],
                            new byte[32],
                            new byte[64],
                            (short) 0,
                            (short) 0,
                            (short) 0));
            if (provision != null) {
                driver.allowProvisionKey(file, provision);
            }
            for (EnclavePage p : layout.pages()) {
                driver.addPages(file, p.content(), p.offset(), p.secInfo(), p.measured());
            }
            driver.init(file, sigStruct);
            driver.mmapWhole(file, process);
            return new Loaded(file, id, base, layout.size());
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }
}

package io.teemate.host.driver;

/**
 * An open {@code /dev/sgx_provision}: the capability to launch enclaves with ATTRIBUTES.PROVISIONKEY (Linux
 * arch/x86/kernel/cpu/sgx/main.c {@code sgx_set_attribute}). Handing it to {@link SgxDriver#allowProvisionKey}
 * is SGX_IOC_ENCLAVE_PROVISION. On Linux the device's file mode (root, group {@code sgx_prv}) decides who may open
 * it; the emulated kernel has no users, so any process can, and holding this handle is what it proves.
 */
public final class ProvisionFile {
    private final int ownerPid;

    ProvisionFile(int ownerPid) {
        this.ownerPid = ownerPid;
    }

    public int ownerPid() {
        return ownerPid;
    }
}

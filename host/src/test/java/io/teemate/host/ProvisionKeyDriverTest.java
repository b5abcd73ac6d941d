package io.teemate.host;

import io.teemate.host.driver.EnclaveFile;
import io.teemate.host.kernel.Errno;
import io.teemate.host.kernel.KernelException;
import io.teemate.host.kernel.Process;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.Secs;
import io.teemate.sgx.struct.SigStruct;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ATTRIBUTES.PROVISIONKEY is a privilege: ENCLAVE_INIT refuses an enclave asking for it unless the loader handed the
 * driver an open /dev/sgx_provision first (SGX_IOC_ENCLAVE_PROVISION), as Linux's sgx_encl_init does.
 */
class ProvisionKeyDriverTest {
    private final HostRig rig = new HostRig(256, 1);
    private final Process loader = rig.spawn("loader");
    private final EnclaveLayout layout =
            EnclaveLayout.forProgram(rig.machine.programs().register(new HeapProgram()), 1, 2, 1, 0);

    private SigStruct signed(long flags) {
        return SigStructBuilder.forEnclave(layout.mrEnclave())
                .attributes(new Attributes(flags, 0x3))
                .sign(HostRig.KEY);
    }

    @Test
    void aProvisioningEnclaveWithoutSgxProvisionIsRefusedWithEacces() {
        SigStruct sig = signed(Attributes.MODE64BIT | Attributes.PROVISIONKEY);
        assertThatThrownBy(() -> rig.loader.load(loader, layout, sig, HostRig.BASE))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES))
                .hasMessageContaining("PROVISIONKEY")
                .hasMessageContaining("/dev/sgx_provision");
        assertThat(rig.driver.stats().enclaves())
                .as("the refused enclave is torn down")
                .isEmpty();
    }

    @Test
    void withSgxProvisionTheSameEnclaveLaunches() {
        SigStruct sig = signed(Attributes.MODE64BIT | Attributes.PROVISIONKEY);
        var loaded = rig.loader.load(loader, layout, sig, HostRig.BASE, rig.driver.openProvision(loader));
        assertThat(rig.driver.alive(loaded.id())).isTrue();
    }

    @Test
    void anUnprivilegedEnclaveNeedsNoProvisionHandle() {
        var loaded = rig.loader.load(loader, layout, signed(Attributes.MODE64BIT | Attributes.DEBUG), HostRig.BASE);
        assertThat(rig.driver.alive(loaded.id())).isTrue();
    }

    @Test
    void einitTokenKeyCannotBeGrantedAtAll() {
        SigStruct sig = signed(Attributes.MODE64BIT | Attributes.EINITTOKENKEY);
        assertThatThrownBy(() -> rig.loader.load(loader, layout, sig, HostRig.BASE, rig.driver.openProvision(loader)))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES))
                .hasMessageContaining("0x20");
    }

    @Test
    void sgxProvisionMustFollowEnclaveCreate() {
        EnclaveFile file = rig.driver.open(loader);
        assertThatThrownBy(() -> rig.driver.allowProvisionKey(file, rig.driver.openProvision(loader)))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        rig.driver.create(
                file,
                new Secs(
                        layout.size(),
                        HostRig.BASE,
                        1,
                        0,
                        new Attributes(Attributes.MODE64BIT, 3),
                        new byte[32],
                        new byte[32],
                        new byte[64],
                        (short) 0,
                        (short) 0,
                        (short) 0));
        rig.driver.allowProvisionKey(file, rig.driver.openProvision(loader));
        file.close();
    }
}

package io.teemate.host;

import io.teemate.host.controller.TcsLease;
import io.teemate.host.kernel.Errno;
import io.teemate.host.kernel.KernelException;
import io.teemate.host.kernel.Process;
import io.teemate.sgx.EnclaveFaultException;
import io.teemate.sgx.SgxStatus;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The driver's SGX2 calls: EAUG on request and on fault, restrict permissions, modify types, remove pages. */
class DynamicMemoryDriverTest {
    private final HostRig rig = new HostRig(512, 2);
    private final Process owner = rig.spawn("owner");
    private final HostRig.Built enclave = rig.build(owner, 1, 4);
    private final long freeStart = enclave.loaded().base() + enclave.layout().end();
    private final long freeOffset = enclave.layout().end();

    private long call(long fn, long a, long b) {
        try (TcsLease lease = rig.controller.acquireTcs(owner, enclave.id(), Duration.ofSeconds(5))) {
            return owner.run(ctx -> HostRig.ecall(ctx, lease.tcsAddress(), fn, a, b, 0));
        }
    }

    private static long flags(PageType type, PagePermissions perms, long state) {
        return SecInfo.of(type, perms).flags() | state;
    }

    @Test
    void aPageAddedOnRequestIsUsableOnceAccepted() {
        assertThat(enclave.layout().size()).isGreaterThan(enclave.layout().end());
        rig.driver.augment(enclave.loaded().file(), freeOffset, 4096);
        rig.driver.mmap(enclave.loaded().file(), owner, freeStart, 4096, PagePermissions.RW);
        assertThatThrownBy(() -> call(HeapProgram.WRITE_LONG, freeStart, 1))
                .as("PENDING until EACCEPT")
                .isInstanceOf(EnclaveFaultException.class);
        assertThat(call(HeapProgram.ACCEPT, freeStart, flags(PageType.REG, PagePermissions.RW, SecInfo.FLAG_PENDING)))
                .isEqualTo(SgxStatus.SUCCESS.code());
        call(HeapProgram.WRITE_LONG, freeStart + 8, 99);
        assertThat(call(HeapProgram.READ_LONG, freeStart + 8, 0)).isEqualTo(99);
    }

    @Test
    void aFaultOnAnUnaddedMappedPageAugmentsIt() {
        rig.driver.mmap(enclave.loaded().file(), owner, freeStart, 4096, PagePermissions.RW);
        int before = rig.driver.stats().enclaves().get(enclave.id()).residentPages();
        assertThat(call(HeapProgram.ACCEPT, freeStart, flags(PageType.REG, PagePermissions.RW, SecInfo.FLAG_PENDING)))
                .isEqualTo(SgxStatus.SUCCESS.code());
        assertThat(rig.driver.stats().enclaves().get(enclave.id()).residentPages())
                .isEqualTo(before + 1);
        call(HeapProgram.WRITE_LONG, freeStart, 7);
        assertThat(call(HeapProgram.READ_LONG, freeStart, 0)).isEqualTo(7);
    }

    @Test
    void restrictedPermissionsHoldOnceAccepted() {
        long page = enclave.heap();
        long offset = page - enclave.loaded().base();
        call(HeapProgram.WRITE_LONG, page, 5);
        rig.driver.restrictPermissions(enclave.loaded().file(), offset, 4096, PagePermissions.R);
        assertThat(call(HeapProgram.ACCEPT, page, flags(PageType.REG, PagePermissions.R, SecInfo.FLAG_PR)))
                .isEqualTo(SgxStatus.SUCCESS.code());
        assertThat(call(HeapProgram.READ_LONG, page, 0)).isEqualTo(5);
        assertThatThrownBy(() -> call(HeapProgram.WRITE_LONG, page, 6)).isInstanceOf(EnclaveFaultException.class);
    }

    @Test
    void trimmedPagesAreRemovedOnlyAfterTheEnclaveAccepts() {
        long page = enclave.heap() + 4096;
        long offset = page - enclave.loaded().base();
        rig.driver.modifyTypes(enclave.loaded().file(), offset, 4096, PageType.TRIM);
        assertThatThrownBy(() -> rig.driver.removePages(enclave.loaded().file(), offset, 4096))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM));
        assertThat(call(HeapProgram.ACCEPT, page, flags(PageType.TRIM, PagePermissions.NONE, SecInfo.FLAG_MODIFIED)))
                .isEqualTo(SgxStatus.SUCCESS.code());
        int before = rig.driver.stats().pagesInUse();
        assertThat(rig.driver.removePages(enclave.loaded().file(), offset, 4096))
                .isEqualTo(4096);
        assertThat(rig.driver.stats().pagesInUse()).isEqualTo(before - 1);
        assertThatThrownBy(() -> call(HeapProgram.READ_LONG, page, 0))
                .as("gone")
                .isInstanceOf(EnclaveFaultException.class);
    }

    @Test
    void badRequestsGetErrnoAndAMessage() {
        assertThatThrownBy(() -> rig.driver.augment(enclave.loaded().file(), 12, 4096))
                .isInstanceOfSatisfying(KernelException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EINVAL);
                    assertThat(e.getMessage()).contains("page aligned");
                });
        assertThatThrownBy(() -> rig.driver.modifyTypes(enclave.loaded().file(), 0, 4096, PageType.REG))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.getMessage()).contains("only become TRIM or TCS"));
        assertThatThrownBy(() -> rig.driver.restrictPermissions(
                        enclave.loaded().file(), enclave.layout().size() - 4096 + 0L, 4096, PagePermissions.R))
                .isInstanceOf(KernelException.class);
    }
}

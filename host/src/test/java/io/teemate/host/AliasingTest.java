package io.teemate.host;

import io.teemate.host.controller.TcsLease;
import io.teemate.host.driver.EnclaveFile;
import io.teemate.host.kernel.Errno;
import io.teemate.host.kernel.KernelException;
import io.teemate.host.kernel.Process;
import io.teemate.host.kernel.SegmentationFault;
import io.teemate.sgx.cost.SgxLeaf;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EPC aliasing: one enclave, several processes, each through its own page table; the stock isolation stays. */
class AliasingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HostRig rig = new HostRig(1024, 4);

    @Test
    void twoProcessesShareOneEnclaveAndAThirdCannotReachIt() {
        Process creator = rig.spawn("creator");
        HostRig.Built enclave = rig.build(creator, 2, 8);
        long slot = enclave.heap() + 128;
        try (TcsLease lease = rig.controller.acquireTcs(creator, enclave.id(), WAIT)) {
            creator.run(ctx -> {
                HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.WRITE_LONG, slot, 0xC0FFEEL, 0);
                return null;
            });
        }

        Process worker = rig.spawn("worker");
        var before = rig.machine.counters();
        rig.controller.alias(worker, enclave.id());
        var aliasCost = rig.machine.counters().minus(before);
        assertThat(aliasCost.count(SgxLeaf.ECREATE) + aliasCost.count(SgxLeaf.EADD) + aliasCost.count(SgxLeaf.EINIT))
                .as("aliasing creates, adds and initializes nothing")
                .isZero();
        long seen;
        try (TcsLease lease = rig.controller.acquireTcs(worker, enclave.id(), WAIT)) {
            seen = worker.run(ctx -> HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.READ_LONG, slot, 0, 0));
        }
        assertThat(seen).isEqualTo(0xC0FFEEL);
        assertThat(worker.addressSpace()).isNotSameAs(creator.addressSpace());
        assertThat(worker.addressSpace().lookup(slot).physicalAddress())
                .as("the same EPC page, at the same address, through another page table")
                .isEqualTo(creator.addressSpace().lookup(slot).physicalAddress());

        Process stranger = rig.spawn("stranger");
        long tcs = rig.controller.inspect(enclave.id()).get(0).tcsAddress();
        assertThatThrownBy(() -> stranger.run(ctx -> ctx.readLong(slot)))
                .isInstanceOf(SegmentationFault.class)
                .hasMessageContaining("page not present");
        assertThatThrownBy(() -> stranger.run(ctx -> HostRig.ecall(ctx, tcs, HeapProgram.READ_LONG, slot, 0, 0)))
                .isInstanceOf(SegmentationFault.class);
        EnclaveFile own = rig.driver.open(stranger);
        assertThatThrownBy(() ->
                        rig.driver.mmap(own, stranger, slot & ~4095L, 4096, io.teemate.sgx.struct.PagePermissions.RW))
                .as("a file without an enclave maps nothing")
                .isInstanceOf(KernelException.class);
    }

    @Test
    void theHostSideOfASharingProcessStillSeesOnlyAbortPages() {
        Process creator = rig.spawn("creator");
        HostRig.Built enclave = rig.build(creator, 1, 2);
        Process worker = rig.spawn("worker");
        rig.controller.alias(worker, enclave.id());
        byte[] outside = worker.run(ctx -> ctx.read(enclave.heap(), 32));
        assertThat(outside).containsOnly((byte) 0xFF);
    }

    @Test
    void theEnclaveOutlivesItsCreatorAndGoesWithItsLastUser() {
        Process creator = rig.spawn("creator");
        HostRig.Built enclave = rig.build(creator, 2, 4);
        Process worker = rig.spawn("worker");
        rig.controller.alias(worker, enclave.id());
        try (TcsLease lease = rig.controller.acquireTcs(worker, enclave.id(), WAIT)) {
            worker.run(ctx -> HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.WRITE_LONG, enclave.heap(), 77, 0));
        }
        int inUse = rig.driver.stats().pagesInUse();

        creator.exit();
        assertThat(rig.driver.alive(enclave.id())).isTrue();
        assertThat(rig.driver.stats().pagesInUse()).isEqualTo(inUse);
        try (TcsLease lease = rig.controller.acquireTcs(worker, enclave.id(), WAIT)) {
            assertThat((long) worker.<Long>run(
                            ctx -> HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.READ_LONG, enclave.heap(), 0, 0)))
                    .isEqualTo(77);
        }

        worker.exit();
        assertThat(rig.driver.alive(enclave.id())).isFalse();
        assertThat(rig.driver.stats().pagesInUse()).isZero();
        assertThat(rig.machine.probe().epcPagesInUse()).isZero();
    }

    @Test
    void onlyInitializedEnclavesThatExistCanBeShared() {
        Process p = rig.spawn("p");
        assertThatThrownBy(() -> rig.controller.alias(p, 999))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        EnclaveFile f = rig.driver.open(p);
        long id = p.run(ctx -> rig.driver.create(
                f,
                new io.teemate.sgx.struct.Secs(
                        0x10000,
                        HostRig.BASE,
                        1,
                        0,
                        io.teemate.sgx.loader.EnclaveLayout.defaultAttributes(false),
                        new byte[32],
                        new byte[32],
                        new byte[64],
                        (short) 0,
                        (short) 0,
                        (short) 0)));
        assertThatThrownBy(() -> rig.controller.alias(rig.spawn("q"), id))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.getMessage()).contains("not initialized"));
    }

    @Test
    void anAliasCannotLandOnMemoryTheProcessAlreadyUses() {
        Process creator = rig.spawn("creator");
        HostRig.Built enclave = rig.build(creator, 1, 2);
        Process busy = rig.spawn("busy");
        busy.addressSpace()
                .mmap(
                        HostRig.BASE,
                        4096,
                        io.teemate.sgx.struct.PagePermissions.RW,
                        new io.teemate.host.kernel.AnonymousMemory(rig.machine.dram()));
        assertThatThrownBy(() -> rig.controller.alias(busy, enclave.id()))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        assertThat(rig.driver.stats().enclaves().get(enclave.id()).mappedProcesses())
                .isEqualTo(1);
    }
}

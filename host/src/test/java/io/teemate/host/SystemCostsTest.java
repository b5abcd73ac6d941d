package io.teemate.host;

import io.teemate.host.driver.EnclaveFile;
import io.teemate.host.kernel.AnonymousMemory;
import io.teemate.host.kernel.Process;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.cost.SystemCost;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;
import io.teemate.sgx.struct.SecInfo;
import io.teemate.sgx.struct.Secs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's work that the modeled clock charges beside the SGX leaves (docs/cost-model.md, "System costs"), each on
 * the code path that does it: system calls, page faults and the entries they install, context switches, IPIs, the
 * driver's and the reclaimer's per-page work.
 */
class SystemCostsTest {
    private static final long ANON = 0x2000_0000L;

    private final HostRig rig = new HostRig(256, 2);

    private InstructionCounters.Snapshot spent(
            Process p, java.util.function.Consumer<io.teemate.host.kernel.UserContext> body) {
        return p.run(ctx -> {
            InstructionCounters.Snapshot before = rig.machine.counters();
            body.accept(ctx);
            return rig.machine.counters().minus(before);
        });
    }

    @Test
    void aFirstTouchFaultsAndMapsOnePageALaterTouchCostsNothing() {
        Process p = rig.kernel.spawn("toucher", java.nio.file.Path.of("/tmp"));
        InstructionCounters.Snapshot mmap = spent(
                p,
                ctx -> p.addressSpace()
                        .mmap(ANON, 4 * 4096, PagePermissions.RW, new AnonymousMemory(rig.machine.dram())));
        InstructionCounters.Snapshot first = spent(p, ctx -> ctx.writeLong(ANON, 1));
        InstructionCounters.Snapshot second = spent(p, ctx -> ctx.writeLong(ANON + 8, 2));
        InstructionCounters.Snapshot three = spent(p, ctx -> {
            for (int i = 1; i < 4; i++) {
                ctx.writeLong(ANON + i * 4096L, i);
            }
        });

        assertThat(mmap.count(SystemCost.SYSCALL)).isEqualTo(1);
        assertThat(first.count(SystemCost.PAGE_FAULT)).isEqualTo(1);
        assertThat(first.count(SystemCost.PTE_MAP)).isEqualTo(1);
        assertThat(second.count(SystemCost.PAGE_FAULT)).as("mapped now").isZero();
        assertThat(three.count(SystemCost.PAGE_FAULT)).isEqualTo(3);
        assertThat(three.count(SystemCost.PTE_MAP)).isEqualTo(3);
        assertThat(first.totalCycles()).isGreaterThan(second.totalCycles());
    }

    @Test
    void eachTimeAThreadIsScheduledItPaysOneContextSwitch() {
        Process p = rig.spawn("switcher");
        InstructionCounters.Snapshot before = rig.machine.counters();
        for (int i = 0; i < 3; i++) {
            p.run(ctx -> null);
        }
        assertThat(rig.machine.counters().minus(before).count(SystemCost.CONTEXT_SWITCH))
                .isEqualTo(3);
    }

    @Test
    void anIoctlIsOneSystemCallAndAddingPagesCostsTheDriverOncePerPage() {
        Process p = rig.spawn("builder");
        InstructionCounters.Snapshot d = spent(p, ctx -> {
            EnclaveFile file = rig.driver.open(p);
            rig.driver.create(
                    file,
                    new Secs(
                            1 << 20,
                            HostRig.BASE,
                            1,
                            0,
                            EnclaveLayout.defaultAttributes(false),
                            new byte[32],
                            new byte[32],
                            new byte[64],
                            (short) 0,
                            (short) 0,
                            (short) 0));
            rig.driver.addPages(file, new byte[5 * 4096], 0, SecInfo.of(PageType.REG, PagePermissions.RW), false);
        });

        assertThat(d.count(SystemCost.SYSCALL))
                .as("ENCLAVE_CREATE and one ADD_PAGES")
                .isEqualTo(2);
        assertThat(d.count(SystemCost.DRIVER_PAGE_ADD)).isEqualTo(5);
        assertThat(d.count(SgxLeaf.EADD)).isEqualTo(5);
        assertThat(d.count(SgxLeaf.EEXTEND)).as("not measured").isZero();
    }

    @Test
    void unmappingSendsAnIpiToEveryOtherProcessorRunningTheAddressSpace() throws Exception {
        Process p = rig.spawn("two-threads");
        p.run(ctx -> {
            p.addressSpace().mmap(ANON, 4096, PagePermissions.RW, new AnonymousMemory(rig.machine.dram()));
            return null;
        });
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> other = p.start(ctx -> {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        InstructionCounters.Snapshot d = spent(p, ctx -> p.addressSpace().munmap(ANON, 4096));
        release.countDown();
        other.get(10, TimeUnit.SECONDS);

        assertThat(d.count(SystemCost.SYSCALL)).isEqualTo(1);
        assertThat(d.count(SystemCost.IPI))
                .as("the other thread's processor, not the sender's")
                .isEqualTo(1);
    }

    @Test
    void everyPageEvictedPaysTheReclaimerOnce() {
        HostRig small = new HostRig(64, 1);
        Process p = small.spawn("big");
        small.build(p, 1, 80);
        InstructionCounters.Snapshot all = small.machine.counters();

        assertThat(all.count(SgxLeaf.EWB))
                .as("80 heap pages do not fit 64 EPC pages")
                .isPositive();
        assertThat(all.count(SystemCost.RECLAIM_PAGE)).isEqualTo(all.count(SgxLeaf.EWB));
    }

    @Test
    void theSameWorkIsChargedTheSameCyclesOnEveryRun() {
        InstructionCounters.Snapshot[] runs = new InstructionCounters.Snapshot[2];
        for (int i = 0; i < runs.length; i++) {
            HostRig r = new HostRig(64, 1);
            Process p = r.spawn("repeat");
            HostRig.Built b = r.build(p, 1, 80);
            p.run(ctx -> HostRig.ecall(ctx, r.driver.tcsAddresses(b.id()).get(0), HeapProgram.TOUCH, b.heap(), 80, 0));
            p.exit();
            runs[i] = r.machine.counters();
        }
        assertThat(runs[1].counts()).isEqualTo(runs[0].counts());
        assertThat(runs[1].cycles()).isEqualTo(runs[0].cycles());
        assertThat(Arrays.stream(runs[0].cycles()).sum()).isPositive();
    }
}

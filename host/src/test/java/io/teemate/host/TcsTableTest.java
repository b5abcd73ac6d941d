package io.teemate.host;

import io.teemate.host.controller.TcsLease;
import io.teemate.host.controller.TcsTable;
import io.teemate.host.kernel.Errno;
import io.teemate.host.kernel.KernelException;
import io.teemate.host.kernel.Process;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TCS assignment: a pool of thread slots shared by processes, with blocking, timeouts, and cleanup on death. */
class TcsTableTest {
    private final HostRig rig = new HostRig(1024, 4);

    @Test
    void exhaustionBlocksUntilATcsIsReleased() throws Exception {
        Process creator = rig.spawn("creator");
        HostRig.Built enclave = rig.build(creator, 2, 2);
        TcsLease first = rig.controller.acquireTcs(creator, enclave.id(), Duration.ofSeconds(1));
        TcsLease second = rig.controller.acquireTcs(creator, enclave.id(), Duration.ofSeconds(1));
        assertThat(first.tcsAddress()).isNotEqualTo(second.tcsAddress());

        Process worker = rig.spawn("worker");
        rig.controller.alias(worker, enclave.id());
        assertThatThrownBy(() -> rig.controller.acquireTcs(worker, enclave.id(), Duration.ofMillis(50)))
                .isInstanceOfSatisfying(KernelException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ETIMEDOUT);
                    assertThat(e.getMessage()).contains("all 2 are held", "pid " + creator.pid());
                });

        CountDownLatch waiting = new CountDownLatch(1);
        Future<Long> blocked = worker.start(ctx -> {
            waiting.countDown();
            try (TcsLease lease = rig.controller.acquireTcs(worker, enclave.id(), Duration.ofSeconds(10))) {
                return lease.tcsAddress();
            }
        });
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(blocked.isDone()).as("still waiting while both are held").isFalse();
        first.close();
        assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(first.tcsAddress());
        second.close();
    }

    @Test
    void inspectShowsWhoHoldsWhat() {
        Process creator = rig.spawn("creator");
        HostRig.Built enclave = rig.build(creator, 3, 1);
        TcsLease lease = rig.controller.acquireTcs(creator, enclave.id(), Duration.ofSeconds(1));
        List<TcsTable.Assignment> rows = rig.controller.inspect(enclave.id());
        assertThat(rows).hasSize(3);
        assertThat(rows)
                .filteredOn(r -> r.state() == TcsTable.State.HELD)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.tcsAddress()).isEqualTo(lease.tcsAddress());
                    assertThat(r.holderPid()).isEqualTo(creator.pid());
                });
        lease.close();
        assertThat(rig.controller.inspect(enclave.id())).allMatch(r -> r.state() == TcsTable.State.FREE);
        assertThatCode(lease::close).as("releasing twice is harmless").doesNotThrowAnyException();
    }

    @Test
    void processDeathReleasesItsTcsAndMappingsAndTheEnclaveRunsOn() {
        Process creator = rig.spawn("creator");
        HostRig.Built enclave = rig.build(creator, 2, 2);
        Process doomed = rig.spawn("doomed");
        rig.controller.alias(doomed, enclave.id());
        TcsLease a = rig.controller.acquireTcs(doomed, enclave.id(), Duration.ofSeconds(1));
        TcsLease b = rig.controller.acquireTcs(doomed, enclave.id(), Duration.ofSeconds(1));
        doomed.run(ctx -> HostRig.ecall(ctx, a.tcsAddress(), HeapProgram.WRITE_LONG, enclave.heap(), 5, 0));
        assertThat(rig.driver.stats().enclaves().get(enclave.id()).mappedProcesses())
                .isEqualTo(2);

        doomed.exit();
        assertThat(rig.controller.inspect(enclave.id())).allMatch(r -> r.state() == TcsTable.State.FREE);
        assertThat(doomed.addressSpace().mappedPages()).isZero();
        assertThat(doomed.addressSpace().vmas()).isEmpty();
        assertThat(rig.driver.stats().enclaves().get(enclave.id()).mappedProcesses())
                .isEqualTo(1);
        try (TcsLease lease = rig.controller.acquireTcs(creator, enclave.id(), Duration.ofSeconds(1))) {
            assertThat((long) creator.<Long>run(
                            ctx -> HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.READ_LONG, enclave.heap(), 0, 0)))
                    .isEqualTo(5);
        }
        assertThat(b.tcsAddress()).isNotEqualTo(a.tcsAddress());
    }

    @Test
    void aTcsWhoseThreadWasAbandonedIsQuarantined() {
        Process creator = rig.spawn("creator");
        HostRig.Built enclave = rig.build(creator, 2, 1);
        TcsLease lease = rig.controller.acquireTcs(creator, enclave.id(), Duration.ofSeconds(1));
        long outsideElrange = 0x5000_0000L;
        var r = creator.run(ctx -> {
            ctx.lp().registers().set(io.teemate.sgx.struct.GprSgx.RDI, HeapProgram.READ_LONG);
            ctx.lp().registers().set(io.teemate.sgx.struct.GprSgx.RSI, outsideElrange);
            try {
                lease.enter(ctx, HostRig.AEP, ctx.exits());
                return "returned";
            } catch (io.teemate.sgx.EnclaveFaultException e) {
                return "aborted";
            }
        });
        assertThat(r).isEqualTo("aborted");
        lease.close();
        assertThat(rig.controller.inspect(enclave.id()))
                .filteredOn(row -> row.tcsAddress() == lease.tcsAddress())
                .singleElement()
                .satisfies(row -> assertThat(row.state()).isEqualTo(TcsTable.State.QUARANTINED));
        try (TcsLease other = rig.controller.acquireTcs(creator, enclave.id(), Duration.ofSeconds(1))) {
            assertThat(other.tcsAddress()).isNotEqualTo(lease.tcsAddress());
        }
    }

    @Test
    void manyThreadsOfSeveralProcessesNeverShareATcs() throws Exception {
        HostRig big = new HostRig(2048, 4);
        Process creator = big.spawn("creator");
        HostRig.Built enclave = big.build(creator, 3, 4);
        List<Process> processes = List.of(creator, big.spawn("w1"), big.spawn("w2"));
        for (Process p : processes.subList(1, 3)) {
            big.controller.alias(p, enclave.id());
        }
        Map<Long, Integer> holder = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger entries = new AtomicInteger();
        int threadsPerProcess = 4;
        int rounds = 150;
        List<Future<Integer>> futures = new ArrayList<>();
        for (Process p : processes) {
            for (int t = 0; t < threadsPerProcess; t++) {
                long slot = enclave.heap() + 8L * (processes.indexOf(p) * threadsPerProcess + t);
                futures.add(p.start(ctx -> {
                    for (int i = 0; i < rounds; i++) {
                        try (TcsLease lease = big.controller.acquireTcs(p, enclave.id(), Duration.ofSeconds(20))) {
                            if (holder.putIfAbsent(lease.tcsAddress(), p.pid()) != null) {
                                overlaps.incrementAndGet();
                            }
                            long v = HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.READ_LONG, slot, 0, 0);
                            HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.WRITE_LONG, slot, v + 1, 0);
                            entries.incrementAndGet();
                            holder.remove(lease.tcsAddress());
                        }
                    }
                    return rounds;
                }));
            }
        }
        for (Future<Integer> f : futures) {
            assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(rounds);
        }
        assertThat(overlaps.get()).isZero();
        assertThat(entries.get()).isEqualTo(processes.size() * threadsPerProcess * rounds);
        for (int i = 0; i < processes.size() * threadsPerProcess; i++) {
            long slot = enclave.heap() + 8L * i;
            try (TcsLease lease = big.controller.acquireTcs(creator, enclave.id(), Duration.ofSeconds(5))) {
                assertThat((long) creator.<Long>run(
                                ctx -> HostRig.ecall(ctx, lease.tcsAddress(), HeapProgram.READ_LONG, slot, 0, 0)))
                        .as("every increment of thread %d landed", i)
                        .isEqualTo(rounds);
            }
        }
        assertThat(big.controller.inspect(enclave.id())).allMatch(r -> r.state() == TcsTable.State.FREE);
    }
}

package io.teemate.host;

import io.teemate.host.kernel.Process;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver takes a logical processor before its lock, everywhere: the fault path holds the processor it faulted on
 * when it asks for the lock, so a path that held the lock while waiting for a processor (a process's exit closing its
 * enclave file and releasing the enclave) deadlocked once every processor was in a fault. Found by the serverless
 * macro benchmark (many cold instances exiting while others faulted): the regression test holds the machine's only
 * processor, lets an exit start waiting for it, then asks for the lock.
 */
class DriverLockOrderTest {
    @Test
    void anExitWaitingForAProcessorDoesNotHoldTheDriverLock() throws Exception {
        HostRig rig = new HostRig(2048, 1);
        Process creator = rig.spawn("creator");
        rig.build(creator, 1, 8);
        CountDownLatch held = new CountDownLatch(1);
        Thread[] exiting = new Thread[1];
        CompletableFuture<?>[] exitRef = new CompletableFuture<?>[1];
        // two threads of their own: the common pool may have a single worker on a small machine
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<Integer> holder = CompletableFuture.supplyAsync(
                () -> rig.kernel.withProcessor(lp -> {
                    held.countDown();
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    // until the exit waits for the one processor this thread holds
                    while (exiting[0] == null || exiting[0].getState() != Thread.State.WAITING) {
                        if (System.nanoTime() > deadline || (exitRef[0] != null && exitRef[0].isDone())) {
                            throw new IllegalStateException("the exit never waited for a processor: " + exitRef[0] + " "
                                    + (exiting[0] == null
                                            ? ""
                                            : exiting[0].getState() + " "
                                                    + java.util.Arrays.toString(exiting[0].getStackTrace())));
                        }
                        Thread.onSpinWait();
                    }
                    return rig.driver.reclaim(); // the driver's lock, asked for while holding a processor
                }),
                threads);
        held.await();
        CompletableFuture<Void> exit = CompletableFuture.runAsync(
                () -> {
                    exiting[0] = Thread.currentThread();
                    creator.exit();
                },
                threads);
        exitRef[0] = exit;
        assertThat(holder.get(30, TimeUnit.SECONDS))
                .as("the processor's holder got the lock")
                .isNotNegative();
        exit.get(30, TimeUnit.SECONDS);
        assertThat(rig.driver.stats().enclaves())
                .as("the exit released the enclave")
                .isEmpty();
    }
}

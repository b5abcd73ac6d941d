package io.teemate.faas.enclave;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The time limit of one invocation: past the deadline it interrupts the enclave thread that runs the module, and
 * Chicory, which checks the thread's interrupt flag at every call and backward branch (interpreter and compiled
 * code alike), stops the module with a {@code ChicoryInterruptedException}. Stands for the timer interrupt a
 * runtime like Gramine or Occlum arms for a time-limited thread. {@link #close()} disarms it and clears the flag it
 * may have set, so the enclave thread leaves the way it came in.
 */
final class Watchdog implements AutoCloseable {
    private final Thread target;
    private final long deadline;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition disarmed = lock.newCondition();
    private boolean done;
    private boolean fired;

    private Watchdog(Thread target, long timeoutMillis) {
        this.target = target;
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** Arms a watchdog for the calling thread. */
    static Watchdog arm(long timeoutMillis) {
        Watchdog w = new Watchdog(Thread.currentThread(), timeoutMillis);
        Thread.ofVirtual().name("wasm-watchdog").start(w::watch);
        return w;
    }

    private void watch() {
        lock.lock();
        try {
            while (!done) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fired = true;
                    target.interrupt(); // under the lock: close() cannot have returned, so the flag is cleared there
                    return;
                }
                disarmed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** True if the deadline passed before {@link #close()}. */
    boolean fired() {
        lock.lock();
        try {
            return fired;
        } finally {
            lock.unlock();
        }
    }

    /** Disarms; must be called by the thread it watches. Clears the interrupt it set, if it fired. */
    @Override
    public void close() {
        boolean clear;
        lock.lock();
        try {
            done = true;
            clear = fired;
            disarmed.signalAll();
        } finally {
            lock.unlock();
        }
        if (clear && Thread.currentThread() == target) {
            Thread.interrupted();
        }
    }
}

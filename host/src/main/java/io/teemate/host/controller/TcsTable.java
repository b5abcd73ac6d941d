package io.teemate.host.controller;

import io.teemate.host.kernel.Errno;
import io.teemate.host.kernel.KernelException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * TeeMate's TCS table for one shared enclave: its TCS pages as a pool. A process asks for a TCS and gets one
 * (waiting, up to a timeout, while all are held), enters through it, and gives it back; the table records who
 * holds which. A TCS whose thread was abandoned inside the enclave keeps a raised CSSA, so it is quarantined
 * instead of handed out again.
 */
public final class TcsTable {
    /** What one TCS is doing. */
    public enum State {
        FREE,
        HELD,
        QUARANTINED
    }

    /** One row of {@link #inspect()}. */
    public record Assignment(long tcsAddress, State state, int holderPid, String holderThread) {}

    private final long enclaveId;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition released = lock.newCondition();
    private final Map<Long, Assignment> rows = new LinkedHashMap<>();

    TcsTable(long enclaveId, List<Long> tcsAddresses) {
        this.enclaveId = enclaveId;
        for (long tcs : tcsAddresses) {
            rows.put(tcs, new Assignment(tcs, State.FREE, 0, null));
        }
    }

    public long enclaveId() {
        return enclaveId;
    }

    /** Takes a free TCS for {@code pid}, waiting up to {@code timeout}; ETIMEDOUT says how many were busy. */
    TcsLease acquire(int pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (Assignment a : rows.values()) {
                    if (a.state() == State.FREE) {
                        rows.put(
                                a.tcsAddress(),
                                new Assignment(
                                        a.tcsAddress(),
                                        State.HELD,
                                        pid,
                                        Thread.currentThread().getName()));
                        return new TcsLease(this, a.tcsAddress(), pid);
                    }
                }
                if (rows.values().stream().noneMatch(a -> a.state() == State.HELD)) {
                    throw new KernelException(
                            Errno.EBUSY,
                            "enclave " + enclaveId + " has no usable TCS (all " + rows.size() + " quarantined)");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new KernelException(
                            Errno.ETIMEDOUT,
                            String.format(
                                    "no free TCS in enclave %d after %d ms: all %d are held (%s)",
                                    enclaveId, timeout.toMillis(), rows.size(), holders()));
                }
                try {
                    released.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KernelException(
                            Errno.EINTR, "interrupted while waiting for a TCS of enclave " + enclaveId);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives a TCS back (or quarantines it) and wakes one waiter. */
    void release(TcsLease lease, boolean quarantine) {
        lock.lock();
        try {
            Assignment a = rows.get(lease.tcsAddress());
            if (a.state() != State.HELD || a.holderPid() != lease.pid()) {
                throw new IllegalStateException(
                        "TCS 0x" + Long.toHexString(lease.tcsAddress()) + " is not held by pid " + lease.pid());
            }
            rows.put(
                    a.tcsAddress(),
                    new Assignment(a.tcsAddress(), quarantine ? State.QUARANTINED : State.FREE, 0, null));
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Every TCS and who holds it. */
    public List<Assignment> inspect() {
        lock.lock();
        try {
            return List.copyOf(rows.values());
        } finally {
            lock.unlock();
        }
    }

    /** The TCSs {@code pid} holds. */
    List<Long> heldBy(int pid) {
        lock.lock();
        try {
            List<Long> out = new ArrayList<>();
            for (Assignment a : rows.values()) {
                if (a.state() == State.HELD && a.holderPid() == pid) {
                    out.add(a.tcsAddress());
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Process death: every TCS it held goes back to the pool. */
    void releaseAll(int pid) {
        lock.lock();
        try {
            for (long tcs : heldBy(pid)) {
                rows.put(tcs, new Assignment(tcs, State.FREE, 0, null));
            }
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private String holders() {
        StringBuilder b = new StringBuilder();
        for (Assignment a : rows.values()) {
            if (a.state() == State.HELD) {
                b.append(b.isEmpty() ? "" : ", ").append("pid ").append(a.holderPid());
            }
        }
        return b.toString();
    }
}

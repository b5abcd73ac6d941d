package io.teemate.host.controller;

import io.teemate.host.kernel.UserContext;
import io.teemate.sgx.EnclaveFaultException;
import io.teemate.sgx.ExitHandler;

/**
 * A TCS assigned to a process by the {@link TcsTable}: enter the enclave through it, then release it. A thread
 * abandoned inside the enclave leaves the TCS's CSSA raised, so a lease whose entry failed that way quarantines
 * its TCS on release.
 */
public final class TcsLease implements AutoCloseable {
    private final TcsTable table;
    private final long tcsAddress;
    private final int pid;
    private boolean abandoned;
    private boolean released;

    TcsLease(TcsTable table, long tcsAddress, int pid) {
        this.table = table;
        this.tcsAddress = tcsAddress;
        this.pid = pid;
    }

    public long tcsAddress() {
        return tcsAddress;
    }

    public int pid() {
        return pid;
    }

    /** EENTER through this TCS on {@code thread} (a thread of the lease's process). */
    public void enter(UserContext thread, long aep, ExitHandler exits) {
        if (released) {
            throw new IllegalStateException("TCS lease already released");
        }
        if (thread.process().pid() != pid) {
            throw new IllegalArgumentException("TCS 0x" + Long.toHexString(tcsAddress) + " is assigned to pid " + pid
                    + ", not to pid " + thread.process().pid());
        }
        try {
            thread.eenter(tcsAddress, aep, exits);
        } catch (EnclaveFaultException e) {
            abandoned = true;
            throw e;
        }
    }

    /** Gives the TCS back to the table (quarantined if a thread was abandoned in it). */
    @Override
    public void close() {
        if (!released) {
            released = true;
            table.release(this, abandoned);
        }
    }
}

package io.teemate.host.kernel;

import io.teemate.sgx.AexEvent;
import io.teemate.sgx.ExitHandler;
import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.PageFault;
import io.teemate.sgx.mmu.AccessType;

import java.util.function.Supplier;

/**
 * A thread of a process while it runs on a logical processor. Its accesses and enclave entries go through the
 * kernel's page-fault handler: a fault on a page a VMA backs is resolved and the access retried, any other
 * fault is a {@link SegmentationFault}.
 */
public final class UserContext {
    private final Process process;
    private final LogicalProcessor lp;

    UserContext(Process process, LogicalProcessor lp) {
        this.process = process;
        this.lp = lp;
    }

    public Process process() {
        return process;
    }

    public LogicalProcessor lp() {
        return lp;
    }

    public byte[] read(long address, int length) {
        return withFaults(() -> lp.read(address, length));
    }

    public void write(long address, byte[] data) {
        withFaults(() -> {
            lp.write(address, data, 0, data.length);
            return null;
        });
    }

    public long readLong(long address) {
        return withFaults(() -> lp.readLong(address));
    }

    public void writeLong(long address, long value) {
        withFaults(() -> {
            lp.writeLong(address, value);
            return null;
        });
    }

    /**
     * EENTER through {@code tcs}; faults on the TCS or SSA pages (not yet mapped in this process) are resolved
     * first, like a real EENTER that faults and is restarted. {@code exits} handles AEXs and ocalls; use
     * {@link #exits()} for the kernel's default.
     */
    public void eenter(long tcs, long aep, ExitHandler exits) {
        withFaults(() -> {
            lp.eenter(tcs, aep, exits);
            return null;
        });
    }

    /**
     * The kernel's side of the AEP: interrupts resume (unless the process is exiting), page faults go to the
     * page-fault handler and resume when it resolved them, anything else abandons the enclave thread. A fault
     * the EPCM raised (PFEC.SGX) is never "resolved" by mapping: Linux delivers it as SIGSEGV.
     */
    public ExitHandler exits() {
        return new ExitHandler() {
            @Override
            public AexAction onAex(LogicalProcessor cpu, AexEvent event) {
                return UserContext.this.onAex(cpu, event);
            }

            @Override
            public boolean onEntryFault(LogicalProcessor cpu, PageFault fault) {
                return !process.exiting()
                        && !fault.isSgx()
                        && process.addressSpace().handleFault(fault.address(), accessOf(fault.errorCode()), cpu);
            }
        };
    }

    ExitHandler.AexAction onAex(LogicalProcessor cpu, AexEvent event) {
        if (process.exiting()) {
            return ExitHandler.AexAction.ABORT;
        }
        if (event.isInterrupt()) {
            return ExitHandler.AexAction.ERESUME;
        }
        if (event.cause() instanceof PageFault pf
                && !pf.isSgx()
                && process.addressSpace().handleFault(event.pageAddress(), accessOf(pf.errorCode()), cpu)) {
            return ExitHandler.AexAction.ERESUME;
        }
        return ExitHandler.AexAction.ABORT;
    }

    /**
     * Runs {@code access}, resolving its page faults and restarting it, as the CPU restarts a faulting instruction.
     * A long copy faults once per page it newly touches; a page that faults again and again after being
     * "resolved" is a fault the handler cannot fix, and ends as SIGSEGV.
     */
    private <T> T withFaults(Supplier<T> access) {
        long lastPage = -1;
        int samePage = 0;
        while (true) {
            process.requireAlive();
            try {
                return access.get();
            } catch (PageFault pf) {
                long page = pf.address() & ~0xFFFL;
                samePage = page == lastPage ? samePage + 1 : 0;
                lastPage = page;
                if (lp.inEnclaveMode()
                        || pf.isSgx()
                        || samePage > 8
                        || !process.addressSpace().handleFault(pf.address(), accessOf(pf.errorCode()), lp)) {
                    throw new SegmentationFault(process, pf);
                }
            }
        }
    }

    static AccessType accessOf(int errorCode) {
        if ((errorCode & PageFault.INSTRUCTION) != 0) {
            return AccessType.EXECUTE;
        }
        return (errorCode & PageFault.WRITE) != 0 ? AccessType.WRITE : AccessType.READ;
    }
}

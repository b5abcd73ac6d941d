package io.teemate.host.kernel;

import io.teemate.sgx.LogicalProcessor;
import io.teemate.sgx.Machine;
import io.teemate.sgx.cost.SystemCost;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulated host kernel on one {@link Machine}: the process table, and a scheduler that runs process threads
 * on the machine's logical processors (a thread holds a processor while it runs, as on a real CPU).
 */
public final class Kernel {
    private final Machine machine;
    private final AtomicInteger nextPid = new AtomicInteger(1);
    private final Map<Integer, Process> processes = new ConcurrentHashMap<>();
    private final BlockingQueue<LogicalProcessor> idle;

    public Kernel(Machine machine) {
        this.machine = machine;
        this.idle = new ArrayBlockingQueue<>(machine.processors().size(), true, machine.processors());
    }

    public Machine machine() {
        return machine;
    }

    /** A new process whose mount namespace is rooted at {@code root} (its files are the files below it). */
    public Process spawn(String name, Path root) {
        int pid = nextPid.getAndIncrement();
        Process p = new Process(this, pid, name, root);
        processes.put(pid, p);
        return p;
    }

    public Process process(int pid) {
        Process p = processes.get(pid);
        if (p == null) {
            throw new KernelException(Errno.ESRCH, "no process " + pid);
        }
        return p;
    }

    public List<Process> processes() {
        return List.copyOf(processes.values());
    }

    void reap(Process p) {
        processes.remove(p.pid());
    }

    /**
     * Runs kernel work that needs a processor (ENCLS leaves): on the processor the calling thread already
     * runs on, or else on an idle one taken for the duration.
     */
    public <T> T withProcessor(java.util.function.Function<LogicalProcessor, T> work) {
        LogicalProcessor mine = current.get();
        if (mine != null) {
            return work.apply(mine);
        }
        LogicalProcessor lp = take();
        current.set(lp);
        try {
            return work.apply(lp);
        } finally {
            current.remove();
            idle.add(lp);
        }
    }

    /** Interrupts every processor running {@code space} (the IPI that makes enclave threads exit, for ETRACK). */
    public void interruptProcessors(AddressSpace space) {
        LogicalProcessor self = current.get();
        int sent = 0;
        for (LogicalProcessor lp : space.activeOn) {
            lp.raiseInterrupt();
            sent += lp == self ? 0 : 1;
        }
        charge(SystemCost.IPI, sent);
    }

    /**
     * Charges kernel work to the processor the calling thread runs on. Work done by a thread that holds no processor
     * (a test's or a server's own thread between process runs) has no processor to be charged to and is not counted.
     */
    public void charge(SystemCost cost, long units) {
        LogicalProcessor lp = current.get();
        if (lp != null && units > 0) {
            lp.charge(cost, units);
        }
    }

    /** The processor each Java thread runs a process thread on, if any. */
    private final ThreadLocal<LogicalProcessor> current = new ThreadLocal<>();

    private LogicalProcessor take() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException(Errno.EINTR, "interrupted while waiting for a processor");
        }
    }

    /** Context switch in: take an idle processor (waiting if all are busy) and load the process's page table. */
    LogicalProcessor schedule(Process p) {
        LogicalProcessor lp = take();
        current.set(lp);
        lp.charge(SystemCost.CONTEXT_SWITCH);
        lp.loadCr3(p.addressSpace());
        p.addressSpace().activeOn.add(lp);
        return lp;
    }

    /** Context switch out. */
    void deschedule(Process p, LogicalProcessor lp) {
        p.addressSpace().activeOn.remove(lp);
        current.remove();
        lp.loadCr3(null);
        idle.add(lp);
    }

    /**
     * TLB shootdown: every processor that has {@code space} loaded flushes before its next access (the IPI
     * Linux sends from {@code flush_tlb_mm_range}).
     */
    void shootdown(AddressSpace space) {
        LogicalProcessor self = current.get();
        int sent = 0;
        for (LogicalProcessor lp : space.activeOn) {
            lp.requestTlbShootdown();
            sent += lp == self ? 0 : 1; // the sender flushes its own TLB without an interrupt
        }
        charge(SystemCost.IPI, sent);
    }
}

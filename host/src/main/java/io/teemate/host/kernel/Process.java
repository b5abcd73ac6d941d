package io.teemate.host.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A process: a pid, a private address space, threads that run on logical processors, and a mount namespace.
 * {@link #exit} stops its threads, tears down every mapping and runs the exit hooks drivers registered.
 */
public final class Process {
    private final Kernel kernel;
    private final int pid;
    private final String name;
    private final Path root;
    private final AddressSpace addressSpace;
    private final AtomicInteger runningThreads = new AtomicInteger();
    private final List<UserContext> threads = new CopyOnWriteArrayList<>();
    private final List<Consumer<Process>> exitHooks = new CopyOnWriteArrayList<>();
    private volatile boolean exiting;
    private volatile boolean exited;

    Process(Kernel kernel, int pid, String name, Path root) {
        this.kernel = kernel;
        this.pid = pid;
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
        this.addressSpace = new AddressSpace(kernel, pid);
    }

    public int pid() {
        return pid;
    }

    public String name() {
        return name;
    }

    public Kernel kernel() {
        return kernel;
    }

    public AddressSpace addressSpace() {
        return addressSpace;
    }

    /** The root of this process's mount namespace. */
    public Path root() {
        return root;
    }

    public boolean exiting() {
        return exiting;
    }

    public boolean exited() {
        return exited;
    }

    /**
     * Runs {@code body} as a thread of this process on the calling Java thread: it is scheduled on a logical
     * processor with this address space loaded, and descheduled when the body returns.
     */
    public <T> T run(Function<UserContext, T> body) {
        requireAlive();
        runningThreads.incrementAndGet();
        UserContext ctx = null;
        try {
            ctx = new UserContext(this, kernel.schedule(this));
            threads.add(ctx);
            return body.apply(ctx);
        } finally {
            if (ctx != null) {
                threads.remove(ctx);
                kernel.deschedule(this, ctx.lp());
            }
            runningThreads.decrementAndGet();
        }
    }

    /** Starts a new thread of this process running {@code body}. */
    public <T> Future<T> start(Function<UserContext, T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        f.complete(run(body));
                    } catch (Throwable e) {
                        f.completeExceptionally(e);
                    }
                },
                name + "/" + pid);
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Registers work to do when the process exits (drivers release what the process held). */
    public void onExit(Consumer<Process> hook) {
        exitHooks.add(hook);
    }

    /**
     * Process exit: running threads are interrupted (one inside an enclave takes an AEX and is abandoned),
     * then the address space is torn down and the exit hooks run. Waits at most {@code timeoutMillis} for the
     * threads to stop.
     */
    public void exit(long timeoutMillis) {
        if (exiting) {
            return;
        }
        exiting = true;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (runningThreads.get() > 0) {
            for (UserContext t : threads) {
                t.lp().raiseInterrupt();
            }
            if (System.nanoTime() > deadline) {
                throw new KernelException(
                        Errno.EBUSY,
                        "pid " + pid + " still has " + runningThreads.get() + " running thread(s) after "
                                + timeoutMillis + " ms");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        addressSpace.destroy();
        for (Consumer<Process> hook : exitHooks) {
            hook.accept(this);
        }
        exited = true;
        kernel.reap(this);
    }

    public void exit() {
        exit(10_000);
    }

    /** Reads a file of this process's mount namespace; paths cannot leave the namespace's root. */
    public byte[] readFile(String path) {
        Path p = resolve(path);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new KernelException(Errno.ENOENT, "pid " + pid + ": cannot read " + path + ": " + e.getMessage());
        }
    }

    /** The real path behind {@code path} in this namespace; ".." cannot climb above the root. */
    public Path resolve(String path) {
        Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        if (!p.startsWith(root)) {
            throw new KernelException(Errno.EACCES, "pid " + pid + ": " + path + " is outside the mount namespace");
        }
        return p;
    }

    void requireAlive() {
        if (exiting) {
            throw new KernelException(Errno.ESRCH, "pid " + pid + " is exiting");
        }
    }

    @Override
    public String toString() {
        return name + "[" + pid + "]";
    }
}

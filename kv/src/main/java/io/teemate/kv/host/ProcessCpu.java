package io.teemate.kv.host;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * INFO's CPU section (server.c genRedisInfoString, from getrusage): the process's CPU time as the JVM reports it.
 * The JVM gives the process's total (user + system) and each live thread's user and total time, so the user share
 * is the sum of the live threads' user times (threads that ended are in the total only, so their time shows as
 * system time), and the main thread is the server's event loop. The children's times are 0: a fork here is an
 * enclave in this process, not a child process.
 */
final class ProcessCpu {
    private ProcessCpu() {}

    /** Appends used_cpu_sys, used_cpu_user, their _children and _main_thread fields, in seconds (%ld.%06ld). */
    static void append(StringBuilder b, long loopThreadId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean measured = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long total = processCpuNanos();
        long user = 0;
        if (measured) {
            for (long id : threads.getAllThreadIds()) {
                user += Math.max(0, threads.getThreadUserTime(id));
            }
        }
        total = Math.max(total, user);
        long mainTotal = measured && loopThreadId > 0 ? Math.max(0, threads.getThreadCpuTime(loopThreadId)) : 0;
        long mainUser = measured && loopThreadId > 0 ? Math.max(0, threads.getThreadUserTime(loopThreadId)) : 0;
        field(b, "used_cpu_sys", total - user);
        field(b, "used_cpu_user", user);
        field(b, "used_cpu_sys_children", 0);
        field(b, "used_cpu_user_children", 0);
        field(b, "used_cpu_sys_main_thread", Math.max(0, mainTotal - mainUser));
        field(b, "used_cpu_user_main_thread", mainUser);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static void field(StringBuilder b, String name, long nanos) {
        b.append(name)
                .append(':')
                .append(String.format(Locale.ROOT, "%d.%06d", nanos / 1_000_000_000L, nanos / 1000 % 1_000_000))
                .append("\r\n");
    }
}

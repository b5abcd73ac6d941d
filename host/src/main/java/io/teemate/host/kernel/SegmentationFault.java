package io.teemate.host.kernel;

import io.teemate.sgx.PageFault;

/** SIGSEGV/SIGBUS: a fault no VMA resolves. */
public final class SegmentationFault extends KernelException {
    public SegmentationFault(Process process, PageFault fault) {
        super(Errno.EFAULT, process + ": unresolved " + fault.getMessage());
    }
}

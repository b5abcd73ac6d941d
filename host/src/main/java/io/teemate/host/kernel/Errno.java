package io.teemate.host.kernel;

/** The Linux error numbers the kernel and the SGX driver return (asm-generic/errno-base.h, errno.h). */
public enum Errno {
    EPERM(1),
    ENOENT(2),
    ESRCH(3),
    EINTR(4),
    EIO(5),
    E2BIG(7),
    EBADF(9),
    ENOMEM(12),
    EACCES(13),
    EFAULT(14),
    EBUSY(16),
    EEXIST(17),
    EINVAL(22),
    ENOSPC(28),
    ENOSYS(38),
    ETIMEDOUT(110);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    /** The positive errno; a system call returns its negation. */
    public int number() {
        return number;
    }
}

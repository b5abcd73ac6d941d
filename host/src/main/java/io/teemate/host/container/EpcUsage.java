package io.teemate.host.container;

/**
 * One container's EPC memory, from the driver's statistics: pages only it uses, pages of an enclave it shares,
 * and its proportional share (PSS: private + shared / users), in 4 KiB pages.
 */
public record EpcUsage(long privatePages, long sharedPages, int sharers) {
    public double proportionalPages() {
        return privatePages + (sharers == 0 ? 0 : (double) sharedPages / sharers);
    }
}

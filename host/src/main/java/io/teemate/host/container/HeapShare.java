package io.teemate.host.container;

/**
 * A container's share of its enclave's heap, as the trusted runtime reports it to the container itself
 * (ECALL_STATS): the 4 KiB pages it holds now and the limit its manifest sets ({@code memory_limit}; 0 = none).
 * Only the container's own session can ask, so a co-tenant learns nothing of another's use.
 */
public record HeapShare(int pagesHeld, int limitPages) {
    /** "12 / 256" or "12 / none", in pages. */
    public String describe() {
        return pagesHeld + " / " + (limitPages == 0 ? "none" : Integer.toString(limitPages));
    }
}

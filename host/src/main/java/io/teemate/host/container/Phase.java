package io.teemate.host.container;

/** The phases of a container's start-up, as the paper breaks down cold-start latency. */
public enum Phase {
    /** Spawning the container process and mapping its untrusted buffers. */
    PROCESS,
    /** Creating the enclave (conventional, or the first shared container) or aliasing it and taking a TCS. */
    ENCLAVE,
    /** The trusted runtime's attach: challenge, identity check, TCS binding, container heap. */
    RUNTIME_INIT,
    /** The first ecall into the container's entry, until it returns. */
    FIRST_ENTRY
}

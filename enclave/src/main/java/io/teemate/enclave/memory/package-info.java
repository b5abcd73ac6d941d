/**
 * In-enclave memory for applications of the trusted runtime.
 * <ul>
 * <li>{@link io.teemate.enclave.memory.EnclaveMemory}: how enclave code reaches its pages, always through the logical
 *     processor's SGX checks; {@link io.teemate.enclave.memory.ThreadBoundMemory} for structures that outlive one
 *     entry and serve every enclave thread.</li>
 * <li>{@link io.teemate.enclave.memory.EnclavePageAllocator}: whole pages of the enclave heap, growing by SGX2
 *     EAUG/EACCEPT ({@link io.teemate.enclave.memory.PageAccepter}) when the enclave was built for EDMM.</li>
 * <li>{@link io.teemate.enclave.memory.Arena}: a container's byte-granular allocator over those pages.</li>
 * <li>{@link io.teemate.enclave.memory.CowSpace}: a copy-on-write address space with software address
 *     translation; fork costs a page-table copy, and a write after it copies only the page it touches.</li>
 * </ul>
 * Bookkeeping (free maps, page tables, reference counts) is kept in Java objects standing for the enclave's own
 * metadata pages; application bytes are always in enclave pages.
 */
package io.teemate.enclave.memory;

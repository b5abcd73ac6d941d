package io.teemate.host.driver;

import java.util.Map;

/**
 * EPC usage (TeeMate's {@code SGX_IOC_ENCLAVE_GET_STAT}): frames of the machine, frames in use, and per enclave
 * the pages resident in the EPC (including its SECS and VA pages) and the pages evicted to untrusted memory.
 */
public record EpcStats(int totalPages, int pagesInUse, Map<Long, PerEnclave> enclaves) {
    public record PerEnclave(long id, int residentPages, int evictedPages, int mappedProcesses) {
    }
}

package io.teemate.host.driver;

import java.util.List;
import java.util.Map;

/**
 * EPC usage (TeeMate's {@code SGX_IOC_ENCLAVE_GET_STAT}): frames of the machine, frames in use, and per enclave
 * the pages resident in the EPC (including its SECS and VA pages), the pages evicted to untrusted memory, the
 * processes that map it, and the pages each process's faults added by EAUG (its own, in a shared enclave).
 */
public record EpcStats(int totalPages, int pagesInUse, Map<Long, PerEnclave> enclaves) {
    public record PerEnclave(
            long id,
            int residentPages,
            int evictedPages,
            int mappedProcesses,
            List<Integer> pids,
            Map<Integer, Integer> augmentedPagesByPid) {
        public PerEnclave {
            pids = List.copyOf(pids);
            augmentedPagesByPid = Map.copyOf(augmentedPagesByPid);
        }

        /** Pages of the enclave (resident or evicted) that no process's fault added: shared by all its users. */
        public int sharedPages() {
            return residentPages
                    + evictedPages
                    - augmentedPagesByPid.values().stream()
                            .mapToInt(Integer::intValue)
                            .sum();
        }
    }
}

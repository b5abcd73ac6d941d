package io.teemate.host.driver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * An enclave's Version Array pages and their free 8-byte slots (one VA page per 512 evictions, as Linux grows them).
 * Not thread-safe: guarded by the driver's lock, like the {@link SgxEnclave} that owns it.
 */
final class VaSlots {
    static final int SLOTS_PER_PAGE = 512;
    private final List<Long> vaPages = new ArrayList<>();
    private final ArrayDeque<Long> free = new ArrayDeque<>();

    boolean hasFree() {
        return !free.isEmpty();
    }

    /** Adds a fresh VA page (the caller ran EPA on it). */
    void addPage(long vaPage) {
        vaPages.add(vaPage);
        for (int i = 0; i < SLOTS_PER_PAGE; i++) {
            free.add(vaPage + 8L * i);
        }
    }

    long take() {
        return free.remove();
    }

    void release(long slot) {
        free.add(slot);
    }

    List<Long> pages() {
        return vaPages;
    }
}

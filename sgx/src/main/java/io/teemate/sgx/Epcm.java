package io.teemate.sgx;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The EPCM: one {@link EpcmEntry} per EPC frame (SDM Vol.3D "Enclave Page Cache Map (EPCM)"). Entries are replaced
 * whole, never mutated.
 */
public final class Epcm {
    private final AtomicReferenceArray<EpcmEntry> entries;

    Epcm(int frames) {
        entries = new AtomicReferenceArray<>(frames);
        for (int i = 0; i < frames; i++) {
            entries.set(i, EpcmEntry.INVALID);
        }
    }

    public EpcmEntry get(int frame) {
        return entries.get(frame);
    }

    void set(int frame, EpcmEntry entry) {
        EpcmEntry old = entries.getAndSet(frame, entry);
        if (old.enclave() != null) {
            old.enclave().epcmChanged();
        }
        if (entry.enclave() != null && entry.enclave() != old.enclave()) {
            entry.enclave().epcmChanged();
        }
    }

    public int frames() {
        return entries.length();
    }

    /** Number of valid entries: EPC pages in use. */
    public int validCount() {
        int n = 0;
        for (int i = 0; i < entries.length(); i++) {
            if (entries.get(i).valid()) {
                n++;
            }
        }
        return n;
    }
}

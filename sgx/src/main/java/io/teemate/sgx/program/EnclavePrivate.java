package io.teemate.sgx.program;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Java objects one enclave instance's code keeps between entries: what enclave code on hardware would keep
 * in its own EPC pages (allocator free lists, software page tables, compiled code caches). The emulator holds
 * them beside the SECS, hands them only to code running in that enclave ({@link EnclaveContext#enclavePrivate()})
 * and drops them with the SECS (EREMOVE). Two enclaves built from the same image each get their own store, the
 * way each gets its own pages. Application <em>data</em> never belongs here: it lives in enclave pages.
 */
public final class EnclavePrivate {
    private final ConcurrentHashMap<Class<?>, Object> objects = new ConcurrentHashMap<>();

    /** The enclave's single object of type {@code type}, made by {@code factory} on first use. */
    public <T> T computeIfAbsent(Class<T> type, Supplier<? extends T> factory) {
        return type.cast(objects.computeIfAbsent(type, k -> factory.get()));
    }

    /** The enclave's object of type {@code type}, or null. */
    public <T> T get(Class<T> type) {
        return type.cast(objects.get(type));
    }
}

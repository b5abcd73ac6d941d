package io.teemate.enclave.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Java objects one attached container's code keeps between its entries (a database's open keyspace, say):
 * what the container's code on hardware would keep in its own heap pages. They live and die with the container:
 * when it leaves, crashes or its TCS is handed on, every {@link AutoCloseable} among them is closed (a keyspace
 * gives its enclave pages back) before the container's arena is wiped.
 */
final class ContainerLocals {
    private final ConcurrentHashMap<Class<?>, Object> objects = new ConcurrentHashMap<>();
    private boolean closed;

    synchronized <T> T computeIfAbsent(Class<T> type, Supplier<? extends T> factory) {
        if (closed) {
            throw new IllegalStateException("the container has left the enclave");
        }
        return type.cast(objects.computeIfAbsent(type, k -> factory.get()));
    }

    synchronized <T> T get(Class<T> type) {
        return type.cast(objects.get(type));
    }

    /** Closes every closeable object, all of them even if some throw; the first failure is rethrown after. */
    synchronized void closeAll() {
        closed = true;
        List<Object> all = new ArrayList<>(objects.values());
        objects.clear();
        RuntimeException first = null;
        for (Object o : all) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

package io.teemate.enclave.apps;

import io.teemate.enclave.runtime.ContainerApp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container programs a build of TeeMate can compile into an enclave image, by name: what an enclave manifest's
 * {@code apps} may list. Application modules add theirs with {@link #with}.
 */
public final class AppCatalog {
    private final Map<String, ContainerApp> apps = new LinkedHashMap<>();

    private AppCatalog() {
    }

    /** The programs that ship in the {@code enclave} module. */
    public static AppCatalog builtIn() {
        return new AppCatalog().with(new WordCount());
    }

    public AppCatalog with(ContainerApp app) {
        apps.put(app.name(), app);
        return this;
    }

    /** The apps named, in order; an unknown name is an error listing the known ones. */
    public List<ContainerApp> resolve(List<String> names) {
        return names.stream().map(n -> {
            ContainerApp a = apps.get(n);
            if (a == null) {
                throw new IllegalArgumentException("unknown app " + n + " (known: " + String.join(", ", apps.keySet()) + ")");
            }
            return a;
        }).toList();
    }
}

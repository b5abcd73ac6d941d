package io.teemate.enclave.apps;

import io.teemate.abi.image.EnclaveImageLayout;
import io.teemate.abi.image.EnclaveManifest;
import io.teemate.abi.image.ManifestException;
import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.TrustedRuntime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container programs a build of TeeMate can compile into an enclave image, by name: what an enclave manifest's
 * {@code apps} may list. Application modules add theirs with {@link #with}.
 */
public final class AppCatalog {
    /** The runtime name enclave manifests give for {@link TrustedRuntime}. */
    public static final String RUNTIME = "teemate";

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

    /**
     * The trusted runtime an enclave manifest asks for: {@code runtime} must be {@value #RUNTIME}, and every name in
     * {@code apps} must be known here. Errors name the manifest field.
     */
    public TrustedRuntime runtimeFor(EnclaveManifest m) {
        String source = EnclaveImageLayout.sourceOf(m);
        if (!m.runtime().equals(RUNTIME)) {
            throw new ManifestException(source, "runtime", "unknown runtime \"" + m.runtime() + "\" (known: " + RUNTIME + ")");
        }
        try {
            return new TrustedRuntime(resolve(m.apps()));
        } catch (IllegalArgumentException e) {
            throw new ManifestException(source, "apps", e.getMessage());
        }
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

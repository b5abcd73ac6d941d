package io.teemate.abi.image;

import io.teemate.sgx.program.CodeImage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The toolchain's linker: turns the names in a manifest into a code image from the enclave binaries on the class
 * path ({@link EnclaveBinary.Library} services), as {@code gramine-sgx-sign} reads the binaries a manifest names.
 * Host code that loads an enclave calls this and gets bytes; which program runs is decided by those bytes alone,
 * at EENTER ({@code io.teemate.sgx.program.ProgramRegistry}).
 */
public final class EnclaveBinaries implements CodeResolver {
    private final Map<String, EnclaveBinary> byName;

    private EnclaveBinaries(Map<String, EnclaveBinary> byName) {
        this.byName = byName;
    }

    /** The binaries every library on the class path ships; two of one name is a build error. */
    public static EnclaveBinaries installed() {
        return Installed.BINARIES;
    }

    /** Lazily, once: the service scan reads every library's list. */
    private static final class Installed {
        static final EnclaveBinaries BINARIES = scan();

        private static EnclaveBinaries scan() {
            Map<String, EnclaveBinary> byName = new LinkedHashMap<>();
            for (EnclaveBinary.Library library :
                    ServiceLoader.load(EnclaveBinary.Library.class, EnclaveBinaries.class.getClassLoader())) {
                for (EnclaveBinary b : library.binaries()) {
                    EnclaveBinary previous = byName.putIfAbsent(b.name(), b);
                    if (previous != null) {
                        throw new IllegalStateException("two enclave binaries are named " + b.name() + ": "
                                + previous.codeClasses().get(0).getName() + " and "
                                + b.codeClasses().get(0).getName());
                    }
                }
            }
            return new EnclaveBinaries(byName);
        }
    }

    /** The names of the installed binaries of one kind, in class-path order. */
    public List<String> names(EnclaveBinary.Kind kind) {
        return byName.values().stream()
                .filter(b -> b.kind() == kind)
                .map(EnclaveBinary::name)
                .toList();
    }

    /** The code image of the stand-alone program {@code name}; an unknown name lists the known ones. */
    public CodeImage program(String name) {
        EnclaveBinary b = byName.get(name);
        if (b == null || b.kind() != EnclaveBinary.Kind.PROGRAM) {
            throw new IllegalArgumentException("no enclave program named " + name + " (known: "
                    + String.join(", ", names(EnclaveBinary.Kind.PROGRAM)) + ")");
        }
        return CodeImage.of(b.codeClasses(), b.name());
    }

    /**
     * The code image an enclave manifest asks for: its {@code runtime}, then every one of its {@code apps}. An unknown
     * name is a {@link ManifestException} naming the field and listing what is known.
     */
    @Override
    public CodeImage resolve(EnclaveManifest m) {
        String source = EnclaveImageLayout.sourceOf(m);
        EnclaveBinary runtime = byName.get(m.runtime());
        if (runtime == null || runtime.kind() != EnclaveBinary.Kind.RUNTIME) {
            throw new ManifestException(
                    source,
                    "runtime",
                    "unknown runtime \"" + m.runtime() + "\" (known: "
                            + String.join(", ", names(EnclaveBinary.Kind.RUNTIME)) + ")");
        }
        List<Class<?>> classes = new ArrayList<>(runtime.codeClasses());
        List<String> seen = new ArrayList<>();
        for (String name : m.apps()) {
            EnclaveBinary app = byName.get(name);
            if (app == null || app.kind() != EnclaveBinary.Kind.APP) {
                throw new ManifestException(
                        source,
                        "apps",
                        "unknown app " + name + " (known: " + String.join(", ", names(EnclaveBinary.Kind.APP)) + ")");
            }
            if (seen.contains(name)) {
                throw new ManifestException(source, "apps", "app " + name + " is listed twice");
            }
            seen.add(name);
            classes.addAll(app.codeClasses());
        }
        return CodeImage.of(classes, m.runtime() + (m.apps().isEmpty() ? "" : " + " + String.join(" + ", m.apps())));
    }
}

package io.teemate.kv.host.planted;

import io.teemate.kv.enclave.CommandEngine;

/**
 * A planted violation for ArchitectureTest: a host-side class (by package) that calls into the enclave's command
 * engine directly instead of through EENTER. Test code only; the production import never sees it.
 */
public final class PlantedHostClass {
    private PlantedHostClass() {}

    public static byte[] bypassTheBoundary(CommandEngine engine, java.util.List<byte[]> argv) {
        return engine.execute(argv);
    }
}

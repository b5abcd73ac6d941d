package io.teemate.faas.abi.planted;

import io.teemate.host.Platform;

/**
 * A planted violation for ArchitectureTest: a class of the shared vocabulary (by package) that names the host's
 * platform, so the enclave would compile against host code through it. Test code only.
 */
public final class PlantedSharedClass {
    private PlantedSharedClass() {}

    public static Object reachIntoTheHost(Platform platform) {
        return platform.kernel();
    }
}

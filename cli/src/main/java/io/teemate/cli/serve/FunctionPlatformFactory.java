package io.teemate.cli.serve;

import io.teemate.faas.host.FunctionPlatform;
import io.teemate.faas.host.ServingModel;
import io.teemate.sgx.cost.PlatformProfile;

import java.nio.file.Path;

/** Makes the {@link FunctionPlatform} that {@code teemate serve} puts behind its gateway. */
@FunctionalInterface
public interface FunctionPlatformFactory {
    /**
     * @param model    how functions are served: native, cold, warm or shared ({@link ServingModel})
     * @param epcMiB   EPC size of the emulated machine
     * @param warmPool the warm model's instances per function, made at deploy
     * @param platform the SGX part whose clock and costs price the modeled time of the emulated machine
     * @param workDir where the platform may keep files (private keys among them): the user's --work-dir, or an
     *                owner-only temporary directory the command removes at exit
     * @throws UnsupportedOperationException when no platform is built in (the command says so and exits 1)
     */
    FunctionPlatform create(ServingModel model, int epcMiB, int warmPool, PlatformProfile platform, Path workDir);

    /** Stands in until a platform implementation is wired in at {@link ServeCommand#PLATFORM}. */
    FunctionPlatformFactory NONE = (model, epcMiB, warmPool, platform, workDir) -> {
        throw new UnsupportedOperationException("no FunctionPlatform implementation is built into this teemate;"
                + " wire one in at io.teemate.cli.serve.ServeCommand.PLATFORM");
    };
}

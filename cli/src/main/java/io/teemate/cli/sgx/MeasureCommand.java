package io.teemate.cli.sgx;

import io.teemate.cli.PlatformOption;
import io.teemate.host.Platform;
import io.teemate.host.kernel.KernelException;
import io.teemate.host.kernel.Process;
import io.teemate.host.loader.EnclaveLoader;
import io.teemate.sgx.Machine;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.cost.SgxLeaf;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.loader.LayoutException;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.SigStruct;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/**
 * {@code teemate sgx measure LAYOUT.json}: builds the described enclave on an emulated machine through its SGX driver
 * (ECREATE, EADD, EEXTEND, EINIT), and prints the MRENCLAVE the processor measured (64 hex characters on the last
 * line). The line
 * before it is the build's modeled time on {@code --platform}'s part; MRENCLAVE does not depend on the platform.
 */
@Command(
        name = "measure",
        mixinStandardHelpOptions = true,
        description = {
            "Compute MRENCLAVE of an enclave layout by building it on the emulated machine.",
            "The layout is JSON: {\"ssaFrameSize\": 1, \"size\": 65536, \"pages\": [{\"offset\": 0, "
                    + "\"type\": \"TCS\", \"flags\": \"\", \"measure\": true, \"fill\": 0}, ...]}; "
                    + "a page's bytes come from fill, file (+ fileOffset) or base64."
        },
        exitCodeOnInvalidInput = 2)
public final class MeasureCommand implements Callable<Integer> {
    /** Exit status for a layout that breaks a rule. */
    public static final int BAD_LAYOUT = 2;
    /** Where the measured enclave is placed; MRENCLAVE does not depend on it. */
    private static final long BASE = 1L << 40;

    @Parameters(index = "0", paramLabel = "LAYOUT.json", description = "the enclave layout")
    Path layoutFile;

    @CommandLine.Mixin
    PlatformOption platform = new PlatformOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EnclaveLayout layout;
        try {
            layout = LayoutFile.read(layoutFile);
        } catch (LayoutException e) {
            err.println("teemate sgx measure: " + layoutFile + ": " + e.getMessage());
            return BAD_LAYOUT;
        }
        // Built as a loader builds it: through the SGX driver of the emulated host kernel, then EINIT with a SIGSTRUCT
        // of the layout's MRENCLAVE under a throwaway key. EINIT succeeds only if the processor measured the same
        // MRENCLAVE (SDM Vol.3D EINIT), so the hash printed last is the processor's; the modeled build is the whole
        // path: the ioctls, the driver's work per page, ECREATE, EADD, EEXTEND and EINIT.
        Machine machine = Machine.builder()
                .epcBytes((layout.pages().size() + 2L) * 4096)
                .logicalProcessors(1)
                .platform(platform.platform())
                .build();
        Platform host = Platform.boot(machine);
        byte[] mrEnclave = layout.mrEnclave();
        SigStruct sig = SigStructBuilder.forEnclave(mrEnclave)
                .attributes(EnclaveLayout.defaultAttributes(false))
                .sign(SigningKey.generate());
        Process loader = host.kernel().spawn("sgx-measure", Path.of("/"));
        InstructionCounters.Snapshot before = machine.counters();
        try {
            loader.run(ctx -> new EnclaveLoader(host.driver()).load(loader, layout, sig, BASE));
        } catch (KernelException e) {
            err.println("teemate sgx measure: " + layoutFile + ": the emulated machine refused the layout: "
                    + e.getMessage());
            return BAD_LAYOUT;
        }
        InstructionCounters.Snapshot counters = machine.counters().minus(before);
        loader.exit();
        out.printf(
                "pages: %d (%d measured), ELRANGE %d bytes, SSA frame %d page(s)%n",
                layout.pages().size(),
                layout.pages().stream().filter(p -> p.measured()).count(),
                layout.size(),
                layout.ssaFrameSize());
        out.printf("executed: %d EADD + %d EEXTEND%n", counters.count(SgxLeaf.EADD), counters.count(SgxLeaf.EEXTEND));
        out.printf(
                "modeled build: %.3f ms (%s)%n",
                counters.modeledNanos() / 1e6, machine.costModel().platform().id());
        out.println(HexFormat.of().formatHex(mrEnclave));
        out.flush();
        return 0;
    }
}

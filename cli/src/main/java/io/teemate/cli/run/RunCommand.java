package io.teemate.cli.run;

import io.teemate.abi.attest.pki.PlatformPki;
import io.teemate.abi.image.ContainerManifest;
import io.teemate.abi.image.EnclaveManifest;
import io.teemate.abi.image.ManifestException;
import io.teemate.abi.image.SigningKeys;
import io.teemate.cli.EnclaveHeapCheck;
import io.teemate.cli.EpcOption;
import io.teemate.cli.ModeOption;
import io.teemate.cli.PlatformOption;
import io.teemate.host.Platform;
import io.teemate.host.attest.QuotingService;
import io.teemate.host.container.Container;
import io.teemate.host.container.ContainerException;
import io.teemate.host.container.ContainerImage;
import io.teemate.host.container.ContainerManager;
import io.teemate.host.container.EpcUsage;
import io.teemate.host.container.Mode;
import io.teemate.host.container.Phase;
import io.teemate.sgx.Machine;
import io.teemate.sgx.cost.PlatformProfile;
import io.teemate.sgx.sign.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code teemate run}: starts containers of one image on the emulated machine, conventionally (each builds its own
 * enclave) or shared (TeeMate: one enclave, aliased), runs them, and reports each one's start-up phases in wall and
 * modeled time and its EPC memory (private, shared, PSS) from the driver's statistics.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a confidential container image in an enclave, conventionally or shared (TeeMate).",
            "Prints the container's output, then its start-up phases and EPC memory."
        },
        exitCodeOnInvalidInput = 2)
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONTAINER.json", description = "the container image's manifest")
    Path image;

    @CommandLine.Mixin
    ModeOption mode = new ModeOption();

    @Option(
            names = "--count",
            defaultValue = "1",
            paramLabel = "N",
            description = "how many containers of the image to start, one after another (default: ${DEFAULT-VALUE})")
    int count;

    @Option(
            names = "--key",
            paramLabel = "OWNER.pem",
            description = "the enclave owner's RSA-3072 key (default: a fresh development key for this run)")
    Path ownerKey;

    @CommandLine.Mixin
    EpcOption epc = new EpcOption(128, 1);

    /** Prices the modeled start-up phases in the report. */
    @CommandLine.Mixin
    PlatformOption platformOption = new PlatformOption();

    @Option(
            names = "--quote-dir",
            paramLabel = "DIR",
            description = "attest each container: write its quote (DCAP ECDSA v3 shape) and the platform's root "
                    + "certificate there, for `teemate attest verify`")
    Path quoteDir;

    @Option(
            names = "--nonce",
            paramLabel = "HEX",
            description = "the verifier's 32-byte challenge for --quote-dir " + "(default: random, printed)")
    String nonceHex;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } catch (ManifestException | SigningKeys.SigningKeyException | IllegalArgumentException e) {
            err.println("teemate run: " + e.getMessage());
            return 2;
        } catch (ContainerException e) {
            err.println("teemate run: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        Mode m = mode.mode();
        if (count < 1 || count > 256) {
            throw new IllegalArgumentException("--count " + count + " must be between 1 and 256");
        }
        int epcMiB = epc.mib();
        byte[] nonce = null;
        if (quoteDir != null) {
            if (nonceHex != null) {
                nonce = parseNonce(nonceHex);
            } else {
                nonce = new byte[32];
                new java.security.SecureRandom().nextBytes(nonce);
            }
        } else if (nonceHex != null) {
            throw new IllegalArgumentException("--nonce is the challenge for --quote-dir; give both");
        }
        SigningKey owner;
        if (ownerKey != null) {
            owner = SigningKeys.read(ownerKey);
        } else {
            owner = SigningKey.generate();
            err.println(
                    "note: signed with a fresh development key (pass --key OWNER.pem to sign as the enclave owner)");
        }
        Path enclaveFile = ContainerManifest.load(image).enclaveManifestPath(image);
        EnclaveManifest enclaveManifest = EnclaveManifest.load(enclaveFile);
        EnclaveHeapCheck.ensureFits(
                enclaveFile.getFileName().toString(), enclaveManifest.heapSize(), enclaveManifest.heapInitialPages());
        ContainerImage container = ContainerImage.load(image, owner);
        out.printf(
                "image %s (identity %s) on enclave image %s%n",
                container.name(),
                container.manifest().digestHex(),
                container.enclave().name());
        out.printf(
                "MRENCLAVE %s, %d pages added and measured per build%n",
                java.util.HexFormat.of().formatHex(container.enclave().mrEnclave()),
                container.enclave().layout().addedPages());

        Platform platform = Platform.boot(Machine.builder()
                .epcMiB(epcMiB)
                .logicalProcessors(2)
                .platform(platformOption.platform())
                .build());
        List<Container> started = new ArrayList<>();
        List<Container.Outcome> outcomes = new ArrayList<>();
        int status = 0;
        try (ContainerManager manager = platform.containerManager(Duration.ofSeconds(30), Duration.ZERO);
                QuotingService quoting = quoteDir == null
                        ? null
                        : QuotingService.start(
                                platform.kernel(), platform.driver(), PlatformPki.generate("teemate-run"))) {
            for (int i = 0; i < count; i++) {
                Container c = manager.start(container, m);
                started.add(c);
                Container.Outcome o = manager.run(c);
                outcomes.add(o);
                out.printf("--- %s output ---%n%s", c, o.stdoutText());
                if (o.error() != null) {
                    err.println("teemate run: " + c + ": " + o.error());
                    status = 1;
                } else if (o.exitCode() != 0) {
                    status = Math.max(status, 1);
                }
                if (quoting != null && o.error() == null) {
                    writeQuote(out, manager.attest(c, quoting, nonce), c, container, quoting, nonce);
                }
            }
            report(out, manager, started, m, platformOption.platform());
            started.forEach(manager::stop);
        }
        return status;
    }

    private static byte[] parseNonce(String hex) {
        try {
            byte[] b = java.util.HexFormat.of().parseHex(hex);
            if (b.length != 32) {
                throw new IllegalArgumentException("--nonce must be 32 bytes (64 hex digits), got " + b.length);
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--nonce: " + e.getMessage());
        }
    }

    private void writeQuote(
            PrintWriter out, byte[] quote, Container c, ContainerImage image, QuotingService quoting, byte[] nonce) {
        try {
            java.nio.file.Files.createDirectories(quoteDir);
            Path root = quoteDir.resolve("platform-root.pem");
            java.nio.file.Files.writeString(root, quoting.rootCertificatePem());
            Path file = quoteDir.resolve(image.name() + "-" + c.process().pid() + ".quote");
            java.nio.file.Files.write(file, quote);
            var hex = java.util.HexFormat.of();
            out.printf(
                    "wrote %s (%d bytes); verify with:%n  teemate attest verify %s --root %s --mrenclave %s --mrsigner %s "
                            + "--container %s --nonce %s --qe-mrsigner %s --allow-debug%n",
                    file,
                    quote.length,
                    file,
                    root,
                    hex.formatHex(image.enclave().mrEnclave()),
                    hex.formatHex(image.enclave().sigStruct().mrSigner()),
                    image.manifest().digestHex(),
                    hex.formatHex(nonce),
                    hex.formatHex(quoting.qeSigStruct().mrSigner()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing the quote to " + quoteDir, e);
        }
    }

    /** The container's heap pages and its memory_limit, or "-" once the runtime has ended it (a crash). */
    private static String heapShare(ContainerManager manager, Container c) {
        try {
            return manager.heapShare(c).describe();
        } catch (io.teemate.host.container.ContainerException e) {
            return "-";
        }
    }

    private static void report(
            PrintWriter out, ContainerManager manager, List<Container> started, Mode m, PlatformProfile platform) {
        out.printf(
                "%n%s mode; wall = this JVM's elapsed time, modeled = the work priced as %s (%s) would do it"
                        + " (docs/cost-model.md)%n",
                m.name().toLowerCase(Locale.ROOT), platform.id(), platform.description());
        out.println(
                "| container | process | enclave | runtime init | first entry | total | EPC private | shared | PSS | heap / limit |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Container c : started) {
            StringBuilder row = new StringBuilder("| pid " + c.process().pid());
            for (Phase p : Phase.values()) {
                row.append(String.format(
                        Locale.ROOT,
                        " | %.2f / %.2f",
                        c.phases().wallNanos(p) / 1e6,
                        c.phases().modeledNanos(p) / 1e6));
            }
            EpcUsage u = manager.epcUsage(c);
            row.append(String.format(
                    Locale.ROOT,
                    " | %.2f / %.2f | %d | %d | %.1f | %s |",
                    c.phases().totalWallNanos() / 1e6,
                    c.phases().totalModeledNanos() / 1e6,
                    u.privatePages(),
                    u.sharedPages(),
                    u.proportionalPages(),
                    heapShare(manager, c)));
            out.println(row);
        }
        out.printf(
                Locale.ROOT,
                "times in ms as wall / modeled (%s); EPC and heap in 4 KiB pages (heap: what the container holds "
                        + "of its enclave's heap, and its manifest's memory_limit); all enclaves together: %d pages (%.1f MiB)%n",
                platform.id(),
                manager.totalEnclavePages(),
                manager.totalEnclavePages() * 4096.0 / (1 << 20));
    }
}

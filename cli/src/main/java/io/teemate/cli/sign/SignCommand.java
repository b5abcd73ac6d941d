package io.teemate.cli.sign;

import io.teemate.abi.image.CodeResolver;
import io.teemate.abi.image.ContainerManifest;
import io.teemate.abi.image.ContainerPolicy;
import io.teemate.abi.image.EnclaveBinaries;
import io.teemate.abi.image.EnclaveImageLayout;
import io.teemate.abi.image.EnclaveManifest;
import io.teemate.abi.image.ManifestException;
import io.teemate.abi.image.SigningKeys;
import io.teemate.abi.image.SigningKeys.SigningKeyException;
import io.teemate.abi.image.Sizes;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.program.CodeImage;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.SigStruct;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code teemate sign}: the counterpart of {@code gramine-sgx-sign}. Lays out the enclave an enclave manifest
 * describes, checks its trusted files, signs its SIGSTRUCT with the owner's RSA-3072 key, and prints MRENCLAVE
 * and MRSIGNER; with {@code --policy} it also signs the list of container images allowed to join the enclave.
 * Everything is checked before anything is written, so a refused input leaves no file behind.
 */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        description = {
            "Sign an enclave image: write its SIGSTRUCT and print MRENCLAVE and MRSIGNER.",
            "With --policy, also sign which container images may join the enclave.",
            "Manifest formats: docs/manifests.md; example: examples/images/hello."
        },
        exitCodeOnInvalidInput = 2)
public final class SignCommand implements Callable<Integer> {
    /** Exit status for a manifest, container or key the user must fix (the message names the field or file). */
    public static final int BAD_INPUT = 2;
    /** Exit status when an output file cannot be written. */
    public static final int CANNOT_WRITE = 1;

    /**
     * The code of the trusted runtime a manifest names: TeeMate's runtime with the manifest's apps compiled in, the
     * same code image the container manager loads.
     */
    static final CodeResolver RUNTIMES = EnclaveBinaries.installed();

    @Parameters(index = "0", paramLabel = "ENCLAVE_MANIFEST.json", description = "the enclave image's manifest")
    Path manifestFile;

    @Option(
            names = "--key",
            required = true,
            paramLabel = "KEY.pem",
            description = "the enclave owner's RSA-3072 key (exponent 3), PEM PKCS#1 or PKCS#8")
    Path keyFile;

    @Option(names = "--generate-key", description = "create a new key at --key first (never overwrites a file)")
    boolean generateKey;

    @Option(
            names = "--output",
            paramLabel = "OUT.sigstruct",
            description = "where to write the 1808-byte SIGSTRUCT (default: the manifest's name with .sigstruct)")
    Path output;

    @Option(
            names = "--policy",
            paramLabel = "CONTAINER_MANIFEST.json",
            description = "a container image allowed to join this enclave (repeatable)")
    List<Path> policyContainers = new ArrayList<>();

    @Option(
            names = "--policy-output",
            paramLabel = "POLICY.bin",
            description = "where to write the signed container policy (default: the SIGSTRUCT's name with .policy)")
    Path policyOutput;

    @Option(
            names = "--policy-version",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "the policy's version; a runtime refuses versions older than one it has seen (default: ${DEFAULT-VALUE})")
    int policyVersion;

    @Option(
            names = "--date",
            paramLabel = "YYYY-MM-DD",
            description = "SIGSTRUCT.DATE (default: today); fix it for byte-identical output")
    LocalDate date;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return sign(out);
        } catch (ManifestException | SigningKeyException e) {
            err.println("teemate sign: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("teemate sign: cannot write: " + e.getMessage());
            return CANNOT_WRITE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int sign(PrintWriter out) throws IOException {
        if (policyVersion < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--policy-version must not be negative");
        }
        String source = manifestFile.getFileName().toString();
        EnclaveManifest m = EnclaveManifest.load(manifestFile);
        m.verifyTrustedFiles(manifestFile);
        io.teemate.cli.EnclaveHeapCheck.ensureFits(source, m.heapSize(), m.heapInitialPages());
        EnclaveImageLayout image;
        try {
            CodeImage code = RUNTIMES.resolve(m);
            image = EnclaveImageLayout.build(m, code);
        } catch (ManifestException e) {
            throw e.withSource(source);
        }
        byte[] mrEnclave = image.mrEnclave();

        List<ContainerManifest> containers = new ArrayList<>();
        for (Path c : policyContainers) {
            ContainerManifest container = ContainerManifest.load(c);
            Path target = container.enclaveManifestPath(c);
            if (!Files.isSameFile(target, manifestFile)) {
                throw new ManifestException(
                        c.getFileName().toString(),
                        "enclave_image",
                        "points to " + target + ", not to the enclave being signed (" + manifestFile + ")");
            }
            container.verifyFiles(c);
            containers.add(container);
        }

        SigningKey key;
        if (generateKey) {
            if (Files.exists(keyFile)) {
                throw new SigningKeyException(keyFile + ": already exists; drop --generate-key to sign with it");
            }
            key = SigningKey.generate();
            SigningKeys.write(keyFile, key);
            out.println("generated " + keyFile + " (RSA-3072, exponent 3); keep it private");
        } else {
            key = SigningKeys.read(keyFile);
        }

        SigStructBuilder builder = SigStructBuilder.forEnclave(mrEnclave)
                .attributes(EnclaveLayout.defaultAttributes(m.debug()))
                .isvProdId(m.isvProdId())
                .isvSvn(m.isvSvn());
        if (date != null) {
            builder.date(date);
        }
        SigStruct sigStruct = builder.sign(key);
        Path sigFile = output != null ? output : withExtension(manifestFile, ".sigstruct");
        Files.write(sigFile, sigStruct.toBytes());

        out.printf(
                "enclave    %s: runtime %s, apps %s, %d thread(s), %s heap (%s)%n",
                m.name(),
                m.runtime(),
                m.apps(),
                m.threads(),
                Sizes.format(m.heapSize()),
                m.edmm()
                        ? "EDMM: " + Sizes.format(m.heapInitial()) + " added before EINIT, the rest by EAUG"
                        : "SGX1: all added before EINIT");
        out.printf(
                "layout     %d pages added and measured, ELRANGE %s, heap at 0x%x%s%n",
                image.addedPages(),
                Sizes.format(image.layout().size()),
                image.heapOffset(),
                m.debug() ? ", DEBUG enclave" : "");
        out.println("MRENCLAVE  " + HexFormat.of().formatHex(mrEnclave));
        out.println("MRSIGNER   " + HexFormat.of().formatHex(sigStruct.mrSigner()));
        out.printf("wrote      %s (SIGSTRUCT, %d bytes)%n", sigFile, SigStruct.SIZE);

        if (!containers.isEmpty()) {
            List<byte[]> digests = new ArrayList<>();
            for (ContainerManifest c : containers) {
                digests.add(c.digest());
                out.printf("container  %s: %s%n", c.name(), c.digestHex());
            }
            ContainerPolicy policy;
            try {
                policy = ContainerPolicy.sign(key, mrEnclave, digests, policyVersion);
            } catch (IllegalArgumentException e) {
                throw new ManifestException("--policy", "", e.getMessage());
            }
            Path policyFile = policyOutput != null ? policyOutput : withExtension(sigFile, ".policy");
            Files.write(policyFile, policy.toBytes());
            out.printf(
                    "wrote      %s (container policy version %d, %d container(s))%n",
                    policyFile, policyVersion, digests.size());
        }
        return 0;
    }

    /** {@code file} with its extension (if any) replaced by {@code extension}. */
    private static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}

package io.teemate.cli.attest;

import io.teemate.abi.attest.Pem;
import io.teemate.abi.attest.QuotingEnclaveImage;
import io.teemate.abi.attest.ReportDataBinding;
import io.teemate.abi.attest.verify.Expectations;
import io.teemate.abi.attest.verify.QeIdentity;
import io.teemate.abi.attest.verify.QuoteVerifier;
import io.teemate.abi.attest.verify.Verification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/**
 * {@code teemate attest verify QUOTE --root ROOT.pem [...]}: what a relying party runs, like a DCAP quote
 * verification library. Checks the quote's PCK chain against the platform root, the QE report and the quote
 * signatures, then the attesting enclave's MRENCLAVE, MRSIGNER, ISVSVN, the container identity and nonce bound in
 * REPORTDATA, and DEBUG; prints every check with PASS or FAIL and why ({@link Verification#explain()}).
 * Exit 0 when every check passes, 1 when any fails (a quote that does not even parse is a failed check too), 2 when
 * an input cannot be read (a file, a hex value, the root's PEM), naming the argument.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verify a quote against the platform's root certificate and what you expect of the enclave"
                    + " and container; every check is printed with PASS or FAIL and the reason.",
            "Exit status: 0 all checks passed, 1 some check failed, 2 unreadable input."
        },
        exitCodeOnInvalidInput = 2)
public final class VerifyCommand implements Callable<Integer> {
    /** Exit status when some check failed. */
    public static final int REJECTED = 1;
    /** Exit status for an input that cannot be read: a missing file, bad hex, a root that is not a certificate. */
    public static final int BAD_INPUT = 2;

    private static final HexFormat HEX = HexFormat.of();

    @Parameters(index = "0", paramLabel = "QUOTE", description = "the quote (binary, as the quoting enclave wrote it)")
    Path quoteFile;

    @Option(
            names = "--root",
            required = true,
            paramLabel = "ROOT.pem",
            description = "the platform's root CA certificate (PEM): the trust anchor")
    Path rootFile;

    @Option(names = "--mrenclave", paramLabel = "HEX", description = "expected MRENCLAVE (64 hex digits)")
    String mrEnclave;

    @Option(names = "--mrsigner", paramLabel = "HEX", description = "expected MRSIGNER (64 hex digits)")
    String mrSigner;

    @Option(
            names = "--container",
            paramLabel = "DIGESTHEX",
            description =
                    "expected container identity: the container manifest's SHA-256 digest (64 hex digits); needs --nonce")
    String container;

    @Option(
            names = "--nonce",
            paramLabel = "HEX",
            description = "the 32-byte challenge the container attested with (64 hex digits); needs --container")
    String nonce;

    @Option(
            names = "--min-isvsvn",
            paramLabel = "N",
            description = "lowest acceptable ISVSVN of the enclave (0..65535)")
    Integer minIsvSvn;

    @Option(names = "--allow-debug", description = "accept DEBUG enclaves (their memory is readable by the host)")
    boolean allowDebug;

    @Option(
            names = "--qe-mrsigner",
            paramLabel = "HEX",
            description = "expected MRSIGNER of the quoting enclave (64 hex digits; teemate run --quote-dir prints it)")
    String qeMrSigner;

    @Option(
            names = "--qe-isvprodid",
            paramLabel = "N",
            defaultValue = "" + QuotingEnclaveImage.ISVPRODID,
            description = "expected ISVPRODID of the quoting enclave (default: ${DEFAULT-VALUE}, TeeMate's QE)")
    int qeIsvProdId;

    @Option(
            names = "--qe-min-isvsvn",
            paramLabel = "N",
            defaultValue = "" + QuotingEnclaveImage.ISVSVN,
            description = "lowest acceptable ISVSVN of the quoting enclave (default: ${DEFAULT-VALUE})")
    int qeMinIsvSvn;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** An argument that cannot be used; the message names it. */
    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Expectations expectations = expectations();
            byte[] quote = readQuote();
            Verification v = QuoteVerifier.verify(quote, expectations);
            out.printf("quote  %s (%d bytes)%n", quoteFile, quote.length);
            out.printf("root   %s%n", expectations.trustedRoot().getSubjectX500Principal());
            out.print(v.explain());
            return v.ok() ? 0 : REJECTED;
        } catch (BadInput e) {
            err.println("teemate attest verify: " + e.getMessage());
            return BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private Expectations expectations() throws BadInput {
        if ((container == null) != (nonce == null)) {
            throw new BadInput(
                    container == null
                            ? "--nonce needs --container: the nonce is checked together with"
                                    + " the container identity it is bound to"
                            : "--container needs --nonce: the identity is checked"
                                    + " together with the challenge the container answered");
        }
        Expectations.Builder b = Expectations.trusting(readRoot()).allowDebug(allowDebug);
        if (mrEnclave != null) {
            b.mrEnclave(hex("--mrenclave", mrEnclave, 32));
        }
        if (mrSigner != null) {
            b.mrSigner(hex("--mrsigner", mrSigner, 32));
        }
        if (qeIsvProdId < 0 || qeIsvProdId > 0xFFFF) {
            throw new BadInput("--qe-isvprodid: " + qeIsvProdId + " is not an ISVPRODID (0..65535)");
        }
        if (qeMinIsvSvn < 0 || qeMinIsvSvn > 0xFFFF) {
            throw new BadInput("--qe-min-isvsvn: " + qeMinIsvSvn + " is not an ISVSVN (0..65535)");
        }
        b.qeIdentity(new QeIdentity(
                qeMrSigner == null ? null : hex("--qe-mrsigner", qeMrSigner, 32), qeIsvProdId, qeMinIsvSvn));
        if (container != null) {
            b.containerBinding(
                    hex("--container", container, ReportDataBinding.CONTAINER_IDENTITY_LENGTH),
                    hex("--nonce", nonce, 32));
        }
        if (minIsvSvn != null) {
            if (minIsvSvn < 0 || minIsvSvn > 0xFFFF) {
                throw new BadInput("--min-isvsvn: " + minIsvSvn + " is not an ISVSVN (0..65535)");
            }
            b.minIsvSvn(minIsvSvn);
        }
        return b.build();
    }

    private X509Certificate readRoot() throws BadInput {
        String pem;
        try {
            pem = Files.readString(rootFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new BadInput("--root " + rootFile + ": cannot read: " + describe(e));
        }
        try {
            return Pem.decode(pem);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--root " + rootFile + ": not a PEM certificate: " + e.getMessage());
        }
    }

    private byte[] readQuote() throws BadInput {
        try {
            return Files.readAllBytes(quoteFile);
        } catch (IOException e) {
            throw new BadInput("QUOTE " + quoteFile + ": cannot read: " + describe(e));
        }
    }

    /** {@code value} as {@code length} bytes of hex (either case, optional 0x), or a message naming {@code option}. */
    private static byte[] hex(String option, String value, int length) throws BadInput {
        String digits = value.strip();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        byte[] bytes;
        try {
            bytes = HEX.parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new BadInput(option + ": \"" + value + "\" is not hex: " + e.getMessage());
        }
        if (bytes.length != length) {
            throw new BadInput(option + ": expected " + length + " bytes (" + 2 * length + " hex digits), got "
                    + bytes.length + " bytes");
        }
        return bytes;
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException
                ? "no such file"
                : e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }
}

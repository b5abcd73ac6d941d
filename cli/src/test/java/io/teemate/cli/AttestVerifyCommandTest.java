package io.teemate.cli;

import io.teemate.abi.attest.pki.PlatformPki;
import io.teemate.abi.image.AttachKeys;
import io.teemate.host.attest.QuotingService;
import io.teemate.host.container.Container;
import io.teemate.host.container.ContainerImage;
import io.teemate.host.container.ContainerManager;
import io.teemate.host.container.Mode;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.Machine;
import io.teemate.sgx.sign.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code teemate attest verify} end to end: a container on the emulated platform attests with a nonce through the
 * platform's quoting service, the quote and the platform root are written to files as a relying party would get
 * them, and the command checks them.
 */
class AttestVerifyCommandTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SigningKey OWNER = SigningKey.generate();

    @TempDir
    static Path dir;

    private static Path quote;
    private static Path root;
    private static Path otherRoot;
    private static String mrEnclave;
    private static String mrSigner;
    private static String identity;
    private static String otherIdentity;
    private static String nonce;

    record Run(int exit, String out, String err) {}

    static Run teemate(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = Teemate.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(Stream.of(args).map(Object::toString).toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void attestAContainer() throws IOException {
        Files.writeString(dir.resolve("enclave.json"), """
                {"name": "web", "runtime": "teemate", "apps": ["wordcount"], "threads": 2, "heap_size": "256K",
                 "edmm": false, "isv_prod_id": 3, "isv_svn": 2}
                """);
        ContainerImage web1 = container("web-1");
        ContainerImage web2 = container("web-2");
        byte[] challenge = new byte[32];
        for (int i = 0; i < challenge.length; i++) {
            challenge[i] = (byte) (0xa0 + i);
        }

        Machine machine =
                Machine.builder().epcMiB(32).logicalProcessors(2).seed(8).build();
        Kernel kernel = new Kernel(machine);
        SgxDriver driver = new SgxDriver(kernel);
        PlatformPki pki = PlatformPki.fromSeed(8);
        try (ContainerManager manager = new ContainerManager(
                        kernel, driver, new TeeMateController(driver), Duration.ofSeconds(10), Duration.ZERO);
                QuotingService qs = QuotingService.start(kernel, driver, pki)) {
            Container c = manager.start(web1, Mode.SHARED);
            try {
                quote = Files.write(dir.resolve("web-1.quote"), manager.attest(c, qs, challenge));
            } finally {
                manager.stop(c);
            }
            root = Files.writeString(dir.resolve("root.pem"), qs.rootCertificatePem());
        }
        otherRoot = Files.writeString(
                dir.resolve("other-root.pem"), PlatformPki.fromSeed(9).rootCertificatePem());
        mrEnclave = HEX.formatHex(web1.enclave().mrEnclave());
        mrSigner = HEX.formatHex(web1.enclave().sigStruct().mrSigner());
        identity = web1.manifest().digestHex();
        otherIdentity = web2.manifest().digestHex();
        nonce = HEX.formatHex(challenge);
    }

    private static ContainerImage container(String name) throws IOException {
        Path manifest = Files.writeString(dir.resolve(name + ".json"), """
                {"name": "%s", "enclave_image": "enclave.json", "entry": "wordcount", "args": [], "env": {},
                 "files": []}
                """.formatted(name));
        AttachKeys.provision(manifest, false);
        return ContainerImage.load(manifest, OWNER);
    }

    private static List<Object> all(Object... overrides) {
        List<Object> args = new ArrayList<>(List.of(
                "attest",
                "verify",
                quote,
                "--root",
                root,
                "--mrenclave",
                mrEnclave,
                "--mrsigner",
                mrSigner,
                "--container",
                identity,
                "--nonce",
                nonce,
                "--min-isvsvn",
                2));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = args.indexOf(overrides[i]);
            if (at < 0) {
                args.add(overrides[i]);
                args.add(overrides[i + 1]);
            } else {
                args.set(at + 1, overrides[i + 1]);
            }
        }
        return args;
    }

    @Test
    void aGenuineQuoteOfTheExpectedContainerPassesEveryCheck() {
        Run r = teemate(all().toArray());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "PASS PCK certificate chain",
                        "PASS quote signature",
                        "PASS MRENCLAVE: MRENCLAVE is " + mrEnclave + " as expected",
                        "PASS MRSIGNER",
                        "PASS ISVSVN: ISVSVN is 2, at least 2",
                        "PASS REPORTDATA: REPORTDATA binds container identity " + identity + " and the expected nonce",
                        "PASS DEBUG attribute")
                .doesNotContain("FAIL")
                .endsWith("quote verified: all 11 checks passed\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anotherContainersIdentityIsRejectedWithTheReason() {
        Run r = teemate(all("--container", otherIdentity).toArray());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out())
                .contains("FAIL REPORTDATA: the container identity (REPORTDATA bytes 0..31) is " + identity
                        + ", expected " + otherIdentity + ": the quote speaks for another container")
                .contains("PASS MRENCLAVE")
                .endsWith("quote REJECTED: 1 of 11 checks failed\n");
    }

    @Test
    void anotherNonceWrongMeasurementsOrAnotherPlatformAreRejected() {
        Run staleNonce = teemate(all("--nonce", "00".repeat(32)).toArray());
        assertThat(staleNonce.exit()).isEqualTo(1);
        assertThat(staleNonce.out()).contains("FAIL REPORTDATA").contains("another challenge");

        Run wrongEnclave =
                teemate(all("--mrenclave", mrSigner, "--min-isvsvn", 3).toArray());
        assertThat(wrongEnclave.exit()).isEqualTo(1);
        assertThat(wrongEnclave.out())
                .contains("FAIL MRENCLAVE")
                .contains("other enclave code")
                .contains("FAIL ISVSVN: ISVSVN is 2, below the minimum 3")
                .endsWith("quote REJECTED: 2 of 11 checks failed\n");

        Run otherQe = teemate(all("--qe-mrsigner", mrSigner).toArray());
        assertThat(otherQe.exit()).isEqualTo(1);
        assertThat(otherQe.out())
                .contains("FAIL QE identity: the QE's MRSIGNER is ")
                .contains("expected " + mrSigner)
                .endsWith("quote REJECTED: 1 of 11 checks failed\n");
        Run otherProduct = teemate(all("--qe-isvprodid", 7).toArray());
        assertThat(otherProduct.out()).contains("FAIL QE identity: the QE's ISVPRODID is 1, expected 7");

        Run otherPlatform = teemate(all("--root", otherRoot).toArray());
        assertThat(otherPlatform.exit()).isEqualTo(1);
        assertThat(otherPlatform.out()).contains("FAIL PCK certificate chain").contains("another platform's PKI");
    }

    @Test
    void onlyTheRootIsNeededAndUncheckedValuesAreSaidToBeUnchecked() {
        Run r = teemate("attest", "verify", quote, "--root", root);
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("MRENCLAVE is " + mrEnclave + " (not checked: no expected value given)")
                .contains("REPORTDATA is " + identity);
    }

    @Test
    void aFileThatIsNotAQuoteFailsTheFormatCheck() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.quote"), "not a quote");
        Run r = teemate("attest", "verify", junk, "--root", root);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL quote format: not an ECDSA quote v3");
    }

    @Test
    void badHexIsUnreadableInputNamingTheOption() {
        Run notHex = teemate(all("--mrenclave", "zz" + mrEnclave.substring(2)).toArray());
        assertThat(notHex.exit()).isEqualTo(2);
        assertThat(notHex.err())
                .startsWith("teemate attest verify: --mrenclave: \"zz")
                .contains("is not hex");
        assertThat(notHex.out()).as("nothing is verified").isEmpty();

        Run shortDigest = teemate(all("--container", identity.substring(2)).toArray());
        assertThat(shortDigest.exit()).isEqualTo(2);
        assertThat(shortDigest.err()).contains("--container: expected 32 bytes (64 hex digits), got 31 bytes");

        Run badNonce = teemate(all("--nonce", "xyz").toArray());
        assertThat(badNonce.exit()).isEqualTo(2);
        assertThat(badNonce.err()).contains("--nonce:");
    }

    @Test
    void unreadableFilesAndHalfABindingAreUnreadableInput() throws IOException {
        Run noQuote = teemate(all().stream()
                .map(a -> a == quote ? dir.resolve("missing.quote") : a)
                .toArray());
        assertThat(noQuote.exit()).isEqualTo(2);
        assertThat(noQuote.err()).contains("QUOTE").contains("missing.quote").contains("no such file");

        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        Run badRoot = teemate("attest", "verify", quote, "--root", notPem);
        assertThat(badRoot.exit()).isEqualTo(2);
        assertThat(badRoot.err()).contains("--root").contains("not.pem").contains("not a PEM certificate");

        Run halfBinding = teemate("attest", "verify", quote, "--root", root, "--container", identity);
        assertThat(halfBinding.exit()).isEqualTo(2);
        assertThat(halfBinding.err()).contains("--container needs --nonce");

        Run noRoot = teemate("attest", "verify", quote);
        assertThat(noRoot.exit()).as("picocli usage error").isEqualTo(2);
        assertThat(noRoot.err()).contains("--root");
    }
}

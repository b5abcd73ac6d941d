package io.teemate.host.container;

import io.teemate.abi.attest.QuotingEnclaveAbi;
import io.teemate.abi.attest.ReportDataBinding;
import io.teemate.abi.attest.pki.PlatformPki;
import io.teemate.abi.attest.verify.Expectations;
import io.teemate.abi.attest.verify.QuoteVerifier;
import io.teemate.abi.attest.verify.Verification;
import io.teemate.abi.attest.verify.Verification.Check;
import io.teemate.host.attest.QuotingException;
import io.teemate.host.attest.QuotingService;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.Machine;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.ReportBody;
import io.teemate.sgx.struct.TargetInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Remote attestation of containers in both modes: the trusted runtime EREPORTs for the platform's quoting enclave
 * with REPORTDATA = container identity || SHA-256(nonce), the QE quotes it, and a verifier holding only the platform
 * root, the expected measurements, the container identity and its nonce accepts it, and says why it refuses
 * anything else.
 */
class ContainerAttestationTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    private final Machine machine =
            Machine.builder().epcMiB(64).logicalProcessors(2).seed(5).build();
    private final Kernel kernel = new Kernel(machine);
    private final SgxDriver driver = new SgxDriver(kernel);
    private final ContainerManager manager =
            new ContainerManager(kernel, driver, new TeeMateController(driver), Duration.ofSeconds(10), Duration.ZERO);
    private final PlatformPki pki = PlatformPki.fromSeed(5);
    private final QuotingService qs = QuotingService.start(kernel, driver, pki);
    private final List<Container> started = new ArrayList<>();

    @AfterEach
    void tearDown() {
        started.forEach(manager::stop);
        manager.close();
        qs.close();
    }

    private ImageFixture images() {
        return new ImageFixture(dir);
    }

    private ContainerImage web(ImageFixture f, Path enclave, String name) {
        return f.container(enclave, name, "wordcount", List.of("a.txt"), Map.of("a.txt", "one two\n"));
    }

    private Container start(ContainerImage image, Mode mode) {
        Container c = manager.start(image, mode);
        started.add(c);
        return c;
    }

    private static byte[] nonce(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a verifier of {@code image} expects: the platform root, its measurements, its identity and the nonce. */
    private Expectations.Builder expect(ContainerImage image, byte[] identity, byte[] nonce) {
        return Expectations.trusting(pki.rootCertificate())
                .mrEnclave(image.enclave().mrEnclave())
                .mrSigner(image.enclave().sigStruct().mrSigner())
                .minIsvSvn(image.enclave().manifest().isvSvn())
                .containerBinding(identity, nonce);
    }

    private static void assertOnlyFailure(Verification v, Check check, String... phrases) {
        assertThat(v.ok()).as(v.explain()).isFalse();
        assertThat(v.failures()).extracting(Verification.CheckResult::check).containsExactly(check);
        assertThat(v.result(check).explanation()).contains(phrases);
        assertThat(v.explain()).contains("FAIL " + check.title());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aContainersQuoteVerifiesAgainstItsMeasurementsIdentityAndNonce(Mode mode) {
        ImageFixture f = images();
        ContainerImage image = web(f, f.enclave("rt", "256K", false, 4, "wordcount"), "web-1");
        Container c = start(image, mode);
        byte[] nonce = nonce("challenge " + mode);

        byte[] quote = manager.attest(c, qs, nonce);

        Verification v = QuoteVerifier.verify(
                quote, expect(image, image.manifest().digest(), nonce).build());
        assertThat(v.ok()).as(v.explain()).isTrue();
        assertThat(v.checks()).extracting(Verification.CheckResult::check).containsExactly(Check.values());
        ReportBody body = v.quote().reportBody();
        assertThat(body.reportData())
                .isEqualTo(ReportDataBinding.reportData(image.manifest().digest(), nonce));
        assertThat(v.quote().signatureData().qeReportBody().mrEnclave())
                .isEqualTo(qs.qeSigStruct().enclaveHash());
        assertThat(v.explain()).endsWith("quote verified: all " + Check.values().length + " checks passed\n");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anotherContainersIdentityOrAnotherNonceIsRefusedAndSaysWhich(Mode mode) {
        ImageFixture f = images();
        Path enclave = f.enclave("rt", "256K", false, 4, "wordcount");
        ContainerImage web1 = web(f, enclave, "web-1");
        ContainerImage web2 = web(f, enclave, "web-2");
        Container c = start(web1, mode);
        byte[] nonce = nonce("fresh");
        byte[] quote = manager.attest(c, qs, nonce);

        Verification otherContainer = QuoteVerifier.verify(
                quote, expect(web1, web2.manifest().digest(), nonce).build());
        assertOnlyFailure(
                otherContainer,
                Check.REPORT_DATA,
                "another container",
                HEX.formatHex(web1.manifest().digest()),
                HEX.formatHex(web2.manifest().digest()));
        assertThat(otherContainer.result(Check.REPORT_DATA).explanation()).doesNotContain("another challenge");

        Verification otherNonce = QuoteVerifier.verify(
                quote, expect(web1, web1.manifest().digest(), nonce("stale")).build());
        assertOnlyFailure(otherNonce, Check.REPORT_DATA, "another challenge");
        assertThat(otherNonce.result(Check.REPORT_DATA).explanation()).doesNotContain("another container");
    }

    @Test
    void twoContainersInOneSharedEnclaveShareMrEnclaveButNotIdentity() {
        ImageFixture f = images();
        Path enclave = f.enclave("rt", "256K", false, 4, "wordcount");
        ContainerImage web1 = web(f, enclave, "web-1");
        ContainerImage web2 = web(f, enclave, "web-2");
        Container a = start(web1, Mode.SHARED);
        Container b = start(web2, Mode.SHARED);
        assertThat(a.enclaveId()).as("one enclave").isEqualTo(b.enclaveId());
        byte[] nonce = nonce("same challenge for both");

        Verification va = QuoteVerifier.verify(
                manager.attest(a, qs, nonce),
                expect(web1, web1.manifest().digest(), nonce).build());
        Verification vb = QuoteVerifier.verify(
                manager.attest(b, qs, nonce),
                expect(web2, web2.manifest().digest(), nonce).build());

        assertThat(va.ok()).as(va.explain()).isTrue();
        assertThat(vb.ok()).as(vb.explain()).isTrue();
        assertThat(va.quote().reportBody().mrEnclave())
                .isEqualTo(vb.quote().reportBody().mrEnclave())
                .isEqualTo(web1.enclave().mrEnclave());
        assertThat(ReportDataBinding.containerIdentity(va.quote().reportBody().reportData()))
                .isEqualTo(web1.manifest().digest())
                .isNotEqualTo(ReportDataBinding.containerIdentity(
                        vb.quote().reportBody().reportData()));
        // The measurements cannot tell the two apart; only the identity in REPORTDATA does.
        assertOnlyFailure(
                QuoteVerifier.verify(
                        manager.attest(b, qs, nonce),
                        expect(web1, web1.manifest().digest(), nonce).build()),
                Check.REPORT_DATA,
                "another container");
    }

    @Test
    void conventionalAndSharedQuotesOfOneImageMeasureTheSame() {
        ImageFixture f = images();
        ContainerImage image = web(f, f.enclave("rt", "256K", false, 4, "wordcount"), "web-1");
        byte[] nonce = nonce("n");
        Verification conventional = QuoteVerifier.verify(
                manager.attest(start(image, Mode.CONVENTIONAL), qs, nonce),
                expect(image, image.manifest().digest(), nonce).build());
        Verification shared = QuoteVerifier.verify(
                manager.attest(start(image, Mode.SHARED), qs, nonce),
                expect(image, image.manifest().digest(), nonce).build());
        assertThat(conventional.ok()).as(conventional.explain()).isTrue();
        assertThat(shared.ok()).as(shared.explain()).isTrue();
        assertThat(conventional.quote().rawReportBody())
                .as("same enclave, same container, same nonce")
                .isEqualTo(shared.quote().rawReportBody());
    }

    @Test
    void aReportForAnotherTargetIsNotQuoted() {
        ImageFixture f = images();
        ContainerImage image = web(f, f.enclave("rt", "256K", false, 4, "wordcount"), "web-1");
        Container c = start(image, Mode.SHARED);
        // A REPORT made for the container's own enclave: only that enclave can check its MAC, not the QE.
        var sig = image.enclave().sigStruct();
        TargetInfo self = new TargetInfo(sig.enclaveHash(), sig.attributes().with(Attributes.INIT), sig.miscSelect());
        byte[] report = manager.report(c, self, nonce("x"));
        assertThatThrownBy(() -> qs.quote(report))
                .isInstanceOfSatisfying(
                        QuotingException.class,
                        e -> assertThat(e.qeStatus()).isEqualTo(QuotingEnclaveAbi.ERROR_INVALID_REPORT))
                .hasMessageContaining("another target");
    }

    @Test
    void aNonceMustBe32Bytes() {
        ImageFixture f = images();
        Container c = start(web(f, f.enclave("rt", "256K", false, 4, "wordcount"), "web-1"), Mode.SHARED);
        assertThatThrownBy(() -> manager.attest(c, qs, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageContaining("got 31");
    }

    @Test
    void containersAttestConcurrentlyThroughOneQuotingService() throws Exception {
        ImageFixture f = images();
        Path enclave = f.enclave("rt", "256K", false, 4, "wordcount");
        List<ContainerImage> images = new ArrayList<>();
        List<Container> containers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ContainerImage image = web(f, enclave, "web-" + i);
            images.add(image);
            containers.add(start(image, Mode.SHARED));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Verification>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < containers.size(); i++) {
                    Container c = containers.get(i);
                    ContainerImage image = images.get(i);
                    byte[] nonce = nonce(round + "/" + i);
                    results.add(pool.submit(() -> QuoteVerifier.verify(
                            manager.attest(c, qs, nonce),
                            expect(image, image.manifest().digest(), nonce).build())));
                }
            }
            for (Future<Verification> r : results) {
                Verification v = r.get();
                assertThat(v.ok()).as(v.explain()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

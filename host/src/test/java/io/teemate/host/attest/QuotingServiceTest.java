package io.teemate.host.attest;

import io.teemate.abi.attest.QuotingEnclaveAbi;
import io.teemate.abi.attest.QuotingEnclaveImage;
import io.teemate.abi.attest.pki.PlatformPki;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.Machine;
import io.teemate.sgx.sign.SigningKey;
import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quoting stack's own behaviour; quotes of real container reports are in ContainerAttestationTest. */
class QuotingServiceTest {
    private final Machine machine =
            Machine.builder().epcMiB(16).logicalProcessors(2).seed(11).build();
    private final Kernel kernel = new Kernel(machine);
    private final SgxDriver driver = new SgxDriver(kernel);
    private final PlatformPki pki = PlatformPki.fromSeed(11);
    private static final SigningKey INTEL = SigningKey.generate();
    private final QuotingService qs = QuotingService.start(kernel, driver, pki, INTEL);

    @AfterEach
    void tearDown() {
        qs.close();
    }

    @Test
    void theQeRunsInItsOwnProcessWithTheProvisionKeyAttribute() {
        assertThat(qs.process().name()).isEqualTo("qe");
        assertThat(driver.stats().enclaves().get(qs.enclaveId()).pids())
                .containsExactly(qs.process().pid());
        assertThat(qs.qeTargetInfo())
                .as("what the running QE reports is what its SIGSTRUCT predicts")
                .isEqualTo(QuotingEnclaveImage.targetInfo(qs.qeSigStruct()));
        assertThat(qs.qeTargetInfo().attributes().has(Attributes.PROVISIONKEY | Attributes.INIT))
                .isTrue();
        assertThat(qs.qeTargetInfo().attributes().has(Attributes.DEBUG)).isFalse();
    }

    @Test
    void thePlatformPkiCertifiedTheQesPckKey() throws Exception {
        X509Certificate pck = qs.pckCertificate();
        pck.verify(pki.platformCaCertificate().getPublicKey());
        assertThat(qs.certificationChainPem()).isEqualTo(pki.certificationChainPem(pck));
        assertThat(qs.rootCertificatePem()).isEqualTo(pki.rootCertificatePem());
        assertThat(qs.rootCertificate()).isEqualTo(pki.rootCertificate());
    }

    @Test
    void theSamePlatformAndQeSignerGiveTheSamePckKeyAfterARestart() {
        X509Certificate first = qs.pckCertificate();
        qs.close();
        try (QuotingService again = QuotingService.start(kernel, driver, pki, INTEL)) {
            assertThat(again.pckCertificate().getPublicKey()).isEqualTo(first.getPublicKey());
        }
        // Another QE signer is another QE identity: the PROVISION key depends on MRSIGNER (SDM EGETKEY).
        try (QuotingService other = QuotingService.start(kernel, driver, pki)) {
            assertThat(other.pckCertificate().getPublicKey()).isNotEqualTo(first.getPublicKey());
        }
    }

    @Test
    void aReportTheQeCannotVerifyIsRefusedByName() {
        byte[] forged = new byte[Report.SIZE];
        Arrays.fill(forged, (byte) 0x5a);
        assertThatThrownBy(() -> qs.quote(forged))
                .isInstanceOfSatisfying(
                        QuotingException.class,
                        e -> assertThat(e.qeStatus()).isEqualTo(QuotingEnclaveAbi.ERROR_INVALID_REPORT))
                .hasMessageContaining("ECALL_QUOTE")
                .hasMessageContaining("MAC does not verify");
    }

    @Test
    void aReportOfTheWrongSizeIsRefusedBeforeTheQeSeesIt() {
        assertThatThrownBy(() -> qs.quote(new byte[431]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("432 bytes, got 431");
    }

    @Test
    void aClosedServiceEndsTheQeAndRefusesToQuote() {
        long id = qs.enclaveId();
        qs.close();
        assertThat(driver.alive(id)).isFalse();
        assertThat(qs.process().exited()).isTrue();
        assertThatThrownBy(() -> qs.quote(new byte[Report.SIZE]))
                .isInstanceOf(QuotingException.class)
                .hasMessageContaining("closed");
        qs.close(); // idempotent
    }
}

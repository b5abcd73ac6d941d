package io.teemate.sgx;

import io.teemate.sgx.struct.Attributes;
import io.teemate.sgx.struct.KeyRequest;
import io.teemate.sgx.struct.Report;
import io.teemate.sgx.struct.TargetInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** EREPORT and EGETKEY: local attestation between enclaves of one machine, and seal-key policies. */
class ReportAndKeyTest {
    private static final long OUT = Rig.UNTRUSTED + 4096;

    private final Rig rig = new Rig(11);
    private final Rig.TestEnclave a = rig.load(new TestProgram(), 0x1_0000_0000L);
    private final Rig.TestEnclave b = rig.load(new TestProgram.Other(), 0x2_0000_0000L);

    /** A report by {@code from} for {@code target}, as the host sees it in untrusted memory. */
    private byte[] report(Rig rig, Rig.TestEnclave from, Rig.TestEnclave target, int dataByte) {
        TargetInfo ti = new TargetInfo(
                target.mrEnclave(), target.sigStruct().attributes().with(Attributes.INIT), 0);
        rig.lp(0).write(Rig.UNTRUSTED, ti.toBytes(), 0, TargetInfo.SIZE);
        rig.call(rig.lp(0), from, 0, ExitHandler.RESUME_INTERRUPTS, TestProgram.REPORT, Rig.UNTRUSTED, OUT, dataByte);
        return rig.lp(0).read(OUT, Report.SIZE);
    }

    private boolean verifies(Rig rig, Rig.TestEnclave verifier, byte[] report) {
        rig.lp(0).write(OUT, report, 0, report.length);
        return rig.call(verifier, TestProgram.VERIFY_REPORT, OUT, 0) == 1;
    }

    @Test
    void aReportVerifiesInTheTargetEnclaveAndCarriesTheReportersIdentity() {
        byte[] raw = report(rig, a, b, 0x5C);
        Report r = Report.fromBytes(raw);
        assertThat(r.body().mrEnclave()).isEqualTo(a.mrEnclave());
        assertThat(r.body().mrSigner()).isEqualTo(EinitTest.sha256(a.sigStruct().modulus()));
        assertThat(r.body().isvProdId()).isEqualTo((short) 7);
        assertThat(r.body().isvSvn()).isEqualTo((short) 3);
        assertThat(r.body().attributes().has(Attributes.INIT)).isTrue();
        assertThat(r.body().reportData()).containsOnly((byte) 0x5C);
        assertThat(verifies(rig, b, raw)).isTrue();
    }

    @Test
    void aReportVerifiesOnlyInTheEnclaveItTargets() {
        byte[] raw = report(rig, a, b, 1);
        assertThat(verifies(rig, a, raw)).as("A is not the target").isFalse();
    }

    @Test
    void anyChangedByteOfTheBodyOrMacIsDetected() {
        byte[] raw = report(rig, a, b, 1);
        for (int offset : new int[] {0, 64, 128, 256, 320, 383, 416, 431}) {
            byte[] t = raw.clone();
            t[offset] ^= 0x40;
            assertThat(verifies(rig, b, t)).as("byte %d flipped", offset).isFalse();
        }
    }

    @Test
    void aReportFromAnotherMachineDoesNotVerify() {
        Rig other = new Rig(12);
        Rig.TestEnclave otherA = other.load(new TestProgram(), 0x1_0000_0000L);
        Rig.TestEnclave otherB = other.load(new TestProgram.Other(), 0x2_0000_0000L);
        assertThat(otherA.mrEnclave()).isEqualTo(a.mrEnclave());
        byte[] foreign = report(other, otherA, otherB, 1);
        assertThat(verifies(other, otherB, foreign)).isTrue();
        assertThat(verifies(rig, b, foreign)).isFalse();
    }

    private byte[] sealKey(Rig rig, Rig.TestEnclave e, int policy) {
        long status = rig.call(e, TestProgram.SEAL_KEY, policy, OUT);
        assertThat(status).isEqualTo(SgxStatus.SUCCESS.code());
        return rig.lp(0).read(OUT, 16);
    }

    @Test
    void sealKeysDependOnPolicyEnclaveSignerAndMachine() {
        byte[] aByEnclave = sealKey(rig, a, KeyRequest.POLICY_MRENCLAVE);
        byte[] aBySigner = sealKey(rig, a, KeyRequest.POLICY_MRSIGNER);
        byte[] bByEnclave = sealKey(rig, b, KeyRequest.POLICY_MRENCLAVE);
        byte[] bBySigner = sealKey(rig, b, KeyRequest.POLICY_MRSIGNER);

        assertThat(aByEnclave).isNotEqualTo(aBySigner);
        assertThat(aByEnclave).as("different code").isNotEqualTo(bByEnclave);
        assertThat(aBySigner).as("same signer, same product").isEqualTo(bBySigner);
        assertThat(sealKey(rig, a, KeyRequest.POLICY_MRENCLAVE))
                .as("deterministic")
                .isEqualTo(aByEnclave);

        Rig.TestEnclave otherSigner = rig.load(new TestProgram(), 0x3_0000_0000L, Rig.OTHER_KEY, 0);
        assertThat(sealKey(rig, otherSigner, KeyRequest.POLICY_MRSIGNER)).isNotEqualTo(aBySigner);
        assertThat(sealKey(rig, otherSigner, KeyRequest.POLICY_MRENCLAVE))
                .as("same MRENCLAVE, same machine")
                .isEqualTo(aByEnclave);

        Rig other = new Rig(99);
        Rig.TestEnclave there = other.load(new TestProgram(), 0x1_0000_0000L);
        assertThat(sealKey(other, there, KeyRequest.POLICY_MRENCLAVE))
                .as("another machine")
                .isNotEqualTo(aByEnclave);
    }

    @Test
    void theSameSeedMakesTheSamePlatform() {
        Rig twin = new Rig(11);
        Rig.TestEnclave twinA = twin.load(new TestProgram(), 0x1_0000_0000L);
        assertThat(sealKey(twin, twinA, KeyRequest.POLICY_MRENCLAVE))
                .isEqualTo(sealKey(rig, a, KeyRequest.POLICY_MRENCLAVE));
    }
}

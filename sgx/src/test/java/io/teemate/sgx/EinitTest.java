package io.teemate.sgx;

import io.teemate.sgx.loader.BareMetalLoader;
import io.teemate.sgx.loader.EinitException;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.mmu.MapPageTable;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.struct.SigStruct;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EINIT's SIGSTRUCT checks (SDM Vol.3D EINIT): signature, Q1/Q2, header, measurement, attributes, launch key. */
class EinitTest {
    private final EnclaveLayout layout = MeasurementKnownAnswerTest.katLayout();
    private final SigStruct good = SigStructBuilder.forEnclave(layout.mrEnclave())
            .isvProdId(5)
            .isvSvn(2)
            .sign(Rig.KEY);

    private SgxStatus einit(SigStruct sig) {
        Machine m = Machine.builder().epcMiB(1).seed(2).build();
        BareMetalLoader loader = new BareMetalLoader(m);
        LogicalProcessor lp = m.processor(0);
        var e = loader.create(lp, layout, good.attributes(), good.miscSelect(), 0x4000_0000L, new MapPageTable());
        lp.writeLePubKeyHash(sha256(sig.modulus()));
        return lp.einit(sig, e.secsPage());
    }

    /** Re-encodes {@code good} with one byte changed at {@code offset}. */
    private SigStruct flip(int offset) {
        byte[] raw = good.toBytes();
        raw[offset] ^= 0x01;
        return SigStruct.fromBytes(raw);
    }

    @Test
    void aProperlySignedSigstructInitializes() {
        assertThat(einit(good)).isEqualTo(SgxStatus.SUCCESS);
    }

    @Test
    void tamperingWithAnySignedFieldBreaksTheSignature() {
        assertThat(einit(flip(1026))).as("ISVSVN").isEqualTo(SgxStatus.INVALID_SIGNATURE);
        assertThat(einit(flip(960))).as("ENCLAVEHASH").isEqualTo(SgxStatus.INVALID_SIGNATURE);
        assertThat(einit(flip(928))).as("ATTRIBUTES").isEqualTo(SgxStatus.INVALID_SIGNATURE);
        assertThat(einit(flip(20))).as("DATE").isEqualTo(SgxStatus.INVALID_SIGNATURE);
    }

    @Test
    void tamperingWithSignatureModulusOrQValuesIsRejected() {
        assertThat(einit(flip(516))).as("SIGNATURE").isEqualTo(SgxStatus.INVALID_SIGNATURE);
        assertThat(einit(flip(128))).as("MODULUS").isEqualTo(SgxStatus.INVALID_SIGNATURE);
        assertThat(einit(flip(1040))).as("Q1").isEqualTo(SgxStatus.INVALID_SIGNATURE);
        assertThat(einit(flip(1424))).as("Q2").isEqualTo(SgxStatus.INVALID_SIGNATURE);
    }

    @Test
    void malformedHeadersVendorsAndExponentsAreNotSigstructs() {
        assertThat(einit(flip(0))).as("HEADER").isEqualTo(SgxStatus.INVALID_SIG_STRUCT);
        assertThat(einit(flip(24))).as("HEADER2").isEqualTo(SgxStatus.INVALID_SIG_STRUCT);
        assertThat(einit(flip(16))).as("VENDOR").isEqualTo(SgxStatus.INVALID_SIG_STRUCT);
        assertThat(einit(flip(512))).as("EXPONENT").isEqualTo(SgxStatus.INVALID_SIG_STRUCT);
    }

    @Test
    void aValidSignatureOverAnotherMeasurementIsRejected() {
        byte[] wrong = layout.mrEnclave();
        wrong[0] ^= 1;
        assertThat(einit(SigStructBuilder.forEnclave(wrong).sign(Rig.KEY))).isEqualTo(SgxStatus.INVALID_MEASUREMENT);
    }

    @Test
    void signedAttributesMustMatchTheSecsUnderTheMask() {
        Machine m = Machine.builder().epcMiB(1).seed(2).build();
        LogicalProcessor lp = m.processor(0);
        var e = new BareMetalLoader(m)
                .create(lp, layout, EnclaveLayout.defaultAttributes(true), 0, 0x4000_0000L, new MapPageTable());
        lp.writeLePubKeyHash(sha256(good.modulus()));
        assertThat(lp.einit(good, e.secsPage()))
                .as("SECS has DEBUG, SIGSTRUCT does not")
                .isEqualTo(SgxStatus.INVALID_ATTRIBUTE);
    }

    @Test
    void withoutATokenOnlyTheKeyInTheLaunchMsrIsAccepted() {
        Machine m = Machine.builder().epcMiB(1).seed(2).build();
        LogicalProcessor lp = m.processor(0);
        var e = new BareMetalLoader(m).create(lp, layout, good.attributes(), 0, 0x4000_0000L, new MapPageTable());
        assertThat(lp.einit(good, e.secsPage())).isEqualTo(SgxStatus.INVALID_EINITTOKEN);
        lp.writeLePubKeyHash(sha256(good.modulus()));
        assertThat(lp.einit(good, e.secsPage()))
                .as("a failed EINIT leaves the enclave initializable")
                .isEqualTo(SgxStatus.SUCCESS);
        assertThatThrownBy(() -> lp.einit(good, e.secsPage()))
                .isInstanceOf(GeneralProtectionFault.class)
                .hasMessageContaining("already initialized");
    }

    @Test
    void theLoaderReportsRefusalsAndFreesTheEpc() {
        Machine m = Machine.builder().epcMiB(1).seed(2).build();
        BareMetalLoader loader = new BareMetalLoader(m);
        assertThatThrownBy(() -> loader.load(m.processor(0), layout, flip(516), 0x4000_0000L, new MapPageTable()))
                .isInstanceOf(EinitException.class)
                .hasMessageContaining("INVALID_SIGNATURE");
        assertThat(loader.framesInUse()).isZero();
        assertThat(m.probe().epcPagesInUse()).isZero();
    }

    @Test
    void mrSignerIsTheHashOfTheLittleEndianModulus() {
        assertThat(SigStructBuilder.mrSigner(Rig.KEY)).isEqualTo(sha256(good.modulus()));
        byte[] be = Rig.KEY.publicKey().getModulus().toByteArray();
        assertThat(good.modulus()[0]).as("least significant byte first").isEqualTo(be[be.length - 1]);
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

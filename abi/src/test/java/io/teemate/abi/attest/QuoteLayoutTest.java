package io.teemate.abi.attest;

import io.teemate.sgx.struct.ReportBody;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The byte layout of sgx_quote3_t and sgx_ql_ecdsa_sig_data_t (intel/SGXDataCenterAttestationPrimitives
 * QuoteGeneration/quote_wrapper/common/inc/sgx_quote_3.h): a quote whose every field holds a distinct marker is
 * serialized and each marker is found at the offset the header file gives.
 */
class QuoteLayoutTest {
    static byte[] filled(int length, int marker) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) marker);
        return b;
    }

    static Quote markedQuote(int authLength, byte[] certData) {
        QuoteHeader header = new QuoteHeader(
                (short) 3, (short) 2, 0x0A0B0C0D, (short) 0x1122, (short) 0x3344, filled(16, 0xA1), filled(20, 0xA2));
        QuoteSignatureData sig = new QuoteSignatureData(
                filled(64, 0xB1),
                filled(64, 0xB2),
                filled(384, 0xB3),
                filled(64, 0xB4),
                filled(authLength, 0xB5),
                new CertificationData((short) 5, certData));
        return new Quote(header, filled(384, 0xC1), sig);
    }

    @Test
    void offsetsAreThoseOfTheHeaderFile() {
        assertThat(QuoteHeader.SIZE).isEqualTo(48);
        assertThat(new int[] {
                    QuoteHeader.OFFSET_VERSION,
                    QuoteHeader.OFFSET_ATT_KEY_TYPE,
                    QuoteHeader.OFFSET_ATT_KEY_DATA_0,
                    QuoteHeader.OFFSET_QE_SVN,
                    QuoteHeader.OFFSET_PCE_SVN,
                    QuoteHeader.OFFSET_VENDOR_ID,
                    QuoteHeader.OFFSET_USER_DATA
                })
                .containsExactly(0, 2, 4, 8, 10, 12, 28);
        assertThat(new int[] {
                    Quote.OFFSET_HEADER,
                    Quote.OFFSET_REPORT_BODY,
                    Quote.OFFSET_SIGNATURE_DATA_LEN,
                    Quote.OFFSET_SIGNATURE_DATA
                })
                .containsExactly(0, 48, 432, 436);
        assertThat(new int[] {
                    QuoteSignatureData.OFFSET_SIGNATURE,
                    QuoteSignatureData.OFFSET_ATTEST_PUB_KEY,
                    QuoteSignatureData.OFFSET_QE_REPORT,
                    QuoteSignatureData.OFFSET_QE_REPORT_SIG,
                    QuoteSignatureData.OFFSET_AUTH_DATA
                })
                .containsExactly(0, 64, 128, 512, 576);
        assertThat(Quote.size(32, 100)).isEqualTo(436 + 576 + 2 + 32 + 6 + 100);
    }

    @Test
    void everyFieldLandsAtItsOffset() {
        byte[] cert = "-----BEGIN CERTIFICATE-----".getBytes();
        byte[] q = markedQuote(32, cert).toBytes();
        ByteBuffer b = ByteBuffer.wrap(q).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(q).hasSize(Quote.size(32, cert.length));
        assertThat(Arrays.copyOfRange(q, 0, 12))
                .containsExactly(0x03, 0x00, 0x02, 0x00, 0x0D, 0x0C, 0x0B, 0x0A, 0x22, 0x11, 0x44, 0x33);
        assertThat(Arrays.copyOfRange(q, 12, 28)).containsOnly(0xA1);
        assertThat(Arrays.copyOfRange(q, 28, 48)).containsOnly(0xA2);
        assertThat(Arrays.copyOfRange(q, 48, 432)).containsOnly(0xC1);
        assertThat(b.getInt(432)).isEqualTo(q.length - 436).isEqualTo(576 + 2 + 32 + 6 + cert.length);
        assertThat(Arrays.copyOfRange(q, 436, 500)).containsOnly(0xB1); // sig
        assertThat(Arrays.copyOfRange(q, 500, 564)).containsOnly(0xB2); // attest_pub_key
        assertThat(Arrays.copyOfRange(q, 564, 948)).containsOnly(0xB3); // qe3_report
        assertThat(Arrays.copyOfRange(q, 948, 1012)).containsOnly(0xB4); // qe3_report_sig
        assertThat(b.getShort(1012)).isEqualTo((short) 32); // sgx_ql_auth_data_t.size
        assertThat(Arrays.copyOfRange(q, 1014, 1046)).containsOnly(0xB5); // auth_data
        assertThat(b.getShort(1046)).isEqualTo((short) 5); // cert_key_type = PCK_CERT_CHAIN
        assertThat(b.getInt(1048)).isEqualTo(cert.length); // size
        assertThat(Arrays.copyOfRange(q, 1052, q.length)).isEqualTo(cert);
    }

    @Test
    void parseReadsBackWhatToBytesWrote() {
        Quote q = markedQuote(7, new byte[] {1, 2, 3});
        assertThat(Quote.parse(q.toBytes())).isEqualTo(q);
        Quote empty = markedQuote(0, new byte[0]);
        assertThat(Quote.parse(empty.toBytes())).isEqualTo(empty);
        assertThat(q.signedBytes()).isEqualTo(Arrays.copyOf(q.toBytes(), 432));
    }

    @Test
    void theReportBodyKeepsReservedBytes() {
        byte[] q = markedQuote(0, new byte[0]).toBytes();
        byte[] body = Arrays.copyOfRange(Quote.parse(q).toBytes(), 48, 432);
        assertThat(body).containsOnly(0xC1); // ReportBody would have zeroed reserved bytes
        assertThat(Quote.parse(q).reportBody().mrEnclave()).containsOnly(0xC1);
        assertThat(ReportBody.OFFSET_REPORTDATA).isEqualTo(320);
    }

    private static void refused(byte[] bytes, String field, int offset, String phrase) {
        assertThatThrownBy(() -> Quote.parse(bytes))
                .isInstanceOfSatisfying(QuoteFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.offset()).isEqualTo(offset);
                })
                .hasMessageContaining(field)
                .hasMessageContaining("offset " + offset)
                .hasMessageContaining(phrase);
    }

    @Test
    void malformedQuotesAreRefusedNamingFieldAndOffset() {
        byte[] q = markedQuote(32, "abc".getBytes()).toBytes();
        refused(Arrays.copyOf(q, 47), "header", 0, "shorter than the 48-byte header");
        refused(Arrays.copyOf(q, 300), "report_body", 48, "too short");
        refused(Arrays.copyOf(q, 434), "signature_data_len", 432, "too short");
        refused(Arrays.copyOf(q, q.length - 1), "signature_data_len", 432, "truncated");

        byte[] v4 = q.clone();
        v4[0] = 4;
        refused(v4, "version", 0, "version 4 is not supported");
        byte[] p384 = q.clone();
        p384[2] = 3;
        refused(p384, "att_key_type", 2, "only 2 = ECDSA-256-with-P-256");

        byte[] trailing = Arrays.copyOf(q, q.length + 5);
        refused(trailing, "signature_data", q.length, "5 bytes follow");

        byte[] bigAuth = q.clone();
        ByteBuffer.wrap(bigAuth).order(ByteOrder.LITTLE_ENDIAN).putShort(1012, (short) 0x7000);
        refused(bigAuth, "sgx_ql_auth_data_t.size", 1012, "auth data of 28672 bytes");

        byte[] bigCert = q.clone();
        ByteBuffer.wrap(bigCert).order(ByteOrder.LITTLE_ENDIAN).putInt(1048, 4);
        refused(bigCert, "sgx_ql_certification_data_t.size", 1048, "says 4 bytes");

        byte[] smallCert = q.clone();
        ByteBuffer.wrap(smallCert).order(ByteOrder.LITTLE_ENDIAN).putInt(1048, 1);
        refused(smallCert, "signature_data", 1053, "not part of any field");

        byte[] shortSig = q.clone();
        ByteBuffer.wrap(shortSig).order(ByteOrder.LITTLE_ENDIAN).putInt(432, 100);
        refused(Arrays.copyOf(shortSig, 536), "sig .. qe3_report_sig, auth data size", 436, "576 bytes");
    }
}

package io.teemate.abi.attest;

/**
 * The call interface of the quoting enclave (QE): what the platform's quoting service on the host and the QE inside
 * its enclave both compile against, as {@code sgx_qe_get_target_info} / {@code sgx_qe_get_quote} and the QE's EDL
 * are in DCAP. Nothing else crosses the boundary between them.
 * <p>Ecall number in RDI; buffers are in untrusted memory; the result is in RAX (a negative value is one of the
 * {@link Status} codes).
 * <ul>
 * <li>{@link #ECALL_QUOTE}: RSI = a REPORT (432 B) the application made with EREPORT for the QE's TARGETINFO,
 *     RDX = output buffer, R8 = its capacity, R9 = certification data (the PEM PCK chain the platform's PKI issued
 *     for this QE), R10 = its length (at most {@link #MAX_CERTIFICATION_DATA}). RAX = the quote's length
 *     ({@link #quoteSize(int)} tells it in advance). The QE refuses a REPORT whose MAC it cannot verify with its own
 *     REPORT key ({@link Status#INVALID_REPORT}), then signs header || report body with its attestation key. The
 *     untrusted side supplies the certification data, as DCAP's quote library does; the QE does not vouch for it,
 *     the verifier checks it.</li>
 * <li>{@link #ECALL_PCK_REQUEST}: RSI = output buffer, RDX = its capacity. Writes a {@link PckCertificationRequest}
 *     (512 B): what the platform's PKI needs to issue this QE's PCK certificate. RAX = 512.</li>
 * <li>{@link #ECALL_TARGET_INFO}: RSI = output buffer (512 B). Writes the QE's TARGETINFO, taken from its own
 *     report (as {@code sgx_qe_get_target_info} does). RAX = 0.</li>
 * </ul>
 * Every quote carries {@link #authData()} as its auth data. How the QE is laid out and signed is
 * {@link QuotingEnclaveImage}; its code image is the enclave binary {@link #NAME}.
 */
public final class QuotingEnclaveAbi {
    private QuotingEnclaveAbi() {}

    /** Its name as an enclave binary: what a loader asks {@code EnclaveBinaries} for. */
    public static final String NAME = "quoting-enclave";

    public static final long ECALL_QUOTE = 1;
    public static final long ECALL_PCK_REQUEST = 2;
    public static final long ECALL_TARGET_INFO = 3;

    /** Largest certification data the QE copies into a quote. */
    public static final int MAX_CERTIFICATION_DATA = 64 * 1024;
    /** Length of {@link #authData()}. */
    public static final int AUTH_DATA_LENGTH = 32;

    /**
     * Why the QE refused an ecall: its negative RAX. One table: the {@code ERROR_*} constants below come from it, and
     * so does the explanation the host gives.
     */
    public enum Status {
        /** The REPORT's MAC does not verify with this QE's REPORT key: forged, altered, or made for another enclave. */
        INVALID_REPORT(
                -1,
                "the REPORT's MAC does not verify with the QE's report key: it was made for another target"
                        + " than the QE's TARGETINFO, or altered, or forged"),
        /** The output buffer is smaller than the quote (or the 512-byte PCK request). */
        BUFFER_TOO_SMALL(-2, "the output buffer is too small"),
        /** The certification data length is negative or above {@link #MAX_CERTIFICATION_DATA}. */
        CERTIFICATION_DATA(-3, "the certification data is larger than " + MAX_CERTIFICATION_DATA + " bytes"),
        /** EGETKEY(PROVISION) was refused: the QE was not launched with ATTRIBUTES.PROVISIONKEY. */
        NO_PROVISION_KEY(-4, "EGETKEY(PROVISION) was refused: the QE was launched without ATTRIBUTES.PROVISIONKEY"),
        /** RDI named no ecall. */
        UNKNOWN_ECALL(-5, "the QE does not know this ecall");

        private final long code;
        private final String explanation;

        Status(long code, String explanation) {
            this.code = code;
            this.explanation = explanation;
        }

        /** The value in RAX. */
        public long code() {
            return code;
        }

        /** What the refusal means, for a message. */
        public String explanation() {
            return explanation;
        }

        /** The status with this code, or null for a code the QE does not define. */
        public static Status of(long code) {
            for (Status s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            return null;
        }
    }

    public static final long ERROR_INVALID_REPORT = Status.INVALID_REPORT.code();
    public static final long ERROR_BUFFER_TOO_SMALL = Status.BUFFER_TOO_SMALL.code();
    public static final long ERROR_CERTIFICATION_DATA = Status.CERTIFICATION_DATA.code();
    public static final long ERROR_NO_PROVISION_KEY = Status.NO_PROVISION_KEY.code();
    public static final long ERROR_UNKNOWN_ECALL = Status.UNKNOWN_ECALL.code();

    private static final byte[] AUTH_DATA = authDataBytes();

    /**
     * The auth data the QE puts in every quote (sgx_ql_auth_data_t): the 32 bytes 0x00, 0x01, ..., 0x1f. DCAP lets
     * the attestation key's owner choose them; they are hashed with the attestation key into the QE report.
     */
    public static byte[] authData() {
        return AUTH_DATA.clone();
    }

    /** The length of the QE's quote with {@code certificationDataLength} bytes of certification data. */
    public static int quoteSize(int certificationDataLength) {
        return Quote.size(AUTH_DATA_LENGTH, certificationDataLength);
    }

    private static byte[] authDataBytes() {
        byte[] a = new byte[AUTH_DATA_LENGTH];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) i;
        }
        return a;
    }
}

package io.teemate.abi.attest.verify;

import io.teemate.abi.attest.QuotingEnclaveImage;

import java.util.HexFormat;

/**
 * The quoting enclave a verifier accepts, as a DCAP verifier takes it from Intel's QE identity: the QE report's
 * MRSIGNER (null: not checked), ISVPRODID and lowest acceptable ISVSVN. The PCK chain alone proves only that some
 * enclave on a certified platform holding the PCK key signed; this says which one.
 * <p>The default, {@link #teemate()}, is this project's quoting enclave
 * ({@link QuotingEnclaveImage}): ISVPRODID {@value QuotingEnclaveImage#ISVPRODID}, ISVSVN at least
 * {@value QuotingEnclaveImage#ISVSVN}. Its MRSIGNER is the key the
 * platform's quoting service signed it with (the emulator's stand-in for Intel's QE signing key, made by each
 * {@code QuotingService}), so it has no fixed default: give it with {@link #withMrSigner} (teemate attest verify
 * {@code --qe-mrsigner}; teemate run --quote-dir prints it).
 */
public record QeIdentity(byte[] mrSigner, int isvProdId, int minIsvSvn) {
    public QeIdentity {
        if (mrSigner != null) {
            if (mrSigner.length != 32) {
                throw new IllegalArgumentException("expected QE MRSIGNER must be 32 bytes, got " + mrSigner.length);
            }
            mrSigner = mrSigner.clone();
        }
        if (isvProdId < 0 || isvProdId > 0xFFFF) {
            throw new IllegalArgumentException("expected QE ISVPRODID " + isvProdId + " is not a u16");
        }
        if (minIsvSvn < 0 || minIsvSvn > 0xFFFF) {
            throw new IllegalArgumentException("minimum QE ISVSVN " + minIsvSvn + " is not a u16");
        }
    }

    /** This project's quoting enclave, with its MRSIGNER not checked until given. */
    public static QeIdentity teemate() {
        return new QeIdentity(null, QuotingEnclaveImage.ISVPRODID, QuotingEnclaveImage.ISVSVN);
    }

    public QeIdentity withMrSigner(byte[] value) {
        return new QeIdentity(value, isvProdId, minIsvSvn);
    }

    public QeIdentity withIsvProdId(int value) {
        return new QeIdentity(mrSigner, value, minIsvSvn);
    }

    public QeIdentity withMinIsvSvn(int value) {
        return new QeIdentity(mrSigner, isvProdId, value);
    }

    @Override
    public byte[] mrSigner() {
        return mrSigner == null ? null : mrSigner.clone();
    }

    @Override
    public String toString() {
        return "QE identity (MRSIGNER "
                + (mrSigner == null ? "any" : HexFormat.of().formatHex(mrSigner)) + ", ISVPRODID " + isvProdId
                + ", ISVSVN >= " + minIsvSvn + ")";
    }
}

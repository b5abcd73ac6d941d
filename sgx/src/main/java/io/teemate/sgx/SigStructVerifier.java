package io.teemate.sgx;

import io.teemate.sgx.sign.Rsa3072;
import io.teemate.sgx.struct.SigStruct;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;

/**
 * EINIT's SIGSTRUCT checks (SDM Vol.3D EINIT and "Enclave Signature Structure (SIGSTRUCT)"): the fixed header
 * bytes, the vendor, an RSA-3072 key with exponent 3, Q1/Q2 consistent with the signature, and an
 * RSASSA-PKCS1-v1_5 SHA-256 signature over bytes 0..127 and 900..1027. Numbers in SIGSTRUCT are little-endian.
 */
final class SigStructVerifier {
    private static final int MODULUS_BITS = 3072;

    private SigStructVerifier() {}

    static SgxStatus verify(SigStruct sig) {
        if (!Arrays.equals(sig.header(), SigStruct.architecturalHeader())
                || !Arrays.equals(sig.header2(), SigStruct.architecturalHeader2())) {
            return SgxStatus.INVALID_SIG_STRUCT;
        }
        if (sig.vendor() != 0 && sig.vendor() != 0x8086) {
            return SgxStatus.INVALID_SIG_STRUCT;
        }
        if (sig.exponent() != 3) {
            return SgxStatus.INVALID_SIG_STRUCT;
        }
        BigInteger n = Rsa3072.fromLittleEndian(sig.modulus());
        if (n.bitLength() != MODULUS_BITS) {
            return SgxStatus.INVALID_SIG_STRUCT;
        }
        BigInteger s = Rsa3072.fromLittleEndian(sig.signature());
        if (s.compareTo(n) >= 0) {
            return SgxStatus.INVALID_SIGNATURE;
        }
        // The hardware verifies s^3 mod n through Q1 = floor(s^2 / n) and Q2 = floor((s^3 - Q1*s*n) / n).
        if (!Rsa3072.q1(s, n).equals(Rsa3072.fromLittleEndian(sig.q1()))
                || !Rsa3072.q2(s, n).equals(Rsa3072.fromLittleEndian(sig.q2()))) {
            return SgxStatus.INVALID_SIGNATURE;
        }
        try {
            PublicKey key =
                    KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, BigInteger.valueOf(3)));
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(key);
            v.update(sig.signedBytes());
            return v.verify(Rsa3072.toBigEndian(s)) ? SgxStatus.SUCCESS : SgxStatus.INVALID_SIGNATURE;
        } catch (GeneralSecurityException e) {
            return SgxStatus.INVALID_SIGNATURE;
        }
    }
}

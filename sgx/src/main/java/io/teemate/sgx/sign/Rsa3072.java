package io.teemate.sgx.sign;

import java.math.BigInteger;

/**
 * RSA-3072 numbers as SIGSTRUCT stores them: 384-byte little-endian integers (SDM Vol.3D "Enclave Signature
 * Structure (SIGSTRUCT)"), with the Q1/Q2 helper values EINIT uses to check s^3 mod n (Q1 = floor(s^2/n),
 * Q2 = floor((s^3 - Q1*s*n)/n)).
 */
public final class Rsa3072 {
    public static final int BYTES = 384;

    private Rsa3072() {}

    public static BigInteger fromLittleEndian(byte[] le) {
        byte[] be = le.clone();
        for (int i = 0, j = be.length - 1; i < j; i++, j--) {
            byte t = be[i];
            be[i] = be[j];
            be[j] = t;
        }
        return new BigInteger(1, be);
    }

    /** {@code v} as exactly {@link #BYTES} little-endian bytes. */
    public static byte[] toLittleEndian(BigInteger v) {
        byte[] be = toBigEndian(v);
        byte[] le = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            le[i] = be[BYTES - 1 - i];
        }
        return le;
    }

    /** {@code v} as exactly {@link #BYTES} big-endian bytes (what JCA signatures use). */
    public static byte[] toBigEndian(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > BYTES * 8) {
            throw new IllegalArgumentException("value does not fit in " + BYTES + " unsigned bytes");
        }
        byte[] raw = v.toByteArray();
        byte[] out = new byte[BYTES];
        int copy = Math.min(raw.length, BYTES);
        System.arraycopy(raw, raw.length - copy, out, BYTES - copy, copy);
        return out;
    }

    public static BigInteger q1(BigInteger s, BigInteger n) {
        return s.multiply(s).divide(n);
    }

    public static BigInteger q2(BigInteger s, BigInteger n) {
        return s.pow(3).subtract(q1(s, n).multiply(s).multiply(n)).divide(n);
    }
}

package io.teemate.sgx.sign;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;

/** An enclave signing key: RSA-3072 with public exponent 3, the only kind EINIT accepts (SDM Vol.3D EINIT). */
public final class SigningKey {
    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;

    public SigningKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        if (publicKey.getModulus().bitLength() != 3072) {
            throw new IllegalArgumentException("SGX signing keys are RSA-3072, this one has "
                    + publicKey.getModulus().bitLength() + " bits");
        }
        if (!publicKey.getPublicExponent().equals(BigInteger.valueOf(3))) {
            throw new IllegalArgumentException(
                    "SGX signing keys have public exponent 3, this one has " + publicKey.getPublicExponent());
        }
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** A fresh key (takes a moment: 3072-bit primes). */
    public static SigningKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(3072, BigInteger.valueOf(3)));
            KeyPair kp = g.generateKeyPair();
            return new SigningKey((RSAPublicKey) kp.getPublic(), (RSAPrivateKey) kp.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate RSA-3072 keys", e);
        }
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The private half: for signers other than SIGSTRUCT's (container policies) and for writing key files. */
    public RSAPrivateKey privateKey() {
        return privateKey;
    }
}

package io.teemate.abi.image;

import io.teemate.sgx.sign.SigningKey;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * Enclave signing key files: PEM, RSA-3072 with public exponent 3, unencrypted, like the key that
 * {@code gramine-sgx-gen-private-key} or {@code openssl genrsa -3 3072} writes. Reads PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}) and PKCS#8 ({@code BEGIN PRIVATE KEY}); writes PKCS#1 as Gramine does.
 * Every refusal is a {@link SigningKeyException} that names the file and what is wrong with it.
 */
public final class SigningKeys {
    private static final String PKCS1 = "RSA PRIVATE KEY";
    private static final String PKCS8 = "PRIVATE KEY";
    private static final String HOW_TO_MAKE = "make one with `teemate sign --generate-key` or `openssl genrsa -3 3072`";

    private SigningKeys() {}

    /** A key file the user gave us that is not an SGX signing key. */
    public static final class SigningKeyException extends RuntimeException {
        public SigningKeyException(String message) {
            super(message);
        }
    }

    public static SigningKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new SigningKeyException(file + ": cannot read the key file: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses PEM text; {@code name} is what errors call it. */
    public static SigningKey parse(String pem, String name) {
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new SigningKeyException(name + ": not a PEM file (" + e.getMessage() + ")");
        }
        if (object == null) {
            throw new SigningKeyException(name + ": not a PEM file (no -----BEGIN ...----- line); " + HOW_TO_MAKE);
        }
        String type = object.getType();
        if (type.equals("ENCRYPTED PRIVATE KEY")
                || (type.equals(PKCS1) && !object.getHeaders().isEmpty())) {
            throw new SigningKeyException(name + ": the key is encrypted; give an unencrypted key "
                    + "(e.g. openssl pkey -in KEY -out PLAIN.pem)");
        }
        if (type.endsWith("PUBLIC KEY") || type.equals("CERTIFICATE")) {
            throw new SigningKeyException(name + ": holds a " + type.toLowerCase() + ", signing needs the private key");
        }
        RSAPrivateKey rsa;
        try {
            if (type.equals(PKCS1)) {
                rsa = RSAPrivateKey.getInstance(object.getContent());
            } else if (type.equals(PKCS8)) {
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(object.getContent());
                if (!info.getPrivateKeyAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
                    throw new SigningKeyException(name + ": is not an RSA key (algorithm "
                            + info.getPrivateKeyAlgorithm().getAlgorithm() + "); SGX signs with RSA-3072");
                }
                rsa = RSAPrivateKey.getInstance(info.parsePrivateKey());
            } else {
                throw new SigningKeyException(name + ": PEM type \"" + type + "\" is not a private key (expected \""
                        + PKCS1 + "\" or \"" + PKCS8 + "\")");
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new SigningKeyException(name + ": the " + type + " does not decode: " + e.getMessage());
        }
        BigInteger n = rsa.getModulus();
        if (n.bitLength() != 3072) {
            throw new SigningKeyException(name + ": is a " + n.bitLength() + "-bit RSA key; SGX needs RSA-3072 "
                    + "(SDM Vol.3D 37.14); " + HOW_TO_MAKE);
        }
        if (!rsa.getPublicExponent().equals(BigInteger.valueOf(3))) {
            throw new SigningKeyException(name + ": has public exponent " + rsa.getPublicExponent()
                    + "; SGX needs 3 (SDM Vol.3D 37.14); " + HOW_TO_MAKE);
        }
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            RSAPublicKey pub = (RSAPublicKey) kf.generatePublic(new RSAPublicKeySpec(n, rsa.getPublicExponent()));
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kf.generatePrivate(new RSAPrivateCrtKeySpec(
                    n,
                    rsa.getPublicExponent(),
                    rsa.getPrivateExponent(),
                    rsa.getPrime1(),
                    rsa.getPrime2(),
                    rsa.getExponent1(),
                    rsa.getExponent2(),
                    rsa.getCoefficient()));
            if (!rsa.getPrime1().multiply(rsa.getPrime2()).equals(n)) {
                throw new SigningKeyException(name + ": is not a consistent RSA key (p * q != n)");
            }
            return new SigningKey(pub, priv);
        } catch (GeneralSecurityException e) {
            throw new SigningKeyException(name + ": is not a usable RSA key: " + e.getMessage());
        }
    }

    /** The key as PKCS#1 PEM text ({@code -----BEGIN RSA PRIVATE KEY-----}). */
    public static String toPem(SigningKey key) {
        byte[] pkcs1;
        try {
            pkcs1 = PrivateKeyInfo.getInstance(key.privateKey().getEncoded())
                    .parsePrivateKey()
                    .toASN1Primitive()
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the private key", e);
        }
        StringWriter text = new StringWriter();
        try (PemWriter w = new PemWriter(text)) {
            w.writeObject(new PemObject(PKCS1, pkcs1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Writes {@code key} to a new file readable only by its owner (where the file system has POSIX permissions);
     * an existing file is never overwritten.
     */
    public static void write(Path file, SigningKey key) {
        byte[] pem = toPem(key).getBytes(StandardCharsets.US_ASCII);
        try {
            SecretFiles.write(file, pem);
        } catch (FileAlreadyExistsException e) {
            throw new SigningKeyException(file + ": already exists; a key file is never overwritten");
        } catch (IOException e) {
            throw new SigningKeyException(file + ": cannot write the key file: " + e.getMessage());
        }
    }
}

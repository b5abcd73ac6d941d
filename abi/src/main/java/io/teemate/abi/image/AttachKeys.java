package io.teemate.abi.image;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * A container's attach key: an EC P-256 key pair whose public half (X.509 SubjectPublicKeyInfo, DER) is the
 * container manifest's {@code attach_key}, so it is part of the container's identity, and whose private half signs
 * the trusted runtime's attach challenge. Private keys are PEM files (PKCS#8), read and written by BouncyCastle.
 */
public final class AttachKeys {
    private AttachKeys() {}

    /** Where the private attach key of the container manifest {@code manifest} is kept: {@code <stem>.key.pem} beside it. */
    public static Path keyFileOf(Path manifest) {
        String file = manifest.getFileName().toString();
        String stem = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
        return manifest.resolveSibling(stem + ".key.pem");
    }

    /**
     * Gives the container manifest at {@code manifest} an attach key: a new key pair, its private half written to
     * {@link #keyFileOf} and its public half into the manifest's {@code attach_key}. This changes the container's
     * identity, so it is done only when the manifest has no key yet, or when {@code replace} says so.
     * Returns true if a key was made.
     */
    public static boolean provision(Path manifest, boolean replace) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode tree = json.readTree(manifest.toFile());
        if (!(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode m)) {
            throw new ManifestException(manifest.getFileName().toString(), "", "is not a JSON object");
        }
        boolean hasKey = m.hasNonNull("attach_key") && Files.exists(keyFileOf(manifest));
        if (hasKey && !replace) {
            return false;
        }
        KeyPair pair = generate();
        Files.deleteIfExists(keyFileOf(manifest));
        writePrivate(keyFileOf(manifest), pair);
        m.put("attach_key", java.util.Base64.getEncoder().encodeToString(encodePublic(pair)));
        json.writerWithDefaultPrettyPrinter().writeValue(manifest.toFile(), m);
        return true;
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 key generation", e);
        }
    }

    /**
     * Writes the private key as PEM to a new file readable by its owner only (0600 from its creation); an existing
     * key is never overwritten.
     */
    public static void writePrivate(Path file, KeyPair pair) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null)); // PKCS#8: the curve travels with the key
        }
        SecretFiles.write(file, text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Reads a PEM EC private key (PKCS#8 or SEC1); the message names the file and what is wrong. */
    public static PrivateKey readPrivate(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
                PEMParser pem = new PEMParser(in)) {
            Object o = pem.readObject();
            JcaPEMKeyConverter convert = new JcaPEMKeyConverter();
            PrivateKey key;
            if (o instanceof PEMKeyPair pair) {
                key = convert.getPrivateKey(pair.getPrivateKeyInfo());
            } else if (o instanceof PrivateKeyInfo info) {
                key = convert.getPrivateKey(info);
            } else {
                throw new IOException(file + " holds no PEM private key");
            }
            if (!(key instanceof ECPrivateKey)) {
                throw new IOException(file + " holds a " + key.getAlgorithm() + " key, not an EC P-256 key");
            }
            return key;
        }
    }

    /** The public key's DER SubjectPublicKeyInfo: what {@code attach_key} holds (base64 in JSON). */
    public static byte[] encodePublic(KeyPair pair) {
        return pair.getPublic().getEncoded();
    }

    /** Decodes and checks an {@code attach_key}: an EC public key on P-256; null if it is not one. */
    public static ECPublicKey decodePublic(byte[] spki) {
        try {
            if (KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki)) instanceof ECPublicKey k
                    && k.getParams().getCurve().getField().getFieldSize() == 256) {
                return k;
            }
            return null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}

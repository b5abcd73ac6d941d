package io.teemate.enclave.runtime;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Per-container sealing. The container's key is HKDF-SHA256 of the enclave's MRENCLAVE-bound seal key (EGETKEY,
 * KEYPOLICY.MRENCLAVE) with the container's identity as info, so it differs per container and per enclave image,
 * and is the same for the same container in the same enclave image after a restart. Blobs are AES-256-GCM:
 * version (1) | IV (12) | ciphertext and tag, with the identity as additional data.
 */
final class SealingKeys {
    private static final byte VERSION = 1;
    private static final byte[] SALT = "teemate-container-seal-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV = 12;

    private SealingKeys() {
    }

    /** The container's 32-byte sealing key from the enclave seal key and the container identity. */
    static byte[] containerKey(byte[] enclaveSealKey, byte[] identity) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(enclaveSealKey, SALT, identity));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    static byte[] seal(byte[] key, byte[] identity, byte[] plaintext, SecureRandom random) {
        byte[] iv = new byte[IV];
        random.nextBytes(iv);
        try {
            Cipher c = gcm(Cipher.ENCRYPT_MODE, key, iv, identity);
            byte[] ct = c.doFinal(plaintext);
            byte[] out = new byte[1 + IV + ct.length];
            out[0] = VERSION;
            System.arraycopy(iv, 0, out, 1, IV);
            System.arraycopy(ct, 0, out, 1 + IV, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM seal", e);
        }
    }

    /** The plaintext, or null when the blob was not sealed by this container in this enclave image, or changed. */
    static byte[] unseal(byte[] key, byte[] identity, byte[] blob) {
        if (blob.length < 1 + IV + 16 || blob[0] != VERSION) {
            return null;
        }
        try {
            Cipher c = gcm(Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(blob, 1, 1 + IV), identity);
            return c.doFinal(blob, 1 + IV, blob.length - 1 - IV);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unseal", e);
        }
    }

    private static Cipher gcm(int mode, byte[] key, byte[] iv, byte[] aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(aad);
        return c;
    }
}

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
 * Per-container sealing, separated by purpose. The container's root key is HKDF-SHA256 of the enclave's
 * MRENCLAVE-bound seal key (EGETKEY, KEYPOLICY.MRENCLAVE) with the container's identity as info, so it differs per
 * container and per enclave image, and is the same for the same container in the same enclave image after a
 * restart. The root key never seals anything itself: each purpose gets its own key, HKDF-SHA256 of the root key
 * with the purpose's label as info:
 * <ul>
 * <li>{@link #ECALL} ("teemate/ecall"): what ECALL_SEAL / ECALL_UNSEAL serve to the host, that is to the
 *     container's untrusted process, which holds the session token;</li>
 * <li>"teemate/app/" + purpose (for example "kv-snapshot"): the app's own secrets, which no ecall reaches, so
 *     the host can neither open nor forge them.</li>
 * </ul>
 * Blobs are AES-256-GCM: version (2) | IV (12) | ciphertext and tag, with additional data
 * version | label length u16 | label | identity, so a blob of one purpose fails the tag under any other even if
 * the keys were ever the same. Version 1 blobs (one key for everything, reachable through the ecalls) are refused.
 */
final class SealingKeys {
    private static final byte VERSION = 2;
    private static final byte[] SALT = "teemate-container-seal-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PURPOSE_SALT = "teemate-container-seal-purpose-v2".getBytes(StandardCharsets.US_ASCII);
    private static final int IV = 12;
    /** The label of the key the seal/unseal ecalls use: the host's. */
    static final String ECALL = "teemate/ecall";

    private static final String APP_PREFIX = "teemate/app/";
    private static final int MAX_PURPOSE = 64;

    private SealingKeys() {}

    /** The container's 32-byte sealing key from the enclave seal key and the container identity. */
    static byte[] containerKey(byte[] enclaveSealKey, byte[] identity) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(enclaveSealKey, SALT, identity));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    /**
     * The label of an app-internal purpose: "teemate/app/" + {@code purpose}, where {@code purpose} is 1 to 64 of
     * [a-z0-9._-]. Its namespace is apart from {@link #ECALL}'s, so no purpose an app names reaches the ecalls' key.
     */
    static String appLabel(String purpose) {
        if (purpose == null
                || purpose.isEmpty()
                || purpose.length() > MAX_PURPOSE
                || !purpose.chars()
                        .allMatch(ch -> (ch >= 'a' && ch <= 'z')
                                || (ch >= '0' && ch <= '9')
                                || ch == '.'
                                || ch == '_'
                                || ch == '-')) {
            throw new IllegalArgumentException("a sealing purpose is 1 to " + MAX_PURPOSE + " of [a-z0-9._-], not "
                    + (purpose == null ? "null" : "\"" + purpose + "\""));
        }
        return APP_PREFIX + purpose;
    }

    /** The 32-byte key of purpose {@code label} under the container's root key. */
    static byte[] purposeKey(byte[] containerKey, String label) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(containerKey, PURPOSE_SALT, label.getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    /** Seals {@code plaintext} for purpose {@code label} under the container's root key {@code containerKey}. */
    static byte[] seal(byte[] containerKey, String label, byte[] identity, byte[] plaintext, SecureRandom random) {
        byte[] key = purposeKey(containerKey, label);
        try {
            return sealWith(key, aad(label, identity), plaintext, random);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The plaintext, or null when the blob was not sealed by this container in this enclave image for purpose
     * {@code label}, or was changed.
     */
    static byte[] unseal(byte[] containerKey, String label, byte[] identity, byte[] blob) {
        if (blob.length < 1 + IV + 16 || blob[0] != VERSION) {
            return null;
        }
        byte[] key = purposeKey(containerKey, label);
        try {
            Cipher c = gcm(Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(blob, 1, 1 + IV), aad(label, identity));
            return c.doFinal(blob, 1 + IV, blob.length - 1 - IV);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unseal", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] aad(String label, byte[] identity) {
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        return java.nio.ByteBuffer.allocate(1 + 2 + l.length + identity.length)
                .put(VERSION)
                .putShort((short) l.length)
                .put(l)
                .put(identity)
                .array();
    }

    private static byte[] sealWith(byte[] key, byte[] aad, byte[] plaintext, SecureRandom random) {
        byte[] iv = new byte[IV];
        random.nextBytes(iv);
        try {
            Cipher c = gcm(Cipher.ENCRYPT_MODE, key, iv, aad);
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

    private static Cipher gcm(int mode, byte[] key, byte[] iv, byte[] aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(aad);
        return c;
    }
}

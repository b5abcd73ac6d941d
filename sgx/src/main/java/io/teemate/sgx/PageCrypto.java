package io.teemate.sgx;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The processor's paging key CR_BASE_PK and its page versions: EWB encrypts with
 * {@code AES_GCM_ENC(CR_BASE_PK, TMP_VER << 32, TMP_HEADER, ...)} and ELDB/ELDU decrypt the same way
 * (SDM Vol.3D EWB, ELDB/ELDU operation). AES-128-GCM with a 16-byte tag; the nonce is the 96-bit little-endian
 * value {@code version << 32}, and every version is fresh, so no (key, nonce) pair is ever used twice.
 */
final class PageCrypto {
    static final int TAG_LENGTH = 16;
    private static final int NONCE_LENGTH = 12;

    private final SecretKeySpec key;
    /** Versions start at 1: 0 marks an empty VA slot. */
    private final AtomicLong nextVersion = new AtomicLong(1);

    private PageCrypto(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A key chosen at power-on, as real parts do (evicted pages do not survive a reset). */
    static PageCrypto random() {
        byte[] k = new byte[16];
        new SecureRandom().nextBytes(k);
        return new PageCrypto(k);
    }

    /** A key derived from a machine seed, for reproducible runs (like {@link FuseKeys#fromSeed}). */
    static PageCrypto fromSeed(long seed) {
        return new PageCrypto(FuseKeys.expand(seed, "paging key"));
    }

    /** A version no page of this machine was ever written out with. */
    long freshVersion() {
        return nextVersion.getAndIncrement();
    }

    /** Encrypts {@code plaintext}; returns ciphertext (same length) followed by the 16-byte tag. */
    byte[] seal(long version, byte[] header, byte[] plaintext) {
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, version);
            c.updateAAD(header);
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Decrypts and authenticates; null when the tag does not verify (SGX_MAC_COMPARE_FAIL). */
    byte[] open(long version, byte[] header, byte[] ciphertext, byte[] tag) {
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, version);
            c.updateAAD(header);
            byte[] both = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
            System.arraycopy(tag, 0, both, ciphertext.length, tag.length);
            return c.doFinal(both);
        } catch (AEADBadTagException forged) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private Cipher cipher(int mode, long version) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_LENGTH];
        ByteBuffer.wrap(nonce).order(ByteOrder.LITTLE_ENDIAN).putLong(4, version); // version << 32
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        return c;
    }
}
